package brief

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/text"
)

// The selection adds sentences greedily by their gain per word^r (Lin and
// Bilmes 2011's budget-aware ratio, with an exponent) until the word budget
// is spent. A sentence's gain is mostly how much of it the other articles
// repeat (its cross-article centrality) and how many outlets report it,
// plus headline and quotation bonuses, a lead prior, and a small weight
// for the concepts it newly covers, after Gillick and Favre (2009): a
// concept is a pair of adjacent content terms, weighted by the number of
// articles that contain it. Concepts keep a summary from saying one thing
// twice within an article; across articles a similarity threshold does.
// docs/EVALUATION.md has the measurements behind the balance.

// params are the selection's tuning knobs. defaultParams holds the values
// in use; docs/EVALUATION.md tells how they were chosen.
type params struct {
	// lengthExponent is r in gain / words^r.
	lengthExponent float64
	// positionWeight scales the lead prior against concept weight.
	positionWeight float64
	// positionDecay is the exponent of the lead prior 1/(1+i)^decay for
	// the i-th sentence of an article.
	positionDecay float64
	// supportWeight is the gain per other outlet that reports a sentence's
	// information.
	supportWeight float64
	// centrality weighs the sum of a sentence's similarities to the other
	// articles' sentences.
	centrality float64
	// minWords and maxWords bound the sentences a summary may use.
	minWords, maxWords int
	// opener makes the summary open with the best of the articles' first
	// sentences: the news itself, as the outlets lead with it.
	opener bool
	// titleBonus is added to the gain of a sentence per article headline
	// that reports the same information: headlines name the news.
	titleBonus float64
	// quoteBonus is added to the gain of a sentence with a quotation.
	quoteBonus float64
	// redundancy is the similarity to a chosen sentence of another
	// article above which a sentence is redundant.
	redundancy float64
	// dependent scales the gain of a sentence that leans on the sentence
	// before it in its article (it is shown only after that sentence).
	dependent float64
	// conceptScale is the weight of a concept per article that holds it.
	conceptScale float64
}

var defaultParams = params{
	lengthExponent: 0.5,
	positionWeight: 0.3,
	positionDecay:  0.5,
	supportWeight:  2.0,
	centrality:     10,
	conceptScale:   0.1,
	dependent:      0.5,
	redundancy:     0.27,
	minWords:       minWords,
	maxWords:       text.MaxSentenceWords,
	quoteBonus:     5,
	opener:         true,
	titleBonus:     20,
}

// minWords is the shortest sentence the agreed and exclusive lists show;
// defaultParams uses the same floor for the summary.
const minWords = 6

type selector struct {
	p        params
	s        *Story
	matches  [][]align.Match
	units    []int       // candidate units
	concepts [][]int32   // per candidate: distinct concept ids
	articles []int32     // per concept: the number of articles that hold it
	prior    []float64   // per candidate
	central  []float64   // per candidate
	quoted   []bool      // per candidate: holds a quotation
	pos      []int       // per candidate: sentence index in its article
	words    []int       // per candidate
	fits     []bool      // per candidate: within minWords..maxWords
	dep      []bool      // per candidate: cannot be read without the sentence before it
	ante     []int       // per candidate: the candidate of the sentence before it, when dep and that one reads alone; else -1
	index    map[int]int // unit -> candidate
}

func (s *Story) selector(matches [][]align.Match, p params) *selector {
	sel := &selector{p: p, s: s, matches: matches, index: make(map[int]int)}
	type pair struct{ a, b string }
	ids := make(map[pair]int32)
	var df []int32
	var lastDoc []int32
	concept := func(key pair, d int) int32 {
		id, ok := ids[key]
		if !ok {
			id = int32(len(ids))
			ids[key] = id
			df = append(df, 0)
			lastDoc = append(lastDoc, -1)
		}
		if lastDoc[id] != int32(d) {
			lastDoc[id] = int32(d)
			df[id]++
		}
		return id
	}
	var cent []float64
	if p.centrality > 0 {
		cent = s.Align.Centrality()
	}
	for d, doc := range s.Docs {
		for j := range doc.Sentences {
			sen := &doc.Sentences[j]
			u := s.Align.SentUnit[d][j]
			terms := align.Terms(sen.Tokens)
			var cs []int32
			for k := 1; k < len(terms); k++ {
				cs = append(cs, concept(pair{terms[k-1], terms[k]}, d))
			}
			slices.Sort(cs)
			cs = slices.Compact(cs)
			w := sen.Words()
			if w == 0 || len(terms) == 0 || filler(sen) {
				continue
			}
			dep := dependsOnContext(sen)
			ante := -1
			if dep && j > 0 {
				if prev, ok := sel.index[s.Align.SentUnit[d][j-1]]; ok && !sel.dep[prev] && sel.fits[prev] {
					ante = prev
				}
			}
			sel.index[u] = len(sel.units)
			sel.units = append(sel.units, u)
			sel.concepts = append(sel.concepts, cs)
			sel.words = append(sel.words, w)
			sel.fits = append(sel.fits, w >= p.minWords && w <= p.maxWords)
			sel.dep = append(sel.dep, dep)
			sel.ante = append(sel.ante, ante)
			sel.prior = append(sel.prior, p.positionWeight/math.Pow(float64(1+j), p.positionDecay))
			sel.pos = append(sel.pos, j)
			c := 0.0
			if cent != nil {
				c = p.centrality * cent[u]
			}
			sel.central = append(sel.central, c)
			sel.quoted = append(sel.quoted, strings.Count(sen.Norm, `"`) >= 2)
		}
	}
	// A concept weighs, in the summary, conceptScale per article that holds
	// it; the agreed and exclusive lists rank by the article count itself.
	sel.articles = df
	return sel
}

// Summarize chooses units for a summary of at most budget words and
// returns them in reading order. A sentence that leans on the sentence
// before it in its article comes only right after that sentence.
func (sel *selector) Summarize(budget int) []int {
	chosen, after := sel.summarize(budget, false)
	if len(chosen) == 0 {
		// No sentence of the usual length reads well on its own: take
		// what there is rather than nothing.
		chosen, after = sel.summarize(budget, true)
	}
	return sel.arrange(chosen, after)
}

// eligible reports whether candidate i may be chosen: alone when it reads
// alone, else together with (or after) the sentence before it.
func (sel *selector) eligible(i int, relaxed bool) bool {
	return relaxed || (sel.fits[i] && (!sel.dep[i] || sel.ante[i] >= 0))
}

// summarize chooses units greedily. after maps a chosen unit that leans on
// its article's previous sentence to that sentence's unit, also chosen.
func (sel *selector) summarize(budget int, relaxed bool) (chosen []int, after map[int]int) {
	covered := make(map[int32]bool)
	after = make(map[int]int)
	used := 0
	taken := make([]bool, len(sel.units))
	in := make([]bool, len(sel.units)) // chosen
	opening := sel.p.opener
	// cost returns the words and gain of choosing candidate i: with the
	// sentence it leans on when that is not chosen yet; ok is false when
	// it cannot be chosen now.
	cost := func(i int) (words int, g float64, ok bool) {
		words, g = sel.words[i], sel.gain(i, sel.units[i], covered)
		if relaxed || !sel.dep[i] {
			return words, g, true
		}
		a := sel.ante[i]
		switch {
		case in[a]:
			return words, g, true
		case taken[a]:
			return 0, 0, false
		}
		return words + sel.words[a], g + sel.gain(a, sel.units[a], covered), true
	}
	add := func(i int) {
		taken[i], in[i] = true, true
		chosen = append(chosen, sel.units[i])
		used += sel.words[i]
		for _, c := range sel.concepts[i] {
			covered[c] = true
		}
	}
	for {
		best, bestScore := -1, -1.0
		for i := range sel.units {
			if taken[i] || !sel.eligible(i, relaxed) {
				continue
			}
			if opening && sel.pos[i] != 0 {
				continue
			}
			w, g, ok := cost(i)
			if !ok || used+w > budget {
				continue
			}
			if score := g / math.Pow(float64(w), sel.p.lengthExponent); score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			if opening {
				opening = false
				continue
			}
			break
		}
		opening = false
		taken[best] = true
		rep := sel.representative(best, budget-used, covered, relaxed)
		if taken[rep] && rep != best {
			continue
		}
		best = rep
		taken[best] = true
		if sel.redundant(sel.units[best], chosen) {
			continue
		}
		if relaxed || !sel.dep[best] {
			add(best)
			continue
		}
		// best leans on the sentence before it: bring that one too, when
		// it fits and says something new, or leave best out.
		a := sel.ante[best]
		if !in[a] {
			if taken[a] || used+sel.words[a]+sel.words[best] > budget || sel.redundant(sel.units[a], chosen) {
				continue
			}
			add(a)
		}
		add(best)
		after[sel.units[best]] = sel.units[a]
	}
	return chosen, after
}

// arrange puts chosen units in reading order, each unit of after right
// behind the unit it leans on.
func (sel *selector) arrange(chosen []int, after map[int]int) []int {
	var free []int
	next := make(map[int]int, len(after))
	for _, u := range chosen {
		if a, ok := after[u]; ok {
			next[a] = u
		} else {
			free = append(free, u)
		}
	}
	sel.order(free)
	out := make([]int, 0, len(chosen))
	for _, u := range free {
		out = append(out, u)
		if v, ok := next[u]; ok {
			out = append(out, v)
		}
	}
	return out
}

// gain is what candidate i (unit u) adds to a summary that covers the
// given concepts.
func (sel *selector) gain(i, u int, covered map[int32]bool) float64 {
	g := sel.prior[i] + sel.central[i] + sel.p.supportWeight*float64(len(sel.matches[u]))
	if sel.quoted[i] {
		g += sel.p.quoteBonus
	}
	for _, m := range sel.matches[u] {
		if sel.s.Align.Units[m.Unit].IsTitle() {
			g += sel.p.titleBonus
		}
	}
	var articles int32
	for _, c := range sel.concepts[i] {
		if !covered[c] {
			articles += sel.articles[c]
		}
	}
	g += sel.p.conceptScale * float64(articles)
	if sel.dep[i] {
		g *= sel.p.dependent
	}
	return g
}

// representative returns, among candidate i and the candidates of other
// outlets that report the same information, the one with the most support,
// then the most gain: the version of the information to show, citing all.
// Another outlet's version is taken only when it reads on its own; a
// version that reads on its own is preferred to one that leans on its
// context.
func (sel *selector) representative(i, room int, covered map[int32]bool, relaxed bool) int {
	u := sel.units[i]
	best, bestSup, bestGain := i, len(sel.matches[u]), sel.gain(i, u, covered)
	bestAlone := relaxed || !sel.dep[i]
	for _, m := range sel.matches[u] {
		j, ok := sel.index[m.Unit]
		if !ok || !sel.eligible(j, relaxed) || sel.words[j] > room {
			continue
		}
		alone := relaxed || !sel.dep[j]
		if !alone {
			continue
		}
		sup, g := len(sel.matches[m.Unit]), sel.gain(j, m.Unit, covered)
		if (alone && !bestAlone) || sup > bestSup || (sup == bestSup && g > bestGain) {
			best, bestSup, bestGain, bestAlone = j, sup, g, alone
		}
	}
	return best
}

// redundant reports whether unit u reports the same information as a unit
// already chosen.
func (sel *selector) redundant(u int, chosen []int) bool {
	for _, c := range chosen {
		if c == u {
			return true
		}
		if sel.s.Align.Units[c].Doc == sel.s.Align.Units[u].Doc {
			continue
		}
		if sel.s.Align.Sim(u, c) >= sel.p.redundancy {
			return true
		}
	}
	return false
}

// order sorts units into reading order: by where their information
// appears in the articles that report it (the mean relative position, a
// title counting as the very start), then by article.
func (sel *selector) order(units []int) {
	al := sel.s.Align
	rel := func(u int) float64 {
		un := &al.Units[u]
		n := len(sel.s.Docs[un.Doc].Sentences)
		return float64(un.Sent) / float64(n)
	}
	key := make(map[int]float64, len(units))
	for _, u := range units {
		k := rel(u)
		for _, m := range sel.matches[u] {
			if al.Units[m.Unit].Sent >= 0 {
				k += rel(m.Unit)
			}
		}
		key[u] = k / float64(1+len(sel.matches[u]))
	}
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		if key[a] != key[b] {
			return key[a] < key[b]
		}
		return a < b
	})
}
