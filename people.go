package parallax

// A Person is someone or something a story names: a person, an
// organization or a place, with one canonical name across the sources.
//
// "Michael Flynn", "Mr Flynn", "Flynn", "General Flynn" and "Mike Flynn"
// are one Person named "Michael Flynn": titles and honorifics are not part
// of a name, and a first name's familiar form counts as the formal one.
type Person struct {
	// Name is the canonical name: the fullest form the sources give,
	// without titles ("Michael Flynn", "Senate Intelligence Committee").
	Name string `json:"name"`
	// Kind is "person", "organization" or "place" when the text tells
	// which, else "".
	Kind string `json:"kind,omitempty"`
	// Aliases lists the other forms of the name as the sources write them
	// ("Flynn", "Mike Flynn", "FBI"), in order of first appearance.
	Aliases []string `json:"aliases,omitempty"`
	// Roles lists what the sources say the person is ("spokesman" of the
	// "White House"; "lawyer" of "Michael Flynn"), each once.
	Roles []Role `json:"roles,omitempty"`
	// Mentions locates every mention of the name in the sources, title
	// and possessive "'s" left out, in source order then text order.
	Mentions []Span `json:"mentions"`
	// QuotedBy lists the IDs of the sources that quote the person or
	// report what the person said, in source order.
	QuotedBy []string `json:"quoted_by,omitempty"`
}

// A Role is a title or a role a source gives a person: "White House
// spokesman Sean Spicer" gives Sean Spicer the role "spokesman" of the
// organization "White House"; "Flynn's lawyer Robert Kelner" gives Robert
// Kelner the role "lawyer" of the person "Michael Flynn".
type Role struct {
	// Role is the title or role, modifiers kept, as written: "spokesman",
	// "former national security adviser", "President".
	Role string `json:"role"`
	// Organization is the organization the role is held in, when the
	// text names it.
	Organization string `json:"organization,omitempty"`
	// Of is the canonical name of the person the role is held for ("the
	// lawyer of Michael Flynn"), when the text names one.
	Of string `json:"of,omitempty"`
	// Sources lists the IDs of the sources that give the role.
	Sources []string `json:"sources"`
	// Evidence holds, for each source in Sources, the span of the words
	// that give the role.
	Evidence []Span `json:"evidence"`
}

// A WordChange is one place where a source words a quote differently from
// the first source of its ledger entry: words the first source has that
// this one does not (From), words this one has instead or in addition
// (To), or both. Words, not characters, are compared, without regard to
// case and punctuation.
type WordChange struct {
	// From locates the first source's words, nil for words only added.
	From *Span `json:"from,omitempty"`
	// FromText is the text of From as the first source has it.
	FromText string `json:"from_text,omitempty"`
	// To locates this source's words, nil for words only left out.
	To *Span `json:"to,omitempty"`
	// ToText is the text of To as this source has it.
	ToText string `json:"to_text,omitempty"`
}

// The kinds of a quote ledger entry (Quote.Kind).
const (
	// QuoteWhole: the first source quotes the words whole, between
	// quotation marks.
	QuoteWhole = "quote"
	// QuotePartial: the first source reports the statement in its own
	// words and quotes some of them ("Kelner said no "reasonable person"
	// would ..."); Text is the reported clause, marks included.
	QuotePartial = "partial"
	// QuoteIndirect: no source quotes the statement; it is reported in
	// indirect speech ("Spicer said the president wants ..."), the
	// outlet's words, not the speaker's. Text is the reported clause.
	QuoteIndirect = "indirect"
)

// The forms a source can carry a ledger entry in (Quote.Forms).
const (
	// FormVerbatim: the same words as the first source.
	FormVerbatim = "verbatim"
	// FormShortened: some of the first source's words, in order, none
	// added: a contiguous or elided part.
	FormShortened = "shortened"
	// FormReworded: quoted with different words (see Quote.Changes).
	FormReworded = "reworded"
	// FormParaphrased: reported without quotation marks what another
	// source quotes.
	FormParaphrased = "paraphrased"
	// FormIndirect: reported in indirect speech, in an entry no source
	// quotes.
	FormIndirect = "indirect"
)

// The flags of a quote ledger entry (Quote.Flags).
const (
	// FlagSpeakerConflict: sources give the same words to different
	// people (see Quote.Speakers).
	FlagSpeakerConflict = "speaker_conflict"
	// FlagQuotedByOne: one source puts between quotation marks what the
	// others report as paraphrase.
	FlagQuotedByOne = "quoted_by_one"
)
