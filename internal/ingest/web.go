package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/parallax-news/parallax"
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
func fetchPage(ctx context.Context, c *fetch.Client, u string) (*extract.Article, error) {
	resp, err := c.Get(ctx, fetch.Request{URL: u})
	if err != nil {
		return nil, err
	}
	a, err := extract.HTML(ctx, resp.Body, resp.Header.Get("Content-Type"), resp.URL, extract.Options{})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// extracted adds an article extracted from a page or saved HTML file; id,
// when set, replaces the extractor's.
func (r *reader) extracted(input, id string, x *extract.Article) {
	b := []byte(x.Text)
	if int64(len(b)) > r.opts.Limits.MaxBytes {
		r.problem(input, fmt.Errorf("%w: text of %d bytes, over the limit of %d", ErrInvalid, len(b), r.opts.Limits.MaxBytes))
		return
	}
	if err := r.check(b); err != nil {
		r.problem(input, err)
		return
	}
	a := parallax.Article{ID: x.ID, URL: x.URL, Outlet: x.Outlet, Title: strings.TrimSpace(x.Title), Text: x.Text}
	if id != "" {
		a.ID = id
	}
	if o := r.outlet(); o != "" {
		a.Outlet = o // the user's --outlet wins over the page's own name
	}
	if a.Outlet == "" {
		a.Outlet = a.ID
	}
	if x.Published != "" {
		if t, err := parseTime(x.Published); err == nil {
			a.Published = t
		}
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
