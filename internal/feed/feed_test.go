package feed

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const feedURL = "https://news.example.org/feeds/world.xml"

const rss20 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example  World</title>
  <link>/world/</link>
  <language>en-gb</language>
  <item>
    <title>Harbour bridge reopens after repairs</title>
    <link>/world/2024/bridge-reopens</link>
    <guid isPermaLink="false">tag:news.example.org,2024:1001</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>
    <dc:creator>Ada Quill</dc:creator>
    <description>The bridge opened to &lt;b&gt;traffic&lt;/b&gt; on Tuesday.</description>
    <content:encoded><![CDATA[<p>The harbour bridge opened to traffic on Tuesday.</p><p>Engineers spent &amp; six months on it.<script>track()</script></p>]]></content:encoded>
  </item>
  <item>
    <title>Council votes on &amp; budget</title>
    <link>https://news.example.org/world/2024/budget</link>
    <pubDate>Mon, 04 Mar 2024 18:00:00 GMT</pubDate>
    <description>A short teaser.</description>
  </item>
  <item>
    <title>No link, no guid</title>
    <description>Only words.</description>
  </item>
</channel>
</rss>`

const rss10 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/">
    <title>RDF Daily</title>
    <link>https://rdf.example.net/</link>
  </channel>
  <item rdf:about="https://rdf.example.net/a">
    <title>First RDF item</title>
    <link>https://rdf.example.net/a</link>
    <dc:date>2024-03-05T10:00:00Z</dc:date>
    <description>One.</description>
  </item>
</rdf:RDF>`

const rss091 = `<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old Times</title><link>http://old.example.com/</link>
<item><title>Hand-set type</title><link>http://old.example.com/type</link><description>Printed.</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Wire</title>
  <link rel="alternate" href="https://atom.example.com/"/>
  <link rel="self" href="https://atom.example.com/feed.atom"/>
  <updated>2024-03-05T12:00:00Z</updated>
  <entry>
    <id>urn:uuid:7d1c-1</id>
    <title type="html">Rain &lt;em&gt;expected&lt;/em&gt;</title>
    <link rel="alternate" href="/2024/rain"/>
    <published>2024-03-05T11:00:00+01:00</published>
    <updated>2024-03-05T11:30:00+01:00</updated>
    <author><name>B. Weather</name></author>
    <summary>Clouds gather.</summary>
    <content type="text">Line one &lt;not a tag&gt;.

Second paragraph.</content>
  </entry>
  <entry>
    <id>urn:uuid:7d1c-2</id>
    <title>Only updated</title>
    <link href="https://atom.example.com/2024/updated"/>
    <updated>2024-03-04T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Para.&lt;/p&gt;</content>
  </entry>
</feed>`

const jsonFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON Gazette",
  "home_page_url": "https://json.example.io/",
  "items": [
    {"id": "j1", "url": "posts/1", "title": "Markets calm", "content_html": "<p>Prices held.</p>",
     "date_published": "2024-03-05T08:00:00Z", "authors": [{"name": "C. Ledger"}]},
    {"id": 2, "url": "https://json.example.io/posts/2", "title": "Plain", "content_text": "A & B.\n\nC < D.",
     "summary": "sum"}
  ]
}`

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, body, url string
		wantFormat      string
		wantTitle       string
		wantSite        string
		want            []Entry
	}{
		{
			name: "rss2", body: rss20, url: feedURL, wantFormat: "rss", wantTitle: "Example World",
			wantSite: "https://news.example.org/world/",
			want: []Entry{
				{
					ID: "tag:news.example.org,2024:1001", URL: "https://news.example.org/world/2024/bridge-reopens",
					Title: "Harbour bridge reopens after repairs", Published: time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC),
					Content: "<p>The harbour bridge opened to traffic on Tuesday.</p><p>Engineers spent &amp; six months on it.<script>track()</script></p>",
					Summary: "The bridge opened to <b>traffic</b> on Tuesday.", Authors: []string{"Ada Quill"},
				},
				{
					ID: "https://news.example.org/world/2024/budget", URL: "https://news.example.org/world/2024/budget",
					Title: "Council votes on & budget", Published: time.Date(2024, 3, 4, 18, 0, 0, 0, time.UTC), Summary: "A short teaser.",
				},
				{ID: "sha256:", Title: "No link, no guid", Summary: "Only words."},
			},
		},
		{
			name: "rss1", body: rss10, url: "https://rdf.example.net/rss", wantFormat: "rss", wantTitle: "RDF Daily",
			wantSite: "https://rdf.example.net/",
			want: []Entry{{
				ID: "https://rdf.example.net/a", URL: "https://rdf.example.net/a", Title: "First RDF item",
				Published: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), Updated: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), Summary: "One.",
			}},
		},
		{
			name: "rss091", body: rss091, url: "http://old.example.com/rss", wantFormat: "rss", wantTitle: "Old Times",
			wantSite: "http://old.example.com/",
			want:     []Entry{{ID: "http://old.example.com/type", URL: "http://old.example.com/type", Title: "Hand-set type", Summary: "Printed."}},
		},
		{
			name: "atom", body: atomFeed, url: "https://atom.example.com/feed.atom", wantFormat: "atom", wantTitle: "Atom Wire",
			wantSite: "https://atom.example.com/",
			want: []Entry{
				{
					ID: "urn:uuid:7d1c-1", URL: "https://atom.example.com/2024/rain", Title: "Rain expected",
					Published: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), Updated: time.Date(2024, 3, 5, 10, 30, 0, 0, time.UTC),
					Content: "<p>Line one &lt;not a tag&gt;.</p><p>Second paragraph.</p>", Summary: "Clouds gather.",
					Authors: []string{"B. Weather"},
				},
				{
					ID: "urn:uuid:7d1c-2", URL: "https://atom.example.com/2024/updated", Title: "Only updated",
					Published: time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC), Updated: time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC),
					Content: "<p>Para.</p>",
				},
			},
		},
		{
			name: "json", body: jsonFeed, url: "https://json.example.io/feed.json", wantFormat: "json", wantTitle: "JSON Gazette",
			wantSite: "https://json.example.io/",
			want: []Entry{
				{
					ID: "j1", URL: "https://json.example.io/posts/1", Title: "Markets calm", Content: "<p>Prices held.</p>",
					Published: time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC), Authors: []string{"C. Ledger"},
				},
				{
					ID: "2", URL: "https://json.example.io/posts/2", Title: "Plain",
					Content: "<p>A &amp; B.</p><p>C &lt; D.</p>", Summary: "<p>sum</p>",
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.body), "application/xml", tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != tt.wantFormat || f.Title != tt.wantTitle || f.SiteURL != tt.wantSite || f.URL != tt.url {
				t.Errorf("feed = %q %q %q %q", f.Format, f.Title, f.SiteURL, f.URL)
			}
			got := f.Entries
			for i := range got {
				if strings.HasPrefix(got[i].ID, "sha256:") && i < len(tt.want) && tt.want[i].ID == "sha256:" {
					if len(got[i].ID) != len("sha256:")+32 {
						t.Errorf("hash id %q", got[i].ID)
					}
					got[i].ID = "sha256:"
				}
				got[i].Published, got[i].Updated = got[i].Published.UTC(), got[i].Updated.UTC()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseStableHashID(t *testing.T) {
	a, err := Parse([]byte(rss20), "", feedURL)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Parse([]byte(rss20), "", feedURL)
	if a.Entries[2].ID != b.Entries[2].ID || !strings.HasPrefix(a.Entries[2].ID, "sha256:") {
		t.Errorf("hash ids %q %q", a.Entries[2].ID, b.Entries[2].ID)
	}
}

func TestParseDuplicateIDs(t *testing.T) {
	body := `<rss version="2.0"><channel><title>D</title>
<item><guid>x</guid><title>first</title></item><item><guid>x</guid><title>again</title></item></channel></rss>`
	f, err := Parse([]byte(body), "", feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 || f.Entries[0].Title != "first" {
		t.Errorf("entries = %+v", f.Entries)
	}
}

func TestParseEncodings(t *testing.T) {
	const word = "Café Zürich – “quoted” €5"
	latin := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	iso := func(s string) []byte {
		b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	doc := func(decl, title string) string {
		return decl + `<rss version="2.0"><channel><title>` + title + `</title><item><guid>1</guid><title>` + title + `</title></item></channel></rss>`
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
	}{
		{"windows-1252 declared", latin(doc(`<?xml version="1.0" encoding="windows-1252"?>`, word)), "text/xml", word},
		{"iso-8859-1 declared", iso(doc(`<?xml version='1.0' encoding='ISO-8859-1' ?>`, "Café Zürich")), "application/rss+xml; charset=utf-8", "Café Zürich"},
		{"charset from header", latin(doc(`<?xml version="1.0"?>`, word)), "application/rss+xml; charset=windows-1252", word},
		{"undeclared, not UTF-8", latin(doc("", word)), "", word},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), doc(`<?xml version="1.0" encoding="UTF-8"?>`, word)...), "", word},
		{"utf-16 with BOM", utf16(doc(`<?xml version="1.0" encoding="UTF-16"?>`, word)), "", word},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, tt.contentType, feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.want || len(f.Entries) != 1 || f.Entries[0].Title != tt.want {
				t.Errorf("title %q, entries %+v; want %q", f.Title, f.Entries, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"empty", "  \n", "empty document"},
		{"html", "<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>", "an HTML page, not a feed"},
		{"other xml", `<?xml version="1.0"?><svg></svg>`, "no <rss>, <rdf:RDF> or <feed> root element"},
		{"truncated", `<rss version="2.0"><channel><title>T</title><item><title>cut he`, "invalid feed"},
		{"binary", "\x00\x01\x02PK", "not XML or JSON"},
		{"bad json", `{"version": "https://jsonfeed.org/version/1", "items": [`, "invalid feed"},
		{"json not a feed", `{"name": "x"}`, "not a JSON Feed"},
		{"unknown encoding", `<?xml version="1.0" encoding="x-klingon"?><rss/>`, `unknown character encoding "x-klingon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.body), "", feedURL)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), feedURL) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want ErrInvalid naming %s and saying %q", err, feedURL, tt.want)
			}
		})
	}
}

// bigRSS returns an RSS feed of n entries.
func bigRSS(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Flood</title><link>https://flood.example/</link>`)
	for i := range n {
		fmt.Fprintf(&b, "<item><guid>g%d</guid><title>Entry %d</title><link>/e/%d</link><description>Text %d.</description></item>\n", i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

func TestParseTooManyEntries(t *testing.T) {
	var atomBody, jsonBody bytes.Buffer
	atomBody.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Flood</title>`)
	jsonBody.WriteString(`{"version":"https://jsonfeed.org/version/1.1","title":"Flood","items":[`)
	for i := range 100_000 {
		fmt.Fprintf(&atomBody, `<entry><id>e%d</id><title>E %d</title></entry>`, i, i)
		if i > 0 {
			jsonBody.WriteByte(',')
		}
		fmt.Fprintf(&jsonBody, `{"id":"j%d","title":"J %d","content_text":"x"}`, i, i)
	}
	atomBody.WriteString(`</feed>`)
	jsonBody.WriteString(`],"home_page_url":"https://flood.example/"}`)
	for _, tt := range []struct {
		name string
		body []byte
	}{{"rss", bigRSS(100_000)}, {"atom", atomBody.Bytes()}, {"json", jsonBody.Bytes()}} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			f, err := Parse(tt.body, "", feedURL)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d bytes, %d entries kept, %d dropped in %v", len(tt.body), len(f.Entries), f.Dropped, time.Since(start))
			if len(f.Entries) != MaxEntries || f.Dropped != 100_000-MaxEntries {
				t.Errorf("%d entries, %d dropped; want %d and %d", len(f.Entries), f.Dropped, MaxEntries, 100_000-MaxEntries)
			}
			if last := f.Entries[len(f.Entries)-1]; !strings.HasSuffix(last.ID, "4999") || f.Title != "Flood" {
				t.Errorf("last entry %+v, title %q", last, f.Title)
			}
		})
	}
}

func TestParseLimitExact(t *testing.T) {
	f, err := parse(bigRSS(10), "", feedURL, 10)
	if err != nil || len(f.Entries) != 10 || f.Dropped != 0 {
		t.Fatalf("at the limit: %v, %d entries, %d dropped", err, len(f.Entries), f.Dropped)
	}
	f, err = parse(bigRSS(11), "", feedURL, 10)
	if err != nil || len(f.Entries) != 10 || f.Dropped != 1 {
		t.Fatalf("one over: %v, %d entries, %d dropped", err, len(f.Entries), f.Dropped)
	}
	// Tags that only look like entries (in CDATA) do not count.
	body := `<rss version="2.0"><channel><title>T</title><item><guid>1</guid><description><![CDATA[<item> <item> <entry>]]></description></item></channel></rss>`
	f, err = parse([]byte(body), "", feedURL, 1)
	if err != nil || len(f.Entries) != 1 || f.Dropped != 0 {
		t.Fatalf("cdata: %v, %+v", err, f)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain words\nwrapped\n\nnext", "plain words wrapped\n\nnext"},
		{"Tom &amp; Jerry", "Tom & Jerry"},
		{"<p>One <b>bold</b> move.</p><p>Two.</p>", "One bold move.\n\nTwo."},
		{"First<br>Second<br/>Third", "First\n\nSecond\n\nThird"},
		{"<div>a<script>var x = '<p>';</script>b</div><style>p{}</style>", "ab"},
		{"<figure><img src=x><figcaption>Photo: someone</figcaption></figure><p>Body.</p>", "Body."},
		{"<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"},
		{"a < b and c > d", "a < b and c > d"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParse checks that no input makes Parse panic and that what it
// returns keeps its promises.
func FuzzParse(f *testing.F) {
	for _, s := range []string{rss20, rss10, rss091, atomFeed, jsonFeed, string(bigRSS(3)), "<rss", "{", `<?xml version="1.0" encoding="utf-16"?><feed/>`} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte(rss20), "text/xml; charset=windows-1252")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		feed, err := parse(body, contentType, feedURL, 3)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if len(feed.Entries) > 3 {
			t.Fatalf("%d entries over the limit of 3", len(feed.Entries))
		}
		ids := make(map[string]bool)
		for _, e := range feed.Entries {
			if e.ID == "" || ids[e.ID] {
				t.Fatalf("entry id %q empty or repeated", e.ID)
			}
			ids[e.ID] = true
			if e.URL != "" && !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
				t.Fatalf("entry URL %q not http(s)", e.URL)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	// A realistic feed: 50 entries with a few paragraphs of HTML each.
	var body bytes.Buffer
	body.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://bench.example/</link>`)
	para := "<p>" + strings.Repeat("The committee heard from residents about the plan for the river crossing. ", 8) + "</p>"
	const n = 50
	for i := range n {
		fmt.Fprintf(&body, `<item><title>Story number %d about the river crossing</title><link>https://bench.example/story/%d</link><guid isPermaLink="true">https://bench.example/story/%d</guid><pubDate>Tue, 05 Mar 2024 09:%02d:00 +0000</pubDate><dc:creator>Reporter %d</dc:creator><description>A short summary of story %d.</description><content:encoded><![CDATA[%s%s%s]]></content:encoded></item>`,
			i, i, i, i%60, i, i, para, para, para)
	}
	body.WriteString(`</channel></rss>`)
	data := body.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := Parse(data, "application/rss+xml", "https://bench.example/feed")
		if err != nil || len(f.Entries) != n {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "entries/s")
}

func TestOutlet(t *testing.T) {
	for _, c := range []struct {
		title string
		f     Feed
		want  string
	}{
		{"Given", Feed{Title: "Own", SiteURL: "https://www.site.example/"}, "Given"},
		{"", Feed{Title: "Own", SiteURL: "https://www.site.example/"}, "Own"},
		{"", Feed{SiteURL: "https://WWW.Site.example/news"}, "site.example"},
		{"", Feed{URL: "https://feeds.other.example/rss"}, "feeds.other.example"},
		{"", Feed{URL: "not a url"}, ""},
	} {
		if got := c.f.Outlet(c.title); got != c.want {
			t.Errorf("Outlet(%q) of %+v = %q, want %q", c.title, c.f, got, c.want)
		}
	}
}
