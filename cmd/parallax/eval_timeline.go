package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/eval/rouge"
)

const evalTimelineUsage = `Usage: parallax eval timeline --data DIR [--topics a,b] [--method parallax|baseline]
                               [--span reference|all] [--out FILE] [--wordnet DIR]

Measures topic timelines on Timeline17 (DIR holds <topic>.jsonl.gz articles
and timelines.jsonl, as ../shared/data/timeline17 does) under the standard
protocol of Ghalandari and Ifrim (2020): for every topic and every reference
timeline of it, a timeline is built from the topic's articles with as many
days as the reference, as many sentences per day as the reference's mean
(rounded, at least 1), and only days within the reference's first and last
day; it is scored against that reference alone, and the scores are
averaged over all runs (precision and recall averaged, F from the means).

Metrics (Martschat and Markert 2017, as the tilse toolkit computes them):
date selection precision, recall and F1 (exact days), and ROUGE-1 and
ROUGE-2 precision, recall and F of three kinds: concat (all days run
together), agreement (n-grams match only on the same day) and align+ m:1
(each day aligned to the other timeline's day of least cost, date distance
times content dissimilarity, hits discounted by 1/(days apart + 1)). ROUGE
counts stemmed tokens without stop words (Parallax's stop list standing in
for ROUGE-1.5.5's SMART list).

One JSON object is printed: per topic, each run and the topic's mean; the
mean over all runs; the articles read per second while building (not
scoring). --out writes every predicted timeline, one JSON object a line.

Flags:
  --data DIR       the Timeline17 directory (required)
  --topics LIST    comma-separated topic names (default: every topic in DIR)
  --method NAME    parallax (default) or baseline (most published days,
                   first sentences of each day's most central article)
  --span S         reference (default, the protocol): only days within the
                   reference's first and last day; all: any day of the
                   articles, a stricter test of date selection
  --out FILE       write the predicted timelines to FILE
  --wordnet DIR    the WordNet exception lists for stemming (default: found
                   under ../shared/data/rouge-conformance)
`

func runEvalTimeline(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, evalTimelineUsage) }
	data := fs.String("data", "", "the Timeline17 directory")
	topics := fs.String("topics", "", "comma-separated topic names")
	method := fs.String("method", "parallax", "parallax or baseline")
	out := fs.String("out", "", "write the predicted timelines to this file")
	wordnet := fs.String("wordnet", "", "WordNet exception lists directory")
	span := fs.String("span", "reference", "reference or all")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("eval timeline: unexpected argument %q", fs.Arg(0))}
	}
	if *data == "" {
		return &usageError{"eval timeline: --data is required"}
	}
	if *span != "reference" && *span != "all" {
		return &usageError{fmt.Sprintf("eval timeline: unknown --span %q (want reference or all)", *span)}
	}
	m, err := eval.NewTimelineMethod(*method)
	if err != nil {
		return &usageError{err.Error()}
	}
	var names []string
	for _, t := range strings.Split(*topics, ",") {
		if t = strings.TrimSpace(t); t != "" {
			names = append(names, t)
		}
	}
	dir := *wordnet
	if dir == "" {
		if dir, err = rouge.FindExceptionsDir(); err != nil {
			return fmt.Errorf("eval timeline: %w (use --wordnet DIR)", err)
		}
	}
	exc, err := rouge.LoadExceptions(dir)
	if err != nil {
		return fmt.Errorf("eval timeline: %w", err)
	}
	scorer, err := eval.NewTimelineScorer(exc, nil)
	if err != nil {
		return err
	}
	set, err := eval.LoadTimeline17(*data, names)
	if err != nil {
		return err
	}
	res, err := eval.RunTimelines(ctx, set, *method, m, scorer, *span == "all")
	if err != nil {
		return err
	}
	if *out != "" {
		err := writeTo(*out, nil, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			for _, t := range res.Topics {
				for _, r := range t.Runs {
					rec := struct {
						Topic    string        `json:"topic"`
						Source   string        `json:"source"`
						Method   string        `json:"method"`
						Timeline eval.Timeline `json:"timeline"`
					}{r.Topic, r.Source, res.Method, r.Predicted}
					if err := enc.Encode(rec); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("eval timeline: %w", err)
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
