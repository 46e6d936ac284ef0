package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

const labelsPath = "../../testdata/citations/labels.jsonl"

// The labelled set keeps ids, offsets, labels and the judges' short notes,
// never the articles' sentences.
func TestCitationLabelsFile(t *testing.T) {
	f, err := os.Open(labelsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	allowed := map[string]bool{"set": true, "story": true, "claim": true, "cand": true, "label": true, "note": true}
	sc := bufio.NewScanner(f)
	n, pos := 0, 0
	for sc.Scan() {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		for k := range m {
			if !allowed[k] {
				t.Errorf("line %d: field %q is not allowed in the labelled set", n+1, k)
			}
		}
		var note string
		if raw, ok := m["note"]; ok {
			json.Unmarshal(raw, &note)
			if len(note) > 120 {
				t.Errorf("line %d: a note of %d bytes; notes are a few words of the judge's own", n+1, len(note))
			}
		}
		n++
	}
	labels, err := ReadCitationLabels(labelsPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range labels {
		pos += l.Label
		if l.Claim.Article == l.Cand.Article {
			t.Errorf("a pair within one article: %+v", l)
		}
	}
	if n < 800 || pos < 200 || n-pos < 400 {
		t.Errorf("%d pairs, %d judged the same: want at least 800, with many of both", n, pos)
	}
}

// On the judged pairs, the decision's citations are more often right than
// the cosine's they replaced.
func TestCitationsBeatCosine(t *testing.T) {
	shared := sharedtest.Path(t, "data")
	if testing.Short() {
		t.Skip("briefs 128 stories")
	}
	labels, err := ReadCitationLabels(labelsPath)
	if err != nil {
		t.Fatal(err)
	}
	loader := &StoryLoader{Shared: filepath.Dir(shared)}
	ctx := context.Background()
	now, err := Citations(ctx, labels, loader, CitationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before, err := Citations(ctx, labels, loader, CitationOptions{Cosine: align.DefaultThreshold})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("decision: precision %.3f recall %.3f (%d/%d/%d); cosine: precision %.3f recall %.3f",
		now.Precision(), now.Recall(), now.Correct, now.Wrong, now.Unjudged, before.Precision(), before.Recall())
	if now.Precision() < before.Precision()+0.05 {
		t.Errorf("citation precision %.3f, cosine's %.3f: want the decision clearly more precise", now.Precision(), before.Precision())
	}
	if now.Recall() < 0.3 {
		t.Errorf("citation recall %.3f: the decision cites almost nothing", now.Recall())
	}
}

// The decision's shipped weights are what the fit makes on the tune half,
// rounded to two decimals.
func TestFitReproducesDefaults(t *testing.T) {
	shared := sharedtest.Path(t, "data")
	labels, err := ReadCitationLabels(labelsPath)
	if err != nil {
		t.Fatal(err)
	}
	loader := &StoryLoader{Shared: filepath.Dir(shared)}
	got, err := FitDecision(context.Background(), labels, loader, "tune", align.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	want := align.DefaultParams
	if math.Abs(got.Bias-want.Bias) > 0.005 {
		t.Errorf("fitted bias %.4f, shipped %.2f", got.Bias, want.Bias)
	}
	gw, ww := got.Weights(), want.Weights()
	for k := range gw {
		if math.Abs(gw[k]-ww[k]) > 0.005 {
			t.Errorf("weight %d: fitted %.4f, shipped %.2f (refit with eval citations --fit --part tune)", k, gw[k], ww[k])
		}
	}
}
