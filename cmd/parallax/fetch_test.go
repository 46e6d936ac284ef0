package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// site serves documents that a test can change, with an ETag for each, and
// answers conditional requests with 304 as a well-behaved server does.
type site struct {
	mu   sync.Mutex
	docs map[string]doc
	hits map[string]int
	srv  *httptest.Server
}

type doc struct {
	contentType string
	body        []byte
}

func newSite(t *testing.T) *site {
	s := &site{docs: make(map[string]doc), hits: make(map[string]int)}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) set(path, contentType string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = doc{contentType, body}
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	d, ok := s.docs[r.URL.Path]
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(d.body)
	etag := `"` + hex.EncodeToString(sum[:6]) + `"`
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", d.contentType)
	w.Write(d.body)
}

// Words of our own for the test feeds: three outlets on one invented event.
var tramReports = []struct{ outlet, title, text string }{
	{"Riverside Courier", "Tram line to the old docks opens",
		"The new tram line between the central station and the old docks opened on Saturday morning, two years after work began. " +
			"The mayor, Helen Marsh, rode the first car and said the line would carry twelve thousand people a day by the end of the year. " +
			"Tickets are free for the first week. The line has nine stops and runs every six minutes at peak hours.\n\n" +
			"The project cost 240 million euros, forty million more than planned, after flooding in the tunnel under Mill Street delayed work by five months. " +
			"Shop owners along the route said trade had suffered during the works and asked the council for help with their losses. " +
			"The council said a compensation fund would open next month. Engineers will keep testing the signals at night for another two weeks."},
	{"Valley Evening Post", "Docks tram finally running, over budget",
		"Trams began running to the old docks on Saturday, months later than promised and 40 million euros over budget. " +
			"Mayor Helen Marsh called the opening a great day for the city and rode the first tram from the central station. " +
			"The council expects twelve thousand passengers a day by December, though opposition councillors doubted that figure.\n\n" +
			"Flooding in the Mill Street tunnel last spring cost five months, the project director said. The final bill is 240 million euros. " +
			"Traders on the route, who lost custom during two years of roadworks, will be able to apply to a compensation fund from next month. " +
			"Rides are free until next Saturday, and trams will run every six minutes at busy times."},
}

// courierRSS is an RSS feed carrying whole articles.
func courierRSS(extra string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Riverside Courier</title><link>/</link>`)
	b.WriteString(extra)
	r := tramReports[0]
	fmt.Fprintf(&b, `<item><title>%s</title><link>/city/tram-opens</link><guid>courier-1</guid><pubDate>Sat, 02 Mar 2024 10:00:00 +0000</pubDate><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>`,
		r.title, strings.ReplaceAll(r.text, "\n\n", "</p><p>"))
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// teaserPages returns the first n pages of the shared extraction benchmark,
// decompressed, or skips the test when the data is absent.
func teaserPages(t *testing.T, n int) [][]byte {
	t.Helper()
	dir := sharedtest.Path(t, "data", "article-extraction", "html")
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) < n {
		t.Skipf("fewer than %d pages in %s", n, dir)
	}
	slices.Sort(files)
	var pages [][]byte
	for _, f := range files[:n] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

func readRecords(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		recs = append(recs, m)
	}
	return recs
}

func TestFetchOPMLEndToEnd(t *testing.T) {
	pages := teaserPages(t, 2)
	courier, wire, post := newSite(t), newSite(t), newSite(t)
	courier.set("/rss.xml", "application/rss+xml; charset=utf-8", courierRSS(""))
	// An Atom feed of teasers: each entry's page is fetched and extracted.
	wire.set("/atom.xml", "application/atom+xml", []byte(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Service</title><link href="/"/>
<entry><id>wire-1</id><title>First wire story</title><link href="/p/1"/><updated>2024-03-02T09:00:00Z</updated><summary>A teaser of a dozen words, not the story itself.</summary></entry>
<entry><id>wire-2</id><title>Second wire story</title><link href="/p/2"/><updated>2024-03-02T08:00:00Z</updated><summary>Another short teaser.</summary></entry>
</feed>`))
	wire.set("/p/1", "text/html; charset=utf-8", pages[0])
	wire.set("/p/2", "text/html", pages[1])
	// A JSON Feed with plain-text content.
	r := tramReports[1]
	jf, _ := json.Marshal(map[string]any{
		"version": "https://jsonfeed.org/version/1.1", "title": r.outlet, "home_page_url": post.url("/"),
		"items": []map[string]any{{"id": "post-1", "url": "/news/tram", "title": r.title, "content_text": r.text, "date_published": "2024-03-02T11:30:00+01:00"}},
	})
	post.set("/feed.json", "application/feed+json", jf)

	dir := t.TempDir()
	opml := filepath.Join(dir, "feeds.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="City"><outline type="rss" text="Riverside Courier" xmlUrl="`+courier.url("/rss.xml")+`"/>
<outline type="rss" text="Valley Evening Post" xmlUrl="`+post.url("/feed.json")+`"/></outline>
<outline type="rss" text="Wire" xmlUrl="`+wire.url("/atom.xml")+`"/>
</body></opml>`), 0o644)
	out := filepath.Join(dir, "articles.jsonl")
	state := filepath.Join(dir, "state")
	fetchArgs := []string{"fetch", "--state", state, "-o", out, "--allow-private", opml}

	// First run: every entry is new.
	code, stdout, stderr := runMain(t, "", fetchArgs...)
	if code != exitOK {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("records went to standard output with -o: %q", stdout)
	}
	recs := readRecords(t, out)
	if len(recs) != 4 {
		t.Fatalf("first run wrote %d records, want 4:\n%v", len(recs), recs)
	}
	byTitle := make(map[string]map[string]any)
	for _, r := range recs {
		byTitle[r["title"].(string)] = r
		for _, k := range []string{"id", "url", "outlet", "title", "published", "text"} {
			if _, ok := r[k]; !ok {
				t.Errorf("record %v lacks %q", r["title"], k)
			}
		}
	}
	if c := byTitle[tramReports[0].title]; c == nil || c["outlet"] != "Riverside Courier" || c["url"] != courier.url("/city/tram-opens") ||
		!strings.HasPrefix(c["text"].(string), "The new tram line") || c["published"] != "2024-03-02T10:00:00Z" {
		t.Errorf("courier record = %v", c)
	}
	if p := byTitle[r.title]; p == nil || p["outlet"] != "Valley Evening Post" || !strings.Contains(p["text"].(string), "\n\nFlooding in the Mill Street") {
		t.Errorf("post record = %v", p)
	}
	for _, title := range []string{"First wire story", "Second wire story"} {
		w := byTitle[title]
		if w == nil || w["outlet"] != "Wire" || len(strings.Fields(w["text"].(string))) < 60 || strings.Contains(w["text"].(string), "teaser") {
			t.Errorf("teaser entry %q was not filled from its page: %v", title, w)
		}
	}
	if wire.hitsOf("/p/1") != 1 || wire.hitsOf("/p/2") != 1 || courier.hitsOf("/city/tram-opens") != 0 {
		t.Errorf("page fetches: wire %d %d, courier %d", wire.hitsOf("/p/1"), wire.hitsOf("/p/2"), courier.hitsOf("/city/tram-opens"))
	}

	// The records are what "parallax brief" reads.
	arts, problems := ingest.Read(context.Background(), []string{out}, ingest.Options{})
	if len(arts) != 4 || len(problems) != 0 {
		t.Fatalf("ingest.Read: %d articles, problems %v", len(arts), problems)
	}
	code, brief, stderr := runMain(t, "", "brief", "--format", "json", out)
	if code != exitOK || !strings.Contains(brief, "tram") {
		t.Fatalf("brief of the records: exit %d\n%s\n%.300s", code, stderr, brief)
	}

	// Second run: every server answers 304; nothing new is written.
	before, _ := os.ReadFile(out)
	code, _, stderr = runMain(t, "", fetchArgs...)
	if code != exitOK {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Errorf("second run wrote:\n%s", after[len(before):])
	}
	if wire.hitsOf("/p/1") != 1 {
		t.Error("second run fetched an entry page again")
	}

	// Third run: one new entry; exactly that one is written.
	courier.set("/rss.xml", "application/rss+xml", courierRSS(`<item><title>Tram fares set</title><link>/city/fares</link><guid>courier-2</guid>
<description>Single tickets on the new line will cost two euros after the free week ends, the council said, with day passes at five euros and monthly passes at forty.</description></item>`))
	code, _, stderr = runMain(t, "", fetchArgs...)
	if code != exitOK {
		t.Fatalf("third run: exit %d\n%s", code, stderr)
	}
	recs = readRecords(t, out)
	if len(recs) != 5 || recs[4]["title"] != "Tram fares set" || !strings.HasPrefix(recs[4]["text"].(string), "Single tickets") {
		t.Fatalf("third run: %d records, last %v", len(recs), recs[len(recs)-1])
	}
	// The short new entry's page was tried (it 404s) and the feed's own
	// text was written instead, with a warning.
	if !strings.Contains(stderr, "warning: "+courier.url("/city/fares")) || !strings.Contains(stderr, "404") {
		t.Errorf("third run stderr:\n%s", stderr)
	}
	ids := make(map[any]bool)
	for _, r := range recs {
		if ids[r["id"]] {
			t.Errorf("id %v written twice", r["id"])
		}
		ids[r["id"]] = true
	}
}

func TestFetchHostileFeeds(t *testing.T) {
	good, bad := newSite(t), newSite(t)
	good.set("/rss.xml", "application/rss+xml", courierRSS(""))
	bad.set("/malformed.xml", "application/rss+xml", []byte(`<rss version="2.0"><channel><title>Broken</title><item><title>cut off`))
	var flood bytes.Buffer
	flood.WriteString(`<rss version="2.0"><channel><title>Flood</title>`)
	for i := range 100_000 {
		fmt.Fprintf(&flood, "<item><guid>f%d</guid><description>Flood item %d.</description></item>", i, i)
	}
	flood.WriteString(`</channel></rss>`)
	bad.set("/flood.xml", "application/rss+xml", flood.Bytes())
	errSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer errSrv.Close()
	page := newSite(t)
	page.set("/about", "text/html", []byte(`<!doctype html><html><head><title>No feeds here</title></head><body><p>Hello.</p></body></html>`))

	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	state := filepath.Join(dir, "state")
	args := []string{"fetch", "--state", state, "-o", out, "--allow-private",
		bad.url("/malformed.xml"), good.url("/rss.xml"), errSrv.URL + "/feed", bad.url("/flood.xml"), page.url("/about")}
	start := time.Now()
	code, _, stderr := runMain(t, "", args...)
	t.Logf("first run, with a flood of %d bytes, took %v", flood.Len(), time.Since(start))
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	for _, want := range []string{
		"parallax: skipped " + bad.url("/malformed.xml") + ": invalid feed: XML syntax error",
		"parallax: skipped " + errSrv.URL + "/feed: HTTP status 500 Internal Server Error",
		"parallax: warning: " + bad.url("/flood.xml") + ": the feed holds 95000 entries over the limit of 5000",
		"parallax: skipped " + page.url("/about") + ": invalid input: a page that announces no feed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	recs := readRecords(t, out)
	if len(recs) != 1+5000 {
		t.Errorf("%d records, want the good feed's 1 and the flood's first 5000", len(recs))
	}

	// The next run leaves the failed feeds alone while they back off.
	code, _, stderr = runMain(t, "", args...)
	if code != exitPartial || !strings.Contains(stderr, errSrv.URL+"/feed: backing off after 1 failure until") {
		t.Errorf("second run: exit %d\n%s", code, stderr)
	}
	if n := bad.hitsOf("/malformed.xml"); n != 1 {
		t.Errorf("the malformed feed was fetched %d times, want once", n)
	}
}

func TestFetchCommandLine(t *testing.T) {
	code, out, _ := runMain(t, "", "fetch", "-h")
	if code != exitOK || !strings.Contains(out, "Usage: parallax fetch") || !strings.Contains(out, ".parallax-state") {
		t.Errorf("-h: exit %d\n%s", code, out)
	}
	if code, _, _ := runMain(t, "", "fetch"); code != exitUsage {
		t.Errorf("no input: exit %d", code)
	}
	// A corrupt state is an error, not silently replaced.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "feeds.json"), []byte("{not json"), 0o644)
	code, _, errs := runMain(t, "", "fetch", "--state", dir, "https://example.invalid/feed")
	if code != exitFailure || !strings.Contains(errs, "corrupt feed state") {
		t.Errorf("corrupt state: exit %d\n%s", code, errs)
	}
	// Without --allow-private the guard refuses a local server.
	s := newSite(t)
	s.set("/rss.xml", "application/rss+xml", courierRSS(""))
	code, _, errs = runMain(t, "", "fetch", "--state", t.TempDir(), s.url("/rss.xml"))
	if code != exitFailure || !strings.Contains(errs, "address not allowed") || s.hitsOf("/rss.xml") != 0 {
		t.Errorf("guard: exit %d\n%s", code, errs)
	}
	// A file that is not OPML.
	notOPML := filepath.Join(t.TempDir(), "list.txt")
	os.WriteFile(notOPML, []byte("https://example.org/feed\n"), 0o644)
	code, _, errs = runMain(t, "", "fetch", "--state", t.TempDir(), notOPML)
	if code != exitFailure || !strings.Contains(errs, "not an OPML document") {
		t.Errorf("not OPML: exit %d\n%s", code, errs)
	}
}
