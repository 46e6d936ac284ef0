package rouge

import (
	"fmt"
	"math"
	"strconv"
	"sync"
)

// Score is the recall, precision and F-measure of one ROUGE metric, rounded
// to five decimals exactly as ROUGE-1.5.5 prints them (see round5).
type Score struct {
	Recall    float64
	Precision float64
	F         float64
}

// Scores maps metric names such as "ROUGE-1", "ROUGE-L" or "ROUGE-SU4" to
// their scores.
type Scores map[string]Score

// Scorer computes ROUGE-1.5.5 scores for fixed options and exception lists.
// Build one with NewScorer and share it: a Scorer is safe for concurrent use
// by many goroutines. It caches the final form of every token it meets, so
// its memory grows with the vocabulary of the texts it scores.
type Scorer struct {
	opts    Options
	exc     Exceptions
	metrics []string
	cache   tokenCache
	scratch sync.Pool // *scratch
}

// NewScorer returns a Scorer for opts. The exception lists are used only
// when opts.Stem is set; pass the result of LoadExceptions to match the
// reference scorer.
func NewScorer(opts Options, exc Exceptions) (*Scorer, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	s := &Scorer{opts: opts, exc: exc, metrics: opts.Metrics()}
	s.scratch.New = func() any { return new(scratch) }
	return s, nil
}

// Options returns the options of the Scorer.
func (s *Scorer) Options() Options { return s.opts }

// Metrics returns the names of the metrics the Scorer computes, in the
// order of AppendScores' results.
func (s *Scorer) Metrics() []string { return append([]string(nil), s.metrics...) }

// Score scores a peer (system) summary against one or more reference
// (model) summaries, each given as its sentences. To score many peers
// against the same references, Prepare them once and use ScorePrepared or
// AppendScores instead.
func (s *Scorer) Score(peer []string, refs [][]string) Scores {
	return s.ScorePrepared(peer, s.Prepare(refs))
}

// ScorePrepared scores a peer summary, given as its sentences, against
// references prepared by the same Scorer. It panics if r was prepared by
// another Scorer.
func (s *Scorer) ScorePrepared(peer []string, r *Refs) Scores {
	sc := s.getScratch()
	sc.sents = s.appendSentences(sc.sents[:0], peer)
	sc.out = s.appendScores(sc.out[:0], sc.sents, r, sc)
	out := make(Scores, len(s.metrics))
	for i, name := range s.metrics {
		out[name] = sc.out[i]
	}
	s.scratch.Put(sc)
	return out
}

// AppendScores scores a peer summary, given as sentences built by
// (*Scorer).Sentences, against references prepared by the same Scorer. It
// appends one Score per metric to dst, in the order of Metrics, and returns
// the extended slice. This is the allocation-free path for scoring many
// candidate summaries: sentences can be tokenized once and recombined. It
// panics if r was prepared by another Scorer.
func (s *Scorer) AppendScores(dst []Score, peer []Sentence, r *Refs) []Score {
	sc := s.getScratch()
	dst = s.appendScores(dst, peer, r, sc)
	s.scratch.Put(sc)
	return dst
}

func (s *Scorer) getScratch() *scratch { return s.scratch.Get().(*scratch) }

// Refs are reference summaries prepared for scoring: tokenized, cut to the
// length limit, and indexed by n-gram. Refs are read-only and safe for
// concurrent use; use them only with the Scorer that prepared them.
type Refs struct {
	scorer *Scorer
	vocab  map[string]int32 // token → ID, over every token of every reference
	models []model
	ngrams []gramTable // ngrams[k] indexes the (k+2)-grams
	skip   gramTable
}

// model is one prepared reference summary.
type model struct {
	tokens   []int32   // token IDs of the n-gram text
	unigrams []int32   // count of each vocabulary ID in tokens
	units    [][]int32 // token IDs of the LCS units (sentences)
	unitLen  int       // total number of tokens in units
	wBase    float64   // sum over units of len^WeightFactor (ROUGE-W)
}

// gramTable numbers the distinct n-grams (or skip-bigrams) of the references
// and counts them per reference. An n-gram's key joins the number of its
// first n-1 tokens (an (n-1)-gram number, or a token ID for bigrams) with
// the ID of its last token.
type gramTable struct {
	index  map[uint64]int32
	counts [][]int32 // counts[m][g]: occurrences of gram g in reference m
}

// gramKey joins two non-negative numbers into a gramTable key.
func gramKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// unigramKey is the key of a unigram in the skip-bigram table (-u).
func unigramKey(a int32) uint64 { return uint64(uint32(a))<<32 | math.MaxUint32 }

// intern returns the number of key, numbering it if it is new.
func (t *gramTable) intern(key uint64) int32 {
	if g, ok := t.index[key]; ok {
		return g
	}
	g := int32(len(t.index))
	t.index[key] = g
	return g
}

// lookup returns the number of key, or -1.
func (t *gramTable) lookup(key uint64) int32 {
	if g, ok := t.index[key]; ok {
		return g
	}
	return -1
}

// addModel records the grams of one more reference, given by number.
func (t *gramTable) addModel(grams []int32) {
	t.counts = append(t.counts, grams) // turned into counts by finish
}

// finish turns the recorded gram numbers of each reference into counts.
func (t *gramTable) finish() {
	for m, grams := range t.counts {
		c := make([]int32, len(t.index))
		for _, g := range grams {
			c[g]++
		}
		t.counts[m] = c
	}
}

// Prepare tokenizes reference summaries, each given as its sentences, and
// cuts them to the length limit so that many peers can be scored against
// them with ScorePrepared or AppendScores.
func (s *Scorer) Prepare(refs [][]string) *Refs {
	r := &Refs{scorer: s, vocab: make(map[string]int32)}
	id := func(tok string) int32 {
		if v, ok := r.vocab[tok]; ok {
			return v
		}
		v := int32(len(r.vocab))
		r.vocab[tok] = v
		return v
	}
	var pieces []piece
	for _, ref := range refs {
		sents := s.Sentences(ref)
		var m model
		pieces = ngramPieces(pieces[:0], sents, &s.opts)
		for _, p := range pieces {
			whole, partial := s.cutTokens(&sents[p.sent], p.limit)
			for _, tok := range whole {
				m.tokens = append(m.tokens, id(tok))
			}
			if partial != "" {
				m.tokens = append(m.tokens, id(partial))
			}
		}
		pieces = lcsPieces(pieces[:0], sents, &s.opts)
		for _, p := range pieces {
			whole, partial := s.cutTokens(&sents[p.sent], p.limit)
			unit := make([]int32, 0, len(whole)+1)
			for _, tok := range whole {
				unit = append(unit, id(tok))
			}
			if partial != "" {
				unit = append(unit, id(partial))
			}
			m.units = append(m.units, unit)
			m.unitLen += len(unit)
			if s.opts.WeightFactor > 0 {
				m.wBase += math.Pow(float64(len(unit)), s.opts.WeightFactor)
			}
		}
		r.models = append(r.models, m)
	}

	for i := range r.models {
		m := &r.models[i]
		m.unigrams = make([]int32, len(r.vocab))
		for _, t := range m.tokens {
			m.unigrams[t]++
		}
	}
	if s.opts.MaxN >= 2 {
		total := 0
		for _, m := range r.models {
			total += len(m.tokens)
		}
		r.ngrams = make([]gramTable, s.opts.MaxN-1)
		for i := range r.ngrams {
			r.ngrams[i].index = make(map[uint64]int32, total)
		}
		for _, m := range r.models {
			prev := m.tokens
			for k := range r.ngrams {
				n := k + 2
				var cur []int32
				for i := 0; i+n <= len(m.tokens); i++ {
					cur = append(cur, r.ngrams[k].intern(gramKey(prev[i], m.tokens[i+n-1])))
				}
				r.ngrams[k].addModel(cur)
				prev = cur
			}
		}
		for k := range r.ngrams {
			r.ngrams[k].finish()
		}
	}
	if s.opts.SkipBigrams {
		uni := skipWithUnigrams(&s.opts)
		total := 0
		for _, m := range r.models {
			total += skipGramCount(len(m.tokens), &s.opts, uni)
		}
		r.skip.index = make(map[uint64]int32, total)
		for _, m := range r.models {
			var grams []int32
			toks := m.tokens
			for i := 0; i+1 < len(toks); i++ {
				if uni {
					grams = append(grams, r.skip.intern(unigramKey(toks[i])))
				}
				for j := i + 1; j <= skipEnd(i, len(toks), &s.opts); j++ {
					grams = append(grams, r.skip.intern(gramKey(toks[i], toks[j])))
				}
			}
			r.skip.addModel(grams)
		}
		r.skip.finish()
	}
	return r
}

// skipWithUnigrams reports whether the skip-bigram table holds unigrams,
// which it does for ROUGE-SU. Unigram keys never collide with bigram keys.
func skipWithUnigrams(o *Options) bool { return o.SkipUnigrams || o.SkipBoth }

// skipEnd returns the position of the last token that forms a skip-bigram
// with the token at i in a text of n tokens.
func skipEnd(i, n int, o *Options) int {
	if o.SkipDistance >= 0 && i+o.SkipDistance+1 < n-1 {
		return i + o.SkipDistance + 1
	}
	return n - 1
}

// skipGramCount returns the number of skip-bigrams (plus unigrams, with uni)
// in a text of n tokens.
func skipGramCount(n int, o *Options, uni bool) int {
	// Like ROUGE-1.5.5, count the unigram of every token but the last.
	count := 0
	for i := 0; i+1 < n; i++ {
		if uni {
			count++
		}
		count += skipEnd(i, n, o) - i
	}
	return count
}

// scratch holds the per-call buffers of a scoring call.
type scratch struct {
	sents    []Sentence
	pieces   []piece
	ids      []int32 // peer n-gram text as vocabulary IDs, -1 when unknown
	unitIDs  []int32 // peer LCS units, concatenated
	unitEnds []int   // end of each unit in unitIDs
	prev     []int32
	cur      []int32
	used     []int32
	peerUni  []int32
	modelRem []int32
	peerRem  []int32
	stamp    []uint32 // per vocabulary ID: generation of the last peer unit holding it
	stampGen uint32
	pm       []uint64 // per vocabulary ID: positions in the current peer unit
	rows     []uint64 // bit-parallel LCS rows
	mask     []bool   // union-LCS marks of the reference's units, concatenated
	dp       []int32
	wdp      []float64
	wlen     []int32
	skipS    []int32 // peer skip-bigram numbers, without unigrams
	skipU    []int32 // peer skip-bigram and unigram numbers
	out      []Score
}

// grow returns buf resized to n elements, all zero.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// tally accumulates the counts of one metric over the references according
// to the scoring formula.
type tally struct {
	formula        Formula
	hit, ref, peer float64
	best           float64
}

func newTally(f Formula) tally { return tally{formula: f, best: -1} }

// add records the counts against one reference; score is what -f B
// compares.
func (t *tally) add(hit, ref, peer, score float64) {
	if t.formula == BestModel {
		if score > t.best {
			t.best, t.hit, t.ref, t.peer = score, hit, ref, peer
		}
		return
	}
	t.hit += hit
	t.ref += ref
	t.peer += peer
}

// score returns the final scores; inv maps a ratio of counts to a score
// (the identity except for ROUGE-W).
func (t *tally) score(alpha float64, inv func(float64) float64) Score {
	var sc Score
	if t.ref != 0 {
		sc.Recall = round5(inv(t.hit / t.ref))
	}
	if t.peer != 0 {
		sc.Precision = round5(inv(t.hit / t.peer))
	}
	sc.F = fMeasure(sc.Precision, sc.Recall, alpha)
	return sc
}

// fMeasure computes the F-measure the way ROUGE-1.5.5 does: from the
// already rounded precision and recall, rounding the result again.
func fMeasure(p, r, alpha float64) float64 {
	if d := (1-alpha)*p + alpha*r; d > 0 {
		return round5((p * r) / d)
	}
	return 0
}

// round5 rounds x to five decimals like Perl's sprintf("%7.5f") followed by
// reading the string back as a number: the exact binary value of x is
// rounded to nearest, ties to even, and the result is the double nearest
// to that decimal.
func round5(x float64) float64 {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], x, 'f', 5, 64)
	// b is [-]digits.ddddd; read it as an integer count of 1e-5.
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var k int64
	for _, c := range b {
		if c != '.' {
			k = k*10 + int64(c-'0')
		}
	}
	v := float64(k) / 1e5
	if neg {
		v = -v
	}
	return v
}

// ratioScore is the per-reference score -f B compares for n-grams and
// skip-bigrams: the recall, rounded as the reference does.
func ratioScore(hit, count int) float64 {
	if count == 0 {
		return 0
	}
	return round5(float64(hit) / float64(count))
}

func identity(x float64) float64 { return x }

// appendScores does the work of AppendScores with the given scratch.
func (s *Scorer) appendScores(dst []Score, peer []Sentence, r *Refs, sc *scratch) []Score {
	if r.scorer != s {
		panic("rouge: Refs prepared by a different Scorer")
	}
	o := &s.opts
	V := len(r.vocab)
	lookup := func(tok string) int32 {
		if v, ok := r.vocab[tok]; ok {
			return v
		}
		return -1
	}
	// appendIDs appends the vocabulary IDs of piece p's tokens.
	appendIDs := func(dst []int32, p piece) []int32 {
		whole, partial := s.cutTokens(&peer[p.sent], p.limit)
		for _, tok := range whole {
			dst = append(dst, lookup(tok))
		}
		if partial != "" {
			dst = append(dst, lookup(partial))
		}
		return dst
	}

	// The peer's n-gram text and LCS units as vocabulary IDs.
	sc.ids = sc.ids[:0]
	sc.pieces = ngramPieces(sc.pieces[:0], peer, o)
	for _, p := range sc.pieces {
		sc.ids = appendIDs(sc.ids, p)
	}
	sc.unitIDs, sc.unitEnds = sc.unitIDs[:0], sc.unitEnds[:0]
	switch {
	case o.NoLCS && o.WeightFactor <= 0:
	case o.LimitBytes <= 0:
		// The LCS units are the pieces of the n-gram text.
		sc.unitIDs = append(sc.unitIDs, sc.ids...)
		end := 0
		for _, p := range sc.pieces {
			whole, _ := s.cutTokens(&peer[p.sent], p.limit)
			end += len(whole)
			sc.unitEnds = append(sc.unitEnds, end)
		}
	default:
		sc.pieces = lcsPieces(sc.pieces[:0], peer, o)
		for _, p := range sc.pieces {
			sc.unitIDs = appendIDs(sc.unitIDs, p)
			sc.unitEnds = append(sc.unitEnds, len(sc.unitIDs))
		}
	}
	T := len(sc.ids)
	sc.peerUni = grow(sc.peerUni, V)
	for _, t := range sc.ids {
		if t >= 0 {
			sc.peerUni[t]++
		}
	}

	// ROUGE-N.
	for n := 1; n <= o.MaxN; n++ {
		idx := sc.ids
		if n == 1 {
			sc.used = grow(sc.used, V)
		} else {
			tab := &r.ngrams[n-2]
			sc.cur = sc.cur[:0]
			for i := 0; i+n <= T; i++ {
				g := int32(-1)
				if a, b := sc.prev[i], sc.ids[i+n-1]; a >= 0 && b >= 0 {
					g = tab.lookup(gramKey(a, b))
				}
				sc.cur = append(sc.cur, g)
			}
			idx = sc.cur
			sc.used = grow(sc.used, len(tab.index))
		}
		peerCount := max(T-n+1, 0)
		t := newTally(o.Formula)
		for m := range r.models {
			hit := clippedHits(idx, r.ngramCounts(n, m), sc.used)
			refCount := max(len(r.models[m].tokens)-n+1, 0)
			t.add(float64(hit), float64(refCount), float64(peerCount), ratioScore(hit, refCount))
		}
		dst = append(dst, t.score(o.Alpha, identity))
		sc.prev = append(sc.prev[:0], idx...)
	}

	// ROUGE-L and ROUGE-W.
	if !o.NoLCS {
		t := newTally(o.Formula)
		for m := range r.models {
			hit, _ := s.lcsHits(&r.models[m], sc, V, false)
			base := r.models[m].unitLen
			score := 0.0
			if base > 0 {
				score = float64(hit) / float64(base)
			}
			t.add(float64(hit), float64(base), float64(T), score)
		}
		dst = append(dst, t.score(o.Alpha, identity))
	}
	if w := o.WeightFactor; w > 0 {
		t := newTally(o.Formula)
		for m := range r.models {
			_, hit := s.lcsHits(&r.models[m], sc, V, true)
			base := r.models[m].wBase
			score := 0.0
			if base > 0 {
				score = math.Pow(hit/base, 1/w)
			}
			t.add(hit, math.Pow(base, w), math.Pow(float64(T), w), score)
		}
		dst = append(dst, t.score(o.Alpha, func(x float64) float64 { return math.Pow(x, 1/w) }))
	}

	// ROUGE-S and ROUGE-SU.
	if o.SkipBigrams {
		sc.skipS, sc.skipU = sc.skipS[:0], sc.skipU[:0]
		both := !o.SkipUnigrams && o.SkipBoth
		uni := skipWithUnigrams(o)
		for i := 0; i+1 < T; i++ {
			a := sc.ids[i]
			if uni {
				g := int32(-1)
				if a >= 0 {
					g = r.skip.lookup(unigramKey(a))
				}
				sc.skipU = append(sc.skipU, g)
			}
			for j := i + 1; j <= skipEnd(i, T, o); j++ {
				g := int32(-1)
				if b := sc.ids[j]; a >= 0 && b >= 0 {
					g = r.skip.lookup(gramKey(a, b))
				}
				if uni {
					sc.skipU = append(sc.skipU, g)
				}
				if !uni || both {
					sc.skipS = append(sc.skipS, g)
				}
			}
		}
		sc.used = grow(sc.used, len(r.skip.index))
		// -u reports ROUGE-SU only, -U ROUGE-S and then ROUGE-SU.
		variants := [2]bool{o.SkipUnigrams, true}
		nv := 1
		if both {
			nv = 2
		}
		for _, uni := range variants[:nv] {
			idx := sc.skipS
			if uni {
				idx = sc.skipU
			}
			peerCount := skipGramCount(T, o, uni)
			t := newTally(o.Formula)
			for m := range r.models {
				hit := clippedHits(idx, r.skip.counts[m], sc.used)
				refCount := skipGramCount(len(r.models[m].tokens), o, uni)
				t.add(float64(hit), float64(refCount), float64(peerCount), ratioScore(hit, refCount))
			}
			dst = append(dst, t.score(o.Alpha, identity))
		}
	}
	return dst
}

// ngramCounts returns the counts of the n-grams of reference m by number;
// unigrams are numbered by their vocabulary ID.
func (r *Refs) ngramCounts(n, m int) []int32 {
	if n == 1 {
		return r.models[m].unigrams
	}
	return r.ngrams[n-2].counts[m]
}

// clippedHits returns the number of grams in idx (by number, -1 for grams
// no reference has) that the reference with the given gram counts matches,
// each gram counted at most as often as the reference has it. used must be
// all zero and is left so.
func clippedHits(idx, counts, used []int32) int {
	hit := 0
	for _, g := range idx {
		if g >= 0 {
			used[g]++
			if used[g] <= counts[g] {
				hit++
			}
		}
	}
	for _, g := range idx {
		if g >= 0 {
			used[g] = 0
		}
	}
	return hit
}

// String describes the prepared references.
func (r *Refs) String() string {
	return fmt.Sprintf("rouge.Refs{%d references, %d distinct tokens}", len(r.models), len(r.vocab))
}
