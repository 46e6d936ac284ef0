package parallax

// A Brief is one sourced account of a story told by several outlets.
//
// Every piece of text in a Brief is taken from the articles: each Statement
// carries the spans of the sentences that report its information, one or
// more per source.
type Brief struct {
	// Title is a short name for the story, taken from the articles.
	Title string `json:"title,omitempty"`
	// Sources lists the articles the brief was made from, in input order.
	Sources []Source `json:"sources"`
	// Summary is the extractive summary, in reading order.
	Summary []Statement `json:"summary"`
	// Agreed holds the information reported by every source.
	Agreed []Statement `json:"agreed"`
	// Exclusive holds, by source ID, the important information that only
	// that source reports.
	Exclusive map[string][]Statement `json:"exclusive"`
	// Conflicts holds aligned reports that disagree on a number, a date, a
	// name or a claim's polarity. It is empty, not nil, when none were found.
	Conflicts []Conflict `json:"conflicts"`
	// Quotes is the quote ledger: who said what, and which sources carried it.
	Quotes []Quote `json:"quotes"`
	// People lists the people, organizations and places the sources name,
	// each under one canonical name, in order of first mention. It is
	// empty, not nil, when none were found.
	People []Person `json:"people"`
	// Reports counts the independent reports among the sources: copies of
	// one report (see Copies) count once, and sources set aside count not
	// at all.
	Reports int `json:"reports"`
	// Copies holds each group of two or more sources that carry one
	// report: a wire story reprinted, trimmed, re-headlined or extended.
	// Information carried only by the copies of one report is not counted
	// as confirmed by several outlets.
	Copies []CopyGroup `json:"copies,omitempty"`
	// Timeline holds the dated happenings the sources tell, in time order
	// (see TimelineEntry). It is empty, not nil, when none were found.
	Timeline []TimelineEntry `json:"timeline"`
	// Framing holds, for each source not set aside and in the order of
	// Sources, how it tells the story (see OutletFraming).
	Framing []OutletFraming `json:"framing"`
}

// A TimelineEntry is one happening the sources date: when it happened, as
// the text tells it, kept apart from when it was reported.
//
// Entries whose year is known come first, in time order; then those whose
// year the text does not give and no publication date supplies ("13
// February", "July"), by month and day; then those written relative to a
// publication date that is not known ("Thursday"), in text order. A value
// is never guessed.
type TimelineEntry struct {
	// Date is the date of the happening in ISO 8601 form at its precision:
	// "2017-03-15T14:30", "2017-03-15", "2017-03", "2016"; "--03-15" or
	// "--07" when the year is unknown; "" when the expression is relative
	// and the source has no publication date to resolve it against.
	Date string `json:"date"`
	// Precision is "minute", "day", "month" or "year", or "" when Date is "".
	Precision string `json:"precision"`
	// Written is the date expression as the first source writes it, such
	// as "On February 13" without the "On": "February 13".
	Written string `json:"written"`
	// Relative reports that the expression is relative to its source's
	// publication date ("on Thursday", "two weeks ago").
	Relative bool `json:"relative,omitempty"`
	// Kind is "since" or "until" when the date starts or ends a period
	// ("since July"), else "".
	Kind string `json:"kind,omitempty"`
	// When locates the date expression in the first source.
	When Span `json:"when"`
	// Text is the happening as the first source tells it: the sentence
	// that holds the date expression, exactly as it appears in the text.
	Text string `json:"text"`
	// Sources lists the IDs of every source that reports the happening,
	// the one Text was taken from first.
	Sources []string `json:"sources"`
	// Evidence holds, for each source in Sources and in the same order,
	// the span of the sentence that reports it. Evidence[0] holds When.
	Evidence []Span `json:"evidence"`
	// Reported is the earliest publication time of the sources, in RFC
	// 3339, when one is known: when the happening was reported.
	Reported string `json:"reported,omitempty"`
}

// A CopyGroup is a set of sources that are copies of one report.
type CopyGroup struct {
	// Sources lists the IDs of the copies, the one the others are compared
	// with first: the earliest published, else the first given.
	Sources []string `json:"sources"`
	// Shared holds, for each source in Sources after the first and in the
	// same order, the share of that source's text found in the first
	// (word shingles it holds that the first holds too), from 0 to 1.
	Shared []float64 `json:"shared"`
}

// A Source describes one article of a brief.
type Source struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	// Published is the publication time in RFC 3339, when known.
	Published string `json:"published,omitempty"`
	// Dateline is the place (and agency) line that opens the report, such
	// as "WASHINGTON (Sputnik)", when there is one.
	Dateline string `json:"dateline,omitempty"`
	// TitleSpan locates the title in the text, when the title was read
	// from it.
	TitleSpan *Span `json:"title_span,omitempty"`
	// SetAside, when not empty, says why the source was left out of the
	// account, such as "not about this story": nothing else in the brief
	// cites it.
	SetAside string `json:"set_aside,omitempty"`
}

// A Statement is one sentence taken from a source, with every source that
// reports the same information.
type Statement struct {
	// Text is the sentence exactly as it appears in the first evidence
	// span's source.
	Text string `json:"text"`
	// Sources lists the IDs of every source that reports the information,
	// the one Text was taken from first.
	Sources []string `json:"sources"`
	// Evidence holds, for each source in Sources and in the same order, the
	// span of the sentence that reports the information. Evidence[0] is the
	// span Text was taken from.
	Evidence []Span `json:"evidence"`
	// CarriedBy says, when the outlet table knows some of the sources'
	// outlets, which kinds of outlets report the information: "only
	// state-controlled outlets report this", "reported by 2 public
	// broadcasters, 1 private outlet (UK, US)". It is given on summary,
	// agreed and exclusive statements.
	CarriedBy string `json:"carried_by,omitempty"`
}

// A Conflict is information that several sources report with different
// values.
type Conflict struct {
	// Kind is what differs: "number", "date", "name" or "polarity".
	Kind string `json:"kind"`
	// Sides holds one entry per distinct value, each with its statement.
	Sides []ConflictSide `json:"sides"`
}

// A ConflictSide is one value of a Conflict and the statement that reports it.
type ConflictSide struct {
	Value     string    `json:"value"`
	Statement Statement `json:"statement"`
}

// A Quote is one thing a person said, with every source that carried it
// and how: an entry of the quote ledger.
type Quote struct {
	// Speaker is the speaker's canonical name (see Person), or the role
	// a source describes when none names the speaker, or "".
	Speaker string `json:"speaker"`
	// Kind is QuoteWhole, QuotePartial or QuoteIndirect; "" reads as
	// QuoteWhole.
	Kind string `json:"kind,omitempty"`
	// Text is the quoted words as the first source carries them; for a
	// partial or indirect entry, the reported clause.
	Text string `json:"text"`
	// Sources lists the IDs of the sources that carried the quote.
	Sources []string `json:"sources"`
	// Evidence holds, for each source in Sources, the span of the quoted
	// words, of the reported clause, or of the sentence that reports them
	// in other words.
	Evidence []Span `json:"evidence"`
	// Forms tells, for each source in Sources, how it carried the quote,
	// compared with the first: FormVerbatim, FormShortened, FormReworded,
	// FormParaphrased or FormIndirect.
	Forms []string `json:"forms"`
	// Speakers holds, for each source in Sources, the speaker as that
	// source gives it. They differ under FlagSpeakerConflict, or when
	// sources describe one unnamed speaker in other words ("the
	// official", "a senior State Department official").
	Speakers []string `json:"speakers,omitempty"`
	// Changes holds, for each source in Sources, the words a reworded
	// source changes from the first source's; nil for the other forms.
	Changes [][]WordChange `json:"changes,omitempty"`
	// Flags lists FlagSpeakerConflict and FlagQuotedByOne when they apply.
	Flags []string `json:"flags,omitempty"`
}
