package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/eval/rouge"
)

const evalUsage = `Usage:
  parallax eval rouge --cases CASES.jsonl [--wordnet DIR] [ROUGE FLAGS...]
  parallax eval summarize --data FILE --method NAME [--words N] [--limit K]
                          [--out FILE] [--jsonl FILE] [--rouge "FLAGS"] [--wordnet DIR]
  parallax eval compare A.jsonl B.jsonl
  parallax eval quotes --data FILE [--part tune|check|all] [--out FILE]
  parallax eval align --data FILE [--out FILE]
  parallax eval citations [--labels FILE] [--part tune|check|all] [--misses FILE]
  parallax eval extract --data DIR [--out FILE] [--limit N]
  parallax eval cluster --data FILE [--data FILE...] [--stories K] [--seed S]
                        [--part tune|check|all] [--limit-articles N]
                        [--distractors FILE --distractor-count N]
  parallax eval copies [--data FILE...] [--seed S] [--pairs N] [--out FILE]
  parallax eval load --url URL [--rate R] [--duration D] [--path P]
  parallax eval corpus --data FILE [--data FILE...] --articles N [-o FILE]
  parallax eval timeline --data DIR [--topics a,b] [--method parallax|baseline]
  parallax eval dates [--labels DIR] [--shared DIR] [--errors]

rouge      scores each case {"id","peer":[...],"refs":[[...],...]} with the given
           ROUGE-1.5.5 flags (-n N, -m, -2 D, -u, -l N, -b N, -f A, -p A, ...) and
           prints one JSON line per case: {"id","flags","scores":{...}}.
summarize  runs a method on every story of a dataset ({"id","documents":[...],
           "summary":"..."} or "summaries":[...], gzip or not) and prints mean
           ROUGE-1/2/L/SU4 recall and F with 95% bootstrap intervals, stories per
           second and peak memory. Methods: parallax, lead, centroid, lexrank,
           textrank, mmr, oracle, or file:PATH for summaries made elsewhere
           ({"id","summary":[...]} a line). --out writes the summaries, --jsonl
           the per-story scores. The ROUGE flags default to the Multi-News
           protocol: -n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l WORDS.
compare    compares two --jsonl files story by story: the paired difference of
           every metric with its bootstrap interval, the approximate
           randomization test and the paired bootstrap p-values.
align      runs the same-information decision on labelled sentence pairs
           ({"label": 0|1, "s1", "s2"} a line) and prints accuracy, precision,
           recall and F1; --out writes the per-pair decisions and measures.
citations  checks the brief's citations against the labelled set of judged
           (claim, other outlet's sentence) pairs: citation precision and recall
           ("parallax eval citations -h" tells how the set was built).
extract    scores HTML article extraction on the Scrapinghub benchmark
           (../shared/data/article-extraction): precision, recall and F1 of
           the body's word shingles, and pages per second, for the extractor
           and its fallback side by side ("parallax eval extract -h").
cluster    pools the articles of many stories, shuffles them, clusters them
           as one stream and prints B-cubed and pairwise precision, recall
           and F1, the adjusted Rand index, articles per second and memory
           ("parallax eval cluster -h").
corpus     writes N article records made from a dataset's real articles and
           reprints of them, for load and throughput measurements ("parallax
           eval corpus -h").
load       asks a running 'parallax serve' for story pages at a fixed rate
           from this process and prints the latency quantiles ("parallax
           eval load -h").
dates      scores the date finder on the labelled dates of testdata/dates:
           precision and recall of expressions and of resolved values
           ("parallax eval dates -h").
timeline   builds a timeline of each Timeline17 topic and scores it against the
           journalists' timelines: date F1, concat, agreement and alignment
           ROUGE-1/2 ("parallax eval timeline -h").
quotes     scores the quote finder and its speakers on PolNeAR (see
           "parallax eval quotes -h").

The WordNet exception lists for -m are looked up in
../shared/data/rouge-conformance/wordnet-2.0-exc (from here or a parent
directory) unless --wordnet names a directory.
`

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, evalUsage)
		return &usageError{"eval: no subcommand given"}
	}
	switch args[0] {
	case "rouge":
		return runEvalRouge(args[1:], stdout)
	case "summarize":
		return runEvalSummarize(ctx, args[1:], stdout, stderr)
	case "compare":
		return runEvalCompare(args[1:], stdout)
	case "quotes":
		return runEvalQuotes(ctx, args[1:], stdout, stderr)
	case "align":
		return runEvalAlign(args[1:], stdout, stderr)
	case "citations":
		return runEvalCitations(ctx, args[1:], stdout, stderr)
	case "extract":
		return runEvalExtract(ctx, args[1:], stdout, stderr)
	case "cluster":
		return runEvalCluster(ctx, args[1:], stdout, stderr)
	case "copies":
		return runEvalCopies(ctx, args[1:], stdout, stderr)
	case "load":
		return runEvalLoad(ctx, args[1:], stdout, stderr)
	case "corpus":
		return runEvalCorpus(ctx, args[1:], stdout, stderr)
	case "timeline":
		return runEvalTimeline(ctx, args[1:], stdout, stderr)
	case "dates":
		return runEvalDates(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, evalUsage)
		return nil
	}
	return &usageError{fmt.Sprintf("eval: unknown subcommand %q", args[0])}
}

// newScorer builds a ROUGE scorer from reference-style flags, loading the
// WordNet exception lists when stemming is asked for.
func newScorer(flags []string, wordnet string) (*rouge.Scorer, error) {
	opts, err := rouge.ParseFlags(flags)
	if err != nil {
		return nil, &usageError{err.Error()}
	}
	var exc rouge.Exceptions
	if opts.Stem {
		dir := wordnet
		if dir == "" {
			if dir, err = rouge.FindExceptionsDir(); err != nil {
				return nil, fmt.Errorf("%w (use --wordnet DIR)", err)
			}
		}
		if exc, err = rouge.LoadExceptions(dir); err != nil {
			return nil, err
		}
	}
	return rouge.NewScorer(opts, exc)
}

type jsonScore struct {
	R float64 `json:"R"`
	P float64 `json:"P"`
	F float64 `json:"F"`
}

func jsonScores(metrics []string, s rouge.Scores) map[string]jsonScore {
	out := make(map[string]jsonScore, len(metrics))
	for _, m := range metrics {
		out[m] = jsonScore{s[m].Recall, s[m].Precision, s[m].F}
	}
	return out
}

func runEvalRouge(args []string, stdout io.Writer) error {
	var cases, wordnet string
	var flags []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--cases" || a == "--wordnet":
			if i+1 >= len(args) {
				return &usageError{fmt.Sprintf("eval rouge: %s needs a value", a)}
			}
			if a == "--cases" {
				cases = args[i+1]
			} else {
				wordnet = args[i+1]
			}
			i++
		case strings.HasPrefix(a, "--cases="):
			cases = strings.TrimPrefix(a, "--cases=")
		case strings.HasPrefix(a, "--wordnet="):
			wordnet = strings.TrimPrefix(a, "--wordnet=")
		default:
			flags = append(flags, a)
		}
	}
	if cases == "" {
		return &usageError{"eval rouge: --cases FILE is required"}
	}
	scorer, err := newScorer(flags, wordnet)
	if err != nil {
		return err
	}
	f, err := os.Open(cases)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c struct {
			ID   string     `json:"id"`
			Peer []string   `json:"peer"`
			Refs [][]string `json:"refs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return fmt.Errorf("%s:%d: %w", cases, line, err)
		}
		if len(c.Refs) == 0 {
			return fmt.Errorf("%s:%d: case %q has no reference", cases, line, c.ID)
		}
		s := scorer.Score(c.Peer, c.Refs)
		if err := enc.Encode(map[string]any{"id": c.ID, "flags": strings.Join(flags, " "),
			"scores": jsonScores(scorer.Metrics(), s)}); err != nil {
			return err
		}
	}
	return sc.Err()
}

func runEvalSummarize(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval summarize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "dataset JSONL (gzip or not)")
	method := fs.String("method", "parallax", "method: "+strings.Join(eval.MethodNames, ", ")+", or file:PATH")
	words := fs.Int("words", 250, "summary word budget")
	limit := fs.Int("limit", 0, "use only the first K stories (0: all)")
	out := fs.String("out", "", "write each story's summary to this JSONL file")
	perStory := fs.String("jsonl", "", "write each story's scores to this JSONL file")
	rougeFlags := fs.String("rouge", "", "ROUGE-1.5.5 flags (default: the Multi-News protocol with -l WORDS)")
	wordnet := fs.String("wordnet", "", "directory of the WordNet exception lists")
	workers := fs.Int("workers", 0, "stories summarized at once (default: GOMAXPROCS)")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return &usageError{"eval summarize: --data FILE is required"}
	}
	if *words < 1 {
		return &usageError{"eval summarize: --words must be at least 1"}
	}
	flags := strings.Fields(*rougeFlags)
	if len(flags) == 0 {
		flags = strings.Fields(fmt.Sprintf("-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l %d", *words))
	}
	scorer, err := newScorer(flags, *wordnet)
	if err != nil {
		return err
	}
	m, err := eval.NewMethod(*method, scorer)
	if err != nil {
		return &usageError{err.Error()}
	}
	stories, err := dataset.Read(*data)
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(stories) {
		stories = stories[:*limit]
	}
	res, err := eval.Run(ctx, stories, m, *words, scorer, *workers)
	if err != nil {
		return err
	}
	for _, sr := range res.Stories {
		if sr.Err != nil {
			fmt.Fprintf(stderr, "parallax: %v\n", sr.Err)
		}
	}
	if *out != "" {
		if err := writeJSONL(*out, res.Stories, func(sr eval.StoryResult) any {
			sum := sr.Summary
			if sum == nil {
				sum = []string{}
			}
			return map[string]any{"id": jsonID(sr.ID), "summary": sum}
		}); err != nil {
			return err
		}
	}
	if *perStory != "" {
		if err := writeJSONL(*perStory, res.Stories, func(sr eval.StoryResult) any {
			return map[string]any{"id": jsonID(sr.ID), "scores": jsonScores(res.Metrics, sr.Scores)}
		}); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "method %s, %d stories, %d words, ROUGE flags: %s\n", res.Method, len(res.Stories), *words, strings.Join(flags, " "))
	fmt.Fprintf(stdout, "%-10s %-26s %-26s\n", "metric", "recall [95% CI]", "F [95% CI]")
	for _, name := range res.Metrics {
		r, f := res.Recall[name], res.F[name]
		fmt.Fprintf(stdout, "%-10s %6.2f [%6.2f, %6.2f]     %6.2f [%6.2f, %6.2f]\n", name,
			100*r.Mean, 100*r.Low, 100*r.High, 100*f.Mean, 100*f.Low, 100*f.High)
	}
	fmt.Fprintf(stdout, "summarized in %.2fs: %.1f stories/s with %d workers; peak memory %s\n",
		res.Elapsed.Seconds(), res.StoriesPerSecond(), res.Workers, peakMemory())
	if res.Failed > 0 {
		fmt.Fprintf(stdout, "%d stories had no summary (scored zero)\n", res.Failed)
	}
	return nil
}

// jsonID writes a numeric story id as a number, as the dataset does.
func jsonID(id string) any {
	var n json.Number = json.Number(id)
	if _, err := n.Int64(); err == nil {
		return n
	}
	return id
}

// writeJSONL writes one JSON value a line to path, made by line from each
// of values.
func writeJSONL[T any](path string, values []T, line func(T) any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range values {
		if err := enc.Encode(line(v)); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeJSONLines writes each of values as one JSON line to path.
func writeJSONLines[T any](path string, values []T) error {
	return writeJSONL(path, values, func(v T) any { return v })
}

func runEvalCompare(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return &usageError{"eval compare: give two --jsonl score files"}
	}
	a, err := readScores(args[0])
	if err != nil {
		return err
	}
	b, err := readScores(args[1])
	if err != nil {
		return err
	}
	var ids []string
	for _, id := range a.order {
		if _, ok := b.byID[id]; ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return errors.New("eval compare: the two files share no story")
	}
	fmt.Fprintf(stdout, "A = %s\nB = %s\n%d stories in both (A has %d, B has %d)\n", args[0], args[1], len(ids), len(a.order), len(b.order))
	fmt.Fprintf(stdout, "%-12s %8s %8s %8s  %-18s %10s %12s\n", "metric", "A", "B", "A-B", "95% CI of A-B", "p (perm.)", "p (bootstr.)")
	for _, metric := range a.metrics {
		for _, field := range []string{"F", "R"} {
			xa, xb := make([]float64, len(ids)), make([]float64, len(ids))
			for i, id := range ids {
				xa[i], xb[i] = a.byID[id][metric].get(field), b.byID[id][metric].get(field)
			}
			p := eval.Compare(xa, xb, 10000, 7)
			fmt.Fprintf(stdout, "%-12s %8.2f %8.2f %+8.2f  [%+6.2f, %+6.2f]  %10.4f %12.4f\n", metric+" "+field,
				100*p.MeanA, 100*p.MeanB, 100*p.Diff.Mean, 100*p.Diff.Low, 100*p.Diff.High, p.P, p.BootstrapP)
		}
	}
	return nil
}

func (s jsonScore) get(field string) float64 {
	switch field {
	case "R":
		return s.R
	case "P":
		return s.P
	}
	return s.F
}

type scoreFile struct {
	order   []string
	metrics []string
	byID    map[string]map[string]jsonScore
}

func readScores(path string) (*scoreFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sf := &scoreFile{byID: make(map[string]map[string]jsonScore)}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			ID     json.RawMessage      `json:"id"`
			Scores map[string]jsonScore `json:"scores"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		id := strings.Trim(string(rec.ID), `"`)
		if sf.metrics == nil {
			for _, m := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L", "ROUGE-SU4"} {
				if _, ok := rec.Scores[m]; ok {
					sf.metrics = append(sf.metrics, m)
				}
			}
		}
		sf.order = append(sf.order, id)
		sf.byID[id] = rec.Scores
	}
	return sf, sc.Err()
}

// peakMemory reports the process's peak resident memory.
func peakMemory() string {
	kb := maxRSSKiB()
	if kb <= 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.0f MiB", math.Round(float64(kb)/1024))
}
