package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestEvalCopies(t *testing.T) {
	duc := sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz")
	mn := sharedtest.Path(t, "data", "multinews-val.jsonl.gz")
	out := filepath.Join(t.TempDir(), "pairs.jsonl")
	args := []string{"eval", "copies", "--data", duc, "--data", mn, "--pairs", "40", "--seed", "3"}
	code, stdout, stderr := runMain(t, "", append(args, "--out", out)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Seed         uint64 `json:"seed"`
		PairsPerKind int    `json:"pairs_per_kind"`
		All          struct {
			Pairs   int `json:"pairs"`
			Overall struct {
				Precision, Recall, F1 float64
			} `json:"overall"`
			HardNegatives int                       `json:"hard_negatives"`
			Kinds         map[string]map[string]any `json:"kinds"`
		} `json:"all"`
		Tune, Check struct {
			Pairs int `json:"pairs"`
		}
		BySource       map[string]any `json:"by_dataset"`
		PairsPerSecond float64        `json:"pairs_per_second"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, stdout)
	}
	if res.Seed != 3 || res.PairsPerKind != 40 || res.All.Pairs < 400 || res.Tune.Pairs+res.Check.Pairs != res.All.Pairs {
		t.Errorf("seed %d, pairs per kind %d, pairs %d (tune %d, check %d)", res.Seed, res.PairsPerKind, res.All.Pairs, res.Tune.Pairs, res.Check.Pairs)
	}
	if len(res.All.Kinds) != 12 || len(res.BySource) != 2 || res.All.HardNegatives == 0 || res.PairsPerSecond <= 0 {
		t.Errorf("kinds %d, datasets %d, hard negatives %d, pairs/s %v", len(res.All.Kinds), len(res.BySource), res.All.HardNegatives, res.PairsPerSecond)
	}
	if _, ok := res.All.Kinds["trimmed"]["recall"]; !ok {
		t.Errorf("no recall for trimmed copies: %v", res.All.Kinds["trimmed"])
	}
	if _, ok := res.All.Kinds["same-story"]["false_positive_rate"]; !ok {
		t.Errorf("no false-positive rate for same-story pairs: %v", res.All.Kinds["same-story"])
	}
	if o := res.All.Overall; o.Precision < 0.9 || o.Recall < 0.9 {
		t.Errorf("precision %.3f, recall %.3f on a small set", o.Precision, o.Recall)
	}
	// --out holds ids and decisions, never the articles' text.
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < res.All.Pairs {
		t.Errorf("%d lines in --out for %d pairs", len(lines), res.All.Pairs)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"kind", "copy", "dataset", "stories", "docs", "part", "decision", "shared"} {
		if _, ok := row[k]; !ok {
			t.Errorf("--out line has no %q: %s", k, lines[0])
		}
	}
	if strings.Contains(string(b), `"text"`) || len(b) > 300*len(lines) {
		t.Error("--out seems to hold text")
	}
	// The same seed gives the same set and the same decisions.
	out2 := filepath.Join(t.TempDir(), "again.jsonl")
	if code, _, stderr := runMain(t, "", append(args, "--out", out2)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b2, _ := os.ReadFile(out2); string(b2) != string(b) {
		t.Error("two runs with one seed differ")
	}
}

func TestEvalCopiesUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "copies", "--pairs", "0"},
		{"eval", "copies", "extra"},
		{"eval", "copies", "--bogus"},
	} {
		if code, _, _ := runMain(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, _ := runMain(t, "", "eval", "copies", "--data", filepath.Join(t.TempDir(), "missing.jsonl")); code == exitOK || code == exitUsage {
		t.Errorf("a missing data file: exit %d", code)
	}
}
