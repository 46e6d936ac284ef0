package outlet

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
)

func TestMatch(t *testing.T) {
	tab := New([]parallax.OutletProfile{
		{Name: "The Example Times", Domains: []string{"example.com"}, Ownership: "private"},
		{Name: "Example Radio", Domains: []string{"radio.example.com"}, Ownership: "public broadcaster"},
		{Name: "BBC News", Domains: []string{"bbc.com", "bbc.co.uk"}, Ownership: "public broadcaster"},
		{Name: "Sputnik", Domains: []string{"sputnikglobe.com"}, Ownership: "state-controlled"},
	})
	cases := []struct {
		name, url, want string
	}{
		{"", "https://www.example.com/2017/03/a.html", "The Example Times"},
		{"", "https://news.radio.example.com/a", "Example Radio"}, // the longest domain wins
		{"", "http://EXAMPLE.com.:8080/x", "The Example Times"},
		{"", "https://www.bbc.co.uk/news/world-1", "BBC News"},
		{"", "https://notexample.com/a", ""}, // a suffix of the name, not a domain above it
		{"", "https://example.com.evil.net/a", ""},
		{"Example Times", "", "The Example Times"}, // without "The"
		{"the  example TIMES", "", "The Example Times"},
		{"sputnik", "https://unknown.org/a", "Sputnik"},  // the URL says nothing, the name does
		{"Sputnik", "https://www.bbc.com/a", "BBC News"}, // the URL first
		{"sputnikglobe.com", "", "Sputnik"},              // a name that is a host
		{"Example", "", ""},
		{"", "not a url", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		p, ok := tab.Match(c.name, c.url)
		if ok != (c.want != "") || p.Name != c.want {
			t.Errorf("Match(%q, %q) = %q, %v; want %q", c.name, c.url, p.Name, ok, c.want)
		}
	}
	var nilTab *Table
	if _, ok := nilTab.Match("Sputnik", ""); ok {
		t.Error("a nil table matched")
	}
}

func TestReadCSV(t *testing.T) {
	in := "name,domains,country,ownership,labels\n" +
		"BBC News,https://www.BBC.com/news;bbc.co.uk,UK,public broadcaster,wire;english\n" +
		",x.com,US,private,\n" + // no name
		"Bad Domains,co.uk;not a host;ok.example,US,private,\n" +
		"bbc news,bbc2.com,UK,private,\n" + // the name again
		"Other,bbc.com,US,private,\n" + // the domain again
		"\"Broken,quote\n" +
		"Last,last.example,FR,private,a;;b\n"
	ps, probs, err := Read(strings.NewReader(in), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []parallax.OutletProfile{
		{Name: "BBC News", Domains: []string{"bbc.com", "bbc.co.uk"}, Country: "UK", Ownership: "public broadcaster", Labels: []string{"wire", "english"}},
		{Name: "Bad Domains", Domains: []string{"ok.example"}, Country: "US", Ownership: "private"},
		{Name: "Other", Domains: []string{}, Country: "US", Ownership: "private"},
	}
	// The broken quotation runs to the end of the table: the CSV reader
	// cannot tell where the row ends, so the last row goes with it.
	if d := cmp.Diff(want, ps); d != "" {
		t.Errorf("profiles (-want +got):\n%s", d)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	wantProbs := []string{
		"t.csv:3: name: empty; the row is skipped",
		`t.csv:4: domains: "co.uk" is a public suffix, shared by unrelated sites; the domain is skipped`,
		`t.csv:4: domains: "not a host" is not a host name; the domain is skipped`,
		`t.csv:5: name: "bbc news" is already the name of the outlet of line 2; the row is skipped`,
		"t.csv:6: domains: bbc.com is already a domain of the outlet of line 2; it is skipped here",
	}
	if len(got) < len(wantProbs) {
		t.Fatalf("problems %q, want at least %q", got, wantProbs)
	}
	if d := cmp.Diff(wantProbs, got[:len(wantProbs)]); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	if len(got) != len(wantProbs)+1 || !strings.HasPrefix(got[len(got)-1], "t.csv:7: ") {
		t.Errorf("the broken quotation: problems %q", got[len(wantProbs):])
	}
}

func TestReadJSON(t *testing.T) {
	in := `[
  {"name": "RT", "domains": ["rt.com"], "country": "Russia", "ownership": "state-controlled"},
  {"name": "Typo", "domain": ["typo.example"]},
  {"name": 7},
  {"name": "Labels", "domains": [], "labels": ["a", "b"]}
]`
	ps, probs, err := Read(strings.NewReader(in), "t.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []parallax.OutletProfile{
		{Name: "RT", Domains: []string{"rt.com"}, Country: "Russia", Ownership: "state-controlled"},
		{Name: "Typo", Domains: []string{}},
		{Name: "Labels", Domains: []string{}, Labels: []string{"a", "b"}},
	}
	if d := cmp.Diff(want, ps); d != "" {
		t.Errorf("profiles (-want +got):\n%s", d)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	wantProbs := []string{
		`t.json:3: unknown field "domain" (ignored)`,
		"t.json:4: name: cannot unmarshal number into Go struct field jsonProfile.name of type string",
	}
	if d := cmp.Diff(wantProbs, got); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "outlets: t: empty table"},
		{"domains,country\nx.com,US\n", "outlets: t:1: header: no name column"},
		{"[{\"name\": \"A\"},\n{\"name\": ", "outlets: t:2: "},
		{"[1, 2", "outlets: t:1: "},
		{"name\n\xff\n", "outlets: t: not UTF-8 text"},
		{"name\n" + strings.Repeat("a", MaxBytes), "outlets: t: larger than"},
	}
	for _, c := range cases {
		_, _, err := Read(strings.NewReader(c.in), "t")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Read(%.30q) error %v, want one starting %q", c.in, err, c.want)
		}
	}
}

func TestDomain(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"BBC.com", "bbc.com", ""},
		{"https://www.bbc.co.uk:443/news?x#y", "bbc.co.uk", ""},
		{"münchen.de", "xn--mnchen-3ya.de", ""},
		{"com", "", "not a host name with a domain"},
		{"co.uk", "", "public suffix"},
		{"a..b", "", "not a host name"},
		{"a_b.com", "", "not a host name"},
		{"", "", ""},
	}
	for _, c := range cases {
		got, err := Domain(c.in)
		if got != c.want || (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("Domain(%q) = %q, %v; want %q, %q", c.in, got, err, c.want, c.err)
		}
	}
}

func TestStarterMatches(t *testing.T) {
	tab := New(Starter())
	for _, c := range []struct{ name, url, want string }{
		{"", "https://abcnews.go.com/Politics/story", "ABC News"},
		{"", "https://www.espn.go.com/x", ""},
		{"", "https://sputnikglobe.com/20170401/a.html", "Sputnik"},
		{"Wall Street Journal", "", "The Wall Street Journal"},
		{"", "https://feeds.bbci.co.uk/news/rss.xml", "BBC News"},
	} {
		p, _ := tab.Match(c.name, c.url)
		if p.Name != c.want {
			t.Errorf("starter: Match(%q, %q) = %q, want %q", c.name, c.url, p.Name, c.want)
		}
	}
}
