package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// benchArticles returns the Multi-News validation articles, shuffled.
func benchArticles(b *testing.B) []parallax.Article {
	var arts []parallax.Article
	for _, s := range multiNews(b) {
		arts = append(arts, s.Articles()...)
	}
	rand.New(rand.NewPCG(3, 3)).Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	return arts
}

// primed returns a Clusterer holding n open stories made from real
// articles: each a Multi-News article with a fifth of its words dropped and
// words of other articles put in, so that no two are alike.
func primed(b *testing.B, arts []parallax.Article, n int, prior func(string) (float64, bool)) *Clusterer {
	r := rand.New(rand.NewPCG(5, uint64(n)))
	var vocab []string
	for _, a := range arts[:2000] {
		vocab = append(vocab, strings.Fields(a.Text)...)
	}
	p := defaultParams
	p.threshold = 2 // nothing joins: every article starts a story
	c := newWith(Options{Check: func(string) (bool, string) { return true, "" }, Prior: prior}, p)
	var sb strings.Builder
	for i := range n {
		sb.Reset()
		for _, w := range strings.Fields(arts[i%len(arts)].Text) {
			if r.IntN(5) == 0 {
				w = vocab[r.IntN(len(vocab))]
			}
			sb.WriteString(w)
			sb.WriteByte(' ')
		}
		c.Add(parallax.Article{ID: fmt.Sprint("p", i), Text: sb.String()})
	}
	c.p.threshold = defaultParams.threshold
	c.check = nil
	// Warm the word cache on every article, as a long-running Clusterer
	// would have it: the benchmark measures the index, not the stemmer's
	// first meeting with a word.
	var toks []token
	var buf []byte
	for _, a := range arts {
		toks, buf = c.v.tokenize(a.Text, toks[:0], buf)
	}
	return c
}

// BenchmarkAdd measures the cost of adding one article (the article check
// included) to a Clusterer that holds 1,000, 10,000 or 100,000 open
// stories. The work per article is bounded by the search's constants (8
// terms, 32 stories each, 8 compared in full), not by the number of
// stories; what grows is the memory it touches and the heap the collector
// walks. Run it with a small -benchtime count (10000x): each article added
// is a new one of the 15,317. The ",prior" runs give the Clusterer a prior
// (Options.Prior) of the size of align's background table.
func BenchmarkAdd(b *testing.B) {
	arts := benchArticles(b)
	prior := benchPrior(arts)
	for _, n := range []int{1000, 10000, 100000} {
		for _, pr := range []bool{false, true} {
			name := fmt.Sprintf("stories=%d", n)
			var p func(string) (float64, bool)
			if pr {
				name, p = name+",prior", prior
			}
			benchAdd(b, name, arts, n, p)
		}
	}
}

func benchAdd(b *testing.B, name string, arts []parallax.Article, n int, prior func(string) (float64, bool)) {
	b.Run(name, func(b *testing.B) {
		c := primed(b, arts, n, prior)
		i := 0
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			c.Add(arts[i%len(arts)])
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

// benchPrior returns a prior that knows the stems of the first 5,000
// articles, as align.BackgroundIDF knows those of its background (a map
// of about the same size), weighing each by its frequency there.
func benchPrior(arts []parallax.Article) func(string) (float64, bool) {
	v := newVocab(nil, 0)
	var toks []token
	var buf []byte
	seen := make(map[int32]bool)
	df := make(map[int32]int)
	n := min(5000, len(arts))
	for _, a := range arts[:n] {
		toks, buf = v.tokenize(a.Text, toks[:0], buf)
		clear(seen)
		for _, tk := range toks {
			if tk.term >= 0 && !seen[tk.term] {
				seen[tk.term] = true
				df[tk.term]++
			}
		}
	}
	idf := make(map[string]float64, len(v.stems))
	for s, t := range v.stems {
		if df[t] >= 3 {
			idf[s] = math.Log(float64(n) / float64(df[t]))
		}
	}
	rare := math.Log(float64(n) / 2)
	return func(s string) (float64, bool) {
		if w, ok := idf[s]; ok {
			return w, true
		}
		return rare, false
	}
}

// BenchmarkGroup clusters the 15,317 Multi-News validation documents from
// scratch, the check included.
func BenchmarkGroup(b *testing.B) {
	arts := benchArticles(b)
	b.ReportAllocs()
	for b.Loop() {
		Group(arts, Options{})
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}
