package main

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// seedPage wraps a seed article in the HTML of an outlet's article page:
// navigation, a headline, the paragraphs, a footer.
func seedPage(site, title, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>
<meta property="og:site_name" content="%s"><meta property="article:published_time" content="2017-03-31T14:05:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<main><article><h1>%s</h1>`, html.EscapeString(title), site, site, html.EscapeString(title))
	for _, p := range strings.Split(body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString(`</article></main><footer><p>Copyright the publisher. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

// TestBriefURLs: the brief of three outlets' pages given as URLs is the
// brief of their articles, each source carrying its URL and outlet; pages
// that cannot be read are reported one by one while the rest go on.
func TestBriefURLs(t *testing.T) {
	seeds := sharedtest.Seeds(t)
	sites := []string{"Alpha News", "Beta Wire", "Gamma Daily"}
	mux := http.NewServeMux()
	for i, a := range seeds {
		page := seedPage(sites[i], "Flynn immunity request", a.Text)
		mux.HandleFunc(fmt.Sprintf("/story/%d", i), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		})
	}
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0})
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zeros := make([]byte, 1<<20)
		for i := 0; i < 200; i++ {
			if _, err := zw.Write(zeros); err != nil {
				return
			}
		}
		zw.Close()
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	good := []string{srv.URL + "/story/0", srv.URL + "/story/1", srv.URL + "/story/2"}
	bad := map[string]string{
		srv.URL + "/missing": "404",
		srv.URL + "/binary":  "not",
		srv.URL + "/bomb":    "too large",
		srv.URL + "/loop":    "redirect",
	}
	args := []string{"brief", "--allow-private", "--format", "json"}
	args = append(args, good[0], srv.URL+"/missing", good[1], srv.URL+"/binary", srv.URL+"/bomb", good[2], srv.URL+"/loop")
	code, out, errs := runMain(t, "", args...)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, errs)
	}
	for u, why := range bad {
		if !strings.Contains(errs, "skipped "+u+": ") || !strings.Contains(strings.ToLower(lineWith(errs, u)), why) {
			t.Errorf("stderr does not report %s (%s):\n%s", u, why, errs)
		}
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(b.Sources) != 3 {
		t.Fatalf("%d sources, want 3", len(b.Sources))
	}
	for i, s := range b.Sources {
		if s.URL != good[i] || s.Outlet != sites[i] {
			t.Errorf("source %d = %q %q, want %q %q", i, s.URL, s.Outlet, good[i], sites[i])
		}
	}
	if len(b.Summary) == 0 || !strings.Contains(out, "immunity") {
		t.Errorf("the brief says nothing of the story:\n%.600s", out)
	}

	// Without --allow-private the guard refuses the local server, naming it.
	code, _, errs = runMain(t, "", "brief", good[0])
	if code != exitFailure || !strings.Contains(errs, "not a public address") {
		t.Errorf("guard on: exit %d, stderr:\n%s", code, errs)
	}
}

// TestBriefSavedPages: saved .html files are read as articles, mixed with
// text files, and a directory's .html files are read too.
func TestBriefSavedPages(t *testing.T) {
	seeds := sharedtest.Seeds(t)
	dir := t.TempDir()
	for i, a := range seeds[:2] {
		p := filepath.Join(dir, fmt.Sprintf("page%d.html", i))
		if err := os.WriteFile(p, []byte(seedPage(fmt.Sprintf("Site %d", i), "Flynn", a.Text)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	txt := filepath.Join(t.TempDir(), "third.txt")
	if err := os.WriteFile(txt, []byte(seeds[2].Text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMain(t, "", "brief", "--format", "json", dir, txt)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range b.Sources {
		got = append(got, s.ID+"/"+s.Outlet)
	}
	if want := "page0/Site 0 page1/Site 1 third/third"; strings.Join(got, " ") != want {
		t.Errorf("sources %v, want %s", got, want)
	}
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
