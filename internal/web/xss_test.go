package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/store"
)

// The payloads put into every field a page shows.
const (
	scriptPayload = `<script>alert("xss")</script>`
	markupPayload = `"><img src=x onerror=alert(1)><b>bold</b>`
	svgPayload    = `</text></svg><svg onload=alert(2)>`
)

// TestXSS stores articles whose title, text, outlet and URL carry script
// and markup, and a feed whose title and address do, and checks every
// page (and the SVG in them) shows them as text: the only script is the
// server's own file, no element carries an event handler, and only http
// and https addresses, or the server's own paths, are links.
func TestXSS(t *testing.T) {
	st := openStore(t, "sqlite")
	ctx := context.Background()
	arts := []parallax.Article{
		{
			ID: "evil-1", URL: "javascript:alert(document.cookie)", Outlet: "Evil " + scriptPayload,
			Title:     "Headline " + scriptPayload + markupPayload,
			Published: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC),
			Text: "The mayor said the " + scriptPayload + " bridge will reopen on Friday after repairs.\n\n" +
				"Engineers found cracks " + markupPayload + " in two piers of the bridge during the inspection.\n\n" +
				"\"We will keep " + svgPayload + " everyone safe,\" the mayor said.",
		},
		{
			ID: "evil-2", URL: "data:text/html,<script>alert(3)</script>", Outlet: "Other " + svgPayload,
			Title:     svgPayload,
			Published: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
			Text: "The bridge will reopen on Friday after repairs, the mayor said " + svgPayload + ".\n\n" +
				"Engineers found cracks in two piers of the bridge during the inspection " + scriptPayload + ".",
		},
		{
			ID: "evil-3", URL: "vbscript:msgbox(1)", Outlet: markupPayload, Title: markupPayload,
			Published: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC),
			Text:      "Engineers found cracks in two piers of the bridge, and the bridge will reopen on Friday " + markupPayload + ".",
		},
	}
	ids, b := fillStory(t, st, "story-evil", arts, true)
	if len(b.Summary) == 0 {
		t.Fatal("no summary to show")
	}
	// A story whose own id and headline carry the payload too.
	fillStory(t, st, `evil-"><script>`, []parallax.Article{{ID: "evil-4", Outlet: scriptPayload, Title: scriptPayload,
		Text: "A second story about " + scriptPayload + " something else entirely, with enough words to be one."}}, false)
	for _, f := range []store.Feed{
		{URL: `https://feeds.example/rss?a="><script>alert(4)</script>`, Title: scriptPayload + markupPayload, Category: svgPayload},
	} {
		if err := st.AddFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := newTestServer(t, st, nil)

	var targets []string
	targets = append(targets, "/", "/?outlet="+url.QueryEscape("Evil "+scriptPayload), "/?q="+url.QueryEscape(scriptPayload),
		"/stories/story-evil", "/stories/"+url.PathEscape(`evil-"><script>`), "/feeds",
		"/search?q="+url.QueryEscape(scriptPayload), "/search?q=bridge", "/search?q="+url.QueryEscape("alert"),
		"/articles/"+url.PathEscape(`<script>`), "/stories/"+url.PathEscape(scriptPayload), "/"+url.PathEscape(scriptPayload))
	for _, st := range append(append([]parallax.Statement{}, b.Summary...), b.Agreed...) {
		for i, src := range st.Sources {
			targets = append(targets, fmt.Sprintf("/articles/%s?hl=%d-%d", url.PathEscape(src), st.Evidence[i].Start, st.Evidence[i].End))
		}
	}
	for _, id := range ids {
		targets = append(targets, "/articles/"+url.PathEscape(id), "/articles/"+url.PathEscape(id)+"?hl="+url.QueryEscape(scriptPayload))
	}
	shown := map[string]bool{}
	for _, target := range targets {
		rec := do(t, s, "GET", target, "", "")
		page := rec.Body.String()
		checkInert(t, target, page)
		text := pageText(t, page)
		for _, p := range []string{scriptPayload, markupPayload, svgPayload} {
			if strings.Contains(text, p) {
				shown[p] = true
			}
		}
		if strings.Contains(text, "javascript:alert(document.cookie)") {
			shown["javascript:"] = true
		}
	}
	for _, p := range []string{scriptPayload, markupPayload, svgPayload, "javascript:"} {
		if !shown[p] {
			t.Errorf("%q is never shown as text: the test does not test it", p)
		}
	}

	// The API answers JSON that cannot be read as HTML.
	rec := do(t, s, "GET", "/api/stories/story-evil", "", "")
	if strings.Contains(rec.Body.String(), "<script>") || !json.Valid(rec.Body.Bytes()) {
		t.Errorf("the API answers raw markup: %.200s", rec.Body)
	}
}

// checkInert parses a page as a browser would and fails on anything that
// could run: a script other than the server's, an event handler attribute,
// a link or source that is not http(s) or the server's own.
func checkInert(t *testing.T, target, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name := strings.ToLower(n.Data)
			switch name {
			case "script":
				src := attr(n, "src")
				if !strings.HasPrefix(src, "/static/app.js") || n.FirstChild != nil {
					t.Errorf("%s: a script element that is not the server's: src=%q", target, src)
				}
			case "iframe", "object", "embed", "img", "base", "meta":
				if name != "meta" || attr(n, "http-equiv") != "" {
					t.Errorf("%s: an element <%s> the pages never write", target, name)
				}
			case "b":
				t.Errorf("%s: markup from the data became an element <b>", target)
			case "a":
				if txt := nodeText(n); strings.Contains(txt, "javascript:") || strings.Contains(txt, "data:") || strings.Contains(txt, "vbscript:") {
					t.Errorf("%s: a link shows the address %q", target, txt)
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					t.Errorf("%s: <%s> has an event handler %s=%q", target, name, a.Key, a.Val)
				}
				if key == "href" || key == "src" || key == "action" || key == "xlink:href" || key == "formaction" {
					v := strings.TrimSpace(a.Val)
					ok := strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//") || strings.HasPrefix(v, "#") ||
						strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")
					if !ok {
						t.Errorf("%s: <%s %s=%q>: not an http(s) or own address", target, name, a.Key, v)
					}
					if strings.Contains(v, "ZgotmplZ") {
						t.Errorf("%s: <%s %s=%q>: an unsafe address was made a link (html/template blanked it)", target, name, a.Key, v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// pageText returns the text a browser shows for a page: text nodes and
// the title elements of the SVG, unescaped.
func pageText(t *testing.T, page string) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte('\n')
		case html.ElementNode:
			if n.Data == "input" {
				b.WriteString(attr(n, "value"))
				b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}
