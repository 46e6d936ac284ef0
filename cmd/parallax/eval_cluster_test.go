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

// clusterStories are three events, three outlets' reports each.
var clusterStories = []struct {
	id   string
	docs []string
}{
	{"fire", []string{
		"A wildfire swept through Paradise, California, on Thursday and destroyed hundreds of homes. Fire crews from Butte County fought the Camp Fire through the night as strong winds drove it west. The whole town was ordered to leave. Firefighters from across the state arrived in Butte County to help, and shelters opened in nearby Chico for the families who lost their homes in Paradise.",
		"Residents of Paradise, California, fled on Thursday as the Camp Fire spread through the town. Butte County officials said hundreds of homes had burned and the fire was not contained. Crews worked through the night in strong winds. Firefighters from across the state arrived in Butte County to help, and shelters opened in nearby Chico for the families who lost their homes in Paradise.",
		"The Camp Fire destroyed much of Paradise, California, officials in Butte County said on Friday, after winds drove the flames through the town overnight. Thousands of residents fled and hundreds of homes burned, fire crews said. Firefighters from across the state arrived in Butte County to help, and shelters opened in nearby Chico for the families who lost their homes in Paradise.",
	}},
	{"rate", []string{
		"Norway's central bank raised its interest rate by a quarter point on Thursday, as expected. Governor Ida Wolden Bache said inflation remained too high and the krone too weak. Economists at Oslo banks said Norges Bank would likely raise the rate again. The decision by Norges Bank was the fourth increase in a year, and analysts in Oslo said the krone rose slightly against the euro after the announcement.",
		"Norges Bank lifted its policy rate by a quarter point, its governor Ida Wolden Bache said on Thursday, citing inflation and a weak krone. Oslo economists had expected the central bank's move and see another rise before summer. The decision by Norges Bank was the fourth increase in a year, and analysts in Oslo said the krone rose slightly against the euro after the announcement.",
		"The Norwegian central bank raised interest rates again on Thursday. Governor Ida Wolden Bache told reporters in Oslo that inflation was too high and the krone had weakened, and Norges Bank expects to raise the rate once more. The decision by Norges Bank was the fourth increase in a year, and analysts in Oslo said the krone rose slightly against the euro after the announcement.",
	}},
	{"quake", []string{
		"A magnitude 6.1 earthquake struck off the coast of Hokkaido in northern Japan on Monday. The Japan Meteorological Agency issued no tsunami warning and there were no reports of damage in Sapporo, where residents felt strong shaking. Trains in Hokkaido stopped briefly for safety checks after the earthquake, and officials in Sapporo said power and water supplies were working normally.",
		"Strong shaking was felt across Hokkaido on Monday when a 6.1 magnitude earthquake hit off the northern Japanese island's coast. The Meteorological Agency said there was no tsunami risk; Sapporo reported no damage. Trains in Hokkaido stopped briefly for safety checks after the earthquake, and officials in Sapporo said power and water supplies were working normally.",
		"Japan's Meteorological Agency said a magnitude 6.1 quake off Hokkaido on Monday posed no tsunami threat. Residents of Sapporo and other Hokkaido towns felt the earthquake shake buildings for nearly a minute, but no damage was reported. Trains in Hokkaido stopped briefly for safety checks after the earthquake, and officials in Sapporo said power and water supplies were working normally.",
	}},
}

func writeClusterData(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	for _, s := range clusterStories {
		line, _ := json.Marshal(map[string]any{"id": s.id, "documents": s.docs, "summary": "x"})
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type clusterResult struct {
	Documents int `json:"documents"`
	All       struct {
		Items    int     `json:"items"`
		Gold     int     `json:"gold_stories"`
		Found    int     `json:"found_stories"`
		BCubedF1 float64 `json:"bcubed_f1"`
		ARI      float64 `json:"adjusted_rand_index"`
	} `json:"all"`
	Datasets []struct {
		Data      string `json:"data"`
		Documents int    `json:"documents"`
		All       struct {
			BCubedF1 float64 `json:"bcubed_f1"`
		} `json:"all"`
		Articles struct {
			Documents int            `json:"documents"`
			SetApart  int            `json:"set_apart"`
			Reasons   map[string]int `json:"set_apart_reasons"`
		} `json:"articles"`
	} `json:"datasets"`
	Rate float64 `json:"articles_per_second"`
}

func runClusterEval(t *testing.T, args ...string) clusterResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"eval", "cluster"}, args...), nil, &stdout, &stderr); err != nil {
		t.Fatalf("eval cluster: %v\n%s", err, stderr.String())
	}
	var r clusterResult
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	return r
}

func TestEvalCluster(t *testing.T) {
	path := writeClusterData(t)
	out := filepath.Join(t.TempDir(), "rows.jsonl")
	r := runClusterEval(t, "--data", path, "--seed", "3", "--out", out)
	if r.Documents != 9 || r.All.Gold != 3 || r.All.Found != 3 || r.All.BCubedF1 != 1 || r.All.ARI != 1 {
		t.Errorf("result = %+v, want 9 documents in 3 stories found exactly", r)
	}
	if len(r.Datasets) != 1 || r.Datasets[0].Documents != 9 || r.Datasets[0].Articles.Documents != 9 {
		t.Errorf("datasets = %+v", r.Datasets)
	}
	b, err := os.ReadFile(out)
	if err != nil || strings.Count(string(b), "\n") != 9 {
		t.Errorf("--out wrote %q (%v), want 9 lines", b, err)
	}
	// One story of each event: three documents, three stories.
	r = runClusterEval(t, "--data", path, "--stories", "1", "--limit-articles", "2")
	if r.Documents != 2 {
		t.Errorf("--stories 1 --limit-articles 2 gave %d documents", r.Documents)
	}
}

func TestEvalClusterUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--data", "x.jsonl", "--part", "half"},
		{"--data", "x.jsonl", "--threshold", "2"},
		{"--data", "x.jsonl", "extra"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"eval", "cluster"}, args...), nil, &stdout, &stderr)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("eval cluster %v: err = %v, want a usage error", args, err)
		}
	}
}

// TestEvalClusterDistractors runs the DUC 2004 protocol on a few stories.
func TestEvalClusterDistractors(t *testing.T) {
	duc := sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz")
	mn := sharedtest.Path(t, "data", "multinews-val.jsonl.gz")
	r := runClusterEval(t, "--data", duc, "--stories", "5", "--distractors", mn, "--distractor-count", "200")
	if len(r.Datasets) != 1 || r.Datasets[0].Documents < 40 || r.Documents != r.Datasets[0].Documents+200 {
		t.Fatalf("result = %+v", r)
	}
	if f := r.Datasets[0].All.BCubedF1; f < 0.5 {
		t.Errorf("B-cubed F1 on 5 DUC events = %.3f", f)
	}
}
