package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval"
)

const evalCorpusUsage = `Usage: parallax eval corpus --data FILE [--data FILE...] --articles N
                            [--outlets N] [--days D] [--seed S] [-o FILE]

Writes a stream of N article records, as JSON lines that 'parallax brief',
'parallax stories' and 'parallax ingest' read, made from the real articles
of summarization datasets ({"id","documents":[...]} stories, gzip or not):
the articles themselves first, then reprints of them by other outlets, each
with the edits syndication makes (the ending trimmed, two paragraphs
swapped, a line of the outlet's own), until there are N. Each story starts
at its own time within --days and its articles follow within two days, in
publication order. It is for load and throughput measurements that need
more articles than the datasets hold (100,000 from Multi-News, say); the
records are made at run time and are not to be kept or shared.

Flags:
  --data FILE      a dataset of stories (repeatable; required)
  --articles N     how many records (required)
  --outlets N      outlets carrying them (default 200)
  --days D         days over which stories start (default 30)
  --seed S         seed (default 1)
  -o FILE          write to FILE instead of standard output
`

func runEvalCorpus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, evalCorpusUsage) }
	var data stringList
	fs.Var(&data, "data", "dataset of stories")
	var o eval.CorpusOptions
	fs.IntVar(&o.Articles, "articles", 0, "how many records")
	fs.IntVar(&o.Outlets, "outlets", 200, "outlets")
	days := fs.Int("days", 30, "days over which stories start")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed")
	out := fs.String("o", "", "output file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("eval corpus: unexpected argument %q", fs.Arg(0))}
	}
	if len(data) == 0 || o.Articles <= 0 || o.Outlets <= 0 || *days <= 0 {
		return &usageError{"eval corpus: --data and a positive --articles are required; --outlets and --days must be positive"}
	}
	o.Span = time.Duration(*days) * 24 * time.Hour
	var stories []dataset.Story
	for _, path := range data {
		if err := ctx.Err(); err != nil {
			return err
		}
		ss, err := dataset.Read(path)
		if err != nil {
			return err
		}
		stories = append(stories, ss...)
	}
	articles := eval.Corpus(stories, o)
	w, f := stdout, (*os.File)(nil)
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close() // a second Close after the one below does nothing
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	for _, a := range articles {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "parallax: %d records from %d stories\n", len(articles), len(stories))
	if f != nil {
		return f.Close()
	}
	return nil
}
