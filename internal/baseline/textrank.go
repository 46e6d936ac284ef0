package baseline

import (
	"math"
	"slices"
)

// Parameters of [TextRank].
const (
	// TextRankDamping is the damping factor d of the weighted PageRank
	// WS(V_i) = (1 − d) + d · Σ_j w_ji / Σ_k w_jk · WS(V_j), 0.85 in the
	// paper.
	TextRankDamping = 0.85

	// TextRankThreshold is the paper's convergence threshold: iteration
	// stops when no vertex's score changes by more than 0.0001 between two
	// iterations.
	TextRankThreshold = 1e-4

	// textRankMaxIterations bounds the iteration; the paper reports
	// convergence within 20–30 iterations.
	textRankMaxIterations = 1000
)

// TextRank is the sentence-extraction variant of TextRank (Mihalcea and
// Tarau, EMNLP 2004).
//
// Two sentences S_i and S_j are joined by an undirected edge of weight
//
//	|{w : w ∈ S_i and w ∈ S_j}| / (log |S_i| + log |S_j|),
//
// where a sentence is the set of its terms, so both the numerator and |S_i|
// count distinct terms (the paper represents a sentence by "the set of N_i
// words that appear in it"). The paper leaves the case log |S_i| + log |S_j|
// = 0 open (two one-term sentences); such pairs get no edge. There are no
// self-loops. Scores start at 1 and are updated synchronously, every vertex
// from the previous iteration's scores, with damping [TextRankDamping], until
// no score changes by more than [TextRankThreshold]. Sentences are ranked by
// score and selected with [Fill]; the paper applies no redundancy filter.
//
// The n×n weight matrix is never built; the iteration is computed exactly
// without it. The factor 1/(log a + log b) depends only on the sizes a and b
// of the two sentences, and a story has few distinct sizes. Grouping
// sentences by size, the product of the weight matrix with a vector q is
//
//	(W·q)_u = Σ_{t ∈ S_u} Σ_b f(|S_u|, b) · Y_{t,b}   (less u's own share),
//
// where Y_{t,b} sums q over the sentences of size b that contain t and
// f(a, b) = 1/(log a + log b). There are at most as many slots (t, b) as
// (sentence, term) pairs, so memory is linear in those, and a step costs two
// passes over the pairs plus Σ_t s(t)², where s(t) is the number of sizes
// the sentences containing t have; that is never more than Σ_t df(t)², the
// work of merely listing the sentence pairs that share a term, and usually
// far less. The tests check it against the explicit matrix.
type TextRank struct{}

// Name returns "textrank".
func (TextRank) Name() string { return "textrank" }

// Summarize returns the highest-ranked sentences that fit in budget words, in
// rank order.
func (TextRank) Summarize(docs []Document, budget int) []Ref {
	st := newStory(docs)
	scores := textRankScores(st)
	order := rankOrder(scores)
	candidates := make([]Ref, len(order))
	for k, i := range order {
		candidates[k] = st.refs[i]
	}
	return Fill(candidates, docs, budget)
}

// textRankScores returns the TextRank score of every sentence; sentences
// without terms are isolated vertices and score 1 − d.
func textRankScores(st *story) []float64 {
	rows := textRankRows(st)
	outDegree, product := textRankFactored(st, rows)
	return textRankPower(st.n(), rows, outDegree, product)
}

// textRankRows returns the flat indices of the sentences with terms.
func textRankRows(st *story) []int {
	var rows []int
	for i := range st.refs {
		if st.off[i+1] > st.off[i] {
			rows = append(rows, i)
		}
	}
	return rows
}

// textRankPower runs TextRank's iteration on the graph of the sentences rows,
// given their weighted out-degrees and the product of the weight matrix with
// a vector, and returns the scores of all n sentences.
func textRankPower(n int, rows []int, outDegree []float64, product func(q, out []float64)) []float64 {
	m := len(rows)
	ws := make([]float64, m)
	next := make([]float64, m)
	q := make([]float64, m)
	for i := range ws {
		ws[i] = 1
	}
	for range textRankMaxIterations {
		for i := range q {
			q[i] = 0
			if outDegree[i] > 0 {
				q[i] = ws[i] / outDegree[i]
			}
		}
		product(q, next)
		change := 0.0
		for i := range next {
			next[i] = (1 - TextRankDamping) + TextRankDamping*next[i]
			change = max(change, math.Abs(next[i]-ws[i]))
		}
		ws, next = next, ws
		if change <= TextRankThreshold {
			break
		}
	}
	scores := make([]float64, n)
	for i := range scores {
		scores[i] = 1 - TextRankDamping
	}
	for k, i := range rows {
		scores[i] = ws[k]
	}
	return scores
}

// textRankWeight is the edge weight of two sentences of a and b distinct
// terms sharing c of them.
func textRankWeight(c, a, b int) float64 {
	den := math.Log(float64(a)) + math.Log(float64(b))
	if c == 0 || den <= 0 {
		return 0
	}
	return float64(c) / den
}

// textRankFactored prepares the matrix-free product described on TextRank.
func textRankFactored(st *story, rows []int) ([]float64, func(q, out []float64)) {
	m := len(rows)
	// Size classes: the distinct sentence sizes, ascending.
	var sizes []int
	for _, i := range rows {
		sizes = append(sizes, st.off[i+1]-st.off[i])
	}
	sizes = slices.Compact(slices.Sorted(slices.Values(sizes)))
	nc := len(sizes)
	class := make([]int32, m)
	for k, i := range rows {
		c, _ := slices.BinarySearch(sizes, st.off[i+1]-st.off[i])
		class[k] = int32(c)
	}
	f := make([]float64, nc*nc)
	for a := range nc {
		for b := range nc {
			f[a*nc+b] = textRankWeight(1, sizes[a], sizes[b])
		}
	}

	// Slots: the distinct (term, class) pairs, grouped by term and sorted by
	// class within a term; slotCount is how many sentences fill each slot.
	pairs := make([]uint64, 0, len(st.ids))
	for k, i := range rows {
		for _, t := range st.ids[st.off[i]:st.off[i+1]] {
			pairs = append(pairs, uint64(t)<<32|uint64(class[k]))
		}
	}
	slices.Sort(pairs)
	slotStart := make([]int, st.vocab+1) // slots of term t: slotStart[t]..slotStart[t+1]
	var slotClass []int32
	var slotCount []int32
	for k := 0; k < len(pairs); {
		j := k + 1
		for j < len(pairs) && pairs[j] == pairs[k] {
			j++
		}
		slotStart[(pairs[k]>>32)+1]++
		slotClass = append(slotClass, int32(uint32(pairs[k])))
		slotCount = append(slotCount, int32(j-k))
		k = j
	}
	for t := range st.vocab {
		slotStart[t+1] += slotStart[t]
	}
	// own[p] is the slot of the p-th (sentence, term) pair of st.ids.
	own := make([]int32, len(st.ids))
	for k, i := range rows {
		for p := st.off[i]; p < st.off[i+1]; p++ {
			t := st.ids[p]
			lo, hi := slotStart[t], slotStart[t+1]
			s, _ := slices.BinarySearch(slotClass[lo:hi], class[k])
			own[p] = int32(lo + s)
		}
	}

	// Out-degrees, from integer slot counts less the sentence itself, so an
	// isolated sentence gets exactly zero.
	outDegree := make([]float64, m)
	for k, i := range rows {
		fa := f[int(class[k])*nc : int(class[k]+1)*nc]
		var sum float64
		for p := st.off[i]; p < st.off[i+1]; p++ {
			t := st.ids[p]
			for s := slotStart[t]; s < slotStart[t+1]; s++ {
				c := slotCount[s]
				if int32(s) == own[p] {
					c--
				}
				sum += fa[slotClass[s]] * float64(c)
			}
		}
		outDegree[k] = sum
	}

	// Each product first sums q into the slots, y[(t, b)] = Σ q_v over the
	// sentences v of size class b that contain t, then folds the classes of
	// every term, z[(t, a)] = Σ_b f(a, b) · y[(t, b)], so that a sentence of
	// class a gets Σ_{t ∈ S_u} z[(t, a)] less its own share f(a, a) · q_u
	// per term. Folding costs Σ_t (slots of t)², at most Σ_t df(t)².
	y := make([]float64, len(slotClass))
	z := make([]float64, len(slotClass))
	product := func(q, out []float64) {
		clear(y)
		for k, i := range rows {
			for p := st.off[i]; p < st.off[i+1]; p++ {
				y[own[p]] += q[k]
			}
		}
		for t := range st.vocab {
			lo, hi := slotStart[t], slotStart[t+1]
			for s := lo; s < hi; s++ {
				fa := f[int(slotClass[s])*nc : int(slotClass[s]+1)*nc]
				var sum float64
				for r := lo; r < hi; r++ {
					sum += fa[slotClass[r]] * y[r]
				}
				z[s] = sum
			}
		}
		for k, i := range rows {
			a := int(class[k])
			self := f[a*nc+a] * q[k]
			var sum float64
			for p := st.off[i]; p < st.off[i+1]; p++ {
				sum += max(z[own[p]]-self, 0)
			}
			out[k] = sum
		}
	}
	return outDegree, product
}
