package eval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
)

// CorpusOptions describe a synthetic stream built from real stories.
type CorpusOptions struct {
	// Articles is how many articles to make.
	Articles int
	// Outlets is how many outlets carry them (default 200).
	Outlets int
	// Start is the publication time of the first story; Span the time over
	// which stories start (default 30 days).
	Start time.Time
	Span  time.Duration
	// Seed makes the stream.
	Seed uint64
}

// Corpus makes a stream of articles for load and throughput measurements
// from the stories of summarization datasets: the real articles first, then
// reprints of them until there are enough — each reprint carried by another
// outlet under its own URL, with the edits syndication makes (the ending
// trimmed, two paragraphs swapped, a line of the outlet's own added, the
// headline taken from the opening), so its text hash differs and the copy
// detector has real work. Every story starts at its own time within Span
// and its articles, reprints included, follow within two days, so the
// clustering window behaves as on a real stream. Articles come back in
// publication order. The same stories and options give the same stream.
func Corpus(stories []dataset.Story, o CorpusOptions) []parallax.Article {
	if o.Outlets <= 0 {
		o.Outlets = 200
	}
	if o.Span <= 0 {
		o.Span = 30 * 24 * time.Hour
	}
	if o.Start.IsZero() {
		o.Start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5851f42d4c957f2d))
	type orig struct {
		story int
		doc   int
		text  string
		at    time.Time
	}
	var origs []orig
	for si, s := range stories {
		base := o.Start.Add(time.Duration(rng.Int64N(int64(o.Span))))
		for di, d := range s.Documents {
			if strings.TrimSpace(d) == "" {
				continue
			}
			at := base.Add(time.Duration(rng.Int64N(int64(36 * time.Hour))))
			origs = append(origs, orig{si, di, d, at.Truncate(time.Second)})
		}
	}
	if len(origs) == 0 || o.Articles <= 0 {
		return nil
	}
	out := make([]parallax.Article, 0, o.Articles)
	for i := 0; len(out) < o.Articles; i++ {
		src := origs[i%len(origs)]
		round := i / len(origs)
		outlet := rng.IntN(o.Outlets)
		id := fmt.Sprintf("%s-%d-r%d", stories[src.story].ID, src.doc, round)
		text := src.text
		at := src.at
		if round > 0 {
			text = reprint(text, outlet, rng)
			at = at.Add(time.Duration(rng.Int64N(int64(12 * time.Hour)))).Truncate(time.Second)
		}
		out = append(out, parallax.Article{
			ID:        id,
			URL:       fmt.Sprintf("https://outlet%03d.example/news/%s", outlet, id),
			Outlet:    fmt.Sprintf("Outlet %03d", outlet),
			Title:     headline(text),
			Published: at,
			Text:      text,
		})
	}
	slices.SortStableFunc(out, func(a, b parallax.Article) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// reprint edits a text as a reprint would.
func reprint(text string, outlet int, rng *rand.Rand) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	if len(paras) == 1 {
		paras = strings.Split(paras[0], "\n")
	}
	switch rng.IntN(3) {
	case 0: // the ending trimmed
		if len(paras) > 3 {
			paras = paras[:len(paras)-1-rng.IntN(len(paras)/3)]
		}
	case 1: // two paragraphs swapped
		if len(paras) > 3 {
			i := 1 + rng.IntN(len(paras)-2)
			paras[i], paras[i+1] = paras[i+1], paras[i]
		}
	}
	// A line of the outlet's own, so that no two reprints hash alike.
	paras = append(paras, fmt.Sprintf("Carried by Outlet %03d, edition %d.", outlet, rng.IntN(1_000_000)))
	return strings.Join(paras, "\n\n")
}

// headline takes a title from the opening words of a text.
func headline(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	if i := strings.IndexAny(t, ".?!"); i > 20 && i < 140 {
		return t[:i]
	}
	if len(t) > 90 {
		t = t[:90]
		if i := strings.LastIndexByte(t, ' '); i > 40 {
			t = t[:i]
		}
	}
	return t
}
