package eval

import (
	"math"
	"testing"
)

func TestScoreClusters(t *testing.T) {
	tests := []struct {
		name        string
		gold, found []int
		in          []bool
		want        ClusterScores
	}{
		{
			// Worked by hand: B-cubed precision of the items is 1, 1,
			// 1/3, 2/3, 2/3 and recall 2/3, 2/3, 1/3, 1, 1; 4 found and 4
			// true pairs, 2 shared; ARI (2-1.6)/(4-1.6).
			name: "one item in the wrong story",
			gold: []int{0, 0, 0, 1, 1}, found: []int{0, 0, 1, 1, 1},
			want: ClusterScores{Items: 5, Gold: 2, Found: 2,
				BCubedP: 11.0 / 15, BCubedR: 11.0 / 15, BCubedF1: 11.0 / 15,
				PairP: 0.5, PairR: 0.5, PairF1: 0.5, ARI: 1.0 / 6},
		},
		{
			name: "the same partition under other labels",
			gold: []int{3, 3, 5, 7, 7, 7}, found: []int{1, 1, 0, 2, 2, 2},
			want: ClusterScores{Items: 6, Gold: 3, Found: 3,
				BCubedP: 1, BCubedR: 1, BCubedF1: 1, PairP: 1, PairR: 1, PairF1: 1, ARI: 1},
		},
		{
			// No pair found: pairwise precision has nothing to count.
			name: "all apart",
			gold: []int{0, 0, 0}, found: []int{0, 1, 2},
			want: ClusterScores{Items: 3, Gold: 1, Found: 3,
				BCubedP: 1, BCubedR: 1.0 / 3, BCubedF1: 0.5, PairP: 1, PairR: 0, PairF1: 0, ARI: 0},
		},
		{
			// Item 2 is a distractor joined to the story: each scored
			// item's found story holds 3 items, 2 of them its own.
			name: "a distractor in the story",
			gold: []int{0, 0, 9}, found: []int{0, 0, 0}, in: []bool{true, true, false},
			want: ClusterScores{Items: 2, Gold: 1, Found: 1,
				BCubedP: 2.0 / 3, BCubedR: 1, BCubedF1: 0.8, PairP: 1.0 / 3, PairR: 1, PairF1: 0.5, ARI: 1},
		},
		{
			name: "one item",
			gold: []int{4}, found: []int{8},
			want: ClusterScores{Items: 1, Gold: 1, Found: 1,
				BCubedP: 1, BCubedR: 1, BCubedF1: 1, PairP: 1, PairR: 1, PairF1: 1, ARI: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreClustersOn(tt.gold, tt.found, tt.in)
			if got.Items != tt.want.Items || got.Gold != tt.want.Gold || got.Found != tt.want.Found {
				t.Errorf("counts = %d items, %d gold, %d found; want %d, %d, %d",
					got.Items, got.Gold, got.Found, tt.want.Items, tt.want.Gold, tt.want.Found)
			}
			for _, m := range []struct {
				name      string
				got, want float64
			}{
				{"B-cubed P", got.BCubedP, tt.want.BCubedP}, {"B-cubed R", got.BCubedR, tt.want.BCubedR},
				{"B-cubed F1", got.BCubedF1, tt.want.BCubedF1}, {"pair P", got.PairP, tt.want.PairP},
				{"pair R", got.PairR, tt.want.PairR}, {"pair F1", got.PairF1, tt.want.PairF1},
				{"ARI", got.ARI, tt.want.ARI},
			} {
				if math.Abs(m.got-m.want) > 1e-12 {
					t.Errorf("%s = %v, want %v", m.name, m.got, m.want)
				}
			}
		})
	}
}

// TestScoreClustersSymmetry checks that swapping gold and found swaps
// precision and recall and keeps the adjusted Rand index.
func TestScoreClustersSymmetry(t *testing.T) {
	gold := []int{0, 0, 1, 1, 1, 2, 3, 3, 3, 3}
	found := []int{5, 5, 5, 6, 6, 7, 7, 8, 8, 9}
	a, b := ScoreClusters(gold, found), ScoreClusters(found, gold)
	if math.Abs(a.BCubedP-b.BCubedR) > 1e-12 || math.Abs(a.PairP-b.PairR) > 1e-12 || math.Abs(a.ARI-b.ARI) > 1e-12 {
		t.Errorf("not symmetric: %+v vs %+v", a, b)
	}
}
