package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/fetch"
)

// isURL reports whether an input names a web page rather than a file.
func isURL(in string) bool {
	l := strings.ToLower(in)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func isHTMLFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// page is one downloaded and extracted URL input.
type page struct {
	article *extract.Article
	err     error
}

// fetchPages downloads and extracts every URL among the inputs, several at
// once (the client keeps each host's limits), and returns them by input
// index.
func fetchPages(ctx context.Context, inputs []string, opts Options) map[int]page {
	pages := make(map[int]page)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(opts.Concurrency, 1))
	for i, in := range inputs {
		if !isURL(in) {
			continue
		}
		if opts.Fetch == nil {
			pages[i] = page{err: fmt.Errorf("%w: reading URLs needs a fetcher", ErrInvalid)}
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			a, err := fetchPage(ctx, opts.Fetch, in)
			mu.Lock()
			pages[i] = page{a, err}
			mu.Unlock()
		})
	}
	wg.Wait()
	return pages
}

// fetchPage downloads one page and extracts its article.
func fetchPage(ctx context.Context, c Getter, u string) (*extract.Article, error) {
	resp, err := c.Get(ctx, fetch.Request{URL: u, Accept: pageAccept})
	if err != nil {
		return nil, err
	}
	return extract.HTML(ctx, resp.Body, resp.Header.Get("Content-Type"), resp.URL, extract.Options{})
}

// extracted adds an article extracted from a page or saved HTML file; id,
// when set, replaces the extractor's.
func (r *reader) extracted(input, id string, x *extract.Article) {
	if err := r.check([]byte(x.Text)); err != nil {
		r.problem(input, err)
		return
	}
	a := x.Record()
	a.Title = strings.TrimSpace(a.Title)
	if id != "" {
		a.ID = id
	}
	if o := r.outlet(); o != "" {
		a.Outlet = o // the user's --outlet wins over the page's own name
	}
	if a.Outlet == "" {
		a.Outlet = a.ID
	}
	r.add(a)
}

// html reads a saved page.
func (r *reader) html(ctx context.Context, path string, b []byte) {
	x, err := extract.HTML(ctx, b, "", "", extract.Options{})
	if err != nil {
		r.problem(path, err)
		return
	}
	r.extracted(path, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), x)
}

// page adds a downloaded page, or its problem.
func (r *reader) page(input string, p page) {
	defer func() { r.files++ }()
	if p.err != nil {
		r.problem(input, unprefixed(input, p.err))
		return
	}
	r.extracted(input, "", p.article)
}

// unprefixed drops the input's name from the start of an error message that
// already carries it, since a Problem names its input itself.
func unprefixed(input string, err error) error {
	if msg, ok := strings.CutPrefix(err.Error(), input+": "); ok {
		return &renamed{msg, err}
	}
	return err
}

type renamed struct {
	msg string
	err error
}

func (e *renamed) Error() string { return e.msg }
func (e *renamed) Unwrap() error { return e.err }
