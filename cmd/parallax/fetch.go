package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
)

// defaultStateDir is where "parallax fetch" keeps the feeds' state.
const defaultStateDir = ".parallax-state"

const fetchUsage = `Usage: parallax fetch [flags] FEED_URL|PAGE_URL|FILE.opml...

Polls each feed once and writes one article record per new entry, as JSON
lines {"id","url","outlet","title","published","text"} that 'parallax
brief' reads. A PAGE_URL is polled through the feed its page announces; an
OPML file names many feeds. An entry whose feed carries only a teaser has
its page fetched and extracted. Requests are conditional, so a feed that
has not changed costs little; entries already written are not written
again. A feed that fails is reported and tried again after a wait that
doubles with each failure (5 minutes up to a day).

Flags:
  --state DIR        keep the feeds' state (validators, entries seen,
                     backoff) in DIR (default ./.parallax-state); one
                     fetch at a time may use a directory
  -o, --output FILE  append the records to FILE, created if missing,
                     instead of writing them to standard output
  --allow-private    allow private, loopback and link-local addresses
                     (intranets, tests); refused by default
  --concurrency N    feeds polled at once (default 4)

Each feed or entry skipped is reported on standard error as
"parallax: skipped URL: reason". Exit status: 0 done; 1 failed (nothing
could be polled, or the state is unreadable); 2 bad command line; 3 done,
but something was skipped.
`

func runFetch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, fetchUsage) }
	stateDir := fs.String("state", defaultStateDir, "state directory")
	var output string
	fs.StringVar(&output, "output", "", "append the records to this file")
	fs.StringVar(&output, "o", "", "short for --output")
	allowPrivate := fs.Bool("allow-private", false, "allow non-public addresses")
	concurrency := fs.Int("concurrency", 4, "feeds polled at once")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return &usageError{"fetch: no feed, page or OPML file given"}
	}
	if *concurrency < 1 {
		return &usageError{fmt.Sprintf("fetch: --concurrency must be at least 1, not %d", *concurrency)}
	}
	unlock, err := feed.Lock(*stateDir)
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	defer unlock()
	state, err := feed.LoadState(*stateDir)
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	w := &recordWriter{w: stdout}
	if output != "" {
		f, err := os.OpenFile(output, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("fetch: %w", err)
		}
		defer f.Close()
		w = &recordWriter{w: f, sync: f}
	}
	client := newFetcher(*allowPrivate)
	var bar *progress
	rep, err := ingest.PollFeeds(ctx, inputs, ingest.FeedOptions{
		Client:      client,
		State:       state,
		Write:       w.write,
		Save:        func(s *feed.State) error { return s.Save(*stateDir) },
		Concurrency: *concurrency,
		Progress: func(done, total int) {
			if bar == nil {
				bar = newProgress(stderr, total, "feeds")
			}
			bar.Add(1)
		},
	})
	bar.Done()
	for _, p := range rep.Warnings {
		fmt.Fprintf(stderr, "parallax: warning: %v\n", p)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "parallax: skipped %v\n", p)
	}
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	if rep.Polled == 0 && len(rep.Problems) > 0 {
		return errors.New("fetch: no feed could be polled")
	}
	if len(rep.Problems) > 0 {
		return errPartial
	}
	return nil
}

// recordWriter writes article records as JSON lines, one batch per
// write, synced to disk when it writes to a file.
type recordWriter struct {
	w    io.Writer
	sync interface{ Sync() error }
}

func (rw *recordWriter) write(arts []parallax.Article) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	if _, err := rw.w.Write(buf.Bytes()); err != nil {
		return err
	}
	if rw.sync != nil {
		return rw.sync.Sync()
	}
	return nil
}
