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
	// Text is the article's text when Doc was analysed from a copy of it
	// with other capitals (entity.Recase), of the same length: the
	// ledger's words are read from it. "" means Doc's own source.
	Text string
}

// source returns the text the ledger reads words from.
func (d *Doc) source() string {
	if d.Text != "" {
		return d.Text
	}
	return d.Doc.Norm.Source()
}

// The forms a source can carry a quote in (see parallax.Quote.Forms).
const (
	Verbatim    = parallax.FormVerbatim
	Shortened   = parallax.FormShortened
	Reworded    = parallax.FormReworded
	Paraphrased = parallax.FormParaphrased
	Indirect    = parallax.FormIndirect
)

// Ledger returns the story's quote ledger with the story's people resolved
// by entity.Resolve; see LedgerWith.
func Ledger(docs []Doc) []parallax.Quote { return LedgerWith(docs, nil) }

// LedgerWith returns the story's quote ledger: each thing said, by each
// speaker, with every source that carries it and how. people is the table
// entity.Resolve made of the documents' mentions (docs[i].Mentions, which
// must then be given); nil resolves them here.
//
// A statement is a quotation, or, when the sentence reports the statement
// in its own words and quotes only some of them ("Kelner said no
// "reasonable person" would ..."), the reported clause with all the
// quotations one cue attributes. Statements of all documents are grouped
// in text order: a statement joins an entry when it has the same quoted
// words as one of the entry's after case, punctuation and spacing are set
// aside, or when one holds the other's quoted words (a short quotation
// must then have the same speaker), or when the speaker is the same and
// most words are shared. The entry's longest quotation is its reference
// and its first source; every other source carries it verbatim (the same
// words), shortened (some of the reference's words, in order, none
// added), or reworded, with the changed words listed (parallax.WordChange);
// a partial statement is compared by its whole clause. A source that
// carries no quotation of an entry but has a sentence attributing speech
// to the same person with most of the quote's content words carries it
// paraphrased.
//
// Entries from different documents with the same long quotation but
// different speakers are one entry flagged parallax.FlagSpeakerConflict;
// an entry quoted by one source and paraphrased by others is flagged
// parallax.FlagQuotedByOne. Sentences that report speech without quoting
// it and paraphrase no entry become indirect entries, grouped across
// documents by speaker and content words.
//
// Speakers are the canonical names of the story's people, or the role a
// document describes when it names no one. Entries are in the order of
// their first source in the input, then of their offset in it.
func LedgerWith(docs []Doc, people *entity.Table) []parallax.Quote {
	l := &ledger{docs: docs, ms: make([][]entity.Mention, len(docs)), used: map[[2]int]bool{}}
	for i, d := range docs {
		l.ms[i] = d.Mentions
		if l.ms[i] == nil && d.Doc != nil {
			l.ms[i] = entity.Find(d.Doc)
		}
	}
	if people == nil {
		people = entity.Resolve(l.ms)
	}
	l.people = people
	l.an = make([]*analyzer, len(docs))
	for i, d := range docs {
		if d.Doc == nil {
			continue
		}
		a := newAnalyzer(d.Doc, l.ms[i])
		l.an[i] = a
		l.items = append(l.items, l.statements(i)...)
	}
	l.group()
	l.conflicts()
	l.paraphrases()
	l.indirect()
	return l.output()
}

type ledger struct {
	docs    []Doc
	ms      [][]entity.Mention
	people  *entity.Table
	an      []*analyzer
	items   []*item
	entries []*entry
	used    map[[2]int]bool // report sentences (doc, sentence) taken as paraphrases
}

// An item is one statement of one document, ready to compare.
type item struct {
	doc      int
	q        *Quotation // the first quotation; nil for indirect speech
	key      string     // who spoke: "p3" (a person), "n:..." (a name), "r:..." (a role), ""
	speaker  string     // the speaker as the ledger shows it
	words    []string   // the quoted words, lower case, editorial insertions left out
	plain    []string   // words with contractions written out (see plainWords)
	wspan    [][2]int   // the source span of each quoted word
	joined   string     // " " + words joined by spaces + " "
	content  []string   // the stems of the content words, sorted, unique
	clause   []string   // the words of the reported clause; words when the statement is quoted whole
	cspan    [][2]int
	partial  bool // the clause has words of its own beside the quoted ones
	indirect bool
	start    int // the evidence span: the quoted words, or the clause
	end      int
	qstart   int // the span of the quoted words, from the first quotation's to the last's
	qend     int
}

type entry struct {
	order    int // index in ledger.entries
	key      string
	members  []*item
	forms    []*item         // the members with distinct words
	seen     map[string]bool // the words of forms
	paras    []paraphrase    // sources that report the quote without quoting it
	conflict bool
	indirect bool
}

type paraphrase struct {
	doc     int
	sent    int
	speaker string
}

// statements returns the statements of document doc: its quotations, the
// quotations of one partial statement as one.
func (l *ledger) statements(doc int) []*item {
	a := l.an[doc]
	var out []*item
	var prevCue [2]int
	for qi := range a.quotes {
		q := &a.quotes[qi]
		cs, cueAt, partial := a.clauseOf(q)
		if partial && len(out) > 0 && cueAt == prevCue && out[len(out)-1].partial && out[len(out)-1].doc == doc {
			// Another quotation of the same partial statement.
			it := out[len(out)-1]
			l.addWords(it, q)
			it.qend = q.End
			it.joined = " " + strings.Join(it.words, " ") + " "
			slices.Sort(it.content)
			it.content = slices.Compact(it.content)
			continue
		}
		it := &item{doc: doc, q: q}
		it.key, it.speaker = l.speakerKey(doc, q.Speaker)
		l.addWords(it, q)
		it.joined = " " + strings.Join(it.words, " ") + " "
		slices.Sort(it.content)
		it.content = slices.Compact(it.content)
		it.start, it.end = q.Start, q.End
		it.qstart, it.qend = q.Start, q.End
		if partial {
			it.partial = true
			it.clause, it.cspan = a.words(cs)
			it.start, it.end = a.clauseSpan(cs)
		}
		prevCue = cueAt
		out = append(out, it)
	}
	for _, it := range out {
		if !it.partial {
			it.clause, it.cspan = it.words, it.wspan
		}
	}
	return out
}

// addWords adds the quoted words of q to it.
func (l *ledger) addWords(it *item, q *Quotation) {
	d := l.docs[it.doc].Doc
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
			it.wspan = append(it.wspan, [2]int{d.Norm.Start(s.NormStart() + tk.Start), d.Norm.End(s.NormStart() + tk.End)})
			if !tk.Stop {
				it.content = append(it.content, tk.Stem)
			}
		}
	}
}

// A tokRef locates a token: sentence and index.
type tokRef struct{ sent, tok int }

// clauseOf returns the tokens of the clause the cue of q's speaker
// reports, the cue's place (sentence, token), and whether the clause is a
// partial quotation: it holds q and at least two words of its own.
func (a *analyzer) clauseOf(q *Quotation) ([]tokRef, [2]int, bool) {
	none := [2]int{-1, -1}
	sp := q.Speaker
	if sp.How != Direct || !sp.Known() || sp.Start >= sp.End {
		return nil, none, false
	}
	for si := q.Sent; si <= q.EndSent && si < len(a.d.Sentences); si++ {
		for _, c := range a.cues(si) {
			if c.label || c.sp.Start != sp.Start || c.sp.End != sp.End {
				continue
			}
			cs := a.clause(si, &c)
			own, holds := 0, false
			for _, r := range cs {
				s := &a.d.Sentences[r.sent]
				off := s.NormStart() + s.Tokens[r.tok].Start
				if off >= q.NormStart && off < q.NormEnd {
					holds = true
				} else if !a.tokQuoted(r.sent, r.tok) {
					own++
				}
			}
			return cs, [2]int{si, c.tok}, holds && own >= 2
		}
	}
	return nil, none, false
}

// clause returns the tokens of the clause cue c of sentence si reports:
// after the cue when the speaker comes before it ("X said (that) ...",
// "X told reporters that ..."), else the sentence before the cue and its
// speaker ("..., X said").
func (a *analyzer) clause(si int, c *cue) []tokRef {
	s := &a.d.Sentences[si]
	toks := s.Tokens
	src := a.d.Norm
	spTok := -1
	for k := range toks {
		if src.Start(s.NormStart()+toks[k].Start) >= c.sp.Start && src.Start(s.NormStart()+toks[k].Start) < c.sp.End {
			spTok = k
			break
		}
	}
	var out []tokRef
	if c.kind == verbCue && spTok >= 0 && spTok < c.tok {
		k := c.end
		{
			for j := k; j < len(toks) && j-k < 5; j++ {
				if toks[j].Lower == "that" {
					k = j
					break
				}
				if a.tokQuoted(si, j) {
					break
				}
			}
		}
		if k < len(toks) && toks[k].Lower == "that" {
			k++
		}
		for ; k < len(toks); k++ {
			out = append(out, tokRef{si, k})
		}
		return out
	}
	end := c.tok
	if spTok >= 0 && spTok < end {
		end = spTok
	}
	// Leave out the words that lead to the cue: "..., he said", "...,
	// according to".
	for k := 0; k < end; k++ {
		out = append(out, tokRef{si, k})
	}
	return out
}

// words returns the lower-case words of tokens and their source spans.
func (a *analyzer) words(ts []tokRef) ([]string, [][2]int) {
	ws := make([]string, 0, len(ts))
	sp := make([][2]int, 0, len(ts))
	for _, r := range ts {
		s := &a.d.Sentences[r.sent]
		t := &s.Tokens[r.tok]
		ws = append(ws, strings.ToLower(s.Norm[t.Start:t.End]))
		sp = append(sp, [2]int{a.d.Norm.Start(s.NormStart() + t.Start), a.d.Norm.End(s.NormStart() + t.End)})
	}
	return ws, sp
}

// clauseSpan returns the source span of a clause: its tokens, with the
// quotation marks around its first and last word when they are quoted,
// and the sentence's closing punctuation when it runs to the end.
func (a *analyzer) clauseSpan(ts []tokRef) (int, int) {
	if len(ts) == 0 {
		return 0, 0
	}
	src := a.d.Norm.Source()
	f, l := ts[0], ts[len(ts)-1]
	fs, ls := &a.d.Sentences[f.sent], &a.d.Sentences[l.sent]
	start := a.d.Norm.Start(fs.NormStart() + fs.Tokens[f.tok].Start)
	end := a.d.Norm.End(ls.NormStart() + ls.Tokens[l.tok].End)
	if a.tokQuoted(f.sent, f.tok) {
		start = openMark(src, start, fs.Start)
	}
	if l.tok == len(ls.Tokens)-1 {
		// Closing punctuation and marks up to the sentence's end.
		e := end
		for e < ls.End && e < len(src) && strings.IndexByte(".,!?;:\"')]", src[e]) >= 0 {
			e++
		}
		for e < ls.End && e < len(src) && (strings.HasPrefix(src[e:], "\u201d") || strings.HasPrefix(src[e:], "\u2019")) {
			e += 3
		}
		if e <= len(src) {
			end = e
		}
	} else if a.tokQuoted(l.sent, l.tok) {
		end = closeMark(src, end, ls.End)
	}
	return start, end
}

// openMark moves start back over an opening quotation mark, not before lo.
func openMark(src string, start, lo int) int {
	switch {
	case start-3 >= lo && (src[start-3:start] == "\u201c" || src[start-3:start] == "\u2018"):
		return start - 3
	case start-2 >= lo && src[start-2:start] == "``":
		return start - 2
	case start-1 >= lo && (src[start-1] == '"' || src[start-1] == '\''):
		return start - 1
	}
	return start
}

// closeMark moves end over closing punctuation and a quotation mark, not
// past hi; it stays when no mark follows.
func closeMark(src string, end, hi int) int {
	e := end
	for e < hi && e < len(src) && strings.IndexByte(".,!?", src[e]) >= 0 {
		e++
	}
	switch {
	case e+3 <= hi && e+3 <= len(src) && (src[e:e+3] == "\u201d" || src[e:e+3] == "\u2019"):
		return e + 3
	case e+2 <= hi && e+2 <= len(src) && src[e:e+2] == "''":
		return e + 2
	case e < hi && e < len(src) && (src[e] == '"' || src[e] == '\''):
		return e + 1
	}
	return end
}

// speakerKey returns the identity and the shown name of a speaker.
func (l *ledger) speakerKey(doc int, sp Speaker) (key, name string) {
	return SpeakerKey(l.people, doc, l.ms[doc], l.docs[doc].source(), sp)
}

// SpeakerKey returns the identity of a speaker of document doc, whose
// name mentions are ms and whose text is src, and the name to show: a
// person of people by the canonical name (also when a role is written in
// place of the name and the story names its one holder: "Mr Flynn's
// attorney"), else a name no person took, else the role as written with
// its spaces made single; "" and "" for no speaker. Keys of people start
// with "p", of names with "n:", of roles with "r:" (lower case, without a
// leading article), so that two sources' speakers are the same when their
// keys are.
func SpeakerKey(people *entity.Table, doc int, ms []entity.Mention, src string, sp Speaker) (key, name string) {
	if sp.Mention >= 0 && sp.Mention < len(ms) {
		if p := people.Of(doc, sp.Mention); p >= 0 {
			return "p" + strconv.Itoa(p), people.People()[p].Name
		}
		n := ms[sp.Mention].Name
		return "n:" + strings.ToLower(n), n
	}
	if sp.Role == "" {
		return "", ""
	}
	if p := people.Described(doc, ms, src, sp.Start, sp.End); p >= 0 {
		return "p" + strconv.Itoa(p), people.People()[p].Name
	}
	role := strings.Join(strings.Fields(sp.Role), " ")
	r := strings.ToLower(role)
	for _, art := range []string{"a ", "an ", "the "} {
		r = strings.TrimPrefix(r, art)
	}
	return "r:" + r, role
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
	return matchWords(x, y, sameSpeaker)
}

// minKept is the least number of words two quotations must keep in order
// to be one statement reworded.
const minKept = 4

// matchWords tells how strongly the quoted words of x and y are one
// statement, the speakers being the same or not.
func matchWords(x, y *item, sameSpeaker bool) float64 {
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
	// At least four words kept in order: a short quotation that shares a
	// name with a long one ("Salt Lake City") is not a rewording of it.
	n := lcs(x.plainWords(), y.plainWords())
	r := float64(n) / float64(len(short.words))
	if n < minKept || r < 0.6 || !sameSpeaker && r < 0.8 {
		return noMatch
	}
	return altered + r
}

// plainWords returns the item's words with contractions written out,
// worked out once.
func (it *item) plainWords() []string {
	if it.plain == nil {
		it.plain = expand(it.words)
	}
	return it.plain
}

// expand writes contractions out ("i'm" as "i am", "don't" as "do not"),
// so that a quotation and its written-out copy keep their words in
// common. Words without a contraction are returned as they are.
func expand(words []string) []string {
	var out []string
	for i, w := range words {
		long := contracted(w)
		if long == nil && out == nil {
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+4), words[:i]...)
		}
		if long == nil {
			out = append(out, w)
			continue
		}
		out = append(out, long...)
	}
	if out == nil {
		return words
	}
	return out
}

// contracted returns the words a contraction stands for, or nil.
func contracted(w string) []string {
	w = strings.ReplaceAll(w, "\u2019", "'")
	switch w {
	case "won't":
		return []string{"will", "not"}
	case "can't":
		return []string{"can", "not"}
	case "shan't":
		return []string{"shall", "not"}
	}
	if base, ok := strings.CutSuffix(w, "n't"); ok && base != "" {
		return []string{base, "not"}
	}
	for _, c := range [...]struct{ suffix, long string }{{"'m", "am"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"}} {
		if base, ok := strings.CutSuffix(w, c.suffix); ok && base != "" {
			return []string{base, c.long}
		}
	}
	return nil
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

// conflicts joins entries whose speakers differ but whose long quotations
// are the same words in different documents: the sources give the same
// words to different people.
func (l *ledger) conflicts() {
	// Candidates share the first four quoted words of a form.
	const n = 4
	gram := func(ws []string, i int) string { return strings.Join(ws[i:i+n], " ") }
	index := make(map[string][]*entry)
	for _, e := range l.entries {
		for _, f := range e.forms {
			for i := 0; i+n <= len(f.words); i++ {
				g := gram(f.words, i)
				if es := index[g]; len(es) == 0 || es[len(es)-1] != e {
					index[g] = append(es, e)
				}
			}
		}
	}
	gone := make(map[*entry]bool)
	for _, e := range l.entries {
		if gone[e] || e.key == "" {
			continue
		}
		for _, f := range e.forms {
			if len(f.words) < 6 {
				continue
			}
			for _, o := range index[gram(f.words, 0)] {
				if o == e || gone[o] || o.key == "" || o.key == e.key || o.order < e.order || sharesDoc(e, o) {
					continue
				}
				if !slices.ContainsFunc(o.forms, func(g *item) bool { return matchWords(f, g, false) >= contained }) {
					continue
				}
				e.members = append(e.members, o.members...)
				for _, g := range o.forms {
					if !e.seen[g.joined] {
						e.seen[g.joined] = true
						e.forms = append(e.forms, g)
					}
				}
				// "the official" and "a senior State Department official"
				// in two outlets are one speaker described twice.
				if !sameRole(e.key, o.key) {
					e.conflict = true
				}
				gone[o] = true
			}
		}
	}
	if len(gone) == 0 {
		return
	}
	kept := l.entries[:0]
	for _, e := range l.entries {
		if !gone[e] {
			e.order = len(kept)
			kept = append(kept, e)
		}
	}
	l.entries = kept
}

// sameRole reports whether two speaker keys are descriptions of one
// speaker: both roles ("r:official", "r:senior state department
// official", "r:citation by the institute") with the same head word, the
// words of one among the other's.
func sameRole(a, b string) bool {
	ra, okA := strings.CutPrefix(a, "r:")
	rb, okB := strings.CutPrefix(b, "r:")
	if !okA || !okB {
		return false
	}
	wa, wb := strings.Fields(ra), strings.Fields(rb)
	if len(wa) == 0 || len(wb) == 0 || roleHead(wa) != roleHead(wb) {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// roleHead returns the head noun of a role's words: the last word before
// a preposition ("spokesman" of "spokesman for the ministry"), else the
// last word.
func roleHead(ws []string) string {
	for i := 1; i < len(ws); i++ {
		switch ws[i] {
		case "of", "for", "by", "from", "at", "in", "with", "on", "to":
			return ws[i-1]
		}
	}
	return ws[len(ws)-1]
}

// sharesDoc reports whether two entries have members in one document.
func sharesDoc(a, b *entry) bool {
	for _, x := range a.members {
		for _, y := range b.members {
			if x.doc == y.doc {
				return true
			}
		}
	}
	return false
}

// reference returns the entry's longest quotation, the earliest on ties;
// the first report of an indirect entry.
func (e *entry) reference() *item {
	ref := e.members[0]
	if e.indirect {
		return ref
	}
	for _, m := range e.members[1:] {
		if len(m.words) > len(ref.words) {
			ref = m
		}
	}
	return ref
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
			speaker := ""
			for _, r := range a.reports() {
				k, name := l.speakerKey(doc, r.Speaker)
				if k != e.key {
					continue
				}
				shared := overlap(ref.content, l.sentenceContent(doc, r.Sent))
				if shared > bestShared {
					bestSent, bestShared, speaker = r.Sent, shared, name
				}
			}
			if bestSent >= 0 && bestShared >= 4 && 2*bestShared >= len(ref.content) {
				e.paras = append(e.paras, paraphrase{doc: doc, sent: bestSent, speaker: speaker})
				l.used[[2]int{doc, bestSent}] = true
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

// indirect makes entries of the sentences that report speech without
// quoting it and paraphrase no entry: one entry per speaker and statement,
// the documents that report the same statement (the same speaker, most
// content words shared) grouped.
func (l *ledger) indirect() {
	byKey := make(map[string][]*entry)
	for doc, a := range l.an {
		if a == nil {
			continue
		}
		quotedSent := make(map[int]bool)
		for qi := range a.quotes {
			for si := a.quotes[qi].Sent; si <= a.quotes[qi].EndSent; si++ {
				quotedSent[si] = true
			}
		}
		for _, r := range a.reports() {
			if quotedSent[r.Sent] || l.used[[2]int{doc, r.Sent}] || a.anyQuoted(r.Sent) {
				continue
			}
			// The sentence's first cue of indirect speech with a speaker.
			var c *cue
			var sp Speaker
			for _, x := range a.cues(r.Sent) {
				if x.label || x.kind == verbCue && !sayVerbs[x.word] {
					continue
				}
				switch {
				case x.tok == r.Cue:
					c, sp = &x, r.Speaker
				case x.sp.Known():
					c, sp = &x, a.link(x.sp, a.d.Sentences[r.Sent].NormStart())
				default:
					continue
				}
				break
			}
			if c == nil {
				continue
			}
			key, name := l.speakerKey(doc, sp)
			if key == "" {
				continue
			}
			ts := a.clause(r.Sent, c)
			if len(ts) < 4 || a.d.Sentences[r.Sent].Tokens[ts[0].tok].Lower == "to" {
				continue
			}
			it := &item{doc: doc, key: key, speaker: name, indirect: true}
			it.clause, it.cspan = a.words(ts)
			it.words, it.wspan = it.clause, it.cspan
			s := &a.d.Sentences[r.Sent]
			for _, t := range ts {
				if tk := &s.Tokens[t.tok]; !tk.Stop {
					it.content = append(it.content, tk.Stem)
				}
			}
			slices.Sort(it.content)
			it.content = slices.Compact(it.content)
			if len(it.content) < 2 {
				continue
			}
			it.joined = " " + strings.Join(it.words, " ") + " "
			it.start, it.end = a.clauseSpan(ts)
			var best *entry
			bestShared := 0
			for _, e := range byKey[key] {
				if slices.ContainsFunc(e.members, func(m *item) bool { return m.doc == doc }) {
					continue
				}
				ref := e.members[0]
				sh := overlap(ref.content, it.content)
				if sh >= 3 && 2*sh >= min(len(ref.content), len(it.content)) && sh > bestShared {
					best, bestShared = e, sh
				}
			}
			if best == nil {
				best = &entry{order: len(l.entries), key: key, indirect: true, seen: map[string]bool{}}
				l.entries = append(l.entries, best)
				byKey[key] = append(byKey[key], best)
			}
			best.members = append(best.members, it)
		}
	}
}

// sayVerbs are the verbs of speech whose object is what was said, in
// indirect speech: "said (that) ...", "told reporters (that) ...". Verbs
// that take a noun ("announced his resignation", "conceded no
// wrongdoing") or an infinitive ("offered to speak") are not among them.
var sayVerbs = setOf("said", "says", "told", "tells", "added", "adds", "stated", "states",
	"argued", "argues", "insisted", "insists", "warned", "warns", "claimed", "claims", "noted",
	"notes", "explained", "explains", "confirmed", "confirms", "acknowledged", "acknowledges",
	"admitted", "admits", "reiterated", "maintained", "maintains", "asserted", "asserts",
	"contended", "believes", "thinks", "wrote", "writes", "tweeted", "suggested", "suggests",
	"stressed", "stresses", "emphasized", "emphasised", "testified", "reported", "predicted",
	"countered", "replied", "responded", "recalled", "complained", "cautioned")

// anyQuoted reports whether a token of sentence si is quoted.
func (a *analyzer) anyQuoted(si int) bool {
	for k := range a.d.Sentences[si].Tokens {
		if a.tokQuoted(si, k) {
			return true
		}
	}
	return false
}

// carrier is one source's carrying of an entry.
type carrier struct {
	doc     int
	form    string
	span    parallax.Span
	it      *item
	speaker string
	changes []parallax.WordChange
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
		var cs []carrier
		for _, m := range e.members {
			c := carrier{doc: m.doc, it: m, speaker: m.speaker,
				span: parallax.Span{Source: l.docs[m.doc].ID, Start: m.start, End: m.end}}
			if m.partial && !ref.partial && m != ref {
				// Compared by its quoted words: cite those.
				c.span.Start, c.span.End = m.qstart, m.qend
			}
			switch {
			case e.indirect:
				c.form = Indirect
			case m == ref:
				c.form = Verbatim
			default:
				c.form, c.changes = l.compare(ref, m)
			}
			i := slices.IndexFunc(cs, func(x carrier) bool { return x.doc == m.doc })
			switch {
			case i < 0:
				cs = append(cs, c)
			case m == ref,
				cs[i].it != ref && rank(c.form) < rank(cs[i].form),
				cs[i].it != ref && c.form == cs[i].form && len(m.words) > len(cs[i].it.words):
				cs[i] = c
			}
		}
		for _, p := range e.paras {
			s := &l.docs[p.doc].Doc.Sentences[p.sent]
			cs = append(cs, carrier{doc: p.doc, form: Paraphrased, speaker: p.speaker,
				span: parallax.Span{Source: l.docs[p.doc].ID, Start: s.Start, End: s.End}})
		}
		first := cs[0].doc
		off := cs[0].span.Start
		for _, c := range cs[1:] {
			if c.doc < first {
				first, off = c.doc, c.span.Start
			}
		}
		slices.SortStableFunc(cs, func(a, b carrier) int {
			switch {
			case a.it == ref && b.it != ref:
				return -1
			case b.it == ref && a.it != ref:
				return 1
			}
			return a.doc - b.doc
		})
		kind := parallax.QuoteWhole
		text := ""
		switch {
		case e.indirect:
			kind = parallax.QuoteIndirect
			text = l.docs[ref.doc].source()[ref.start:ref.end]
		case ref.partial:
			kind = parallax.QuotePartial
			text = l.docs[ref.doc].source()[ref.start:ref.end]
		default:
			text = l.quotedText(ref.doc, ref.q)
		}
		q := parallax.Quote{Speaker: l.speakerOf(e, ref), Kind: kind, Text: text}
		quoting := 0
		paraphrased := 0
		speakers := make(map[string]bool)
		anyChange := false
		for _, c := range cs {
			q.Sources = append(q.Sources, l.docs[c.doc].ID)
			q.Evidence = append(q.Evidence, c.span)
			q.Forms = append(q.Forms, c.form)
			q.Speakers = append(q.Speakers, c.speaker)
			q.Changes = append(q.Changes, c.changes)
			anyChange = anyChange || c.changes != nil
			if c.speaker != "" {
				speakers[c.speaker] = true
			}
			switch c.form {
			case Paraphrased:
				paraphrased++
			case Indirect:
			default:
				quoting++
			}
		}
		if !anyChange {
			q.Changes = nil
		}
		if e.conflict && len(speakers) > 1 {
			q.Flags = append(q.Flags, parallax.FlagSpeakerConflict)
		}
		if quoting == 1 && paraphrased > 0 {
			q.Flags = append(q.Flags, parallax.FlagQuotedByOne)
		}
		all = append(all, ordered{q: q, doc: first, off: off})
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

// rank orders forms from the closest to the reference to the farthest.
func rank(form string) int {
	switch form {
	case Verbatim:
		return 0
	case Shortened:
		return 1
	case Reworded:
		return 2
	}
	return 3
}

// compare tells how member m carries the entry whose reference is ref,
// and, when m rewords it, the changed words. Two partial statements are
// compared by their clauses, other statements by their quoted words.
func (l *ledger) compare(ref, m *item) (string, []parallax.WordChange) {
	a, as, b, bs := ref.words, ref.wspan, m.words, m.wspan
	if ref.partial && m.partial {
		a, as, b, bs = ref.clause, ref.cspan, m.clause, m.cspan
	}
	ops := Diff(a, b)
	if len(ops) == 0 {
		return Verbatim, nil
	}
	added := false
	for _, op := range ops {
		if op.B < op.BEnd {
			added = true
			break
		}
	}
	if !added {
		return Shortened, nil
	}
	ops = Coalesce(ops, a, text.IsStop)
	refDoc, mDoc := &l.docs[ref.doc], &l.docs[m.doc]
	refSrc, mSrc := refDoc.source(), mDoc.source()
	var out []parallax.WordChange
	for _, op := range ops {
		var c parallax.WordChange
		if op.A < op.AEnd {
			sp := parallax.Span{Source: refDoc.ID, Start: as[op.A][0], End: as[op.AEnd-1][1]}
			c.From, c.FromText = &sp, refSrc[sp.Start:sp.End]
		}
		if op.B < op.BEnd {
			sp := parallax.Span{Source: mDoc.ID, Start: bs[op.B][0], End: bs[op.BEnd-1][1]}
			c.To, c.ToText = &sp, mSrc[sp.Start:sp.End]
		}
		out = append(out, c)
	}
	return Reworded, out
}

// speakerOf returns the name the ledger shows for an entry's speaker: the
// one most members give, the reference's on a tie, a person's canonical
// name before a role.
func (l *ledger) speakerOf(e *entry, ref *item) string {
	if !e.conflict {
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
	count := make(map[string]int)
	for _, m := range e.members {
		if m.speaker != "" {
			count[m.speaker]++
		}
	}
	best := ref.speaker
	for _, m := range e.members {
		if m.speaker != "" && count[m.speaker] > count[best] {
			best = m.speaker
		}
	}
	return best
}

// quotedText returns a quotation's words as the source has them, its
// parts joined by a space.
func (l *ledger) quotedText(doc int, q *Quotation) string {
	src := l.docs[doc].source()
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
