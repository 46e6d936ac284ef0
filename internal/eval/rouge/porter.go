package rouge

// This file implements the Porter stemmer exactly as ROUGE-1.5.5 applies it.
//
// ROUGE ships Martin Porter's regular-expression Perl rendering of the 1980
// algorithm, with one local change in step 4 (a word ending in "-ement" is not
// tried against "-ment" and "-ent" in the same pass). The Perl rendering
// defines its measure with character classes rather than the paper's
// "y is a vowel after a consonant" prose, and its step 2 list uses "bli" and
// "logi" instead of the paper's "abli". The functions below reproduce those
// definitions literally; porter_test.go checks them against a transliteration
// that uses the same regular expressions.

// isAEIOU reports whether c is one of the letters a, e, i, o, u.
func isAEIOU(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// isAEIOUY reports whether c is one of a, e, i, o, u, y: the Perl class
// "[aeiouy]" that starts a vowel sequence.
func isAEIOUY(c byte) bool { return c == 'y' || isAEIOU(c) }

// skipConsonants returns the index just past the consonant sequence starting
// at i: one byte outside [aeiou] followed by bytes outside [aeiouy]. It
// returns i when b[i] cannot start such a sequence.
func skipConsonants(b []byte, i int) int {
	if i >= len(b) || isAEIOU(b[i]) {
		return i
	}
	i++
	for i < len(b) && !isAEIOUY(b[i]) {
		i++
	}
	return i
}

// skipVowels returns the index just past the vowel sequence starting at i: one
// byte in [aeiouy] followed by bytes in [aeiou]. It returns i when b[i]
// cannot start such a sequence.
func skipVowels(b []byte, i int) int {
	if i >= len(b) || !isAEIOUY(b[i]) {
		return i
	}
	i++
	for i < len(b) && isAEIOU(b[i]) {
		i++
	}
	return i
}

// measure returns Porter's m, the number of vowel-consonant sequence pairs
// in b once an optional leading consonant sequence is skipped. With the
// stemmer's character classes the decomposition is unique, so m > 0, m == 1
// and m > 1 answer the Perl patterns $mgr0, $meq1 and $mgr1.
func measure(b []byte) int {
	i := skipConsonants(b, 0)
	m := 0
	for i < len(b) {
		i = skipVowels(b, i)
		if i >= len(b) {
			break
		}
		i = skipConsonants(b, i)
		m++
	}
	return m
}

// hasVowel answers the Perl pattern $_v, "^(C)?v": does b contain a vowel
// once its leading consonant sequence is skipped?
func hasVowel(b []byte) bool {
	if len(b) > 0 && isAEIOUY(b[0]) {
		return true
	}
	i := skipConsonants(b, 0)
	return i < len(b) && isAEIOUY(b[i])
}

// isCVC answers the Perl pattern "^${C}${v}[^aeiouwxy]$": the whole of b is
// one consonant sequence, one vowel and one final consonant other than w, x
// or y.
func isCVC(b []byte) bool {
	n := len(b)
	if n < 3 {
		return false
	}
	last := b[n-1]
	if isAEIOUY(last) || last == 'w' || last == 'x' || !isAEIOUY(b[n-2]) {
		return false
	}
	return skipConsonants(b, 0) == n-2
}

// hasSuffix reports whether b ends with s.
func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// suffixRule is one "suffix → replacement" line of steps 2 and 3.
type suffixRule struct{ suffix, repl string }

// The rule lists are ordered longest suffix first: the Perl alternations are
// anchored at the end of the word, so the leftmost match is the longest
// suffix that fits, and only that one is tried.
var (
	step2Rules = []suffixRule{
		{"ational", "ate"}, {"ization", "ize"}, {"iveness", "ive"}, {"fulness", "ful"},
		{"ousness", "ous"}, {"tional", "tion"}, {"biliti", "ble"}, {"entli", "ent"},
		{"ousli", "ous"}, {"ation", "ate"}, {"alism", "al"}, {"aliti", "al"},
		{"iviti", "ive"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
		{"alli", "al"}, {"ator", "ate"}, {"logi", "log"}, {"bli", "ble"}, {"eli", "e"},
	}
	step3Rules = []suffixRule{
		{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
		{"ical", "ic"}, {"ness", ""}, {"ful", ""},
	}
	step4Suffixes = []string{
		"ement", "ance", "ence", "able", "ible",
		"ant", "ism", "ate", "iti", "ous", "ive", "ize",
		"al", "er", "ic", "ou",
	}
)

// porterStem returns the ROUGE-1.5.5 Porter stem of w, which must consist of
// lower-case ASCII letters and digits.
func porterStem(w string) string {
	if len(w) < 3 {
		return w
	}
	// One spare byte lets steps 1b and 2 grow the word without reallocating.
	b := make([]byte, len(w), len(w)+4)
	copy(b, w)
	// An initial y is a consonant: upper-case it so that no class treats it
	// as a vowel, and restore it at the end.
	initialY := b[0] == 'y'
	if initialY {
		b[0] = 'Y'
	}

	// Step 1a: plurals.
	switch n := len(b); {
	case hasSuffix(b, "sses") || hasSuffix(b, "ies"):
		b = b[:n-2]
	case n >= 2 && b[n-1] == 's' && b[n-2] != 's':
		b = b[:n-1]
	}

	// Step 1b: -eed, -ed, -ing.
	if hasSuffix(b, "eed") {
		if measure(b[:len(b)-3]) > 0 {
			b = b[:len(b)-1]
		}
	} else if cut := edIngLen(b); cut > 0 && hasVowel(b[:len(b)-cut]) {
		b = b[:len(b)-cut]
		n := len(b)
		switch {
		case hasSuffix(b, "at") || hasSuffix(b, "bl") || hasSuffix(b, "iz"):
			b = append(b, 'e')
		case n >= 2 && b[n-1] == b[n-2] && !isAEIOUY(b[n-1]) &&
			b[n-1] != 'l' && b[n-1] != 's' && b[n-1] != 'z':
			b = b[:n-1]
		case isCVC(b):
			b = append(b, 'e')
		}
	}

	// Step 1c: a final y after a vowel-bearing stem becomes i.
	if n := len(b); n > 0 && b[n-1] == 'y' && hasVowel(b[:n-1]) {
		b[n-1] = 'i'
	}

	// Steps 2 and 3: map double suffixes to single ones when m > 0.
	b = applySuffixRules(b, step2Rules)
	b = applySuffixRules(b, step3Rules)

	// Step 4, as modified for ROUGE: the listed suffixes, then -ment, then
	// -ent or else -sion/-tion, each removed when the rest has m > 1.
	for _, suf := range step4Suffixes {
		if hasSuffix(b, suf) {
			if stem := b[:len(b)-len(suf)]; measure(stem) > 1 {
				b = stem
			}
			break
		}
	}
	if hasSuffix(b, "ment") {
		if stem := b[:len(b)-4]; measure(stem) > 1 {
			b = stem
		}
	}
	if hasSuffix(b, "ent") {
		if stem := b[:len(b)-3]; measure(stem) > 1 {
			b = stem
		}
	} else if hasSuffix(b, "sion") || hasSuffix(b, "tion") {
		if stem := b[:len(b)-3]; measure(stem) > 1 {
			b = stem
		}
	}

	// Step 5: a final e, then a final double l.
	if n := len(b); n > 0 && b[n-1] == 'e' {
		stem := b[:n-1]
		if m := measure(stem); m > 1 || (m == 1 && !isCVC(stem)) {
			b = stem
		}
	}
	if hasSuffix(b, "ll") && measure(b) > 1 {
		b = b[:len(b)-1]
	}

	if initialY {
		b[0] = 'y'
	}
	return string(b)
}

// edIngLen returns the length of a final "ed" or "ing" of b, or 0.
func edIngLen(b []byte) int {
	switch {
	case hasSuffix(b, "ed"):
		return 2
	case hasSuffix(b, "ing"):
		return 3
	}
	return 0
}

// applySuffixRules replaces the longest listed suffix of b by its replacement
// when the remaining stem has m > 0.
func applySuffixRules(b []byte, rules []suffixRule) []byte {
	for _, r := range rules {
		if hasSuffix(b, r.suffix) {
			if stem := b[:len(b)-len(r.suffix)]; measure(stem) > 0 {
				return append(stem, r.repl...)
			}
			return b
		}
	}
	return b
}
