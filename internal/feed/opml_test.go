package feed

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// realWorldOPML has what exports from feed readers hold: a folder tree,
// attribute names in other cases, an HTML entity, a category attribute,
// an outline without xmlUrl, a missing </body>.
const realWorldOPML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by some reader -->
<opml version="1.0">
<head><title>My feeds</title></head>
<body>
  <outline text="News" title="News">
    <outline type="rss" text="Daily Example" title="Daily Example" xmlUrl="https://daily.example/rss" htmlUrl="https://daily.example/"/>
    <outline text="Europe">
      <outline type="rss" text="Euro&nbsp;Wire" xmlurl="https://eurowire.example/atom.xml"/>
    </outline>
  </outline>
  <outline type="rss" TEXT="Loose   one" XMLURL=" https://loose.example/feed " category="/Tech/Gadgets,/Other"/>
  <outline text="just a note"/>
  <outline text="Empty folder"></outline>
  <outline title="" text="">
    <outline type="rss" text="In a nameless folder" xmlUrl="https://nameless.example/f"/>
  </outline>
</opml>`

func TestReadOPML(t *testing.T) {
	got, err := ReadOPML(strings.NewReader(realWorldOPML))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{Title: "Daily Example", FeedURL: "https://daily.example/rss", SiteURL: "https://daily.example/", Category: "News"},
		{Title: "Euro Wire", FeedURL: "https://eurowire.example/atom.xml", Category: "News/Europe"},
		{Title: "Loose one", FeedURL: "https://loose.example/feed", Category: "Tech/Gadgets"},
		{Title: "In a nameless folder", FeedURL: "https://nameless.example/f"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("subscriptions (-want +got):\n%s", diff)
	}
}

func TestReadOPMLEncoding(t *testing.T) {
	doc := `<?xml version="1.0" encoding="ISO-8859-1"?><opml version="2.0"><body><outline text="Le Café" xmlUrl="https://cafe.example/rss"/></body></opml>`
	b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	subs, err := ReadOPML(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Title != "Le Café" {
		t.Errorf("subs = %+v", subs)
	}
}

func TestReadOPMLErrors(t *testing.T) {
	deep := strings.Repeat(`<outline text="d">`, 150) + `<outline xmlUrl="https://x.example/"/>`
	var many strings.Builder
	for i := range MaxSubscriptions + 1 {
		fmt.Fprintf(&many, `<outline xmlUrl="https://x.example/%d"/>`, i)
	}
	tests := []struct{ name, doc, want string }{
		{"empty", "", "not an OPML document"},
		{"html", "<html><body>hi</body></html>", "the root element is <html>"},
		{"rss", rss20, "the root element is <rss>"},
		{"text", "just words", "no <opml> element"},
		{"deep", "<opml><body>" + deep, "nested more than 100 deep"},
		{"many", "<opml><body>" + many.String() + "</body></opml>", "more than 20000 subscriptions"},
		{"huge", "<opml><body>" + strings.Repeat(" ", MaxOPMLBytes), "over the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadOPML(strings.NewReader(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "opml: ") {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	subs := []Subscription{
		{Title: "A & B <news>", FeedURL: "https://ab.example/rss?x=1&y=2", SiteURL: "https://ab.example/", Category: "World/Europe"},
		{Title: "Second", FeedURL: "https://second.example/feed", Category: "World/Europe"},
		{Title: "Top", FeedURL: "https://top.example/atom"},
		{Title: "“Quoted” é", FeedURL: "https://q.example/f", Category: "Tech"},
		{Title: "", FeedURL: "https://untitled.example/f", Category: "World/Europe"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, subs); err != nil {
		t.Fatal(err)
	}
	got, err := ReadOPML(&buf)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(subs, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s\n%s", diff, buf.String())
	}
}

// FuzzReadOPML checks that ReadOPML never panics and that whatever it
// reads, WriteOPML writes back so that ReadOPML reads the same.
func FuzzReadOPML(f *testing.F) {
	f.Add(realWorldOPML)
	f.Add(`<opml><body><outline text="a/b" title=" c " xmlUrl="u"><outline xmlUrl="v" category="/x"/></outline></body></opml>`)
	f.Add(`<opml><body><outline xmlUrl="&#1;&amp;"/>`)
	f.Add("<opml")
	f.Fuzz(func(t *testing.T, doc string) {
		subs, err := ReadOPML(strings.NewReader(doc))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, subs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadOPML(&buf)
		if err != nil {
			t.Fatalf("reading what WriteOPML wrote: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(subs, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s\n%s", diff, buf.String())
		}
	})
}

func TestDiscover(t *testing.T) {
	page := `<!DOCTYPE html><html><head>
<base href="https://site.example/news/">
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1" title="API">
<link rel="alternate" type="application/rss+xml" title="All  news" href="feed.xml">
<LINK REL="Alternate Home" TYPE="application/atom+xml; charset=utf-8" HREF="https://site.example/atom">
<link rel="alternate" type="application/feed+json" href="//cdn.example/feed.json">
<link rel="alternate" type="application/rss+xml" href="feed.xml">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><p>Hello</p></body></html>`
	got := Discover([]byte(page), "https://site.example/news/today.html")
	want := []Link{
		{URL: "https://site.example/news/feed.xml", Type: "application/rss+xml", Title: "All news"},
		{URL: "https://site.example/atom", Type: "application/atom+xml"},
		{URL: "https://cdn.example/feed.json", Type: "application/feed+json"},
		{URL: "https://site.example/wp-json/wp/v2/posts/1", Type: "application/json", Title: "API"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Discover (-want +got):\n%s", diff)
	}
	if got := Discover([]byte("<html><body>no feeds</body></html>"), "https://x.example/"); got != nil {
		t.Errorf("no links: got %+v", got)
	}
	if got := Discover([]byte(`<link rel=alternate type=application/rss+xml href=/f>`), "https://x.example/a/b"); len(got) != 1 || got[0].URL != "https://x.example/f" {
		t.Errorf("unquoted: got %+v", got)
	}
}

// FuzzDiscover checks that Discover never panics and returns only
// absolute http(s) addresses, each once.
func FuzzDiscover(f *testing.F) {
	f.Add(`<link rel="alternate" type="application/rss+xml" href="/f">`, "https://x.example/")
	f.Add(`<base href="//cdn.example/a/"><link rel=alternate type=application/json href=f.json>`, "http://x.example/p")
	f.Add(`<link rel="alternate" type="application/atom+xml; q" href="">`, "::")
	f.Fuzz(func(t *testing.T, page, pageURL string) {
		seen := make(map[string]bool)
		for _, l := range Discover([]byte(page), pageURL) {
			if !strings.HasPrefix(l.URL, "http://") && !strings.HasPrefix(l.URL, "https://") || seen[l.URL] {
				t.Fatalf("link %q not absolute http(s), or repeated", l.URL)
			}
			seen[l.URL] = true
		}
	})
}

// FuzzPlainText checks that PlainText never panics, keeps no markup of
// the elements it drops, and has no runs of white space.
func FuzzPlainText(f *testing.F) {
	f.Add("<p>One <b>two</b></p><script>x()</script>")
	f.Add("a &amp; b\n\nc")
	f.Fuzz(func(t *testing.T, s string) {
		out := PlainText(s)
		if strings.Contains(out, "  ") || strings.Contains(out, "\n\n\n") || strings.TrimSpace(out) != out {
			t.Fatalf("PlainText(%q) = %q: white space not collapsed", s, out)
		}
	})
}
