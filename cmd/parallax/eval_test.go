package main

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestEvalRougeConformance runs `parallax eval rouge --cases` with every
// flag set of the conformance data and compares each printed line with the
// reference scorer's output.
func TestEvalRougeConformance(t *testing.T) {
	dir := sharedtest.Path(t, "data", "rouge-conformance")
	type line struct {
		ID     string                        `json:"id"`
		Flags  string                        `json:"flags"`
		Scores map[string]map[string]float64 `json:"scores"`
	}
	want := map[string][]line{}
	f, err := os.Open(filepath.Join(dir, "expected.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var order []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		if _, ok := want[l.Flags]; !ok {
			order = append(order, l.Flags)
		}
		want[l.Flags] = append(want[l.Flags], l)
	}
	for _, flags := range order {
		args := append([]string{"eval", "rouge", "--cases", filepath.Join(dir, "cases.jsonl")}, strings.Fields(flags)...)
		code, out, errs := runMain(t, "", args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", flags, code, errs)
		}
		got := strings.Split(strings.TrimSpace(out), "\n")
		if len(got) != len(want[flags]) {
			t.Fatalf("%s: %d lines, want %d", flags, len(got), len(want[flags]))
		}
		bad := 0
		for i, g := range got {
			var l line
			if err := json.Unmarshal([]byte(g), &l); err != nil {
				t.Fatal(err)
			}
			w := want[flags][i]
			if l.ID != w.ID || l.Flags != w.Flags {
				t.Fatalf("line %d: id %q flags %q, want %q %q", i, l.ID, l.Flags, w.ID, w.Flags)
			}
			for metric, fields := range w.Scores {
				for k, v := range fields {
					if math.Abs(l.Scores[metric][k]-v) > 0.00001 {
						bad++
						if bad <= 10 {
							t.Errorf("%s %s %s %s: got %v, want %v", w.ID, flags, metric, k, l.Scores[metric][k], v)
						}
					}
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d values differ", flags, bad)
		}
	}
}

func TestEvalSummarizeAndCompare(t *testing.T) {
	data := sharedtest.Path(t, "data", "multinews-val.jsonl.gz")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	sums := filepath.Join(dir, "lead.out.jsonl")
	for _, run := range []struct{ method, scores string }{{"parallax", a}, {"lead", b}} {
		args := []string{"eval", "summarize", "--data", data, "--method", run.method, "--limit", "30", "--jsonl", run.scores}
		if run.method == "lead" {
			args = append(args, "--out", sums)
		}
		code, out, errs := runMain(t, "", args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, want := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4", "stories/s", "peak memory"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q:\n%s", run.method, want, out)
			}
		}
	}
	// Summaries written by --out score the same when read back.
	c := filepath.Join(dir, "c.jsonl")
	if code, _, errs := runMain(t, "", "eval", "summarize", "--data", data, "--method", "file:"+sums, "--limit", "30", "--jsonl", c); code != exitOK {
		t.Fatalf("file method: %s", errs)
	}
	lb, _ := os.ReadFile(b)
	lc, _ := os.ReadFile(c)
	if string(lb) != string(lc) {
		t.Errorf("lead scores differ when its summaries are read back")
	}
	code, out, errs := runMain(t, "", "eval", "compare", a, b)
	if code != exitOK || !strings.Contains(out, "30 stories in both") || !strings.Contains(out, "ROUGE-2 F") {
		t.Errorf("compare: exit %d, %s\n%s", code, errs, out)
	}
}
