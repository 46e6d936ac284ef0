package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
)

// Errors that HTML wraps; test for them with errors.Is.
var (
	// ErrNotHTML marks a page that is not an HTML document: a PDF, an
	// image, JSON, other binary data, or a content type that says so.
	ErrNotHTML = errors.New("not an HTML page")
	// ErrNoArticle marks an HTML page in which no article body was found.
	ErrNoArticle = errors.New("no article body found")
	// ErrTooLarge marks a page over Options.MaxBytes or Options.MaxElements.
	ErrTooLarge = errors.New("page too large")
	// ErrTooDeep marks a page whose elements nest deeper than
	// Options.MaxDepth.
	ErrTooDeep = errors.New("elements nested too deeply")
)

// Method names an extractor.
type Method string

// The extractors HTML can run.
const (
	// Auto runs trafilatura and falls back to readability when trafilatura
	// finds no body or one shorter than Options.MinText.
	Auto Method = ""
	// Trafilatura runs go-trafilatura alone.
	Trafilatura Method = "trafilatura"
	// Readability runs the readability port alone.
	Readability Method = "readability"
)

// Options bound and steer an extraction. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest page accepted, in bytes as downloaded or
	// saved; 0 means 10 MiB.
	MaxBytes int64
	// MaxDepth is the deepest nesting of elements accepted; 0 means 512,
	// which is also the most the HTML parser accepts.
	MaxDepth int
	// MaxElements is the most elements a page may hold; 0 means 100,000.
	// Extraction time grows with it (about 2 s per 100,000 elements).
	MaxElements int
	// MinText is the shortest body, in characters, that the main
	// extractor's result is kept at; shorter, the fallback is tried and the
	// longer of the two kept. 0 means 200.
	MinText int
	// Method chooses the extractor; the zero value is Auto.
	Method Method
}

// Defaults for the zero Options.
const (
	DefaultMaxBytes    = 10 << 20
	DefaultMaxDepth    = 512
	DefaultMaxElements = 100_000
	DefaultMinText     = 200
)

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxDepth <= 0 || o.MaxDepth > DefaultMaxDepth {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxElements <= 0 {
		o.MaxElements = DefaultMaxElements
	}
	if o.MinText <= 0 {
		o.MinText = DefaultMinText
	}
	return o
}

// An Article is what HTML finds in a page. Its JSON is the article record
// that "parallax brief" reads ({"id","url","outlet","title","published",
// "text"}) with the other fields added.
type Article struct {
	// ID is StableID of the URL, or of the text when the page has none.
	ID string `json:"id"`
	// URL is the page's canonical URL when it gives a valid absolute
	// http(s) one, else the page's own URL when that is one, else empty.
	URL string `json:"url,omitempty"`
	// Outlet is the site name, else the URL's host without "www.".
	Outlet string `json:"outlet,omitempty"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Published is the publication time: RFC 3339 with the time of day and
	// its offset when the page gives them (2006-01-02T15:04:05 when it
	// gives a time of day without an offset), else the date alone
	// (2006-01-02), else empty.
	Published string `json:"published,omitempty"`
	// Text is the article body: plain text, paragraphs separated by one
	// blank line, valid UTF-8.
	Text string `json:"text"`
	// Authors are the bylines' names, as the page gives them.
	Authors []string `json:"authors,omitempty"`
	// SiteName is the site's name as the page gives it.
	SiteName string `json:"site_name,omitempty"`
	// Language is an ISO 639-1 code: the page's declaration, else
	// detected from the text when the detection is reliable.
	Language string `json:"language,omitempty"`
	// Extractor names the extractor whose body was kept: "trafilatura"
	// or "readability".
	Extractor string `json:"extractor"`
}

// Record returns the article as the domain type the brief reads. A
// published string that does not parse leaves Published zero.
func (a *Article) Record() parallax.Article {
	r := parallax.Article{ID: a.ID, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Text: a.Text}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, a.Published); err == nil {
			r.Published = t
			break
		}
	}
	return r
}

// StableID returns the first 16 hex digits of the SHA-256 of key: the
// same key gives the same ID on every run and machine.
func StableID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// HTML extracts the article from page, the raw bytes of an HTML page as
// downloaded or saved, in any character encoding. contentType is the
// Content-Type header it came with, or "" for a file; pageURL is where it
// came from (a URL or a file path), used to resolve relative links and to
// name the page in errors. Every error starts with that name and wraps one
// of ErrNotHTML, ErrNoArticle, ErrTooLarge, ErrTooDeep or the context's
// error.
func HTML(ctx context.Context, page []byte, contentType, pageURL string, o Options) (*Article, error) {
	name := pageURL
	if name == "" {
		name = "page"
	}
	a, err := extract(ctx, page, contentType, pageURL, o.withDefaults())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

func extract(ctx context.Context, page []byte, contentType, pageURL string, o Options) (a *Article, err error) {
	// The extractors are large third-party code; a panic in them is this
	// page's failure, not the program's.
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("%w: the extractor failed: %v", ErrNoArticle, r)
		}
	}()
	if int64(len(page)) > o.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, len(page), o.MaxBytes)
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, fmt.Errorf("%w: the page is empty", ErrNoArticle)
	}
	if err := checkHTML(page, contentType); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	utf, _, err := decode(page, contentType)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		// Reading from memory, the parser fails only on its nesting limit.
		return nil, fmt.Errorf("%w: more than %d levels (%v)", ErrTooDeep, DefaultMaxDepth, err)
	}
	if depth, elems := measure(doc); depth > o.MaxDepth {
		return nil, fmt.Errorf("%w: elements nest %d deep, over the limit of %d", ErrTooDeep, depth, o.MaxDepth)
	} else if elems > o.MaxElements {
		return nil, fmt.Errorf("%w: %d elements, over the limit of %d", ErrTooLarge, elems, o.MaxElements)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	base := httpURL(pageURL)
	m := readMeta(doc, base)
	body, err := extractBody(ctx, doc, base, o)
	if err != nil {
		return nil, err
	}
	return m.article(body, base), nil
}

// body is an extractor's result.
type body struct {
	text      string
	extractor Method
	meta      trafilatura.Metadata // from trafilatura, when it ran
	rd        *readability.Article // from readability, when it ran
}

// extractBody runs the extractors o.Method names on doc.
func extractBody(ctx context.Context, doc *html.Node, base *url.URL, o Options) (body, error) {
	var b body
	if o.Method != Readability {
		r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
			OriginalURL:     base,
			ExcludeComments: true,
			HtmlDateMode:    trafilatura.Fast,
		})
		if err == nil && r != nil {
			b = body{text: tidy(paragraphs(r.ContentNode), r.Metadata.Title), extractor: Trafilatura, meta: r.Metadata}
		}
		if err := ctx.Err(); err != nil {
			return b, err
		}
	}
	if o.Method == Readability || (o.Method == Auto && utf8.RuneCountInString(b.text) < o.MinText) {
		ra, err := readability.FromDocument(doc, base)
		if err == nil && ra.Node != nil {
			if t := tidy(paragraphs(ra.Node), ra.Title()); utf8.RuneCountInString(t) > utf8.RuneCountInString(b.text) {
				b.text, b.extractor = t, Readability
			}
			b.rd = &ra
		}
	}
	if strings.TrimSpace(b.text) == "" {
		return b, ErrNoArticle
	}
	return b, nil
}

// measure returns the deepest nesting of elements under n and their count.
func measure(n *html.Node) (depth, elems int) {
	var walk func(*html.Node, int)
	walk = func(n *html.Node, d int) {
		if n.Type == html.ElementNode {
			elems++
			d++
			depth = max(depth, d)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d)
		}
	}
	walk(n, 0)
	return depth, elems
}

// httpURL parses s as an absolute http(s) URL, or returns nil.
func httpURL(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}
