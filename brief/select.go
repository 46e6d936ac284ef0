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
	// dependent scales the gain of a sentence that opens with a pronoun or
	// a connective pointing back (0: never chosen while others exist).
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
	dependent:      0.5,
	conceptScale:   0.1,
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
	scale    []float64   // per candidate: 1, or p.dependent when it leans on context
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
			if w == 0 || len(terms) == 0 {
				continue
			}
			scale := 1.0
			if !standalone(sen) {
				scale = p.dependent
			}
			sel.index[u] = len(sel.units)
			sel.units = append(sel.units, u)
			sel.concepts = append(sel.concepts, cs)
			sel.words = append(sel.words, w)
			sel.fits = append(sel.fits, w >= p.minWords && w <= p.maxWords)
			sel.scale = append(sel.scale, scale)
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

// standalone reports whether a sentence can be read out of its context: it
// does not open with a pronoun or a connective that points back, and it is
// not a bare quotation that does not say who speaks.
func standalone(sen *text.Sentence) bool {
	if len(sen.Tokens) == 0 {
		return false
	}
	switch sen.Tokens[0].Lower {
	case "he", "she", "it", "they", "this", "these", "those", "that", "but", "and", "also",
		"however", "still", "yet", "so", "meanwhile", "then", "there":
		return false
	}
	n := strings.TrimSpace(sen.Norm)
	if strings.HasPrefix(n, `"`) && strings.Count(n, `"`) == 2 && strings.HasSuffix(n, `"`) {
		return false
	}
	return true
}

// Summarize chooses units for a summary of at most budget words and
// returns them in reading order.
func (sel *selector) Summarize(budget int) []int {
	chosen := sel.summarize(budget, false)
	if len(chosen) == 0 {
		// No sentence of the usual length reads well on its own: take
		// what there is rather than nothing.
		chosen = sel.summarize(budget, true)
	}
	sel.order(chosen)
	return chosen
}

// eligible reports whether candidate i may be chosen.
func (sel *selector) eligible(i int, relaxed bool) bool {
	return relaxed || (sel.fits[i] && sel.scale[i] > 0)
}

func (sel *selector) summarize(budget int, relaxed bool) []int {
	covered := make(map[int32]bool)
	var chosen []int
	used := 0
	taken := make([]bool, len(sel.units))
	opening := sel.p.opener
	for {
		best, bestScore := -1, -1.0
		for i, u := range sel.units {
			if taken[i] || !sel.eligible(i, relaxed) || used+sel.words[i] > budget {
				continue
			}
			if opening && sel.pos[i] != 0 {
				continue
			}
			if score := sel.gain(i, u, covered) / math.Pow(float64(sel.words[i]), sel.p.lengthExponent); score > bestScore {
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
		chosen = append(chosen, sel.units[best])
		used += sel.words[best]
		for _, c := range sel.concepts[best] {
			covered[c] = true
		}
	}
	return chosen
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
	if sel.scale[i] > 0 {
		g *= sel.scale[i]
	}
	return g
}

// representative returns, among candidate i and the candidates of other
// outlets that report the same information, the one with the most support,
// then the most gain: the version of the information to show, citing all.
func (sel *selector) representative(i, room int, covered map[int32]bool, relaxed bool) int {
	u := sel.units[i]
	best, bestSup, bestGain := i, len(sel.matches[u]), sel.gain(i, u, covered)
	for _, m := range sel.matches[u] {
		j, ok := sel.index[m.Unit]
		if !ok || !sel.eligible(j, relaxed) || sel.words[j] > room {
			continue
		}
		sup, g := len(sel.matches[m.Unit]), sel.gain(j, m.Unit, covered)
		if sup > bestSup || (sup == bestSup && g > bestGain) {
			best, bestSup, bestGain = j, sup, g
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
