package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/eval"
)

const evalAlignUsage = `Usage: parallax eval align --data FILE [--out FILE]

Runs the same-information decision on labelled sentence pairs
({"label": 0|1, "s1", "s2"} a line, gzip or not) and prints its accuracy,
precision, recall and F1 as JSON: a pair is the same when each sentence
passes as support for the other. The decision's threshold is set for
citations, where precision comes first; "cross_validated_threshold" also
reports the decision's score with the threshold fitted to the data at hand
by 10-fold cross-validation (each fold decided by a threshold chosen on the
other nine). --out writes one JSON line per pair: its
id, label, decision and the measures behind it in both directions.
`

func runEvalAlign(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval align", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalAlignUsage) }
	data := fs.String("data", "", "labelled sentence pairs")
	out := fs.String("out", "", "write per-pair results here")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" || fs.NArg() > 0 {
		fs.Usage()
		return &usageError{"eval align: --data FILE is required"}
	}
	pairs, err := eval.ReadPairs(*data)
	if err != nil {
		return err
	}
	results, b := eval.AlignPairs(pairs, align.DefaultParams)
	if *out != "" {
		if err := writeJSONLines(*out, results); err != nil {
			return err
		}
	}
	cv := eval.CrossValidatedThreshold(results, 10)
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{
		"data": *data, "pairs": len(pairs), "positive": b.TP + b.FN,
		"accuracy": round4(b.Accuracy()), "precision": round4(b.Precision()),
		"recall": round4(b.Recall()), "f1": round4(b.F1()),
		"tp": b.TP, "fp": b.FP, "tn": b.TN, "fn": b.FN,
		"cross_validated_threshold": map[string]any{
			"folds": 10, "accuracy": round4(cv.Accuracy()), "precision": round4(cv.Precision()),
			"recall": round4(cv.Recall()), "f1": round4(cv.F1()),
		},
	})
}

// round4 rounds x to four decimals for printing.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
