package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/store"
)

// TestPages checks what each page of the UI shows, on a real SQLite store.
func TestPages(t *testing.T) {
	st := openStore(t, "sqlite")
	ids, b := fillStory(t, st, storyID, storyArticles, true)
	lone := parallax.Article{ID: "lone", Outlet: "Hill Herald", Title: "Lantern festival draws crowds",
		Text: "Thousands walked along the river on Saturday night for the lantern festival, which returned after a year away."}
	fillStory(t, st, "story-lanterns", []parallax.Article{lone}, false)
	s, _ := newTestServer(t, st, nil)
	get := func(t *testing.T, target string, want int) string {
		t.Helper()
		rec := do(t, s, "GET", target, "", "")
		if rec.Code != want {
			t.Fatalf("GET %s: %d, want %d: %.300s", target, rec.Code, want, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("GET %s: Content-Type %q", target, ct)
		}
		return rec.Body.String()
	}
	contains := func(t *testing.T, page string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("page lacks %q", w)
			}
		}
	}

	t.Run("front", func(t *testing.T) {
		page := get(t, "/", 200)
		contains(t, page, `<a href="/stories/story-northgate">Barge strikes Northgate Bridge, closing it to traffic</a>`,
			`<a href="/?outlet=Metro%20Daily">Metro Daily</a>`, "3 independent reports", "4 articles", "4 outlets",
			"29 Nov 2026, 08:00–12:00 UTC", "Lantern festival draws crowds", "brief being built", "2 stories from 5 articles")
		if strings.Index(page, "Northgate") > strings.Index(page, "Lantern") {
			t.Error("the story with more independent reports is not listed first")
		}
		page = get(t, "/?outlet=Hill+Herald", 200)
		if strings.Contains(page, "Northgate") || !strings.Contains(page, "Lantern") {
			t.Error("the outlet filter does not filter")
		}
		page = get(t, "/?q=ferries", 200)
		if !strings.Contains(page, "Northgate") || strings.Contains(page, "Lantern festival draws") {
			t.Error("the word filter does not filter")
		}
		page = get(t, "/?limit=1", 200)
		m := regexp.MustCompile(`<a href="(/\?[^"]*cursor=[^"]*)" rel="next">`).FindStringSubmatch(page)
		if m == nil || strings.Contains(page, "Lantern") {
			t.Fatalf("first page of one: no next link, or two stories")
		}
		page = get(t, html.UnescapeString(m[1]), 200)
		if !strings.Contains(page, "Lantern") || strings.Contains(page, "Northgate Bridge, closing") || !strings.Contains(page, "First page") {
			t.Errorf("second page of one is wrong")
		}
		get(t, "/?limit=0", 400)
		contains(t, get(t, "/?outlet=Nobody", 200), "No story matches.")
	})

	t.Run("story", func(t *testing.T) {
		page := get(t, "/stories/"+storyID, 200)
		contains(t, page, "4 outlets, 3 independent reports", "One report: Coastal Wire, copied by Valley Times",
			`id="summary"`, `id="agreed"`, `id="exclusive"`, `id="conflicts"`, `id="quotes"`, `id="coverage"`, `id="timeline"`, `id="sources"`,
			`<svg class="chart matrix"`, `<svg class="chart coverage"`, `<svg class="chart timeline"`, "Elena Ruiz")
		if len(b.Summary) == 0 {
			t.Fatal("the test brief has no summary")
		}
		// Every statement is shown with a citation of every source,
		// each opening its cited words.
		for _, st := range append(append([]parallax.Statement{}, b.Summary...), b.Agreed...) {
			contains(t, page, html.EscapeString(st.Text))
			for i, src := range st.Sources {
				sp := st.Evidence[i]
				contains(t, page, fmt.Sprintf(`href="/articles/%s?hl=%d-%d#hl"`, url.PathEscape(src), sp.Start, sp.End))
			}
		}
		// The matrix: a row per statement, a column per outlet.
		rows := len(b.Summary) + len(b.Agreed)
		for _, list := range b.Exclusive {
			rows += len(list)
		}
		matrix := page[strings.Index(page, `<svg class="chart matrix"`):]
		matrix = matrix[:strings.Index(matrix, "</svg>")]
		if got := strings.Count(matrix, `<text class="row"`); got != rows {
			t.Errorf("matrix has %d rows, want %d", got, rows)
		}
		if got := strings.Count(matrix, `<text class="col"`); got != 4 {
			t.Errorf("matrix has %d columns, want 4", got)
		}
		// A shaded cell for each outlet that reports a statement (each
		// outlet has one article here), and two in the legend.
		shaded := 0
		var all []parallax.Statement
		all = append(append(all, b.Summary...), b.Agreed...)
		for _, id := range ids {
			all = append(all, b.Exclusive[id]...)
		}
		for _, st := range all {
			outlets := map[string]bool{}
			for _, src := range st.Sources {
				outlets[src] = true
			}
			shaded += len(outlets)
		}
		if got := strings.Count(matrix, `<rect class="c"`); got != shaded+2 {
			t.Errorf("matrix has %d shaded cells, want %d and 2 in the legend", got, shaded)
		}
		// The timeline: each dated happening, with its date and its
		// citations, and a mark on the axis.
		if len(b.Timeline) == 0 {
			t.Fatal("the test brief has no timeline")
		}
		for i, e := range b.Timeline {
			contains(t, page, fmt.Sprintf(`<span class="code">T%d</span>`, i+1), html.EscapeString(e.Text))
			for j, src := range e.Sources {
				contains(t, page, fmt.Sprintf(`href="/articles/%s?hl=%d-%d#hl"`, url.PathEscape(src), e.Evidence[j].Start, e.Evidence[j].End))
			}
		}
		contains(t, page, `<strong class="when">3 Mar 2019</strong>`, `>T1</text>`, `<rect class="reported"`)
		// The articles in time order.
		for i, id := range ids {
			contains(t, page, fmt.Sprintf(`<a href="/articles/%s">%s: %s</a>`, url.PathEscape(id), storyArticles[i].Outlet, storyArticles[i].Title))
		}
		page = get(t, "/stories/story-lanterns", 200)
		contains(t, page, "being built", "Lantern festival draws crowds", `href="/articles/lone"`)
		get(t, "/stories/no-such-story", 404)
	})

	t.Run("story cache", func(t *testing.T) {
		first := do(t, s, "GET", "/stories/"+storyID, "", "")
		etag := first.Header().Get("ETag")
		if etag == "" {
			t.Fatal("no ETag")
		}
		again := do(t, s, "GET", "/stories/"+storyID, "", "")
		if again.Body.String() != first.Body.String() || again.Header().Get("ETag") != etag {
			t.Error("the page changed with nothing stored")
		}
		req := httptest.NewRequest("GET", "/stories/"+storyID, nil)
		req.Header.Set("If-None-Match", etag)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 304 || rec.Body.Len() != 0 {
			t.Errorf("If-None-Match: %d, %d bytes", rec.Code, rec.Body.Len())
		}
		// A newer brief is shown at once.
		nb := *b
		nb.Title = "A newer brief"
		nb.Summary = append([]parallax.Statement{}, b.Summary[:1]...)
		raw, _ := json.Marshal(&nb)
		if err := st.PutBrief(context.Background(), storyID, time.Now().Add(time.Hour), raw); err != nil {
			t.Fatal(err)
		}
		after := do(t, s, "GET", "/stories/"+storyID, "", "")
		if after.Header().Get("ETag") == etag || strings.Count(after.Body.String(), `<p class="statement">`) != 1 {
			t.Errorf("the new brief is not shown: %d summary sentences", strings.Count(after.Body.String(), `<p class="statement">`))
		}
		// Put the first brief back for the tests that follow.
		raw, _ = json.Marshal(b)
		if err := st.PutBrief(context.Background(), storyID, time.Now().Add(2*time.Hour), raw); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("highlight", func(t *testing.T) {
		// Every citation of the brief opens exactly its words.
		texts := map[string]string{}
		for i, id := range ids {
			texts[id] = storyArticles[i].Text
		}
		n := 0
		for _, st := range append(append([]parallax.Statement{}, b.Summary...), b.Agreed...) {
			for i, src := range st.Sources {
				sp := st.Evidence[i]
				page := get(t, fmt.Sprintf("/articles/%s?hl=%d-%d", url.PathEscape(src), sp.Start, sp.End), 200)
				want := `<mark id="hl" tabindex="-1">` + html.EscapeString(texts[src][sp.Start:sp.End]) + `</mark>`
				if !strings.Contains(page, want) {
					t.Errorf("%s %d-%d: no %q", src, sp.Start, sp.End, want)
				}
				// Nothing else of the text is marked, and the text is whole.
				if strings.Count(page, "<mark") != 1 || !strings.Contains(stripTags(page), html.EscapeString(texts[src])) {
					t.Errorf("%s %d-%d: the text is not whole around one mark", src, sp.Start, sp.End)
				}
				n++
			}
		}
		if n == 0 {
			t.Fatal("no citation checked")
		}
		utf := store.Article{Article: parallax.Article{ID: "cafe", Outlet: "Café Post", Title: "Café", Text: "The café on Rue Noël opened again."}}
		if _, err := st.PutArticles(context.Background(), []store.Article{utf}); err != nil {
			t.Fatal(err)
		}
		contains(t, get(t, "/articles/cafe?hl=4-9", 200), `<mark id="hl" tabindex="-1">café</mark>`)
		for _, c := range []struct{ hl, says string }{
			{"abc", "expected START-END"},
			{"-1-4", "expected START-END"},
			{"5-3", "the passage is empty"},
			{"4-4", "the passage is empty"},
			{"0-9999", "ends past the text, which has 36 bytes"},
			{"4-8", "cuts a character in two"},
			{"8-12", "cuts a character in two"},
			{"1-99999999999999999999", "expected START-END"},
		} {
			page := get(t, "/articles/cafe?hl="+url.QueryEscape(c.hl), 400)
			contains(t, page, html.EscapeString(c.says), "The café on Rue Noël opened again.")
			if strings.Contains(page, "<mark") {
				t.Errorf("hl=%s: a mark is shown", c.hl)
			}
		}
		contains(t, get(t, "/articles/"+url.PathEscape(ids[0]), 200), `<a href="/stories/story-northgate">Back to the story</a>`,
			`<a href="https://gazette.example/northgate-barge" rel="noopener noreferrer nofollow">`)
		get(t, "/articles/nope", 404)
	})

	t.Run("search", func(t *testing.T) {
		page := get(t, "/search?q=ferries", 200)
		contains(t, page, `<a href="/articles/`+url.PathEscape(ids[2])+`">Bridge closure snarls morning traffic</a>`, `<a href="/stories/story-northgate">Its story</a>`, "Metro Daily")
		contains(t, get(t, "/search", 200), "Search the articles")
		contains(t, get(t, "/search?q=volcano", 200), "No article matches")
		page = get(t, "/search?q=barge&limit=2", 200)
		if strings.Count(page, `<li class="hit">`) != 2 || !strings.Contains(page, `href="/search?limit=2&amp;offset=2&amp;q=barge" rel="next"`) {
			t.Errorf("search pages: %d hits", strings.Count(page, `<li class="hit">`))
		}
		get(t, "/search?q=barge&offset=-2", 400)
	})

	t.Run("feeds", func(t *testing.T) {
		contains(t, get(t, "/feeds", 200), "No feeds yet.")
		if err := st.AddFeed(context.Background(), store.Feed{URL: "https://news.example/rss", Title: "Example News", Category: "World"}); err != nil {
			t.Fatal(err)
		}
		contains(t, get(t, "/feeds", 200), "Example News", `<a href="https://news.example/rss" rel="noopener noreferrer nofollow">`, "World", "1 feed followed")
	})

	t.Run("assets and unknown pages", func(t *testing.T) {
		rec := do(t, s, "GET", "/static/style.css?v="+s.ui.version, "", "")
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("style.css: %d %v", rec.Code, rec.Header())
		}
		if rec := do(t, s, "GET", "/static/app.js", "", ""); rec.Code != 200 || rec.Header().Get("Cache-Control") != "no-cache" {
			t.Errorf("app.js: %d %v", rec.Code, rec.Header())
		}
		for _, p := range []string{"/static/nope.css", "/static/..%2fui.go", "/nope", "/stories/"} {
			if rec := do(t, s, "GET", p, "", ""); rec.Code != 404 {
				t.Errorf("GET %s: %d", p, rec.Code)
			}
		}
		if rec := do(t, s, "POST", "/", testToken, ""); rec.Code != 405 || !strings.Contains(rec.Body.String(), "<!doctype html>") {
			t.Errorf("POST /: %d", rec.Code)
		}
	})
}

var tags = regexp.MustCompile(`<[^>]*>`)

// stripTags drops the markup of a page, keeping its (escaped) text.
func stripTags(page string) string { return tags.ReplaceAllString(page, "") }
