package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestEvalQuotes runs `parallax eval quotes` on PolNeAR and checks that it
// reports the tune and check parts and the publishers with sane numbers,
// and writes one JSON record a line without article text.
func TestEvalQuotes(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the PolNeAR run in short mode")
	}
	data := sharedtest.Path(t, "data", "polnear-train.jsonl.gz")
	out := filepath.Join(t.TempDir(), "quotes.jsonl")
	code, stdout, stderr := runMain(t, "", "eval", "quotes", "--data", data, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"tune ", "check ", "all ", "wash-post", "recall", "speaker", "prec"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		f := strings.Fields(line)
		if len(f) < 5 || f[0] != "all" {
			continue
		}
		for _, pct := range []string{f[3], f[4]} { // recall, speaker accuracy
			var v float64
			if err := json.Unmarshal([]byte(strings.TrimSuffix(pct, "%")), &v); err != nil || v < 50 || v > 100 {
				t.Errorf("figure %q in %q is not a sane percentage", pct, line)
			}
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 1000 {
		t.Fatalf("%d records", len(lines))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"article", "gold", "gold_start", "speaker", "recalled", "right"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("record lacks %q: %s", k, lines[0])
		}
	}
	if _, ok := rec["text"]; ok {
		t.Errorf("record carries article text: %s", lines[0])
	}

	code, _, _ = runMain(t, "", "eval", "quotes", "--data", data, "--part", "nope")
	if code != exitUsage {
		t.Errorf("--part nope: exit %d, want %d", code, exitUsage)
	}
}
