package dedup

import (
	"math"
	"slices"
)

// The sketch's sizes.
const (
	// Bands and Rows cut the MinHash signature: two articles are
	// candidates when all Rows values of one of the Bands bands agree. The
	// chance is 1-(1-J^Rows)^Bands for shingle sets of Jaccard resemblance
	// J: 0.87 at J = 0.25, 0.99 at J = 0.4, 0.08 at J = 0.05.
	Bands = 32
	Rows  = 2
	// LeadBands more bands of Rows values come from a second signature,
	// of the article's lead: its first LeadShingles shingles outside
	// furniture. A copy keeps the lead of the report (news is written
	// so that it can be cut from the end), so a trimmed copy or one with
	// another ending shares it even when it shares too little of the
	// whole for the first signature.
	LeadBands    = 16
	LeadShingles = 50
	// Hashes is the number of MinHash values of the two signatures.
	Hashes = (Bands + LeadBands) * Rows
	// Sample is the number of shingle hashes kept for verification: the
	// smallest ones (a bottom-k sample). Containment is exact for articles
	// of up to Sample distinct shingles (about that many words) and
	// estimated from Sample shingles beyond.
	Sample = 256
)

// The copy decision.
const (
	// CopyShare is the share of one article's own shingles (outside
	// quotations and furniture) that must be found in the other for the
	// two to be copies of one report.
	CopyShare = 0.45
	// minOwn is the number of sampled own shingles an article needs for
	// them to be judged; with fewer (an article that is mostly quotation
	// or furniture), all its shingles are, against quotedShare. An
	// article of fewer sampled shingles than that (a dozen words) is only
	// ever an exact copy.
	minOwn = 8
	// quotedShare is the share of all its shingles that an article with
	// too few of its own must have in the other.
	quotedShare = 0.8
)

// A Sketch is what dedup keeps of an article: its exact hash, its MinHash
// band keys and a bottom-k sample of its shingles. It is a few kilobytes at
// most, whatever the article's length.
type Sketch struct {
	exact uint64
	bands [Bands + LeadBands]uint64
	// sample holds the smallest shingle hashes, each the top 31 bits of
	// the shingle's hash shifted left by one, its lowest bit set when the
	// shingle is never the article's own (it occurs only inside
	// quotations or furniture); sorted, distinct.
	sample []uint32
	// full is true when sample holds every distinct shingle.
	full bool
	// words is the number of folded words.
	words int
}

// minhash holds the Hashes hash functions of the signature: multiply-shift
// with fixed odd multipliers, so sketches are the same in every run.
var minhash = func() (f [Hashes][2]uint64) {
	s := uint64(0x5eed_d0c5_0f_c0b1e5)
	next := func() uint64 { // splitmix64
		s += 0x9e3779b97f4a7c15
		return mix64(s)
	}
	for i := range f {
		f[i] = [2]uint64{next() | 1, next()}
	}
	return f
}()

// NewSketch sketches text. Any string is accepted: invalid UTF-8 bytes
// separate words.
func NewSketch(text string) *Sketch {
	var sc scratch
	return sc.sketch(text)
}

// scratch holds buffers reused from one sketch to the next.
type scratch struct {
	words    []word
	shingles []shingle
}

func (sc *scratch) sketch(text string) *Sketch {
	sc.words = words(text, sc.words[:0])
	sc.shingles = shingles(sc.words, sc.shingles[:0])
	sk := &Sketch{exact: exactHash(sc.words), words: len(sc.words)}
	sh := sc.shingles

	// The lead's signature, from the shingles in text order.
	var lead [LeadBands * Rows]uint32
	for i := range lead {
		lead[i] = math.MaxUint32
	}
	n := 0
	for _, s := range sh {
		if s&furnished != 0 {
			continue
		}
		h := uint64(s &^ flags)
		for i := range lead {
			f := &minhash[Bands*Rows+i]
			lead[i] = min(lead[i], uint32((f[0]*h+f[1])>>32))
		}
		if n++; n == LeadShingles {
			break
		}
	}
	for b := range LeadBands {
		sk.bands[Bands+b] = bandHash(Bands+b, lead[b*Rows:(b+1)*Rows])
	}

	// Distinct shingles, sorted by hash: one is the article's own when
	// one of its occurrences is.
	slices.Sort(sh)
	d := 0
	for i, s := range sh {
		if d > 0 && sh[d-1]&^flags == s&^flags {
			sh[d-1] &= s | ^notOwn
			continue
		}
		sh[d] = sh[i]
		d++
	}
	sh = sh[:d]

	// The whole article's signature, from its distinct shingles.
	var sig [Bands * Rows]uint32
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, s := range sh {
		h := uint64(s &^ flags)
		for i := range sig {
			v := uint32((minhash[i][0]*h + minhash[i][1]) >> 32)
			sig[i] = min(sig[i], v)
		}
	}
	for b := range Bands {
		sk.bands[b] = bandHash(b, sig[b*Rows:(b+1)*Rows])
	}

	n = min(len(sh), Sample)
	sk.full = len(sh) <= Sample
	sk.sample = make([]uint32, 0, n)
	for _, s := range sh[:n] {
		v := uint32(s>>33) << 1
		if s&notOwn != 0 {
			v |= 1
		}
		// Two shingles may share their top 31 bits; keep one.
		if k := len(sk.sample); k > 0 && sk.sample[k-1]>>1 == v>>1 {
			sk.sample[k-1] &= v | ^uint32(1)
			continue
		}
		sk.sample = append(sk.sample, v)
	}
	return sk
}

// bandHash hashes band b's values.
func bandHash(b int, values []uint32) uint64 {
	h := uint64(b + 1)
	for _, v := range values {
		h = mix64(h*0x9e3779b97f4a7c15 + uint64(v))
	}
	return h
}

// Words reports the number of words of the sketched text.
func (sk *Sketch) Words() int { return sk.words }

// Candidates reports whether a and b share a band: whether an Index would
// compare them.
func Candidates(a, b *Sketch) bool {
	for i := range a.bands {
		if a.bands[i] == b.bands[i] {
			return true
		}
	}
	return false
}

// Check is the Index's decision on one pair: the two must be candidates
// (the same exact hash, or a shared band) and copies under Compare. It
// returns the comparison, whose Copy is false when they are not
// candidates, and whether they were.
func Check(a, b *Sketch) (Comparison, bool) {
	if a.exact != b.exact && !Candidates(a, b) {
		return Comparison{OwnShared: -1, OwnCovered: -1}, false
	}
	return Compare(a, b), true
}

// A Comparison says how much of two articles, A and B, is shared.
// A shingle of an article is its own when it occurs outside quotations and
// furniture (see the package comment).
type Comparison struct {
	// Exact is true when the two texts have the same words in the same
	// order.
	Exact bool
	// Shared is the share of A's shingles found in B, from 0 to 1.
	Shared float64
	// Covered is the share of B's shingles found in A.
	Covered float64
	// OwnShared and OwnCovered are Shared and Covered for the articles' own
	// shingles, -1 when the article has too few of them to judge.
	OwnShared, OwnCovered float64
	// Copy is the decision: A and B are copies of one report.
	Copy bool
}

// Compare compares the sketches of two articles and decides whether they
// are copies of one report: whether most of the own shingles of one of
// them (CopyShare) are found in the other.
func Compare(a, b *Sketch) Comparison {
	if a.exact == b.exact && a.words == b.words && a.words > 0 {
		return Comparison{Exact: true, Shared: 1, Covered: 1, OwnShared: 1, OwnCovered: 1, Copy: true}
	}
	// Both samples hold every shingle below the smaller of their largest
	// values, so the parts below it are samples of the two sets taken
	// alike, and their overlap is a sample of the sets' overlap.
	limit := uint32(math.MaxUint32)
	if !a.full && len(a.sample) > 0 {
		limit = min(limit, a.sample[len(a.sample)-1]>>1)
	}
	if !b.full && len(b.sample) > 0 {
		limit = min(limit, b.sample[len(b.sample)-1]>>1)
	}
	var na, nb, both, ownA, ownB, ownABoth, ownBBoth int
	i, j := 0, 0
	for i < len(a.sample) || j < len(b.sample) {
		var x, y uint32 = math.MaxUint32, math.MaxUint32
		if i < len(a.sample) {
			x = a.sample[i] >> 1
		}
		if j < len(b.sample) {
			y = b.sample[j] >> 1
		}
		if min(x, y) > limit {
			break
		}
		switch {
		case x == y:
			// An article's own shingle found in the other counts whether
			// the other quotes it or not: quotation marks are not always
			// where they should be, and a paragraph break inside a
			// quotation can turn them round.
			na, nb, both = na+1, nb+1, both+1
			if a.sample[i]&1 == 0 {
				ownA++
				ownABoth++
			}
			if b.sample[j]&1 == 0 {
				ownB++
				ownBBoth++
			}
			i, j = i+1, j+1
		case x < y:
			na++
			if a.sample[i]&1 == 0 {
				ownA++
			}
			i++
		default:
			nb++
			if b.sample[j]&1 == 0 {
				ownB++
			}
			j++
		}
	}
	c := Comparison{Shared: ratio(both, na), Covered: ratio(both, nb), OwnShared: -1, OwnCovered: -1}
	if ownA >= minOwn {
		c.OwnShared = ratio(ownABoth, ownA)
	}
	if ownB >= minOwn {
		c.OwnCovered = ratio(ownBBoth, ownB)
	}
	c.Copy = copied(c.OwnShared, c.Shared, na) || copied(c.OwnCovered, c.Covered, nb)
	return c
}

// copied decides for one direction: own is the share of the article's own
// words found in the other (-1 when too few to judge), all the share of all
// its n sampled shingles. An article of fewer than minOwn shingles (a dozen
// words) is too short to judge: only an exact copy of it is one.
func copied(own, all float64, n int) bool {
	switch {
	case n < minOwn:
		return false
	case own >= 0:
		return own >= CopyShare
	}
	return all >= quotedShare
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
