package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSentenceWords caps the length of one sentence. Longer runs of text
// without a sentence end (lists, run-on captions, garbage) are cut at the
// last comma, semicolon or dash before the cap, or at the cap itself.
const MaxSentenceWords = 100

// Split returns the sentences of one normalized paragraph as half-open
// byte ranges [start, end) into p, trimmed of surrounding spaces.
//
// It ends a sentence at '.', '!' or '?' (with any closing quotes and
// brackets) followed by a space and an upper-case letter, a digit or an
// opening quote, except after a title (Mr., Sen., Gen.), a month (Jan.), an
// initial (W.) or a dotted abbreviation (U.S., p.m.) unless the next word is
// one that usually opens a sentence. A quotation that closes in the same
// paragraph with a comma or an attribution ("..., he said") stays in one
// sentence with its attribution.
func Split(p string) [][2]int {
	var out [][2]int
	start := skipSpace(p, 0)
	quote := false // inside a double quotation
	words := 0     // words since start
	lastBreak := -1
	inWord := false
	for i := start; i < len(p); i++ {
		c := p[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			inWord = false
		} else if !inWord {
			inWord = true
			words++
			if words > MaxSentenceWords {
				cut := lastBreak
				if cut <= start {
					cut = i
				}
				out = appendTrimmed(out, p, start, cut)
				start = skipSpace(p, cut)
				words = countWords(p[start : i+1])
				lastBreak = -1
				quote = false
			}
		}
		switch c {
		case '"':
			quote = quoteAfter(p, i, quote)
			continue
		case ',', ';':
			lastBreak = i + 1
			continue
		case '.', '!', '?':
		default:
			continue
		}
		// A run of terminal marks, then closing quotes and brackets.
		j := i
		for j < len(p) && (p[j] == '.' || p[j] == '!' || p[j] == '?') {
			j++
		}
		run := p[i:j]
		for j < len(p) && (p[j] == '"' || p[j] == '\'' || p[j] == ')' || p[j] == ']') {
			if p[j] == '"' {
				quote = quoteAfter(p, j, quote)
			}
			j++
		}
		if j >= len(p) {
			break
		}
		if p[j] != ' ' && p[j] != '\n' && p[j] != '\t' {
			i = j - 1
			continue
		}
		k := skipSpace(p, j)
		if k >= len(p) {
			break
		}
		if !opensSentence(p[k:]) || !endsSentence(p, i, run, p[k:], quote) ||
			(quote && quoteContinues(p, k)) || (p[j-1] == '"' && attributionFollows(p[k:])) {
			i = j - 1
			continue
		}
		out = appendTrimmed(out, p, start, j)
		start = k
		words = 0
		lastBreak = -1
		i = k - 1
		inWord = false
	}
	return appendTrimmed(out, p, start, len(p))
}

// quoteAfter returns whether a double quotation is open after the mark
// p[i], given whether one was open before it. A mark that opens a word
// after a space opens a quotation, and one that ends a word closes it,
// whatever came before (a quotation that runs over several paragraphs
// opens each without closing it); a mark with spaces on both sides or none
// toggles.
func quoteAfter(p string, i int, open bool) bool {
	switch {
	case opensQuote(p, i):
		return true
	case closesQuote(p, i):
		return false
	}
	return !open
}

// opensQuote reports whether the mark p[i] opens a word after a space.
func opensQuote(p string, i int) bool {
	return (i == 0 || isSpace(p[i-1]) || p[i-1] == '(' || p[i-1] == '[') && !quoteEnd(p, i+1)
}

// closesQuote reports whether the mark p[i] ends a word before a space or
// punctuation.
func closesQuote(p string, i int) bool {
	return i > 0 && !isSpace(p[i-1]) && p[i-1] != '(' && p[i-1] != '[' && quoteEnd(p, i+1)
}

func quoteEnd(p string, j int) bool {
	return j >= len(p) || isSpace(p[j]) || strings.IndexByte(".,;:!?)]", p[j]) >= 0
}

// appendTrimmed appends p[s:e] without its surrounding white space, any
// Unicode white space (a vertical tab, a line separator, an ideographic
// space), if anything is left.
func appendTrimmed(out [][2]int, p string, s, e int) [][2]int {
	for s < e {
		r, size := utf8.DecodeRuneInString(p[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(p[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	if e > s {
		out = append(out, [2]int{s, e})
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func skipSpace(p string, i int) int {
	for i < len(p) && isSpace(p[i]) {
		i++
	}
	return i
}

func countWords(s string) int { return len(strings.Fields(s)) }

// opensSentence reports whether rest can begin a sentence.
func opensSentence(rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if r == '"' || r == '\'' || r == '(' || r == '[' {
		r, _ = utf8.DecodeRuneInString(rest[size:])
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"'
}

// endsSentence decides a candidate boundary at p[i] (the first of the
// terminal marks run), given the text that follows it.
func endsSentence(p string, i int, run, next string, inQuote bool) bool {
	if run == "..." || run == ".." {
		// An ellipsis inside a quotation marks an omission, not an end.
		return !inQuote
	}
	if run != "." {
		return true
	}
	w := wordBefore(p, i)
	if w == "" {
		return true
	}
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if _, ok := titles[lw]; ok {
		return false
	}
	_, month := months[lw]
	initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])
	dotted := strings.Contains(w, ".")
	if month || initial || dotted {
		return startsSentenceWord(next)
	}
	return true
}

// wordBefore returns the letters and inner periods just before p[i].
func wordBefore(p string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(p[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	return p[j:i]
}

// startsSentenceWord reports whether the word that begins next is one that
// usually opens a sentence rather than continues a name.
func startsSentenceWord(next string) bool {
	next = strings.TrimLeft(next, `"'([`)
	end := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(next)
	}
	_, ok := starters[next[:end]]
	return ok
}

// quoteContinues reports whether an open quotation that the boundary
// candidate at k sits inside closes later in the paragraph with a comma
// or an attribution, which keeps the quotation in one sentence.
func quoteContinues(p string, k int) bool {
	q := strings.IndexByte(p[k:], '"')
	if q < 0 {
		return false
	}
	q += k
	if opensQuote(p, q) {
		// The next mark opens a quotation: the open one was never closed.
		return false
	}
	if countWords(p[k:q]) > MaxSentenceWords/2 {
		return false
	}
	before := strings.TrimRight(p[:q], " ")
	if strings.HasSuffix(before, ",") || strings.HasSuffix(before, "-") {
		return true
	}
	after := strings.TrimLeft(p[q+1:], " ")
	r, _ := utf8.DecodeRuneInString(after)
	return unicode.IsLower(r)
}

// attributionFollows reports whether rest, the text after a closing
// quotation mark, is a short attribution such as "Trump wrote in a tweet."
// that belongs to the quotation before it.
func attributionFollows(rest string) bool {
	end := strings.IndexAny(rest, ".!?\"")
	if end < 0 {
		end = len(rest)
	} else if rest[end] == '"' {
		// A new quotation opens: the words before it are a sentence of
		// their own ("He said the cell "must hide."").
		return false
	}
	words := strings.Fields(rest[:end])
	if len(words) > 8 {
		return false
	}
	for i, w := range words {
		if i > 4 {
			break
		}
		if _, ok := cueVerbs[strings.ToLower(strings.Trim(w, ",;:"))]; ok {
			return true
		}
	}
	return false
}

// cueVerbs are the verbs that attribute speech in news writing.
var cueVerbs = setOf("said", "says", "say", "wrote", "writes", "told", "tells", "added",
	"adds", "stated", "states", "tweeted", "tweets", "asked", "asks", "replied", "replies",
	"responded", "responds", "explained", "explains", "insisted", "insists", "noted",
	"notes", "continued", "continues", "declared", "declares", "argued", "argues",
	"claimed", "claims", "warned", "warns", "recalled", "recalls", "posted", "posts",
	"according", "announced", "announces", "acknowledged", "acknowledges", "admitted",
	"admits", "conceded", "concedes", "confirmed", "confirms", "countered", "counters",
	"remarked", "remarks", "testified", "testifies", "shouted", "yelled", "whispered",
	"joked", "jokes", "quipped", "quips", "observed", "observes", "suggested", "suggests")

var titles = setOf("mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps",
	"gov", "govs", "lt", "gen", "gens", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm",
	"cpl", "pvt", "st", "rev", "hon", "pres", "supt", "det", "insp", "atty", "amb", "fr",
	"mt", "ft", "no", "nos", "vol", "fig", "vs", "v", "gov't", "dept", "approx", "est")

var months = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec")

var starters = setOf("The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But",
	"And", "In", "On", "At", "This", "That", "These", "Those", "There", "His", "Her",
	"Their", "Its", "Our", "My", "As", "If", "When", "While", "After", "Before", "Since",
	"So", "Yet", "However", "Meanwhile", "Still", "Then", "Now", "Officials", "Some",
	"Many", "Most", "Both", "For", "From", "With", "What", "Why", "How", "Who", "Where",
	"No", "Not", "One", "Two", "Last", "Earlier", "Later", "Also", "Other", "Such")

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
