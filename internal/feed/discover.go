package feed

import (
	"bytes"
	"cmp"
	"mime"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// A Link is a feed a page announces.
type Link struct {
	// URL is the feed's absolute address.
	URL string
	// Type is the announced media type, such as "application/rss+xml".
	Type string
	// Title is the link's title attribute, when it has one.
	Title string
}

// maxLinks bounds how many feed links Discover returns.
const maxLinks = 50

// feedTypes are the media types of feed links, in order of preference.
// Plain application/json comes last: pages use it for other JSON too.
var feedTypes = []string{"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}

// Discover returns the feeds a page announces with <link rel="alternate">
// and a feed media type (RSS, Atom, JSON Feed), resolved against the
// page's <base href> and pageURL. RSS, Atom and JSON Feed links come
// first, each kind in page order, then links typed plain
// application/json; each address once. It returns nil when the page
// announces none.
func Discover(page []byte, pageURL string) []Link {
	base, err := url.Parse(pageURL)
	if err != nil {
		base = nil
	}
	var links []Link
	seen := make(map[string]bool)
	z := html.NewTokenizer(bytes.NewReader(page))
	for len(links) < maxLinks {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr || (string(name) != "link" && string(name) != "base") {
			continue
		}
		attrs := make(map[string]string)
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			if _, dup := attrs[string(k)]; !dup {
				attrs[string(k)] = string(v)
			}
		}
		if string(name) == "base" {
			if h, ok := attrs["href"]; ok && base != nil {
				if u, err := url.Parse(strings.TrimSpace(h)); err == nil {
					base = base.ResolveReference(u)
				}
			}
			continue
		}
		if !hasToken(attrs["rel"], "alternate") {
			continue
		}
		typ, _, err := mime.ParseMediaType(attrs["type"])
		if err != nil || !slices.Contains(feedTypes, typ) {
			continue
		}
		u := resolve(base, attrs["href"])
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		links = append(links, Link{URL: u, Type: typ, Title: plainLine(attrs["title"])})
	}
	slices.SortStableFunc(links, func(a, b Link) int {
		return cmp.Compare(rank(a.Type), rank(b.Type))
	})
	return links
}

func rank(typ string) int {
	if typ == "application/json" {
		return 1
	}
	return 0
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
