package embed

import (
	_ "embed" // for the //go:embed directive below
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sync"
	"unsafe"
)

//go:embed vectors.bin
var vectorsBin string

// The file layout constants; gen/main.go writes the same ones.
const (
	magic      = "PXWV"
	version    = 1
	headerSize = 20
)

// table is the decoded file. The word keys and the int8 matrix point into
// the embedded data itself, so decoding copies neither.
type table struct {
	dims      int
	index     map[string]int32 // word -> row
	ranks     []int32          // row -> source frequency rank
	scales    []float32        // row -> dequantization scale
	vecs      []int8           // row-major, len(index)*dims
	rankLimit int              // one past the rank of the rarest word kept
}

// loader decodes its data once, on first use.
type loader struct {
	data string
	once sync.Once
	t    *table
	err  error
}

func (l *loader) get() *table {
	l.once.Do(func() { l.t, l.err = decode(l.data) })
	if l.err != nil {
		panic("embed: vectors.bin: " + l.err.Error())
	}
	return l.t
}

var std = &loader{data: vectorsBin}

func tab() *table { return std.get() }

var errCorrupt = errors.New("corrupt or truncated")

// decode checks and unpacks a file in the format described in doc.go.
func decode(data string) (*table, error) {
	le := binary.LittleEndian
	if len(data) < headerSize+4 || data[:4] != magic {
		return nil, errors.New("not a vectors file")
	}
	h := readOnlyBytes(data[:headerSize])
	if v := le.Uint16(h[4:]); v != version {
		return nil, fmt.Errorf("format version %d, want %d", v, version)
	}
	dims := int(le.Uint16(h[6:]))
	count := int(le.Uint32(h[8:]))
	wordBytes := int(le.Uint32(h[12:]))
	rankLimit := int(le.Uint32(h[16:]))
	if dims == 0 || count == 0 {
		return nil, errCorrupt
	}
	// Section sizes, checked in 64-bit arithmetic against the data length.
	size := uint64(headerSize) + uint64(wordBytes) + uint64(count)*(8+uint64(dims)) + 4
	if size != uint64(len(data)) {
		return nil, fmt.Errorf("%d bytes, header implies %d", len(data), size)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(readOnlyBytes(body)) != le.Uint32(readOnlyBytes(data[len(data)-4:])) {
		return nil, errors.New("checksum mismatch")
	}

	t := &table{
		dims:      dims,
		index:     make(map[string]int32, count),
		ranks:     make([]int32, count),
		scales:    make([]float32, count),
		rankLimit: rankLimit,
	}
	words := data[headerSize : headerSize+wordBytes]
	for i := range count {
		if len(words) == 0 {
			return nil, errCorrupt
		}
		n := int(words[0])
		if n == 0 || 1+n > len(words) {
			return nil, errCorrupt
		}
		w := words[1 : 1+n]
		words = words[1+n:]
		t.index[w] = int32(i)
		if len(t.index) != i+1 {
			return nil, fmt.Errorf("word %q twice", w)
		}
	}
	if len(words) != 0 {
		return nil, errCorrupt
	}
	off := headerSize + wordBytes
	ranks := readOnlyBytes(data[off : off+4*count])
	prev := -1
	for i := range count {
		r := le.Uint32(ranks[4*i:])
		if int64(r) <= int64(prev) || int64(r) >= int64(rankLimit) {
			return nil, errors.New("ranks not increasing below the rank limit")
		}
		t.ranks[i] = int32(r)
		prev = int(r)
	}
	off += 4 * count
	scales := readOnlyBytes(data[off : off+4*count])
	for i := range count {
		s := math.Float32frombits(le.Uint32(scales[4*i:]))
		if !(s >= 0) || math.IsInf(float64(s), 0) {
			return nil, errors.New("bad scale")
		}
		t.scales[i] = s
	}
	off += 4 * count
	// The matrix is used in place: an int8 has the size and alignment of a
	// byte, and nothing ever writes through this slice.
	m := readOnlyBytes(data[off : off+count*dims])
	t.vecs = unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(m))), len(m))
	return t, nil
}

// readOnlyBytes views s as a byte slice without copying it. The result
// must never be written to.
func readOnlyBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// row returns the int8 components of row i.
func (t *table) row(i int32) []int8 {
	off := int(i) * t.dims
	return t.vecs[off : off+t.dims : off+t.dims]
}

// addTo adds weight times the dequantized row i to dst.
func (t *table) addTo(dst []float32, i int32, weight float32) {
	r := t.row(i)
	s := weight * t.scales[i]
	dst = dst[:len(r)]
	for d, q := range r {
		dst[d] += s * float32(q)
	}
}

// Dims returns the number of components of every vector: 100.
func Dims() int { return tab().dims }

// Count returns the number of words in the table.
func Count() int { return len(tab().index) }

// Vector returns a new copy of word's vector and true, or nil and false
// when the word is not in the table. The word must be a lower-cased
// surface form ("senators", not "Senators" or the stem "senat").
func Vector(word string) ([]float32, bool) {
	t := tab()
	i, ok := t.index[word]
	if !ok {
		return nil, false
	}
	v := make([]float32, t.dims)
	t.addTo(v, i, 1)
	return v, true
}

// AddTo adds weight times word's vector to dst, without allocating, and
// reports whether the word is in the table; dst is left alone when it is
// not. dst must have length Dims(); AddTo panics otherwise. The word must
// be lower-cased, as for Vector.
func AddTo(dst []float32, word string, weight float32) bool {
	t := tab()
	if len(dst) != t.dims {
		panic(fmt.Sprintf("embed.AddTo: len(dst) = %d, want %d", len(dst), t.dims))
	}
	i, ok := t.index[word]
	if ok {
		t.addTo(dst, i, weight)
	}
	return ok
}

// Rank returns word's frequency rank, 0 for the most frequent token, and
// true; or 0 and false when the word is not in the table. The rank is the
// word's position in the source word list, which is in order of
// decreasing count in GloVe's training corpus (Wikipedia 2014 and
// Gigaword 5). Punctuation and other tokens the table leaves out hold
// ranks too, so ranks are not consecutive over the table: "the" is 0,
// "of" 3, "senate" 703.
// The word must be lower-cased, as for Vector.
func Rank(word string) (int, bool) {
	t := tab()
	i, ok := t.index[word]
	if !ok {
		return 0, false
	}
	return int(t.ranks[i]), true
}

// BackgroundIDF returns a background inverse-frequency weight for word,
// derived from its rank r:
//
//	BackgroundIDF(w) = ln(r + 2)
//
// Under Zipf's law a word of rank r has corpus probability close to
// 1/((r+1)·H), H a constant, so ln(r+1) is the word's information
// content up to a constant; the +2 keeps the most frequent word's weight
// positive (ln 2 ≈ 0.69). A word not in the table gets the maximum,
// ln(L + 2), where L is one past the rank of the rarest word kept
// (50,820 for the committed file, so about 10.84): it is treated as at
// least as rare as anything the table knows. The word must be
// lower-cased, as for Vector.
func BackgroundIDF(word string) float64 {
	t := tab()
	r := t.rankLimit
	if i, ok := t.index[word]; ok {
		r = int(t.ranks[i])
	}
	return math.Log(float64(r) + 2)
}

// Mean returns the weighted mean of the vectors of the words in the
// table, each weighted by weight(word), or by 1 when weight is nil. The
// weight function is called only for known words; a word whose weight is
// not positive is skipped. Mean returns nil when no word contributes.
// Words repeat as often as they appear. The words must be lower-cased
// surface forms, as for Vector.
func Mean(words []string, weight func(string) float32) []float32 {
	t := tab()
	var sum []float32
	var total float64
	for _, w := range words {
		i, ok := t.index[w]
		if !ok {
			continue
		}
		wt := float32(1)
		if weight != nil {
			wt = weight(w)
		}
		if !(wt > 0) || math.IsInf(float64(wt), 1) {
			continue
		}
		if sum == nil {
			sum = make([]float32, t.dims)
		}
		t.addTo(sum, i, wt)
		total += float64(wt)
	}
	if sum == nil {
		return nil
	}
	inv := float32(1 / total)
	for d := range sum {
		sum[d] *= inv
	}
	return sum
}

// Cosine returns the cosine similarity of a and b, in [-1, 1]. It returns
// 0 when either is empty or all zeros, so a nil Mean compares as
// unrelated to everything. It panics if both are non-empty and their
// lengths differ.
func Cosine(a, b []float32) float32 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) != len(b) {
		panic(fmt.Sprintf("embed.Cosine: lengths %d and %d", len(a), len(b)))
	}
	b = b[:len(a)]
	var ab, aa, bb float64
	for i, x := range a {
		y := b[i]
		ab += float64(x) * float64(y)
		aa += float64(x) * float64(x)
		bb += float64(y) * float64(y)
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	c := ab / math.Sqrt(aa*bb)
	return float32(max(-1, min(1, c)))
}
