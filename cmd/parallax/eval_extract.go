package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/extract"
)

const evalExtractUsage = `Usage: parallax eval extract --data DIR [--out FILE] [--limit N]

Scores article extraction on the Scrapinghub article-extraction benchmark
(DIR/ground-truth.json mapping each id to {"articleBody","url"}, and
DIR/html/ID.html.gz) as its evaluate.py does: the text is cut into word
tokens (runs of Unicode letters, digits and underscores, case kept), the
tokens into overlapping 4-token shingles, and a page's true positives,
false positives and false negatives are the shingle counts the extracted
body shares with the true body, has in excess and lacks; precision is
averaged over the pages with an extracted shingle, recall over the pages
with a true one, and F1 is the harmonic mean of the two averages.
"accuracy" is the share of pages whose tokens are exactly the true ones.

It prints one JSON object with these figures and the pages extracted per
second (one page at a time) for the extractor Parallax uses ("main":
trafilatura, readability as the fallback) and for the fallback alone
("fallback": readability), side by side. --out writes one JSON line per
page with both extractors' scores; --limit scores the first N pages (in
id order) only. On a terminal, a progress bar runs on standard error.
`

func runEvalExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, evalExtractUsage) }
	data := fs.String("data", "", "benchmark directory (ground-truth.json, html/)")
	out := fs.String("out", "", "write per-page scores here (JSON lines)")
	limit := fs.Int("limit", 0, "score only the first N pages")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" || fs.NArg() > 0 {
		fs.Usage()
		return &usageError{"eval extract: --data DIR is required"}
	}
	pages, err := readExtractionBenchmark(*data)
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(pages) {
		pages = pages[:*limit]
	}
	methods := []struct {
		key, name string
		opts      extract.Options
	}{
		{"main", "trafilatura, readability as the fallback", extract.Options{}},
		{"fallback", "readability", extract.Options{Method: extract.Readability}},
	}
	rows := make([]extractionRow, len(pages))
	result := map[string]any{"data": *data, "pages": len(pages)}
	bar := newProgress(stderr, len(methods)*len(pages), "pages")
	defer bar.Done()
	for _, m := range methods {
		var scores []shingleScore
		var elapsed time.Duration
		failures, exact := 0, 0
		for i, p := range pages {
			if err := ctx.Err(); err != nil {
				return err
			}
			start := time.Now()
			a, err := extract.HTML(ctx, p.html, "text/html", p.url, m.opts)
			elapsed += time.Since(start)
			var pred string
			ps := pageScore{}
			if err != nil {
				failures++
				ps.Error = err.Error()
			} else {
				pred = a.Text
				ps.Extractor = a.Extractor
			}
			if equalTokens(p.body, pred) {
				exact++
			}
			s := scoreExtraction(p.body, pred)
			scores = append(scores, s)
			ps.Precision, ps.Recall, ps.F1 = round4(s.precision()), round4(s.recall()), round4(f1(s.precision(), s.recall()))
			ps.Words = len(extractionTokens(pred))
			rows[i].ID, rows[i].URL = p.id, p.url
			if m.key == "main" {
				rows[i].Main = ps
			} else {
				rows[i].Fallback = ps
			}
			bar.Add(1)
		}
		agg := aggregateShingles(scores)
		result[m.key] = map[string]any{
			"extractor": m.name,
			"precision": round4(agg.precision), "recall": round4(agg.recall), "f1": round4(agg.f1),
			"accuracy":         round4(float64(exact) / float64(len(pages))),
			"pages_per_second": round4(float64(len(pages)) / elapsed.Seconds()),
			"failures":         failures,
		}
	}
	if *out != "" {
		if err := writeJSONLines(*out, rows); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(result)
}

// extractionPage is one page of the benchmark.
type extractionPage struct {
	id, url, body string
	html          []byte
}

// extractionRow is one line of --out.
type extractionRow struct {
	ID       string    `json:"id"`
	URL      string    `json:"url"`
	Main     pageScore `json:"main"`
	Fallback pageScore `json:"fallback"`
}

type pageScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Words     int     `json:"words"`
	Extractor string  `json:"extractor,omitempty"`
	Error     string  `json:"error,omitempty"`
}

// readExtractionBenchmark reads the ground truth and the pages of dir, in
// id order. A page file may be gzipped (ID.html.gz) or not (ID.html).
func readExtractionBenchmark(dir string) ([]extractionPage, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	if len(gt) == 0 {
		return nil, fmt.Errorf("%s: no pages", filepath.Join(dir, "ground-truth.json"))
	}
	pages := make([]extractionPage, 0, len(gt))
	for id, v := range gt {
		h, err := readPageFile(filepath.Join(dir, "html", id+".html"))
		if err != nil {
			return nil, err
		}
		pages = append(pages, extractionPage{id: id, url: v.URL, body: v.ArticleBody, html: h})
	}
	slices.SortFunc(pages, func(a, b extractionPage) int { return strings.Compare(a.id, b.id) })
	return pages, nil
}

// readPageFile reads path.gz (gunzipped) or else path.
func readPageFile(path string) ([]byte, error) {
	f, err := os.Open(path + ".gz")
	if errors.Is(err, os.ErrNotExist) {
		return os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s.gz: %w", path, err)
	}
	b, err := io.ReadAll(io.LimitReader(z, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%s.gz: %w", path, err)
	}
	return b, nil
}

// extractionTokens splits text into the benchmark's word tokens: maximal
// runs of letters, digits (any numeric character) and underscores, as
// Python's \w+ finds them, case kept.
func extractionTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '_'
	})
}

// shingles counts the overlapping n-token shingles of tokens; fewer than
// n tokens make one short shingle, none make none.
func shingles(tokens []string, n int) map[string]int {
	out := make(map[string]int)
	for i := 0; i < max(1, len(tokens)-n+1); i++ {
		if j := min(i+n, len(tokens)); j > i {
			out[strings.Join(tokens[i:j], "\x00")]++
		}
	}
	return out
}

// shingleScore is one page's true positives, false positives and false
// negatives, normalised to sum to 1 so that long pages weigh no more
// than short ones.
type shingleScore struct{ tp, fp, fn float64 }

// scoreExtraction compares the 4-token shingles of an extracted body with
// those of the true one.
func scoreExtraction(truth, pred string) shingleScore {
	t, p := shingles(extractionTokens(truth), 4), shingles(extractionTokens(pred), 4)
	var s shingleScore
	for k, tc := range t {
		pc := p[k]
		s.tp += float64(min(tc, pc))
		s.fn += float64(max(0, tc-pc))
	}
	for k, pc := range p {
		s.fp += float64(max(0, pc-t[k]))
	}
	if sum := s.tp + s.fp + s.fn; sum > 0 {
		s.tp, s.fp, s.fn = s.tp/sum, s.fp/sum, s.fn/sum
	}
	return s
}

func (s shingleScore) precision() float64 {
	switch {
	case s.fp == 0 && s.fn == 0:
		return 1
	case s.tp == 0 && s.fp == 0:
		return 0
	}
	return s.tp / (s.tp + s.fp)
}

func (s shingleScore) recall() float64 {
	switch {
	case s.fp == 0 && s.fn == 0:
		return 1
	case s.tp == 0 && s.fn == 0:
		return 0
	}
	return s.tp / (s.tp + s.fn)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type shingleAggregate struct{ precision, recall, f1 float64 }

// aggregateShingles averages precision over the pages with an extracted
// shingle and recall over those with a true one; F1 is their harmonic
// mean.
func aggregateShingles(scores []shingleScore) shingleAggregate {
	var sp, sr float64
	var np, nr int
	for _, s := range scores {
		if s.tp+s.fp > 0 {
			sp += s.precision()
			np++
		}
		if s.tp+s.fn > 0 {
			sr += s.recall()
			nr++
		}
	}
	var a shingleAggregate
	if np > 0 {
		a.precision = sp / float64(np)
	}
	if nr > 0 {
		a.recall = sr / float64(nr)
	}
	a.f1 = f1(a.precision, a.recall)
	return a
}

// equalTokens reports whether two texts have the same word tokens.
func equalTokens(a, b string) bool {
	return slices.Equal(extractionTokens(a), extractionTokens(b))
}
