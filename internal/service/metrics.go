package service

import (
	"errors"
	"sync/atomic"

	"github.com/riverqueue/river/rivertype"

	"github.com/parallax-news/parallax/internal/metrics"
	"github.com/parallax-news/parallax/internal/store"
)

// jobKinds are the kinds of job the service runs, for their counters.
var jobKinds = []string{"poll_feed", "fetch_page", "cluster", "rebuild_brief", "tick"}

// serviceMetrics are the service's series in the shared registry.
type serviceMetrics struct {
	done, failed   map[string]*metrics.Counter
	fetchErrors    *metrics.Counter
	ingested       *metrics.Counter
	duplicates     *metrics.Counter
	clustered      *metrics.Counter
	replayed       *metrics.Counter
	mismatches     *metrics.Counter
	clusterSeconds *metrics.Histogram
	briefSeconds   *metrics.Histogram
	unclustered    atomic.Int64
	// lockedNanos sums the time spent holding the clustering lock, and
	// memNanos the part of it spent in memory (clusterer, facts), for
	// benchmarks.
	lockedNanos, memNanos atomic.Int64
}

func newServiceMetrics(r *metrics.Registry) *serviceMetrics {
	m := &serviceMetrics{
		done:   make(map[string]*metrics.Counter),
		failed: make(map[string]*metrics.Counter),
		fetchErrors: r.Counter("parallax_fetch_errors_total",
			"Feeds and pages that could not be downloaded or read."),
		ingested: r.Counter("parallax_articles_ingested_total",
			"Articles stored new by this process (posted, loaded, polled or fetched)."),
		duplicates: r.Counter("parallax_articles_duplicate_total",
			"Articles given to this process that were already stored."),
		clustered: r.Counter("parallax_articles_clustered_total",
			"Articles clustered into stories by this process."),
		replayed: r.Counter("parallax_cluster_replayed_total",
			"Articles clustered by other processes and replayed here."),
		mismatches: r.Counter("parallax_cluster_replay_mismatches_total",
			"Replayed articles that landed in another story than the stored one (0 unless clustering is not deterministic)."),
		clusterSeconds: r.Histogram("parallax_cluster_step_seconds",
			"Time to cluster and save one batch under the clustering lock."),
		briefSeconds: r.Histogram("parallax_brief_build_seconds",
			"Time to build and store one story's brief."),
	}
	for _, k := range jobKinds {
		m.done[k] = r.Counter(`parallax_jobs_total{kind="`+k+`",result="done"}`, "Jobs run by this process, by kind and result.")
		m.failed[k] = r.Counter(`parallax_jobs_total{kind="`+k+`",result="failed"}`, "Jobs run by this process, by kind and result.")
	}
	r.Gauge("parallax_articles_unclustered", "Articles waiting for clustering, as of the last scheduler tick on this process.",
		func() float64 { return float64(m.unclustered.Load()) })
	return m
}

// job counts one job run: done, or failed (a snooze is neither).
func (m *serviceMetrics) job(kind string, err error) {
	var snooze *rivertype.JobSnoozeError
	switch {
	case err == nil:
		if c := m.done[kind]; c != nil {
			c.Inc()
		}
	case errors.As(err, &snooze):
	default:
		if c := m.failed[kind]; c != nil {
			c.Inc()
		}
	}
}

// counted counts stored and duplicate articles.
func (m *serviceMetrics) counted(puts []store.Put) {
	for _, p := range puts {
		if p.Created {
			m.ingested.Inc()
		} else {
			m.duplicates.Inc()
		}
	}
}
