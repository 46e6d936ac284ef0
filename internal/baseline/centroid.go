package baseline

import (
	"cmp"
	"slices"
)

// Parameters of [Centroid].
const (
	// CentroidWords is the number of words kept in the centroid: the
	// CentroidWords terms with the highest centroid values (ties by first
	// occurrence in the story); the values of all other terms are set to
	// zero. Radev et al. (2004) keep the words whose centroid value exceeds a
	// threshold but the threshold is tied to the scale of their corpus idf;
	// with idf taken from the story itself a fixed count is the scale-free
	// equivalent, and this count is our choice.
	CentroidWords = 100

	// CentroidWeightCentroid, CentroidWeightPosition and
	// CentroidWeightFirst are the weights w_c, w_p and w_f of the centroid
	// value, positional value and first-sentence overlap. MEAD's default
	// classifier ("default-classifier.pl Centroid 1 Position 1 Length 9")
	// gives the first two weight 1 and does not load the first-sentence
	// feature; we add it with weight 1, the same equal weighting.
	CentroidWeightCentroid = 1.0
	CentroidWeightPosition = 1.0
	CentroidWeightFirst    = 1.0

	// CentroidMinWords is MEAD's default length cutoff ("Length 9"): a
	// sentence of fewer words gets score zero in MEAD. Here such sentences
	// are ranked after every sentence that passes the cutoff, among
	// themselves by their score, so that they are still used when nothing
	// else fits.
	CentroidMinWords = 9

	// CentroidRedundancy is the threshold of MEAD's default reranker
	// ("default-reranker.pl MEAD-cosine .7 enidf"): a sentence whose tf·idf
	// cosine similarity with a sentence already in the summary exceeds it is
	// skipped.
	CentroidRedundancy = 0.7
)

// Centroid is MEAD's centroid-based summarizer (Radev, Jing, Styś and Tam,
// Information Processing and Management 40(6), 2004).
//
// The centroid value of a term t is C_t = idf(t) · tf(t) / D, its average
// count per article (tf(t) its count in the story, D the number of articles
// with at least one term) times its in-story idf; only the [CentroidWords]
// highest values are kept. For the sentence i of an article of n sentences
// (i counted from 0), the paper's three features are
//
//   - the centroid value C_i: the sum of C_t over the sentence's terms,
//     repeats included;
//   - the positional value P_i = (n − i)/n · C_max, the paper's
//     (n − i + 1)/n · C_max with i counted from 1, where C_max is the
//     largest centroid value of a sentence; we take that maximum within
//     the sentence's own article;
//   - the first-sentence overlap F_i: the inner product of the sentence's
//     term-count vector with that of the article's first sentence.
//
// The score is w_c·C_i + w_p·P_i + w_f·F_i. Sentences are ranked by score
// (those shorter than [CentroidMinWords] words last) and selected with MEAD's
// default reranker: a sentence is skipped when its tf·idf cosine with an
// already chosen sentence exceeds [CentroidRedundancy]. The paper also
// describes a subtractive redundancy penalty based on word overlap; the
// reranker is what MEAD runs by default, and it is the reranker Erkan and
// Radev used for LexRank, so both methods share it here.
type Centroid struct{}

// Name returns "centroid".
func (Centroid) Name() string { return "centroid" }

// Summarize returns the top-scoring non-redundant sentences that fit in
// budget words, in selection order.
func (Centroid) Summarize(docs []Document, budget int) []Ref {
	st := newStory(docs)
	idf := st.idf()
	scores := centroidScores(st, idf)
	short := make([]bool, st.n())
	for i, r := range st.refs {
		short[i] = docs[r.Doc].Sentences[r.Sent].Words < CentroidMinWords
	}
	order := make([]int, st.n())
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if short[a] != short[b] {
			if short[b] {
				return -1
			}
			return 1
		}
		return compareScores(scores, a, b)
	})
	return st.selectNonRedundant(order, st.tfidf(idf), CentroidRedundancy, budget)
}

// centroidValues returns C_t for every term, with all but the CentroidWords
// largest set to zero.
func centroidValues(st *story, idf []float64) []float64 {
	articles := 0
	for _, d := range st.docs {
		for i := range d.Sentences {
			if len(d.Sentences[i].Terms) > 0 {
				articles++
				break
			}
		}
	}
	value := make([]float64, st.vocab)
	if articles == 0 {
		return value
	}
	for k, t := range st.ids {
		value[t] += float64(st.cnt[k])
	}
	for t := range value {
		value[t] *= idf[t] / float64(articles)
	}
	if st.vocab > CentroidWords {
		byValue := make([]int32, st.vocab)
		for t := range byValue {
			byValue[t] = int32(t)
		}
		slices.SortFunc(byValue, func(a, b int32) int {
			if c := cmp.Compare(value[b], value[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for _, t := range byValue[CentroidWords:] {
			value[t] = 0
		}
	}
	return value
}

// centroidScores returns MEAD's score of every sentence.
func centroidScores(st *story, idf []float64) []float64 {
	value := centroidValues(st, idf)
	scores := make([]float64, st.n())
	centroid := make([]float64, st.n())
	for i := range centroid {
		ids, cnt := st.terms(i)
		for k, t := range ids {
			centroid[i] += float64(cnt[k]) * value[t]
		}
	}
	first := 0 // flat index of the current article's first sentence
	for _, d := range st.docs {
		n := len(d.Sentences)
		if n == 0 {
			continue
		}
		cmax := slices.Max(centroid[first : first+n])
		fi, fc := st.terms(first)
		for j := range n {
			i := first + j
			ids, cnt := st.terms(i)
			position := float64(n-j) / float64(n) * cmax
			overlap := dot(ids, cnt, fi, fc)
			scores[i] = CentroidWeightCentroid*centroid[i] +
				CentroidWeightPosition*position +
				CentroidWeightFirst*overlap
		}
		first += n
	}
	return scores
}
