package timeline_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/timeline"
)

// BenchmarkBuild builds the timeline of Timeline17's H1N1 topic (402
// articles, 2.2 MB) read from ../shared at run time.
func BenchmarkBuild(b *testing.B) {
	dir := sharedtest.Path(b, "data", "timeline17")
	set, err := eval.LoadTimeline17(dir, []string{"H1N1"})
	if err != nil {
		b.Fatal(err)
	}
	arts := set[0].Articles
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		timeline.Build(arts, timeline.Options{Dates: 15, PerDate: 2})
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPublicationBaseline measures the baseline on the same topic.
func BenchmarkPublicationBaseline(b *testing.B) {
	dir := sharedtest.Path(b, "data", "timeline17")
	set, err := eval.LoadTimeline17(dir, []string{"H1N1"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		timeline.PublicationBaseline(set[0].Articles, timeline.Options{Dates: 15, PerDate: 2})
	}
}
