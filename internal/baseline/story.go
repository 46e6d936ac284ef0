package baseline

import (
	"cmp"
	"math"
	"slices"
)

// A story is the analysed form of a set of documents that the methods share.
// Sentences are numbered by a flat index in document order, so that ordering
// by flat index is ordering by (document, sentence).
type story struct {
	docs []Document
	refs []Ref // refs[i] is the sentence with flat index i

	// Term-frequency vectors in compressed sparse row form: sentence i has
	// the distinct term ids ids[off[i]:off[i+1]], sorted ascending, and the
	// number of times each occurs in cnt at the same positions.
	off   []int
	ids   []int32
	cnt   []float32
	vocab int // number of distinct terms; ids are 0..vocab-1
}

// newStory numbers the sentences and terms of docs. Term ids are assigned in
// order of first occurrence, so they do not depend on map iteration order.
func newStory(docs []Document) *story {
	n, tokens := 0, 0
	for _, d := range docs {
		n += len(d.Sentences)
		for i := range d.Sentences {
			tokens += len(d.Sentences[i].Terms)
		}
	}
	st := &story{
		docs: docs,
		refs: make([]Ref, 0, n),
		off:  make([]int, 1, n+1),
		ids:  make([]int32, 0, tokens),
		cnt:  make([]float32, 0, tokens),
	}
	index := make(map[string]int32, min(tokens, 1024))
	var buf []int32
	for d, doc := range docs {
		for j := range doc.Sentences {
			st.refs = append(st.refs, Ref{Doc: d, Sent: j})
			buf = buf[:0]
			for _, t := range doc.Sentences[j].Terms {
				id, ok := index[t]
				if !ok {
					id = int32(len(index))
					index[t] = id
				}
				buf = append(buf, id)
			}
			slices.Sort(buf)
			for k := 0; k < len(buf); {
				m := k + 1
				for m < len(buf) && buf[m] == buf[k] {
					m++
				}
				st.ids = append(st.ids, buf[k])
				st.cnt = append(st.cnt, float32(m-k))
				k = m
			}
			st.off = append(st.off, len(st.ids))
		}
	}
	st.vocab = len(index)
	return st
}

// n returns the number of sentences.
func (st *story) n() int { return len(st.refs) }

// terms returns the distinct term ids of sentence i and their counts.
func (st *story) terms(i int) ([]int32, []float32) {
	return st.ids[st.off[i]:st.off[i+1]], st.cnt[st.off[i]:st.off[i+1]]
}

// idf returns ln(N/n_t) for every term t, where N is the number of sentences
// with at least one term and n_t the number of sentences containing t.
func (st *story) idf() []float64 {
	df := make([]int32, st.vocab)
	for _, t := range st.ids {
		df[t]++
	}
	n := 0
	for i := range st.refs {
		if st.off[i+1] > st.off[i] {
			n++
		}
	}
	idf := make([]float64, st.vocab)
	for t, c := range df {
		idf[t] = math.Log(float64(n) / float64(c))
	}
	return idf
}

// vectors are weighted sentence vectors sharing the story's sparsity pattern:
// sentence i has weights w[off[i]:off[i+1]] for the term ids ids[off[i]:off[i+1]].
type vectors struct {
	off  []int
	ids  []int32
	w    []float32
	norm []float64 // Euclidean norm of every sentence vector
}

// tfidf returns the tf·idf vectors of the sentences.
func (st *story) tfidf(idf []float64) *vectors {
	v := &vectors{off: st.off, ids: st.ids, w: make([]float32, len(st.cnt)), norm: make([]float64, st.n())}
	for k, t := range st.ids {
		v.w[k] = float32(float64(st.cnt[k]) * idf[t])
	}
	for i := range v.norm {
		var s float64
		for _, x := range v.w[v.off[i]:v.off[i+1]] {
			s += float64(x) * float64(x)
		}
		v.norm[i] = math.Sqrt(s)
	}
	return v
}

// vec returns the term ids and weights of sentence i.
func (v *vectors) vec(i int) ([]int32, []float32) {
	return v.ids[v.off[i]:v.off[i+1]], v.w[v.off[i]:v.off[i+1]]
}

// cosine returns the cosine similarity of sentences i and j, or 0 if either
// vector is zero.
func (v *vectors) cosine(i, j int) float64 {
	if v.norm[i] == 0 || v.norm[j] == 0 {
		return 0
	}
	ai, aw := v.vec(i)
	bi, bw := v.vec(j)
	return dot(ai, aw, bi, bw) / (v.norm[i] * v.norm[j])
}

// dot is the dot product of two sparse vectors with sorted ids (a merge join).
func dot(ai []int32, aw []float32, bi []int32, bw []float32) float64 {
	var s float64
	i, j := 0, 0
	for i < len(ai) && j < len(bi) {
		switch {
		case ai[i] < bi[j]:
			i++
		case ai[i] > bi[j]:
			j++
		default:
			s += float64(aw[i]) * float64(bw[j])
			i++
			j++
		}
	}
	return s
}

// common returns the number of ids two sorted id lists share.
func common(a, b []int32) int {
	c, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			c++
			i++
			j++
		}
	}
	return c
}

// compareScores orders flat indices by descending score, comparing scores at
// float32 precision, and breaks ties by ascending index, which is
// (document, sentence) order.
func compareScores(scores []float64, a, b int) int {
	sa, sb := float32(scores[a]), float32(scores[b])
	if sa != sb {
		if sa > sb {
			return -1
		}
		return 1
	}
	return cmp.Compare(a, b)
}

// rankOrder returns the flat indices sorted by [compareScores].
func rankOrder(scores []float64) []int {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compareScores(scores, a, b) })
	return order
}

// selectNonRedundant is the redundancy filter of MEAD's default reranker: it
// walks the ranking and adds every sentence that the budget admits unless its
// cosine similarity under v with a sentence already chosen exceeds threshold.
func (st *story) selectNonRedundant(order []int, v *vectors, threshold float64, budget int) []Ref {
	b := NewBudget(st.docs, budget)
	var chosen []int
next:
	for _, i := range order {
		if !b.Admits(st.refs[i]) {
			continue
		}
		for _, c := range chosen {
			if v.cosine(i, c) > threshold {
				continue next
			}
		}
		b.Add(st.refs[i])
		chosen = append(chosen, i)
	}
	return b.Refs()
}

// unitRows returns the rows of v scaled to unit length, for the sentences in
// rows only, as a compressed sparse row matrix.
func unitRows(v *vectors, rows []int) (off []int, ids []int32, w []float32) {
	off = make([]int, 1, len(rows)+1)
	for _, i := range rows {
		ri, rw := v.vec(i)
		for k, t := range ri {
			if rw[k] == 0 {
				continue
			}
			ids = append(ids, t)
			w = append(w, float32(float64(rw[k])/v.norm[i]))
		}
		off = append(off, len(ids))
	}
	return off, ids, w
}
