package rouge

import (
	"math"
	"strings"
	"testing"
)

// FuzzScore checks that scoring arbitrary text never panics and keeps every
// score within [0, 1], under several flag sets including tight limits.
func FuzzScore(f *testing.F) {
	flagSets := []string{
		"-n 4 -2 4 -u -m -l 250",
		"-n 2 -2 -1 -U -m -w 1.2 -b 20",
		"-n 3 -m -l 3 -f B",
		"-n 2 -2 0 -b 7 -f B -p 0.2",
	}
	exc := NewExceptions(map[string]string{"better": "well", "geese": "goose", "were": "be"})
	var scorers []*Scorer
	for _, flags := range flagSets {
		o, err := ParseFlags(strings.Fields(flags))
		if err != nil {
			f.Fatal(err)
		}
		s, err := NewScorer(o, exc)
		if err != nil {
			f.Fatal(err)
		}
		scorers = append(scorers, s)
	}
	f.Add("The cat sat on the mat.\nIt was better.", "A cat sat.\nThe geese were on the mat.", "x")
	f.Add("", "a", "")
	f.Add(" \t\n-- ü", "Zürich – naïve — café", "yyy YES yes")
	f.Add("the the the the cat cat", "the cat the cat", "cat")
	f.Fuzz(func(t *testing.T, peer, ref1, ref2 string) {
		split := func(s string) []string { return strings.Split(s, "\n") }
		for i, s := range scorers {
			scores := s.Score(split(peer), [][]string{split(ref1), split(ref2)})
			if len(scores) != len(s.Metrics()) {
				t.Fatalf("%s: %d scores for metrics %v", flagSets[i], len(scores), s.Metrics())
			}
			for name, sc := range scores {
				for _, v := range []float64{sc.Recall, sc.Precision, sc.F} {
					if !(v >= 0 && v <= 1) || math.IsNaN(v) {
						t.Fatalf("%s: %s = %+v out of [0, 1]", flagSets[i], name, sc)
					}
				}
			}
		}
	})
}
