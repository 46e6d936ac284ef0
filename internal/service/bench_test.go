package service

import (
	"context"
	"testing"
	"time"
)

// BenchmarkIngest loads and clusters 5,000 real-size articles into a
// fresh SQLite store per iteration and reports articles per second,
// clustering included, and the clustering step's share.
func BenchmarkIngest(b *testing.B) {
	arts := newsArticles(b, 5000)
	ctx := context.Background()
	var total time.Duration
	for b.Loop() {
		b.StopTimer()
		st := openSQLite(b)
		s := newService(b, st, 0)
		b.StartTimer()
		t0 := time.Now()
		rep, n, err := s.LoadAndCluster(ctx, arts, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		if n != rep.Stored {
			b.Fatalf("%d stored, %d clustered", rep.Stored, n)
		}
		total += time.Since(t0)
	}
	b.ReportMetric(float64(b.N*len(arts))/total.Seconds(), "articles/s")
}
