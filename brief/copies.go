package brief

import (
	"slices"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dedup"
)

// copies finds the copies of one report among the story's articles (a wire
// story reprinted, trimmed, re-headlined or given another ending: see
// internal/dedup), records them in b.Copies and the number of independent
// reports in b.Reports, and returns each article's report number, numbered
// from 0 in order of first appearance. Sources set aside count in no
// report.
func (s *Story) copies(b *parallax.Brief) []int {
	b.Copies = dedup.Groups(s.Articles)
	group := make(map[string]int) // article ID -> its copy group
	for g, cg := range b.Copies {
		for _, id := range cg.Sources {
			group[id] = g
		}
	}
	out := make([]int, len(s.Articles))
	number := make(map[int]int) // copy group -> report number
	counted := make(map[int]bool)
	b.Reports = 0
	for d, a := range s.Articles {
		key := -1 - d // an article of its own
		if g, ok := group[a.ID]; ok {
			key = g
		}
		n, ok := number[key]
		if !ok {
			n = len(number)
			number[key] = n
		}
		out[d] = n
		if (d < len(b.Sources) && b.Sources[d].SetAside != "") || counted[n] {
			continue
		}
		counted[n] = true
		b.Reports++
	}
	return out
}

// citeCopiesTogether orders the sources of every statement of b that cites
// several so that the copies of one report follow each other, after the
// first copy cited; the statement's own source stays first, and each
// source keeps its evidence.
func citeCopiesTogether(b *parallax.Brief, articles []parallax.Article, reports []int) {
	if len(b.Copies) == 0 {
		return
	}
	report := make(map[string]int, len(articles))
	for d, a := range articles {
		report[a.ID] = reports[d]
	}
	order := func(st *parallax.Statement) {
		if len(st.Sources) < 3 || len(st.Evidence) != len(st.Sources) {
			return
		}
		first := make(map[int]int) // report -> position of its first source
		key := make([]int, len(st.Sources))
		for i, id := range st.Sources {
			r, ok := report[id]
			if !ok {
				r = -1 - i
			}
			if _, seen := first[r]; !seen {
				first[r] = i
			}
			key[i] = first[r]
		}
		idx := make([]int, len(st.Sources))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(x, y int) int { return key[x] - key[y] })
		srcs, ev := slices.Clone(st.Sources), slices.Clone(st.Evidence)
		for i, j := range idx {
			st.Sources[i], st.Evidence[i] = srcs[j], ev[j]
		}
	}
	for i := range b.Summary {
		order(&b.Summary[i])
	}
	for i := range b.Agreed {
		order(&b.Agreed[i])
	}
	for _, c := range b.Conflicts {
		for i := range c.Sides {
			order(&c.Sides[i].Statement)
		}
	}
}
