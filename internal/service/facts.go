package service

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/store"
)

// facts describes a story as a list of stories shows it.
func (cs *clusterState) facts(r *storyRec, now time.Time) store.Story {
	s := store.Story{ID: r.id, Articles: len(r.members), Updated: now}
	seen := make(map[string]bool)
	for _, m := range r.members {
		a := &cs.arts[m]
		if a.Outlet != "" && !seen[a.Outlet] {
			seen[a.Outlet] = true
			s.Outlets = append(s.Outlets, a.Outlet)
		}
		if p := a.Published; !p.IsZero() {
			if s.First.IsZero() || p.Before(s.First) {
				s.First = p
			}
			if p.After(s.Last) {
				s.Last = p
			}
		}
	}
	if s.Outlets == nil {
		s.Outlets = []string{}
	}
	s.Reports = cs.reports(r.members)
	s.Headline = headline(cs.arts, r.members)
	return s
}

// sketchCache keeps the dedup sketch of each article of a story of two or
// more, by arrival index, so a story that grows is not sketched again.
type sketchCache map[int]*dedup.Sketch

// reports counts a story's independent reports: its articles, with the
// copies of one report counted once, decided as dedup.Groups decides
// (articles added in publication order to an index; copies joined).
func (cs *clusterState) reports(members []int) int {
	if len(members) < 2 {
		return len(members)
	}
	order := slices.Clone(members)
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := cs.arts[i].Published, cs.arts[j].Published
		switch {
		case a.IsZero() && b.IsZero():
			return 0
		case a.IsZero():
			return 1
		case b.IsZero():
			return -1
		}
		return a.Compare(b)
	})
	parent := make(map[int]int, len(order))
	var find func(int) int
	find = func(i int) int {
		p, ok := parent[i]
		if !ok || p == i {
			return i
		}
		r := find(p)
		parent[i] = r
		return r
	}
	x := dedup.NewIndex()
	reports := len(order)
	for _, m := range order {
		sk := cs.sketches[m]
		if sk == nil {
			sk = dedup.NewSketch(cs.arts[m].Text)
			cs.sketches[m] = sk
		}
		ms, _ := x.AddSketch(strconv.Itoa(m), sk) // arrival indexes are unique
		for _, c := range ms {
			j, _ := strconv.Atoi(c.ID)
			if a, b := find(m), find(j); a != b {
				parent[a] = b
				reports--
			}
		}
	}
	return reports
}

// headline picks a story's headline: the title that shares the most words
// with its articles' other titles (the one most of them tell), the
// earliest among equals; when no article has a title, the opening of the
// founding article.
func headline(arts []parallax.Article, members []int) string {
	words := func(t string) []string {
		ws := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		slices.Sort(ws)
		return slices.Compact(ws)
	}
	df := make(map[string]int)
	titles := make([][]string, len(members))
	for i, m := range members {
		titles[i] = words(arts[m].Title)
		for _, w := range titles[i] {
			df[w]++
		}
	}
	best, score := "", -1.0
	for i, m := range members {
		t := strings.TrimSpace(arts[m].Title)
		if t == "" || len(titles[i]) == 0 {
			continue
		}
		shared := 0
		for _, w := range titles[i] {
			if len(w) > 2 {
				shared += df[w] - 1
			}
		}
		// Share per word, with a little weight on length so a one-word
		// title does not win by being short.
		s := float64(shared) / (float64(len(titles[i])) + 3)
		if s > score {
			best, score = t, s
		}
	}
	if best == "" && len(members) > 0 {
		best = opening(arts[members[0]].Text)
	}
	return best
}

// opening returns the first line of a text, cut to about 100 bytes at a
// space: the headline of a story whose articles have no title.
func opening(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	if len(t) <= 100 {
		return t
	}
	cut := strings.LastIndexByte(t[:100], ' ')
	if cut < 40 {
		cut = 100
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	return t[:cut] + "…"
}
