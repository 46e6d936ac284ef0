package baseline

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// s builds a hand-made sentence: Words counts the fields of text.
func s(text string, terms ...string) Sentence {
	return Sentence{Text: text, Terms: terms, Words: len(strings.Fields(text))}
}

// sw builds a hand-made sentence with an explicit word count.
func sw(text string, words int, terms ...string) Sentence {
	return Sentence{Text: text, Terms: terms, Words: words}
}

func doc(ss ...Sentence) Document { return Document{Sentences: ss} }

// checkSummary fails t unless refs obey the shared selection rule.
func checkSummary(t *testing.T, name string, docs []Document, budget int, refs []Ref) {
	t.Helper()
	if refs == nil {
		t.Errorf("%s: nil result", name)
	}
	words := 0
	seen := map[string]bool{}
	for _, r := range refs {
		if r.Doc < 0 || r.Doc >= len(docs) || r.Sent < 0 || r.Sent >= len(docs[r.Doc].Sentences) {
			t.Fatalf("%s: ref %v out of range", name, r)
		}
		sen := docs[r.Doc].Sentences[r.Sent]
		if len(sen.Terms) == 0 {
			t.Errorf("%s: ref %v has no terms", name, r)
		}
		if seen[sen.Text] {
			t.Errorf("%s: text %q chosen twice", name, sen.Text)
		}
		seen[sen.Text] = true
		words += max(sen.Words, 0)
	}
	if (budget >= 0 && words > budget) || (budget < 0 && len(refs) > 0) {
		t.Errorf("%s: %d words in %d sentences over budget %d", name, words, len(refs), budget)
	}
}

func TestRegistry(t *testing.T) {
	var names []string
	for _, m := range Methods() {
		names = append(names, m.Name())
		got, ok := ByName(m.Name())
		if !ok || got.Name() != m.Name() {
			t.Errorf("ByName(%q) = %v, %v", m.Name(), got, ok)
		}
	}
	want := []string{"lead", "centroid", "lexrank", "textrank", "mmr"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("Methods() names (-want +got):\n%s", diff)
	}
	if m, ok := ByName("oracle"); ok || m != nil {
		t.Errorf("ByName(oracle) = %v, %v; want nil, false", m, ok)
	}
}

func TestFill(t *testing.T) {
	docs := []Document{
		doc(
			sw("alpha", 5, "a"),          // 0,0
			sw("no terms here", 3),       // 0,1
			sw("beta", 7, "b"),           // 0,2
			sw("alpha", 2, "a"),          // 0,3: same text as 0,0
			sw("gamma", 0, "c"),          // 0,4: free
			sw("delta", -4, "d"),         // 0,5: negative counts as zero
			sw("epsilon long", 40, "e"),  // 0,6
			sw("zeta", 3, "z", "z", "y"), // 0,7
		),
	}
	r := func(j int) Ref { return Ref{Doc: 0, Sent: j} }
	tests := []struct {
		name       string
		candidates []Ref
		budget     int
		want       []Ref
	}{
		{"all fit", []Ref{r(0), r(2)}, 20, []Ref{r(0), r(2)}},
		{"exact fit", []Ref{r(0), r(2)}, 12, []Ref{r(0), r(2)}},
		{"skip what does not fit", []Ref{r(6), r(0), r(2), r(7)}, 8, []Ref{r(0), r(7)}},
		{"no terms never chosen", []Ref{r(1), r(0)}, 100, []Ref{r(0)}},
		{"duplicate text", []Ref{r(3), r(0), r(2)}, 100, []Ref{r(3), r(2)}},
		{"same ref twice", []Ref{r(2), r(2)}, 100, []Ref{r(2)}},
		{"zero words fit an empty budget", []Ref{r(0), r(4), r(5)}, 0, []Ref{r(4), r(5)}},
		{"negative budget", []Ref{r(4), r(0)}, -1, []Ref{}},
		{"out of range", []Ref{{Doc: 1}, {Doc: -1}, {Sent: 9}, {Sent: -1}, r(0)}, 100, []Ref{r(0)}},
		{"no candidates", nil, 100, []Ref{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Fill(tc.candidates, docs, tc.budget)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Fill (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	docs := []Document{doc(sw("one", 4, "a"), sw("two", 5, "b"))}
	b := NewBudget(docs, 8)
	if !b.Add(Ref{0, 0}) || b.Used() != 4 {
		t.Fatalf("Add first: used %d", b.Used())
	}
	if b.Admits(Ref{0, 1}) || b.Add(Ref{0, 1}) {
		t.Errorf("second sentence admitted over budget")
	}
	refs := b.Refs()
	refs[0] = Ref{9, 9}
	if diff := cmp.Diff([]Ref{{0, 0}}, b.Refs()); diff != "" {
		t.Errorf("Refs is not a copy (-want +got):\n%s", diff)
	}
}

func TestSortByPosition(t *testing.T) {
	refs := []Ref{{2, 0}, {0, 3}, {1, 1}, {0, 1}}
	SortByPosition(refs)
	if diff := cmp.Diff([]Ref{{0, 1}, {0, 3}, {1, 1}, {2, 0}}, refs); diff != "" {
		t.Errorf("SortByPosition (-want +got):\n%s", diff)
	}
}

func TestLead(t *testing.T) {
	docs := []Document{
		doc(sw("a0", 5, "a"), sw("a1", 2, "a"), sw("a2", 4, "a")),
		doc(sw("b0", 10, "b")),
		doc(sw("c0", 3, "c"), sw("c1", 1, "c")),
	}
	tests := []struct {
		name   string
		docs   []Document
		budget int
		want   []Ref
	}{
		{"round robin", docs, 100, []Ref{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {2, 1}, {0, 2}}},
		{"skips what does not fit", docs, 10, []Ref{{0, 0}, {2, 0}, {0, 1}}},
		{"first sentence only", docs, 5, []Ref{{0, 0}}},
		{"nothing fits", docs, 0, []Ref{}},
		{"no documents", nil, 100, []Ref{}},
		{"empty documents", []Document{{}, doc(sw("x", 1, "x")), {}}, 100, []Ref{{1, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Lead{}.Summarize(tc.docs, tc.budget)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Lead (-want +got):\n%s", diff)
			}
		})
	}
}

// starStory has one hub sentence (1,1) that shares a term with each of four
// spoke sentences, which share nothing with each other.
func starStory() []Document {
	return []Document{
		doc(
			s("Spoke one talks about apples.", "a", "u1", "v1"),
			s("Spoke two talks about bananas.", "b", "u2", "v2"),
		),
		doc(
			s("Spoke three talks about cherries.", "c", "u3", "v3"),
			s("The hub mentions apples, bananas, cherries and dates.", "a", "b", "c", "d", "h"),
			s("Spoke four talks about dates.", "d", "u4", "v4"),
		),
	}
}

func TestLexRankStar(t *testing.T) {
	docs := starStory()
	st := newStory(docs)
	scores := lexRankScores(st, st.tfidf(st.idf()))
	hub := 3 // flat index of (1,1)
	for i, x := range scores {
		if i != hub && x >= scores[hub] {
			t.Errorf("score[%d] = %g >= hub %g", i, x, scores[hub])
		}
	}
	if sum := sumOf(scores); math.Abs(sum-1) > 1e-9 {
		t.Errorf("scores sum to %g, want 1", sum)
	}
	got := LexRank{}.Summarize(docs, 100)
	if len(got) != 5 || got[0] != (Ref{1, 1}) {
		t.Errorf("LexRank = %v, want the hub (1,1) first and all five", got)
	}
	// The four spokes are symmetric: ties broken by index.
	if diff := cmp.Diff([]Ref{{1, 1}, {0, 0}, {0, 1}, {1, 0}, {1, 2}}, got); diff != "" {
		t.Errorf("LexRank order (-want +got):\n%s", diff)
	}
}

func TestLexRankRedundancy(t *testing.T) {
	docs := starStory()
	// A second article repeats the hub with different wording but the same
	// terms: cosine 1 > 0.7, so it must be skipped, although it is as
	// central as the hub.
	docs = append(docs, doc(s("Apples, bananas, cherries and dates, says the hub.", "a", "b", "c", "d", "h")))
	got := LexRank{}.Summarize(docs, 100)
	for _, r := range got {
		if r == (Ref{2, 0}) {
			t.Errorf("LexRank chose the hub's paraphrase: %v", got)
		}
	}
	if got[0] != (Ref{1, 1}) {
		t.Errorf("LexRank = %v, want the hub first", got)
	}
}

func TestTextRankStar(t *testing.T) {
	docs := starStory()
	st := newStory(docs)
	scores := textRankScores(st)
	// Fixed point by hand: every spoke gives all its weight to the hub, the
	// hub splits its weight equally: hub = 0.15 + 0.85·4·spoke and
	// spoke = 0.15 + 0.85·hub/4, so hub = 0.66/0.2775.
	wantHub := 0.66 / 0.2775
	wantSpoke := 0.15 + 0.85*wantHub/4
	for i, x := range scores {
		want := wantSpoke
		if i == 3 {
			want = wantHub
		}
		if math.Abs(x-want) > 1e-3 {
			t.Errorf("score[%d] = %g, want %g", i, x, want)
		}
	}
	got := TextRank{}.Summarize(docs, 100)
	if diff := cmp.Diff([]Ref{{1, 1}, {0, 0}, {0, 1}, {1, 0}, {1, 2}}, got); diff != "" {
		t.Errorf("TextRank (-want +got):\n%s", diff)
	}
}

func TestTextRankWeight(t *testing.T) {
	tests := []struct {
		c, a, b int
		want    float64
	}{
		{2, 4, 4, 2 / (2 * math.Log(4))},
		{1, 3, 5, 1 / (math.Log(3) + math.Log(5))},
		{0, 4, 4, 0},
		{1, 1, 1, 0}, // log 1 + log 1 = 0: no edge
		{1, 1, 2, 1 / math.Log(2)},
	}
	for _, tc := range tests {
		if got := textRankWeight(tc.c, tc.a, tc.b); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("textRankWeight(%d, %d, %d) = %g, want %g", tc.c, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTextRankSymmetricTies(t *testing.T) {
	// Three sentences in a triangle, each sharing one term with each other:
	// all equal scores, so the ranking is (document, sentence) order. The
	// lead sentence has no terms and is never chosen.
	docs := []Document{
		doc(s("Breaking news:"), s("Alpha meets beta.", "alpha", "beta")),
		doc(s("Beta meets gamma.", "beta", "gamma"), s("Gamma meets alpha.", "gamma", "alpha")),
	}
	st := newStory(docs)
	scores := textRankScores(st)
	if float32(scores[1]) != float32(scores[2]) || float32(scores[2]) != float32(scores[3]) {
		t.Errorf("triangle scores differ: %v", scores)
	}
	for _, budget := range []int{100, 6} {
		got := TextRank{}.Summarize(docs, budget)
		want := []Ref{{0, 1}, {1, 0}, {1, 1}}[:min(3, budget/3)]
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("budget %d: TextRank (-want +got):\n%s", budget, diff)
		}
	}
	// The same holds for the explicit matrix.
	if diff := cmp.Diff(rankOrder(denseTextRankScores(st)), rankOrder(scores)); diff != "" {
		t.Errorf("ranking differs from the explicit matrix's (-dense +factored):\n%s", diff)
	}
}

// mmrStory has two near-identical central sentences (0,0) and (1,0) and a
// sentence (2,0) that is less central but says something else.
func mmrStory() []Document {
	return []Document{
		doc(
			s("The storm hit the coast on Monday, killing five.", "storm", "hit", "coast", "monday", "kill", "five"),
			s("Officials counted damage to homes.", "offici", "count", "damag", "home"),
		),
		doc(
			s("On Monday the storm hit the coast and killed five.", "monday", "storm", "hit", "coast", "kill", "five"),
			s("The storm damaged homes along the coast.", "storm", "damag", "home", "coast"),
		),
		doc(
			s("Rescuers searched homes for survivors as officials counted damage.", "rescuer", "search", "home", "survivor", "offici", "count", "damag"),
			s("Five people died when the storm hit.", "five", "peopl", "die", "storm", "hit"),
		),
	}
}

func TestMMRAvoidsNearDuplicate(t *testing.T) {
	docs := mmrStory()
	st := newStory(docs)
	v := st.tfidf(st.idf())
	rel := mmrRelevance(st, v)
	// Without the novelty term the paraphrase (1,0) would come second.
	byRelevance := rankOrder(rel)
	if top := []int{min(byRelevance[0], byRelevance[1]), max(byRelevance[0], byRelevance[1])}; top[0] != 0 || top[1] != 2 {
		t.Fatalf("test story is not what it claims: relevance order %v (%v)", byRelevance, rel)
	}
	got := MMR{}.Summarize(docs, 100)
	if len(got) < 2 {
		t.Fatalf("MMR = %v", got)
	}
	if got[0] != (Ref{0, 0}) && got[0] != (Ref{1, 0}) {
		t.Errorf("MMR first pick = %v, want one of the central pair", got[0])
	}
	if got[1] == (Ref{0, 0}) || got[1] == (Ref{1, 0}) {
		t.Errorf("MMR second pick = %v is the near-duplicate of the first; picks %v", got[1], got)
	}
}

func TestCentroidScores(t *testing.T) {
	docs := []Document{
		doc(s("x y", "x", "y"), s("x z", "x", "z")),
		doc(s("y w", "y", "w")),
	}
	st := newStory(docs)
	got := centroidScores(st, st.idf())
	// By hand: N = 3 sentences; x and y occur in two, z and w in one.
	// Centroid values over D = 2 articles: x, y: 2·ln(3/2)/2; z, w: ln 3/2.
	cx, cz := math.Log(1.5), math.Log(3)/2
	c00, c01, c10 := 2*cx, cx+cz, cx+cz
	cmax0 := max(c00, c01)
	want := []float64{
		c00 + cmax0 + 2,   // first sentence: full positional value, overlap with itself 2
		c01 + cmax0/2 + 1, // second of two: half, overlap {x} with the first
		c10 + c10 + 2,     // only sentence of its article
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("score[%d] = %g, want %g", i, got[i], want[i])
		}
	}
}

func TestCentroidValuesTopWords(t *testing.T) {
	var terms []string
	for i := range CentroidWords + 50 {
		terms = append(terms, strings.Repeat("t", 1+i%7)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	docs := []Document{doc(s("one", terms...), s("two", "other"))}
	st := newStory(docs)
	values := centroidValues(st, st.idf())
	nonzero := 0
	for _, x := range values {
		if x > 0 {
			nonzero++
		}
	}
	if nonzero != CentroidWords {
		t.Errorf("%d centroid words kept, want %d", nonzero, CentroidWords)
	}
	// All terms of the first sentence tie; the first CentroidWords by
	// first occurrence are kept.
	if values[0] == 0 || values[CentroidWords] != 0 {
		t.Errorf("tie-break by first occurrence violated")
	}
}

func TestCentroid(t *testing.T) {
	long := " and so on and so forth today"
	docs := []Document{
		doc(
			s("Short storm flood."+"", "storm", "flood", "storm"),
			s("The storm caused a flood in the valley"+long, "storm", "flood", "valley"),
			s("A storm and a flood again in the valley"+long, "storm", "flood", "valley"),
		),
		doc(
			s("Markets were calm on the day of the storm"+long, "market", "calm", "day", "storm"),
		),
	}
	got := Centroid{}.Summarize(docs, 1000)
	// Scores by hand (idf: storm 0, flood ln 4/3, valley ln 2, the rest
	// ln 4): (1,0) = 2.08 + 2.08 + 4 = 8.16 leads (0,1) = 1.12 + 0.75 + 3 =
	// 4.87. (0,2) repeats (0,1)'s terms: cosine 1, skipped by the reranker.
	// The short lead (0,0) is under the length cutoff and comes last.
	want := []Ref{{1, 0}, {0, 1}, {0, 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Centroid (-want +got):\n%s", diff)
	}
}

func TestOracle(t *testing.T) {
	docs := []Document{
		doc(sw("ab", 5, "a", "b"), sw("c", 3, "c")),
		doc(sw("abc", 20, "a", "b", "c"), sw("de", 4, "d", "e"), sw("z", 2, "z")),
	}
	reference := map[string]bool{"a": true, "b": true, "c": true, "d": true}
	calls := 0
	score := func(selected []Ref) float64 {
		calls++
		covered := map[string]bool{}
		for _, r := range selected {
			for _, t := range docs[r.Doc].Sentences[r.Sent].Terms {
				if reference[t] {
					covered[t] = true
				}
			}
		}
		return float64(len(covered))
	}
	tests := []struct {
		budget int
		want   []Ref
	}{
		// (0,0) gains 2; then (0,1) and (1,1) tie at +1, (0,1) has the lower
		// index; then (1,1) still fits exactly; (1,2) fits no longer.
		{12, []Ref{{0, 0}, {0, 1}, {1, 1}}},
		// (1,0) gains 3, (1,1) gains 1, then nothing gains: (1,2) fits but
		// is not added.
		{100, []Ref{{1, 0}, {1, 1}}},
		{1, []Ref{}},
	}
	for _, tc := range tests {
		calls = 0
		got := Oracle(docs, tc.budget, score)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("budget %d: Oracle (-want +got):\n%s", tc.budget, diff)
		}
		if calls == 0 {
			t.Errorf("budget %d: score never called", tc.budget)
		}
	}
	// Selection order reaches score with the candidate last.
	var last []Ref
	Oracle(docs, 100, func(selected []Ref) float64 {
		last = append(last[:0], selected...)
		if len(selected) == 2 && selected[0] != (Ref{1, 0}) {
			t.Errorf("selection order lost: %v", selected)
		}
		return score(selected)
	})
	if len(last) == 0 {
		t.Errorf("score not called with a selection")
	}
}

func TestMethodsRespectBudget(t *testing.T) {
	stories := map[string][]Document{
		"star":  starStory(),
		"mmr":   mmrStory(),
		"synth": synthStory(7, 6, 12),
		"rough": roughStory(rand.New(rand.NewPCG(3, 4)), 5, 8, 6),
	}
	for name, docs := range stories {
		for _, m := range Methods() {
			for budget := -1; budget <= 120; budget += 7 {
				got := m.Summarize(docs, budget)
				checkSummary(t, name+"/"+m.Name(), docs, budget, got)
			}
		}
	}
}

func TestDeterminism(t *testing.T) {
	docs := synthStory(11, 10, 30)
	for _, m := range Methods() {
		first := m.Summarize(docs, 250)
		if len(first) == 0 {
			t.Errorf("%s: empty summary", m.Name())
		}
		for range 10 {
			// A deep copy, so no state can be shared through the input.
			cp := make([]Document, len(docs))
			for d := range docs {
				cp[d].Sentences = append([]Sentence(nil), docs[d].Sentences...)
			}
			if diff := cmp.Diff(first, m.Summarize(cp, 250)); diff != "" {
				t.Fatalf("%s: run differs (-first +now):\n%s", m.Name(), diff)
			}
		}
	}
}

// TestFactoredMatchesDense checks that the matrix-free iterations compute the
// same scores as the explicit matrices of the papers.
func TestFactoredMatchesDense(t *testing.T) {
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 99))
		docs := roughStory(r, 8, 25, 30)
		if seed%2 == 1 {
			docs = synthStory(seed, 10, 20)
		}
		st := newStory(docs)
		v := st.tfidf(st.idf())
		compare := func(name string, dense, factored []float64, tol float64) {
			t.Helper()
			for i := range dense {
				if math.Abs(dense[i]-factored[i]) > tol*max(1, math.Abs(dense[i])) {
					t.Errorf("seed %d %s: score[%d] dense %g factored %g", seed, name, i, dense[i], factored[i])
					return
				}
			}
		}
		compare("lexrank", denseLexRankScores(st, v), lexRankScores(st, v), 1e-6)
		compare("textrank", denseTextRankScores(st), textRankScores(st), 1e-5)
	}
}

func TestLargeStory(t *testing.T) {
	if testing.Short() {
		t.Skip("large story")
	}
	docs := synthStory(1, 500, 30) // 15,000 sentences
	for _, m := range Methods() {
		got := m.Summarize(docs, 250)
		checkSummary(t, m.Name(), docs, 250, got)
		if len(got) == 0 {
			t.Errorf("%s: empty summary", m.Name())
		}
	}
}

func sumOf(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}
