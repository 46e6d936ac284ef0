package service

import (
	"context"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/testenv"
)

// BenchmarkIngest stores and clusters 5,000 real-size articles into a
// fresh database per iteration (LoadAndCluster, as parallax ingest does)
// and reports articles per second, clustering included, the time spent
// holding the clustering lock per article, and the part of it spent in
// memory (the clusterer, the stories' facts) rather than in the database.
func BenchmarkIngest(b *testing.B) {
	arts := newsArticles(b, 5000)
	for _, db := range []string{"sqlite", "postgres"} {
		b.Run(db, func(b *testing.B) {
			ctx := context.Background()
			var total time.Duration
			var locked, mem float64
			for b.Loop() {
				b.StopTimer()
				var st store.Store
				if db == "sqlite" {
					st = openSQLite(b)
				} else {
					var err error
					if st, err = store.Open(ctx, testenv.Postgres(b)); err != nil {
						b.Fatal(err)
					}
				}
				s := newService(b, st, 0)
				b.StartTimer()
				t0 := time.Now()
				rep, n, err := s.LoadAndCluster(ctx, arts, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				total += time.Since(t0)
				if n != rep.Stored {
					b.Fatalf("%d stored, %d clustered", rep.Stored, n)
				}
				locked += float64(s.m.lockedNanos.Load()) / 1e9
				mem += float64(s.m.memNanos.Load()) / 1e9
				b.StopTimer()
				s.Close()
				st.Close()
				b.StartTimer()
			}
			n := float64(b.N * len(arts))
			b.ReportMetric(n/total.Seconds(), "articles/s")
			b.ReportMetric(locked/n*1e6, "µs-locked/article")
			b.ReportMetric(mem/n*1e6, "µs-clusterer/article")
		})
	}
}
