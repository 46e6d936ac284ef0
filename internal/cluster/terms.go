package cluster

import (
	"math"

	"github.com/parallax-news/parallax/internal/text"
)

// Term kinds: a content word's stem, or a name (a run of capitalized
// words inside a sentence, in text that keeps its capitals).
const (
	kindWord = iota
	kindName
)

// A word is what the vocabulary knows about one lower-cased word form.
type word struct {
	term int32 // the term of its stem; -1 for a stop word or a skipped token
}

// vocab numbers words and terms and keeps the document frequency of every
// term. It is not safe for concurrent use.
type vocab struct {
	words   wordTable
	stems   map[string]int32
	names   map[uint64]int32 // hash of a name's stems -> term
	stemmer *text.Stemmer
	kind    []uint8   // term -> kind
	df      []int32   // term -> number of articles holding it
	docs    int       // number of articles counted in df
	logs    []float32 // logs[i] = ln(i), for idf
	lg      []float32 // term -> ln(df + pd + 1)
	top     float32   // ln(docs + pseudo + 1)

	// With a prior, pseudo articles drawn from the background are counted
	// with the stream: pd is how many of them hold each term.
	prior  func(stem string) (float64, bool)
	pseudo float64
	pd     []float32 // term -> pseudo-articles holding it; nil: no prior
}

// numberShare is the share of the background's articles taken to hold a
// number of three digits or more, which the background does not count: a
// year or an amount recurs across stories, but less than a common word.
const numberShare = 0.01

// newVocab returns an empty vocabulary. With a prior (see Options.Prior),
// the document frequencies start as those of pseudo articles drawn from
// it.
func newVocab(prior func(string) (float64, bool), pseudo float64) *vocab {
	v := &vocab{
		stems:   make(map[string]int32),
		names:   make(map[uint64]int32),
		stemmer: text.NewStemmer(),
		logs:    []float32{0, 0},
	}
	if prior != nil && pseudo > 0 {
		v.prior, v.pseudo, v.pd = prior, pseudo, []float32{}
		v.top = float32(math.Log(pseudo + 1))
	}
	return v
}

// newTerm adds a term of kind k that pseudo articles of the prior hold
// (0 without one).
func (v *vocab) newTerm(k uint8, pd float32) int32 {
	v.kind = append(v.kind, k)
	v.df = append(v.df, 0)
	if v.pd != nil {
		v.pd = append(v.pd, pd)
		v.lg = append(v.lg, float32(math.Log(float64(pd)+1)))
	} else {
		v.lg = append(v.lg, 0)
	}
	return int32(len(v.kind) - 1)
}

// pseudoDF returns how many pseudo articles hold a stem: the prior's
// share of articles holding it (e^-idf) times their number.
func (v *vocab) pseudoDF(stem string) float32 {
	if v.pd == nil {
		return 0
	}
	share := numberShare
	if !isDigits(stem) {
		idf, _ := v.prior(stem)
		share = math.Exp(-idf)
	}
	return float32(v.pseudo * min(share, 1))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// lookup returns the word for a lower-cased form whose hash is h.
func (v *vocab) lookup(lower []byte, h uint64) word {
	slot, ok := v.words.find(h)
	if ok {
		return v.words.vals[slot]
	}
	s := string(lower)
	w := word{term: -1}
	if keepWord(s) {
		st := v.stemmer.Stem(s)
		id, ok := v.stems[st]
		if !ok {
			id = v.newTerm(kindWord, v.pseudoDF(st))
			v.stems[st] = id
		}
		w.term = id
	}
	v.words.insert(slot, h, w)
	return w
}

// keepWord reports whether a lower-cased token is a content word: not a
// stop word, two letters or more, and a number only when it has three
// digits or more and no leading zero (a year, a flight, a model).
func keepWord(s string) bool {
	if len(s) < 2 || text.IsStop(s) {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits == len(s) {
		return len(s) >= 3 && s[0] != '0'
	}
	return true
}

// name returns the term of a name given as its words' terms.
func (v *vocab) name(words []int32) int32 {
	h := uint64(14695981039346656037)
	for _, s := range words {
		h ^= uint64(uint32(s))
		h *= 1099511628211
	}
	id, ok := v.names[h]
	if !ok {
		// A name is at most as common as its rarest word.
		var pd float32
		if v.pd != nil {
			pd = float32(v.pseudo)
			for _, s := range words {
				pd = min(pd, v.pd[s])
			}
		}
		id = v.newTerm(kindName, pd)
		v.names[h] = id
	}
	return id
}

// count counts an article's terms in the document frequencies.
func (v *vocab) count(terms []int32) {
	v.docs++
	if v.pd == nil {
		for len(v.logs) < v.docs+2 {
			v.logs = append(v.logs, float32(math.Log(float64(len(v.logs)))))
		}
		for _, t := range terms {
			v.df[t]++
			v.lg[t] = v.logs[v.df[t]+1]
		}
		v.top = v.logs[v.docs+1]
		return
	}
	for _, t := range terms {
		v.df[t]++
		v.lg[t] = float32(math.Log(float64(v.df[t]) + float64(v.pd[t]) + 1))
	}
	v.top = float32(math.Log(float64(v.docs) + v.pseudo + 1))
}

// idf is the smoothed inverse document frequency of a term,
// ln((N+1)/(df+1)) + 1, over the N articles counted so far; with a prior,
// over those and the pseudo articles, ln((N+M+1)/(df+pd+1)) + 1.
func (v *vocab) idf(t int32) float32 {
	return v.top - v.lg[t] + 1
}

// wordTable maps the 64-bit hash of a lower-cased word form to the word:
// open addressing with linear probing, faster than a map of strings on the
// hot path. Two forms with one hash (about one chance in 10^8 for a
// million forms) would be taken for one word.
type wordTable struct {
	keys []uint64 // 0: empty (a hash of 0 is stored as 1)
	vals []word
	n    int
}

func (t *wordTable) find(h uint64) (int, bool) {
	if h == 0 {
		h = 1
	}
	if len(t.keys) == 0 {
		t.keys, t.vals = make([]uint64, 1<<12), make([]word, 1<<12)
	}
	mask := len(t.keys) - 1
	for i := int(h>>32) & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return i, true
		case 0:
			return i, false
		}
	}
}

func (t *wordTable) insert(slot int, h uint64, w word) {
	if h == 0 {
		h = 1
	}
	t.keys[slot], t.vals[slot] = h, w
	t.n++
	if 2*t.n < len(t.keys) {
		return
	}
	keys, vals := t.keys, t.vals
	t.keys, t.vals = make([]uint64, 2*len(keys)), make([]word, 2*len(keys))
	mask := len(t.keys) - 1
	for k, h := range keys {
		if h == 0 {
			continue
		}
		i := int(h>>32) & mask
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = h, vals[k]
	}
}

// A token is one word of a text as the tokenizer saw it.
type token struct {
	h       uint64 // hash of the lower-cased form
	term    int32  // as in word
	start   int32  // byte offset in the text
	cap     bool   // opens with a capital letter
	initial bool   // opens a sentence (or a line)
	joined  bool   // only spaces or a hyphen separate it from the token before
}

// lowerTable maps ASCII upper-case letters to lower case.
var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return
}()

// wordByte reports whether c can be part of a word: an ASCII letter or
// digit, or a byte of a multi-byte UTF-8 character (punctuation among
// those is told apart by punct).
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// punct returns the length of a multi-byte punctuation or space character
// at s[i] (general punctuation U+2000-U+206F: dashes, curly quotes,
// ellipsis, odd spaces; no-break space; guillemets; CJK stops), or 0.
func punct(s string, i int) int {
	switch c := s[i]; {
	case c == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 || s[i+1] == 0x81):
		return 3
	case c == 0xC2 && i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0xAB || s[i+1] == 0xBB):
		return 2
	case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] <= 0x82:
		return 3
	}
	return 0
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenize appends the words of s to toks: a byte-level splitter that
// lower-cases ASCII, drops a possessive 's, splits at hyphens and marks
// capitals and sentence starts. buf is scratch space.
func (v *vocab) tokenize(s string, toks []token, buf []byte) ([]token, []byte) {
	initial := true // the next word opens a sentence
	joined := false
	for i := 0; i < len(s); {
		c := s[i]
		if !wordByte(c) {
			switch c {
			case '.', '!', '?', '\n':
				initial = true
				joined = false
			case ' ', '-', '\t', '\r':
			default:
				joined = false
			}
			i++
			continue
		}
		if n := punct(s, i); n > 0 {
			if s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0xA6 { // an ellipsis
				initial = true
			}
			// Odd spaces and dashes (U+2000-U+2015) keep words joined.
			if !(s[i] == 0xC2 && s[i+1] == 0xA0) && !(s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] <= 0x95) {
				joined = false
			}
			i += n
			continue
		}
		start := i
		buf = buf[:0]
		h := uint64(fnvOffset)
		upper := c >= 'A' && c <= 'Z'
	word:
		for i < len(s) {
			c := s[i]
			switch {
			case c >= 0x80 && punct(s, i) > 0:
				// A curly apostrophe inside a word: "Flynn’s", "don’t".
				if i+3 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99 && len(buf) > 0 &&
					wordByte(s[i+3]) && s[i+3] < 0x80 {
					if (s[i+3] == 's' || s[i+3] == 'S') && (i+4 >= len(s) || !wordByte(s[i+4])) {
						i += 4 // a possessive
						break word
					}
					buf = append(buf, '\'')
					h = (h ^ '\'') * fnvPrime
					i += 3
					continue
				}
				break word
			case wordByte(c):
				l := lowerTable[c]
				buf = append(buf, l)
				h = (h ^ uint64(l)) * fnvPrime
				i++
			case c == '\'' && i+1 < len(s) && len(buf) > 0 && wordByte(s[i+1]) && s[i+1] < 0x80:
				if (s[i+1] == 's' || s[i+1] == 'S') && (i+2 >= len(s) || !wordByte(s[i+2])) {
					i += 2 // a possessive
					break word
				}
				buf = append(buf, '\'')
				h = (h ^ '\'') * fnvPrime
				i++
			default:
				break word
			}
		}
		if len(buf) == 0 {
			i = max(i, start+1)
			continue
		}
		w := v.lookup(buf, h)
		toks = append(toks, token{h: h, term: w.term, start: int32(start), cap: upper, initial: initial, joined: joined})
		initial, joined = false, true
	}
	return toks, buf
}

// Weights of the article's parts and of names.
type termWeights struct {
	name      float32 // a name counts this many times a word
	title     float32 // a title word counts this many times more
	lead      float32 // a word of the lead counts this many times more
	leadWords int     // the lead is this many first content words
}

// termCounter counts weighted terms of one text, with arrays indexed by
// term and a generation stamp instead of a map.
type termCounter struct {
	seen  []uint32 // term -> generation of the text that last saw it
	count []float32
	gen   uint32
	terms []int32 // the terms seen, in first-seen order
}

func (c *termCounter) reset() {
	c.gen++
	if c.gen == 0 { // wrapped
		clear(c.seen)
		c.gen = 1
	}
	c.terms = c.terms[:0]
}

func (c *termCounter) add(t int32, w float32) {
	if int(t) >= len(c.seen) {
		n := max(int(t)+1, 2*len(c.seen), 1024)
		c.seen = append(c.seen, make([]uint32, n-len(c.seen))...)
		c.count = append(c.count, make([]float32, n-len(c.count))...)
	}
	if c.seen[t] != c.gen {
		c.seen[t] = c.gen
		c.count[t] = 0
		c.terms = append(c.terms, t)
	}
	c.count[t] += w
}

// countTerms counts the terms of toks into c, each occurrence weighing
// scale, and the first content words more when lead is set. When cased,
// runs of capitalized words count as names as well.
func (v *vocab) countTerms(c *termCounter, toks []token, scale float32, lead, cased bool, tw termWeights, run []int32) []int32 {
	content := 0
	for i, tk := range toks {
		if tk.term < 0 {
			continue
		}
		w := scale
		if lead && content < tw.leadWords {
			w *= tw.lead
		}
		content++
		c.add(tk.term, w)
		if !cased || !tk.cap || tw.name == 0 {
			continue
		}
		// A name is a run of capitalized content words inside a sentence;
		// a run of one word that opens a sentence is not taken for one.
		if i > 0 && toks[i-1].cap && toks[i-1].term >= 0 && tk.joined && !tk.initial {
			continue // inside a run already counted
		}
		run = run[:0]
		for j := i; j < len(toks) && toks[j].cap && toks[j].term >= 0 && (j == i || toks[j].joined && !toks[j].initial); j++ {
			run = append(run, toks[j].term)
		}
		if len(run) == 1 && tk.initial {
			continue
		}
		if len(run) > 4 {
			run = run[len(run)-4:]
		}
		c.add(v.name(run), w*tw.name)
		if len(run) > 1 {
			// The last word alone: "Flynn" of "Michael Flynn".
			c.add(v.name(run[len(run)-1:]), w*tw.name)
		}
	}
	return run
}

// isCased reports whether capitals in toks can mark names: some words
// inside sentences open with a capital (text that was lower-cased and then
// given capitals at sentence starts has almost none).
func isCased(toks []token) bool {
	inside, caps := 0, 0
	for _, tk := range toks {
		if tk.initial {
			continue
		}
		inside++
		if tk.cap {
			caps++
		}
	}
	return inside > 0 && caps*50 >= inside
}

// sentenceHashes appends to out a hash of each sentence of toks that has
// at least minWords words.
func sentenceHashes(toks []token, minWords int, out []uint64) []uint64 {
	var h uint64
	n := 0
	for i, tk := range toks {
		if tk.initial && i > 0 {
			if n >= minWords {
				out = append(out, h)
			}
			h, n = 0, 0
		}
		h = (h^tk.h)*fnvPrime + 0x9e3779b97f4a7c15
		n++
	}
	if n >= minWords {
		out = append(out, h)
	}
	return out
}
