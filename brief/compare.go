package brief

import (
	"math"
	"slices"
	"sort"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
)

// exclusiveThreshold is the similarity below which a sentence counts as
// reported by its own outlet only. It sits below the alignment threshold so
// that a loose paraphrase elsewhere is not called exclusive.
const exclusiveThreshold = 0.2

// importance scores a unit for the agreed and exclusive lists: the weight
// of the story's shared concepts it carries, its rare content, and its
// place in its article.
func (sel *selector) importance(u int) float64 {
	i, ok := sel.index[u]
	if !ok {
		return 0
	}
	score := 1/math.Sqrt(float64(1+sel.pos[i])) + sel.s.Align.Units[u].Mass/4
	for _, c := range sel.concepts[i] {
		score += float64(sel.articles[c])
	}
	return score
}

// agreed returns what every independent report carries, most important
// first, one statement per piece of information. Copies of one report
// count once: a unit is agreed when some article of every other report
// supports it.
func (s *Story) agreed(sel *selector, support [][]align.Evidence, reports []int, limit int) []parallax.Statement {
	groups := slices.Max(reports) + 1 // reports are numbered from 0
	if groups < 2 {
		return []parallax.Statement{}
	}
	var cands []int
	for i, u := range sel.units {
		if !sel.listable(i) {
			continue
		}
		seen := make(map[int]bool)
		seen[reports[s.Align.Units[u].Doc]] = true
		for _, e := range support[u] {
			seen[reports[e.Doc]] = true
		}
		if len(seen) == groups {
			cands = append(cands, u)
		}
	}
	sortByImportance(sel, cands)
	var chosen []int
	for _, u := range cands {
		if len(chosen) == limit {
			break
		}
		if !sel.redundant(u, chosen) {
			chosen = append(chosen, u)
		}
	}
	sel.order(chosen)
	out := []parallax.Statement{}
	for _, u := range chosen {
		out = append(out, s.statement(u, support[u]))
	}
	return out
}

// listable reports whether candidate i may stand in the agreed or
// exclusive lists, where each sentence is read on its own: it is long
// enough and does not lean on the sentence before it.
func (sel *selector) listable(i int) bool {
	return sel.words[i] >= minWords && !sel.dep[i]
}

// exclusive returns, per article index, the important sentences no other
// report carries, in article order: nothing in another report is even
// loosely alike, and the same-information decision finds no support
// there. Copies of one report are listed under its first article only.
func (s *Story) exclusive(sel *selector, loose [][]align.Match, support [][]align.Evidence, reports []int, opts Options) map[int][]parallax.Statement {
	out := make(map[int][]parallax.Statement)
	first := make(map[int]bool)
	for d := range s.Docs {
		if first[reports[d]] {
			out[d] = []parallax.Statement{}
			continue
		}
		first[reports[d]] = true
		var cands []int
		for _, u := range s.Align.ByDoc[d] {
			if i, ok := sel.index[u]; !ok || !sel.listable(i) {
				continue
			}
			other := false
			for _, m := range loose[u] {
				other = other || reports[s.Align.Units[m.Unit].Doc] != reports[d]
			}
			for _, e := range support[u] {
				other = other || reports[e.Doc] != reports[d]
			}
			if !other {
				cands = append(cands, u)
			}
		}
		sortByImportance(sel, cands)
		if len(cands) > opts.MaxExclusive {
			cands = cands[:opts.MaxExclusive]
		}
		slices.Sort(cands)
		list := []parallax.Statement{}
		for _, u := range cands {
			list = append(list, s.statement(u, nil))
		}
		out[d] = list
	}
	return out
}

func sortByImportance(sel *selector, units []int) {
	score := make(map[int]float64, len(units))
	for _, u := range units {
		score[u] = sel.importance(u)
	}
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return a < b
	})
}
