package web

import (
	"context"
	"log/slog"
	"time"

	"github.com/parallax-news/parallax/internal/metrics"
	"github.com/parallax-news/parallax/internal/store"
)

// Config is what the web server is built from.
type Config struct {
	// Store is read for every page and API answer.
	Store store.Store
	// Ingest takes articles and URLs posted to the API; nil refuses them
	// (503).
	Ingest Ingester
	// Metrics receives the request counters and latencies and is written
	// at /metrics; the service registers its own series in it too.
	Metrics *metrics.Registry
	// Token, when not empty, is the bearer token every write (POST, PUT,
	// DELETE) must carry; when empty, writes are refused (403).
	Token string
	// ReadToken, when not empty, is required for reads as well.
	ReadToken string
	// Logger receives one structured line per request.
	Logger *slog.Logger
	// Timeout bounds the work of one request; 0 means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout bounds one request when Config.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// An Ingester takes new articles into the pipeline. The service implements
// it; tests may use a small one over a store.
type Ingester interface {
	// IngestArticles stores article records and queues their clustering.
	// It returns when they are committed: a record acknowledged is never
	// lost.
	IngestArticles(ctx context.Context, articles []store.Article) ([]store.Put, error)
	// IngestURL queues the fetch and extraction of one article page. It
	// returns when the job is committed.
	IngestURL(ctx context.Context, url string) error
	// FeedAdded tells the pipeline to poll a newly added feed soon.
	FeedAdded(ctx context.Context, url string) error
}
