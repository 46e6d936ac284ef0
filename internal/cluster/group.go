package cluster

import (
	"slices"

	"github.com/parallax-news/parallax"
)

// Group clusters a batch of articles: it feeds them to a new Clusterer in
// publication order (undated articles after the dated ones, in input
// order) and returns the stories, their articles named by their index in
// the input.
func Group(articles []parallax.Article, opts Options) []Story {
	order := arrival(articles)
	c := New(opts)
	for _, i := range order {
		c.Add(articles[i])
	}
	stories := c.Stories()
	for k := range stories {
		s := &stories[k]
		for j, a := range s.Articles {
			s.Articles[j] = order[a]
		}
		s.Central = order[s.Central]
	}
	return stories
}

// arrival returns the indexes of articles in publication order: dated
// ones by time (ties in input order), then undated ones in input order.
func arrival(articles []parallax.Article) []int {
	order := make([]int, len(articles))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, tb := articles[a].Published, articles[b].Published
		switch {
		case ta.IsZero() && tb.IsZero():
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return ta.Compare(tb)
	})
	return order
}
