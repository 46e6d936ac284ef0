package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/dedup/copyset"
)

const evalCopiesUsage = `Usage: parallax eval copies [--data FILE...] [--seed S] [--pairs N] [--out FILE]

Measures the copy decision (internal/dedup) on a labelled set of article
pairs built at run time from real articles of the datasets (default
../shared/data/duc2004-dev.jsonl.gz and multinews-val.jsonl.gz, taking
turns), the same for a given seed and size; no text is written anywhere.

Positive pairs are an article and a copy of it: reformatted (white space,
quotation marks, line breaks), trimmed (the first 40-80% of paragraphs),
re-headlined (a new first line), reordered (one to three paragraphs
moved), another ending (the last 20-50% of paragraphs replaced by another
article's of the same story), boilerplate added (byline, copyright notice,
share prompts, related links), edited (a few words changed) and combined
(two or three of these). The datasets lost their paragraph breaks, so an
article's sentences are first grouped into paragraphs of one to three.
Negative pairs are two different articles of one event (same-story, and
the same with one long quotation or the same boilerplate added to both:
the hard negatives) and two articles of different events (random). A
negative pair whose two documents are near-identical in the dataset
itself (half of the shorter's 8-word shingles in the other) is a real
copy in the data: it is reported under "real_duplicates", not scored.

The set is split by story into two parts: "tune" (the thresholds were set
on it) and "check". It prints one JSON object: for each part and for both,
precision, recall and F1 of the copy decision overall and per edit kind
(each kind's positives against all the part's negatives), the false-
positive rate per negative kind and over the hard negatives, the real
duplicates and how many were called copies, and pairs per second (both
sketches and the decision, one pair at a time). --out writes one JSON line
per pair (ids, kind, label, decision, shares; no text).

  --data FILE   a dataset ({"id","documents":[...]} a line, gzip or not); repeatable
  --seed S      the set's seed (default 1)
  --pairs N     pairs of each kind (default 400)
  --out FILE    write the per-pair decisions here (JSON lines)
`

// copyDataFiles are the datasets eval copies reads by default.
var copyDataFiles = []string{"duc2004-dev.jsonl.gz", "multinews-val.jsonl.gz"}

func runEvalCopies(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval copies", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, evalCopiesUsage) }
	var data stringList
	fs.Var(&data, "data", "dataset JSONL (repeatable)")
	seed := fs.Uint64("seed", 1, "the set's seed")
	pairs := fs.Int("pairs", 400, "pairs of each kind")
	out := fs.String("out", "", "write per-pair decisions here (JSON lines)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("eval copies: unexpected argument %q", fs.Arg(0))}
	}
	if *pairs < 1 {
		return &usageError{"eval copies: --pairs must be at least 1"}
	}
	if len(data) == 0 {
		for _, name := range copyDataFiles {
			p, err := findCopyData(name)
			if err != nil {
				return fmt.Errorf("eval copies: %w (use --data FILE)", err)
			}
			data = append(data, p)
		}
	}
	var sources []copyset.Source
	for _, path := range data {
		stories, err := dataset.Read(path)
		if err != nil {
			return fmt.Errorf("eval copies: %w", err)
		}
		sources = append(sources, copyset.Source{Name: copyDataName(path), Stories: stories})
	}
	set := copyset.Build(sources, *seed, *pairs)
	if len(set) == 0 {
		return fmt.Errorf("eval copies: no pair could be built from %s", strings.Join(data, ", "))
	}
	res, rows, err := scoreCopies(ctx, set, newProgress(stderr, len(set), "pairs"))
	if err != nil {
		return err
	}
	res.Data = data
	res.Seed = *seed
	res.PairsPerKind = *pairs
	if *out != "" {
		if err := writeJSONLines(*out, rows); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// findCopyData looks for ../shared/data/name from the working directory
// and its parents.
func findCopyData(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for range 6 {
		p := filepath.Join(dir, "..", "shared", "data", name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			break
		}
		dir = up
	}
	return "", fmt.Errorf("../shared/data/%s not found from the working directory or its parents", name)
}

// copyDataName names a dataset by its file name without extensions.
func copyDataName(path string) string {
	name := filepath.Base(path)
	for _, ext := range []string{".gz", ".jsonl", ".json"} {
		name = strings.TrimSuffix(name, ext)
	}
	return name
}

// copiesResult is the printed JSON object.
type copiesResult struct {
	Data         []string `json:"data"`
	Seed         uint64   `json:"seed"`
	PairsPerKind int      `json:"pairs_per_kind"`
	Method       struct {
		Shingle     int     `json:"shingle_words"`
		Hashes      int     `json:"minhash_values"`
		Bands       int     `json:"bands"`
		Rows        int     `json:"rows"`
		Sample      int     `json:"sample"`
		CopyShare   float64 `json:"copy_share"`
		BucketCap   int     `json:"bucket_cap"`
		Duplicate   float64 `json:"real_duplicate_share"`
		Description string  `json:"description"`
	} `json:"method"`
	Tune           copiesPart            `json:"tune"`
	Check          copiesPart            `json:"check"`
	All            copiesPart            `json:"all"`
	BySource       map[string]copiesPart `json:"by_dataset"`
	PairsPerSecond float64               `json:"pairs_per_second"`
}

type copiesPart struct {
	Pairs           int                   `json:"pairs"`
	Overall         copyPRF               `json:"overall"`
	CandidateRecall float64               `json:"candidate_recall"`
	HardNegativeFPR float64               `json:"hard_negative_fpr"`
	HardNegatives   int                   `json:"hard_negatives"`
	Kinds           map[string]copiesKind `json:"kinds"`
	RealDuplicates  struct {
		Pairs      int `json:"pairs"`
		CalledCopy int `json:"called_copy"`
	} `json:"real_duplicates"`
}

type copyPRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
}

type copiesKind struct {
	Pairs int `json:"pairs"`
	// Found counts the pairs called copies.
	Found int `json:"found"`
	// For positive kinds.
	Precision *float64 `json:"precision,omitempty"`
	Recall    *float64 `json:"recall,omitempty"`
	F1        *float64 `json:"f1,omitempty"`
	// For negative kinds.
	FPR *float64 `json:"false_positive_rate,omitempty"`
	// Duplicates counts the negative pairs set apart as real copies.
	Duplicates int `json:"real_duplicates,omitempty"`
}

// copiesRow is one line of --out.
type copiesRow struct {
	Kind       string    `json:"kind"`
	Copy       bool      `json:"copy"`
	Source     string    `json:"dataset"`
	Stories    [2]string `json:"stories"`
	Docs       [2]int    `json:"docs"`
	Edits      []string  `json:"edits,omitempty"`
	Part       string    `json:"part"`
	Duplicate  bool      `json:"real_duplicate,omitempty"`
	Overlap    float64   `json:"overlap,omitempty"`
	Candidate  bool      `json:"candidate"`
	Decision   bool      `json:"decision"`
	Shared     float64   `json:"shared"`
	Covered    float64   `json:"covered"`
	OwnShared  float64   `json:"own_shared"`
	OwnCovered float64   `json:"own_covered"`
}

type copyProgress interface {
	Add(int)
	Done()
}

// scoreCopies runs the decision on every pair: B is added to an index
// holding A.
func scoreCopies(ctx context.Context, set []copyset.Pair, bar copyProgress) (*copiesResult, []copiesRow, error) {
	defer bar.Done()
	rows := make([]copiesRow, len(set))
	var elapsed time.Duration
	for i, p := range set {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		start := time.Now()
		a, b := dedup.NewSketch(p.A), dedup.NewSketch(p.B)
		c, cand := dedup.Check(b, a)
		elapsed += time.Since(start)
		rows[i] = copiesRow{
			Kind: p.Kind, Copy: p.Copy, Source: p.Source, Stories: p.Stories, Docs: p.Docs, Edits: p.Edits,
			Part: p.Part, Duplicate: p.Duplicate, Overlap: round4(p.Overlap), Candidate: cand, Decision: c.Copy,
			Shared: round4(c.Shared), Covered: round4(c.Covered), OwnShared: round4(c.OwnShared), OwnCovered: round4(c.OwnCovered),
		}
		bar.Add(1)
	}
	res := &copiesResult{BySource: map[string]copiesPart{}}
	m := &res.Method
	m.Shingle, m.Hashes, m.Bands, m.Rows, m.Sample = dedup.Shingle, dedup.Hashes, dedup.Bands, dedup.Rows, dedup.Sample
	m.CopyShare, m.BucketCap, m.Duplicate = dedup.CopyShare, dedup.BucketCap, copyset.DuplicateShare
	m.Description = "exact hash of folded words; MinHash over word shingles, LSH bands for candidates; " +
		"a copy when one article's shingles outside quotations are found in the other at copy_share or more (bottom-k sample)"
	res.Tune = summarizeCopies(rows, func(r copiesRow) bool { return r.Part == "tune" })
	res.Check = summarizeCopies(rows, func(r copiesRow) bool { return r.Part == "check" })
	res.All = summarizeCopies(rows, func(copiesRow) bool { return true })
	for _, r := range rows {
		if _, ok := res.BySource[r.Source]; !ok {
			src := r.Source
			res.BySource[src] = summarizeCopies(rows, func(r copiesRow) bool { return r.Source == src })
		}
	}
	if elapsed > 0 {
		res.PairsPerSecond = round4(float64(len(set)) / elapsed.Seconds())
	}
	return res, rows, nil
}

func summarizeCopies(rows []copiesRow, keep func(copiesRow) bool) copiesPart {
	var part copiesPart
	part.Kinds = map[string]copiesKind{}
	type count struct{ n, found, dup, dupFound int }
	counts := map[string]*count{}
	for _, k := range append(append([]string{}, copyset.PositiveKinds...), copyset.NegativeKinds...) {
		counts[k] = &count{}
	}
	var o copyPRF
	hard, hardFP, cands, pos := 0, 0, 0, 0
	for _, r := range rows {
		if !keep(r) {
			continue
		}
		c := counts[r.Kind]
		if c == nil {
			continue
		}
		if r.Duplicate {
			c.dup++
			part.RealDuplicates.Pairs++
			if r.Decision {
				c.dupFound++
				part.RealDuplicates.CalledCopy++
			}
			continue
		}
		part.Pairs++
		c.n++
		if r.Decision {
			c.found++
		}
		switch {
		case r.Copy && r.Decision:
			o.TP++
		case r.Copy:
			o.FN++
		case r.Decision:
			o.FP++
		default:
			o.TN++
		}
		if r.Copy {
			pos++
			if r.Candidate {
				cands++
			}
		}
		if copyset.HardNegative(r.Kind) {
			hard++
			if r.Decision {
				hardFP++
			}
		}
	}
	o.Precision, o.Recall, o.F1 = copyScores(o.TP, o.FP, o.FN)
	part.Overall = o
	part.CandidateRecall = round4(copyRatio(cands, pos))
	part.HardNegatives = hard
	part.HardNegativeFPR = round4(copyRatio(hardFP, hard))
	for _, k := range copyset.PositiveKinds {
		c := counts[k]
		p, r, f := copyScores(c.found, o.FP, c.n-c.found)
		part.Kinds[k] = copiesKind{Pairs: c.n, Found: c.found, Precision: &p, Recall: &r, F1: &f}
	}
	for _, k := range copyset.NegativeKinds {
		c := counts[k]
		fpr := round4(copyRatio(c.found, c.n))
		part.Kinds[k] = copiesKind{Pairs: c.n, Found: c.found, FPR: &fpr, Duplicates: c.dup}
	}
	return part
}

// scores returns precision, recall and F1, rounded, from counts.
func copyScores(tp, fp, fn int) (p, r, f float64) {
	p, r = copyRatio(tp, tp+fp), copyRatio(tp, tp+fn)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return round4(p), round4(r), round4(f)
}

func copyRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
