// Package cluster groups a stream of articles into stories, online: each
// article, in publication order, joins the most similar open story if it
// is similar enough, or starts a new one (after Miranda et al., "Multilingual
// Clustering of Streaming News", EMNLP 2018, with one similarity and one
// threshold instead of their learned ranking).
//
// # Articles as vectors
//
// A text is split into words by a byte-level splitter (ASCII lower-casing,
// a possessive 's dropped, hyphens split, curly quotes and dashes read as
// punctuation) with a cache from word form to stem (the Snowball stems of
// internal/text), so a word costs one hash lookup after its first meeting.
// An article's terms are the stems of its content words (not stop words,
// no numbers under three digits) and, in text that keeps its capitals, its
// names: a run of capitalized words inside a sentence ("Michael Flynn"),
// and its last word alone ("Flynn"). In text that was lower-cased, as
// Multi-News is, names are rare words like any other, which the inverse
// document frequency already weighs up. A term weighs 1 + ln(count); a word
// of the title or of the first 30 content words counts twice, a name twice.
// The vector is normalized to unit length.
//
// A term's inverse document frequency, ln((N+1)/(df+1)) + 1, is learned as
// the stream goes: N is the number of articles seen so far and df the
// number that held the term, so nothing is trained beforehand. With
// Options.Prior (a background's idf per stem, such as align's, passed by
// the caller), the stream counts 500 pseudo articles drawn from the
// background with its own, ln((N+M+1)/(df+M·p+1)) + 1 where p is the
// background's share of articles holding the term: weights then hold in a
// pile of a few articles, and the stream's counts take over as it grows.
//
// # Stories
//
// A story is the sum of its articles' unit vectors, trimmed to its 300
// heaviest terms (by weight and idf) when it grows past 600. An article's
// similarity to a story is the cosine of the two weighted by the current
// idf; it joins the most similar story when that reaches the threshold
// (DefaultThreshold). An article similar enough to two stories whose own
// centroids have converged (cosine 0.5) merges them: the smaller into the
// larger.
//
// Time: a story whose latest dated article is older than the window
// (DefaultWindow, seven days) before the newest publication time seen goes
// quiet: it leaves the index and no article joins it again. An undated
// article ignores time and can join any story still open; Group feeds
// undated articles after the dated ones.
//
// # Cost
//
// Candidate stories come from an inverted index from terms to the stories
// that hold them. An article looks up its 8 heaviest terms that an earlier
// article had, walks the latest 32 open stories under each, adds up the
// weight each story shares with it, and compares itself in full only with
// the 8 stories that share the most. The work per article is therefore
// bounded by these constants and the article's length, not by the number
// of stories (BenchmarkAdd: 1,000, 10,000 and 100,000 open stories; at
// 100,000 an article costs about a third more, from the memory it touches
// and the larger heap, not from more work). Stories that close or merge leave stale entries behind in
// the index, which is compacted when half of it is stale, so memory stays
// linear in the articles. (A Clusterer also keeps each article it was
// given, sharing its strings, to name and title the stories.)
//
// # Texts that are not articles
//
// Scrapers keep web-archive notices, page chrome (cookie, sign-up, video
// player and login prompts), captions and near-empty pages instead of an
// article. IsArticle decides with the text stage's own rules (see its
// documentation); a Clusterer sets such a text apart as a story of its
// own, with the reason, that never joins or seeds another. Running the
// text stage on every article would cost more than the clustering itself,
// so a Clusterer runs it only on the texts that need it: texts shorter than
// 100 words, and texts that repeat a sentence (six words or more) of an
// earlier text, since page chrome and notices are the same words on many
// pages. The parts of such a text that the text stage drops (a prompt
// before the article, a caption after it) are left out of its vector. A
// long text that shares no sentence with any earlier one is taken for an
// article as it is: the first copy of a long page of chrome passes.
//
// # A story among a set
//
// To find which articles of a small set (the inputs of one brief) share
// nothing with the rest, Group the set and take the largest story: the
// other stories' articles are about something else, and stories with
// Aside set are not articles. With few articles the idf knows little, so
// a lower Threshold suits such a set better than a stream's.
//
// Everything is deterministic for a given input order: ties go to the
// older story and the lower term.
package cluster
