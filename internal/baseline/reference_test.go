package baseline

// This file holds the literal matrix forms of LexRank and TextRank: they
// build the n×n similarity matrix from sparse dot products, exactly as the
// papers describe the graphs, and serve as the reference that the
// matrix-free production code is tested against.

// denseLexRankScores computes LexRank with the explicit cosine matrix
// (diagonal included).
func denseLexRankScores(st *story, v *vectors) []float64 {
	rows := lexRankRows(v)
	off, ids, w := unitRows(v, rows)
	m := len(rows)
	sim := make([]float32, m*m)
	for i := range m {
		ai, aw := ids[off[i]:off[i+1]], w[off[i]:off[i+1]]
		for j := i; j < m; j++ {
			x := float32(dot(ai, aw, ids[off[j]:off[j+1]], w[off[j]:off[j+1]]))
			sim[i*m+j] = x
			sim[j*m+i] = x
		}
	}
	return lexRankPower(st.n(), rows, denseProduct(sim, m))
}

// denseProduct returns the product of the m×m row-major matrix a with a
// vector.
func denseProduct(a []float32, m int) func(q, out []float64) {
	return func(q, out []float64) {
		for i := range m {
			var s float64
			for j, x := range a[i*m : (i+1)*m] {
				s += float64(x) * q[j]
			}
			out[i] = s
		}
	}
}

// denseTextRankScores computes TextRank with the explicit weight matrix.
func denseTextRankScores(st *story) []float64 {
	rows := textRankRows(st)
	outDegree, product := textRankDense(st, rows)
	return textRankPower(st.n(), rows, outDegree, product)
}

// textRankDense builds the weight matrix of the given sentences.
func textRankDense(st *story, rows []int) ([]float64, func(q, out []float64)) {
	m := len(rows)
	w := make([]float32, m*m)
	for i := range m {
		a := st.ids[st.off[rows[i]]:st.off[rows[i]+1]]
		for j := i + 1; j < m; j++ {
			b := st.ids[st.off[rows[j]]:st.off[rows[j]+1]]
			x := float32(textRankWeight(common(a, b), len(a), len(b)))
			w[i*m+j] = x
			w[j*m+i] = x
		}
	}
	product := denseProduct(w, m)
	outDegree := make([]float64, m)
	for i := range m {
		var s float64
		for _, x := range w[i*m : (i+1)*m] {
			s += float64(x)
		}
		outDegree[i] = s
	}
	return outDegree, product
}
