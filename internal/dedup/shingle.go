package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shingle is the number of words in a shingle.
const Shingle = 5

// A word is one folded word of a text: its hash, whether it stands inside
// a quotation, and whether it belongs to a line of page furniture.
type word struct {
	hash      uint64
	quoted    bool
	furniture bool
}

// FNV-1a constants; words are hashed byte by byte as they are folded, and
// the result is mixed (mix64) before use.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the finalizer of MurmurHash3: it spreads every input bit over
// every output bit.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// words folds text into words, paragraph by paragraph (see paragraphs):
// runs of letters, digits and combining marks, lower-cased; an apostrophe
// inside a word ("don't", "Obama’s") and a period or comma between digits
// ("1,000", "8.2") are dropped, so the word stays whole; every other
// character separates words. It marks the words that stand inside double
// quotation marks (straight quotes toggle; typographic and guillemet marks
// and the doubled backticks and apostrophes of wire text open and close; a
// quotation open at the end of a paragraph ends there, as news quotations
// that run over paragraphs reopen at each one) and the words of furniture
// paragraphs (see furniture).
//
// It appends to buf and returns it.
func words(text string, buf []word) []word {
	for _, p := range paragraphs(text) {
		buf = paragraphWords(text[p[0]:p[1]], furniture(text[p[0]:p[1]]), buf)
	}
	return buf
}

func paragraphWords(text string, furn bool, buf []word) []word {
	quoted := false
	inWord := false
	var h uint64
	var wordQuoted bool
	end := func() {
		if inWord {
			buf = append(buf, word{hash: mix64(h), quoted: wordQuoted, furniture: furn})
			inWord = false
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && unicode.IsMark(r)):
			if !inWord {
				inWord, h, wordQuoted = true, fnvOffset, quoted
			}
			r = unicode.ToLower(r)
			if r < utf8.RuneSelf {
				h = (h ^ uint64(r)) * fnvPrime
			} else {
				var b [utf8.UTFMax]byte
				n := utf8.EncodeRune(b[:], r)
				for _, c := range b[:n] {
					h = (h ^ uint64(c)) * fnvPrime
				}
			}
		case inWord && isApostrophe(r) && letterAt(text, next):
			// inside a word: dropped
		case inWord && (r == '.' || r == ',') && digitBefore(text, i) && digitAt(text, next):
			// inside a number: dropped
		case r == '`' && next < len(text) && text[next] == '`':
			end()
			quoted = true
			next++
		case r == '\'' && next < len(text) && text[next] == '\'':
			end()
			quoted = false
			next++
		case r == '"':
			end()
			quoted = !quoted
		case r == '“' || r == '„' || r == '«':
			end()
			quoted = true
		case r == '”' || r == '»':
			end()
			quoted = false
		default:
			end()
		}
		i = next
	}
	end()
	return buf
}

// paragraphs returns the byte ranges of text's paragraphs: separated by
// blank lines when the text has any; otherwise each line is one, except
// that a line with no sentence end followed by one that opens in lower
// case is one paragraph wrapped over two lines.
func paragraphs(text string) [][2]int {
	blank := strings.Contains(text, "\n\n") || strings.Contains(text, "\n\r\n")
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		switch {
		case blank && !blankAfter(text, i+1):
			continue
		case !blank && !sentenceEnd(text[start:i]) && lowerAt(text, i+1):
			continue
		}
		if strings.TrimSpace(text[start:i]) != "" {
			out = append(out, [2]int{start, i})
		}
		start = i + 1
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// blankAfter reports whether the line that starts at i is blank.
func blankAfter(s string, i int) bool {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// lowerAt reports whether the first non-space character from i is a
// lower-case letter or a digit.
func lowerAt(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// sentenceEnd reports whether p ends with a sentence end: '.', '!' or '?',
// possibly followed by closing quotation marks or brackets.
func sentenceEnd(p string) bool {
	p = strings.TrimRightFunc(p, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]", r)
	})
	return strings.HasSuffix(p, ".") || strings.HasSuffix(p, "!") || strings.HasSuffix(p, "?")
}

// countWords counts the runs of characters other than ASCII white space.
func countWords(p string) int {
	n, in := 0, false
	for i := 0; i < len(p); i++ {
		sp := p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// sentenceInside reports whether a sentence ends inside p: '.', '!' or '?'
// followed by a space.
func sentenceInside(p string) bool {
	for i := 0; i+1 < len(p); i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && (p[i+1] == ' ' || p[i+1] == '\n') {
			return true
		}
	}
	return false
}

// furniture reports whether a paragraph is page furniture rather than the
// report's own words: a line that does not end a sentence and is short
// (under 15 words: a headline, a byline, a link, a list item) or has no
// sentence end at all (under 40 words: a row of share buttons), or a
// copyright notice (a short paragraph that opens with "Copyright" or "©",
// or says "all rights reserved"). Copies are told by the report's own
// words; furniture is shared by unrelated articles of one site and changes
// from one copy to the next.
func furniture(p string) bool {
	n := countWords(p)
	if !sentenceEnd(p) && (n < 15 || n < 40 && !sentenceInside(p)) {
		return true
	}
	if n >= 40 {
		return false
	}
	p = strings.TrimSpace(p)
	if strings.HasPrefix(p, "©") || len(p) >= 9 && strings.EqualFold(p[:9], "copyright") {
		return true
	}
	return strings.Contains(strings.ToLower(p), "all rights reserved")
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func digitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

func digitBefore(s string, i int) bool { return i > 0 && s[i-1] >= '0' && s[i-1] <= '9' }

// A shingle is the hash of Shingle consecutive words, its two lowest bits
// replaced by flags: notOwn when one of its words is quoted or furniture,
// furnished when one is furniture. Sorting shingles sorts them by hash and
// keeps the occurrences of one shingle together.
type shingle uint64

const (
	notOwn    shingle = 1
	furnished shingle = 2
	flags             = notOwn | furnished
)

// shingles returns the shingles of ws in order: one per run of Shingle
// consecutive words, or one of all the words when there are fewer. It
// appends to buf and returns it.
func shingles(ws []word, buf []shingle) []shingle {
	if len(ws) == 0 {
		return buf
	}
	n := min(Shingle, len(ws))
	for i := 0; i+n <= len(ws); i++ {
		h := uint64(n)
		var f shingle
		for _, w := range ws[i : i+n] {
			h = mix64(h*0x9e3779b97f4a7c15 + w.hash)
			if w.quoted || w.furniture {
				f |= notOwn
			}
			if w.furniture {
				f |= furnished
			}
		}
		buf = append(buf, shingle(h)&^flags|f)
	}
	return buf
}

// exactHash hashes the folded words in order: texts that differ only in
// case, white space, punctuation and quotation marks hash alike.
func exactHash(ws []word) uint64 {
	h := uint64(len(ws))
	for _, w := range ws {
		h = mix64(h*0x9e3779b97f4a7c15 + w.hash)
	}
	return h
}
