package embed

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestDecodeEmbedded(t *testing.T) {
	tb, err := decode(vectorsBin)
	if err != nil {
		t.Fatal(err)
	}
	if tb.dims != 100 || Dims() != 100 {
		t.Errorf("dims = %d, Dims() = %d, want 100", tb.dims, Dims())
	}
	if len(tb.index) != 50000 || Count() != 50000 {
		t.Errorf("count = %d, Count() = %d, want 50000", len(tb.index), Count())
	}
	if tb.rankLimit != 50820 {
		t.Errorf("rank limit = %d, want 50820", tb.rankLimit)
	}
	for w := range tb.index {
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				t.Fatalf("word %q is not lower-case a-z", w)
			}
		}
	}
	for i := range tb.scales {
		if tb.scales[i] <= 0 {
			t.Fatalf("row %d has scale %v", i, tb.scales[i])
		}
	}
}

// file returns a mutable copy of the embedded file.
func file() []byte { return []byte(vectorsBin) }

// resum rewrites the trailing checksum after an edit.
func resum(b []byte) []byte {
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
	return b
}

func TestDecodeRejectsDamage(t *testing.T) {
	cases := map[string][]byte{
		"empty":     nil,
		"magic":     resum(append([]byte("XXXX"), file()[4:]...)),
		"truncated": file()[:len(vectorsBin)-1],
		"flipped": func() []byte {
			b := file()
			b[len(b)/2] ^= 0x40
			return b
		}(),
		"version": func() []byte {
			b := file()
			b[4] = 9
			return resum(b)
		}(),
		"dims": func() []byte {
			b := file()
			b[6] = 99
			return resum(b)
		}(),
		"duplicate word": func() []byte {
			b := file()
			// The words begin "the", "of", "to": turn "of" into "to".
			if string(b[headerSize:headerSize+10]) != "\x03the\x02of\x02to" {
				panic("unexpected first words")
			}
			copy(b[headerSize+4:], "\x02to")
			return resum(b)
		}(),
		"ranks out of order": func() []byte {
			b := file()
			wb := binary.LittleEndian.Uint32(b[12:])
			binary.LittleEndian.PutUint32(b[headerSize+int(wb):], 7)
			return resum(b)
		}(),
	}
	for name, b := range cases {
		if _, err := decode(string(b)); err == nil {
			t.Errorf("%s: decode accepted a damaged file", name)
		}
	}
}

func TestLookupsTakeLowerCase(t *testing.T) {
	if _, ok := Vector("the"); !ok {
		t.Error(`Vector("the") missing`)
	}
	for _, w := range []string{"The", "THE", "senat", "", "2016", "u.s."} {
		if _, ok := Vector(w); ok {
			t.Errorf("Vector(%q) found", w)
		}
		if _, ok := Rank(w); ok {
			t.Errorf("Rank(%q) found", w)
		}
	}
}

func vec(t testing.TB, w string) []float32 {
	t.Helper()
	v, ok := Vector(w)
	if !ok {
		t.Fatalf("no vector for %q", w)
	}
	if len(v) != Dims() {
		t.Fatalf("len(Vector(%q)) = %d", w, len(v))
	}
	return v
}

func cos(t testing.TB, a, b string) float32 { return Cosine(vec(t, a), vec(t, b)) }

func TestSemantics(t *testing.T) {
	if a, b := cos(t, "rejected", "rebuffed"), cos(t, "rejected", "banana"); !(a > b+0.3) {
		t.Errorf("cos(rejected, rebuffed) = %.3f, cos(rejected, banana) = %.3f", a, b)
	}
	if c := cos(t, "lawyer", "attorney"); c < 0.8 {
		t.Errorf("cos(lawyer, attorney) = %.3f, want >= 0.8", c)
	}
	if a, b := cos(t, "king", "queen"), cos(t, "king", "carrot"); !(a > b+0.4) {
		t.Errorf("cos(king, queen) = %.3f, cos(king, carrot) = %.3f", a, b)
	}
	if c := cos(t, "said", "told"); c < 0.8 {
		t.Errorf("cos(said, told) = %.3f, want >= 0.8", c)
	}
	// The classic analogy: king - man + woman lands nearer queen than
	// king itself does.
	q := make([]float32, Dims())
	AddTo(q, "king", 1)
	AddTo(q, "man", -1)
	AddTo(q, "woman", 1)
	if a, b := Cosine(q, vec(t, "queen")), Cosine(vec(t, "king"), vec(t, "queen")); !(a > b) {
		t.Errorf("cos(king-man+woman, queen) = %.3f, not above cos(king, queen) = %.3f", a, b)
	}
}

func TestSentenceSimilarity(t *testing.T) {
	idf := func(w string) float32 { return float32(BackgroundIDF(w)) }
	a := Mean(strings.Fields("the senate rejected the president's nominee on tuesday"), idf)
	b := Mean(strings.Fields("senators rebuffed the white house pick for the post"), idf)
	c := Mean(strings.Fields("the banana bread recipe calls for very ripe fruit"), idf)
	if ab, ac := Cosine(a, b), Cosine(a, c); !(ab > ac+0.1) {
		t.Errorf("paraphrase %.3f not clearly above unrelated %.3f", ab, ac)
	}
}

func TestRanks(t *testing.T) {
	want := map[string]int{"the": 0, "of": 3, "senate": 703, "rebuffed": 14566}
	for w, r := range want {
		if got, ok := Rank(w); !ok || got != r {
			t.Errorf("Rank(%q) = %d, %v; want %d", w, got, ok, r)
		}
	}
	// More frequent words rank lower; rare names are beyond the table.
	order := []string{"the", "said", "senate", "lawmakers", "rebuffed", "disavowed"}
	prev := -1
	for _, w := range order {
		r, ok := Rank(w)
		if !ok || r <= prev {
			t.Errorf("Rank(%q) = %d, %v; want above %d", w, r, ok, prev)
		}
		prev = r
	}
	if r, ok := Rank("kislyak"); ok {
		t.Errorf("Rank(kislyak) = %d, want absent (source rank 90594)", r)
	}

	prevIDF := 0.0
	for _, w := range order {
		idf := BackgroundIDF(w)
		if idf <= prevIDF {
			t.Errorf("BackgroundIDF(%q) = %v, not above %v", w, idf, prevIDF)
		}
		prevIDF = idf
	}
	if got, want := BackgroundIDF("the"), math.Log(2); got != want {
		t.Errorf("BackgroundIDF(the) = %v, want ln 2", got)
	}
	maxIDF := math.Log(50820 + 2)
	for _, w := range []string{"kislyak", "The", "zzzzqqq"} {
		if got := BackgroundIDF(w); got != maxIDF {
			t.Errorf("BackgroundIDF(%q) = %v, want the maximum %v", w, got, maxIDF)
		}
	}
	if BackgroundIDF("disavowed") >= maxIDF {
		t.Error("a known word reaches the unknown-word maximum")
	}
}

// rowWords inverts the index: row -> word.
func rowWords(t *testing.T) []string {
	tb := tab()
	words := make([]string, len(tb.index))
	for w, i := range tb.index {
		words[i] = w
	}
	return words
}

type reference struct {
	row  int
	vals []float32
}

func readReference(t *testing.T) []reference {
	f, err := os.Open("testdata/reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var refs []reference
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 1+Dims() {
			t.Fatalf("reference line has %d fields", len(fs))
		}
		row, err := strconv.Atoi(fs[0])
		if err != nil {
			t.Fatal(err)
		}
		r := reference{row: row}
		for _, f := range fs[1:] {
			x, err := strconv.ParseFloat(f, 32)
			if err != nil {
				t.Fatal(err)
			}
			r.vals = append(r.vals, float32(x))
		}
		refs = append(refs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(refs) < 5 {
		t.Fatalf("only %d reference vectors", len(refs))
	}
	return refs
}

func TestQuantizationError(t *testing.T) {
	tb := tab()
	words := rowWords(t)
	refs := readReference(t)
	got := make([][]float32, len(refs))
	for k, r := range refs {
		got[k] = vec(t, words[r.row])
		// Rounding to the nearest step errs by at most half a step.
		half := tb.scales[r.row]/2 + 1e-7
		if diff := cmp.Diff(r.vals, got[k], cmpopts.EquateApprox(0, float64(half))); diff != "" {
			t.Errorf("row %d (%q) off by more than half a step (%g):\n%s", r.row, words[r.row], half, diff)
		}
		if c := Cosine(r.vals, got[k]); c < 0.9999 {
			t.Errorf("row %d: cosine to its float32 source %.6f", r.row, c)
		}
	}
	// Pairwise cosines move by far less than anything selection cares about.
	var sum, worst float64
	n := 0
	for i := range refs {
		for j := i + 1; j < len(refs); j++ {
			e := math.Abs(float64(Cosine(got[i], got[j]) - Cosine(refs[i].vals, refs[j].vals)))
			sum += e
			worst = max(worst, e)
			n++
		}
	}
	t.Logf("cosine error over %d reference pairs: mean %.2e, max %.2e", n, sum/float64(n), worst)
	if sum/float64(n) > 2e-3 || worst > 1e-2 {
		t.Errorf("cosine error: mean %.2e, max %.2e", sum/float64(n), worst)
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	l := &loader{data: vectorsBin}
	const n = 16
	tables := make([]*table, n)
	var wg sync.WaitGroup
	for g := range n {
		wg.Go(func() {
			tb := l.get()
			if i, ok := tb.index["senate"]; ok {
				_ = tb.row(i)[0]
			}
			tables[g] = tb
		})
	}
	wg.Wait()
	for g := range tables {
		if tables[g] == nil || tables[g] != tables[0] {
			t.Fatal("goroutines saw different tables")
		}
	}
	// The package-level table, from many goroutines at once.
	for range n {
		wg.Go(func() {
			if _, ok := Vector("senate"); !ok {
				t.Error("senate missing")
			}
			BackgroundIDF("senate")
		})
	}
	wg.Wait()
}

func TestMean(t *testing.T) {
	if m := Mean(nil, nil); m != nil {
		t.Errorf("Mean(nil) = %v", m)
	}
	if m := Mean([]string{"zzzqqq", "The"}, nil); m != nil {
		t.Errorf("Mean of unknown words = %v", m)
	}
	zero := func(string) float32 { return 0 }
	if m := Mean([]string{"king"}, zero); m != nil {
		t.Errorf("Mean with zero weights = %v", m)
	}
	approx := cmpopts.EquateApprox(1e-5, 1e-6)
	if diff := cmp.Diff(vec(t, "king"), Mean([]string{"king", "zzzqqq"}, nil), approx); diff != "" {
		t.Errorf("mean of one word is not its vector:\n%s", diff)
	}
	k, q := vec(t, "king"), vec(t, "queen")
	want := make([]float32, len(k))
	for i := range want {
		want[i] = (3*k[i] + 1*q[i]) / 4
	}
	var asked []string
	w := func(s string) float32 {
		asked = append(asked, s)
		if s == "king" {
			return 3
		}
		return 1
	}
	got := Mean([]string{"king", "xqzv", "queen"}, w)
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("weighted mean:\n%s", diff)
	}
	if diff := cmp.Diff([]string{"king", "queen"}, asked); diff != "" {
		t.Errorf("weight called for:\n%s", diff)
	}
}

func TestAddTo(t *testing.T) {
	dst := make([]float32, Dims())
	if AddTo(dst, "zzzqqq", 1) {
		t.Error("AddTo found an unknown word")
	}
	if !AddTo(dst, "king", 2) {
		t.Fatal("AddTo missed king")
	}
	k := vec(t, "king")
	for i := range k {
		k[i] *= 2
	}
	if diff := cmp.Diff(k, dst, cmpopts.EquateApprox(1e-6, 0)); diff != "" {
		t.Errorf("AddTo(king, 2):\n%s", diff)
	}
	if a := testing.AllocsPerRun(100, func() { AddTo(dst, "queen", 0.5) }); a != 0 {
		t.Errorf("AddTo allocates %v times", a)
	}
	defer func() {
		if recover() == nil {
			t.Error("AddTo accepted a short dst")
		}
	}()
	AddTo(dst[:10], "king", 1)
}

func TestCosine(t *testing.T) {
	a := []float32{1, 2, 3}
	neg := []float32{-1, -2, -3}
	cases := []struct {
		a, b []float32
		want float32
	}{
		{a, a, 1},
		{a, neg, -1},
		{[]float32{1, 0}, []float32{0, 1}, 0},
		{nil, a, 0},
		{a, nil, 0},
		{[]float32{0, 0, 0}, a, 0},
	}
	for _, c := range cases {
		if got := Cosine(c.a, c.b); math.Abs(float64(got-c.want)) > 1e-6 {
			t.Errorf("Cosine(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Cosine accepted vectors of different lengths")
		}
	}()
	Cosine(a, []float32{1, 2})
}

// TestMemoryAfterDecode reports what a decoded table keeps on the heap.
func TestMemoryAfterDecode(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tb, err := decode(vectorsBin)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(tb)
	t.Logf("heap kept by a decoded table: %.2f MB (embedded file %.2f MB, read in place)",
		float64(kept)/1e6, float64(len(vectorsBin))/1e6)
	if kept > 8<<20 {
		t.Errorf("decoded table keeps %d bytes", kept)
	}
}

func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(vectorsBin)))
	for b.Loop() {
		if _, err := decode(vectorsBin); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMean25(b *testing.B) {
	words := strings.Fields("the senate on tuesday rejected the president's nominee for attorney general " +
		"after a bitter debate in which democrats accused him of misleading lawmakers about contacts")
	if len(words) != 25 {
		b.Fatalf("%d words", len(words))
	}
	idf := func(w string) float32 { return float32(BackgroundIDF(w)) }
	Dims() // decode outside the timed loop
	b.ReportAllocs()
	for b.Loop() {
		if Mean(words, idf) == nil {
			b.Fatal("nil mean")
		}
	}
}

func BenchmarkCosine(b *testing.B) {
	x, y := vec(b, "rejected"), vec(b, "rebuffed")
	for b.Loop() {
		Cosine(x, y)
	}
}
