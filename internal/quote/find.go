package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// A Part is the piece of a quotation inside one paragraph.
type Part struct {
	// Start and End are byte offsets in the source text.
	Start, End int
	// NormStart and NormEnd are offsets in the document's normalized text.
	NormStart, NormEnd int
}

// A Quotation is a passage a document quotes between double quotation
// marks, with the speaker the text attributes it to.
type Quotation struct {
	// Start and End are the source byte offsets of the quoted words,
	// without the quotation marks and without a trailing comma. A
	// quotation that runs over several paragraphs spans all of them.
	Start, End int
	// NormStart and NormEnd are the same span in the document's normalized
	// text.
	NormStart, NormEnd int
	// Parts holds one piece per paragraph the quotation runs over, in
	// order; a quotation inside one paragraph has one part.
	Parts []Part
	// Text is the quoted words, normalized, the parts joined by a space.
	Text string
	// Sent and EndSent are the indexes of the sentences that hold the first
	// and the last quoted word; Para is the paragraph of the first.
	Sent, EndSent, Para int
	// Speaker is who the text says spoke the words.
	Speaker Speaker
}

// A Speaker is the source a document gives for a quotation or a report.
type Speaker struct {
	// Mention is the index, in the mentions given to Find or Reports, of
	// the name of the person who spoke; -1 when no name is given.
	Mention int
	// Role describes the speaker when the text gives no name, as written:
	// "a senior congressional official", "A spokesman for Devin Nunes".
	Role string
	// Cue is the word or phrase that attributes the words: "said",
	// "told", "according to", "asked by"; "" when the speaker was carried
	// over from an earlier quotation.
	Cue string
	// How tells how the speaker was found.
	How How
	// Start and End are the source byte offsets of the words the text
	// attributes the words to: the name, the pronoun ("he said") or the
	// role phrase; a carried speaker keeps those of the quotation it
	// follows. Start == End when the text gives none.
	Start, End int
}

// Known reports whether the speaker has a name or a role.
func (s Speaker) Known() bool { return s.Mention >= 0 || s.Role != "" }

// How tells how a speaker was found.
type How uint8

// The ways a speaker can be found.
const (
	// Unattributed: the text gives no speaker.
	Unattributed How = iota
	// Direct: a cue in the sentence names the speaker or describes a role.
	Direct
	// Pronoun: the cue's subject is "he" or "she", resolved to the nearest
	// compatible speaker or person named before it.
	Pronoun
	// Carried: the quotation follows or continues one whose speaker it
	// keeps.
	Carried
)

// String returns the name of h.
func (h How) String() string {
	switch h {
	case Direct:
		return "direct"
	case Pronoun:
		return "pronoun"
	case Carried:
		return "carried"
	}
	return "unattributed"
}

// Find returns the quotations of d with their speakers, in text order. ms
// are d's person-name mentions as entity.Find returns them; Speaker.Mention
// indexes ms.
//
// A quotation is the text between double quotation marks inside a
// paragraph; one that is not closed at the end of its paragraph goes on in
// the next paragraph when that one opens with a quotation mark, as
// newspapers write long quotations. Short unattributed quotations (scare
// quotes) and capitalized titles of works are left out.
func Find(d *text.Document, ms []entity.Mention) []Quotation {
	a := newAnalyzer(d, ms)
	return a.quotes
}

// analyzer holds what Find and Reports know about one document.
type analyzer struct {
	d      *text.Document
	ms     []entity.Mention
	bySent [][]int // mention indexes per sentence
	quotes []Quotation
	ranges [][2]int        // quoted normalized ranges, sorted
	people *entity.Table   // the document's people, for their sex
	person map[string]bool // family names the document shows to be people's
	curly  bool            // the source uses both curly double marks
	// cues per sentence, computed on demand
	cueCache [][]cue
	cueDone  []bool
	reps     []Report
	repsDone bool
}

func newAnalyzer(d *text.Document, ms []entity.Mention) *analyzer {
	a := &analyzer{d: d, ms: ms}
	n := len(d.Sentences)
	a.bySent = make([][]int, n)
	a.person = make(map[string]bool)
	for i := range ms {
		m := &ms[i]
		if m.Sent >= 0 && m.Sent < n {
			a.bySent[m.Sent] = append(a.bySent[m.Sent], i)
		}
		if m.First != "" || m.IsPersonLike() {
			a.person[strings.ToLower(m.Last)] = true
		}
	}
	src := d.Norm.Source()
	a.curly = strings.Contains(src, "\u201c") && strings.Contains(src, "\u201d")
	a.people = entity.Resolve([][]entity.Mention{ms})
	a.cueCache = make([][]cue, n)
	a.cueDone = make([]bool, n)
	raw := a.spans()
	for _, q := range raw {
		for _, p := range q.Parts {
			a.ranges = append(a.ranges, [2]int{p.NormStart, p.NormEnd})
		}
	}
	a.quotes = a.attribute(raw)
	return a
}

// spans finds the quoted passages of the document's paragraphs: between
// double quotation marks, then, outside those, between single ones (the
// British style), told apart from apostrophes.
func (a *analyzer) spans() []Quotation {
	dbl := &scan{a: a, mark: '"', canOpen: a.dblOpens, mustOpen: a.dblMustOpen, canClose: a.dblCloses}
	a.paragraphs(dbl)
	var skip [][2]int // the double quotations' parts, in order
	for _, q := range dbl.out {
		for _, p := range q.Parts {
			skip = append(skip, [2]int{p.NormStart, p.NormEnd})
		}
	}
	sgl := &scan{a: a, mark: '\'', canOpen: a.sglOpens, canClose: a.sglCloses}
	sgl.skip = func(i int) int {
		// A single mark inside a double quotation is a quotation within
		// the quotation.
		k := sort.Search(len(skip), func(k int) bool { return skip[k][1] > i })
		if k < len(skip) && skip[k][0] <= i {
			return skip[k][1]
		}
		return i
	}
	a.paragraphs(sgl)
	if len(sgl.out) == 0 {
		return dbl.out
	}
	// A double quotation inside a single one is a quotation within it.
	var out []Quotation
	for _, q := range dbl.out {
		inside := false
		for _, o := range sgl.out {
			if q.NormStart >= o.NormStart && q.NormEnd <= o.NormEnd {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, q)
		}
	}
	out = append(out, sgl.out...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].NormStart < out[j].NormStart })
	return out
}

// paragraphs runs s over the document's paragraphs.
func (a *analyzer) paragraphs(s *scan) {
	d := a.d
	for si := 0; si < len(d.Sentences); {
		para := d.Sentences[si].Para
		sj := si
		for sj < len(d.Sentences) && d.Sentences[sj].Para == para {
			sj++
		}
		ps := d.Sentences[si].NormStart()
		last := &d.Sentences[sj-1]
		pe := last.NormStart() + len(last.Norm)
		si = sj
		if ps < 0 || pe > len(d.Norm.Text) || ps >= pe {
			continue
		}
		s.paragraph(ps, pe, para)
	}
	s.finish()
}

// A scan finds the quotations between one kind of mark, paragraph by
// paragraph, carrying an open quotation into the next paragraph when that
// one opens with a mark.
type scan struct {
	a    *analyzer
	mark byte
	// canOpen reports whether the mark at i may open a quotation,
	// mustOpen whether it can only open one (so that a quotation still
	// open was never closed), canClose whether it may close one.
	canOpen, mustOpen, canClose func(t string, i, ps, pe int) bool
	// skip returns where to go on from i, past text the scan must not
	// read.
	skip        func(i int) int
	pending     []Part
	pendingPara int
	out         []Quotation
}

func (s *scan) emit(parts []Part, para int) {
	if q := s.a.makeQuotation(parts, para); q != nil {
		s.out = append(s.out, *q)
	}
}

func (s *scan) finish() {
	if s.pending != nil {
		s.emit(s.pending, s.pendingPara)
		s.pending = nil
	}
}

func (s *scan) paragraph(ps, pe, para int) {
	t := s.a.d.Norm.Text
	open := -1
	var parts []Part
	if s.pending != nil {
		if t[ps] == s.mark && s.pendingPara == para-1 && s.canOpen(t, ps, ps, pe) {
			parts = s.pending
			open = ps + 1
		} else {
			s.emit(s.pending, s.pendingPara)
		}
		s.pending = nil
	}
	startPara := para
	if parts != nil {
		startPara = s.pendingPara
	}
	from := ps
	if open >= 0 {
		from = ps + 1 // the mark that continues the quotation
	}
	weak := -1 // a mark that may close the quotation or be an apostrophe
	for i := from; ; i++ {
		if i >= pe {
			if open < 0 || !s.a.tooManySentences(open, pe-1) {
				break
			}
			// Still open at the end of a paragraph of many sentences: the
			// mark opened nothing (see below); what came before it from
			// the previous paragraph stands alone.
			if parts != nil {
				s.emit(parts, startPara)
				parts = nil
			}
			i, open, weak = open-1, -1, -1
			continue
		}
		if s.skip != nil && open < 0 {
			if j := s.skip(i); j > i {
				i = j - 1
				continue
			}
		}
		if t[i] != s.mark {
			continue
		}
		if open < 0 {
			if s.canOpen(t, i, ps, pe) {
				open = i + 1
				startPara = para
				weak = -1
			}
			continue // else a stray mark: an inch sign, a closing mark with no opening
		}
		if s.mustOpen != nil && s.mustOpen(t, i, ps, pe) {
			// Two opening marks in a row: the first quotation was never
			// closed; end it before this one.
			parts = append(parts, s.a.part(open, i))
			s.emit(parts, startPara)
			parts = nil
			open = i + 1
			startPara = para
			continue
		}
		if !s.canClose(t, i, ps, pe) {
			continue
		}
		if s.a.tooManySentences(open, i) {
			// A mark that opened nothing paired with one far on: in a
			// paragraph of many sentences (a live blog, a page of
			// comments) an unclosed mark would swallow them all. The
			// opening mark is taken for a stray one and the scan goes on
			// after it.
			i, open, weak = open-1, -1, -1
			continue
		}
		if s.mark == '\'' && weakClose(t, i, pe) {
			if weak < 0 {
				weak = i
			}
			continue
		}
		parts = append(parts, s.a.part(open, i))
		s.emit(parts, startPara)
		parts = nil
		open = -1
	}
	if open >= 0 && weak >= 0 {
		// Only marks that may be apostrophes ("the Joneses' car") were
		// left: the first of them closes the quotation.
		parts = append(parts, s.a.part(open, weak))
		s.emit(parts, startPara)
		parts = nil
		open = -1
	}
	if open >= 0 {
		s.pending = append(parts, s.a.part(open, pe))
		s.pendingPara = para
	}
}

// maxQuoteSentences is the most sentences a quotation may span inside one
// paragraph: news breaks a long quotation into paragraphs, each opening
// with a mark.
const maxQuoteSentences = 20

// tooManySentences reports whether normalized offsets open and end lie
// more than maxQuoteSentences sentences apart.
func (a *analyzer) tooManySentences(open, end int) bool {
	so, se := a.sentenceAt(open), a.sentenceAt(end)
	return so >= 0 && se >= 0 && se-so >= maxQuoteSentences
}

// A markDir is what the source character behind a quotation mark tells
// of its direction.
type markDir uint8

const (
	eitherWay markDir = iota
	opening
	closing
)

// dir returns the direction of the mark at normalized offset i: curly
// marks, guillemets and two backticks tell it, straight marks do not. A
// document that uses only one curly double mark uses it both ways, so its
// marks tell nothing.
func (a *analyzer) dir(i int) markDir {
	src := a.d.Norm.Source()
	j := a.d.Norm.Start(i)
	if j < 0 || j >= len(src) {
		return eitherWay
	}
	r, _ := utf8.DecodeRuneInString(src[j:])
	switch r {
	case '\u201c', '\u201e', '\u00ab':
		if a.curly {
			return opening
		}
	case '\u201d', '\u00bb':
		if a.curly {
			return closing
		}
	case '`', '\u2018':
		return opening
	case '\u2019':
		return closing
	}
	return eitherWay
}

// context returns the direction the characters around the double mark at
// t[i] give it: a mark that opens its paragraph, or has a space or an
// opening bracket before it and a word after it, opens; one with a word or
// punctuation before it and a space, punctuation or the paragraph's end
// after it closes. Other marks (spaced on both sides, glued on both sides)
// are eitherWay.
func context(t string, i, ps, pe int) markDir {
	if i == ps {
		return opening
	}
	prev, _ := utf8.DecodeLastRuneInString(t[ps:i])
	next := ' '
	if i+1 < pe {
		next, _ = utf8.DecodeRuneInString(t[i+1:])
	}
	prevOpen := unicode.IsSpace(prev) || unicode.Is(unicode.Cf, prev) || strings.ContainsRune("([{-", prev)
	prevClose := unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(".,!?;:)]", prev)
	nextOpen := unicode.IsLetter(next) || unicode.IsDigit(next) || strings.ContainsRune("([$#@'", next)
	nextClose := i+1 >= pe || unicode.IsSpace(next) || strings.ContainsRune(".,!?;:)]-", next)
	switch {
	case prevOpen && nextOpen:
		return opening
	case prevClose && nextClose:
		return closing
	}
	return eitherWay
}

// dblDir returns the direction of the double mark at t[i]: by its
// context, else by how it is written.
func (a *analyzer) dblDir(t string, i, ps, pe int) markDir {
	if c := context(t, i, ps, pe); c != eitherWay {
		return c
	}
	return a.dir(i)
}

// dblOpens reports whether the double mark at t[i] can open a quotation:
// it is not glued to a word or a digit before it (an inch sign, a stray
// closing mark) and is not written as a closing mark. Marks spaced on both
// sides, as tokenized text writes them, can open.
func (a *analyzer) dblOpens(t string, i, ps, pe int) bool {
	switch a.dblDir(t, i, ps, pe) {
	case opening:
		return i+1 < pe
	case closing:
		return false
	}
	return opens(t, i, ps, pe)
}

// dblMustOpen reports whether the double mark at t[i] can only open a
// quotation: by its context or as it is written, or with nothing but a
// space or a bracket before it and a letter or a digit after it.
func (a *analyzer) dblMustOpen(t string, i, ps, pe int) bool {
	switch a.dblDir(t, i, ps, pe) {
	case opening:
		return i+1 < pe
	case closing:
		return false
	}
	return clearlyOpens(t, i, ps, pe)
}

// dblCloses reports whether the double mark at t[i] can close a quotation.
func (a *analyzer) dblCloses(t string, i, ps, pe int) bool {
	return a.dblDir(t, i, ps, pe) != opening
}

// elisions are words written with a leading apostrophe.
var elisions = []string{"em", "til", "cause", "cos", "n'", "tis", "twas", "bout", "round",
	"cuz", "nuff", "ol'", "s "}

// sglOpens reports whether the single mark at t[i] opens a quotation: no
// letter or digit before it, a letter or a digit after it, and not an
// apostrophe that opens a word ("'90s", "'em") or one written as a
// closing mark.
func (a *analyzer) sglOpens(t string, i, ps, pe int) bool {
	if i+1 >= pe || a.dir(i) == closing {
		return false
	}
	if i > ps {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			return false
		}
		// A hyphen inside a name: "Al-'Owhali".
		if r == '-' && i-n > ps {
			if p, _ := utf8.DecodeLastRuneInString(t[:i-n]); unicode.IsLetter(p) {
				return false
			}
		}
	}
	r, _ := utf8.DecodeRuneInString(t[i+1:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	rest := t[i+1 : min(pe, i+8)]
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) && (len(rest) == 2 || !isDigit(rest[2])) {
		return false // '90s, '16
	}
	low := strings.ToLower(rest)
	for _, e := range elisions {
		if strings.HasPrefix(low, e) && (len(low) == len(e) || !isLetter(low[len(e)])) {
			return false
		}
	}
	return true
}

// sglCloses reports whether the single mark at t[i] can close a
// quotation: a letter, a digit or punctuation before it, no letter or
// digit after it (which makes "don't" an apostrophe).
func (a *analyzer) sglCloses(t string, i, ps, pe int) bool {
	if i == ps || a.dir(i) == opening {
		return false
	}
	if i+1 < pe {
		r, _ := utf8.DecodeRuneInString(t[i+1:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return !unicode.IsSpace(r)
}

// weakClose reports whether the single mark at t[i], which can close a
// quotation, may as well be the apostrophe of a plural possessive: after
// an "s" and before a word in lower case ("the Joneses' car").
func weakClose(t string, i, pe int) bool {
	if t[i-1] != 's' || i+2 >= pe || t[i+1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i+2:])
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// opens reports whether the mark at t[i] can open a quotation: it is not
// glued to a word or a digit before it (an inch sign, a stray closing
// mark). Marks spaced on both sides, as tokenized text writes them, can
// open.
func opens(t string, i, ps, pe int) bool {
	if i+1 >= pe {
		return false
	}
	if i > ps {
		r, _ := utf8.DecodeLastRuneInString(t[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// clearlyOpens reports whether the mark at t[i] can only open a
// quotation: nothing but a space or a bracket before it, a letter or a
// digit after it.
func clearlyOpens(t string, i, ps, pe int) bool {
	if i+1 >= pe {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t[i+1:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	if i == ps {
		return true
	}
	c := t[i-1]
	return isSpace(c) || c == '(' || c == '['
}

// part makes the Part of the normalized range [s, e), trimmed of spaces
// and of a trailing comma or colon.
func (a *analyzer) part(s, e int) Part {
	t := a.d.Norm.Text
	for s < e && isSpace(t[s]) {
		s++
	}
	for e > s && (isSpace(t[e-1]) || t[e-1] == ',' || t[e-1] == ':' || t[e-1] == ';') {
		e--
	}
	return Part{NormStart: s, NormEnd: e, Start: a.d.Norm.Start(s), End: a.d.Norm.End(e)}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// makeQuotation builds a quotation from its parts, or returns nil when
// the parts hold no word.
func (a *analyzer) makeQuotation(parts []Part, para int) *Quotation {
	t := a.d.Norm.Text
	var keep []Part
	var b strings.Builder
	for _, p := range parts {
		if p.NormEnd <= p.NormStart || !hasWord(t[p.NormStart:p.NormEnd]) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t[p.NormStart:p.NormEnd])
		keep = append(keep, p)
	}
	if len(keep) == 0 {
		return nil
	}
	first, last := keep[0], keep[len(keep)-1]
	q := &Quotation{
		Start: first.Start, End: last.End, NormStart: first.NormStart, NormEnd: last.NormEnd,
		Parts: keep, Text: b.String(), Para: para,
		Speaker: Speaker{Mention: -1},
	}
	q.Sent = a.sentenceAt(first.NormStart)
	q.EndSent = a.sentenceAt(last.NormEnd - 1)
	if q.Sent < 0 || q.EndSent < q.Sent {
		return nil
	}
	q.Para = a.d.Sentences[q.Sent].Para
	return q
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// sentenceAt returns the index of the sentence that holds normalized
// offset off (or the last sentence starting before it), or -1.
func (a *analyzer) sentenceAt(off int) int {
	ss := a.d.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].NormStart() > off })
	return i - 1
}

// quoted reports whether normalized offset off lies inside a quotation.
func (a *analyzer) quoted(off int) bool {
	r := a.ranges
	i := sort.Search(len(r), func(i int) bool { return r[i][1] > off })
	return i < len(r) && r[i][0] <= off
}

// tokQuoted reports whether token k of sentence si is quoted.
func (a *analyzer) tokQuoted(si, k int) bool {
	s := &a.d.Sentences[si]
	return a.quoted(s.NormStart() + s.Tokens[k].Start)
}
