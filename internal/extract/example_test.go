package extract_test

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/extract"
)

func ExampleHTML() {
	page := `<!DOCTYPE html>
<html lang="en"><head>
<title>Pier to be rebuilt - Westmere Gazette</title>
<meta property="og:site_name" content="Westmere Gazette">
<meta property="article:published_time" content="2024-03-05T18:30:00+01:00">
<link rel="canonical" href="https://gazette.example/news/pier">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Pier to be rebuilt</h1>
<p>The harbour council of Westmere voted on Tuesday evening to rebuild the old stone pier, which storms damaged last winter.</p>
<p>Engineers told the council that the work would take two summers and that fishing boats could use the northern quay meanwhile.</p>
<p>Several residents spoke against the plan, saying the money would be better spent on the town's flood defences.</p>
</article>
<footer>© Westmere Gazette</footer>
</body></html>`
	a, err := extract.HTML(context.Background(), []byte(page), "text/html; charset=utf-8", "https://gazette.example/news/pier?ref=home", extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.URL)
	fmt.Println(a.Outlet, "|", a.Published, "|", a.Language, "|", a.Extractor)
	fmt.Println(a.Text)
	// Output:
	// https://gazette.example/news/pier
	// Westmere Gazette | 2024-03-05T18:30:00+01:00 | en | trafilatura
	// The harbour council of Westmere voted on Tuesday evening to rebuild the old stone pier, which storms damaged last winter.
	//
	// Engineers told the council that the work would take two summers and that fishing boats could use the northern quay meanwhile.
	//
	// Several residents spoke against the plan, saying the money would be better spent on the town's flood defences.
}
