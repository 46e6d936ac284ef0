package align

import "math"

// BackgroundIDF returns the inverse document frequency of a stem in the
// background table that align ships (see dfgen): ln(N/df) over its N news
// articles, and whether the table holds the stem. Stems are those of
// internal/text (Snowball English, lower case, inner periods removed);
// numbers and stems held by fewer than three articles are not in the
// table, and for them it returns ln(N/2), known false. The table is read
// once; the function is safe for concurrent use.
//
// It lets another stage weigh words by how common they are in news before
// its own stream has shown enough articles to tell.
func BackgroundIDF() func(stem string) (idf float64, known bool) {
	b := loadBackground()
	rare := math.Log(b.docs / 2)
	return func(stem string) (float64, bool) {
		df, ok := b.df[stem]
		if !ok || df < 2 {
			return rare, false
		}
		return math.Log(b.docs / df), true
	}
}

// CommonWord reports whether news writes the word whose stem is given
// mostly without a capital inside a sentence ("rights", "people"): the
// background table knows its casing and under a fifth of its uses are
// capitalized. A word the table does not know the casing of is not
// common. The table is read once; the function is safe for concurrent
// use.
func CommonWord(stem string) bool {
	c, ok := loadBackground().capital[stem]
	return ok && c < commonCapital
}

// commonCapital is the share of capitalized uses below which a word is a
// common word, not a name.
const commonCapital = 0.2
