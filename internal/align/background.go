package align

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./dfgen -shared ../../../shared -o bgdf.tsv.gz

// bgdf is the background document-frequency table built by dfgen: a
// "#docs N" line, then "stem<TAB>df" lines.
//
//go:embed bgdf.tsv.gz
var bgdf []byte

// A background holds how many of a large set of news articles contain each
// term. It gives word weights that hold in a story of two short articles,
// where frequencies counted inside the story say nothing.
type background struct {
	docs float64
	df   map[string]float64
	// capital is, for stems seen often enough inside sentences of cased
	// text, the share of those uses written with a capital: near 1 for
	// names, near 0 for common words.
	capital map[string]float64
}

var loadBackground = sync.OnceValue(func() *background {
	b := &background{docs: 1, df: make(map[string]float64), capital: make(map[string]float64)}
	zr, err := gzip.NewReader(bytes.NewReader(bgdf))
	if err != nil {
		// The table is built into the binary; a test checks it reads.
		// Without it every word weighs the same.
		return b
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		stem, n, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n, pct, hasCase := strings.Cut(n, "\t")
		if c, err := strconv.Atoi(pct); hasCase && err == nil {
			b.capital[stem] = float64(c) / 100
		}
		v, err := strconv.Atoi(n)
		if err != nil {
			continue
		}
		if stem == "#docs" {
			b.docs = float64(v)
			continue
		}
		b.df[stem] = float64(v)
	}
	if sc.Err() != nil || b.docs < 2 {
		return &background{docs: 1, df: make(map[string]float64), capital: make(map[string]float64)}
	}
	// A paraphrase group is as common as its commonest member.
	for w, g := range synonyms {
		if b.df[w] > b.df[g] {
			b.df[g] = b.df[w]
		}
	}
	return b
})

// numberDF is the document frequency given to a number: numbers are
// specific, but common ones (a year, "two") recur across stories.
const numberDF = 200

// idf returns the inverse document frequency of a term as Terms writes it.
// A term missing from the table is taken to be as rare as the rarest kept.
func (b *background) idf(term string) float64 {
	var df float64
	switch {
	case strings.HasPrefix(term, "#"):
		df = numberDF
	default:
		df = b.df[term]
	}
	if df < 2 {
		df = 2
	}
	return math.Log(b.docs / df)
}

// isName reports whether a token reads as a name: its stem is mostly
// written with a capital in news, or, when the background does not know
// its casing, it has a capital where one says something (not opening the
// sentence), or it opens the sentence and is rare.
func (b *background) isName(stem string, capital, opening bool) bool {
	if c, ok := b.capital[stem]; ok {
		return c >= 0.7
	}
	if !capital {
		return false
	}
	return !opening || b.df[stem] < 100
}
