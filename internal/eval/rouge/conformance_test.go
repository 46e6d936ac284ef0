package rouge

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// conformanceTolerance is the largest difference allowed between a computed
// score and the one ROUGE-1.5.5 printed. Scores are rounded to five
// decimals exactly as the reference prints them (round5), so a faithful
// implementation reproduces the printed values; the tolerance only absorbs
// the JSON decimal round trip.
const conformanceTolerance = 0.00001

// conformanceCase is one line of cases.jsonl.
type conformanceCase struct {
	ID   string     `json:"id"`
	Peer []string   `json:"peer"`
	Refs [][]string `json:"refs"`
}

// conformanceExpectation is one line of expected.jsonl.
type conformanceExpectation struct {
	ID     string                        `json:"id"`
	Flags  string                        `json:"flags"`
	Scores map[string]map[string]float64 `json:"scores"`
}

// conformanceDirOrEmpty walks up from the package directory looking for
// shared/data/rouge-conformance beside the module root, returning "" when
// no ancestor has it.
func conformanceDirOrEmpty() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "shared", "data", "rouge-conformance")
		if fi, err := os.Stat(filepath.Join(cand, "expected.jsonl")); err == nil && fi.Mode().IsRegular() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// findConformanceDir returns the conformance data directory, skipping the
// test when it is absent.
func findConformanceDir(tb testing.TB) string {
	tb.Helper()
	dir := conformanceDirOrEmpty()
	if dir == "" {
		tb.Skip("rouge conformance data (shared/data/rouge-conformance) not found above the package directory")
	}
	return dir
}

// conformanceVocabulary returns the distinct lower-cased tokens of the
// conformance cases in dir.
func conformanceVocabulary(tb testing.TB, dir string) []string {
	tb.Helper()
	seen := map[string]bool{}
	var s Scorer
	for _, c := range readJSONLines[conformanceCase](tb, filepath.Join(dir, "cases.jsonl")) {
		for _, ref := range append([][]string{c.Peer}, c.Refs...) {
			for _, sent := range ref {
				for _, tok := range s.Tokens(sent) {
					seen[tok] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for tok := range seen {
		out = append(out, tok)
	}
	return out
}

// readJSONLines decodes every line of a JSON-lines file into a new T.
func readJSONLines[T any](tb testing.TB, path string) []T {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// loadConformance returns the cases by ID, the expectations and the
// exception lists of the conformance data.
func loadConformance(tb testing.TB) (map[string]conformanceCase, []conformanceExpectation, Exceptions) {
	tb.Helper()
	dir := findConformanceDir(tb)
	cases := map[string]conformanceCase{}
	for _, c := range readJSONLines[conformanceCase](tb, filepath.Join(dir, "cases.jsonl")) {
		cases[c.ID] = c
	}
	exps := readJSONLines[conformanceExpectation](tb, filepath.Join(dir, "expected.jsonl"))
	exc, err := LoadExceptions(filepath.Join(dir, "wordnet-2.0-exc"))
	if err != nil {
		tb.Fatal(err)
	}
	return cases, exps, exc
}

// TestConformance checks every case of shared/data/rouge-conformance under
// every flag set against the scores printed by Perl ROUGE-1.5.5.
func TestConformance(t *testing.T) {
	cases, exps, exc := loadConformance(t)
	scorers := map[string]*Scorer{}
	var mismatches []string
	checks, checked := 0, 0
	for _, e := range exps {
		c, ok := cases[e.ID]
		if !ok {
			t.Errorf("expected.jsonl names case %q, which cases.jsonl lacks", e.ID)
			continue
		}
		s := scorers[e.Flags]
		if s == nil {
			opts, err := ParseFlags(strings.Fields(e.Flags))
			if err != nil {
				t.Fatalf("ParseFlags(%q): %v", e.Flags, err)
			}
			if s, err = NewScorer(opts, exc); err != nil {
				t.Fatal(err)
			}
			scorers[e.Flags] = s
		}
		got := s.Score(c.Peer, c.Refs)
		if len(got) != len(e.Scores) {
			mismatches = append(mismatches, fmt.Sprintf("%s [%s]: metrics %v, want %d metrics", e.ID, e.Flags, s.Metrics(), len(e.Scores)))
		}
		checked++
		for metric, want := range e.Scores {
			g, ok := got[metric]
			if !ok {
				mismatches = append(mismatches, fmt.Sprintf("%s [%s] %s: missing", e.ID, e.Flags, metric))
				continue
			}
			for field, gv := range map[string]float64{"R": g.Recall, "P": g.Precision, "F": g.F} {
				wv, ok := want[field]
				if !ok {
					t.Fatalf("%s [%s] %s: expected.jsonl lacks field %s", e.ID, e.Flags, metric, field)
				}
				checks++
				if math.Abs(gv-wv) > conformanceTolerance {
					mismatches = append(mismatches, fmt.Sprintf("%s [%s] %s %s: want %.5f, got %.5f", e.ID, e.Flags, metric, field, wv, gv))
				}
			}
		}
	}
	for _, m := range mismatches {
		t.Error(m)
	}
	t.Logf("%d case×flag-set combinations, %d values checked, %d mismatches", checked, checks, len(mismatches))
}
