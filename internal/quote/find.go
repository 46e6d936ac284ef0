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
	ranges [][2]int // quoted normalized ranges, sorted
	gender map[string]entity.Gender
	person map[string]bool // family names the document shows to be people's
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
	a.gender = make(map[string]entity.Gender)
	a.person = make(map[string]bool)
	for i := range ms {
		m := &ms[i]
		if m.Sent >= 0 && m.Sent < n {
			a.bySent[m.Sent] = append(a.bySent[m.Sent], i)
		}
		last := strings.ToLower(m.Last)
		if m.Gender != entity.Unknown {
			a.gender[last] = m.Gender
		}
		if m.First != "" || m.IsPersonLike() {
			a.person[last] = true
		}
	}
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

// spans finds the quoted passages of the document's paragraphs.
func (a *analyzer) spans() []Quotation {
	d := a.d
	t := d.Norm.Text
	var out []Quotation
	var pending []Part // an open quotation at the end of the previous paragraph
	pendingPara := -1
	emit := func(parts []Part, para int) {
		q := a.makeQuotation(parts, para)
		if q != nil {
			out = append(out, *q)
		}
	}
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
		if ps < 0 || pe > len(t) || ps >= pe {
			continue
		}
		open := -1
		var parts []Part
		if pending != nil {
			if t[ps] == '"' && pendingPara == para-1 {
				parts = pending
				open = ps + 1
			} else {
				emit(pending, pendingPara)
			}
			pending = nil
		}
		startPara := para
		if parts != nil {
			startPara = pendingPara
		}
		from := ps
		if open >= 0 {
			from = ps + 1 // the mark that continues the quotation
		}
		for i := from; i < pe; i++ {
			if t[i] != '"' {
				continue
			}
			if open < 0 {
				if !opens(t, i, ps, pe) {
					continue // a stray mark: an inch sign, a closing mark with no opening
				}
				open = i + 1
				startPara = para
				continue
			}
			if clearlyOpens(t, i, ps, pe) {
				// Two opening marks in a row: the first quotation was
				// never closed; end it before this one.
				parts = append(parts, a.part(open, i))
				emit(parts, startPara)
				parts = nil
				open = i + 1
				startPara = para
				continue
			}
			parts = append(parts, a.part(open, i))
			emit(parts, startPara)
			parts = nil
			open = -1
		}
		if open >= 0 {
			pending = append(parts, a.part(open, pe))
			pendingPara = para
		}
	}
	if pending != nil {
		emit(pending, pendingPara)
	}
	return out
}

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
