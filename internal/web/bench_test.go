package web

import (
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/store"
)

// benchWords make up the filler articles' sentences.
var benchWords = strings.Fields(`council harbor bridge river storm ferry mayor police court budget school
hospital station market minister election vote tunnel engineers workers union strike company shares
report inquiry museum festival road rail airport flight weather flood fire rescue village city county
spokesman officials residents drivers commuters prices energy water contract tender plan repairs`)

// fillerArticles makes n distinct articles of invented sentences, from
// outlets outlet-0 .. outlet-19, published an hour apart.
func fillerArticles(n, seed int) []parallax.Article {
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	out := make([]parallax.Article, n)
	for i := range out {
		var b strings.Builder
		for p := range 5 {
			if p > 0 {
				b.WriteString("\n\n")
			}
			for range 3 {
				w := 8 + r.IntN(12)
				for k := range w {
					word := benchWords[r.IntN(len(benchWords))]
					if k == 0 {
						word = strings.ToUpper(word[:1]) + word[1:]
					} else {
						b.WriteByte(' ')
					}
					b.WriteString(word)
				}
				fmt.Fprintf(&b, " %d. ", r.IntN(1000))
			}
		}
		fmt.Fprintf(&b, "\n\nReport %d-%d.", seed, i)
		out[i] = parallax.Article{
			ID: fmt.Sprintf("f%d-%d", seed, i), Outlet: fmt.Sprintf("outlet-%d", i%20),
			Title:     fmt.Sprintf("Filler report %d", i),
			URL:       fmt.Sprintf("https://outlet-%d.example/news/%d-%d", i%20, seed, i),
			Published: start.Add(time.Duration(i) * time.Hour),
			Text:      b.String(),
		}
	}
	return out
}

// benchStore is a SQLite store with the test story, a 40-article story
// with its brief, and n filler articles in stories of ten.
func benchStore(b *testing.B, n int) (store.Store, []string) {
	b.Helper()
	st := openStore(b, "sqlite")
	ids, _ := fillStory(b, st, storyID, storyArticles, true)
	fillStory(b, st, "story-big", fillerArticles(40, 1), true)
	filler := fillerArticles(n, 2)
	for i := 0; i < len(filler); i += 10 {
		fillStory(b, st, fmt.Sprintf("story-filler-%d", i/10), filler[i:min(i+10, len(filler))], false)
	}
	return st, ids
}

// BenchmarkStoryPage measures the story page of a story with its brief, on
// a store of 10,000 articles: the test story (4 articles) and a 40-article
// one, served from the page cache and built from the brief ("cold").
func BenchmarkStoryPage(b *testing.B) {
	st, _ := benchStore(b, 10000)
	s, _ := newTestServer(b, st, nil)
	for _, c := range []struct {
		name, id string
		cold     bool
	}{{"4-articles", storyID, false}, {"40-articles", "story-big", false}, {"4-articles-cold", storyID, true}, {"40-articles-cold", "story-big", true}} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/stories/"+c.id, nil)
			if rec := do(b, s, "GET", "/stories/"+c.id, "", ""); rec.Code != 200 {
				b.Fatalf("status %d", rec.Code)
			}
			b.ReportAllocs()
			for b.Loop() {
				if c.cold {
					// Every request builds the page from the brief.
					s.storyPages = newPageCache(storyPageCache)
				}
				s.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}

// BenchmarkPages measures the other pages on the same store.
func BenchmarkPages(b *testing.B) {
	st, ids := benchStore(b, 10000)
	s, _ := newTestServer(b, st, nil)
	for _, c := range []struct{ name, target string }{
		{"front", "/"},
		{"article-highlight", "/articles/" + url.PathEscape(ids[0]) + "?hl=0-40"},
		{"search", "/search?q=harbor+bridge"},
		{"api-story", "/api/stories/story-big"},
		{"api-stories", "/api/stories?limit=50"},
	} {
		b.Run(c.name, func(b *testing.B) {
			if rec := do(b, s, "GET", c.target, "", ""); rec.Code != 200 {
				b.Fatalf("status %d", rec.Code)
			}
			req := httptest.NewRequest("GET", c.target, nil)
			b.ReportAllocs()
			for b.Loop() {
				s.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}

// TestFillerArticles checks the benchmark's data is what the store takes.
func TestFillerArticles(t *testing.T) {
	arts := fillerArticles(50, 3)
	seen := map[string]bool{}
	for _, a := range arts {
		if err := store.Check(store.Article{Article: a}); err != nil {
			t.Fatal(err)
		}
		if seen[a.Text] {
			t.Fatalf("%s repeats a text", a.ID)
		}
		seen[a.Text] = true
	}
}
