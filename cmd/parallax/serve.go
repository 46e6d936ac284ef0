package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/metrics"
	"github.com/parallax-news/parallax/internal/service"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

const serveUsage = `Usage: parallax serve [flags]

Runs Parallax as a service: follows feeds on their schedule, fetches and
extracts their articles, groups articles into stories, rebuilds each
story's brief when an article joins it, and serves the stories, briefs,
articles and feeds as a web site and a JSON API (see /openapi.json), with
/healthz, /readyz and /metrics.

Everything is kept in one database: a SQLite file by default, or
PostgreSQL, which several 'parallax serve' processes on several machines
can share to split the work. The work is held as durable jobs in the same
database: a process stopped at any moment, even killed, loses nothing it
acknowledged, and the next one carries on.

Flags:
  --addr HOST:PORT   listen here (default 127.0.0.1:8080)
  --db ADDRESS       a SQLite file (default ./parallax.db) or a
                     postgres://USER@HOST/DB address
  --feeds FILE.opml  follow the feeds listed in the OPML file
  --demo             load the sample articles of ../shared (seeds, some
                     DUC 2004 and Multi-News stories) when it is there,
                     else follow feeds/starter.opml
  --allow-private    let feeds and pages be read from private, loopback
                     and link-local addresses (refused by default)
  --workers N        jobs run at once in this process (default 8)

Writes (POST, PUT, DELETE: articles, URLs, feeds) need the bearer token in
the environment variable PARALLAX_TOKEN; without it the server refuses
them. Reads are open. Logs are structured lines (slog) on standard error.
SIGINT or SIGTERM stops the server gracefully: it stops accepting, lets
the requests and jobs under way finish (30 s at most), and exits.
`

// Timeouts and limits of the HTTP server.
const (
	serveReadHeaderTimeout = 10 * time.Second
	serveReadTimeout       = 60 * time.Second
	serveWriteTimeout      = 60 * time.Second
	serveIdleTimeout       = 2 * time.Minute
	serveMaxHeaderBytes    = 64 << 10
	serveShutdownTimeout   = 30 * time.Second
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, serveUsage) }
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	db := fs.String("db", "parallax.db", "database")
	feedsFile := fs.String("feeds", "", "OPML file of feeds to follow")
	demo := fs.Bool("demo", false, "load sample data")
	allowPrivate := fs.Bool("allow-private", false, "allow non-public addresses")
	workers := fs.Int("workers", service.DefaultWorkers, "jobs at once")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &usageError{fmt.Sprintf("serve: unexpected argument %q (serve takes flags only)", rest[0])}
	}
	if *workers < 1 {
		return &usageError{fmt.Sprintf("serve: --workers must be at least 1, not %d", *workers)}
	}
	var feeds []store.Feed
	if *feedsFile != "" {
		if feeds, err = readFeeds(*feedsFile); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	st, err := store.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer st.Close()
	reg := metrics.New()
	svc, err := service.New(ctx, st, service.Options{
		AllowPrivate: *allowPrivate,
		UserAgent:    "Parallax/" + version + " (+https://github.com/parallax-news/parallax)",
		Workers:      *workers,
		Logger:       log,
		Metrics:      reg,
	})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if *demo {
		more, err := loadDemo(ctx, svc, log)
		if err != nil {
			svc.Close()
			return fmt.Errorf("serve: --demo: %w", err)
		}
		feeds = append(feeds, more...)
	}
	if err := svc.Start(ctx, feeds); err != nil {
		svc.Close()
		return fmt.Errorf("serve: %w", err)
	}
	stopService := func() error {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), serveShutdownTimeout)
		defer cancel()
		return svc.Stop(sctx)
	}
	handler, err := web.New(web.Config{
		Store:   st,
		Ingest:  svc,
		Metrics: reg,
		Token:   os.Getenv("PARALLAX_TOKEN"),
		Logger:  log,
	})
	if err != nil {
		stopService()
		return fmt.Errorf("serve: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		stopService()
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if os.Getenv("PARALLAX_TOKEN") == "" {
		log.Warn("PARALLAX_TOKEN is not set: the server refuses every write (articles, URLs, feeds)")
	}
	log.Info("listening", "url", "http://"+ln.Addr().String(), "db", redactDSN(*db))
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err = <-served:
	case <-ctx.Done():
		log.Info("stopping")
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), serveShutdownTimeout)
		err = srv.Shutdown(sctx)
		cancel()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if serr := stopService(); err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// readFeeds reads the feeds of an OPML file.
func readFeeds(path string) ([]store.Feed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	subs, err := feed.ReadOPML(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(subs) == 0 {
		return nil, fmt.Errorf("%s: the OPML file lists no feed", path)
	}
	feeds := make([]store.Feed, 0, len(subs))
	for _, s := range subs {
		feeds = append(feeds, store.Feed{URL: s.FeedURL, Title: s.Title, Category: s.Category})
	}
	return feeds, nil
}

// redactDSN hides a password in a database address for the log.
func redactDSN(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if at := strings.LastIndex(dsn, "@"); at > i {
			if c := strings.Index(dsn[i+3:at], ":"); c >= 0 {
				return dsn[:i+3+c] + ":xxx" + dsn[at:]
			}
		}
	}
	return dsn
}

// The demo's sample of ../shared: the seed articles, DUC 2004's dev
// events and the first Multi-News validation stories.
const demoMultiNews = 150

// loadDemo loads the sample articles of ../shared into the store, or, when
// there is no ../shared, returns the starter feeds to follow.
func loadDemo(ctx context.Context, svc *service.Service, log *slog.Logger) ([]store.Feed, error) {
	shared := findShared()
	if shared == "" {
		opml := findUp("feeds/starter.opml")
		if opml == "" {
			return nil, errors.New("neither ../shared nor feeds/starter.opml was found beside the working directory or the program")
		}
		log.Info("demo: following the starter feeds", "opml", opml)
		return readFeeds(opml)
	}
	var arts []store.Article
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		arts = append(arts, store.Article{Article: parallax.Article{ID: "seed-" + id, Outlet: id, Text: string(b)}})
	}
	for _, ds := range []struct {
		file string
		max  int
	}{{"duc2004-dev.jsonl.gz", 0}, {"multinews-val.jsonl.gz", demoMultiNews}} {
		stories, err := dataset.Read(filepath.Join(shared, "data", ds.file))
		if err != nil {
			log.Warn("demo: skipping a dataset", "file", ds.file, "err", err)
			continue
		}
		if ds.max > 0 && len(stories) > ds.max {
			stories = stories[:ds.max]
		}
		for _, s := range stories {
			for _, a := range s.Articles() {
				arts = append(arts, store.Article{Article: a})
			}
		}
	}
	var ok []store.Article
	for _, a := range arts {
		if store.Check(a) == nil {
			ok = append(ok, a)
		}
	}
	// Clustered before the server opens, so the first page shows stories.
	rep, clustered, err := svc.LoadAndCluster(ctx, ok, nil, nil)
	if err != nil {
		return nil, err
	}
	log.Info("demo: sample articles loaded", "from", shared, "new", rep.Stored, "already stored", rep.Duplicates, "clustered", clustered)
	return nil, nil
}

// findShared returns the ../shared directory beside the working directory
// or the program (or one of their parents), or "".
func findShared() string {
	p := findUp("../shared/data")
	if p == "" {
		p = findUp("../shared/seeds")
	}
	if p == "" {
		return ""
	}
	return filepath.Dir(p)
}

// findUp returns the first existing path rel below the working directory,
// the program's directory, or any of their parents; "" when none exists.
func findUp(rel string) string {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if exe, err := os.Executable(); err == nil {
		starts = append(starts, filepath.Dir(exe))
	}
	for _, dir := range starts {
		for {
			p := filepath.Join(dir, rel)
			if _, err := os.Stat(p); err == nil {
				return p
			}
			up := filepath.Dir(dir)
			if up == dir {
				break
			}
			dir = up
		}
	}
	return ""
}
