package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// A Token is one word or number of a sentence.
type Token struct {
	// Start and End are byte offsets into the normalized text.
	Start, End int
	// Lower is the token in lower case, with a possessive "'s" removed.
	Lower string
	// Stem is the Snowball (Porter2) stem of Lower; for numbers it is the
	// number with thousands separators removed.
	Stem string
	// Stop reports whether Lower is a stop word.
	Stop bool
	// Number reports whether the token is a number.
	Number bool
	// Cap reports whether the token starts with an upper-case letter.
	Cap bool
}

// Stemmer stems words and remembers the answers. It is not safe for
// concurrent use; give each goroutine its own.
type Stemmer struct {
	cache map[string]string
}

// NewStemmer returns an empty Stemmer.
func NewStemmer() *Stemmer { return &Stemmer{cache: make(map[string]string)} }

// Stem returns the stem of a lower-case word.
func (s *Stemmer) Stem(w string) string {
	if st, ok := s.cache[w]; ok {
		return st
	}
	st := w
	if len(w) > 2 {
		st = english.Stem(w, true)
	}
	if len(s.cache) < 1<<20 {
		s.cache[w] = st
	}
	return st
}

// Tokenize splits s, a normalized sentence, into tokens. Offsets are
// relative to s. Words keep inner apostrophes ("don't") and inner periods
// of abbreviations ("u.s."); numbers keep inner periods and commas ("8.2",
// "1,000"); hyphens split words.
func Tokenize(s string, st *Stemmer) []Token {
	var toks []Token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		j := i + size
		number := unicode.IsDigit(r)
		for j < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				if !unicode.IsDigit(r2) {
					number = false
				}
				j += size2
				continue
			}
			// Connectors stay inside a token when a word character follows.
			if j+1 < len(s) && (r2 == '\'' || r2 == '.' || r2 == ',') {
				r3, _ := utf8.DecodeRuneInString(s[j+1:])
				prev, _ := utf8.DecodeLastRuneInString(s[start:j])
				switch {
				case r2 == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(r3):
					j++
					continue
				case r2 == '.' && unicode.IsDigit(prev) && unicode.IsDigit(r3):
					j++
					continue
				case r2 == ',' && unicode.IsDigit(prev) && unicode.IsDigit(r3) && number:
					j++
					continue
				case r2 == '.' && unicode.IsLetter(prev) && unicode.IsLetter(r3) && j-start <= 2:
					// u.s, a.m, d.c: single letters joined by periods
					k := j + 1 + utf8.RuneLen(r3)
					if k >= len(s) || s[k] == '.' {
						j++
						continue
					}
				}
			}
			break
		}
		// A trailing period belongs to a dotted abbreviation ("U.S.").
		if j < len(s) && s[j] == '.' && strings.Contains(s[start:j], ".") && !number {
			j++
		}
		word := s[start:j]
		tok := Token{Start: start, End: j, Number: number || isNumeric(word)}
		tok.Cap = unicode.IsUpper(r)
		lower := strings.ToLower(word)
		if tok.Number {
			tok.Lower = lower
			tok.Stem = strings.ReplaceAll(lower, ",", "")
		} else {
			if _, ok := contractions[lower]; !ok {
				lower = strings.TrimSuffix(lower, "'s")
			}
			tok.Lower = lower
			tok.Stop = IsStop(lower)
			tok.Stem = st.Stem(strings.ReplaceAll(lower, ".", ""))
		}
		toks = append(toks, tok)
		i = j
	}
	return toks
}

// contractions end in "'s" without being possessives.
var contractions = setOf("it's", "he's", "she's", "that's", "there's", "what's", "who's",
	"let's", "here's", "where's", "how's", "when's", "why's")

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isNumeric(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == ',':
		default:
			return false
		}
	}
	return digits > 0
}
