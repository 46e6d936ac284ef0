package baseline

import "math"

// Parameters of [LexRank].
const (
	// LexRankDamping is the jump probability d of continuous LexRank's
	// random walk, p(u) = d/N + (1 − d) Σ_v cos(u,v)/Σ_z cos(z,v) · p(v).
	// In Erkan and Radev's notation d is the probability of jumping to a
	// random sentence (the complement of the 0.85 that the PageRank and
	// TextRank papers call d). The paper says d is typically chosen in
	// [0.1, 0.2]; we use 0.15.
	LexRankDamping = 0.15

	// LexRankEpsilon is the error tolerance ε of the power method
	// (Algorithm 3 of the paper, which does not fix a value): iteration
	// stops when the L1 distance between successive score vectors, which sum
	// to one, falls below it.
	LexRankEpsilon = 1e-6

	// LexRankRedundancy is the redundancy threshold. For DUC, Erkan and Radev
	// passed LexRank scores through MEAD, whose default reranker skips a
	// sentence whose tf·idf cosine with an already chosen sentence exceeds
	// 0.7; that is the filter used here.
	LexRankRedundancy = 0.7

	// lexRankMaxIterations bounds the power method; with d = 0.15 the
	// error shrinks at least by a factor 0.85 per step, so ε = 1e-6 is
	// reached within about 90 steps.
	lexRankMaxIterations = 1000
)

// LexRank is continuous LexRank (Erkan and Radev, JAIR 22, 2004).
//
// Sentences are tf·idf vectors and the graph's edge weights are their
// idf-modified cosine similarities, with no threshold. The similarity matrix
// includes the diagonal (a sentence's similarity with itself is 1), as in the
// paper's cosine matrix and its Algorithm 3. The matrix is row-normalized and
// the stationary distribution of the random walk with jump probability
// [LexRankDamping] is found by power iteration from the uniform vector, to
// tolerance [LexRankEpsilon]. Sentences whose tf·idf vector is zero (no terms,
// or only terms that occur in every sentence) have no similarity with
// anything and are left out of the graph; they rank last. Sentences are
// ranked by score and selected with the redundancy filter of
// [LexRankRedundancy].
//
// The n×n cosine matrix is never built. With X the matrix whose rows are the
// unit sentence vectors (sparse), the cosine matrix is X·Xᵀ, so its row sums
// are X·(Xᵀ·1) and each power step's product with it is X·(Xᵀ·q). Each
// product is two passes over the (sentence, term) pairs, so time per step and
// memory are linear in their number (plus the vocabulary), at every story
// size. This is the paper's computation with the sums reordered: the tests
// check it against the explicit matrix.
type LexRank struct{}

// Name returns "lexrank".
func (LexRank) Name() string { return "lexrank" }

// Summarize returns the highest-ranked non-redundant sentences that fit in
// budget words, in selection order.
func (LexRank) Summarize(docs []Document, budget int) []Ref {
	st := newStory(docs)
	v := st.tfidf(st.idf())
	scores := lexRankScores(st, v)
	return st.selectNonRedundant(rankOrder(scores), v, LexRankRedundancy, budget)
}

// lexRankRows returns the flat indices of the sentences in the graph: those
// with a non-zero vector.
func lexRankRows(v *vectors) []int {
	var rows []int
	for i, x := range v.norm {
		if x > 0 {
			rows = append(rows, i)
		}
	}
	return rows
}

// lexRankScores returns the LexRank score of every sentence (zero for those
// outside the graph).
func lexRankScores(st *story, v *vectors) []float64 {
	rows := lexRankRows(v)
	off, ids, w := unitRows(v, rows)
	y := make([]float64, st.vocab)
	product := func(q, out []float64) { // out = X·(Xᵀ·q)
		clear(y)
		for i := range rows {
			for k := off[i]; k < off[i+1]; k++ {
				y[ids[k]] += q[i] * float64(w[k])
			}
		}
		for i := range rows {
			var s float64
			for k := off[i]; k < off[i+1]; k++ {
				s += float64(w[k]) * y[ids[k]]
			}
			out[i] = s
		}
	}
	return lexRankPower(st.n(), rows, product)
}

// lexRankPower runs continuous LexRank's power method on the graph of the
// sentences rows, given the product of the cosine matrix with a vector, and
// returns the scores of all n sentences.
func lexRankPower(n int, rows []int, product func(q, out []float64)) []float64 {
	scores := make([]float64, n)
	m := len(rows)
	if m == 0 {
		return scores
	}
	deg := make([]float64, m)
	p := make([]float64, m)
	next := make([]float64, m)
	q := make([]float64, m)
	for i := range q {
		q[i] = 1
	}
	product(q, deg)
	for i := range p {
		p[i] = 1 / float64(m)
	}
	jump := LexRankDamping / float64(m)
	for range lexRankMaxIterations {
		for i := range q {
			q[i] = p[i] / deg[i]
		}
		product(q, next)
		delta := 0.0
		for i := range next {
			next[i] = jump + (1-LexRankDamping)*next[i]
			delta += math.Abs(next[i] - p[i])
		}
		p, next = next, p
		if delta < LexRankEpsilon {
			break
		}
	}
	for k, i := range rows {
		scores[i] = p[k]
	}
	return scores
}
