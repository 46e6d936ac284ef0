package rouge

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarkLCS(t *testing.T) {
	tests := []struct {
		name        string
		model, peer []int32
		want        []bool
	}{
		{"common subsequence", []int32{1, 2, 3, 4, 5}, []int32{1, 2, 6, 7, 8}, []bool{true, true, false, false, false}},
		{"gaps", []int32{1, 2, 3, 4, 5}, []int32{1, 3, 8, 9, 5}, []bool{true, false, true, false, true}},
		// Two LCSs of length one: the backtrack prefers dropping a model
		// token (going up) on ties, so it ends on the first model token.
		{"tie goes up", []int32{1, 2}, []int32{2, 1}, []bool{true, false}},
		{"no overlap", []int32{1, 2}, []int32{3, 4}, []bool{false, false}},
		{"unknown peer tokens never match", []int32{1, 2}, []int32{-1, 2}, []bool{false, true}},
	}
	for _, tt := range tests {
		mask := make([]bool, len(tt.model))
		markLCS(tt.model, tt.peer, mask, new(scratch))
		if diff := cmp.Diff(tt.want, mask); diff != "" {
			t.Errorf("%s: mask mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestUnionLCS checks the summary-level union LCS on the example of Lin
// (2004): the reference sentence "w1 w2 w3 w4 w5" shares "w1 w2" with the
// first peer sentence and "w1 w3 w5" with the second, so the union LCS has
// the four tokens w1 w2 w3 w5.
func TestUnionLCS(t *testing.T) {
	s := newTestScorer(t, DefaultOptions())
	got := s.Score([]string{"w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"}, [][]string{{"w1 w2 w3 w4 w5"}})
	// R = 4/5, P = 4/10, F = 2PR/(P+R).
	want := Scores{RougeL: {Recall: 0.8, Precision: 0.4, F: 0.53333}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("union LCS mismatch (-want +got):\n%s", diff)
	}

	// A reference token matched in one reference sentence is not matched
	// again when the peer has it only once: here "a" appears once in the
	// peer but in both reference sentences, so only one of them scores it.
	got = s.Score([]string{"a b"}, [][]string{{"a", "a b"}})
	// Union LCS: sentence 1 marks "a"; sentence 2 marks "a b", but the
	// peer's only "a" is used up, so hits = a (s1) + b (s2) = 2 of 3.
	want = Scores{RougeL: {Recall: 0.66667, Precision: 1, F: 0.8}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clipped union LCS mismatch (-want +got):\n%s", diff)
	}
}

func TestSkipBigramsDropLastUnigram(t *testing.T) {
	opts := DefaultOptions()
	opts.NoLCS = true
	opts.SkipBigrams, opts.SkipDistance, opts.SkipUnigrams = true, 4, true
	s := newTestScorer(t, opts)
	// The reference "the cat the cat" has 6 skip-bigrams and, counting
	// every token but the last, 3 unigrams; the peer "the the the the cat
	// cat" has 15 skip-bigrams within distance 4 and 5 unigrams. The clipped
	// matches are the:2 cat:1, the-cat:2, the-the:1, cat-the:1, cat-cat:1,
	// 8 in all (this is case t-repeat of the conformance data).
	got := s.Score([]string{"the the the the cat cat"}, [][]string{{"the cat the cat"}})
	want := Scores{RougeSU4: {Recall: 0.88889, Precision: 0.4, F: 0.55172}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ROUGE-SU4 mismatch (-want +got):\n%s", diff)
	}
	// One token: no skip-bigrams and, surprisingly, no unigram either.
	got = s.Score([]string{"nope"}, [][]string{{"nope"}})
	if diff := cmp.Diff(Scores{RougeSU4: {}}, got); diff != "" {
		t.Errorf("one-token ROUGE-SU4 mismatch (-want +got):\n%s", diff)
	}

	opts.SkipUnigrams, opts.SkipBoth, opts.SkipDistance = false, true, -1
	s = newTestScorer(t, opts)
	if diff := cmp.Diff([]string{"ROUGE-S*", "ROUGE-SU*"}, s.Metrics()); diff != "" {
		t.Errorf("-U metrics mismatch (-want +got):\n%s", diff)
	}
	got = s.Score([]string{"a b c"}, [][]string{{"a c b"}})
	// Skip-bigrams: peer ab ac bc, reference ac ab cb → 2 of 3; with the
	// unigrams a b (peer) and a c (reference) → 3 of 5.
	want = Scores{"ROUGE-S*": {Recall: 0.66667, Precision: 0.66667, F: 0.66667}, "ROUGE-SU*": {Recall: 0.6, Precision: 0.6, F: 0.6}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("-U scores mismatch (-want +got):\n%s", diff)
	}
}

func TestFormulas(t *testing.T) {
	peer := []string{"a b c d"}
	refs := [][]string{{"a b x y z w"}, {"a b c"}}
	opts := DefaultOptions()
	opts.MaxN = 1
	opts.NoLCS = true
	s := newTestScorer(t, opts)
	// -f A adds the counts: hits 2+3 of 6+3 reference and 4+4 peer tokens.
	want := Scores{Rouge1: {Recall: 0.55556, Precision: 0.625, F: 0.58824}}
	if diff := cmp.Diff(want, s.Score(peer, refs)); diff != "" {
		t.Errorf("-f A mismatch (-want +got):\n%s", diff)
	}
	opts.Formula = BestModel
	s = newTestScorer(t, opts)
	// -f B keeps the reference with the best recall, the second one.
	want = Scores{Rouge1: {Recall: 1, Precision: 0.75, F: 0.85714}}
	if diff := cmp.Diff(want, s.Score(peer, refs)); diff != "" {
		t.Errorf("-f B mismatch (-want +got):\n%s", diff)
	}
}

func TestRougeW(t *testing.T) {
	opts := DefaultOptions()
	opts.NoLCS = true
	opts.WeightFactor = 2
	s := newTestScorer(t, opts)
	got := s.Score([]string{"a b x d"}, [][]string{{"a b c d"}})
	// The weighted LCS takes the run "a b" (2² = 4) and "d" (1² = 1). The
	// reference weighs its length twice, (4²)² = 256, the peer once, 4².
	r, p := round5(math.Sqrt(5.0/256)), round5(math.Sqrt(5.0/16))
	want := Scores{"ROUGE-W-2": {Recall: r, Precision: p, F: fMeasure(p, r, 0.5)}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ROUGE-W mismatch (-want +got):\n%s", diff)
	}
}

func TestRound5(t *testing.T) {
	tests := map[float64]float64{
		0: 0, 1: 1, 1.0 / 3: 0.33333, 2.0 / 3: 0.66667,
		// Exact binary ties round to even, as C's printf does.
		1.0 / 64: 0.01562, 3.0 / 64: 0.04688, -0.5: -0.5,
		// 0.123455 is stored as 0.12345499999999999...
		0.123455: 0.12345, 0.123456: 0.12346,
	}
	for in, want := range tests {
		if got := round5(in); got != want {
			t.Errorf("round5(%v) = %v, want %v", in, got, want)
		}
	}
}

func TestEmptyTexts(t *testing.T) {
	opts, err := ParseFlags(strings.Fields("-n 2 -2 4 -u -m -l 250"))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t, opts)
	zero := Scores{Rouge1: {}, Rouge2: {}, RougeL: {}, RougeSU4: {}}
	for _, tc := range []struct {
		peer []string
		refs [][]string
	}{
		{nil, [][]string{{"a b c"}}},
		{[]string{"a b c"}, nil},
		{[]string{"a b c"}, [][]string{{}}},
		{[]string{"-- ... !!"}, [][]string{{"a b"}}},
	} {
		if diff := cmp.Diff(zero, s.Score(tc.peer, tc.refs)); diff != "" {
			t.Errorf("Score(%q, %q) mismatch (-want +got):\n%s", tc.peer, tc.refs, diff)
		}
	}
}

func TestAppendScoresMatchesScore(t *testing.T) {
	opts, err := ParseFlags(strings.Fields("-n 4 -2 4 -u -m -w 1.2 -b 60"))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t, opts)
	peer := []string{"The geese went running to the market.", "They were better than the mice there."}
	refs := [][]string{{"Geese run to markets;", "mice were well"}, {"The market had geese and mice, which went home."}}
	want := s.Score(peer, refs)
	r := s.Prepare(refs)
	got := s.AppendScores(nil, s.Sentences(peer), r)
	if len(got) != len(s.Metrics()) {
		t.Fatalf("AppendScores returned %d scores for metrics %v", len(got), s.Metrics())
	}
	for i, name := range s.Metrics() {
		if got[i] != want[name] {
			t.Errorf("%s: AppendScores %+v, Score %+v", name, got[i], want[name])
		}
	}
}

func TestAppendScoresAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop buffers")
	}
	opts, err := ParseFlags(strings.Fields("-n 2 -2 4 -u -m -l 250"))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t, opts)
	r := s.Prepare([][]string{{"The market had geese and mice, which went home.", "Nothing else."}})
	peer := s.Sentences([]string{"The geese went running to the market.", "They were better than the mice there."})
	dst := make([]Score, 0, 8)
	dst = s.AppendScores(dst[:0], peer, r)
	allocs := testing.AllocsPerRun(100, func() {
		dst = s.AppendScores(dst[:0], peer, r)
	})
	if allocs > 0 {
		t.Errorf("AppendScores allocates %v times per call, want 0", allocs)
	}
}

func TestConcurrentScoring(t *testing.T) {
	opts, err := ParseFlags(strings.Fields("-n 2 -2 4 -u -m -l 250"))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t, opts)
	refs := [][]string{{"The market had geese and mice, which went home.", "Investigators were investigating."}}
	r := s.Prepare(refs)
	var peers [][]string
	for i := range 16 {
		peers = append(peers, []string{fmt.Sprintf("Sentence %d about geese, mice and investigations %d.", i, i*i), "The market went home."})
	}
	want := make([]Scores, len(peers))
	for i, p := range peers {
		want[i] = newTestScorer(t, opts).Score(p, refs)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				i := (g + k) % len(peers)
				if diff := cmp.Diff(want[i], s.ScorePrepared(peers[i], r)); diff != "" {
					errs <- diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for diff := range errs {
		t.Errorf("concurrent score mismatch (-want +got):\n%s", diff)
	}
}

func TestRefsFromOtherScorerPanics(t *testing.T) {
	a, b := newTestScorer(t, DefaultOptions()), newTestScorer(t, DefaultOptions())
	r := a.Prepare([][]string{{"a b"}})
	defer func() {
		if recover() == nil {
			t.Error("ScorePrepared with another Scorer's Refs did not panic")
		}
	}()
	b.ScorePrepared([]string{"a"}, r)
}

// TestMarkLCSBitsMatchesDP checks that the bit-parallel LCS marks exactly
// the positions the DP backtrack marks, on random sequences over small
// alphabets (many ties) and peer lengths up to the 64-token word size.
func TestMarkLCSBitsMatchesDP(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	sc := new(scratch)
	pm := make([]uint64, 8)
	for iter := range 5000 {
		alpha := 1 + rng.IntN(7)
		model := make([]int32, rng.IntN(40))
		for i := range model {
			model[i] = int32(rng.IntN(alpha))
		}
		peer := make([]int32, 1+rng.IntN(64))
		for j := range peer {
			peer[j] = int32(rng.IntN(alpha+1)) - 1 // -1: a token unknown to the references
		}
		want := make([]bool, len(model))
		markLCS(model, peer, want, sc)
		for j, tok := range peer {
			if tok >= 0 {
				pm[tok] |= 1 << uint(j)
			}
		}
		got := make([]bool, len(model))
		markLCSBits(model, peer, pm, got, sc)
		clear(pm)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("iteration %d, model %v, peer %v: bit-parallel marks differ from DP (-want +got):\n%s", iter, model, peer, diff)
		}
	}
}
