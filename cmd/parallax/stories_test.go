package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// pile writes a JSONL file holding the seeds and the articles of two DUC
// 2004 events, and returns its path.
func pile(t *testing.T) string {
	t.Helper()
	seeds := sharedtest.Seeds(t)
	events, err := dataset.Read(sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	arts := append(append(seeds, events[0].Articles()...), events[1].Articles()...)
	var b strings.Builder
	for _, a := range arts {
		line, _ := json.Marshal(a)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "pile.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStoriesCommand(t *testing.T) {
	path := pile(t)
	code, out, errs := runMain(t, "", "stories", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	var stories []parallax.Story
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	n, seedStories := 0, 0
	for _, s := range stories {
		n += len(s.Articles)
		if s.ID == "" || s.Headline == "" || s.Reports < 1 || len(s.Outlets) == 0 {
			t.Errorf("story lacks a field: %+v", s)
		}
		seeds := 0
		for _, a := range s.Articles {
			if !strings.HasPrefix(a.ID, "d3") {
				seeds++
			}
		}
		if seeds > 0 {
			seedStories++
			if seeds != 3 || len(s.Articles) != 3 {
				t.Errorf("the seeds' story holds %d seeds and %d articles, want 3 and 3", seeds, len(s.Articles))
			}
		}
	}
	if n != 23 || seedStories != 1 || len(stories) < 3 {
		t.Fatalf("%d stories of %d articles, the seeds in %d", len(stories), n, seedStories)
	}
	code, md, errs := runMain(t, "", "stories", path)
	if code != exitOK || !strings.Contains(md, "from 23 articles") || !strings.Contains(md, "independent reports") {
		t.Errorf("markdown: exit %d, stderr %s\n%s", code, errs, md)
	}
}

func TestBriefStories(t *testing.T) {
	path := pile(t)
	// Plain brief: says the pile is several stories and briefs the largest,
	// here one of the two DUC events whole.
	code, out, errs := runMain(t, "", "brief", "--format", "json", path)
	if code != exitOK || !strings.Contains(errs, "stories; this is the brief of the largest") || !strings.Contains(errs, "--stories") {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	events := map[string]int{}
	for _, s := range b.Sources {
		if s.SetAside == "" {
			events[strings.SplitN(s.ID, "-", 2)[0]]++
		}
	}
	if len(events) != 1 {
		t.Errorf("plain brief of the pile mixes %v", events)
	}
	for e, n := range events {
		if !strings.HasPrefix(e, "d3") || n < 8 {
			t.Errorf("plain brief holds %d articles of %s, want one DUC event whole", n, e)
		}
	}

	// --stories: every story, largest first.
	code, out, errs = runMain(t, "", "brief", "--stories", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	var briefs []struct {
		Story parallax.Story  `json:"story"`
		Brief *parallax.Brief `json:"brief"`
	}
	if err := json.Unmarshal([]byte(out), &briefs); err != nil {
		t.Fatal(err)
	}
	if len(briefs) < 3 || len(briefs[0].Brief.Sources) < len(briefs[1].Brief.Sources) || len(briefs[1].Brief.Summary) == 0 {
		t.Fatalf("--stories gave %d briefs", len(briefs))
	}
	code, _, _ = runMain(t, "", "brief", "--stories", "--min-sources", "4", "--format", "json", path)
	if code != exitOK {
		t.Errorf("--min-sources 4: exit %d", code)
	}

	// HTML: one page per story and an index, in a directory.
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runMain(t, "", "brief", "--stories", "--format", "html", "-o", dir, path); code != exitOK {
		t.Fatalf("html: exit %d: %s", code, errs)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sb := range briefs {
		if !strings.Contains(string(index), sb.Story.ID+".html") {
			t.Errorf("index does not link %s", sb.Story.ID)
		}
		if _, err := os.Stat(filepath.Join(dir, sb.Story.ID+".html")); err != nil {
			t.Error(err)
		}
	}
	if code, _, _ := runMain(t, "", "brief", "--stories", "--format", "html", path); code != exitUsage {
		t.Errorf("html without -o: exit %d, want %d", code, exitUsage)
	}
}
