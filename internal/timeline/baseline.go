package timeline

import (
	"cmp"
	"slices"

	"github.com/parallax-news/parallax"
)

// PublicationBaseline writes the simple timeline that Build is measured
// against: the days on which most articles were published (ties to the
// earlier day), and for each the first PerDate sentences of MinWords words
// or more of that day's most central article (the one whose TF-IDF vector
// is closest to the mean of the day's articles; ties to the earlier in
// input order). It reads no date in the text.
func PublicationBaseline(articles []parallax.Article, opts Options) Timeline {
	opts = opts.withDefaults()
	c := analyse(articles, opts)
	tl := Timeline{Articles: c.read, Undated: c.undate}
	first := c.first // sentences of article i: first[i]:first[i+1]
	byDay := make(map[int64][]int)
	for i, a := range c.arts {
		if !a.Published.IsZero() {
			n := dayOf(a.Published)
			byDay[n] = append(byDay[n], i)
		}
	}
	days := make([]int64, 0, len(byDay))
	for n := range byDay {
		days = append(days, n)
	}
	slices.SortFunc(days, func(a, b int64) int {
		if r := cmp.Compare(len(byDay[b]), len(byDay[a])); r != 0 {
			return r
		}
		return cmp.Compare(a, b)
	})
	artVec := func(i int) vec {
		sum := make(map[int32]float64)
		for _, s := range c.sents[first[i]:first[i+1]] {
			for _, t := range s.v {
				sum[t.id] += float64(t.w)
			}
		}
		return fromMap(sum)
	}
	for _, n := range days {
		if len(tl.Entries) == opts.Dates {
			break
		}
		arts := byDay[n]
		vecs := make([]vec, len(arts))
		mean := make(map[int32]float64)
		for k, i := range arts {
			vecs[k] = artVec(i)
			for _, t := range vecs[k] {
				mean[t.id] += float64(t.w)
			}
		}
		cen := fromMap(mean)
		best, bestSim := -1, -1.0
		for k, i := range arts {
			if sim := dot(vecs[k], cen); sim > bestSim && hasLongSentence(c, first[i], first[i+1]) {
				best, bestSim = i, sim
			}
		}
		if best < 0 {
			continue
		}
		a := &c.arts[best]
		e := Entry{Date: dateOfDay(n), Published: len(arts), Score: float64(len(arts)),
			Articles: []string{a.ID}}
		if a.Outlet != "" {
			e.Outlets = []string{a.Outlet}
		}
		for _, s := range c.sents[first[best]:first[best+1]] {
			if len(e.Sentences) == opts.PerDate {
				break
			}
			if s.words < MinWords {
				continue
			}
			e.Sentences = append(e.Sentences, Sentence{Span: parallax.Span{Source: a.ID, Start: s.start, End: s.end},
				Text: a.Text[s.start:s.end], Outlet: a.Outlet, Score: bestSim})
		}
		tl.Entries = append(tl.Entries, e)
	}
	slices.SortFunc(tl.Entries, func(a, b Entry) int { return a.Date.Time().Compare(b.Date.Time()) })
	return tl
}

func hasLongSentence(c *corpus, from, to int) bool {
	for _, s := range c.sents[from:to] {
		if s.words >= MinWords {
			return true
		}
	}
	return false
}

// fromMap makes a unit vector sorted by term id from a map of weights.
func fromMap(m map[int32]float64) vec {
	v := make(vec, 0, len(m))
	for id, w := range m {
		v = append(v, term{id, float32(w)})
	}
	slices.SortFunc(v, func(a, b term) int { return cmp.Compare(a.id, b.id) })
	normalize(v)
	return v
}
