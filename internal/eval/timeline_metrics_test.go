package eval

import (
	"math"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/eval/rouge"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func tl(pairs ...string) Timeline {
	var out Timeline
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, TimelineDay{Date: day(pairs[i]), Sentences: []string{pairs[i+1]}})
	}
	return out
}

func newTestTimelineScorer(t *testing.T) *TimelineScorer {
	t.Helper()
	s, err := NewTimelineScorer(rouge.NewExceptions(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPRF(t *testing.T, what string, got PRF, p, r float64) {
	t.Helper()
	want := newPRF(p, r)
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F, want.F) {
		t.Errorf("%s = P %.4f R %.4f F %.4f, want P %.4f R %.4f F %.4f", what,
			got.Precision, got.Recall, got.F, want.Precision, want.Recall, want.F)
	}
}

// The cases are worked by hand. Tokens after stop-word removal and
// stemming: "Rebels seized airport" is rebel, seiz, airport (bigrams
// rebel-seiz, seiz-airport); "Floods hit coastal towns" is flood, hit,
// coastal, town.
func TestTimelineMetricsWorkedCases(t *testing.T) {
	s := newTestTimelineScorer(t)

	t.Run("identical", func(t *testing.T) {
		ref := tl("2011-01-25", "Rebels seized airport", "2011-01-28", "Floods hit coastal towns")
		got := s.Score(ref, ref)
		for name, v := range map[string]PRF{"date": got.Date, "concat R1": got.Concat.R1, "concat R2": got.Concat.R2,
			"agreement R1": got.Agreement.R1, "agreement R2": got.Agreement.R2, "align R1": got.Align.R1, "align R2": got.Align.R2} {
			checkPRF(t, name, v, 1, 1)
		}
	})

	t.Run("stop words and stems", func(t *testing.T) {
		pred := tl("2011-01-25", "The rebels have seized the airports")
		ref := tl("2011-01-25", "rebel seizes airport")
		got := s.Score(pred, ref)
		checkPRF(t, "agreement R1", got.Agreement.R1, 1, 1)
		checkPRF(t, "agreement R2", got.Agreement.R2, 1, 1)
	})

	t.Run("partial overlap on one day", func(t *testing.T) {
		pred := tl("2011-01-25", "Rebels seized airport")
		ref := tl("2011-01-25", "Rebels seized northern airport")
		got := s.Score(pred, ref)
		// Unigrams: 3 of 3 predicted match, 3 of 4 reference.
		checkPRF(t, "agreement R1", got.Agreement.R1, 1, 0.75)
		// Bigrams: rebel-seiz matches; 2 predicted, 3 reference.
		checkPRF(t, "agreement R2", got.Agreement.R2, 0.5, 1.0/3)
		checkPRF(t, "concat R1", got.Concat.R1, 1, 0.75)
		checkPRF(t, "align R1", got.Align.R1, 1, 0.75)
	})

	t.Run("disjoint dates", func(t *testing.T) {
		pred := tl("2011-01-01", "Rebels seized airport")
		ref := tl("2011-02-01", "Rebels seized airport")
		got := s.Score(pred, ref)
		checkPRF(t, "date", got.Date, 0, 0)
		checkPRF(t, "agreement R1", got.Agreement.R1, 0, 0)
		checkPRF(t, "agreement R2", got.Agreement.R2, 0, 0)
		// Concat ignores dates.
		checkPRF(t, "concat R1", got.Concat.R1, 1, 1)
		// 31 days apart: the hits count 1/32.
		checkPRF(t, "align R1", got.Align.R1, 1.0/32, 1.0/32)
	})

	t.Run("shifted by one day", func(t *testing.T) {
		pred := tl("2011-01-02", "Rebels seized airport", "2011-01-06", "Floods hit coastal towns")
		ref := tl("2011-01-01", "Rebels seized airport", "2011-01-05", "Floods hit coastal towns")
		got := s.Score(pred, ref)
		checkPRF(t, "date", got.Date, 0, 0)
		checkPRF(t, "agreement R1", got.Agreement.R1, 0, 0)
		// Each day aligns to the day before it: half the hits count.
		checkPRF(t, "align R1", got.Align.R1, 0.5, 0.5)
		checkPRF(t, "align R2", got.Align.R2, 0.5, 0.5)
		if !(got.Align.R1.F > got.Agreement.R1.F) {
			t.Errorf("align R1 %.3f is not above agreement R1 %.3f", got.Align.R1.F, got.Agreement.R1.F)
		}
	})

	t.Run("many to one", func(t *testing.T) {
		pred := tl("2011-01-01", "Rebels seized airport", "2011-01-03", "Rebels seized airport")
		ref := tl("2011-01-01", "Rebels seized airport")
		got := s.Score(pred, ref)
		checkPRF(t, "date", got.Date, 0.5, 1)
		checkPRF(t, "agreement R1", got.Agreement.R1, 0.5, 1)
		// Precision: 3 hits at weight 1 and 3 at weight 1/3, of 6.
		// Recall: the reference day aligns to 2011-01-01 (cost 0).
		checkPRF(t, "align R1", got.Align.R1, 4.0/6, 1)
	})

	t.Run("content breaks a tie in date distance", func(t *testing.T) {
		pred := tl("2011-01-03", "Floods hit coastal towns")
		ref := tl("2011-01-01", "Rebels seized airport", "2011-01-05", "Floods hit coastal towns")
		got := s.Score(pred, ref)
		// Both reference days are two days away; the one with the same
		// words costs 0 and wins: 4 hits at weight 1/3 of 4 predicted.
		// Recall: both reference days align to the one predicted day;
		// 0 + 4/3 hits of 3 + 4 reference unigrams.
		checkPRF(t, "align R1", got.Align.R1, 1.0/3, 4.0/21)
	})

	t.Run("same date twice is one day", func(t *testing.T) {
		pred := Timeline{
			{Date: day("2011-01-01"), Sentences: []string{"Rebels seized airport"}},
			{Date: day("2011-01-01"), Sentences: []string{"Floods hit coastal towns"}},
		}
		ref := tl("2011-01-01", "Rebels seized airport Floods hit coastal towns")
		got := s.Score(pred, ref)
		checkPRF(t, "date", got.Date, 1, 1)
		checkPRF(t, "agreement R1", got.Agreement.R1, 1, 1)
	})

	t.Run("empty", func(t *testing.T) {
		ref := tl("2011-01-01", "Rebels seized airport")
		for _, c := range []struct{ pred, ref Timeline }{{nil, ref}, {ref, nil}, {nil, nil}} {
			got := s.Score(c.pred, c.ref)
			for name, v := range map[string]PRF{"date": got.Date, "concat": got.Concat.R1, "agreement": got.Agreement.R2, "align": got.Align.R1} {
				if v.F != 0 {
					t.Errorf("%s F = %v with an empty timeline, want 0", name, v.F)
				}
			}
		}
	})
}

func TestTimelineTokensDropStopWords(t *testing.T) {
	s := newTestTimelineScorer(t)
	got := s.Tokens("The rebels have seized the airports.")
	want := []string{"rebel", "seiz", "airport"}
	if len(got) != len(want) {
		t.Fatalf("Tokens = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tokens = %q, want %q", got, want)
		}
	}
}
