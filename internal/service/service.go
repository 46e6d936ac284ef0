package service

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
	_ "modernc.org/sqlite" // River's own connection to a SQLite store's file

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/metrics"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// Defaults of Options.
const (
	DefaultWorkers      = 8
	DefaultBriefDelay   = 5 * time.Second
	DefaultPollInterval = 15 * time.Minute
	DefaultTick         = 2 * time.Second
	DefaultClusterBatch = 500
	DefaultRescueAfter  = 5 * time.Minute
)

// Options configure a Service. The zero value of each field means its
// default.
type Options struct {
	// Client downloads feeds and pages; nil means the safe client of
	// internal/fetch with AllowPrivate and UserAgent.
	Client ingest.Getter
	// AllowPrivate lets the default client reach private, loopback and
	// link-local addresses.
	AllowPrivate bool
	// UserAgent is the default client's User-Agent.
	UserAgent string
	// Workers is how many jobs (polls, fetches, briefs) run at once in this
	// process; clustering runs on one more. Default DefaultWorkers.
	Workers int
	// BriefDelay is how long a story's brief waits after an article joins
	// it before it is rebuilt, so a burst of articles costs one rebuild.
	// Default DefaultBriefDelay.
	BriefDelay time.Duration
	// PollInterval is how often a feed that answers is polled; failures
	// back off as feed.Schedule says. Default DefaultPollInterval.
	PollInterval time.Duration
	// Tick is how often the scheduler looks for due feeds, unclustered
	// articles and stale briefs. Default DefaultTick.
	Tick time.Duration
	// ClusterBatch is how many articles one clustering step takes under
	// the lock. Default DefaultClusterBatch.
	ClusterBatch int
	// RescueAfter is how long a job may stay running before it is taken
	// for the job of a process that died and is run again. Default
	// DefaultRescueAfter.
	RescueAfter time.Duration
	// Logger receives the service's structured logs; nil means
	// slog.Default().
	Logger *slog.Logger
	// Metrics receives the service's counters; nil means a registry of
	// its own.
	Metrics *metrics.Registry
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.BriefDelay <= 0 {
		o.BriefDelay = DefaultBriefDelay
	}
	if o.PollInterval <= 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.Tick <= 0 {
		o.Tick = DefaultTick
	}
	if o.ClusterBatch <= 0 {
		o.ClusterBatch = DefaultClusterBatch
	}
	if o.RescueAfter <= 0 {
		o.RescueAfter = DefaultRescueAfter
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Metrics == nil {
		o.Metrics = metrics.New()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Client == nil {
		o.Client = fetch.New(fetch.Options{AllowPrivate: o.AllowPrivate, UserAgent: o.UserAgent})
	}
	return o
}

// A Service runs Parallax's pipeline over a store: feeds polled on their
// schedule, pages fetched and extracted, articles clustered into stories,
// and each story's brief rebuilt when an article joins it. The work is
// held as durable jobs in River, in the store's own database, so several
// processes sharing a PostgreSQL database share the work, and a process
// killed at any moment loses nothing that was acknowledged.
type Service struct {
	st    store.Store
	opts  Options
	log   *slog.Logger
	q     queue
	close func() error // releases River's own connection, if any
	m     *serviceMetrics

	schedule feed.Schedule

	// clusterMu guards cs: one clustering step at a time in this
	// process (the store's lock serializes processes).
	clusterMu sync.Mutex
	cs        *clusterState

	sweepMu sync.Mutex
	swept   time.Time // when stale briefs were last looked for
	feedsAt time.Time // when due feeds were last looked for

	recovered chan struct{} // closed when Start's recovery is done
}

var _ web.Ingester = (*Service)(nil)

// queue is what the service uses of a River client, whatever its driver.
type queue interface {
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	InsertMany(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
}

var (
	_ queue = (*river.Client[*sql.Tx])(nil)
	_ queue = (*river.Client[pgx.Tx])(nil)
)

// New builds a service over st, which must be a store opened by
// store.Open: River keeps its jobs in the same database (on PostgreSQL in
// the store's pool, on SQLite through a connection of its own to the same
// file), and River's migrations are applied here. The service does no
// work until Start; without Start it still takes articles (IngestArticles,
// Load) and queues their jobs for a service that runs.
func New(ctx context.Context, st store.Store, opts Options) (*Service, error) {
	opts = opts.withDefaults()
	s := &Service{
		st:   st,
		opts: opts,
		log:  opts.Logger,
		cs:   newClusterState(),
		schedule: feed.Schedule{
			Interval: opts.PollInterval,
			Base:     feed.DefaultSchedule.Base,
			Max:      feed.DefaultSchedule.Max,
			Jitter:   jitter,
		},
	}
	s.m = newServiceMetrics(opts.Metrics)
	cfg := s.riverConfig()
	switch db := st.(type) {
	case interface{ Pool() *pgxpool.Pool }:
		drv := riverpgxv5.New(db.Pool())
		if err := migratePostgres(ctx, db.Pool(), drv); err != nil {
			return nil, err
		}
		c, err := river.NewClient(drv, cfg)
		if err != nil {
			return nil, fmt.Errorf("service: river: %w", err)
		}
		s.q, s.close = c, func() error { return nil }
	case interface{ Path() string }:
		sqldb, err := sql.Open("sqlite", sqliteDSN(db.Path()))
		if err != nil {
			return nil, fmt.Errorf("service: river: opening %s: %w", db.Path(), err)
		}
		sqldb.SetMaxOpenConns(1)
		drv := riversqlite.New(sqldb)
		if err := migrate(ctx, drv, func(ctx context.Context, m *rivermigrate.Migrator[*sql.Tx]) error {
			_, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
			return err
		}); err != nil {
			sqldb.Close()
			return nil, err
		}
		c, err := river.NewClient(drv, cfg)
		if err != nil {
			sqldb.Close()
			return nil, fmt.Errorf("service: river: %w", err)
		}
		s.q, s.close = c, sqldb.Close
	default:
		return nil, fmt.Errorf("service: a %T is neither a SQLite nor a PostgreSQL store (open it with store.Open)", st)
	}
	return s, nil
}

// sqliteDSN is the address River opens a SQLite store's file with: WAL,
// a wait for the lock instead of an error, and write transactions that
// take the lock when they begin.
func sqliteDSN(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
	return "file:" + esc + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_txlock=immediate"
}

// migrate applies River's migrations with run, trying again when another
// process migrating at the same moment got in the way.
func migrate[TTx any](ctx context.Context, drv riverdriver.Driver[TTx], run func(context.Context, *rivermigrate.Migrator[TTx]) error) error {
	m, err := rivermigrate.New(drv, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("service: river migrations: %w", err)
	}
	for attempt := 1; ; attempt++ {
		err = run(ctx, m)
		if err == nil || attempt == 5 || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("service: applying river's migrations: %w", err)
	}
	return nil
}

// migratePostgres applies River's migrations holding a session advisory
// lock, so processes starting together take turns. (One transaction
// cannot hold them all: a migration adds an enum value that a later one
// uses.)
func migratePostgres(ctx context.Context, pool *pgxpool.Pool, drv *riverpgxv5.Driver) error {
	return migrate(ctx, drv, func(ctx context.Context, m *rivermigrate.Migrator[pgx.Tx]) error {
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer conn.Release()
		const key = "hashtext('parallax: river migrations')"
		if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock("+key+")"); err != nil {
			return err
		}
		defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+key+")")
		_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		return err
	})
}

// jitter spreads feed polls: a wait is lengthened by up to a tenth.
func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return d
	}
	return d + time.Duration(rand.Int64N(int64(d)/10+1))
}

// Start starts the work: the followed feeds are added, the clustering log
// is replayed, and River's workers and scheduler start. It returns once
// they run; Stop ends them.
func (s *Service) Start(ctx context.Context, feeds []store.Feed) error {
	for _, f := range feeds {
		if err := s.st.AddFeed(ctx, f); err != nil {
			return fmt.Errorf("service: adding feed %s: %w", f.URL, err)
		}
	}
	start := time.Now()
	s.clusterMu.Lock()
	n, err := s.cs.replay(ctx, s.st, false)
	s.clusterMu.Unlock()
	if err != nil {
		return fmt.Errorf("service: %w", err)
	}
	s.log.Info("clustering log replayed", "articles", n, "duration", time.Since(start).Round(time.Millisecond))
	if err := s.q.Start(ctx); err != nil {
		return fmt.Errorf("service: starting river: %w", err)
	}
	s.recovered = make(chan struct{})
	go func() {
		defer close(s.recovered)
		s.recover(ctx)
	}()
	return nil
}

// Stop stops taking jobs and waits for the running ones to finish until
// ctx ends, then cancels them (River runs a cancelled job again later). It
// does not close the store.
func (s *Service) Stop(ctx context.Context) error {
	if s.recovered != nil {
		<-s.recovered
	}
	err := s.q.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		hard, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = s.q.StopAndCancel(hard)
	}
	if cerr := s.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("service: stopping: %w", err)
	}
	return nil
}

// Close releases what New opened when the service was never started.
func (s *Service) Close() error { return s.Stop(context.Background()) }
