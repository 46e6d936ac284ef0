package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// extractTestPage is a page written for these tests.
const extractTestPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pier to be rebuilt | Westmere Gazette</title>
<meta property="og:site_name" content="Westmere Gazette">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05T18:30:00+01:00","author":{"@type":"Person","name":"Ada Lovelace"}}</script>
</head><body><nav><a href="/">Home</a></nav><article>
<h1>Pier to be rebuilt</h1>
<p>The harbour council of Westmere voted on Tuesday evening to rebuild the old stone pier, which storms damaged last winter.</p>
<p>Engineers told the council that the work would take two summers and that fishing boats could use the northern quay meanwhile.</p>
<p>Several residents spoke against the plan, saying the money would be better spent on the town's flood defences.</p>
</article></body></html>`

func TestExtractFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pier.html")
	if err := os.WriteFile(path, []byte(extractTestPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMain(t, "", "extract", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	head, text, ok := strings.Cut(out, "\n\n")
	if !ok {
		t.Fatalf("no blank line after the metadata:\n%s", out)
	}
	lines := strings.Split(head, "\n")
	want := []string{"Pier to be rebuilt", "Outlet: Westmere Gazette", "Published: 2024-03-05T18:30:00+01:00",
		"Authors: Ada Lovelace", "Language: en", "Extractor: trafilatura"}
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("metadata lacks %q:\n%s", w, head)
		}
	}
	if !strings.HasPrefix(text, "The harbour council of Westmere voted") || strings.Count(text, "\n\n") != 2 {
		t.Errorf("text:\n%s", text)
	}

	code, out, errs = runMain(t, "", "extract", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("json is not one line:\n%s", out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "outlet", "title", "published", "text", "authors", "language", "extractor"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("record lacks %q: %s", k, out)
		}
	}
	if _, ok := rec["url"]; ok {
		t.Errorf("a file without a canonical URL got a url: %s", out)
	}

	// The record is one that "parallax brief" reads.
	jsonl := filepath.Join(t.TempDir(), "pier.jsonl")
	if err := os.WriteFile(jsonl, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runMain(t, "", "brief", "--format", "json", jsonl); code != exitOK {
		t.Errorf("brief of the record: exit %d: %s", code, errs)
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "paper.html")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"extract", pdf}, exitFailure, pdf + ": not an HTML page: the bytes are application/pdf"},
		{[]string{"extract", filepath.Join(dir, "missing.html")}, exitFailure, "no such file"},
		{[]string{"extract", dir}, exitFailure, "is a directory"},
		{[]string{"extract"}, exitUsage, "give one FILE.html or URL"},
		{[]string{"extract", "a.html", "b.html"}, exitUsage, "give one FILE.html or URL, not 2"},
		{[]string{"extract", "--format", "xml", "a.html"}, exitUsage, `unknown --format "xml"`},
		{[]string{"extract", "--extractor", "magic", "a.html"}, exitUsage, `unknown --extractor "magic"`},
	}
	for _, tt := range tests {
		code, _, errs := runMain(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
	code, out, _ := runMain(t, "", "extract", "-h")
	if code != exitOK || !strings.HasPrefix(out, "Usage: parallax extract") {
		t.Errorf("-h: exit %d, stdout %.60q", code, out)
	}
}

// TestExtractURL serves pages of the shared article-extraction benchmark
// from a local server and extracts them through the safe client.
func TestExtractURL(t *testing.T) {
	dir := sharedtest.Path(t, "data", "article-extraction")
	pages, err := readExtractionBenchmark(dir)
	if err != nil {
		t.Fatal(err)
	}
	pages = pages[:5]
	mux := http.NewServeMux()
	for _, p := range pages {
		mux.HandleFunc("/page/"+p.id, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(p.html)
		})
	}
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page/"+pages[0].id, http.StatusFound)
	})
	mux.HandleFunc("/report.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"))
	})
	mux.HandleFunc("/data", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok": true}`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, p := range pages {
		t.Run(p.id[:12], func(t *testing.T) {
			code, out, errs := runMain(t, "", "extract", "--allow-private", "--format", "json", srv.URL+"/page/"+p.id)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var rec struct{ ID, URL, Outlet, Title, Text, Extractor string }
			if err := json.Unmarshal([]byte(out), &rec); err != nil {
				t.Fatal(err)
			}
			if len(strings.Fields(rec.Text)) < 10 || rec.Title == "" || rec.Outlet == "" || len(rec.ID) != 16 {
				t.Errorf("record %.300s", out)
			}
			if !strings.HasPrefix(rec.URL, "http://") && !strings.HasPrefix(rec.URL, "https://") {
				t.Errorf("url %q", rec.URL)
			}
			if s := scoreExtraction(p.body, rec.Text); s.recall() < 0.5 {
				t.Errorf("the text holds %.2f of the true body", s.recall())
			}
		})
	}

	// A redirect is followed and the page named by where it ended.
	code, out, errs := runMain(t, "", "extract", "--allow-private", srv.URL+"/moved")
	if code != exitOK || !strings.Contains(out, "\n\n") {
		t.Errorf("redirect: exit %d: %s", code, errs)
	}

	for _, tt := range []struct{ path, want string }{
		{"/report.html", "/report.html: not an HTML page: the bytes are application/pdf"},
		{"/data", "/data: not an HTML page: content type application/json"},
		{"/missing", "404"},
	} {
		code, _, errs := runMain(t, "", "extract", "--allow-private", srv.URL+tt.path)
		if code != exitFailure || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", tt.path, code, errs, tt.want)
		}
	}

	// Without --allow-private the loopback server is refused.
	code, _, errs = runMain(t, "", "extract", srv.URL+"/page/"+pages[0].id)
	if code != exitFailure || !strings.Contains(errs, "not allowed") {
		t.Errorf("guard: exit %d, stderr %q", code, errs)
	}
}

// TestExtractStdin: "-" reads the page from standard input.
func TestExtractStdin(t *testing.T) {
	page := `<html><head><title>Harbour reopens</title></head><body><article>
<h1>Harbour reopens</h1>
<p>The harbour reopened to shipping on Monday after a week of repairs to the main quay, the port authority said.</p>
<p>Ferries resumed their timetable in the afternoon, and the first cargo ship was unloaded before dark.</p>
<p>The authority said the repairs cost less than expected and that no further closures were planned this year.</p>
</article></body></html>`
	code, out, errs := runMain(t, page, "extract", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"text":"The harbour reopened`) {
		t.Errorf("output:\n%s", out)
	}
}
