package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/timeline"
)

const timelineUsage = `Usage: parallax timeline [flags] INPUT...

Writes the timeline of a topic from its articles (hundreds, over weeks or
months; the inputs of 'parallax brief': files, saved pages, directories,
JSONL records with "published" dates, URLs): the days that matter most, in
time order, each with the sentence that tells what happened that day, in
an article's own words with its byte offsets, and the articles and outlets
that report it.

A day matters when many articles name it ("on Thursday", "June 25", "two
weeks ago", resolved against each article's publication date) and when
many articles are published on it. Relative dates in an article without a
publication date stay unresolved and are not used.

Flags:
  --dates N          the number of days (default 10)
  --per-date K       sentences per day (default 1)
  --from DATE        only days on or after DATE (YYYY-MM-DD), and only
                     articles published then or later
  --to DATE          only days on or before DATE, and only articles
                     published then or earlier
  --format F         markdown (default) or json
  --allow-private    let URLs reach private, loopback and link-local
                     addresses (refused by default)
  -o, --output FILE  write to FILE instead of standard output
`

func runTimeline(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, timelineUsage) }
	dates := fs.Int("dates", timeline.DefaultDates, "number of days")
	perDate := fs.Int("per-date", timeline.DefaultPerDate, "sentences per day")
	from := fs.String("from", "", "first day, YYYY-MM-DD")
	to := fs.String("to", "", "last day, YYYY-MM-DD")
	format := fs.String("format", "markdown", "markdown or json")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private addresses")
	var output string
	fs.StringVar(&output, "output", "", "write to this file instead of standard output")
	fs.StringVar(&output, "o", "", "short for --output")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return &usageError{"timeline: no input given"}
	}
	if *format != "markdown" && *format != "json" {
		return &usageError{fmt.Sprintf("timeline: unknown --format %q (want markdown or json)", *format)}
	}
	if *dates < 1 || *perDate < 1 {
		return &usageError{"timeline: --dates and --per-date must be at least 1"}
	}
	opts := timeline.Options{Dates: *dates, PerDate: *perDate}
	for _, b := range []struct {
		flag, val string
		dst       *time.Time
	}{{"--from", *from, &opts.From}, {"--to", *to, &opts.To}} {
		if b.val == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", b.val)
		if err != nil {
			return &usageError{fmt.Sprintf("timeline: %s %q is not a date (want YYYY-MM-DD)", b.flag, b.val)}
		}
		*b.dst = t
	}
	if !opts.From.IsZero() && !opts.To.IsZero() && opts.To.Before(opts.From) {
		return &usageError{"timeline: --to is before --from"}
	}
	articles, problems := ingest.Read(ctx, inputs, ingest.Options{Stdin: stdin, Fetch: newFetcher(*allowPrivate)})
	for _, p := range problems {
		fmt.Fprintf(stderr, "parallax: skipped %v\n", p)
	}
	if len(articles) == 0 {
		return errors.New("timeline: no article could be read")
	}
	tl := timeline.Build(articles, opts)
	err = writeTo(output, stdout, func(w io.Writer) error {
		if *format == "json" {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(tl)
		}
		return writeTimelineMarkdown(w, tl, articles)
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "parallax: %d of %d inputs skipped\n", len(problems), len(problems)+len(articles))
		return errPartial
	}
	return nil
}

// writeTimelineMarkdown prints one line per sentence: the day, the
// sentence, the outlets that report it, and where the sentence and the
// words that date it are.
func writeTimelineMarkdown(w io.Writer, tl timeline.Timeline, articles []parallax.Article) error {
	text := make(map[string]string, len(articles))
	for _, a := range articles {
		text[a.ID] = a.Text
	}
	fmt.Fprintf(w, "# Timeline: %s from %s\n\n", plural(len(tl.Entries), "day", "days"), plural(tl.Articles, "article", "articles"))
	if tl.Undated > 0 {
		fmt.Fprintf(w, "%s had no publication date: their relative dates were not resolved.\n\n",
			plural(tl.Undated, "article", "articles"))
	}
	if len(tl.Entries) == 0 {
		fmt.Fprintln(w, "No day could be dated from these articles.")
		return nil
	}
	for _, e := range tl.Entries {
		for _, s := range e.Sentences {
			outlets := strings.Join(e.Outlets, ", ")
			if outlets == "" {
				outlets = plural(len(e.Articles), "article", "articles")
			}
			how := "dated by publication"
			if s.When != nil {
				if src, ok := text[s.When.Source]; ok && s.When.End <= len(src) {
					how = fmt.Sprintf("dated by %q", strings.Join(strings.Fields(src[s.When.Start:s.When.End]), " "))
				}
			}
			fmt.Fprintf(w, "- **%s** — %s — [%s] (%s %d-%d, %s; %s)\n", e.Date, strings.Join(strings.Fields(s.Text), " "),
				outlets, s.Source, s.Start, s.End, how, plural(len(e.Articles), "article", "articles"))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
