package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/timex"
)

const evalDatesUsage = `Usage:
  parallax eval dates [--labels DIR] [--shared DIR] [--errors]

dates      runs the date expression finder (internal/timex) on the labelled
           documents of --labels (default testdata/dates: the seeds, 20
           Multi-News validation documents and 10 timeline17 articles), whose
           texts are read from --shared (default ../shared), and prints, for
           the tune half, the check half (split by the FNV-1a hash of each
           document's id) and all: precision and recall of the expressions
           found (a found and a labelled expression overlap) and of their
           values (overlap and the very same value, over the expressions
           that have one). --errors prints the tune half's errors with their
           words.
`

func runEvalDates(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval dates", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalDatesUsage) }
	labels := fs.String("labels", "testdata/dates", "directory of labels.jsonl and docs.jsonl")
	shared := fs.String("shared", "../shared", "directory of the shared data (seeds/, data/)")
	errs := fs.Bool("errors", false, "print the tune half's errors")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	docs, err := timex.LoadLabelled(*labels, *shared)
	if err != nil {
		return fmt.Errorf("eval dates: %w", err)
	}
	parts := map[string]*timex.Counts{"tune": {}, "check": {}, "all": {}}
	for _, d := range docs {
		c, misses := timex.Score(d)
		part := timex.Part(d.Set, d.Doc)
		parts[part].Add(c)
		parts["all"].Add(c)
		if *errs && part == "tune" {
			for _, m := range misses {
				fmt.Fprintf(stdout, "%s %s: %s\n", d.Set, d.Doc, describeMiss(d.Text, m))
			}
		}
	}
	fmt.Fprintf(stdout, "Date expressions: %d labelled documents, %d labelled expressions (%d with a value)\n",
		parts["all"].Docs, parts["all"].Gold, parts["all"].GoldValues)
	fmt.Fprintf(stdout, "%-6s %5s %6s %6s %9s %9s %8s %8s %9s %9s\n",
		"part", "docs", "gold", "found", "span P", "span R", "values", "found", "value P", "value R")
	for _, p := range []string{"tune", "check", "all"} {
		c := parts[p]
		fmt.Fprintf(stdout, "%-6s %5d %6d %6d %8.1f%% %8.1f%% %8d %8d %8.1f%% %8.1f%%\n", p, c.Docs, c.Gold, c.Found,
			100*c.SpanPrecision(), 100*c.SpanRecall(), c.GoldValues, c.FoundValues, 100*c.ValuePrecision(), 100*c.ValueRecall())
	}
	return nil
}

// describeMiss tells one error with the words involved.
func describeMiss(text string, m timex.Miss) string {
	words := func(s, e int) string { return strings.Join(strings.Fields(text[s:e]), " ") }
	switch {
	case m.Label != nil && m.Found == nil:
		return fmt.Sprintf("missed %q = %q", words(m.Label.Start, m.Label.End), m.Label.Value)
	case m.Label != nil:
		return fmt.Sprintf("wrong %q = %q, found %q = %q", words(m.Label.Start, m.Label.End), m.Label.Value,
			words(m.Found.Start, m.Found.End), m.Found.Date.String())
	}
	return fmt.Sprintf("spurious %q = %q", words(m.Found.Start, m.Found.End), m.Found.Date.String())
}
