package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

const timelineRecords = `{"id":"a1","outlet":"Alpha","published":"2021-03-16","text":"The river broke its banks on Monday and flooded the old town of Riverton overnight. Rescue teams worked through the night."}
{"id":"b1","outlet":"Beta","published":"2021-03-17","text":"The river, which broke its banks on March 15, flooded the old town of Riverton within hours."}
{"id":"c1","outlet":"Gamma","published":"2021-03-18","text":"The mayor declared a state of emergency in Riverton on Wednesday as the water began to fall."}
`

func writeTimelineInput(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "topic.jsonl")
	if err := os.WriteFile(p, []byte(timelineRecords), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTimelineMarkdown(t *testing.T) {
	in := writeTimelineInput(t)
	var out, errOut bytes.Buffer
	if err := runTimeline(context.Background(), []string{"--dates", "2", in}, nil, &out, &errOut); err != nil {
		t.Fatalf("runTimeline: %v (%s)", err, errOut.String())
	}
	got := out.String()
	for _, want := range []string{"# Timeline: 2 days from 3 articles", "- **2021-03-15** — ", "- **2021-03-17** — ",
		"[Alpha, Beta]", `(a1 0-83, dated by "Monday"; 2 articles)`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "2021-03-15") > strings.Index(got, "2021-03-17") {
		t.Errorf("days not in time order:\n%s", got)
	}
}

func TestTimelineJSON(t *testing.T) {
	in := writeTimelineInput(t)
	var out, errOut bytes.Buffer
	if err := runTimeline(context.Background(), []string{in, "--format", "json", "--per-date", "2"}, nil, &out, &errOut); err != nil {
		t.Fatalf("runTimeline: %v (%s)", err, errOut.String())
	}
	var tl struct {
		Articles int `json:"articles"`
		Entries  []struct {
			Date      string `json:"date"`
			Precision string `json:"precision"`
			Sentences []struct {
				Source     string `json:"source"`
				Start, End int
				Text       string `json:"text"`
			} `json:"sentences"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(out.Bytes(), &tl); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if tl.Articles != 3 || len(tl.Entries) == 0 {
		t.Fatalf("got %+v", tl)
	}
	for _, e := range tl.Entries {
		if e.Precision != "day" || len(e.Sentences) == 0 || len(e.Sentences) > 2 {
			t.Errorf("entry %+v", e)
		}
	}
}

func TestTimelineUsageErrors(t *testing.T) {
	in := writeTimelineInput(t)
	for _, args := range [][]string{
		nil,
		{"--format", "html", in},
		{"--dates", "0", in},
		{"--from", "March 3", in},
		{"--from", "2021-03-18", "--to", "2021-03-01", in},
	} {
		var out, errOut bytes.Buffer
		err := runTimeline(context.Background(), args, nil, &out, &errOut)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("runTimeline(%q) = %v, want a usage error", args, err)
		}
	}
}

func TestEvalTimelineBaselineOnMJ(t *testing.T) {
	dir := sharedtest.Path(t, "data", "timeline17")
	var out, errOut bytes.Buffer
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	err := runEvalTimeline(context.Background(), []string{"--data", dir, "--topics", "MJ", "--method", "baseline", "--out", pred}, &out, &errOut)
	if err != nil {
		t.Fatalf("runEvalTimeline: %v (%s)", err, errOut.String())
	}
	var res struct {
		Method string `json:"method"`
		Runs   int    `json:"runs"`
		Topics []struct {
			Topic string `json:"topic"`
		} `json:"topics"`
		Mean struct {
			Date  struct{ F float64 } `json:"date"`
			Align struct {
				R1 struct{ F float64 } `json:"rouge1"`
			} `json:"align_m1"`
		} `json:"mean"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if res.Method != "baseline" || res.Runs < 1 || len(res.Topics) != 1 || res.Topics[0].Topic != "MJ" {
		t.Errorf("result %+v", res)
	}
	if res.Mean.Date.F <= 0 || res.Mean.Date.F > 1 || res.Mean.Align.R1.F <= 0 || res.Mean.Align.R1.F > 1 {
		t.Errorf("scores out of range: %+v", res.Mean)
	}
	b, err := os.ReadFile(pred)
	if err != nil || bytes.Count(b, []byte("\n")) != res.Runs {
		t.Errorf("--out wrote %d lines (%v), want %d", bytes.Count(b, []byte("\n")), err, res.Runs)
	}
}
