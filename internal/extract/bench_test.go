package extract

import (
	"context"
	"runtime"
	"testing"
)

// BenchmarkExtract extracts every page of the shared article-extraction
// benchmark on one core; pages/s is the figure to quote.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	ctx := context.Background()
	var bytes int64
	for _, p := range pages {
		bytes += int64(len(p.html))
	}
	b.SetBytes(bytes / int64(len(pages)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		p := pages[n%len(pages)]
		n++
		if _, err := HTML(ctx, p.html, "text/html", p.url, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
