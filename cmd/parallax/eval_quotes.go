package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/parallax-news/parallax/internal/eval/polnear"
)

const evalQuotesUsage = `Usage:
  parallax eval quotes --data polnear-train.jsonl.gz [--part tune|check|all] [--out FILE]

quotes     runs the quote finder on every PolNeAR article and compares it with
           the gold direct quotations that have a source: quote recall (a found
           quotation covers at least half of the gold content's letters and
           digits), speaker accuracy among recalled quotes (the words the
           speaker was found in overlap the gold source, or the resolved
           person's family name is in it; no speaker is wrong), the same for
           pronoun sources, and precision (found quotations at least half
           inside some gold attribution's content). Articles are split into a
           tune part (70%) and a check part by the FNV-1a hash of their id.
           --out writes one JSON line per gold quotation and per unmatched
           found quotation (ids, byte offsets, speaker spans; no article text).
`

func runEvalQuotes(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalQuotesUsage) }
	data := fs.String("data", "", "PolNeAR JSONL (gzip or not)")
	out := fs.String("out", "", "write one JSON line per quotation to this file")
	part := fs.String("part", "all", "articles to score: tune, check or all")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return &usageError{"eval quotes: --data FILE is required"}
	}
	sel := ""
	switch *part {
	case "all":
	case polnear.Tune, polnear.Check:
		sel = *part
	default:
		return &usageError{fmt.Sprintf("eval quotes: --part %q: want tune, check or all", *part)}
	}
	arts, err := polnear.Read(*data)
	if err != nil {
		return err
	}
	res := polnear.Score(arts, sel)
	if *out != "" {
		if err := writeJSONLines(*out, res.Records); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "PolNeAR: gold direct quotations with a source\n")
	fmt.Fprintf(stdout, "%-15s %5s %6s %7s %8s %8s %6s %8s %8s %6s %6s\n",
		"part", "arts", "gold", "recall", "speaker", "no spkr", "pron", "pron acc", "silver", "found", "prec")
	row := func(name string, c polnear.Counts) {
		fmt.Fprintf(stdout, "%-15s %5d %6d %6.1f%% %7.1f%% %8d %6d %7.1f%% %7.1f%% %6d %5.1f%%\n",
			name, c.Articles, c.Gold, 100*c.Recall(), 100*c.Accuracy(), c.Unattributed,
			c.PronGold, 100*c.PronAccuracy(), 100*ratioOf(c.PronSilver, c.PronRecalled), c.Found, 100*c.Precision())
	}
	for _, p := range []string{polnear.Tune, polnear.Check, "all"} {
		if c, ok := res.Parts[p]; ok && (sel == "" || p == sel) {
			row(p, c)
		}
	}
	for _, p := range res.PublisherNames() {
		row("  "+p, res.Publishers[p])
	}
	fmt.Fprintf(stdout, "Gold quotations set in two apostrophes (''...''), which PolNeAR does not flag as direct:\n")
	row("  ''...''", res.Wire)
	return nil
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
