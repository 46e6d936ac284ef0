package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/eval/rouge"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestLoadTimeline17(t *testing.T) {
	dir := sharedtest.Path(t, "data", "timeline17")
	set, err := LoadTimeline17(dir, []string{"MJ"})
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != 1 || set[0].Name != "MJ" || len(set[0].Articles) == 0 || len(set[0].References) == 0 {
		t.Fatalf("LoadTimeline17(MJ) = %d topics", len(set))
	}
	for _, a := range set[0].Articles {
		if a.Published.IsZero() || a.Outlet == "" || a.ID == "" {
			t.Fatalf("article %q: published %v, outlet %q", a.ID, a.Published, a.Outlet)
		}
	}
	for _, ref := range set[0].References {
		for i, d := range ref.Days {
			if i > 0 && !ref.Days[i-1].Date.Before(d.Date) {
				t.Errorf("%s: days not in strict date order at %v", ref.Source, d.Date)
			}
			if len(d.Sentences) == 0 {
				t.Errorf("%s: %v has no sentence", ref.Source, d.Date)
			}
		}
		if k := ref.MeanSentences(); k < 1 {
			t.Errorf("%s: MeanSentences = %d", ref.Source, k)
		}
	}
	if _, err := LoadTimeline17(dir, []string{"no-such-topic"}); err == nil {
		t.Error("LoadTimeline17 of an unknown topic gave no error")
	}
}

// TestRunTimelines runs both methods on the topics named by
// PARALLAX_TIMELINE_TOPICS (default MJ, the smallest) and checks that each
// run asks and gets what the protocol says.
func TestRunTimelines(t *testing.T) {
	dir := sharedtest.Path(t, "data", "timeline17")
	excDir, err := rouge.FindExceptionsDir()
	if err != nil {
		t.Skip(err)
	}
	exc, err := rouge.LoadExceptions(excDir)
	if err != nil {
		t.Fatal(err)
	}
	scorer, err := NewTimelineScorer(exc, nil)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"MJ"}
	if env := os.Getenv("PARALLAX_TIMELINE_TOPICS"); env != "" {
		names = strings.Split(env, ",")
	}
	set, err := LoadTimeline17(dir, names)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range TimelineMethodNames {
		m, err := NewTimelineMethod(name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := RunTimelines(context.Background(), set, name, m, scorer, os.Getenv("PARALLAX_TIMELINE_WHOLE") != "")
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range res.Topics {
			for _, r := range tr.Runs {
				if r.Got == 0 || r.Got > r.Dates {
					t.Errorf("%s %s/%s: %d days for %d asked", name, r.Topic, r.Source, r.Got, r.Dates)
				}
				var ref ReferenceTimeline
				for _, x := range set {
					for _, y := range x.References {
						if x.Name == r.Topic && y.Source == r.Source {
							ref = y
						}
					}
				}
				from, to := ref.Span()
				for _, d := range r.Predicted {
					if !res.WholeSpan && (d.Date.Before(from) || d.Date.After(to)) {
						t.Errorf("%s %s/%s: day %v outside %v..%v", name, r.Topic, r.Source, d.Date, from, to)
					}
					if len(d.Sentences) == 0 || len(d.Sentences) > r.PerDate {
						t.Errorf("%s %s/%s: %v has %d sentences, want 1..%d", name, r.Topic, r.Source, d.Date, len(d.Sentences), r.PerDate)
					}
				}
				t.Logf("%s %s/%s (%d days, %d per day): %v", name, r.Topic, r.Source, r.Dates, r.PerDate, r.Scores)
			}
		}
		t.Logf("%s mean over %d runs: %v; %.0f articles/s", name, res.Runs, res.Mean, res.ArticlesPerSecond)
	}
}
