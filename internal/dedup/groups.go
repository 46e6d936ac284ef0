package dedup

import (
	"math"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax"
)

// Groups returns the copy groups among the articles of one story: the
// articles are added to an Index in publication order (undated ones after,
// in the order given), and every copy found joins the two articles' groups.
// Each group of two or more lists first the article the others are compared
// with (the earliest published, else the first given), then the others in
// the order given, each with the share of its shingles found in the first.
// Groups are in the order of their first article.
func Groups(articles []parallax.Article) []parallax.CopyGroup {
	n := len(articles)
	if n < 2 {
		return nil
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return earlier(articles[i], articles[j]) })

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
	sketches := make([]*Sketch, n)
	x := NewIndex()
	for _, i := range order {
		sketches[i] = x.sc.sketch(articles[i].Text)
		ms, _ := x.AddSketch(strconv.Itoa(i), sketches[i]) // ids are unique
		for _, m := range ms {
			j, _ := strconv.Atoi(m.ID)
			if a, b := find(i), find(j); a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}

	members := make(map[int][]int)
	var roots []int
	for i := range n {
		r := find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	var out []parallax.CopyGroup
	type group struct {
		first int
		g     parallax.CopyGroup
	}
	var gs []group
	for _, r := range roots {
		m := members[r] // in the order given
		if len(m) < 2 {
			continue
		}
		first := m[0]
		for _, i := range m[1:] {
			if earlier(articles[i], articles[first]) < 0 {
				first = i
			}
		}
		g := parallax.CopyGroup{Sources: []string{articles[first].ID}, Shared: []float64{}}
		for _, i := range m {
			if i == first {
				continue
			}
			g.Sources = append(g.Sources, articles[i].ID)
			g.Shared = append(g.Shared, round3(Compare(sketches[i], sketches[first]).Shared))
		}
		gs = append(gs, group{first, g})
	}
	slices.SortFunc(gs, func(a, b group) int { return a.first - b.first })
	for _, g := range gs {
		out = append(out, g.g)
	}
	return out
}

// earlier orders articles by publication time, undated ones last; it
// returns 0 for articles published at the same time or both undated.
func earlier(a, b parallax.Article) int {
	switch az, bz := a.Published.IsZero(), b.Published.IsZero(); {
	case az && bz:
		return 0
	case az:
		return 1
	case bz:
		return -1
	}
	return a.Published.Compare(b.Published)
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
