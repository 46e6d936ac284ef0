// Package feeds holds the starter list of feeds; this test keeps it
// readable and sound.
package feeds

import (
	"encoding/xml"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/feed"
)

// TestStarterList: the starter OPML reads, names at least 40 outlets, each
// once, with absolute http(s) feed addresses, and says each outlet's
// country and ownership kind.
func TestStarterList(t *testing.T) {
	f, err := os.Open("starter.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	subs, err := feed.ReadOPML(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) < 40 {
		t.Errorf("%d feeds, want at least 40", len(subs))
	}
	names, urls := map[string]bool{}, map[string]bool{}
	kinds := map[string]int{}
	cats := categories(t)
	for _, s := range subs {
		u, err := url.Parse(s.FeedURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			t.Errorf("%s: feed address %q is not an absolute http(s) URL", s.Title, s.FeedURL)
		}
		if names[s.Title] || urls[s.FeedURL] {
			t.Errorf("%s (%s) is listed twice", s.Title, s.FeedURL)
		}
		names[s.Title], urls[s.FeedURL] = true, true
		cat := cats[s.FeedURL]
		if !strings.Contains(cat, "country/") || !strings.Contains(cat, "ownership/") {
			t.Errorf("%s: categories %q lack the country or the ownership kind", s.Title, cat)
		}
		for _, c := range strings.Split(cat, ",") {
			if k, ok := strings.CutPrefix(c, "ownership/"); ok {
				kinds[k]++
			}
		}
	}
	for _, k := range []string{"public broadcaster", "private", "state-controlled"} {
		if kinds[k] < 3 {
			t.Errorf("only %d outlets of kind %q", kinds[k], k)
		}
	}
}

// categories reads each feed outline's own category attribute, which
// ReadOPML leaves for the folder path.
func categories(t *testing.T) map[string]string {
	b, err := os.ReadFile("starter.opml")
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]string{}
	d := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "outline" {
			var u, c string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "xmlUrl":
					u = a.Value
				case "category":
					c = a.Value
				}
			}
			if u != "" {
				cats[u] = c
			}
		}
	}
	return cats
}
