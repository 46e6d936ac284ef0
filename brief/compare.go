package brief

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/text"
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
		score += sel.weight[c]
	}
	return score
}

// agreed returns what every source reports, most important first, one
// statement per piece of information.
func (s *Story) agreed(sel *selector, matches [][]align.Match, max int) []parallax.Statement {
	var cands []int
	for i, u := range sel.units {
		if sel.words[i] >= minWords && len(matches[u]) == s.Align.Docs-1 {
			cands = append(cands, u)
		}
	}
	sortByImportance(sel, cands)
	var chosen []int
	for _, u := range cands {
		if len(chosen) == max {
			break
		}
		if !sel.redundant(u, chosen) {
			chosen = append(chosen, u)
		}
	}
	sel.order(chosen)
	out := []parallax.Statement{}
	for _, u := range chosen {
		out = append(out, s.statement(u, matches[u]))
	}
	return out
}

// exclusive returns, per article index, the important sentences no other
// source reports, in article order.
func (s *Story) exclusive(sel *selector, opts Options) map[int][]parallax.Statement {
	out := make(map[int][]parallax.Statement)
	for d := range s.Docs {
		var cands []int
		for _, u := range s.Align.ByDoc[d] {
			if i, ok := sel.index[u]; !ok || sel.words[i] < minWords {
				continue
			}
			if len(s.Align.Matches(u, exclusiveThreshold)) == 0 {
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

// conflictThreshold is the similarity above which two aligned sentences are
// close enough that a differing number, date, name or negation is a
// disagreement rather than a different fact.
const conflictThreshold = 0.45

// conflicts returns aligned sentences of different sources that disagree.
func (s *Story) conflicts(matches [][]align.Match) []parallax.Conflict {
	out := []parallax.Conflict{}
	for u := range s.Align.Units {
		for _, m := range matches[u] {
			if m.Unit <= u || m.Sim < conflictThreshold {
				continue
			}
			a, b := s.facts(u), s.facts(m.Unit)
			kind, va, vb := differ(a, b)
			if kind == "" {
				continue
			}
			out = append(out, parallax.Conflict{Kind: kind, Sides: []parallax.ConflictSide{
				{Value: va, Statement: s.statement(u, nil)},
				{Value: vb, Statement: s.statement(m.Unit, nil)},
			}})
		}
	}
	return out
}

// facts are the checkable details of one sentence.
type facts struct {
	numbers map[string]string // unit word -> number
	days    []string
	negated bool
}

var dayRe = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.) \d{1,2})\b`)

func (s *Story) facts(u int) facts {
	un := &s.Align.Units[u]
	var toks []text.Token
	var norm string
	if un.Sent >= 0 {
		sen := &s.Docs[un.Doc].Sentences[un.Sent]
		toks, norm = sen.Tokens, sen.Norm
	} else {
		norm = s.Docs[un.Doc].Title.Text
		toks = text.Tokenize(norm, text.NewStemmer())
	}
	f := facts{numbers: map[string]string{}}
	for i, t := range toks {
		if t.Number && i+1 < len(toks) && !toks[i+1].Number && !toks[i+1].Stop {
			f.numbers[toks[i+1].Stem] = t.Stem
		}
		switch t.Lower {
		case "not", "no", "never", "denied", "denies", "deny", "n't":
			f.negated = true
		}
		if strings.HasSuffix(t.Lower, "n't") {
			f.negated = true
		}
	}
	f.days = dayRe.FindAllString(norm, -1)
	return f
}

// differ names the first kind of difference between two sentences' facts
// and the two values, or returns "" when they agree.
func differ(a, b facts) (string, string, string) {
	keys := make([]string, 0, len(a.numbers))
	for k := range a.numbers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if vb, ok := b.numbers[k]; ok && vb != a.numbers[k] {
			return "number", a.numbers[k] + " " + k, vb + " " + k
		}
	}
	if len(a.days) > 0 && len(b.days) > 0 && !overlap(a.days, b.days) {
		return "date", strings.Join(a.days, ", "), strings.Join(b.days, ", ")
	}
	if a.negated != b.negated {
		return "polarity", polarity(a.negated), polarity(b.negated)
	}
	return "", "", ""
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func polarity(neg bool) string {
	if neg {
		return "negative"
	}
	return "affirmative"
}
