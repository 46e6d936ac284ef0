package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/text"
)

var (
	benchOnce      sync.Once
	benchSentences []string
)

// benchArticles returns n articles of eight to fourteen sentences drawn at
// random (fixed seed) from the first pool sentences of the Multi-News
// validation documents: real news prose, with sentences shared between
// articles as a stream's often are. With the pool in proportion to the
// number of articles, each sentence is used about as often
// (fourteen times) whatever the size, so an article has as many near neighbours in a small
// index as in a large one.
func benchArticles(tb testing.TB, n, pool int, seed uint64) []string {
	tb.Helper()
	path := sharedtest.Path(tb, "data", "multinews-val.jsonl.gz")
	benchOnce.Do(func() {
		stories, err := dataset.Read(path)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range stories {
			for _, d := range s.Documents {
				for _, sp := range text.SplitText(d) {
					if len(strings.Fields(d[sp[0]:sp[1]])) >= 6 {
						benchSentences = append(benchSentences, d[sp[0]:sp[1]])
					}
				}
			}
		}
	})
	pool = min(pool, len(benchSentences))
	r := rand.New(rand.NewPCG(seed, 0))
	out := make([]string, n)
	for i := range out {
		k := 8 + r.IntN(7)
		ps := make([]string, k)
		for j := range ps {
			ps[j] = benchSentences[r.IntN(pool)]
		}
		out[i] = strings.Join(ps, "\n\n")
	}
	return out
}

// BenchmarkAdd adds an article to an index holding 1,000 or 100,000
// articles (and takes it out again, so the size stays put): sketching,
// finding the candidates in the buckets, verifying them and inserting. The
// cost per article should not grow with the index. It also reports the
// heap held per indexed article.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("indexed=%d", n), func(b *testing.B) {
			pool := n * 11 / 14
			arts := benchArticles(b, n, pool, 1)
			queries := benchArticles(b, 1000, pool, 2)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			x := NewIndex()
			for i, a := range arts {
				if _, err := x.Add(fmt.Sprint(i), a); err != nil {
					b.Fatal(err)
				}
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			perArticle := float64(after.HeapAlloc-before.HeapAlloc) / float64(n)
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				q := queries[i%len(queries)]
				if _, err := x.Add("query", q); err != nil {
					b.Fatal(err)
				}
				x.Remove("query")
				i++
			}
			b.ReportMetric(perArticle, "heap-B/article")
			runtime.KeepAlive(x)
		})
	}
}

// BenchmarkSketch sketches one real article.
func BenchmarkSketch(b *testing.B) {
	arts := benchArticles(b, 100, 1<<30, 3)
	var sc scratch
	i := 0
	for b.Loop() {
		sc.sketch(arts[i%len(arts)])
		i++
	}
}
