package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
)

// feedSite serves documents a test may change, counting requests, with
// ETags and 304 answers to conditional requests.
type feedSite struct {
	mu       sync.Mutex
	docs     map[string]string
	types    map[string]string
	handlers map[string]http.HandlerFunc
	hits     map[string]int
	srv      *httptest.Server
}

func newFeedSite(t *testing.T) *feedSite {
	s := &feedSite{docs: map[string]string{}, types: map[string]string{}, handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		body, ok := s.docs[r.URL.Path]
		typ, h := s.types[r.URL.Path], s.handlers[r.URL.Path]
		s.mu.Unlock()
		if h != nil {
			h(w, r)
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, len(body)*31+int(body[len(body)/2]))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", typ)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *feedSite) set(path, typ, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path], s.types[path] = body, typ
}

func (s *feedSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

func (s *feedSite) url(path string) string { return s.srv.URL + path }

func (s *feedSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// clock is a test clock that moves only when told.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// sink collects written records.
type sink struct{ arts []parallax.Article }

func (s *sink) write(a []parallax.Article) error { s.arts = append(s.arts, a...); return nil }

func testClient() *fetch.Client {
	return fetch.New(fetch.Options{AllowPrivate: true, HostDelay: -1, HeaderTimeout: 300 * time.Millisecond, Timeout: time.Second})
}

const longText = "The ferry company said on Monday that it would add a night crossing from April, " +
	"after a year in which the number of passengers rose by a fifth. The new boat will leave the north pier at eleven and return at one. " +
	"Fares will stay as they are. Unions welcomed the plan but asked for more crew on the late shift, saying staff were already stretched. " +
	"The company answered that it would hire twenty people before the summer. Harbour residents have complained about noise from the engines at night, " +
	"and the port authority said it would measure the noise for three months before deciding on limits. A public meeting is set for the twelfth of March " +
	"in the town hall. The ferry has run since 1962 and carried about four hundred thousand people last year, most of them commuters."

func rssDoc(title string, items ...string) string {
	return `<rss version="2.0"><channel><title>` + title + `</title>` + strings.Join(items, "") + `</channel></rss>`
}

func rssItem(guid, link, desc string) string {
	return `<item><guid>` + guid + `</guid><title>Item ` + guid + `</title><link>` + link + `</link><description>` + desc + `</description></item>`
}

func problemFor(ps []Problem, input string) error {
	for _, p := range ps {
		if p.Input == input {
			return p.Err
		}
	}
	return nil
}

// TestPollFeedsHostile runs good and hostile feeds in one poll: each bad
// one fails alone, is backed off, and the backoff is respected later.
func TestPollFeedsHostile(t *testing.T) {
	s := newFeedSite(t)
	s.set("/good.xml", "application/rss+xml", rssDoc("Good", rssItem("g1", "", longText)))
	s.set("/malformed.xml", "application/rss+xml", `<rss version="2.0"><channel><title>Bad</title><item><title>x</title>`)
	s.handle("/500.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	s.handle("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	s.handle("/busy.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	clk := &clock{time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	state := feed.NewState()
	var out sink
	opts := FeedOptions{Client: testClient(), State: state, Write: out.write, Now: clk.now}
	inputs := []string{s.url("/malformed.xml"), s.url("/500.xml"), s.url("/good.xml"), s.url("/slow.xml"), s.url("/busy.xml")}

	start := time.Now()
	rep, err := PollFeeds(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first poll took %v", time.Since(start))
	if len(out.arts) != 1 || out.arts[0].Text != longText || rep.Written != 1 || rep.Polled != 1 {
		t.Fatalf("written %+v, report %+v", out.arts, rep)
	}
	for path, want := range map[string]string{
		"/malformed.xml": "invalid feed: XML syntax error on line 1: unexpected EOF",
		"/500.xml":       "HTTP status 500 Internal Server Error",
		"/slow.xml":      "timed out",
		"/busy.xml":      "HTTP status 503",
	} {
		err := problemFor(rep.Problems, s.url(path))
		if err == nil || !strings.Contains(err.Error(), want) || strings.HasPrefix(err.Error(), "http") {
			t.Errorf("%s: problem %v, want one saying %q without repeating the URL", path, err, want)
		}
		fs := state.Feeds[s.url(path)]
		if fs == nil || fs.Failures != 1 || !strings.Contains(fs.LastError, want) {
			t.Errorf("%s: state %+v", path, fs)
			continue
		}
		wantNext := clk.t.Add(5 * time.Minute)
		if path == "/busy.xml" {
			wantNext = clk.t.Add(2 * time.Hour) // Retry-After outweighs the backoff
		}
		if !fs.NextAttempt.Equal(wantNext) {
			t.Errorf("%s: next attempt %v, want %v", path, fs.NextAttempt, wantNext)
		}
	}

	// A minute later the failed feeds are still backing off: not fetched.
	clk.t = clk.t.Add(time.Minute)
	rep, err = PollFeeds(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.hitsOf("/malformed.xml") != 1 || s.hitsOf("/500.xml") != 1 || s.hitsOf("/slow.xml") != 1 {
		t.Errorf("backoff not respected: hits %v", s.hits)
	}
	if err := problemFor(rep.Problems, s.url("/500.xml")); !errors.Is(err, ErrBackingOff) || !strings.Contains(err.Error(), "until 2024-03-05T12:05:00Z") {
		t.Errorf("backing-off problem: %v", err)
	}
	if rep.NotModified != 1 || len(out.arts) != 1 {
		t.Errorf("good feed: report %+v, %d records", rep, len(out.arts))
	}

	// Past the backoff they are tried again; a second failure doubles it.
	// The malformed feed is fixed meanwhile, and recovers.
	s.set("/malformed.xml", "application/rss+xml", rssDoc("Fixed", rssItem("m1", "", longText)))
	clk.t = clk.t.Add(5 * time.Minute)
	rep, err = PollFeeds(context.Background(), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if fs := state.Feeds[s.url("/500.xml")]; fs.Failures != 2 || !fs.NextAttempt.Equal(clk.t.Add(10*time.Minute)) {
		t.Errorf("second failure: %+v", fs)
	}
	if fs := state.Feeds[s.url("/malformed.xml")]; fs.Failures != 0 || fs.LastError != "" || len(out.arts) != 2 {
		t.Errorf("recovered feed: %+v, %d records", fs, len(out.arts))
	}
	if s.hitsOf("/busy.xml") != 1 {
		t.Error("Retry-After not respected")
	}
}

// TestPollFeedsTeasers: a teaser's page is extracted; when the page fails
// the feed's own text is written with a warning; an entry with no text
// whose page fails waits for the next poll.
func TestPollFeedsTeasers(t *testing.T) {
	s := newFeedSite(t)
	page := `<!doctype html><html><head><title>Night ferry</title><meta property="og:site_name" content="Harbour News"></head><body><article><h1>Night ferry</h1>` +
		"<p>" + strings.ReplaceAll(longText, ". ", ".</p><p>") + "</p></article></body></html>"
	s.set("/story/1", "text/html; charset=utf-8", page)
	s.set("/feed.xml", "application/rss+xml", rssDoc("Harbour News",
		rssItem("t1", "/story/1", "Ferry to run at night."),
		rssItem("t2", "/story/missing", "A teaser whose page is gone."),
		rssItem("t3", "/story/later", ""),
	))
	clk := &clock{time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	state := feed.NewState()
	var out sink
	opts := FeedOptions{Client: testClient(), State: state, Write: out.write, Now: clk.now}
	rep, err := PollFeeds(context.Background(), []string{s.url("/feed.xml")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.arts) != 2 {
		t.Fatalf("%d records: %+v", len(out.arts), out.arts)
	}
	if a := out.arts[0]; !strings.Contains(a.Text, "night crossing from April") || a.Outlet != "Harbour News" || a.URL != s.url("/story/1") {
		t.Errorf("extracted record %+v", a)
	}
	if a := out.arts[1]; a.Text != "A teaser whose page is gone." {
		t.Errorf("fallback record %+v", a)
	}
	if w := problemFor(rep.Warnings, s.url("/story/missing")); w == nil || !strings.Contains(w.Error(), "404") || !strings.Contains(w.Error(), "feed's own text") {
		t.Errorf("fallback warning %v", w)
	}
	if p := problemFor(rep.Problems, s.url("/story/later")); p == nil || !strings.Contains(p.Error(), "next poll") {
		t.Errorf("pending problem %v", p)
	}
	fs := state.Feeds[s.url("/feed.xml")]
	if !fs.HasSeen("t1") || !fs.HasSeen("t2") || fs.HasSeen("t3") || fs.ETag != "" || rep.Pending != 1 {
		t.Errorf("state %+v, report %+v", fs, rep)
	}
	// The page appears: the next poll fetches the feed whole (no validator
	// was kept while an entry waited) and writes only the waiting entry.
	s.set("/story/later", "text/html", page)
	rep, err = PollFeeds(context.Background(), []string{s.url("/feed.xml")}, opts)
	if err != nil || len(out.arts) != 3 || out.arts[2].ID == out.arts[0].ID || rep.Pending != 0 || len(rep.Problems) != 0 {
		t.Fatalf("second poll: %v, %d records, %+v", err, len(out.arts), rep)
	}
	if s.hitsOf("/story/1") != 1 {
		t.Error("an entry written before was fetched again")
	}
}

// TestPollFeedsDiscovery: a page URL is polled through the feed it
// announces, and the next poll goes to the feed directly.
func TestPollFeedsDiscovery(t *testing.T) {
	s := newFeedSite(t)
	s.set("/", "text/html", `<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Home</body></html>`)
	s.set("/rss", "application/rss+xml", rssDoc("Home Feed", rssItem("h1", "", longText)))
	state := feed.NewState()
	var out sink
	opts := FeedOptions{Client: testClient(), State: state, Write: out.write}
	for range 2 {
		rep, err := PollFeeds(context.Background(), []string{s.url("/")}, opts)
		if err != nil || len(rep.Problems) != 0 {
			t.Fatal(err, rep.Problems)
		}
	}
	if len(out.arts) != 1 || out.arts[0].Outlet != "Home Feed" || state.Pages[s.url("/")] != s.url("/rss") {
		t.Errorf("records %+v, pages %v", out.arts, state.Pages)
	}
	if s.hitsOf("/") != 1 || s.hitsOf("/rss") != 2 {
		t.Errorf("hits %v", s.hits)
	}
}

// TestPollFeedsWriteFails: records that could not be written are not
// marked seen, and the next poll writes them.
func TestPollFeedsWriteFails(t *testing.T) {
	s := newFeedSite(t)
	s.set("/rss", "application/rss+xml", rssDoc("F", rssItem("w1", "", longText), rssItem("w2", "", longText+" Again.")))
	state := feed.NewState()
	saved := 0
	opts := FeedOptions{Client: testClient(), State: state, Save: func(*feed.State) error { saved++; return nil },
		Write: func([]parallax.Article) error { return errors.New("disk full") }}
	if _, err := PollFeeds(context.Background(), []string{s.url("/rss")}, opts); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v", err)
	}
	if fs := state.Feeds[s.url("/rss")]; fs != nil && (fs.HasSeen("w1") || fs.ETag != "") {
		t.Fatalf("entries marked seen though not written: %+v", fs)
	}
	var out sink
	opts.Write = out.write
	if _, err := PollFeeds(context.Background(), []string{s.url("/rss")}, opts); err != nil || len(out.arts) != 2 {
		t.Fatalf("retry: %v, %d records", err, len(out.arts))
	}
	if out.arts[0].ID == out.arts[1].ID || out.arts[0].ID != "" && len(out.arts[0].ID) != 16 {
		t.Errorf("ids %q %q", out.arts[0].ID, out.arts[1].ID)
	}
	if saved < 2 {
		t.Errorf("state saved %d times", saved)
	}
}
