package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval"
)

const evalClusterUsage = `Usage: parallax eval cluster --data FILE [--data FILE...] [--stories K] [--seed S]
                              [--part tune|check|all] [--limit-articles N]
                              [--distractors FILE --distractor-count N]
                              [--threshold T] [--prior=false] [--out FILE]

Measures story clustering on summarization datasets, whose stories each
gather several outlets' articles on one event. The articles of K stories of
each --data file (all by default; with --part, only the stories of that half
of the project's fixed split by hash of the story id) are pooled, with
--distractor-count documents drawn at random from the --distractors file's
other stories, and shuffled with the seed: that order is the arrival order.
The datasets' documents carry no dates, so time plays no part. --limit-
articles keeps the first N of the shuffled pool.

The pool is clustered as one stream (cluster.Clusterer, the article check
included) and one JSON object is printed: for all documents and for each
file (its documents scored against stories that hold everything pooled, so
a distractor in a story counts against it), B-cubed precision, recall and
F1, pairwise precision, recall and F1, the adjusted Rand index (of the file's
documents alone), and the numbers of true and found stories; the same over
the documents that are articles (cluster.IsArticle decides; what it sets
apart is counted by reason and left out of the scoring); how many texts the
clusterer itself set apart; the articles clustered per second (clustering
only, not reading); the heap the clusterer holds and the process's peak
memory. --out writes each document's true and found story, a line each.
Word weights start from the background document frequencies that align
ships (align.BackgroundIDF); --prior=false learns them from the stream
alone.
`

// clusterDoc is one pooled document.
type clusterDoc struct {
	a       parallax.Article
	set     int // index of its --data file, or -1 for a distractor
	gold    int // its true story, numbered across the pool
	article bool
	why     string
}

func runEvalCluster(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval cluster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, evalClusterUsage) }
	var data stringList
	fs.Var(&data, "data", "dataset JSONL (gzip or not); repeatable")
	stories := fs.Int("stories", 0, "use K stories of each dataset (0: all)")
	seed := fs.Uint64("seed", 1, "seed of the story draw and the shuffle")
	part := fs.String("part", "all", "stories to use: tune, check or all")
	limit := fs.Int("limit-articles", 0, "keep the first N articles of the shuffled pool (0: all)")
	distractors := fs.String("distractors", "", "dataset to draw distractor documents from")
	distractorCount := fs.Int("distractor-count", 2000, "number of distractor documents")
	threshold := fs.Float64("threshold", 0, "similarity at which an article joins a story (0: the default)")
	prior := fs.Bool("prior", true, "start word weights from the background document frequencies (align.BackgroundIDF)")
	out := fs.String("out", "", "write each document's true and found story here (JSON lines)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case len(data) == 0 || fs.NArg() > 0:
		fs.Usage()
		return &usageError{"eval cluster: --data FILE is required"}
	case *part != "tune" && *part != "check" && *part != "all":
		return &usageError{"eval cluster: --part must be tune, check or all"}
	case *stories < 0 || *limit < 0 || *distractorCount < 0 || *threshold < 0 || *threshold > 1:
		return &usageError{"eval cluster: --stories, --limit-articles, --distractor-count and --threshold must not be negative (and --threshold at most 1)"}
	}
	docs, sets, err := clusterPool(data, *stories, *part, *seed, *distractors, *distractorCount)
	if err != nil {
		return err
	}
	rand.New(rand.NewPCG(*seed, 0x5eed)).Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	if *limit > 0 && *limit < len(docs) {
		docs = docs[:*limit]
	}
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs[i].article, docs[i].why = cluster.IsArticle(docs[i].a.Text)
	}

	// Cluster, timing the clustering alone.
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	opts := cluster.Options{Threshold: *threshold}
	if *prior {
		opts.Prior = align.BackgroundIDF()
	}
	c := cluster.New(opts)
	start := time.Now()
	for i := range docs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		c.Add(docs[i].a)
	}
	found := make([]int, len(docs))
	for i := range docs {
		found[i] = c.StoryOf(i)
	}
	elapsed := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	asides := make(map[int]bool)
	for _, s := range c.Stories() {
		if s.Aside != "" {
			asides[s.ID] = true
		}
	}
	runtime.KeepAlive(c)

	gold := make([]int, len(docs))
	for i, d := range docs {
		gold[i] = d.gold
	}
	res := map[string]any{
		"protocol": map[string]any{
			"seed": *seed, "part": *part, "stories_per_dataset": *stories, "limit_articles": *limit,
			"order":     "the pooled documents shuffled with the seed; no dates (the datasets have none)",
			"threshold": thresholdOr(*threshold),
			"prior":     *prior,
		},
		"documents":           len(docs),
		"seconds":             round4(elapsed.Seconds()),
		"articles_per_second": math.Round(float64(len(docs)) / elapsed.Seconds()),
		"clusterer_heap_mib":  round4(float64(held) / (1 << 20)),
		"peak_memory_mib":     round4(float64(maxRSSKiB()) / 1024),
		"all":                 clusterFigures(gold, found, nil),
	}
	var perSet []map[string]any
	for k, name := range sets {
		in := make([]bool, len(docs))
		arts := make([]bool, len(docs))
		reasons := make(map[string]int)
		n, clustererAside := 0, 0
		for i, d := range docs {
			if d.set != k {
				continue
			}
			n++
			in[i] = true
			arts[i] = d.article
			if !d.article {
				reasons[d.why]++
			}
			if asides[found[i]] {
				clustererAside++
			}
		}
		if n == 0 {
			continue
		}
		setApart := 0
		for _, v := range reasons {
			setApart += v
		}
		perSet = append(perSet, map[string]any{
			"data":      name,
			"documents": n,
			"all":       clusterFigures(gold, found, in),
			"articles": map[string]any{
				"documents":         n - setApart,
				"set_apart":         setApart,
				"set_apart_reasons": reasons,
				"scores":            clusterFigures(gold, found, arts),
			},
			"clusterer_set_apart": clustererAside,
		})
	}
	res["datasets"] = perSet
	if *distractors != "" {
		in := make([]bool, len(docs))
		n := 0
		for i, d := range docs {
			if d.set < 0 {
				in[i] = true
				n++
			}
		}
		res["distractors"] = map[string]any{"data": *distractors, "documents": n, "all": clusterFigures(gold, found, in)}
	}
	if *out != "" {
		type row struct {
			ID      string `json:"id"`
			Gold    int    `json:"gold"`
			Found   int    `json:"found"`
			Article bool   `json:"article"`
			Why     string `json:"why,omitempty"`
		}
		rows := make([]row, len(docs))
		for i, d := range docs {
			rows[i] = row{d.a.ID, d.gold, found[i], d.article, d.why}
		}
		if err := writeJSONLines(*out, rows); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// clusterPool reads the datasets and the distractors and returns the
// pooled documents (each with its true story) and the datasets' names.
func clusterPool(data []string, stories int, part string, seed uint64, distractors string, distractorCount int) ([]clusterDoc, []string, error) {
	var docs []clusterDoc
	var names []string
	used := make(map[string]map[string]bool) // file -> story ids pooled
	gold := 0
	for k, path := range data {
		all, err := dataset.Read(path)
		if err != nil {
			return nil, nil, err
		}
		name := setName(path)
		names = append(names, path)
		var pick []dataset.Story
		for _, s := range all {
			if part == "all" || eval.Part(name, s.ID) == part {
				pick = append(pick, s)
			}
		}
		if stories > 0 && stories < len(pick) {
			r := rand.New(rand.NewPCG(seed, uint64(k)))
			r.Shuffle(len(pick), func(i, j int) { pick[i], pick[j] = pick[j], pick[i] })
			pick = pick[:stories]
			slices.SortStableFunc(pick, func(a, b dataset.Story) int { return strings.Compare(a.ID, b.ID) })
		}
		if used[path] == nil {
			used[path] = make(map[string]bool)
		}
		for _, s := range pick {
			used[path][s.ID] = true
			for _, a := range s.Articles() {
				a.ID = name + "/" + a.ID
				docs = append(docs, clusterDoc{a: a, set: k, gold: gold})
			}
			gold++
		}
	}
	if distractors != "" && distractorCount > 0 {
		all, err := dataset.Read(distractors)
		if err != nil {
			return nil, nil, err
		}
		name := setName(distractors)
		var pool []clusterDoc
		for _, s := range all {
			if used[distractors][s.ID] {
				continue
			}
			for _, a := range s.Articles() {
				a.ID = name + "/" + a.ID
				pool = append(pool, clusterDoc{a: a, set: -1, gold: gold})
			}
			gold++
		}
		r := rand.New(rand.NewPCG(seed, 0xd15))
		r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		docs = append(docs, pool[:min(distractorCount, len(pool))]...)
	}
	if len(docs) == 0 {
		return nil, nil, errors.New("eval cluster: no documents to cluster")
	}
	return docs, names, nil
}

// setName is a dataset's name as the project's split knows it: the file
// name without its extensions ("multinews-val").
func setName(path string) string {
	base := filepath.Base(path)
	for _, ext := range []string{".gz", ".jsonl", ".json"} {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// clusterFigures scores a clustering over the items in (all when nil),
// rounded for printing.
func clusterFigures(gold, found []int, in []bool) eval.ClusterScores {
	s := eval.ScoreClustersOn(gold, found, in)
	for _, f := range []*float64{&s.BCubedP, &s.BCubedR, &s.BCubedF1, &s.PairP, &s.PairR, &s.PairF1, &s.ARI} {
		*f = round4(*f)
	}
	return s
}

// thresholdOr returns the threshold in use: t, or the default for 0.
func thresholdOr(t float64) float64 {
	if t == 0 {
		return cluster.DefaultThreshold
	}
	return t
}
