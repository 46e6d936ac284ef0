package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestExtractionTokens(t *testing.T) {
	got := extractionTokens("Naïve café_1 — 2,5 l'été (x) 東京 ٣")
	want := []string{"Naïve", "café_1", "2", "5", "l", "été", "x", "東京", "٣"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
}

func TestScoreExtraction(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	tests := []struct {
		truth, pred string
		p, r        float64
		hasP, hasR  bool
	}{
		{"one two three four five", "one two three four five", 1, 1, true, true},
		// shingles {1234, 2345} against {1234, 234x}: tp 1, fp 1, fn 1.
		{"one two three four five", "one two three four x", 0.5, 0.5, true, true},
		// Fewer than four tokens make one short shingle.
		{"one two", "one two", 1, 1, true, true},
		{"one two", "one three", 0, 0, true, true},
		// Nothing extracted: no precision to average, recall 0.
		{"one two three four", "", 0, 0, false, true},
		// Punctuation and spacing do not count; case does.
		{"One, two; three four!", "One two\n\nthree   four", 1, 1, true, true},
		{"One two three four", "one two three four", 0, 0, true, true},
		// Repeated shingles are counted: the extra copy is a false positive.
		{"a b c d", "a b c d. a b c d", 1.0 / 5, 1, true, true},
	}
	for _, tt := range tests {
		s := scoreExtraction(tt.truth, tt.pred)
		if !near(s.precision(), tt.p) || !near(s.recall(), tt.r) || (s.tp+s.fp > 0) != tt.hasP || (s.tp+s.fn > 0) != tt.hasR {
			t.Errorf("score(%q, %q) = P %.3f R %.3f (%+v), want P %.3f R %.3f", tt.truth, tt.pred, s.precision(), s.recall(), s, tt.p, tt.r)
		}
	}
	// Averages: precision over pages with an extracted shingle, recall over
	// pages with a true one, F1 of the two averages.
	agg := aggregateShingles([]shingleScore{
		scoreExtraction("one two three four five", "one two three four five"),
		scoreExtraction("one two three four five", "one two three four x"),
		scoreExtraction("one two three four five", ""),
	})
	if !near(agg.precision, 0.75) || !near(agg.recall, 0.5) || !near(agg.f1, 0.6) {
		t.Errorf("aggregate %+v, want P 0.75 R 0.5 F1 0.6", agg)
	}
}

// writeExtractionBenchmark writes a benchmark directory of pages written
// for the tests.
func writeExtractionBenchmark(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := "The harbour council of Westmere voted on Tuesday evening to rebuild the old stone pier, which storms damaged last winter.\n\n" +
		"Engineers told the council that the work would take two summers and that fishing boats could use the northern quay meanwhile.\n\n" +
		"Several residents spoke against the plan, saying the money would be better spent on the town's flood defences."
	gt := map[string]map[string]string{
		"a": {"articleBody": body, "url": "https://gazette.example/pier"},
		"b": {"articleBody": body, "url": "https://gazette.example/pier-2"},
	}
	b, _ := json.Marshal(gt)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	// One page gzipped, one not.
	if err := os.WriteFile(filepath.Join(dir, "html", "b.html"), []byte(extractTestPage), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "html", "a.html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	z := gzip.NewWriter(f)
	z.Write([]byte(extractTestPage))
	z.Close()
	f.Close()
	return dir
}

type evalExtractOutput struct {
	Pages          int
	Main, Fallback struct {
		Extractor             string
		Precision, Recall, F1 float64
		Accuracy              float64
		PagesPerSecond        float64 `json:"pages_per_second"`
		Failures              int
	}
}

func TestEvalExtract(t *testing.T) {
	dir := writeExtractionBenchmark(t)
	out := filepath.Join(t.TempDir(), "pages.jsonl")
	code, stdout, errs := runMain(t, "", "eval", "extract", "--data", dir, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res evalExtractOutput
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Pages != 2 || res.Main.F1 != 1 || res.Main.Accuracy != 1 || res.Fallback.Extractor != "readability" ||
		res.Main.PagesPerSecond <= 0 || res.Fallback.F1 < 0.9 || res.Main.Failures != 0 {
		t.Errorf("result:\n%s", stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ids []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row extractionRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, row.ID)
		if row.Main.F1 != 1 || row.Main.Extractor != "trafilatura" || row.Fallback.Words == 0 {
			t.Errorf("row %s", sc.Text())
		}
	}
	if strings.Join(ids, ",") != "a,b" {
		t.Errorf("ids %v", ids)
	}

	for _, args := range [][]string{{"eval", "extract"}, {"eval", "extract", "--data", filepath.Join(dir, "none")}} {
		if code, _, _ := runMain(t, "", args...); code == exitOK {
			t.Errorf("%v: exit 0", args)
		}
	}
}

// TestEvalExtractShared runs the command on the first pages of the shared
// benchmark; the figures themselves are measured, not asserted.
func TestEvalExtractShared(t *testing.T) {
	dir := sharedtest.Path(t, "data", "article-extraction")
	code, stdout, errs := runMain(t, "", "eval", "extract", "--data", dir, "--limit", "10")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res evalExtractOutput
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Pages != 10 || res.Main.F1 <= 0 || res.Fallback.F1 <= 0 {
		t.Errorf("result:\n%s", stdout)
	}
}
