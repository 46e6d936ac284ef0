package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/service"
	"github.com/parallax-news/parallax/internal/store"
)

const ingestUsage = `Usage: parallax ingest [flags] DIR|FILE.jsonl|FILE|URL|feeds.opml...

Loads articles into the database 'parallax serve' uses, in bulk, and
groups them into stories; a running or later 'parallax serve' builds their
briefs. Inputs are read as 'parallax brief' reads them (text and HTML
files, directories, JSONL or JSON article records, URLs of pages); an OPML
file adds its feeds to the ones followed. An article already stored (same
canonical URL or same text) is not stored again.

Flags:
  --db ADDRESS     a SQLite file (default ./parallax.db) or a
                   postgres://USER@HOST/DB address
  --allow-private  let URLs reach private, loopback and link-local
                   addresses (refused by default)

A progress bar shows on a terminal. The last line sums up: articles
stored, duplicates, inputs skipped; each skipped input is reported on
standard error as "parallax: skipped INPUT: reason". Exit status: 0 done;
1 failed; 2 bad command line; 3 done, but some inputs were skipped.
`

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, ingestUsage) }
	db := fs.String("db", "parallax.db", "database")
	allowPrivate := fs.Bool("allow-private", false, "allow non-public addresses")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return &usageError{"ingest: no input given"}
	}
	var opml, files []string
	for _, in := range inputs {
		if strings.HasSuffix(strings.ToLower(in), ".opml") {
			opml = append(opml, in)
		} else {
			files = append(files, in)
		}
	}

	start := time.Now()
	st, err := store.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer st.Close()
	svc, err := service.New(ctx, st, service.Options{Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer svc.Close()

	var skipped []ingest.Problem
	feeds := 0
	for _, path := range opml {
		fds, err := readFeeds(path)
		if err != nil {
			skipped = append(skipped, ingest.Problem{Input: path, Err: err})
			continue
		}
		for _, f := range fds {
			if err := st.AddFeed(ctx, f); err != nil {
				return fmt.Errorf("ingest: adding feed %s: %w", f.URL, err)
			}
			if err := svc.FeedAdded(ctx, f.URL); err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			feeds++
		}
	}

	var arts []store.Article
	if len(files) > 0 {
		read, problems := ingest.Read(ctx, files, ingest.Options{Fetch: newFetcher(*allowPrivate)})
		skipped = append(skipped, problems...)
		for _, a := range read {
			sa := store.Article{Article: a}
			if err := store.Check(sa); err != nil {
				skipped = append(skipped, ingest.Problem{Input: a.ID, Err: err})
				continue
			}
			arts = append(arts, sa)
		}
	}
	bar := newProgress(stderr, len(arts), "articles")
	rep, clustered, err := svc.LoadAndCluster(ctx, arts, bar.Add, nil)
	bar.Done()
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	for _, p := range skipped {
		fmt.Fprintf(stderr, "parallax: skipped %v\n", p)
	}
	elapsed := time.Since(start)
	fmt.Fprintf(stderr, "parallax: ingest: %d stored, %d duplicates, %d skipped; %d clustered; %d feeds added (%.1f s, %.0f articles/s)\n",
		rep.Stored, rep.Duplicates, len(skipped), clustered, feeds, elapsed.Seconds(), float64(len(arts))/elapsed.Seconds())
	if len(skipped) > 0 {
		if len(arts) == 0 && feeds == 0 {
			return errors.New("ingest: nothing could be read")
		}
		return errPartial
	}
	return nil
}
