// Package copyset builds, at run time and from real articles, a labelled
// set of article pairs for measuring copy detection: positive pairs made by
// the edits a wire report goes through when it is reprinted (trimmed,
// re-headlined, paragraphs moved, another ending, boilerplate added, light
// copy-editing, reformatted, and combinations), and negative pairs of
// independent reports (two articles of one event, with and without a long
// quotation or the same boilerplate in common) and of unrelated articles.
//
// The set is rebuilt from the datasets, a seed and a size, so no article's
// text is ever stored: a pair names its dataset, story and documents. The
// datasets' own same-event pairs are not all independent (a story may hold
// one wire text twice); Build marks the negative pairs whose texts are
// near-identical by a fixed rule (Duplicate) so they can be reported
// apart, neither counted as errors nor dropped.
package copyset

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/text"
)

// The kinds of pairs. Positive kinds are copies of one article; negative
// kinds are not.
const (
	Reformatted = "reformatted" // the same words: white space, quotation marks and line breaks changed
	Trimmed     = "trimmed"     // the first 40-80% of the paragraphs
	Reheadlined = "reheadlined" // another first line
	Reordered   = "reordered"   // one to three paragraphs moved
	Ending      = "ending"      // the last 20-50% of the paragraphs replaced by another article's
	Boilerplate = "boilerplate" // a byline, a copyright notice, share prompts or related links added
	Edited      = "edited"      // a few words changed, dropped or re-cased
	Combined    = "combined"    // two or three of the edits above

	SameStory         = "same-story"         // two articles of one event
	SharedQuote       = "shared-quote"       // two articles of one event quoting one long statement
	SharedBoilerplate = "shared-boilerplate" // two articles of one event with the same boilerplate
	Random            = "random"             // two articles of different events
)

// PositiveKinds and NegativeKinds list the kinds in the order reported.
var (
	PositiveKinds = []string{Reformatted, Trimmed, Reheadlined, Reordered, Ending, Boilerplate, Edited, Combined}
	NegativeKinds = []string{SameStory, SharedQuote, SharedBoilerplate, Random}
)

// HardNegative reports whether kind pairs independent reports of one event.
func HardNegative(kind string) bool {
	return kind == SameStory || kind == SharedQuote || kind == SharedBoilerplate
}

// A Source is one dataset's stories, under a short name.
type Source struct {
	Name    string
	Stories []dataset.Story
}

// A Pair is two texts and whether they are copies of one report.
type Pair struct {
	Kind string
	// Copy is the label: true for the positive kinds.
	Copy bool
	// Source, Stories and Docs name where the texts come from: the
	// dataset, the story of each text and the document within it.
	Source  string
	Stories [2]string
	Docs    [2]int
	// Edits lists the edits made, for the positive kinds.
	Edits []string
	// Part is "tune" or "check": the half of the set, by story, that the
	// thresholds were tuned on, or the other.
	Part string
	// Duplicate marks a negative pair whose two documents are near-
	// identical in the dataset itself (DuplicateShare of the shorter's
	// 8-word shingles found in the other): a real copy, not an error.
	Duplicate bool
	// Overlap is that share, for negative pairs.
	Overlap float64
	// A and B are the texts, A the one indexed first.
	A, B string
}

// DuplicateShare is the share of the shorter document's 8-word shingles
// found in the other above which two documents of the data are taken to be
// one text (a wire report carried twice), not independent reports.
const DuplicateShare = 0.5

// minWords is the fewest words a document needs to be used.
const minWords = 50

type doc struct {
	src, story, idx int
}

// Build builds perKind pairs of every kind from the sources, the same for a
// given seed and size. Sources take turns; a story's documents of fewer
// than 50 words are not used.
func Build(sources []Source, seed uint64, perKind int) []Pair {
	b := &builder{sources: sources}
	for s, src := range sources {
		var docs []doc
		multi := 0
		for i, st := range src.Stories {
			n := 0
			for j, d := range st.Documents {
				if len(strings.Fields(d)) >= minWords {
					docs = append(docs, doc{s, i, j})
					n++
				}
			}
			if n >= 2 {
				multi++
			}
		}
		b.docs = append(b.docs, docs)
		b.usable = append(b.usable, multi)
	}
	var out []Pair
	kinds := append(slices.Clone(PositiveKinds), NegativeKinds...)
	for k, kind := range kinds {
		for i := range perKind {
			r := rand.New(rand.NewPCG(seed, uint64(k)<<32|uint64(i)))
			src := i % len(sources)
			if len(b.docs[src]) == 0 || (kind != Random && b.usable[src] == 0) {
				continue
			}
			p, ok := b.pair(r, kind, src)
			if !ok {
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

type builder struct {
	sources []Source
	docs    [][]doc // per source, usable documents
	usable  []int   // per source, stories with two usable documents
}

func (b *builder) text(d doc) string {
	return b.sources[d.src].Stories[d.story].Documents[d.idx]
}

func (b *builder) storyID(d doc) string { return b.sources[d.src].Stories[d.story].ID }

// sibling picks another usable document of d's story, if there is one.
func (b *builder) sibling(r *rand.Rand, d doc) (doc, bool) {
	var sibs []doc
	for j, t := range b.sources[d.src].Stories[d.story].Documents {
		if j != d.idx && len(strings.Fields(t)) >= minWords {
			sibs = append(sibs, doc{d.src, d.story, j})
		}
	}
	if len(sibs) == 0 {
		return doc{}, false
	}
	return sibs[r.IntN(len(sibs))], true
}

// pickPair picks two usable documents of one story.
func (b *builder) pickPair(r *rand.Rand, src int) (doc, doc) {
	for {
		d := b.docs[src][r.IntN(len(b.docs[src]))]
		if e, ok := b.sibling(r, d); ok {
			return d, e
		}
	}
}

func (b *builder) pair(r *rand.Rand, kind string, src int) (Pair, bool) {
	p := Pair{Kind: kind, Source: b.sources[src].Name}
	var da, db doc
	var A, B []string
	switch kind {
	case SameStory, SharedQuote, SharedBoilerplate:
		da, db = b.pickPair(r, src)
		A, B = paragraphs(r, b.text(da)), paragraphs(r, b.text(db))
		p.Overlap = overlap(b.text(da), b.text(db))
		switch kind {
		case SharedQuote:
			A, B = b.shareQuote(r, A, B, da, db)
		case SharedBoilerplate:
			bp := boilerplate(r, b, da)
			A, B = bp.add(A), bp.add(B)
		}
	case Random:
		da = b.docs[src][r.IntN(len(b.docs[src]))]
		all := b.docs[r.IntN(len(b.docs))]
		if len(all) == 0 {
			return p, false
		}
		db = all[r.IntN(len(all))]
		if db.src == da.src && db.story == da.story {
			return p, false
		}
		A, B = paragraphs(r, b.text(da)), paragraphs(r, b.text(db))
		p.Overlap = overlap(b.text(da), b.text(db))
	default:
		p.Copy = true
		da = b.docs[src][r.IntN(len(b.docs[src]))]
		db = da
		A = paragraphs(r, b.text(da))
		B = slices.Clone(A)
		var edits []string
		if kind == Combined {
			pool := []string{Trimmed, Reheadlined, Reordered, Ending, Boilerplate, Edited}
			r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
			edits = pool[:2+r.IntN(2)]
		} else {
			edits = []string{kind}
		}
		for _, e := range edits {
			A, B = b.edit(r, e, A, B, da)
		}
		p.Edits = edits
	}
	p.Stories = [2]string{b.storyID(da), b.storyID(db)}
	p.Docs = [2]int{da.idx, db.idx}
	p.Part = part(p.Source, p.Stories[0])
	p.Duplicate = !p.Copy && p.Overlap >= DuplicateShare
	p.A, p.B = join(r, A), join(r, B)
	if p.Copy && r.IntN(2) == 0 { // either may come first
		p.A, p.B = p.B, p.A
	}
	if kind == Reformatted {
		p.B = reformat(r, p.B)
	}
	return p, true
}

// part splits the set in two halves by story.
func part(source, story string) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s/%s", source, story)
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

// edit applies one edit to the copy B of A (and, for a new headline, gives
// A its own).
func (b *builder) edit(r *rand.Rand, kind string, A, B []string, d doc) ([]string, []string) {
	switch kind {
	case Trimmed:
		B = trim(r, B)
	case Reheadlined:
		h1, h2 := headline(r, A), headline(r, A)
		for range 5 {
			if h2 != h1 {
				break
			}
			h2 = headline(r, A)
		}
		A = append([]string{h1}, A...)
		if len(B) > 0 && isHeadline(B[0]) {
			B = B[1:]
		}
		B = append([]string{h2}, B...)
	case Reordered:
		B = reorder(r, B)
	case Ending:
		other := d
		if s, ok := b.sibling(r, d); ok {
			other = s
		} else {
			all := b.docs[d.src]
			other = all[r.IntN(len(all))]
		}
		B = replaceEnding(r, B, paragraphs(r, b.text(other)))
	case Boilerplate:
		B = boilerplate(r, b, d).add(B)
	case Edited:
		B = copyEdit(r, B)
	}
	return A, B
}

// paragraphs splits a document (the datasets lost their paragraph breaks)
// into sentences and groups them into paragraphs of one to three, as wire
// copy is.
func paragraphs(r *rand.Rand, doc string) []string {
	var sents []string
	for _, sp := range text.SplitText(doc) {
		if s := strings.TrimSpace(doc[sp[0]:sp[1]]); s != "" {
			sents = append(sents, s)
		}
	}
	var out []string
	for i := 0; i < len(sents); {
		n := 1 + r.IntN(3)
		if r.IntN(5) < 2 {
			n = 1 // AP writes many one-sentence paragraphs
		}
		n = min(n, len(sents)-i)
		out = append(out, strings.Join(sents[i:i+n], " "))
		i += n
	}
	return out
}

// join writes paragraphs as a text: blank lines between paragraphs, or
// one paragraph a line.
func join(r *rand.Rand, paras []string) string {
	if r.IntN(4) == 0 {
		return strings.Join(paras, "\n")
	}
	return strings.Join(paras, "\n\n")
}

// trim keeps the first 40-80% of the words (see lead).
func trim(r *rand.Rand, ps []string) []string {
	return lead(r, ps, 0.4, 0.8)
}

// lead returns the opening paragraphs that hold a share of the words drawn
// from [lo, hi]: cut at the paragraph boundary nearest that share when one
// falls within [lo, hi], else at such a sentence boundary (the paragraph
// cut short), else at the word.
func lead(r *rand.Rand, ps []string, lo, hi float64) []string {
	total := 0
	for _, p := range ps {
		total += len(strings.Fields(p))
	}
	target := lo + (hi-lo)*r.Float64()
	within := func(n int) bool {
		f := float64(n) / float64(total)
		return f >= lo && f <= hi
	}
	// Paragraph boundaries.
	best, bestGap, sum := -1, 0.0, 0
	for k := 1; k < len(ps); k++ {
		sum += len(strings.Fields(ps[k-1]))
		if gap := abs(float64(sum)/float64(total) - target); within(sum) && (best < 0 || gap < bestGap) {
			best, bestGap = k, gap
		}
	}
	if best > 0 {
		return slices.Clone(ps[:best])
	}
	// Sentence boundaries, within a paragraph.
	type cutPoint struct{ para, sent int }
	var bestCut cutPoint
	found := false
	sum = 0
	for k, p := range ps {
		spans := text.SplitText(p)
		for j, sp := range spans[:max(0, len(spans)-1)] {
			n := sum + len(strings.Fields(p[:sp[1]]))
			if gap := abs(float64(n)/float64(total) - target); within(n) && (!found || gap < bestGap) {
				bestCut, bestGap, found = cutPoint{k, j}, gap, true
			}
		}
		sum += len(strings.Fields(p))
	}
	if found {
		out := slices.Clone(ps[:bestCut.para])
		p := ps[bestCut.para]
		return append(out, strings.TrimSpace(p[:text.SplitText(p)[bestCut.sent][1]]))
	}
	// A word boundary.
	want := max(1, int(target*float64(total)+0.5))
	var out []string
	for _, p := range ps {
		ws := strings.Fields(p)
		if len(ws) >= want {
			return append(out, strings.Join(ws[:want], " "))
		}
		out = append(out, p)
		want -= len(ws)
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func sentences(ps []string) []string {
	var out []string
	for _, p := range ps {
		for _, sp := range text.SplitText(p) {
			out = append(out, p[sp[0]:sp[1]])
		}
	}
	return out
}

// reorder moves one to three paragraphs (a third at most) elsewhere.
func reorder(r *rand.Rand, ps []string) []string {
	ps = slices.Clone(ps)
	if len(ps) < 3 {
		if len(ps) == 2 {
			ps[0], ps[1] = ps[1], ps[0]
		}
		return ps
	}
	moves := 1 + r.IntN(min(3, len(ps)/3))
	for range moves {
		from := r.IntN(len(ps))
		p := ps[from]
		ps = slices.Delete(ps, from, from+1)
		to := r.IntN(len(ps) + 1)
		for to == from && len(ps) > 0 {
			to = r.IntN(len(ps) + 1)
		}
		ps = slices.Insert(ps, to, p)
	}
	return ps
}

// replaceEnding keeps the opening 50-80% of the words (see lead) and puts
// after them as many words of other's closing sentences, as one or two
// paragraphs.
func replaceEnding(r *rand.Rand, ps, other []string) []string {
	kept := lead(r, ps, 0.5, 0.8)
	want := 0
	for _, p := range ps {
		want += len(strings.Fields(p))
	}
	for _, p := range kept {
		want -= len(strings.Fields(p))
	}
	closer := sentences(other)
	start, got := len(closer), 0
	for start > 0 && got < want {
		start--
		got += len(strings.Fields(closer[start]))
	}
	end := closer[start:]
	if len(end) >= 2 && r.IntN(2) == 0 {
		mid := len(end) / 2
		return append(kept, strings.Join(end[:mid], " "), strings.Join(end[mid:], " "))
	}
	if len(end) > 0 {
		kept = append(kept, strings.Join(end, " "))
	}
	return kept
}

// headline makes a headline from a window of the article's first
// sentences: five to ten words, title-cased, sometimes with a kicker.
func headline(r *rand.Rand, ps []string) string {
	var ws []string
	for _, p := range ps {
		if isHeadline(p) {
			continue
		}
		for _, w := range strings.Fields(p) {
			w = strings.TrimFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
			if w != "" {
				ws = append(ws, w)
			}
		}
		if len(ws) > 40 {
			break
		}
	}
	if len(ws) == 0 {
		return "News"
	}
	n := min(len(ws), 5+r.IntN(6))
	start := r.IntN(len(ws) - n + 1)
	hw := slices.Clone(ws[start : start+n])
	for i, w := range hw {
		rs := []rune(w)
		rs[0] = unicode.ToUpper(rs[0])
		hw[i] = string(rs)
	}
	h := strings.Join(hw, " ")
	kickers := []string{"", "", "", "UPDATE 2-", "Breaking: ", "Analysis: ", "WATCH: ", "Live: "}
	return kickers[r.IntN(len(kickers))] + h
}

// isHeadline reports whether a paragraph reads as a headline: short, with
// no sentence end.
func isHeadline(p string) bool {
	return len(strings.Fields(p)) <= 14 && !strings.ContainsAny(p[max(0, len(p)-1):], ".!?\"'")
}

// copyEdit changes about one word in fifty (two to eight): replaced by
// another word of the article, dropped, re-cased, or a number changed.
func copyEdit(r *rand.Rand, ps []string) []string {
	ps = slices.Clone(ps)
	var all []string
	words := make([][]string, len(ps))
	for i, p := range ps {
		words[i] = strings.Fields(p)
		all = append(all, words[i]...)
	}
	if len(all) == 0 {
		return ps
	}
	n := max(2, min(8, len(all)/50))
	for range n {
		i := r.IntN(len(ps))
		if len(words[i]) == 0 {
			continue
		}
		j := r.IntN(len(words[i]))
		w := words[i][j]
		switch op := r.IntN(4); {
		case op == 0 && len(words[i]) > 1:
			words[i] = slices.Delete(words[i], j, j+1)
		case op == 1:
			words[i][j] = strings.ToUpper(w[:1]) + w[1:]
		case op == 2 && strings.ContainsAny(w, "0123456789"):
			words[i][j] = strings.Map(func(c rune) rune {
				if c >= '0' && c < '9' {
					return c + 1
				}
				return c
			}, w)
		default:
			words[i][j] = all[r.IntN(len(all))]
		}
	}
	for i := range ps {
		ps[i] = strings.Join(words[i], " ")
	}
	return ps
}

// reformat rewrites a text's spelling without changing its words: curly
// quotation marks for straight or wire ones, lines wrapped, spaces doubled.
func reformat(r *rand.Rand, s string) string {
	if r.IntN(2) == 0 {
		s = strings.NewReplacer("``", "“", "''", "”").Replace(s)
		open := true
		s = strings.Map(func(c rune) rune {
			if c == '"' {
				open = !open
				if !open {
					return '“'
				}
				return '”'
			}
			if c == '\'' {
				return '’'
			}
			return c
		}, s)
	}
	var out strings.Builder
	col := 0
	wrap := 60 + r.IntN(20)
	for i, f := range strings.SplitAfter(s, " ") {
		if i > 0 && col+len(f) > wrap && !strings.HasSuffix(f, "\n") && r.IntN(2) == 0 {
			out.WriteString("\n")
			col = 0
		}
		out.WriteString(f)
		col += len(f)
		if strings.Contains(f, "\n") {
			col = 0
		}
	}
	s = out.String()
	if r.IntN(2) == 0 {
		s = strings.ReplaceAll(s, ". ", ".  ")
	}
	return s
}

// shareQuote makes both articles quote one long statement (twenty to
// sixty words): paragraphs of a third article of the story, put in
// quotation marks with an attribution, become a paragraph of each. Without
// a third article, paragraphs of A are quoted where they stand in A and
// the quotation is added to B.
func (b *builder) shareQuote(r *rand.Rand, A, B []string, da, db doc) ([]string, []string) {
	var third *doc
	for j, t := range b.sources[da.src].Stories[da.story].Documents {
		if j != da.idx && j != db.idx && len(strings.Fields(t)) >= minWords {
			third = &doc{da.src, da.story, j}
			break
		}
	}
	from := A
	if third != nil {
		from = paragraphs(r, b.text(*third))
	}
	if len(from) == 0 {
		return A, B
	}
	// From A, a third of its words at most, so that A keeps words of its
	// own: a report is not one long quotation.
	limit := 60
	if third == nil {
		total := 0
		for _, p := range A {
			total += len(strings.Fields(p))
		}
		limit = min(limit, total/3)
	}
	k := r.IntN(len(from))
	end := k + 1
	q := from[k]
	for end < len(from) && len(strings.Fields(q))+len(strings.Fields(from[end])) <= limit && len(strings.Fields(q)) < 20+r.IntN(20) {
		q += " " + from[end]
		end++
	}
	// The statement's own quotation marks go: it is quoted as a whole.
	q = strings.NewReplacer("\"", "", "``", "", "''", "", "“", "", "”", "").Replace(q)
	ws := strings.Fields(q)
	n := min(len(ws), max(limit, 10))
	q = strings.Join(ws[:n], " ")
	rest := strings.Join(ws[n:], " ") // in A, the words not quoted stay
	q = strings.TrimRight(q, ".,;:") + ","
	name := names[r.IntN(len(names))]
	para := fmt.Sprintf(`"%s" %s said.`, q, name)
	if r.IntN(2) == 0 {
		para = fmt.Sprintf(`%s said: "%s"`, name, strings.TrimSuffix(q, ",")+".")
	}
	insert := func(ps []string) []string {
		at := 0
		if len(ps) > 0 {
			at = 1 + r.IntN(len(ps))
		}
		return slices.Insert(slices.Clone(ps), min(at, len(ps)), para)
	}
	if third == nil {
		quoted := []string{para}
		if rest != "" {
			quoted = append(quoted, rest)
		}
		A = slices.Concat(A[:k], quoted, A[end:])
		return A, insert(B)
	}
	return insert(A), insert(B)
}

var names = []string{"Maria Lopez", "the spokesman", "John Carter", "a senior official", "Ahmed Khan",
	"Susan Whitfield", "the minister", "Chen Wei", "Police Chief Dan Morrow", "the company"}

// A boilerplateSet is the page furniture added around one article.
type boilerplateSet struct {
	top, bottom []string
}

func (bp boilerplateSet) add(ps []string) []string {
	out := slices.Clone(bp.top)
	out = append(out, ps...)
	return append(out, bp.bottom...)
}

// boilerplate draws one to three kinds of furniture: a byline, a copyright
// notice, share prompts, a related-links block (headlines of other
// articles).
func boilerplate(r *rand.Rand, b *builder, d doc) boilerplateSet {
	outlets := []string{"The Associated Press", "Reuters", "Agence France-Presse", "The Daily Herald", "Tribune News Service", "The Press Association"}
	outlet := outlets[r.IntN(len(outlets))]
	var bp boilerplateSet
	kinds := []int{0, 1, 2, 3}
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	for _, k := range kinds[:1+r.IntN(3)] {
		switch k {
		case 0:
			by := []string{"By %s, %s", "By %s | %s", "%s, %s writer"}
			bp.top = append(bp.top, fmt.Sprintf(by[r.IntN(len(by))], names[r.IntN(len(names))], outlet))
		case 1:
			year := 1998 + r.IntN(27)
			cr := []string{
				"Copyright %d %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
				"© %d %s. All rights reserved.",
				"Copyright © %d %s. All Rights Reserved. Reproduction without permission is prohibited.",
			}
			bp.bottom = append(bp.bottom, fmt.Sprintf(cr[r.IntN(len(cr))], year, outlet))
		case 2:
			share := []string{
				"Share this article: Facebook Twitter Email Print",
				"Click to share on Facebook (Opens in new window) Click to share on Twitter (Opens in new window) Click to email a link to a friend",
				"Share on Facebook. Share on Twitter. Share via Email. Sign up for our daily newsletter.",
			}
			s := share[r.IntN(len(share))]
			if r.IntN(2) == 0 {
				bp.top = append(bp.top, s)
			} else {
				bp.bottom = append(bp.bottom, s)
			}
		case 3:
			block := []string{[]string{"Related:", "Read more:", "More from " + outlet + ":"}[r.IntN(3)]}
			for range 2 + r.IntN(3) {
				all := b.docs[r.IntN(len(b.docs))]
				if len(all) == 0 {
					continue
				}
				block = append(block, "- "+headline(r, paragraphs(r, b.text(all[r.IntN(len(all))]))))
			}
			bp.bottom = append(bp.bottom, block...)
		}
	}
	return bp
}

// overlap is the share of the shorter text's 8-word shingles (words folded
// to lower case, punctuation dropped) found in the other: the rule that
// tells a real duplicate in the data.
func overlap(a, b string) float64 {
	sa, sb := shingles8(a), shingles8(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) == 0 {
		return 0
	}
	n := 0
	for s := range sa {
		if sb[s] {
			n++
		}
	}
	return float64(n) / float64(len(sa))
}

func shingles8(s string) map[string]bool {
	ws := strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
	out := make(map[string]bool)
	for i := 0; i+8 <= len(ws); i++ {
		out[strings.Join(ws[i:i+8], " ")] = true
	}
	return out
}
