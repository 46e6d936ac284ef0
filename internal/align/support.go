package align

import (
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// The same-information decision.
//
// Two units of different articles report the same piece of information
// when the candidate covers most of the claim's content and some of its
// own is the claim's, weighed by how rare each word is in news at large
// and how little it is merely the story's topic; when the claim's names
// and its predicate are among what is covered; and when their numbers,
// negation and modality agree. Cosine similarity alone says two sentences
// share a topic; these say they share a fact.

// Params are the knobs of the same-information decision. DefaultParams
// holds the values in use; docs/EVALUATION.md tells how they were set.
type Params struct {
	// ClaimCover is the least share of the claim's content weight the
	// candidate must hold.
	ClaimCover float64
	// CandidateCover is the least share of the candidate's own content
	// weight that the claim must hold: a long sentence about something
	// else that mentions the claim's words in passing is not support.
	CandidateCover float64
	// CoreCover is the least share of the claim's weight in words that are
	// neither names nor numbers (what happened, the predicate) the
	// candidate must hold.
	CoreCover float64
	// NameCover is the least share of the claim's name weight the
	// candidate must hold (the main actors), when the claim has names.
	NameCover float64
	// Topic scales down a word by the share of the story's units that hold
	// it: weight = idf / (1 + Topic*share).
	Topic float64
	// MinShared is the least number of distinct content terms two units
	// must share.
	MinShared int
}

// DefaultParams are the decision's values in use.
var DefaultParams = Params{
	ClaimCover:     0.5,
	CandidateCover: 0.2,
	CoreCover:      0.34,
	NameCover:      0.5,
	Topic:          3,
	MinShared:      2,
}

// A Pair describes how two units relate under the decision.
type Pair struct {
	// ClaimCover and CandidateCover are the shares of each side's content
	// weight that the other holds.
	ClaimCover, CandidateCover float64
	// CoreCover and NameCover are ClaimCover restricted to the claim's
	// words that are not names or numbers, and to its names (1 when it has
	// none).
	CoreCover, NameCover float64
	// Shared is the number of distinct content terms both hold.
	Shared int
	// NumberClash reports a word counted with different numbers.
	NumberClash bool
	// Polarity reports that one side is negated and the other is not.
	Polarity bool
	// Modality reports that one side hedges (may, could, would) what the
	// other asserts.
	Modality bool
}

// Same reports whether the pair passes the decision under p.
func (p Params) Same(f Pair) bool {
	return f.Shared >= p.MinShared && f.ClaimCover >= p.ClaimCover &&
		f.CandidateCover >= p.CandidateCover && f.CoreCover >= p.CoreCover &&
		f.NameCover >= p.NameCover && !f.NumberClash && !f.Polarity && !f.Modality
}

// Score orders candidates that pass: how much of the claim they carry
// first, and how much of themselves is the claim next.
func (f Pair) Score() float64 { return 0.75*f.ClaimCover + 0.25*f.CandidateCover }

// A profile is what the decision knows of a unit or of two adjacent units
// joined.
type profile struct {
	terms   []int32 // sorted, distinct term ids
	name    []bool  // per term: written as a name
	number  []bool  // per term: a number
	counts  map[string]string
	negated bool
	hedged  bool
}

// buildProfile reads a unit's tokens. ids maps a term to its id.
func buildProfile(toks []text.Token, ids func(string) int32) profile {
	p := profile{}
	type flag struct{ name, number bool }
	flags := make(map[int32]flag)
	for _, t := range termsAt(toks) {
		id := ids(t.term)
		tok := &toks[t.tok]
		f := flags[id]
		f.number = f.number || tok.Number
		// A capital inside the sentence marks a name; the first word's
		// capital says nothing.
		f.name = f.name || (tok.Cap && t.tok > 0 && !tok.Number && !afterOpening(toks, t.tok))
		flags[id] = f
	}
	for id := range flags {
		p.terms = append(p.terms, id)
	}
	slices.Sort(p.terms)
	p.name = make([]bool, len(p.terms))
	p.number = make([]bool, len(p.terms))
	for i, id := range p.terms {
		p.name[i], p.number[i] = flags[id].name, flags[id].number
	}
	p.counts = counts(toks)
	for _, t := range toks {
		switch {
		case isNegation(t):
			p.negated = true
		case hedges[t.Lower]:
			p.hedged = true
		}
	}
	return p
}

// afterOpening reports whether token i opens a clause: it follows a
// quotation mark or a colon at the start of the text, where a capital says
// nothing either.
func afterOpening(toks []text.Token, i int) bool {
	return i == 1 && toks[0].Stop && len(toks[0].Lower) <= 3 && toks[0].Cap
}

// join returns the profile of two adjacent units read as one.
func join(a, b profile) profile {
	out := profile{negated: a.negated || b.negated, hedged: a.hedged || b.hedged}
	i, j := 0, 0
	for i < len(a.terms) || j < len(b.terms) {
		switch {
		case j == len(b.terms) || (i < len(a.terms) && a.terms[i] < b.terms[j]):
			out.terms = append(out.terms, a.terms[i])
			out.name = append(out.name, a.name[i])
			out.number = append(out.number, a.number[i])
			i++
		case i == len(a.terms) || b.terms[j] < a.terms[i]:
			out.terms = append(out.terms, b.terms[j])
			out.name = append(out.name, b.name[j])
			out.number = append(out.number, b.number[j])
			j++
		default:
			out.terms = append(out.terms, a.terms[i])
			out.name = append(out.name, a.name[i] || b.name[j])
			out.number = append(out.number, a.number[i])
			i++
			j++
		}
	}
	out.counts = make(map[string]string)
	for k, v := range a.counts {
		out.counts[k] = v
	}
	for k, v := range b.counts {
		if w, ok := out.counts[k]; ok && w != v {
			out.counts[k] = "" // counted twice: nothing checkable
			continue
		}
		out.counts[k] = v
	}
	return out
}

// compare measures claim a against candidate b; w gives each term's
// weight.
func compare(a, b *profile, w []float64) Pair {
	var f Pair
	var total, totalB, shared, core, coreShared, names, namesShared float64
	for k, id := range a.terms {
		x := w[id]
		total += x
		switch {
		case a.name[k]:
			names += x
		case !a.number[k]:
			core += x
		}
	}
	for _, id := range b.terms {
		totalB += w[id]
	}
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			x := w[a.terms[i]]
			shared += x
			f.Shared++
			switch {
			case a.name[i]:
				namesShared += x
			case !a.number[i]:
				coreShared += x
			}
			i++
			j++
		}
	}
	f.ClaimCover = ratio(shared, total)
	f.CandidateCover = ratio(shared, totalB)
	f.CoreCover = ratio(coreShared, core)
	f.NameCover = 1
	if names > 0 {
		f.NameCover = namesShared / names
	}
	for word, n := range a.counts {
		if m, ok := b.counts[word]; ok && n != "" && m != "" && n != m {
			f.NumberClash = true
		}
	}
	f.Polarity = a.negated != b.negated
	f.Modality = a.hedged != b.hedged
	return f
}

func ratio(x, y float64) float64 {
	if y <= 0 {
		return 0
	}
	return x / y
}

// hedges are the words that turn an assertion into a possibility.
var hedges = map[string]bool{
	"may": true, "might": true, "could": true, "would": true, "possibly": true,
	"perhaps": true, "reportedly": true, "allegedly": true, "likely": true,
	"unlikely": true, "probably": true, "if": true,
}

// isNegation reports whether a token negates its clause.
func isNegation(t text.Token) bool {
	switch t.Lower {
	case "not", "no", "never", "nobody", "nothing", "neither", "nor", "without":
		return true
	}
	return strings.HasSuffix(t.Lower, "n't")
}

// counts returns, for each word that a number counts ("12 people"), the
// number. A word counted twice with different numbers maps to "".
func counts(toks []text.Token) map[string]string {
	out := make(map[string]string)
	for i, t := range toks {
		if !t.Number || i+1 >= len(toks) {
			continue
		}
		next := &toks[i+1]
		if next.Number || next.Stop {
			continue
		}
		if n, ok := out[next.Stem]; ok && n != t.Stem {
			out[next.Stem] = ""
			continue
		}
		out[next.Stem] = t.Stem
	}
	return out
}

// termWeights returns each term's weight in a story: its background
// inverse document frequency, scaled down by the share of the story's
// units that hold it.
func termWeights(vocab map[string]int32, unitFreq []int32, units int, topic float64) []float64 {
	bg := loadBackground()
	w := make([]float64, len(vocab))
	for term, id := range vocab {
		share := 0.0
		if units > 0 {
			share = float64(unitFreq[id]) / float64(units)
		}
		w[id] = bg.idf(term) / (1 + topic*share)
	}
	return w
}

var _ = math.Log

// Evidence is what one article offers in support of a claim: one unit, or
// two adjacent sentences that together carry it.
type Evidence struct {
	// Doc is the article.
	Doc int
	// Units holds one unit, or two adjacent units in text order.
	Units []int
	// Pair is how the evidence relates to the claim.
	Pair Pair
}

// Params returns the decision's knobs in use for the story.
func (s *Story) Params() Params { return s.params }

// SetParams changes the decision's knobs; word weights are recomputed.
// It is meant for measuring the decision, not for briefs.
func (s *Story) SetParams(p Params) {
	s.params = p
	s.weights = termWeights(s.vocab, s.df, len(s.Units), p.Topic)
}

// Compare measures unit b as support for the claim of unit a.
func (s *Story) Compare(a, b int) Pair {
	return compare(&s.profiles[a], &s.profiles[b], s.weights)
}

// Support returns, for each other article that reports the information of
// unit u, its best evidence, ordered by article.
func (s *Story) Support(u int) []Evidence {
	return s.support(u, newSupportScratch(len(s.Units)))
}

// AllSupport returns Support(u) for every unit u.
func (s *Story) AllSupport() [][]Evidence {
	sc := newSupportScratch(len(s.Units))
	out := make([][]Evidence, len(s.Units))
	for u := range s.Units {
		out[u] = s.support(u, sc)
	}
	return out
}

type supportScratch struct {
	shared  []float64
	count   []int32
	touched []int32
}

func newSupportScratch(n int) *supportScratch {
	return &supportScratch{shared: make([]float64, n), count: make([]int32, n)}
}

// support finds the evidence for unit u. Shared weights are accumulated
// through the inverted index; only candidates whose coverage can pass are
// compared in full.
func (s *Story) support(u int, sc *supportScratch) []Evidence {
	p := s.params
	a := &s.profiles[u]
	var total float64
	for _, id := range a.terms {
		total += s.weights[id]
	}
	if total == 0 {
		return nil
	}
	for _, id := range a.terms {
		x := s.weights[id]
		for _, post := range s.postings[id] {
			v := post.unit
			if sc.count[v] == 0 {
				sc.touched = append(sc.touched, v)
			}
			sc.shared[v] += x
			sc.count[v]++
		}
	}
	doc := s.Units[u].Doc
	best := make(map[int]Evidence)   // article -> best accepted single
	partial := make(map[int][]int32) // article -> units carrying part of the claim
	for _, v := range sc.touched {
		shared, n := sc.shared[v], sc.count[v]
		sc.shared[v], sc.count[v] = 0, 0
		d := s.Units[v].Doc
		if d == doc || int(n) < 1 {
			continue
		}
		if cover := shared / total; cover < p.ClaimCover {
			if cover >= p.ClaimCover/3 && s.Units[v].Sent >= 0 {
				partial[d] = append(partial[d], v)
			}
			continue
		}
		f := s.Compare(u, int(v))
		if !p.Same(f) {
			if s.Units[v].Sent >= 0 {
				partial[d] = append(partial[d], v)
			}
			continue
		}
		if e, ok := best[d]; !ok || better(f, int(v), e) {
			best[d] = Evidence{Doc: d, Units: []int{int(v)}, Pair: f}
		}
	}
	sc.touched = sc.touched[:0]
	// Articles with no single sentence that carries the claim may carry it
	// in two adjacent sentences.
	for d, vs := range partial {
		if _, ok := best[d]; ok {
			continue
		}
		if e, ok := s.adjacent(u, vs); ok {
			best[d] = e
		}
	}
	docs := make([]int, 0, len(best))
	for d := range best {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	out := make([]Evidence, len(docs))
	for i, d := range docs {
		out[i] = best[d]
	}
	return out
}

// better reports whether unit v with pair f is better evidence than e: a
// higher score, a sentence over a title, the earlier unit on a tie.
func better(f Pair, v int, e Evidence) bool {
	if f.Score() != e.Pair.Score() {
		return f.Score() > e.Pair.Score()
	}
	return v < e.Units[0]
}

// adjacent returns the best pair of adjacent sentences, among those
// around the partial candidates vs of one article, that together pass the
// decision for claim u while neither does alone, each adding to what the
// other covers.
func (s *Story) adjacent(u int, vs []int32) (Evidence, bool) {
	var best Evidence
	found := false
	slices.Sort(vs)
	for _, v := range vs {
		for _, w := range [2]int{int(v) - 1, int(v) + 1} {
			lo, hi := min(int(v), w), max(int(v), w)
			if lo < 0 || hi >= len(s.Units) || s.Units[lo].Doc != s.Units[hi].Doc ||
				s.Units[lo].Sent < 0 || s.Units[hi].Sent != s.Units[lo].Sent+1 {
				continue
			}
			j := join(s.profiles[lo], s.profiles[hi])
			f := compare(&s.profiles[u], &j, s.weights)
			if !s.params.Same(f) {
				continue
			}
			one, two := s.Compare(u, lo), s.Compare(u, hi)
			if f.ClaimCover < max(one.ClaimCover, two.ClaimCover)+0.1 {
				continue
			}
			if !found || f.Score() > best.Pair.Score() {
				best = Evidence{Doc: s.Units[lo].Doc, Units: []int{lo, hi}, Pair: f}
				found = true
			}
		}
	}
	return best, found
}

// ComparePair measures two sentences read on their own, without a story:
// words are weighed by the background table alone.
func ComparePair(a, b []text.Token) Pair {
	vocab := make(map[string]int32)
	ids := func(t string) int32 {
		id, ok := vocab[t]
		if !ok {
			id = int32(len(vocab))
			vocab[t] = id
		}
		return id
	}
	pa, pb := buildProfile(a, ids), buildProfile(b, ids)
	w := termWeights(vocab, make([]int32, len(vocab)), 0, 0)
	return compare(&pa, &pb, w)
}
