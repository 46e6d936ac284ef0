package quote

import (
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// A Doc is one analysed article of a story.
type Doc struct {
	// ID is the article's ID, used in spans.
	ID string
	// Doc is the analysed text; a nil Doc contributes nothing.
	Doc *text.Document
	// Mentions are Doc's person-name mentions; when nil, Ledger finds them
	// with entity.Find.
	Mentions []entity.Mention
}

// The forms a source can carry a quote in.
const (
	Verbatim    = "verbatim"
	Altered     = "altered"
	Paraphrased = "paraphrased"
)

// Ledger returns the story's quote ledger: each statement quoted by any of
// the documents, with its speaker and every source that carries it.
//
// The quotations of all documents are grouped in text order. A quotation
// joins an entry when it has the same words as one of the entry's
// quotations after case, punctuation and spacing are set aside, or when
// one holds the other's words (a short quotation must then have the same
// speaker), or when the speaker is the same and most words are shared
// (the wording was altered). The entry's longest quotation is its
// reference: a source whose words equal or are contained in it carries the
// quote verbatim, another quoting source carries it altered. Then a source
// that carries no quotation of the entry but has a sentence attributing
// speech to the same person with most of the quote's content words
// carries it paraphrased.
//
// Speakers are the canonical names entity.Resolve gives the story's
// people, or the role a document describes when it names no one. Sources
// are in input order, except that the first verbatim carrier comes first;
// Text is that source's quoted words. Entries are in the order of their
// first source in the input, then of their offset in it.
func Ledger(docs []Doc) []parallax.Quote {
	l := &ledger{docs: docs, ms: make([][]entity.Mention, len(docs))}
	for i, d := range docs {
		l.ms[i] = d.Mentions
		if l.ms[i] == nil && d.Doc != nil {
			l.ms[i] = entity.Find(d.Doc)
		}
	}
	l.people = entity.Resolve(l.ms)
	l.an = make([]*analyzer, len(docs))
	for i, d := range docs {
		if d.Doc == nil {
			continue
		}
		a := newAnalyzer(d.Doc, l.ms[i])
		l.an[i] = a
		for qi := range a.quotes {
			l.items = append(l.items, l.item(i, &a.quotes[qi]))
		}
	}
	l.group()
	l.paraphrases()
	return l.output()
}

type ledger struct {
	docs    []Doc
	ms      [][]entity.Mention
	people  *entity.Table
	an      []*analyzer
	items   []*item
	entries []*entry
}

// An item is one quotation of one document, ready to compare.
type item struct {
	doc     int
	q       *Quotation
	key     string   // who spoke: "p3" (a person), "n:..." (a name), "r:..." (a role), ""
	speaker string   // the speaker as the ledger shows it
	words   []string // the quoted words, lower case, editorial insertions left out
	joined  string   // " " + words joined by spaces + " "
	content []string // the stems of the content words, sorted, unique
}

type entry struct {
	order   int // index in ledger.entries
	key     string
	members []*item
	forms   []*item         // the members with distinct words
	seen    map[string]bool // the words of forms
	paras   []paraphrase    // sources that report the quote without quoting it
}

type paraphrase struct {
	doc  int
	sent int
}

func (l *ledger) item(doc int, q *Quotation) *item {
	it := &item{doc: doc, q: q}
	it.key, it.speaker = l.speakerKey(doc, q.Speaker)
	d := l.docs[doc].Doc
	t := d.Norm.Text
	var brackets [][2]int
	for _, p := range q.Parts {
		for i := p.NormStart; i < p.NormEnd; i++ {
			if t[i] == '[' {
				j := strings.IndexByte(t[i:p.NormEnd], ']')
				if j < 0 {
					break
				}
				brackets = append(brackets, [2]int{i, i + j})
				i += j
			}
		}
	}
	inside := func(off int) bool {
		for _, p := range q.Parts {
			if off >= p.NormStart && off < p.NormEnd {
				for _, b := range brackets {
					if off > b[0] && off < b[1] {
						return false
					}
				}
				return true
			}
		}
		return false
	}
	for si := q.Sent; si <= q.EndSent && si < len(d.Sentences); si++ {
		s := &d.Sentences[si]
		for k := range s.Tokens {
			tk := &s.Tokens[k]
			if !inside(s.NormStart() + tk.Start) {
				continue
			}
			it.words = append(it.words, strings.ToLower(s.Norm[tk.Start:tk.End]))
			if !tk.Stop {
				it.content = append(it.content, tk.Stem)
			}
		}
	}
	it.joined = " " + strings.Join(it.words, " ") + " "
	slices.Sort(it.content)
	it.content = slices.Compact(it.content)
	return it
}

// speakerKey returns the identity and the shown name of a speaker.
func (l *ledger) speakerKey(doc int, sp Speaker) (key, name string) {
	if sp.Mention >= 0 && sp.Mention < len(l.ms[doc]) {
		if p := l.people.Of(doc, sp.Mention); p >= 0 {
			return "p" + strconv.Itoa(p), l.people.People()[p].Name
		}
		n := l.ms[doc][sp.Mention].Name
		return "n:" + strings.ToLower(n), n
	}
	if sp.Role != "" {
		r := strings.ToLower(sp.Role)
		for _, art := range []string{"a ", "an ", "the "} {
			r = strings.TrimPrefix(r, art)
		}
		return "r:" + r, sp.Role
	}
	return "", ""
}

// Match strengths.
const (
	noMatch   = 0
	altered   = 1 // up to 2: the share of words kept
	contained = 3
	same      = 4
)

// match tells how strongly quotations x and y are one statement.
func match(x, y *item) float64 {
	sameSpeaker := x.key != "" && x.key == y.key
	if !sameSpeaker && x.key != "" && y.key != "" {
		return noMatch
	}
	if len(x.words) == 0 || len(y.words) == 0 {
		return noMatch
	}
	if x.joined == y.joined {
		return same
	}
	short, long := x, y
	if len(short.words) > len(long.words) {
		short, long = long, short
	}
	if strings.Contains(long.joined, short.joined) && (sameSpeaker || len(short.words) >= 6) {
		return contained
	}
	if len(short.words) < 3 || !sameSpeaker && len(short.words) < 8 {
		return noMatch
	}
	c := overlap(x.content, y.content)
	nc := min(len(x.content), len(y.content))
	if nc == 0 || float64(c)/float64(nc) < 0.6 {
		return noMatch
	}
	r := float64(lcs(x.words, y.words)) / float64(len(short.words))
	if r < 0.6 || !sameSpeaker && r < 0.8 {
		return noMatch
	}
	return altered + r
}

// overlap counts the strings two sorted, unique slices share.
func overlap(a, b []string) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for i := range a {
		diag := 0
		for j := range b {
			up := row[j+1]
			if a[i] == b[j] {
				row[j+1] = diag + 1
			} else if row[j] > row[j+1] {
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return row[len(b)]
}

// group puts the items into entries, in input order.
func (l *ledger) group() {
	byKey := make(map[string][]*entry) // entries by speaker; "" holds those without one
	for _, it := range l.items {
		var best *entry
		bestScore := float64(noMatch)
		try := func(es []*entry) {
			for _, e := range es {
				if e.key != "" && it.key != "" && e.key != it.key {
					continue
				}
				if e.seen[it.joined] {
					if same > bestScore || same == bestScore && e.order < best.order {
						best, bestScore = e, same
					}
					continue
				}
				for _, m := range e.forms {
					if s := match(m, it); s > bestScore || s == bestScore && s > noMatch && e.order < best.order {
						best, bestScore = e, s
					}
				}
			}
		}
		if it.key == "" {
			try(l.entries)
		} else {
			try(byKey[it.key])
			try(byKey[""])
		}
		if best == nil {
			best = &entry{order: len(l.entries), seen: make(map[string]bool)}
			l.entries = append(l.entries, best)
			byKey[it.key] = append(byKey[it.key], best)
		}
		best.members = append(best.members, it)
		if !best.seen[it.joined] {
			best.seen[it.joined] = true
			best.forms = append(best.forms, it)
		}
		if best.key == "" && it.key != "" {
			best.key = it.key
			byKey[it.key] = append(byKey[it.key], best)
		}
	}
}

// reference returns the entry's longest quotation, the earliest on ties.
func (e *entry) reference() *item {
	ref := e.members[0]
	for _, m := range e.members[1:] {
		if len(m.words) > len(ref.words) {
			ref = m
		}
	}
	return ref
}

// form tells how member m carries the entry whose reference is ref.
func form(m, ref *item) string {
	if m == ref || strings.Contains(ref.joined, m.joined) {
		return Verbatim
	}
	return Altered
}

// paraphrases finds, for each entry a person spoke, the documents that
// report it without quoting it.
func (l *ledger) paraphrases() {
	for _, e := range l.entries {
		if !strings.HasPrefix(e.key, "p") {
			continue
		}
		ref := e.reference()
		if len(ref.content) < 4 {
			continue
		}
		for doc, a := range l.an {
			if a == nil || slices.ContainsFunc(e.members, func(m *item) bool { return m.doc == doc }) {
				continue
			}
			bestSent, bestShared := -1, 0
			for _, r := range a.reports() {
				if k, _ := l.speakerKey(doc, r.Speaker); k != e.key {
					continue
				}
				shared := overlap(ref.content, l.sentenceContent(doc, r.Sent))
				if shared > bestShared {
					bestSent, bestShared = r.Sent, shared
				}
			}
			if bestSent >= 0 && bestShared >= 4 && 2*bestShared >= len(ref.content) {
				e.paras = append(e.paras, paraphrase{doc: doc, sent: bestSent})
			}
		}
	}
}

// sentenceContent returns the sorted, unique stems of the content words of
// a sentence that are not quoted.
func (l *ledger) sentenceContent(doc, si int) []string {
	a := l.an[doc]
	s := &a.d.Sentences[si]
	var out []string
	for k := range s.Tokens {
		if !s.Tokens[k].Stop && !a.tokQuoted(si, k) {
			out = append(out, s.Tokens[k].Stem)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// output turns the entries into the ledger.
func (l *ledger) output() []parallax.Quote {
	type ordered struct {
		q        parallax.Quote
		doc, off int
	}
	var all []ordered
	for _, e := range l.entries {
		ref := e.reference()
		type carrier struct {
			doc  int
			form string
			span parallax.Span
			it   *item
		}
		var cs []carrier
		for _, m := range e.members {
			f := form(m, ref)
			c := carrier{doc: m.doc, form: f, it: m,
				span: parallax.Span{Source: l.docs[m.doc].ID, Start: m.q.Start, End: m.q.End}}
			i := slices.IndexFunc(cs, func(x carrier) bool { return x.doc == m.doc })
			switch {
			case i < 0:
				cs = append(cs, c)
			case cs[i].form != Verbatim && f == Verbatim,
				cs[i].form == f && len(m.words) > len(cs[i].it.words):
				cs[i] = c
			}
		}
		for _, p := range e.paras {
			s := &l.docs[p.doc].Doc.Sentences[p.sent]
			cs = append(cs, carrier{doc: p.doc, form: Paraphrased,
				span: parallax.Span{Source: l.docs[p.doc].ID, Start: s.Start, End: s.End}})
		}
		slices.SortStableFunc(cs, func(a, b carrier) int { return a.doc - b.doc })
		if i := slices.IndexFunc(cs, func(c carrier) bool { return c.form == Verbatim }); i > 0 {
			first := cs[i]
			copy(cs[1:i+1], cs[:i])
			cs[0] = first
		}
		q := parallax.Quote{Speaker: l.speakerOf(e, ref), Text: l.quotedText(cs[0].doc, cs[0].it.q)}
		for _, c := range cs {
			q.Sources = append(q.Sources, l.docs[c.doc].ID)
			q.Evidence = append(q.Evidence, c.span)
			q.Forms = append(q.Forms, c.form)
		}
		all = append(all, ordered{q: q, doc: cs[0].doc, off: cs[0].span.Start})
	}
	slices.SortStableFunc(all, func(a, b ordered) int {
		if a.doc != b.doc {
			return a.doc - b.doc
		}
		return a.off - b.off
	})
	out := make([]parallax.Quote, len(all))
	for i := range all {
		out[i] = all[i].q
	}
	return out
}

// speakerOf returns the name the ledger shows for an entry's speaker: the
// reference's, else the first member's that has one, a person's canonical
// name before a role.
func (l *ledger) speakerOf(e *entry, ref *item) string {
	if ref.key != "" && ref.key == e.key {
		return ref.speaker
	}
	for _, m := range e.members {
		if m.key == e.key && m.speaker != "" {
			return m.speaker
		}
	}
	return ""
}

// quotedText returns a quotation's words as the source has them, its
// parts joined by a space.
func (l *ledger) quotedText(doc int, q *Quotation) string {
	src := l.docs[doc].Doc.Norm.Source()
	if len(q.Parts) == 1 {
		return src[q.Start:q.End]
	}
	var b strings.Builder
	for i, p := range q.Parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(src[p.Start:p.End])
	}
	return b.String()
}
