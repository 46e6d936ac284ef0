package eval

// Clustering metrics: how well found stories match the true ones.
//
// Items are numbered 0..n-1; gold[i] and found[i] are the labels of item
// i's true and found clusters (any ints; equal labels, same cluster).
// A ratio with nothing to count (no pairs at all) is 1.

// ClusterScores are the agreement measures of a found clustering with the
// true one.
type ClusterScores struct {
	// Items is the number of items scored.
	Items int `json:"items"`
	// Gold and Found are the numbers of true and found clusters that hold
	// a scored item.
	Gold  int `json:"gold_stories"`
	Found int `json:"found_stories"`
	// BCubedP, BCubedR and BCubedF1 are the B-cubed precision, recall
	// and F1 (Bagga and Baldwin 1998; Amigó et al. 2009): for each item,
	// the share of its found cluster that is in its true cluster and the
	// share of its true cluster that is in its found cluster, averaged
	// over the items; F1 is the harmonic mean of the two averages.
	BCubedP  float64 `json:"bcubed_precision"`
	BCubedR  float64 `json:"bcubed_recall"`
	BCubedF1 float64 `json:"bcubed_f1"`
	// PairP, PairR and PairF1 are pairwise precision, recall and F1: of
	// the pairs of items put together, the share that truly belong
	// together, and of the pairs that belong together, the share put
	// together.
	PairP  float64 `json:"pairwise_precision"`
	PairR  float64 `json:"pairwise_recall"`
	PairF1 float64 `json:"pairwise_f1"`
	// ARI is the adjusted Rand index (Hubert and Arabie 1985): 1 for the
	// same partition, about 0 for a random one.
	ARI float64 `json:"adjusted_rand_index"`
}

// ScoreClusters compares a found clustering with the true one over all
// items. It panics if the two label lists differ in length.
func ScoreClusters(gold, found []int) ClusterScores {
	return ScoreClustersOn(gold, found, nil)
}

// ScoreClustersOn scores only the items i with in[i] (all items when in is
// nil), while the clusters keep every item: an item outside the scored set
// that was put in a scored item's found cluster lowers that item's B-cubed
// precision and counts as a wrong pair. This is how a set of stories is
// scored when other articles are mixed in as distractors. The adjusted Rand
// index is that of the scored items alone.
func ScoreClustersOn(gold, found []int, in []bool) ClusterScores {
	if len(gold) != len(found) || (in != nil && len(in) != len(gold)) {
		panic("eval: cluster label lists differ in length")
	}
	scored := func(i int) bool { return in == nil || in[i] }
	// Sizes over all items.
	type pair struct{ g, f int }
	goldSize := make(map[int]int)
	foundSize := make(map[int]int)
	both := make(map[pair]int)
	for i := range gold {
		goldSize[gold[i]]++
		foundSize[found[i]]++
		both[pair{gold[i], found[i]}]++
	}
	var s ClusterScores
	goldSeen := make(map[int]bool)
	foundSeen := make(map[int]bool)
	// Sizes over scored items only.
	goldIn := make(map[int]int)
	foundIn := make(map[int]int)
	bothIn := make(map[pair]int)
	var sumP, sumR float64
	for i := range gold {
		if !scored(i) {
			continue
		}
		s.Items++
		g, f := gold[i], found[i]
		goldSeen[g], foundSeen[f] = true, true
		goldIn[g]++
		foundIn[f]++
		bothIn[pair{g, f}]++
		n := float64(both[pair{g, f}])
		sumP += n / float64(foundSize[f])
		sumR += n / float64(goldSize[g])
	}
	s.Gold, s.Found = len(goldSeen), len(foundSeen)
	if s.Items == 0 {
		s.BCubedP, s.BCubedR, s.BCubedF1 = 1, 1, 1
		s.PairP, s.PairR, s.PairF1 = 1, 1, 1
		s.ARI = 1
		return s
	}
	s.BCubedP = sumP / float64(s.Items)
	s.BCubedR = sumR / float64(s.Items)
	s.BCubedF1 = harmonicMean(s.BCubedP, s.BCubedR)

	// Pairs with at least one scored item: all pairs of a cluster minus
	// the pairs of its unscored items.
	var tp, foundPairs, goldPairs float64
	for k, n := range both {
		tp += pairsOf(n) - pairsOf(n-bothIn[k])
	}
	for f, n := range foundSize {
		foundPairs += pairsOf(n) - pairsOf(n-foundIn[f])
	}
	for g, n := range goldSize {
		goldPairs += pairsOf(n) - pairsOf(n-goldIn[g])
	}
	s.PairP, s.PairR = pairRatio(tp, foundPairs), pairRatio(tp, goldPairs)
	s.PairF1 = harmonicMean(s.PairP, s.PairR)

	s.ARI = adjustedRand(bothIn, goldIn, foundIn, s.Items)
	return s
}

// adjustedRand computes the adjusted Rand index from a contingency table
// of n items.
func adjustedRand[K comparable](cells map[K]int, rows, cols map[int]int, n int) float64 {
	var index, a, b float64
	for _, c := range cells {
		index += pairsOf(c)
	}
	for _, r := range rows {
		a += pairsOf(r)
	}
	for _, c := range cols {
		b += pairsOf(c)
	}
	all := pairsOf(n)
	if all == 0 {
		return 1
	}
	expected := a * b / all
	maximum := (a + b) / 2
	if maximum == expected {
		// Both partitions are all singletons or one cluster: they agree
		// exactly when the index reaches the maximum.
		if index == maximum {
			return 1
		}
		return 0
	}
	return (index - expected) / (maximum - expected)
}

func pairsOf(n int) float64 { return float64(n) * float64(n-1) / 2 }

func pairRatio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func harmonicMean(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
