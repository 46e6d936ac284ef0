package parallax

// An OutletFraming is how one source tells the story, each part tied to
// its words: what it says first, how it attributes what people said,
// where it hedges, what the others report that it leaves out, what only
// it reports, whom it quotes and how much, and which outlets and
// documents it credits.
type OutletFraming struct {
	// Source is the ID of the source (one article); Outlet its outlet's
	// name as the brief's Sources give it.
	Source string `json:"source"`
	Outlet string `json:"outlet"`
	// Profile is the outlet's profile (country, kind of ownership), when
	// the outlet table in use lists the outlet.
	Profile *OutletProfile `json:"profile,omitempty"`
	// Lead is the opening of the body: its first sentence, and the second
	// when the first is short. LeadText is the text of those spans,
	// exactly as in the source, joined by a space.
	Lead     []Span `json:"lead"`
	LeadText string `json:"lead_text"`
	// Verbs lists the verbs the source attributes speech with, the most
	// used first.
	Verbs []VerbUse `json:"verbs"`
	// Hedges lists the words in the source's own voice (outside
	// quotations) that hold a claim at a distance: "reportedly",
	// "alleged", "could", in text order.
	Hedges []Hedge `json:"hedges"`
	// LeavesOut holds information most of the other independent reports
	// (at least two) carry and this source does not, by the brief's
	// same-information decision; each statement cites the others.
	LeavesOut []Statement `json:"leaves_out"`
	// OnlyHere holds the brief's exclusive statements of this source.
	OnlyHere []Statement `json:"only_here"`
	// Voices lists whom the source quotes, by share of its quoted words,
	// the largest first; words the source quotes from no one named count
	// under the speaker "".
	Voices []Voice `json:"voices"`
	// Unheard lists the speakers other sources quote and this one does
	// not (it may still report their words without quoting them).
	Unheard []Unheard `json:"unheard"`
	// Credits lists the outlets and documents the source credits for its
	// information ("told NBC", "according to the Wall Street Journal",
	// "in a statement"), in text order.
	Credits []Credit `json:"credits"`
}

// A VerbUse is one verb of attribution and whom a source uses it for.
type VerbUse struct {
	// Verb is the cue as written, in lower case: "said", "told",
	// "according to", "insisted".
	Verb string `json:"verb"`
	// Count is the number of uses; Spans locates each use of the verb.
	Count int    `json:"count"`
	Spans []Span `json:"spans"`
	// Speakers lists the speakers the verb is used for, the most frequent
	// first.
	Speakers []NameCount `json:"speakers"`
}

// A NameCount is a name and how many times it occurs.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// A Hedge is one hedging word or phrase of a source.
type Hedge struct {
	// Word is the hedge in lower case, normalized: "reportedly", "is said
	// to", "according to sources".
	Word string `json:"word"`
	// Span locates the hedge in the source.
	Span Span `json:"span"`
}

// A Voice is a speaker a source quotes and how much.
type Voice struct {
	// Speaker is the canonical name (as in the quote ledger), the role the
	// source gives when it names no one, or "" for quotations attributed
	// to no one.
	Speaker string `json:"speaker"`
	// Quotes is the number of quotations; Words their words; Share the
	// share of the source's quoted words, from 0 to 1.
	Quotes int     `json:"quotes"`
	Words  int     `json:"words"`
	Share  float64 `json:"share"`
	// Spans locates each quotation.
	Spans []Span `json:"spans"`
}

// An Unheard is a speaker that other sources quote and a source does not.
type Unheard struct {
	Speaker string `json:"speaker"`
	// QuotedBy lists the IDs of the sources that quote the speaker.
	QuotedBy []string `json:"quoted_by"`
}

// A Credit is an outlet or a document a source credits.
type Credit struct {
	// Name is the outlet or document as written: "NBC", "the Wall Street
	// Journal", "a statement".
	Name string `json:"name"`
	// Kind is "outlet" or "document".
	Kind string `json:"kind"`
	// Cue is the words that credit it, in lower case: "told",
	// "according to", "reported", "in an interview with".
	Cue string `json:"cue"`
	// Span locates Name in the source.
	Span Span `json:"span"`
}

// An OutletProfile describes an outlet: facts of public record used to say
// which kinds of outlets carry a statement. It rates no outlet.
type OutletProfile struct {
	// Name is the outlet's name: "BBC News".
	Name string `json:"name"`
	// Domains lists the web domains of its articles: "bbc.com",
	// "bbc.co.uk". An article whose URL's host is one of them or under
	// one of them is the outlet's.
	Domains []string `json:"domains"`
	// Country is where the outlet is based, as the table writes it.
	Country string `json:"country,omitempty"`
	// Ownership is the kind of ownership: "public broadcaster",
	// "private", "state-controlled", "nonprofit" and the like.
	Ownership string `json:"ownership,omitempty"`
	// Labels holds any further labels the table's author added.
	Labels []string `json:"labels,omitempty"`
}
