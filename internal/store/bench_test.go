package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/parallax-news/parallax"
)

// benchStores gives each benchmark a fresh store of each kind.
func benchStores(b *testing.B, run func(b *testing.B, s Store)) {
	b.Run("sqlite", func(b *testing.B) {
		s, err := OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		run(b, s)
	})
	b.Run("postgres", func(b *testing.B) {
		s, err := OpenPostgres(ctx, postgresSchemas(b)(b))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		run(b, s)
	})
}

// benchTexts are article bodies of news length (about 4 KB); a suffix
// makes each use unique.
var benchTexts = func() []string {
	out := make([]string, 64)
	for i := range out {
		out[i] = text(uint64(i)+1e6, 620)
	}
	return out
}()

// benchArticle returns the made-up article numbered n, with a text of about
// 4 KB.
func benchArticle(n int) Article {
	return Article{Article: parallax.Article{
		URL:       fmt.Sprintf("https://outlet%d.example/news/2026/03/%d-some-headline-words", n%40, n),
		Outlet:    fmt.Sprintf("Outlet %d", n%40),
		Title:     fmt.Sprintf("Council approves harbour budget, part %d", n),
		Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Second),
		Text:      benchTexts[n%len(benchTexts)] + fmt.Sprintf(" Filed as item %d.", n),
	}}
}

// BenchmarkPutArticles stores batches of 100 new articles of about 4 KB,
// as the service's ingest does.
func BenchmarkPutArticles(b *testing.B) {
	benchStores(b, func(b *testing.B, s Store) {
		n := 0
		batch := make([]Article, 100)
		for b.Loop() {
			for i := range batch {
				batch[i] = benchArticle(n)
				n++
			}
			puts, err := s.PutArticles(ctx, batch)
			if err != nil {
				b.Fatal(err)
			}
			if !puts[0].Created {
				b.Fatal("a benchmark article was a duplicate")
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	})
}

// BenchmarkPutArticle stores one new article per transaction, as a fetch
// job does: the cost of a commit (an fsync on both databases) shows.
func BenchmarkPutArticle(b *testing.B) {
	benchStores(b, func(b *testing.B, s Store) {
		n := 0
		for b.Loop() {
			if _, err := s.PutArticles(ctx, []Article{benchArticle(n)}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	})
}

// BenchmarkStoryRead reads what the story page shows (the story, its
// articles and its brief) for random stories of a store holding 100,000
// articles of about 2 KB in 20,000 stories of 5, each with a brief. The
// store is filled in one transaction straight into the tables (COPY on
// PostgreSQL), which still takes a minute or so, mostly in full-text
// indexing; run it alone with
//
//	go test -run '^$' -bench StoryRead ./internal/store/
func BenchmarkStoryRead(b *testing.B) {
	const articles, perStory = 100_000, 5
	b.Run("sqlite", func(b *testing.B) {
		s, err := OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		start := time.Now()
		fillSQLite(b, s, articles, perStory)
		b.Logf("filled with %d articles in %d stories in %s", articles, articles/perStory, time.Since(start).Round(time.Second))
		benchStoryRead(b, s, articles/perStory, perStory)
	})
	b.Run("postgres", func(b *testing.B) {
		s, err := OpenPostgres(ctx, postgresSchemas(b)(b))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		start := time.Now()
		fillPostgres(b, s, articles, perStory)
		b.Logf("filled with %d articles in %d stories in %s", articles, articles/perStory, time.Since(start).Round(time.Second))
		benchStoryRead(b, s, articles/perStory, perStory)
	})
}

// benchStoryRead reads random stories and reports the latency of a story
// page's reads, as percentiles of the runs.
func benchStoryRead(b *testing.B, s Store, stories, perStory int) {
	r := rand.New(rand.NewPCG(1, 2))
	var lat []time.Duration
	b.ResetTimer()
	for b.Loop() {
		id := fmt.Sprintf("story-%06d", r.IntN(stories))
		t0 := time.Now()
		if _, err := s.Story(ctx, id); err != nil {
			b.Fatal(err)
		}
		arts, err := s.StoryArticles(ctx, id)
		if err != nil || len(arts) != perStory {
			b.Fatalf("StoryArticles(%s): %d articles, %v", id, len(arts), err)
		}
		if _, _, err := s.Brief(ctx, id); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// fillRow is one article of the filled store, with its story.
type fillRow struct {
	a       Article
	story   *Story // set on the story's last article
	briefAt time.Time
}

// fillRows makes the filled store's rows: article k has a text of about
// 2 KB and belongs to story k/perStory.
func fillRows(n, perStory int, emit func(fillRow) error) error {
	at := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	stored := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for k := range n {
		a := benchArticle(k)
		a.Text = benchTexts[k%len(benchTexts)][:2000] + fmt.Sprintf(" Filed as item %d.", k)
		a.Canonical, a.Hash = CanonicalURL(a.URL), TextHash(a.Text)
		a.ID = derivedIDs(a.Canonical, a.Hash)[0]
		a.Seq, a.Stored = int64(k+1), stored
		a.StoryID, a.ClusterSeq = fmt.Sprintf("story-%06d", k/perStory), int64(k+1)
		row := fillRow{a: a, briefAt: at}
		if k%perStory == perStory-1 {
			row.story = &Story{ID: a.StoryID, Headline: a.Title, Articles: perStory, Reports: k % 7,
				Outlets: []string{"Outlet 1", "Outlet 2"}, Updated: at.Add(time.Duration(k) * time.Second), Briefed: at}
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

// benchBrief is the brief every filled story has, about 3 KB of JSON.
var benchBrief, _ = json.Marshal(map[string]any{"summary": benchTexts[0][:2500], "sources": []string{"a", "b", "c"}})

// fillSQLite fills a SQLite store in one transaction with prepared
// statements.
func fillSQLite(b *testing.B, s *SQLite, n, perStory int) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		art, err := tx.Prepare(`INSERT INTO articles (seq, id, url, canonical, hash, outlet, title, published, text, feed, stored, story_id, cluster_seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`)
		if err != nil {
			return err
		}
		story, err := tx.Prepare(`INSERT INTO stories (id, headline, articles, outlets, reports, updated_at, briefed_at, rank_key)
			VALUES (?, ?, ?, '["Outlet 1","Outlet 2"]', ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		outlet, err := tx.Prepare(`INSERT INTO story_outlets (outlet, story_id) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		brief, err := tx.Prepare(`INSERT INTO briefs (story_id, at, brief) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		return fillRows(n, perStory, func(r fillRow) error {
			a := r.a
			if _, err := art.Exec(a.Seq, a.ID, a.URL, a.Canonical, a.Hash, a.Outlet, a.Title, a.Published.UnixMicro(), a.Text,
				a.Stored.UnixMicro(), a.StoryID, a.ClusterSeq); err != nil {
				return err
			}
			if st := r.story; st != nil {
				if _, err := story.Exec(st.ID, st.Headline, st.Articles, st.Reports, st.Updated.UnixMicro(), st.Briefed.UnixMicro(),
					rankKey(st.Reports, st.Updated, st.ID)); err != nil {
					return err
				}
				for _, o := range st.Outlets {
					if _, err := outlet.Exec(o, st.ID); err != nil {
						return err
					}
				}
				if _, err := brief.Exec(st.ID, r.briefAt.UnixMicro(), benchBrief); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err == nil {
		_, err = s.w.Exec(`ANALYZE`)
	}
	if err != nil {
		b.Fatal(err)
	}
}

// fillPostgres fills a PostgreSQL store in one transaction with COPY.
func fillPostgres(b *testing.B, p *Postgres, n, perStory int) {
	var arts, stories, outlets, briefs [][]any
	err := fillRows(n, perStory, func(r fillRow) error {
		a := r.a
		arts = append(arts, []any{a.ID, a.URL, a.Canonical, a.Hash, a.Outlet, a.Title, a.Published, a.Text, "", a.Stored, a.StoryID, a.ClusterSeq})
		if st := r.story; st != nil {
			stories = append(stories, []any{st.ID, st.Headline, st.Articles, st.Outlets, st.Reports, st.Updated, st.Briefed,
				rankKey(st.Reports, st.Updated, st.ID)})
			for _, o := range st.Outlets {
				outlets = append(outlets, []any{o, st.ID})
			}
			briefs = append(briefs, []any{st.ID, r.briefAt, benchBrief})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	err = pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		for _, c := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"articles", []string{"id", "url", "canonical", "hash", "outlet", "title", "published", "body", "feed", "stored", "story_id", "cluster_seq"}, arts},
			{"stories", []string{"id", "headline", "articles", "outlets", "reports", "updated_at", "briefed_at", "rank_key"}, stories},
			{"story_outlets", []string{"outlet", "story_id"}, outlets},
			{"briefs", []string{"story_id", "at", "brief"}, briefs},
		} {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
				return fmt.Errorf("copy %s: %w", c.table, err)
			}
		}
		return nil
	})
	if err == nil {
		_, err = p.pool.Exec(ctx, `ANALYZE`)
	}
	if err != nil {
		b.Fatal(err)
	}
}
