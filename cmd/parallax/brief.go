package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/render"
)

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runBrief(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("brief", flag.ContinueOnError)
	fs.SetOutput(stderr)
	words := fs.Int("words", brief.DefaultWords, "summary word budget")
	format := fs.String("format", "markdown", "output format: markdown, json or html")
	evidence := fs.Bool("evidence", false, "markdown: print under each statement the words of every cited outlet")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private, loopback and link-local addresses")
	var outlets stringList
	fs.Var(&outlets, "outlet", "outlet of the next input file (repeatable)")
	var output string
	fs.StringVar(&output, "output", "", "write to this file instead of standard output")
	fs.StringVar(&output, "o", "", "short for --output")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	if len(inputs) == 0 {
		return &usageError{"brief: no input given"}
	}
	if *words < 1 {
		return &usageError{fmt.Sprintf("brief: --words must be at least 1, not %d", *words)}
	}
	if !slices.Contains(render.Formats, *format) {
		return &usageError{fmt.Sprintf("brief: unknown --format %q (want markdown, json or html)", *format)}
	}

	articles, problems := ingest.Read(ctx, inputs, ingest.Options{Outlets: outlets, Stdin: stdin, Fetch: newFetcher(*allowPrivate)})
	for _, p := range problems {
		fmt.Fprintf(stderr, "parallax: skipped %v\n", p)
	}
	if len(articles) == 0 {
		return errors.New("brief: no article could be read")
	}
	b, err := brief.Build(ctx, articles, brief.Options{Words: *words})
	if err != nil {
		return err
	}
	w := stdout
	var f *os.File
	if output != "" {
		if f, err = os.Create(output); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriter(w)
	err = render.WriteOptions(bw, *format, b, articles, render.Options{Evidence: *evidence})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "parallax: %d of %d inputs skipped\n", len(problems), len(problems)+len(articles))
		return errPartial
	}
	return nil
}

// newFetcher returns the HTTP client every command downloads with.
func newFetcher(allowPrivate bool) *fetch.Client {
	return fetch.New(fetch.Options{
		AllowPrivate: allowPrivate,
		UserAgent:    "Parallax/" + version + " (+https://github.com/parallax-news/parallax)",
	})
}
