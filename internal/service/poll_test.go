package service

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

// words returns a text of n words about a topic.
func words(topic string, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 && i%12 == 0 {
			b.WriteString(". ")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s%d", topic, i%37)
	}
	return b.String() + "."
}

// TestPollAndFetch follows a feed served locally: an entry carrying its
// text is stored from the feed, a teaser's page is fetched and extracted
// by a fetch_page job, a second poll asks conditionally and stores
// nothing again, and a feed that fails is backed off.
func TestPollAndFetch(t *testing.T) {
	var feedHits, pageHits, badHits atomic.Int32
	mux := http.NewServeMux()
	var srvURL string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title><link>%[1]s/</link>
<item><guid>full-1</guid><title>Harbour bridge reopens</title><link>%[1]s/full-1</link><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate><description>%[2]s</description></item>
<item><guid>teaser-1</guid><title>Council votes on budget</title><link>%[1]s/page-1</link><pubDate>Mon, 30 Nov 2026 11:00:00 GMT</pubDate><description>A short teaser.</description></item>
</channel></rss>`, srvURL, words("bridge", 200))
	})
	mux.HandleFunc("/page-1", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var paras strings.Builder
		for i := range 6 {
			fmt.Fprintf(&paras, "<p>%s</p>\n", words(fmt.Sprintf("budget%c", 'a'+i), 40))
		}
		fmt.Fprintf(w, `<!doctype html><html><head><title>Council votes on budget</title></head><body><article><h1>Council votes on budget</h1>%s</article></body></html>`, paras.String())
	})
	mux.HandleFunc("/bad.xml", func(w http.ResponseWriter, r *http.Request) {
		badHits.Add(1)
		http.Error(w, "down", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL

	st := openSQLite(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	client := fetch.New(fetch.Options{AllowPrivate: true, HostDelay: -1})
	s, err := New(ctx, st, Options{Logger: quiet(), Client: client, Tick: time.Second, BriefDelay: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	feeds := []store.Feed{{URL: srv.URL + "/feed.xml"}, {URL: srv.URL + "/bad.xml", Title: "Bad"}}
	if err := s.Start(ctx, feeds); err != nil {
		t.Fatal(err)
	}
	defer s.Stop(context.Background())

	waitFor(t, ctx, func() (bool, string) {
		c, err := st.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c.Articles == 2 && c.Unclustered == 0, fmt.Sprintf("counts %+v", c)
	})
	page, err := st.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	titles := make(map[string]bool)
	for _, story := range page.Stories {
		arts, err := st.StoryArticles(ctx, story.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			titles[a.Title] = true
			if a.Outlet != "Local News" || a.Feed != srv.URL+"/feed.xml" {
				t.Errorf("article %q: outlet %q, feed %q", a.Title, a.Outlet, a.Feed)
			}
			if a.Title == "Council votes on budget" && !strings.Contains(a.Text, "budgeta0") {
				t.Errorf("the teaser's article holds the feed's text, not its page's: %.80q", a.Text)
			}
		}
	}
	if !titles["Harbour bridge reopens"] || !titles["Council votes on budget"] {
		t.Errorf("stored titles %v", titles)
	}
	if pageHits.Load() != 1 {
		t.Errorf("the teaser's page was fetched %d times", pageHits.Load())
	}

	// A second poll, forced due, is conditional and stores nothing.
	stored, err := st.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range stored {
		ps, err := readPollState(f)
		if err != nil {
			t.Fatal(err)
		}
		switch f.URL {
		case srv.URL + "/feed.xml":
			if ps.ETag != `"v1"` || len(ps.Seen) != 2 || ps.Failures != 0 {
				t.Errorf("feed state after a poll: %+v", ps.FeedState)
			}
		case srv.URL + "/bad.xml":
			if ps.Failures != 1 || !ps.NextAttempt.After(time.Now().Add(4*time.Minute)) {
				t.Errorf("failing feed's state: %+v", ps.FeedState)
			}
		}
	}
	before := feedHits.Load()
	if err := s.pollFeed(ctx, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	if feedHits.Load() != before {
		t.Errorf("a feed not due was polled")
	}
	if err := st.SaveFeedState(ctx, srv.URL+"/feed.xml", []byte(`{"etag":"\"v1\"","seen":{"full-1":1,"teaser-1":1}}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.pollFeed(ctx, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	if feedHits.Load() != before+1 {
		t.Errorf("a due feed was not polled")
	}
	if c, _ := st.Counts(ctx); c.Articles != 2 {
		t.Errorf("%d articles after a poll answered 304", c.Articles)
	}
	if badHits.Load() != 1 {
		t.Errorf("the failing feed was polled %d times, not once and then backed off", badHits.Load())
	}
}
