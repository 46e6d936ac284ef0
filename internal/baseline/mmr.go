package baseline

import "math"

// MMRLambda is MMR's trade-off λ between relevance to the query and novelty
// with respect to the sentences already chosen. Carbonell and Goldstein leave
// λ to the user (small values favour diversity, λ = 1 is plain relevance
// ranking); 0.7, a common setting for MMR baselines in multi-document
// summarization that leans towards relevance, is our choice.
const MMRLambda = 0.7

// MMR is maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998) as a
// generic multi-document summarizer.
//
// The query Q is the whole story: the centroid (mean) of all sentences'
// tf·idf vectors. Both similarities are cosines of tf·idf vectors. Starting
// from an empty summary, MMR repeatedly adds the sentence that maximizes
//
//	λ · cos(s, Q) − (1 − λ) · max_{s' chosen} cos(s, s'),
//
// with λ = [MMRLambda] and the maximum taken as 0 while nothing is chosen,
// among the sentences the shared [Budget] still admits (ties by (document,
// sentence) index). It stops when no sentence is admitted. The result is in
// selection order.
type MMR struct{}

// Name returns "mmr".
func (MMR) Name() string { return "mmr" }

// Summarize returns the MMR selection within budget words.
func (MMR) Summarize(docs []Document, budget int) []Ref {
	st := newStory(docs)
	v := st.tfidf(st.idf())
	n := st.n()
	relevance := mmrRelevance(st, v)
	redundancy := make([]float64, n) // max cosine with a chosen sentence
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	b := NewBudget(docs, budget)
	for {
		// Find the best candidate that fits; only it is then checked for a
		// duplicate text, and if it is one the scan is repeated without it.
		// A refused sentence can never be admitted later, so it is dropped.
		best := -1
		var bestValue float32
		for i := range n {
			if !alive[i] {
				continue
			}
			if !b.fits(st.refs[i]) {
				alive[i] = false
				continue
			}
			x := float32(MMRLambda*relevance[i] - (1-MMRLambda)*redundancy[i])
			if best < 0 || x > bestValue {
				best, bestValue = i, x
			}
		}
		if best < 0 {
			break
		}
		alive[best] = false
		if !b.Add(st.refs[best]) {
			continue
		}
		for i := range n {
			if alive[i] {
				redundancy[i] = max(redundancy[i], v.cosine(i, best))
			}
		}
	}
	return b.Refs()
}

// mmrRelevance returns cos(s, Q) for every sentence s, where Q is the mean of
// the sentence vectors.
func mmrRelevance(st *story, v *vectors) []float64 {
	n := st.n()
	relevance := make([]float64, n)
	if n == 0 {
		return relevance
	}
	query := make([]float64, st.vocab)
	for k, t := range v.ids {
		query[t] += float64(v.w[k])
	}
	var qq float64
	for t := range query {
		query[t] /= float64(n)
		qq += query[t] * query[t]
	}
	qnorm := math.Sqrt(qq)
	if qnorm == 0 {
		return relevance
	}
	for i := range relevance {
		if v.norm[i] == 0 {
			continue
		}
		ids, w := v.vec(i)
		var s float64
		for k, t := range ids {
			s += float64(w[k]) * query[t]
		}
		relevance[i] = s / (v.norm[i] * qnorm)
	}
	return relevance
}
