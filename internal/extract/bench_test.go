package extract

import (
	"context"
	"runtime"
	"strings"
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

// BenchmarkHostile times the hostile pages TestHostile checks: how long a
// page of 100,000 elements holds the extractor, and how soon the nesting
// limit refuses one nested 100,000 deep.
func BenchmarkHostile(b *testing.B) {
	const n = 100_000
	for _, bc := range []struct {
		name string
		page string
	}{
		{"deep-div", "<html><body>" + strings.Repeat("<div>", n) + "deep"},
		{"many-p", "<html><body>" + strings.Repeat("<p>a line of text ", n)},
		{"many-a", "<html><body><p>" + strings.Repeat("<a href=x>link ", n)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			page := []byte(bc.page)
			for b.Loop() {
				HTML(context.Background(), page, "text/html", "hostile.html", Options{MaxElements: 2 * n})
			}
		})
	}
}
