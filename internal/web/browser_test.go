package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/parallax-news/parallax/internal/testenv"
)

// TestBrowser drives the UI in headless Chromium over a real SQLite store:
// the front page lists the story, the story page shows the summary and the
// matrix, a citation opens the article with exactly the cited words
// highlighted and in view, search finds the article, and a phone-wide
// screen needs no sideways scrolling. It fails on any script error or
// Content-Security-Policy report.
func TestBrowser(t *testing.T) {
	chrome := testenv.Chromium(t)
	st := openStore(t, "sqlite")
	ids, b := fillStory(t, st, storyID, storyArticles, true)
	s, _ := newTestServer(t, st, nil)
	srv := httptest.NewServer(s)
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1000, 700),
	)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	var mu sync.Mutex
	var problems []string
	err := chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "script exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				problems = append(problems, "console error")
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				problems = append(problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("start the browser: %v", err)
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(what string, a chromedp.Action[string]) string {
		t.Helper()
		v, err := chromedp.Run(bctx, a)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}

	// The front page lists the story.
	do("front page", chromedp.Navigate(srv.URL+"/"))
	if h := text("headline", chromedp.Text(chromedp.CSS(`li.story h2 a`))); h != storyArticles[0].Title {
		t.Errorf("front page headline %q, want %q", h, storyArticles[0].Title)
	}

	// The story page shows the summary and the matrix.
	do("story page", chromedp.Click(chromedp.CSS(`li.story h2 a`)), chromedp.WaitVisible(chromedp.CSS(`#summary`)))
	said, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#summary .statement .said')].map(e => e.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.matrix text.row').length`))
	if err != nil {
		t.Fatal(err)
	}
	cells, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.matrix rect.c').length`))
	if err != nil {
		t.Fatal(err)
	}
	if len(said) != len(b.Summary) {
		t.Fatalf("story page shows %d summary sentences, want %d", len(said), len(b.Summary))
	}
	for i, st := range b.Summary {
		if said[i] != oneLine(st.Text) {
			t.Errorf("summary sentence %d is %q, want %q", i+1, said[i], st.Text)
		}
	}
	if rows < len(b.Summary) || cells == 0 {
		t.Errorf("matrix: %d rows, %d shaded cells", rows, cells)
	}

	// A citation opens the article with the cited words highlighted.
	sel := chromedp.CSS(`#summary .statement a.cite[href*="hl="]`)
	attr, err := chromedp.Run(bctx, chromedp.AttributeValue(sel, "href"))
	if err != nil || !attr.Exists {
		t.Fatalf("no citation link with a highlight in the summary: %v", err)
	}
	href := attr.Value
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := url.PathUnescape(strings.TrimPrefix(u.Path, "/articles/"))
	start, end := spanOf(t, u.Query().Get("hl"))
	var body string
	for i, x := range ids {
		if x == id {
			body = storyArticles[i].Text
		}
	}
	if body == "" || end > len(body) {
		t.Fatalf("citation %s names no test article", href)
	}
	if want := b.Summary[0].Evidence[0]; want.Source != id || want.Start != start || want.End != end {
		t.Errorf("first citation opens %s %d-%d, want the first evidence %+v", id, start, end, want)
	}
	do("click the citation", chromedp.Click(sel), chromedp.WaitVisible(chromedp.CSS(`mark#hl`)))
	marked := text("mark", chromedp.TextContent(chromedp.CSS(`mark#hl`)))
	loc := text("location", chromedp.Location())
	// app.js focuses the mark once it has scrolled it into view.
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === 'hl'`, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("the mark never gets the focus: %v", err)
	}
	inView, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(() => { const r = document.getElementById('hl').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if marked != body[start:end] {
		t.Errorf("highlighted %q, want exactly the cited words %q", marked, body[start:end])
	}
	if marked != b.Summary[0].Text {
		t.Errorf("highlighted %q, but the summary says %q", marked, b.Summary[0].Text)
	}
	if !strings.Contains(loc, "/articles/") || !strings.HasSuffix(loc, "#hl") {
		t.Errorf("the citation went to %s", loc)
	}
	if !inView {
		t.Error("the highlighted words are not in view")
	}

	// Search finds the article.
	do("search",
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetValue(chromedp.CSS(`header .searchbox input[name=q]`), "ferries"),
		chromedp.Submit(chromedp.CSS(`header .searchbox input[name=q]`)),
		chromedp.WaitVisible(chromedp.CSS(`li.hit`)),
	)
	if hit := text("hit", chromedp.Text(chromedp.CSS(`li.hit h2 a`))); hit != storyArticles[2].Title {
		t.Errorf("search found %q, want %q", hit, storyArticles[2].Title)
	}

	// At phone width, no page scrolls sideways (wide charts scroll in
	// their own box).
	do("phone width", chromedp.EmulateViewport(375, 740))
	for _, p := range []string{"/", "/stories/" + storyID, "/articles/" + url.PathEscape(ids[0]), "/search?q=barge", "/feeds"} {
		do("phone "+p, chromedp.Navigate(srv.URL+p), chromedp.WaitReady(chromedp.CSS(`footer.site`)))
		wide, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if wide {
			t.Errorf("%s scrolls sideways at 375 px", p)
		}
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser: %s", p)
	}
}

// spanOf reads START-END.
func spanOf(t *testing.T, hl string) (int, int) {
	t.Helper()
	a, b, _ := strings.Cut(hl, "-")
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("hl=%q", hl)
	}
	return start, end
}
