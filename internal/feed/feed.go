package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gojson "github.com/mmcdole/gofeed/json"
)

// MaxEntries is the most entries Parse returns from one feed. A feed with
// more keeps its first MaxEntries, in document order, and counts the rest
// in Feed.Dropped. Real feeds hold tens of entries; the limit bounds the
// time and memory a hostile one can take.
const MaxEntries = 5000

// ErrInvalid marks a document that cannot be read as a feed: not RSS, Atom
// or JSON Feed, or malformed.
var ErrInvalid = errors.New("invalid feed")

// A Feed is one parsed feed document.
type Feed struct {
	// URL is the address the feed was read from, as given to Parse.
	URL string
	// Format is "rss", "atom" or "json"; Version is the format's version
	// as the document declares it ("2.0", "1.0", "1.1").
	Format, Version string
	// Title is the feed's title as plain text.
	Title string
	// SiteURL is the absolute address of the site the feed belongs to,
	// when the feed names one.
	SiteURL string
	// Language is the feed's declared language, when there is one.
	Language string
	// Entries are the feed's entries in document order, each ID once.
	Entries []Entry
	// Dropped counts the entries left out after MaxEntries.
	Dropped int
}

// Outlet names the outlet of the feed's entries: the given title (a
// subscription's), else the feed's own, else the site's host without
// "www.".
func (f *Feed) Outlet(title string) string {
	if title != "" {
		return title
	}
	if f.Title != "" {
		return f.Title
	}
	for _, s := range []string{f.SiteURL, f.URL} {
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return ""
}

// An Entry is one item of a feed.
type Entry struct {
	// ID identifies the entry within its feed, stably across polls: the
	// entry's guid or id, else its link, else a hash of its title and
	// publication date.
	ID string
	// URL is the absolute http(s) address of the entry's page, or "".
	URL string
	// Title is the entry's title as plain text.
	Title string
	// Published is when the entry was published, else when it was last
	// updated, else zero. Updated is when it was last updated, or zero.
	Published, Updated time.Time
	// Content is the entry's full content, as HTML (plain-text content is
	// escaped into paragraphs), or "".
	Content string
	// Summary is the entry's description or summary, as HTML, or "".
	Summary string
	// Authors are the names of the entry's authors.
	Authors []string
}

// Parse reads a feed document: RSS 0.9x, 1.0 or 2.0, Atom, or JSON Feed.
// contentType is the response's Content-Type header, which may be empty;
// its charset is used when the document declares no encoding of its own.
// Relative links are resolved against feedURL, which also names the feed
// in errors. An error wraps ErrInvalid.
func Parse(body []byte, contentType, feedURL string) (*Feed, error) {
	return parse(body, contentType, feedURL, MaxEntries)
}

func parse(body []byte, contentType, feedURL string, limit int) (f *Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed: %s: %w: the feed parser failed: %v", feedURL, ErrInvalid, r)
		}
	}()
	invalid := func(format string, args ...any) error {
		return fmt.Errorf("feed: %s: %w: %s", feedURL, ErrInvalid, fmt.Sprintf(format, args...))
	}
	body, err = toUTF8(body, contentType)
	if err != nil {
		return nil, invalid("%v", err)
	}
	dropped := 0
	switch first, ok := firstByte(body); {
	case !ok:
		return nil, invalid("empty document")
	case first == '<':
		body, dropped, err = capXML(body, limit)
	case first == '{':
		body, dropped, err = capJSON(body, limit)
	default:
		return nil, invalid("not XML or JSON: starts with %q", prefix(body))
	}
	if err != nil {
		return nil, invalid("%v", err)
	}
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	gf, err := p.Parse(bytes.NewReader(body))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		if looksLikeHTML(body) {
			return nil, invalid("an HTML page, not a feed")
		}
		return nil, invalid("no <rss>, <rdf:RDF> or <feed> root element")
	}
	if err != nil {
		return nil, invalid("%v", err)
	}
	if jf, ok := gf.OriginalFeed().(*gojson.Feed); ok && !strings.Contains(jf.Version, "jsonfeed") && jf.Items == nil {
		return nil, invalid("a JSON document that is not a JSON Feed (no version or items)")
	}
	base, _ := url.Parse(feedURL)
	f = &Feed{
		URL:      feedURL,
		Format:   gf.FeedType,
		Version:  gf.FeedVersion,
		Title:    plainLine(gf.Title),
		SiteURL:  resolve(base, gf.Link),
		Language: strings.TrimSpace(gf.Language),
		Dropped:  dropped,
	}
	if f.SiteURL == "" {
		for _, l := range gf.Links {
			if u := resolve(base, l); u != "" && u != feedURL {
				f.SiteURL = u
				break
			}
		}
	}
	seen := make(map[string]bool, len(gf.Items))
	f.Entries = make([]Entry, 0, len(gf.Items))
	for i, it := range gf.Items {
		if it == nil {
			continue
		}
		e := entry(base, it, gf.OriginalFeed(), i)
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

// entry converts gofeed's item i; orig is the format's own feed, for what
// the universal item loses (whether content is text or HTML).
func entry(base *url.URL, it *gofeed.Item, orig any, i int) Entry {
	e := Entry{
		Title:   plainLine(it.Title),
		Content: it.Content,
		Summary: it.Description,
	}
	switch o := orig.(type) {
	case *atom.Feed:
		if i < len(o.Entries) && o.Entries[i] != nil {
			if c := o.Entries[i].Content; c != nil && isTextType(c.Type) {
				e.Content = textToHTML(c.Value)
			}
		}
	case *gojson.Feed:
		if i < len(o.Items) && o.Items[i] != nil {
			ji := o.Items[i]
			if ji.ContentHTML == "" && ji.ContentText != "" {
				e.Content = textToHTML(ji.ContentText)
			}
			if ji.Summary != "" {
				e.Summary = textToHTML(ji.Summary)
			}
		}
	}
	e.URL = resolve(base, it.Link)
	for _, l := range it.Links {
		if e.URL != "" {
			break
		}
		e.URL = resolve(base, l)
	}
	guid := strings.TrimSpace(it.GUID)
	if e.URL == "" && (strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://")) {
		e.URL = resolve(base, guid)
	}
	if it.PublishedParsed != nil {
		e.Published = *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		e.Updated = *it.UpdatedParsed
		if e.Published.IsZero() {
			e.Published = e.Updated
		}
	}
	for _, a := range it.Authors {
		if a == nil {
			continue
		}
		name := plainLine(a.Name)
		if name == "" {
			name = strings.TrimSpace(a.Email)
		}
		if name != "" {
			e.Authors = append(e.Authors, name)
		}
	}
	switch {
	case guid != "":
		e.ID = guid
	case e.URL != "":
		e.ID = e.URL
	default:
		pub := strings.TrimSpace(it.Published)
		if !e.Published.IsZero() {
			pub = e.Published.UTC().Format(time.RFC3339)
		}
		key := e.Title + "\x00" + pub
		if e.Title == "" && pub == "" {
			key += "\x00" + e.Summary + "\x00" + e.Content
		}
		sum := sha256.Sum256([]byte(key))
		e.ID = "sha256:" + hex.EncodeToString(sum[:16])
	}
	return e
}

func isTextType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	return t == "" || t == "text" || t == "text/plain"
}

// resolve makes ref absolute against base and returns it when it is an
// http or https address, else "".
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// textToHTML escapes plain text into HTML paragraphs: blank lines end a
// paragraph, single line breaks become <br>.
func textToHTML(s string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

// firstByte returns the first byte of b that is not white space.
func firstByte(b []byte) (byte, bool) {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c, true
	}
	return 0, false
}

func prefix(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > 20 {
		b = b[:20]
	}
	return string(bytes.ToValidUTF8(b, []byte("?")))
}

func looksLikeHTML(b []byte) bool {
	head := b[:min(len(b), 1024)]
	head = bytes.ToLower(head)
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html"))
}
