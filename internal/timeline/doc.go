// Package timeline writes a sourced timeline of a topic from many articles
// published over weeks or months: the days that matter most, each with the
// sentences, taken word for word from the articles with byte offsets, that
// tell what happened that day, and the articles and outlets that report it.
//
// Build follows the date-wise approach that works best without training
// data in the studies of news timeline summarization (Martschat and Markert
// 2018; Ghalandari and Ifrim 2020):
//
//  1. Candidates. Every body sentence that names a day is a candidate for
//     that day: the date expressions are found and resolved against the
//     article's publication date by package timex ("on Thursday", "June
//     25", "two weeks ago"). Expressions of a month or a year only, days
//     whose year cannot be known and times of day alone are left out: a
//     timeline entry is a day. A sentence among the first LeadSentences
//     of an article that names no date is a candidate for the day of
//     publication and the day before it, since news reports what happened
//     today or yesterday; publication weighs less than naming in the
//     choice of days (step 2).
//  2. Dates. A day's score counts the articles that name it (each article
//     once, however many of its sentences do), plus PublishedWeight for
//     each article published on it. The Dates best days are kept.
//  3. Sentences. For each kept day, in order of score, the candidates are
//     compared with the day's centroid (the mean TF-IDF vector of the
//     sentences that name the day plus the mean of those dated by
//     publication, on the words both hold: the "PM-Mean" centroid of
//     Ghalandari and Ifrim) and with the whole topic (the mean of all
//     sentences), weighted TopicWeight, and the most central ones are
//     taken. A sentence too similar to one already taken, for this day or
//     another, is passed over, so one event does not fill several days.
//  4. Sources. An entry lists the articles whose candidates for that day
//     say the same as a chosen sentence (cosine at least ReportSimilarity)
//     and their outlets.
//
// Everything is linear in the size of the input: each article is analysed
// once, each candidate is compared with its day's centroid and with the
// few sentences already chosen. The output is deterministic: ties are
// broken by date, article order and offset.
//
// PublicationBaseline is the simple baseline to measure it against: the
// days on which most articles were published, each told by the first
// sentences of that day's most central article.
package timeline
