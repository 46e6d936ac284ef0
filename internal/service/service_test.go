package service

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/testenv"
)

// newsArticles returns up to n real articles from Multi-News, each text
// once, dated a few hours apart story by story, with outlets.
func newsArticles(tb testing.TB, n int) []store.Article {
	tb.Helper()
	stories, err := dataset.Read(sharedtest.Path(tb, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var out []store.Article
	seen := make(map[string]bool)
	for i, s := range stories {
		for j, a := range s.Articles() {
			if h := store.TextHash(a.Text); seen[h] {
				continue
			} else {
				seen[h] = true
			}
			a.Outlet = fmt.Sprintf("outlet %d", j)
			a.Title = ""
			a.Published = base.Add(time.Duration(i)*3*time.Hour + time.Duration(j)*time.Minute)
			out = append(out, store.Article{Article: a})
			if len(out) == n {
				return out
			}
		}
	}
	return out
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func openSQLite(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newService(t testing.TB, st store.Store, batch int) *Service {
	t.Helper()
	s, err := New(context.Background(), st, Options{Logger: quiet(), ClusterBatch: batch})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// assignments reads every clustered article's story, by article id, and
// checks that the log is numbered 1..n without a gap.
func assignments(t *testing.T, st store.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	got := make(map[string]string)
	var last int64
	for {
		log, err := st.ClusterLog(ctx, last, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) == 0 {
			break
		}
		for _, a := range log {
			if a.ClusterSeq != last+1 {
				t.Fatalf("cluster seq %d follows %d", a.ClusterSeq, last)
			}
			last = a.ClusterSeq
			got[a.ID] = a.StoryID
		}
	}
	return got
}

// TestClusterTakingTurns: two services over one database, taking turns
// at clustering, end with the same stories, article for article, as one
// service that clustered everything alone; each replays what the other
// did and agrees with it.
func TestClusterTakingTurns(t *testing.T) {
	arts := newsArticles(t, 400)
	ctx := context.Background()

	alone := openSQLite(t)
	one := newService(t, alone, 50)
	rep, err := one.Load(ctx, arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := one.ClusterPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	want := assignments(t, alone)
	if len(want) != rep.Stored {
		t.Fatalf("alone: %d of %d articles clustered", len(want), rep.Stored)
	}

	shared := openSQLite(t)
	a, b := newService(t, shared, 50), newService(t, shared, 50)
	for i := 0; i < len(arts); i += 100 {
		if _, err := a.Load(ctx, arts[i:min(i+100, len(arts))], nil); err != nil {
			t.Fatal(err)
		}
		s := a
		if i/100%2 == 1 {
			s = b
		}
		if _, err := s.ClusterPending(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	// One more step each brings both up to date and checks the replay.
	for _, s := range []*Service{a, b} {
		if _, err := s.ClusterPending(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if s.cs.mismatches != 0 {
			t.Errorf("%d replayed articles landed in another story than stored", s.cs.mismatches)
		}
	}
	got := assignments(t, shared)
	if len(got) != len(want) {
		t.Fatalf("taking turns: %d articles clustered, want %d", len(got), len(want))
	}
	// Loaded in batches, the articles met the clusterer in another order
	// than alone (publication order within each batch), so the stories
	// may differ; what must hold is that each process's copy agrees with
	// the store. A fresh replay of the whole log lands every article where
	// the store has it.
	fresh := newClusterState()
	if _, err := fresh.replay(ctx, shared, true); err != nil {
		t.Fatal(err)
	}
	if fresh.mismatches != 0 {
		t.Errorf("a fresh replay put %d articles in other stories than stored", fresh.mismatches)
	}
	checkStories(t, shared, rep.Stored)
}

// checkStories checks that every story's facts agree with its articles and
// that every article is in exactly one story.
func checkStories(t *testing.T, st store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	seen := make(map[string]string)
	cursor := ""
	stories := 0
	for {
		page, err := st.Stories(ctx, store.StoryQuery{Limit: 500, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Stories {
			stories++
			arts, err := st.StoryArticles(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != s.Articles || len(arts) == 0 {
				t.Errorf("story %s: %d articles stored, facts say %d", s.ID, len(arts), s.Articles)
			}
			if s.Reports < 1 || s.Reports > s.Articles {
				t.Errorf("story %s: %d reports of %d articles", s.ID, s.Reports, s.Articles)
			}
			for _, a := range arts {
				if other, ok := seen[a.ID]; ok {
					t.Errorf("article %s in stories %s and %s", a.ID, other, s.ID)
				}
				seen[a.ID] = s.ID
				if a.StoryID != s.ID {
					t.Errorf("article %s: story %q, listed under %s", a.ID, a.StoryID, s.ID)
				}
			}
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if len(seen) != n {
		t.Errorf("%d articles in %d stories, want %d articles", len(seen), stories, n)
	}
}

// TestServiceEndToEnd runs the service with River on SQLite and on
// PostgreSQL: articles ingested are clustered and every story gets a
// brief, through the jobs alone.
func TestServiceEndToEnd(t *testing.T) {
	for _, db := range []string{"sqlite", "postgres"} {
		t.Run(db, func(t *testing.T) {
			var st store.Store
			if db == "sqlite" {
				st = openSQLite(t)
			} else {
				var err error
				st, err = store.Open(context.Background(), testenv.Postgres(t))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
			}
			arts := newsArticles(t, 60)
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			s, err := New(ctx, st, Options{Logger: quiet(), BriefDelay: time.Second, Tick: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Start(ctx, nil); err != nil {
				t.Fatal(err)
			}
			defer s.Stop(context.Background())
			for i := 0; i < len(arts); i += 20 {
				puts, err := s.IngestArticles(ctx, arts[i:i+20])
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range puts {
					if !p.Created {
						t.Errorf("article %s stored before", p.ID)
					}
				}
			}
			// A duplicate (same text) is not stored again.
			dup := arts[0]
			dup.ID = "another-id"
			if puts, err := s.IngestArticles(ctx, []store.Article{dup}); err != nil || puts[0].Created {
				t.Fatalf("duplicate: %+v, %v", puts, err)
			}
			waitFor(t, ctx, func() (bool, string) {
				c, err := st.Counts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if c.Articles != int64(len(arts)) || c.Unclustered != 0 {
					return false, fmt.Sprintf("counts %+v", c)
				}
				page, err := st.Stories(ctx, store.StoryQuery{Limit: 500})
				if err != nil {
					t.Fatal(err)
				}
				for _, story := range page.Stories {
					if story.Briefed.IsZero() || story.Briefed.Before(story.Updated) {
						return false, "story " + story.ID + " has no fresh brief"
					}
				}
				return true, ""
			})
			checkStories(t, st, len(arts))
		})
	}
}

// waitFor polls cond until it holds or ctx ends.
func waitFor(t *testing.T, ctx context.Context, cond func() (bool, string)) {
	t.Helper()
	for {
		ok, why := cond()
		if ok {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting: %s", why)
		case <-time.After(200 * time.Millisecond):
		}
	}
}
