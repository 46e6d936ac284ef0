package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval"
)

const evalCitationsUsage = `Usage:
  parallax eval citations [--labels FILE] [--shared DIR] [--part tune|check|all] [--misses FILE] [--params JSON] [--cosine T] [--fit]
  parallax eval citations --candidates OUT --set SET [--every N] [--claims K] [--others K] [--per K]

Checks the brief's citations against a labelled set of (claim, other
outlet's sentence) pairs (default testdata/citations/labels.jsonl) and
prints citation precision and recall as JSON: for every labelled claim and
other article, the evidence the brief cites from that article is correct
when it was judged to report the claim, wrong when judged not to. Stories
are read from the shared data (default ../shared). --part picks the stories
used to tune or those kept to check (a fixed split by hash). --misses
writes the wrong, unjudged and missed cases as JSON lines. --params
overrides knobs of the same-information decision, given as JSON
({"Threshold": 0.75, ...}), to measure them; --cosine T measures the
decision Parallax used before instead (cosine similarity at least T; it
used 0.27). --fit fits the decision's score by logistic regression on the
judged pairs of --part and prints the knobs as JSON (what --params takes):
"--fit --part tune" makes the weights Parallax ships.

With --candidates, writes pairs to judge for the stories of SET
(duc2004-dev, multinews-val or seeds; every N-th story), with their
sentences, to OUT: this is how the labelled set was built.
`

func runEvalCitations(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval citations", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalCitationsUsage) }
	labels := fs.String("labels", filepath.Join("testdata", "citations", "labels.jsonl"), "labelled pairs")
	shared := fs.String("shared", filepath.Join("..", "shared"), "the shared data directory")
	part := fs.String("part", "all", "tune, check or all")
	misses := fs.String("misses", "", "write the misses here")
	candidates := fs.String("candidates", "", "write pairs to judge here")
	set := fs.String("set", "", "with --candidates: the set")
	every := fs.Int("every", 1, "with --candidates: every N-th story")
	claims := fs.Int("claims", 3, "with --candidates: claims per story")
	others := fs.Int("others", 3, "with --candidates: other articles per claim")
	per := fs.Int("per", 2, "with --candidates: candidates of each kind per article")
	paramsJSON := fs.String("params", "", "JSON object overriding the decision's knobs, for measuring them")
	cosine := fs.Float64("cosine", 0, "measure the earlier decision instead: cite when the cosine reaches this")
	fit := fs.Bool("fit", false, "fit the decision's score on the labelled pairs of --part and print it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &usageError{"eval citations: unexpected arguments"}
	}
	loader := &eval.StoryLoader{Shared: *shared}
	if *candidates != "" {
		return writeCandidates(ctx, loader, *candidates, *set, *every, *claims, *others, *per)
	}
	switch *part {
	case "all":
		*part = ""
	case "tune", "check":
	default:
		return &usageError{fmt.Sprintf("eval citations: --part %q: want tune, check or all", *part)}
	}
	ls, err := eval.ReadCitationLabels(*labels)
	if err != nil {
		return err
	}
	var params *align.Params
	if *paramsJSON != "" {
		p := align.DefaultParams
		if err := json.Unmarshal([]byte(*paramsJSON), &p); err != nil {
			return &usageError{"eval citations: --params: " + err.Error()}
		}
		params = &p
	}
	if *fit {
		base := align.DefaultParams
		if params != nil {
			base = *params
		}
		p, err := eval.FitDecision(ctx, ls, loader, *part, base)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}
	res, err := eval.Citations(ctx, ls, loader, eval.CitationOptions{Part: *part, Params: params, Cosine: *cosine})
	if err != nil {
		return err
	}
	if *misses != "" {
		if err := writeJSONLines(*misses, res.Misses); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{
		"labels": *labels, "part": cmpOr(*part, "all"),
		"pairs": res.Pairs, "cases": res.Outlets,
		"citation_precision": round4(res.Precision()), "citation_recall": round4(res.Recall()),
		"correct": res.Correct, "wrong": res.Wrong, "unjudged": res.Unjudged,
		"supported": res.Supported, "recalled": res.Recalled,
		"pair_precision": round4(res.Pair.Precision()), "pair_recall": round4(res.Pair.Recall()),
		"pair_accuracy": round4(res.Pair.Accuracy()),
	})
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func writeCandidates(ctx context.Context, loader *eval.StoryLoader, out, set string, every, claims, others, per int) error {
	var ids []string
	switch set {
	case "seeds":
		ids = []string{""}
	case "duc2004-dev", "multinews-val":
		stories, err := dataset.Read(filepath.Join(loader.Shared, "data", set+".jsonl.gz"))
		if err != nil {
			return err
		}
		for i, s := range stories {
			if i%max(every, 1) == 0 && len(s.Articles()) >= 2 {
				ids = append(ids, s.ID)
			}
		}
	default:
		return &usageError{fmt.Sprintf("eval citations: --set %q: want duc2004-dev, multinews-val or seeds", set)}
	}
	var all []eval.CitationCandidate
	for _, id := range ids {
		arts, err := loader.Articles(ctx, set, id)
		if err != nil {
			return err
		}
		cs, err := eval.CitationCandidates(ctx, set, id, arts, claims, others, per)
		if err != nil {
			return fmt.Errorf("%s %s: %w", set, id, err)
		}
		all = append(all, cs...)
	}
	return writeJSONLines(out, all)
}
