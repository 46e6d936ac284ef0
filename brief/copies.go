package brief

import "github.com/parallax-news/parallax/internal/align"

// copyShare is the share of the shorter article's sentences that must have
// a near-identical sentence in the other for two articles to be copies of
// one report.
const copyShare = 0.6

// nearIdentical is the cosine at which two sentences are the same words
// with light edits.
const nearIdentical = 0.85

// copies groups the articles into independent reports: two articles are
// copies of one report (a wire story reprinted, trimmed or re-headlined)
// when most sentences of the shorter have a near-identical sentence in the
// other. It returns each article's report number, numbered from 0 in
// order of first appearance. loose holds each unit's best match per
// article.
func (s *Story) copies(loose [][]align.Match) []int {
	n := len(s.Docs)
	same := make([][]int, n) // same[a][b]: sentences of a near-identical in b
	for a := range n {
		same[a] = make([]int, n)
	}
	sents := make([]int, n)
	for u := range s.Align.Units {
		un := &s.Align.Units[u]
		if un.Sent < 0 {
			continue
		}
		sents[un.Doc]++
		for _, m := range loose[u] {
			if m.Sim >= nearIdentical {
				same[un.Doc][s.Align.Units[m.Unit].Doc]++
			}
		}
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for a := range n {
		for b := a + 1; b < n; b++ {
			short := a
			if sents[b] < sents[a] {
				short = b
			}
			other := a + b - short
			if sents[short] > 0 && float64(same[short][other]) >= copyShare*float64(sents[short]) {
				if ra, rb := find(a), find(b); ra != rb {
					parent[max(ra, rb)] = min(ra, rb)
				}
			}
		}
	}
	out := make([]int, n)
	number := make(map[int]int)
	for d := range n {
		r := find(d)
		if _, ok := number[r]; !ok {
			number[r] = len(number)
		}
		out[d] = number[r]
	}
	return out
}
