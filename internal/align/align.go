package align

import (
	"math"
	"slices"

	"github.com/parallax-news/parallax/internal/text"
)

// DefaultThreshold is the cosine at which two units are taken to report the
// same information. It was chosen on the seed story and checked on
// Multi-News stories by reading the pairs just above and below it.
const DefaultThreshold = 0.27

// A Unit is one sentence, or one title read from the text, of one article.
type Unit struct {
	// Doc is the index of the article.
	Doc int
	// Sent is the index of the sentence in the article, or -1 for its
	// title.
	Sent int
	// Start and End are byte offsets into the article's text.
	Start, End int
	// Mass is the length of the unit's term vector before normalization:
	// how much rare content it carries.
	Mass    float64
	terms   []int32   // sorted term ids
	weights []float32 // unit-length weights, one per term
}

// IsTitle reports whether the unit is an article's title.
func (u *Unit) IsTitle() bool { return u.Sent < 0 }

// A Story is the aligned view of a set of articles.
type Story struct {
	// Units holds every unit: for each article in order, its title (when
	// read from the text) and then its sentences.
	Units []Unit
	// Docs is the number of articles.
	Docs int
	// ByDoc lists, per article, the indices of its units in Units.
	ByDoc [][]int
	// SentUnit maps (article, sentence) to a unit index.
	SentUnit [][]int
	vocab    map[string]int32
	df       []int32
	postings [][]posting
	profiles []profile // per unit, for the same-information decision
	weights  []float64 // per term, for the same-information decision
	params   Params    // the decision's knobs
}

type posting struct {
	unit   int32
	weight float32
}

// New builds the aligned view of docs.
func New(docs []*text.Document) *Story {
	s := &Story{Docs: len(docs), vocab: make(map[string]int32)}
	s.ByDoc = make([][]int, len(docs))
	s.SentUnit = make([][]int, len(docs))
	var raw [][]int32
	add := func(doc, sent, start, end int, norm string, toks []text.Token) {
		s.ByDoc[doc] = append(s.ByDoc[doc], len(s.Units))
		s.Units = append(s.Units, Unit{Doc: doc, Sent: sent, Start: start, End: end})
		raw = append(raw, s.termIDs(toks))
		s.profiles = append(s.profiles, buildProfile(norm, toks, s.id))
	}
	for i, d := range docs {
		if d.Title != nil {
			add(i, -1, d.Title.Start, d.Title.End, d.Title.Text, d.TitleTokens)
		}
		s.SentUnit[i] = make([]int, len(d.Sentences))
		for j := range d.Sentences {
			s.SentUnit[i][j] = len(s.Units)
			sen := &d.Sentences[j]
			add(i, j, sen.Start, sen.End, sen.Norm, sen.Tokens)
		}
	}
	s.df = make([]int32, len(s.vocab))
	for _, ids := range raw {
		for _, id := range ids {
			s.df[id]++
		}
	}
	s.params = DefaultParams
	s.weights = termWeights(s.vocab, s.df, len(s.Units), s.params.Topic)
	n := float64(len(s.Units))
	for u, ids := range raw {
		w := make([]float32, len(ids))
		var norm float64
		for k, id := range ids {
			x := math.Log(1 + n/float64(s.df[id]))
			w[k] = float32(x)
			norm += x * x
		}
		s.Units[u].Mass = math.Sqrt(norm)
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for k := range w {
				w[k] *= inv
			}
		}
		s.Units[u].terms, s.Units[u].weights = ids, w
	}
	s.postings = make([][]posting, len(s.vocab))
	for u := range s.Units {
		for k, id := range s.Units[u].terms {
			s.postings[id] = append(s.postings[id], posting{int32(u), s.Units[u].weights[k]})
		}
	}
	return s
}

// id returns the id of a term, adding it to the vocabulary when new.
func (s *Story) id(term string) int32 {
	id, ok := s.vocab[term]
	if !ok {
		id = int32(len(s.vocab))
		s.vocab[term] = id
	}
	return id
}

// termIDs returns the sorted, distinct term ids of a token sequence.
func (s *Story) termIDs(toks []text.Token) []int32 {
	terms := Terms(toks)
	ids := make([]int32, len(terms))
	for i, t := range terms {
		ids[i] = s.id(t)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Terms returns the content terms of a token sequence in order, repeats
// kept: stems of words that are not stop words, mapped through the
// paraphrase lexicon, and numbers prefixed with "#". Verbs of saying are
// left out: nearly every sentence of a news story has one, and they would
// make unrelated attributed sentences look alike.
func Terms(toks []text.Token) []string {
	at := termsAt(toks)
	terms := make([]string, len(at))
	for i, t := range at {
		terms[i] = t.term
	}
	return terms
}

// A termAt is a content term and the index of the token it starts at.
type termAt struct {
	term string
	tok  int
}

// termsAt is Terms with each term's token.
func termsAt(toks []text.Token) []termAt {
	terms := make([]termAt, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		if n, term := matchPhrase(toks[i:]); n > 0 {
			terms = append(terms, termAt{term, i})
			i += n - 1
			continue
		}
		t := &toks[i]
		switch {
		case t.Number:
			terms = append(terms, termAt{"#" + t.Stem, i})
		case t.Stop || len(t.Stem) < 2:
		default:
			if g, ok := synonyms[t.Stem]; ok {
				if g != "said" {
					terms = append(terms, termAt{g, i})
				}
			} else if t.Stem != "said" {
				terms = append(terms, termAt{t.Stem, i})
			}
		}
	}
	return terms
}

func matchPhrase(toks []text.Token) (int, string) {
next:
	for _, p := range phrases {
		if len(p.words) > len(toks) {
			continue
		}
		for k, w := range p.words {
			if toks[k].Lower != w {
				continue next
			}
		}
		return len(p.words), p.term
	}
	return 0, ""
}

// Sim returns the cosine similarity of units a and b.
func (s *Story) Sim(a, b int) float64 {
	ua, ub := &s.Units[a], &s.Units[b]
	var dot float32
	i, j := 0, 0
	for i < len(ua.terms) && j < len(ub.terms) {
		switch {
		case ua.terms[i] < ub.terms[j]:
			i++
		case ua.terms[i] > ub.terms[j]:
			j++
		default:
			dot += ua.weights[i] * ub.weights[j]
			i++
			j++
		}
	}
	return float64(dot)
}

// A Match is the unit of another article that is most similar to a given
// unit.
type Match struct {
	Unit int
	Sim  float64
}

// Matches returns, for each other article that has a unit at least min
// similar to unit u, its most similar unit, ordered by article.
func (s *Story) Matches(u int, min float64) []Match {
	return s.matches(u, min, newScratch(len(s.Units)))
}

// AllMatches returns Matches(u, min) for every unit u.
func (s *Story) AllMatches(min float64) [][]Match {
	sc := newScratch(len(s.Units))
	out := make([][]Match, len(s.Units))
	for u := range s.Units {
		out[u] = s.matches(u, min, sc)
	}
	return out
}

type scratch struct {
	dot     []float32
	touched []int32
	best    []int32   // per article: best unit + 1, 0 for none
	bestSim []float32 // per article: the best unit's similarity
}

func newScratch(n int) *scratch {
	return &scratch{dot: make([]float32, n)}
}

func (s *Story) matches(u int, min float64, sc *scratch) []Match {
	uu := &s.Units[u]
	// Accumulate dot products through the postings of u's terms.
	for k, id := range uu.terms {
		w := uu.weights[k]
		for _, p := range s.postings[id] {
			if sc.dot[p.unit] == 0 {
				sc.touched = append(sc.touched, p.unit)
			}
			sc.dot[p.unit] += w * p.weight
		}
	}
	if len(sc.best) < s.Docs {
		sc.best = make([]int32, s.Docs)
		sc.bestSim = make([]float32, s.Docs)
	}
	best, bestSim := sc.best, sc.bestSim
	var docs []int
	for _, v := range sc.touched {
		sim := sc.dot[v]
		sc.dot[v] = 0
		d := s.Units[v].Doc
		if d == uu.Doc || float64(sim) < min {
			continue
		}
		b := best[d]
		switch {
		case b == 0:
			docs = append(docs, d)
			best[d], bestSim[d] = v+1, sim
		case sim > bestSim[d] || (sim == bestSim[d] && v < b-1):
			best[d], bestSim[d] = v+1, sim
		}
	}
	sc.touched = sc.touched[:0]
	slices.Sort(docs)
	out := make([]Match, len(docs))
	for i, d := range docs {
		v := int(best[d] - 1)
		out[i] = Match{Unit: v, Sim: float64(bestSim[d])}
		best[d] = 0
	}
	return out
}

// Centrality returns, for every unit, the sum of its similarities to the
// units of other articles: how much of what it says the rest of the story
// repeats (degree centrality in the sense of Erkan and Radev 2004, over
// the weighted graph, restricted to cross-article edges).
func (s *Story) Centrality() []float64 {
	out := make([]float64, len(s.Units))
	dot := make([]float32, len(s.Units))
	var touched []int32
	for u := range s.Units {
		uu := &s.Units[u]
		for k, id := range uu.terms {
			w := uu.weights[k]
			for _, p := range s.postings[id] {
				if dot[p.unit] == 0 {
					touched = append(touched, p.unit)
				}
				dot[p.unit] += w * p.weight
			}
		}
		var sum float64
		for _, v := range touched {
			if s.Units[v].Doc != uu.Doc {
				sum += float64(dot[v])
			}
			dot[v] = 0
		}
		touched = touched[:0]
		out[u] = sum
	}
	return out
}
