package brief

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// multiNews reads the Multi-News validation stories, or skips the test.
func multiNews(t testing.TB) []dataset.Story {
	t.Helper()
	path := sharedtest.Path(t, "data", "multinews-val.jsonl.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s is absent: %v", path, err)
	}
	stories, err := dataset.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return stories
}

// TestMultiNewsProperties briefs every Multi-News validation story twice:
// every evidence span must lie inside its source and hold the cited
// sentence, nothing may panic, and both runs must give the same bytes.
// With -short it takes every tenth story.
func TestMultiNewsProperties(t *testing.T) {
	stories := multiNews(t)
	step := 1
	if testing.Short() {
		step = 10
	}
	ctx := context.Background()
	for i := 0; i < len(stories); i += step {
		s := stories[i]
		arts := s.Articles()
		if len(arts) == 0 {
			continue
		}
		b1, err := Build(ctx, arts, Options{})
		if err != nil {
			t.Fatalf("story %s: %v", s.ID, err)
		}
		checkEvidence(t, b1, arts)
		b2, err := Build(ctx, arts, Options{})
		if err != nil {
			t.Fatalf("story %s: %v", s.ID, err)
		}
		j1, _ := json.Marshal(b1)
		j2, _ := json.Marshal(b2)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("story %s: two runs differ", s.ID)
		}
		if len(b1.Summary) == 0 {
			// Only a story whose articles are all page chrome (sign-up
			// prompts, web archive notices) may have nothing to say.
			for _, d := range Analyze(ctx, arts).Docs {
				if len(d.Sentences) > 0 {
					t.Errorf("story %s: empty summary from articles with sentences", s.ID)
					break
				}
			}
		}
	}
}

// pooled returns n real articles taken in order from Multi-News stories.
func pooled(t testing.TB, n int) []parallax.Article {
	t.Helper()
	var arts []parallax.Article
	for _, s := range multiNews(t) {
		for _, a := range s.Articles() {
			if len(arts) == n {
				return arts
			}
			arts = append(arts, a)
		}
	}
	return arts
}

// ducCluster returns the first DUC 2004 cluster: ten full-length wire
// articles on one event.
func ducCluster(t testing.TB) []parallax.Article {
	t.Helper()
	stories, err := dataset.Read(sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return stories[0].Articles()
}

func TestStorySizes(t *testing.T) {
	ctx := context.Background()
	if _, err := Build(ctx, nil, Options{}); !errors.Is(err, ErrNoArticles) {
		t.Errorf("no articles: err = %v, want ErrNoArticles", err)
	}
	arts := seeds(t)
	one, err := Build(ctx, arts[:1], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Sources) != 1 || len(one.Summary) == 0 {
		t.Fatalf("one-source brief: %d sources, %d summary sentences", len(one.Sources), len(one.Summary))
	}
	for _, st := range one.Summary {
		if len(st.Sources) != 1 {
			t.Errorf("one-source brief cites %v", st.Sources)
		}
	}
	checkEvidence(t, one, arts[:1])
	if testing.Short() {
		return
	}
	big := pooled(t, 500)
	b, err := Build(ctx, big, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sources) != 500 || len(b.Summary) == 0 {
		t.Fatalf("500-article brief: %d sources, %d summary sentences", len(b.Sources), len(b.Summary))
	}
	checkEvidence(t, b, big)
}

func TestInvalidArticles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		arts []parallax.Article
	}{
		{"empty text", []parallax.Article{{ID: "a", Text: " \n"}}},
		{"no id", []parallax.Article{{Text: "Some text."}}},
		{"same id", []parallax.Article{{ID: "a", Text: "One."}, {ID: "a", Text: "Two."}}},
		{"bad utf-8", []parallax.Article{{ID: "a", Text: "bad \xff byte"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(ctx, tt.arts, Options{})
			var ie *InvalidArticleError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an InvalidArticleError", err)
			}
		})
	}
}

func BenchmarkBrief(b *testing.B) {
	ctx := context.Background()
	cases := []struct {
		name string
		arts func() []parallax.Article
	}{
		{"seeds", func() []parallax.Article { return seeds(b) }},
		{"duc-cluster", func() []parallax.Article { return ducCluster(b) }},
		{"30-articles", func() []parallax.Article { return pooled(b, 30) }},
		{"300-articles", func() []parallax.Article { return pooled(b, 300) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			arts := c.arts()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(ctx, arts, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
