package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// A Subscription is one feed of an OPML subscription list.
type Subscription struct {
	// Title is the outline's title, else its text.
	Title string
	// FeedURL is the feed's address (the xmlUrl attribute).
	FeedURL string
	// SiteURL is the site's address (htmlUrl), when given.
	SiteURL string
	// Category is the path of the folders holding the outline, their
	// names joined by "/", or "" at the top level. An outline outside any
	// folder takes its own category attribute's first path, if any.
	Category string
}

// OPML limits: a subscription list is small; these bound a hostile one.
const (
	MaxOPMLBytes      = 16 << 20
	MaxSubscriptions  = 20000
	maxOutlineDepth   = 100
	opmlCategorySep   = "/"
	opmlDocumentTitle = "Parallax subscriptions"
)

// ReadOPML reads the subscriptions of an OPML document (1.0 or 2.0), in
// document order: every outline with an xmlUrl attribute, at any depth.
// It accepts what real exports hold: attribute names in any case, HTML
// entities, unclosed elements, a missing <head> or <body>, a declared
// encoding other than UTF-8. It fails on a document that is not OPML, over
// MaxOPMLBytes, with more than MaxSubscriptions subscriptions, or with
// outlines nested more than 100 deep.
func ReadOPML(r io.Reader) (subs []Subscription, err error) {
	defer func() {
		if p := recover(); p != nil {
			subs, err = nil, fmt.Errorf("opml: reading failed: %v", p)
		}
	}()
	b, err := io.ReadAll(io.LimitReader(r, MaxOPMLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	if len(b) > MaxOPMLBytes {
		return nil, fmt.Errorf("opml: over the limit of %d bytes", MaxOPMLBytes)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var (
		stack   []string // folder names of the open outlines; "" for none
		inOPML  bool
		sawRoot bool
		depth   int
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !sawRoot {
				return nil, fmt.Errorf("opml: not an OPML document: %v", err)
			}
			if inOPML {
				return nil, fmt.Errorf("opml: %v", err)
			}
			break // trailing garbage after </opml>
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if !sawRoot {
				if !strings.EqualFold(t.Name.Local, "opml") {
					return nil, fmt.Errorf("opml: not an OPML document: the root element is <%s>", t.Name.Local)
				}
				sawRoot, inOPML = true, true
				continue
			}
			if !inOPML || !strings.EqualFold(t.Name.Local, "outline") {
				continue
			}
			if len(stack) >= maxOutlineDepth {
				return nil, fmt.Errorf("opml: outlines nested more than %d deep", maxOutlineDepth)
			}
			a := outlineAttrs(t.Attr)
			name := clean(a["title"])
			if name == "" {
				name = clean(a["text"])
			}
			if feedURL := strings.TrimSpace(clean(a["xmlurl"])); feedURL != "" {
				if len(subs) >= MaxSubscriptions {
					return nil, fmt.Errorf("opml: more than %d subscriptions", MaxSubscriptions)
				}
				s := Subscription{
					Title:    name,
					FeedURL:  feedURL,
					SiteURL:  strings.TrimSpace(clean(a["htmlurl"])),
					Category: path(stack),
				}
				if s.Category == "" {
					s.Category = categoryAttr(a["category"])
				}
				subs = append(subs, s)
			}
			stack = append(stack, name)
		case xml.EndElement:
			depth--
			if strings.EqualFold(t.Name.Local, "outline") && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if depth == 0 {
				inOPML = false
			}
		}
	}
	if !sawRoot {
		return nil, errors.New("opml: not an OPML document: no <opml> element")
	}
	return subs, nil
}

// outlineAttrs returns an outline's attributes by lower-case name, the
// first of each.
func outlineAttrs(attrs []xml.Attr) map[string]string {
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		k := strings.ToLower(a.Name.Local)
		if _, dup := m[k]; !dup {
			m[k] = a.Value
		}
	}
	return m
}

// path joins the non-empty folder names.
func path(stack []string) string {
	var parts []string
	for _, s := range stack {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, opmlCategorySep)
}

// categoryAttr reads the first path of an OPML 2.0 category attribute
// ("/World/Europe,/News" gives "World/Europe").
func categoryAttr(s string) string {
	first, _, _ := strings.Cut(s, ",")
	var parts []string
	for _, p := range strings.Split(first, "/") {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, opmlCategorySep)
}

// clean drops characters XML cannot hold and collapses white space.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if isXMLChar(r) && r != '\uFFFD' {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, ""))
	return strings.Join(strings.Fields(s), " ")
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// WriteOPML writes subs as an OPML 2.0 document that ReadOPML reads back
// as the same subscriptions in the same order. Each run of consecutive
// subscriptions with one category is written inside a folder outline
// named by the whole category.
func WriteOPML(w io.Writer, subs []Subscription) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString("<opml version=\"2.0\">\n  <head>\n    <title>" + opmlDocumentTitle + "</title>\n  </head>\n  <body>\n")
	open := false
	cat := ""
	for _, s := range subs {
		if open && s.Category != cat {
			bw.WriteString("    </outline>\n")
			open = false
		}
		indent := "    "
		if s.Category != "" {
			if !open {
				bw.WriteString(`    <outline text="` + attr(s.Category) + `" title="` + attr(s.Category) + "\">\n")
				open, cat = true, s.Category
			}
			indent = "      "
		}
		bw.WriteString(indent + `<outline type="rss" text="` + attr(s.Title) + `" title="` + attr(s.Title) + `" xmlUrl="` + attr(s.FeedURL) + `"`)
		if s.SiteURL != "" {
			bw.WriteString(` htmlUrl="` + attr(s.SiteURL) + `"`)
		}
		bw.WriteString("/>\n")
	}
	if open {
		bw.WriteString("    </outline>\n")
	}
	bw.WriteString("  </body>\n</opml>\n")
	return bw.Flush()
}

// attr escapes s for a double-quoted attribute value.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
