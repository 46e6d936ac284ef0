package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/store"
)

// TestAPI runs the API suite on SQLite and on PostgreSQL.
func TestAPI(t *testing.T) {
	for _, kind := range storeKinds {
		t.Run(kind, func(t *testing.T) {
			st := openStore(t, kind)
			ids, _ := fillStory(t, st, storyID, storyArticles, true)
			s, in := newTestServer(t, st, nil)
			testReads(t, s, ids)
			testIngest(t, s, st)
			testFeeds(t, s, in)
			testURL(t, s, in)
		})
	}
}

func testReads(t *testing.T, s *server, ids []string) {
	t.Run("stories", func(t *testing.T) {
		rec := do(t, s, "GET", "/api/stories", "", "")
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		page := decode[store.StoryPage](t, rec)
		if len(page.Stories) != 1 || page.Stories[0].ID != storyID || page.Stories[0].Articles != 4 {
			t.Fatalf("stories = %+v", page.Stories)
		}
		for _, q := range []string{"outlet=Metro+Daily", "q=barge", "since=2020-01-01", "limit=1"} {
			page := decode[store.StoryPage](t, do(t, s, "GET", "/api/stories?"+q, "", ""))
			if len(page.Stories) != 1 {
				t.Errorf("%s: %d stories, want 1", q, len(page.Stories))
			}
		}
		for _, q := range []string{"outlet=Nobody", "q=volcano", "until=2020-01-01"} {
			page := decode[store.StoryPage](t, do(t, s, "GET", "/api/stories?"+q, "", ""))
			if len(page.Stories) != 0 {
				t.Errorf("%s: %d stories, want none", q, len(page.Stories))
			}
		}
	})
	t.Run("pagination", func(t *testing.T) {
		st := s.store
		for i := range 3 {
			a := storyArticles[i]
			a.ID = fmt.Sprintf("single-%d", i)
			a.URL = ""
			a.Text = fmt.Sprintf("A separate report number %d about a festival of lanterns on the river, with music and food stalls.", i)
			fillStory(t, st, fmt.Sprintf("story-single-%d", i), []parallax.Article{a}, false)
		}
		seen := map[string]bool{}
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not end")
			}
			target := "/api/stories?limit=2"
			if cursor != "" {
				target += "&cursor=" + url.QueryEscape(cursor)
			}
			page := decode[store.StoryPage](t, do(t, s, "GET", target, "", ""))
			for _, st := range page.Stories {
				if seen[st.ID] {
					t.Fatalf("story %s listed twice", st.ID)
				}
				seen[st.ID] = true
			}
			if page.Next == "" {
				break
			}
			cursor = page.Next
		}
		if len(seen) != 4 {
			t.Errorf("%d stories seen over the pages, want 4", len(seen))
		}
	})
	t.Run("story", func(t *testing.T) {
		rec := do(t, s, "GET", "/api/stories/"+storyID, "", "")
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		a := decode[struct {
			Story store.Story     `json:"story"`
			Brief json.RawMessage `json:"brief"`
			Stale bool            `json:"stale"`
		}](t, rec)
		if a.Story.ID != storyID || !strings.Contains(string(a.Brief), `"summary"`) || a.Stale {
			t.Errorf("story answer = %s", rec.Body)
		}
		rec = do(t, s, "GET", "/api/stories/story-single-0", "", "")
		if !strings.Contains(rec.Body.String(), `"brief":null`) {
			t.Errorf("a story without a brief: %s", rec.Body)
		}
	})
	t.Run("story articles", func(t *testing.T) {
		a := decode[articlesAnswer](t, do(t, s, "GET", "/api/stories/"+storyID+"/articles", "", ""))
		if len(a.Articles) != 4 || a.Articles[0].ID != ids[0] || a.Articles[0].Text == "" {
			t.Errorf("articles = %+v", a.Articles)
		}
	})
	t.Run("article", func(t *testing.T) {
		a := decode[store.Article](t, do(t, s, "GET", "/api/articles/"+url.PathEscape(ids[2]), "", ""))
		if a.Outlet != "Metro Daily" || a.StoryID != storyID || a.Text != storyArticles[2].Text {
			t.Errorf("article = %+v", a)
		}
	})
	t.Run("search", func(t *testing.T) {
		a := decode[searchAnswer](t, do(t, s, "GET", "/api/search?q=ferries", "", ""))
		if len(a.Hits) != 1 || a.Hits[0].ID != ids[2] || a.Hits[0].StoryID != storyID || a.Hits[0].Snippet == "" {
			t.Errorf("hits = %+v", a.Hits)
		}
		a = decode[searchAnswer](t, do(t, s, "GET", "/api/search?q=barge&limit=2", "", ""))
		if len(a.Hits) != 2 {
			t.Errorf("limit=2: %d hits", len(a.Hits))
		}
	})
	t.Run("errors", func(t *testing.T) {
		for _, c := range []struct {
			target string
			status int
			says   string
		}{
			{"/api/stories/nope", 404, `story \"nope\" not found`},
			{"/api/stories/nope/articles", 404, "not found"},
			{"/api/articles/nope", 404, `article \"nope\" not found`},
			{"/api/stories?limit=0", 400, "limit: 0 is out of range"},
			{"/api/stories?limit=x", 400, `limit: \"x\" is not a whole number`},
			{"/api/stories?since=yesterday", 400, "since: "},
			{"/api/stories?since=2026-02-01&until=2026-01-01", 400, "must be before until"},
			{"/api/stories?cursor=%25%25garbage", 400, "cursor"},
			{"/api/stories?q=" + strings.Repeat("x", 600), 400, "q: 600 bytes, over the limit of 500"},
			{"/api/stories?outlet=%ff", 400, "outlet: not valid UTF-8"},
			{"/api/search", 400, "q: a search query is required"},
			{"/api/search?q=a&offset=-1", 400, "offset: -1 is out of range"},
			{"/api/search?q=a&limit=1000", 400, "limit: 1000 is out of range"},
			{"/api/nothing", 404, "no such page"},
			{"/api/articles/" + strings.Repeat("a", 400), 400, "over the limit"},
		} {
			rec := do(t, s, "GET", c.target, "", "")
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.says) {
				t.Errorf("GET %.60s: %d %s, want %d saying %q", c.target, rec.Code, rec.Body, c.status, c.says)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %.60s: Content-Type %q", c.target, ct)
			}
		}
		rec := do(t, s, "PUT", "/api/feeds", testToken, "{}")
		if rec.Code != 405 || rec.Header().Get("Allow") != "GET, POST, DELETE" || !strings.Contains(rec.Body.String(), "method not allowed") {
			t.Errorf("PUT /api/feeds: %d Allow=%q %s", rec.Code, rec.Header().Get("Allow"), rec.Body)
		}
		rec = do(t, s, "DELETE", "/api/stories", testToken, "")
		if rec.Code != 405 || rec.Header().Get("Allow") != "GET" {
			t.Errorf("DELETE /api/stories: %d Allow=%q", rec.Code, rec.Header().Get("Allow"))
		}
	})
}

func testIngest(t *testing.T, s *server, st store.Store) {
	rec0 := func(text string) string {
		b, _ := json.Marshal(map[string]any{"url": "https://ingest.example/a", "outlet": "Ingest Test", "title": "A title", "published": "2026-11-30T10:00:00Z", "text": text})
		return string(b)
	}
	good := "The council voted on Tuesday to build a new library beside the old market hall.\n\nWork starts in spring."
	t.Run("object", func(t *testing.T) {
		rec := do(t, s, "POST", "/api/articles", testToken, rec0(good))
		if rec.Code != 201 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		a := decode[ingestAnswer](t, rec)
		if len(a.Articles) != 1 || !a.Articles[0].Created || len(a.Problems) != 0 {
			t.Fatalf("answer %+v", a)
		}
		got, err := st.Article(context.Background(), a.Articles[0].ID)
		if err != nil || got.Text != good || got.Outlet != "Ingest Test" || !got.Published.Equal(time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)) {
			t.Errorf("stored %+v, %v", got, err)
		}
		// The same again is acknowledged, not stored twice.
		rec = do(t, s, "POST", "/api/articles", testToken, rec0(good))
		a2 := decode[ingestAnswer](t, rec)
		if rec.Code != 200 || a2.Articles[0].Created || a2.Articles[0].ID != a.Articles[0].ID {
			t.Errorf("duplicate: %d %s", rec.Code, rec.Body)
		}
	})
	t.Run("array and JSONL with bad records", func(t *testing.T) {
		texts := []string{
			"First of a batch: the river ferry will run every twenty minutes from Monday.",
			"Second of a batch: the ferry operator hired ten new crew members for the winter.",
		}
		bad := []string{
			`{"title":"no text"}`,
			`{"text":""}`,
			`{"text":"ok","url":"javascript:alert(1)"}`,
			`{"text":"ok","published":"last week"}`,
			`{"text":"ok","title":"two\nlines"}`,
			`not json`,
		}
		for _, form := range []string{"array", "jsonl"} {
			var recs []string
			for i, tx := range texts {
				b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", form, i), "outlet": "Batch", "text": form + " " + tx})
				recs = append(recs, string(b))
			}
			recs = append(recs, bad...)
			body := strings.Join(recs, "\n")
			if form == "array" {
				body = "[" + strings.Join(recs[:len(recs)-1], ",") + "]"
			}
			rec := do(t, s, "POST", "/api/articles", testToken, body)
			if rec.Code != 201 {
				t.Fatalf("%s: status %d: %s", form, rec.Code, rec.Body)
			}
			a := decode[ingestAnswer](t, rec)
			wantProblems := len(bad)
			if form == "array" {
				wantProblems--
			}
			if len(a.Articles) != 2 || len(a.Problems) != wantProblems {
				t.Fatalf("%s: answer %s", form, rec.Body)
			}
			if a.Articles[0].Ref != form+"-0" {
				t.Errorf("%s: ref %q", form, a.Articles[0].Ref)
			}
			for _, want := range []string{`no \"text\"`, "text: empty", "not an http or https address", "published:", "line break", "not a JSON article record"} {
				if form == "array" && want == "not a JSON article record" {
					continue
				}
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("%s: no problem saying %q in %s", form, want, rec.Body)
				}
			}
		}
	})
	t.Run("refused", func(t *testing.T) {
		big := `{"text":"` + strings.Repeat("word ", (maxArticlesBody/5)+10) + `"}`
		for _, c := range []struct {
			name, token, body string
			status            int
			says              string
		}{
			{"no token", "", rec0(good), 401, "Authorization: Bearer"},
			{"wrong token", "nope", rec0(good), 401, "not the server's PARALLAX_TOKEN"},
			{"empty body", testToken, "", 400, "no article records"},
			{"not records", testToken, "hello", 400, "not article records"},
			{"bad array", testToken, "[1,", 400, "not a JSON array"},
			{"all bad", testToken, `{"text":"\u0000"}`, 400, "NUL byte"},
			{"too large", testToken, big, 413, "over the limit of 10485760 bytes"},
		} {
			rec := do(t, s, "POST", "/api/articles", c.token, c.body)
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.says) {
				t.Errorf("%s: %d %.200s, want %d saying %q", c.name, rec.Code, rec.Body, c.status, c.says)
			}
		}
		rec := do(t, s, "POST", "/api/articles", "", rec0(good))
		if rec.Header().Get("WWW-Authenticate") == "" {
			t.Error("401 without WWW-Authenticate")
		}
	})
}

func testFeeds(t *testing.T, s *server, in *testIngester) {
	t.Run("feeds", func(t *testing.T) {
		rec := do(t, s, "POST", "/api/feeds", testToken, `{"url":"https://news.example/rss","title":"Example","category":"World"}`)
		if rec.Code != 201 {
			t.Fatalf("add: %d %s", rec.Code, rec.Body)
		}
		if len(in.feeds) != 1 || in.feeds[0] != "https://news.example/rss" {
			t.Errorf("the pipeline was told of %v", in.feeds)
		}
		for _, c := range []struct{ body, says string }{
			{`{"url":"javascript:alert(1)"}`, "not an http or https address"},
			{`{"url":"ftp://x.example/feed"}`, "not an http or https address"},
			{`{"url":"https://"}`, "has no host"},
			{`{"url":""}`, "an address is required"},
			{`{"url":"https://a.example/","colour":"red"}`, `unknown field \"colour\"`},
			{`{"url":"https://a.example/"} {}`, "more than one JSON value"},
			{`[]`, "not the JSON object expected"},
		} {
			rec := do(t, s, "POST", "/api/feeds", testToken, c.body)
			if rec.Code != 400 || !strings.Contains(rec.Body.String(), c.says) {
				t.Errorf("POST %s: %d %s, want 400 saying %q", c.body, rec.Code, rec.Body, c.says)
			}
		}
		opml := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Tech"><outline text="Gadgets" xmlUrl="https://gadgets.example/feed"/></outline>
<outline text="Bad" xmlUrl="javascript:alert(1)"/>
<outline text="Local" xmlUrl="http://local.example/atom"/>
</body></opml>`
		rec = do(t, s, "POST", "/api/feeds.opml", testToken, opml)
		a := decode[opmlAnswer](t, rec)
		if rec.Code != 200 || a.Added != 2 || len(a.Problems) != 1 || a.Problems[0].Input != "javascript:alert(1)" {
			t.Errorf("import: %d %s", rec.Code, rec.Body)
		}
		if rec := do(t, s, "POST", "/api/feeds.opml", testToken, "<html>no</html>"); rec.Code != 400 {
			t.Errorf("import of a non-OPML body: %d %s", rec.Code, rec.Body)
		}
		list := decode[feedsAnswer](t, do(t, s, "GET", "/api/feeds", "", ""))
		if len(list.Feeds) != 3 {
			t.Fatalf("feeds = %+v", list.Feeds)
		}
		rec = do(t, s, "GET", "/api/feeds.opml", "", "")
		subs, err := feed.ReadOPML(strings.NewReader(rec.Body.String()))
		if err != nil || len(subs) != 3 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/x-opml") {
			t.Fatalf("export: %v %+v\n%s", err, subs, rec.Body)
		}
		cats := map[string]string{}
		for _, sub := range subs {
			cats[sub.FeedURL] = sub.Category
		}
		if cats["https://gadgets.example/feed"] != "Tech" || cats["https://news.example/rss"] != "World" {
			t.Errorf("export lost categories: %v", cats)
		}
		rec = do(t, s, "DELETE", "/api/feeds?url="+url.QueryEscape("https://news.example/rss"), testToken, "")
		if rec.Code != 204 {
			t.Errorf("delete: %d %s", rec.Code, rec.Body)
		}
		if rec := do(t, s, "DELETE", "/api/feeds", testToken, ""); rec.Code != 400 {
			t.Errorf("delete without url: %d", rec.Code)
		}
		list = decode[feedsAnswer](t, do(t, s, "GET", "/api/feeds", "", ""))
		if len(list.Feeds) != 2 {
			t.Errorf("after delete: %+v", list.Feeds)
		}
	})
}

func testURL(t *testing.T, s *server, in *testIngester) {
	t.Run("ingest-url", func(t *testing.T) {
		rec := do(t, s, "POST", "/api/ingest-url", testToken, `{"url":"https://news.example/a/story"}`)
		if rec.Code != 202 || len(in.urls) != 1 {
			t.Errorf("%d %s, queued %v", rec.Code, rec.Body, in.urls)
		}
		for _, u := range []string{"javascript:alert(1)", "data:text/html,x", "vbscript:x", "https://user:pw@news.example/"} {
			b, _ := json.Marshal(urlRequest{URL: u})
			if rec := do(t, s, "POST", "/api/ingest-url", testToken, string(b)); rec.Code != 400 {
				t.Errorf("%s: %d %s", u, rec.Code, rec.Body)
			}
		}
	})
}

// TestAuth checks who may read and write.
func TestAuth(t *testing.T) {
	st := openStore(t, "sqlite")
	body := `{"url":"https://news.example/rss"}`
	for _, c := range []struct {
		name          string
		token, read   string
		method, path  string
		send          string
		status        int
		says          string
		withoutIngest bool
	}{
		{name: "writes disabled", method: "POST", path: "/api/feeds", send: testToken, status: 403, says: "set PARALLAX_TOKEN"},
		{name: "write with token", token: testToken, method: "POST", path: "/api/feeds", send: testToken, status: 201},
		{name: "write, lower-case scheme", token: testToken, method: "POST", path: "/api/feeds", send: "bearer-lower", status: 201},
		{name: "write, read token", token: testToken, read: "reader", method: "POST", path: "/api/feeds", send: "reader", status: 401},
		{name: "read open", method: "GET", path: "/api/feeds", status: 200},
		{name: "read closed", read: "reader", method: "GET", path: "/api/feeds", status: 401, says: "needs a bearer token"},
		{name: "read closed, page", read: "reader", method: "GET", path: "/", status: 401},
		{name: "read with read token", read: "reader", method: "GET", path: "/api/feeds", send: "reader", status: 200},
		{name: "read with write token", token: testToken, read: "reader", method: "GET", path: "/api/feeds", send: testToken, status: 200},
		{name: "read with wrong token", read: "reader", method: "GET", path: "/api/feeds", send: "nope", status: 401},
		{name: "probe open", read: "reader", method: "GET", path: "/healthz", status: 200},
		{name: "metrics closed", read: "reader", method: "GET", path: "/metrics", status: 401},
		{name: "no ingester", token: testToken, method: "POST", path: "/api/ingest-url", send: testToken, status: 503, says: "without an ingest pipeline", withoutIngest: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _ := newTestServer(t, st, func(cfg *Config) {
				cfg.Token, cfg.ReadToken = c.token, c.read
				if c.withoutIngest {
					cfg.Ingest = nil
				}
			})
			req := strings.NewReader(body)
			r, _ := http.NewRequest(c.method, c.path, req)
			switch {
			case c.send == "bearer-lower":
				r.Header.Set("Authorization", "bearer "+testToken)
			case c.send != "":
				r.Header.Set("Authorization", "Bearer "+c.send)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, r)
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.says) {
				t.Errorf("%d %.200s, want %d saying %q", rec.Code, rec.Body, c.status, c.says)
			}
		})
	}
}

// TestOperations checks the health, readiness and metrics endpoints, the
// security headers and the request chain.
func TestOperations(t *testing.T) {
	st := openStore(t, "sqlite")
	fillStory(t, st, storyID, storyArticles, true)
	s, _ := newTestServer(t, st, nil)

	rec := do(t, s, "GET", "/healthz", "", "")
	if rec.Code != 200 {
		t.Errorf("healthz: %d", rec.Code)
	}
	rec = do(t, s, "GET", "/readyz", "", "")
	if rec.Code != 200 {
		t.Errorf("readyz: %d %s", rec.Code, rec.Body)
	}
	for _, p := range []string{"/", "/stories/" + storyID, "/api/stories"} {
		do(t, s, "GET", p, "", "")
	}
	rec = do(t, s, "GET", "/metrics", "", "")
	for _, want := range []string{
		"parallax_articles 4\n", "parallax_stories 1\n", "parallax_feeds 0\n", "parallax_unclustered 0\n",
		`parallax_http_requests_total{route="ui_story",code="2xx"} 1`,
		`parallax_http_requests_total{route="readyz",code="2xx"} 1`,
		`parallax_http_request_seconds_count{route="api_stories"} 1`,
		"# TYPE parallax_http_request_seconds histogram",
	} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	for _, p := range []string{"/", "/api/stories", "/nope", "/static/style.css"} {
		h := do(t, s, "GET", p, "", "").Header()
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", p, h)
		}
	}

	// A database that is down: not ready, and a read answers 503 or 500
	// without stopping the server.
	down := &brokenStore{Store: st, err: errors.New("connection refused")}
	s2, _ := newTestServer(t, down, nil)
	rec = do(t, s2, "GET", "/readyz", "", "")
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "database is not reachable") {
		t.Errorf("readyz with the database down: %d %s", rec.Code, rec.Body)
	}
	if rec := do(t, s2, "GET", "/metrics", "", ""); rec.Code != 200 || strings.Contains(rec.Body.String(), "\nparallax_articles ") {
		t.Errorf("metrics with the database down: %d, gauges still written:\n%s", rec.Code, rec.Body)
	}
}

// TestRequestChain checks that a panic and a slow store are answered and
// logged, and the server goes on.
func TestRequestChain(t *testing.T) {
	st := openStore(t, "sqlite")
	fillStory(t, st, storyID, storyArticles, true)
	var logs strings.Builder
	s, _ := newTestServer(t, &brokenStore{Store: st, panicOn: "panic-story", slowOn: "slow-story"}, func(c *Config) {
		c.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		c.Timeout = 50 * time.Millisecond
	})
	rec := do(t, s, "GET", "/api/stories/panic-story", "", "")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "internal error") {
		t.Errorf("panic: %d %s", rec.Code, rec.Body)
	}
	rec = do(t, s, "GET", "/stories/panic-story", "", "")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "<!doctype html>") {
		t.Errorf("panic on a page: %d %.100s", rec.Code, rec.Body)
	}
	rec = do(t, s, "GET", "/api/stories/slow-story", "", "")
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "took longer than 50ms") {
		t.Errorf("slow store: %d %s", rec.Code, rec.Body)
	}
	if rec := do(t, s, "GET", "/api/stories/"+storyID, "", ""); rec.Code != 200 {
		t.Errorf("after the failures: %d", rec.Code)
	}
	for _, want := range []string{`msg=panic`, `panic="boom on panic-story"`, "stack=", `msg=request method=GET path=/api/stories/story-northgate route=api_story status=200`, "bytes=", "duration="} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

// brokenStore is a store that fails in the ways TestOperations and
// TestRequestChain need; the rest goes to the real store.
type brokenStore struct {
	store.Store
	err     error  // every Ping, Counts and Story fails with it
	panicOn string // Story(panicOn) panics
	slowOn  string // Story(slowOn) waits for the context to end
}

func (b *brokenStore) Ping(ctx context.Context) error {
	if b.err != nil {
		return b.err
	}
	return b.Store.Ping(ctx)
}

func (b *brokenStore) Counts(ctx context.Context) (store.Counts, error) {
	if b.err != nil {
		return store.Counts{}, b.err
	}
	return b.Store.Counts(ctx)
}

func (b *brokenStore) Story(ctx context.Context, id string) (store.Story, error) {
	switch {
	case b.err != nil:
		return store.Story{}, b.err
	case id == b.panicOn:
		panic("boom on " + id)
	case id == b.slowOn:
		<-ctx.Done()
		return store.Story{}, fmt.Errorf("story %s: %w", id, ctx.Err())
	}
	return b.Store.Story(ctx, id)
}
