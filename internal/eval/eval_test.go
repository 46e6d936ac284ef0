package eval

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval/rouge"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestBootstrap(t *testing.T) {
	xs := make([]float64, 1000)
	for i := range xs {
		xs[i] = float64(i % 10)
	}
	iv := Bootstrap(xs, 0.95, 1000, 1)
	if math.Abs(iv.Mean-4.5) > 1e-9 || iv.Low >= iv.Mean || iv.High <= iv.Mean || iv.High-iv.Low > 0.5 {
		t.Errorf("interval %+v", iv)
	}
	if again := Bootstrap(xs, 0.95, 1000, 1); again != iv {
		t.Errorf("not deterministic: %+v vs %+v", again, iv)
	}
}

func TestCompare(t *testing.T) {
	n := 200
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i] = float64(i%7) / 7
		b[i] = a[i] - 0.05 // A always better
		c[i] = a[i] + 0.01*float64(i%3-1)
	}
	p := Compare(a, b, 2000, 3)
	if p.P > 0.01 || p.BootstrapP > 0.01 || p.Diff.Low <= 0 {
		t.Errorf("a clear difference is not significant: %+v", p)
	}
	q := Compare(a, c, 2000, 3)
	if q.P < 0.05 {
		t.Errorf("no difference came out significant: %+v", q)
	}
}

// TestRunMethods runs every built-in method on a few Multi-News stories and
// checks budgets and scores.
func TestRunMethods(t *testing.T) {
	stories, err := dataset.Read(sharedtest.Path(t, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	stories = stories[:40]
	dir, err := rouge.FindExceptionsDir()
	if err != nil {
		t.Skip(err)
	}
	exc, err := rouge.LoadExceptions(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts, _ := rouge.ParseFlags(strings.Fields("-n 2 -2 4 -u -m -l 100"))
	sc, err := rouge.NewScorer(opts, exc)
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]float64{}
	for _, name := range MethodNames {
		m, err := NewMethod(name, sc)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), stories, m, 100, sc, 2)
		if err != nil {
			t.Fatal(err)
		}
		if res.Failed != 0 {
			t.Errorf("%s: %d failures", name, res.Failed)
		}
		for _, sr := range res.Stories {
			words := 0
			for _, s := range sr.Summary {
				words += len(strings.Fields(s))
			}
			if words > 100 {
				t.Errorf("%s: story %s summary of %d words", name, sr.ID, words)
			}
		}
		scores[name] = res.F["ROUGE-2"].Mean
	}
	for name, s := range scores {
		if s <= 0 || (name != "oracle" && s > scores["oracle"]) {
			t.Errorf("%s: ROUGE-2 F %.4f (oracle %.4f)", name, s, scores["oracle"])
		}
	}
}
