package dedup

import (
	"fmt"
	"slices"
)

// BucketCap is the number of articles of one bucket, newest first, that an
// added article is compared with. It bounds the cost of an article whose
// band keys are common (boilerplate, a very short text), so that the cost
// of Add does not grow with the number of articles indexed. Copies share
// many bands, and news copies are published close together, so the newest
// of a crowded bucket are the ones worth comparing.
const BucketCap = 64

// An Index finds, for each article added, the copies it has among the
// articles added before. It keeps per article its sketch (a few hundred
// bytes of band keys and at most Sample four-byte shingle hashes), never
// its text. An Index is not safe for concurrent use.
type Index struct {
	docs    []entry
	byID    map[string]int32
	exact   map[uint64]int32 // exact hash -> newest article with it
	buckets map[uint64]int32 // band key -> newest slot in the bucket
	// next links the slots of a bucket, newest first: slot d*allBands+b is
	// article d's place in the bucket of its band b; -1 ends a list.
	next  []int32
	mark  []uint32 // per article, the query that last compared it
	query uint32
	dead  int
	sc    scratch
}

type entry struct {
	id   string
	sk   *Sketch
	dead bool
}

// A Match is an earlier article that the added one copies or is copied
// by. Shared is the share of the added article's shingles found in it,
// Covered the share of its shingles found in the added article.
type Match struct {
	ID string
	Comparison
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		byID:    make(map[string]int32),
		exact:   make(map[uint64]int32),
		buckets: make(map[uint64]int32),
	}
}

// Len reports the number of articles in the index.
func (x *Index) Len() int { return len(x.byID) }

// Add sketches text, returns its copies among the articles in the index in
// the order they were added, and adds it under id. An id already in the
// index is an error, and the index is left unchanged.
func (x *Index) Add(id, text string) ([]Match, error) {
	if _, ok := x.byID[id]; ok {
		return nil, fmt.Errorf("dedup: article %q is already in the index", id)
	}
	sk := x.sc.sketch(text)
	ms := x.Copies(sk)
	x.insert(id, sk)
	return ms, nil
}

// AddSketch is Add for an article already sketched.
func (x *Index) AddSketch(id string, sk *Sketch) ([]Match, error) {
	if _, ok := x.byID[id]; ok {
		return nil, fmt.Errorf("dedup: article %q is already in the index", id)
	}
	ms := x.Copies(sk)
	x.insert(id, sk)
	return ms, nil
}

// Copies returns the copies of the sketched article among the articles in
// the index, in the order they were added, without adding it.
func (x *Index) Copies(sk *Sketch) []Match {
	x.query++
	if x.query == 0 { // wrapped: forget old marks
		clear(x.mark)
		x.query = 1
	}
	var found []int32
	check := func(d int32) {
		if x.mark[d] == x.query || x.docs[d].dead {
			return
		}
		x.mark[d] = x.query
		found = append(found, d)
	}
	if d, ok := x.exact[sk.exact]; ok {
		check(d)
	}
	for b, key := range sk.bands {
		slot, ok := x.buckets[bandKey(b, key)]
		for n := 0; ok && slot >= 0 && n < BucketCap; n++ {
			check(slot / allBands)
			slot = x.next[slot]
		}
	}
	slices.Sort(found) // report in the order added
	var out []Match
	for _, d := range found {
		c := Compare(sk, x.docs[d].sk)
		if c.Copy {
			out = append(out, Match{ID: x.docs[d].id, Comparison: c})
		}
	}
	return out
}

// allBands counts the bands of both signatures.
const allBands = Bands + LeadBands

// bandKey makes band b's key distinct from every other band's.
func bandKey(b int, key uint64) uint64 { return key + uint64(b)*0x9e3779b97f4a7c15 }

func (x *Index) insert(id string, sk *Sketch) {
	d := int32(len(x.docs))
	x.docs = append(x.docs, entry{id: id, sk: sk})
	x.mark = append(x.mark, 0)
	x.byID[id] = d
	x.exact[sk.exact] = d
	for b, key := range sk.bands {
		k := bandKey(b, key)
		head, ok := x.buckets[k]
		if !ok {
			head = -1
		}
		x.next = append(x.next, head)
		x.buckets[k] = d*allBands + int32(b)
	}
}

// Remove takes the article out of the index; it reports whether it was
// there. The article's slots are reclaimed when removed articles come to
// outnumber the live ones.
func (x *Index) Remove(id string) bool {
	d, ok := x.byID[id]
	if !ok {
		return false
	}
	delete(x.byID, id)
	x.docs[d].dead = true
	x.docs[d].sk = nil
	x.dead++
	if x.dead > 1024 && x.dead > len(x.byID) {
		x.compact()
	}
	return true
}

// compact rebuilds the index from its live articles, in the order added.
func (x *Index) compact() {
	old := x.docs
	*x = Index{
		byID:    make(map[string]int32, len(x.byID)),
		exact:   make(map[uint64]int32, len(x.byID)),
		buckets: make(map[uint64]int32, len(x.byID)*allBands),
		next:    make([]int32, 0, len(x.byID)*allBands),
		docs:    make([]entry, 0, len(x.byID)),
		sc:      x.sc,
	}
	for _, e := range old {
		if !e.dead {
			x.insert(e.id, e.sk)
		}
	}
}
