package rouge

import (
	"strings"
)

// Sentence is one line of a summary, tokenized once by a Scorer so that it
// can be scored many times, for instance as part of different candidate
// summaries. Build sentences with (*Scorer).Sentences and use them only with
// that Scorer.
type Sentence struct {
	raw    string
	tokens []string // final tokens: lower-cased and, with Options.Stem, stemmed
	spans  []int32  // start and end byte offset in raw of each token
	words  []int32  // end byte offset of each word of Perl's split(/\s+/)
}

// Text returns the line the sentence was built from.
func (s *Sentence) Text() string { return s.raw }

// Tokens returns the tokens of the whole line as ROUGE counts them. The
// caller must not modify the returned slice.
func (s *Sentence) Tokens() []string { return s.tokens }

// isPerlSpace reports whether c matches Perl's \s on a byte string.
func isPerlSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	}
	return false
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Tokens returns the tokens ROUGE counts in sentence, ignoring any length
// limit: the maximal runs of ASCII letters and digits, lower-cased and, with
// Options.Stem, reduced to their WordNet base form or Porter stem when they
// are longer than three bytes.
//
// This is what ROUGE-1.5.5's cleanup amounts to: it splits hyphens off as
// separate tokens, turns every other byte outside [A-Za-z0-9] (non-ASCII
// bytes included) into a space, and then keeps only tokens that start with
// [a-z0-9$], which drops the hyphens (a "$" can no longer occur).
func (s *Scorer) Tokens(sentence string) []string {
	var toks []string
	for i := 0; i < len(sentence); {
		if !isAlnum(sentence[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(sentence) && isAlnum(sentence[j]) {
			j++
		}
		toks = append(toks, s.token(sentence[i:j]))
		i = j
	}
	return toks
}

// Sentences tokenizes a summary given as sentences. Like the reference
// scorer reading a file with one sentence per line, it splits each string at
// newlines and drops empty lines; every remaining line becomes a Sentence.
func (s *Scorer) Sentences(text []string) []Sentence {
	var out []Sentence
	return s.appendSentences(out, text)
}

// appendSentences appends the sentences of text to dst, reusing the slices
// of dst's spare capacity.
func (s *Scorer) appendSentences(dst []Sentence, text []string) []Sentence {
	for _, t := range text {
		for t != "" {
			line, rest, _ := strings.Cut(t, "\n")
			t = rest
			if line == "" {
				continue
			}
			if len(dst) < cap(dst) {
				dst = dst[:len(dst)+1]
			} else {
				dst = append(dst, Sentence{})
			}
			s.fillSentence(&dst[len(dst)-1], line)
		}
	}
	return dst
}

// fillSentence tokenizes line into sent, reusing its slices.
func (s *Scorer) fillSentence(sent *Sentence, line string) {
	sent.raw = line
	sent.tokens = sent.tokens[:0]
	sent.spans = sent.spans[:0]
	sent.words = sent.words[:0]
	// Perl's split(/\s+/) yields an empty first field when the line starts
	// with white space and drops empty trailing fields; a line of white
	// space alone has no fields at all.
	leadingSpace := isPerlSpace(line[0])
	for i := 0; i < len(line); {
		c := line[i]
		if isPerlSpace(c) {
			i++
			continue
		}
		if leadingSpace {
			sent.words = append(sent.words, 0)
			leadingSpace = false
		}
		j := i
		for j < len(line) && !isPerlSpace(line[j]) {
			j++
		}
		sent.words = append(sent.words, int32(j))
		for i < j {
			if !isAlnum(line[i]) {
				i++
				continue
			}
			k := i + 1
			for k < j && isAlnum(line[k]) {
				k++
			}
			sent.tokens = append(sent.tokens, s.token(line[i:k]))
			sent.spans = append(sent.spans, int32(i), int32(k))
			i = k
		}
	}
}

// cutTokens returns the tokens of sent that lie in its first limit bytes:
// whole tokens, and partial, the final token if the limit cuts it ("" if
// none).
func (s *Scorer) cutTokens(sent *Sentence, limit int) (whole []string, partial string) {
	if limit >= len(sent.raw) {
		return sent.tokens, ""
	}
	n := 0
	for n < len(sent.tokens) && int(sent.spans[2*n+1]) <= limit {
		n++
	}
	if n < len(sent.tokens) && int(sent.spans[2*n]) < limit {
		partial = s.token(sent.raw[sent.spans[2*n]:limit])
	}
	return sent.tokens[:n], partial
}

// piece is the part of a sentence that survives a length limit: its first
// limit bytes.
type piece struct {
	sent  int
	limit int
}

// ngramPieces appends to dst the parts of sents that form the text ROUGE
// counts n-grams and skip-bigrams in (its readText), after the word or byte
// limit of the options.
func ngramPieces(dst []piece, sents []Sentence, o *Options) []piece {
	switch {
	case o.LimitWords > 0:
		return wordPieces(dst, sents, o.LimitWords)
	case o.LimitBytes > 0:
		used := 0
		for i := range sents {
			n := len(sents[i].raw)
			if used+n < o.LimitBytes {
				dst = append(dst, piece{i, n})
				used += n
				continue
			}
			return append(dst, piece{i, o.LimitBytes - used})
		}
		return dst
	}
	for i := range sents {
		dst = append(dst, piece{i, len(sents[i].raw)})
	}
	return dst
}

// lcsPieces appends to dst the units ROUGE computes the LCS over (its
// readText_LCS). With a word limit or none they are the pieces of
// ngramPieces. With a byte limit the reference never adds up the bytes it
// has taken: it keeps every sentence shorter than the limit and stops at the
// first one that is not, keeping that one's first LimitBytes bytes.
func lcsPieces(dst []piece, sents []Sentence, o *Options) []piece {
	if o.LimitBytes <= 0 || o.LimitWords > 0 {
		return ngramPieces(dst, sents, o)
	}
	for i := range sents {
		n := len(sents[i].raw)
		if n < o.LimitBytes {
			dst = append(dst, piece{i, n})
			continue
		}
		return append(dst, piece{i, o.LimitBytes})
	}
	return dst
}

// wordPieces appends to dst the parts of sents within the first limit
// words, counting words as Perl's split(/\s+/) does.
func wordPieces(dst []piece, sents []Sentence, limit int) []piece {
	used := 0
	for i := range sents {
		n := len(sents[i].words)
		if used+n < limit {
			dst = append(dst, piece{i, len(sents[i].raw)})
			used += n
			continue
		}
		// limit-used is at least 1 and at most n here.
		return append(dst, piece{i, int(sents[i].words[limit-used-1])})
	}
	return dst
}
