package entity

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/text"
)

// seeds returns the seed articles' texts and analyses, or skips the test.
func seeds(tb testing.TB) ([]string, []*text.Document) {
	tb.Helper()
	files := sharedtest.SeedFiles(tb)
	st := text.NewStemmer()
	var srcs []string
	var docs []*text.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		srcs = append(srcs, string(b))
		docs = append(docs, text.Analyze(string(b), st))
	}
	return srcs, docs
}

func TestSeedsPeople(t *testing.T) {
	srcs, docs := seeds(t)
	all := make([][]Mention, len(docs))
	for i, d := range docs {
		all[i] = Find(d)
		for _, m := range all[i] {
			if m.Start < 0 || m.End > len(srcs[i]) || m.Start >= m.End {
				t.Fatalf("doc %d: mention %q has span [%d, %d) outside the text", i, m.Name, m.Start, m.End)
			}
			if got := strings.ReplaceAll(srcs[i][m.Start:m.End], "\u2019", "'"); got != m.Name {
				t.Errorf("doc %d: span text %q, name %q", i, got, m.Name)
			}
		}
	}
	tab := Resolve(all)
	got := map[string][]string{}
	for _, p := range tab.People() {
		got[p.Name] = p.Forms
		t.Logf("%s (%s): %d mentions in %d documents; forms %q; titles %q",
			p.Name, p.Gender, p.Mentions, p.Docs, p.Forms, p.Titles)
	}
	want := map[string][]string{
		"Michael Flynn":   {"Michael Flynn", "Flynn", "Mike Flynn"},
		"Donald Trump":    {"Trump", "Donald Trump"},
		"Sean Spicer":     {"Sean Spicer", "Spicer"},
		"Robert Kelner":   {"Robert Kelner", "Kelner"},
		"Angus King":      {"Angus King"},
		"Adam Schiff":     {"Adam Schiff", "Schiff"},
		"Sergei Kislyak":  {"Sergei Kislyak"},
		"Mick Pence":      {"Mick Pence", "Pence"},
		"Hillary Clinton": {"Hillary Clinton"},
		"Devin Nunes":     {"Devin Nunes"},
		"Jack Langer":     {"Jack Langer"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
}

// BenchmarkFindResolve measures Find on 300 articles (the seeds one hundred
// times over) and Resolve over all of them.
func BenchmarkFindResolve(b *testing.B) {
	_, docs := seeds(b)
	var story []*text.Document
	for len(story) < 300 {
		story = append(story, docs...)
	}
	story = story[:300]
	all := make([][]Mention, len(story))
	for b.Loop() {
		for i, d := range story {
			all[i] = Find(d)
		}
		Resolve(all)
	}
}
