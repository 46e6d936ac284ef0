package brief

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// Hedges and credits are read from an article's own words: the tokens of
// its sentences outside quotations.

// hedgePhrases are the words and phrases that hold a claim at a distance,
// as lower-case token sequences.
var hedgePhrases = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"reportedly", "allegedly", "alleged", "purportedly", "purported", "supposedly",
		"apparently", "possibly", "presumably", "seemingly", "perhaps", "probably", "likely",
		"unconfirmed", "unverified", "rumored", "rumoured", "suspected",
		"may", "might", "could",
		"is said to", "are said to", "was said to", "were said to",
		"is believed to", "are believed to", "was believed to", "were believed to",
		"is thought to", "are thought to", "was thought to", "were thought to",
		"is understood to", "it is understood", "appears to", "appeared to", "seems to", "seemed to",
		"according to sources", "according to people", "according to officials",
		"sources said", "sources say", "sources told", "people familiar with",
	} {
		out = append(out, strings.Fields(p))
	}
	// The longest first, so that "according to sources" wins over any
	// shorter phrase at the same word.
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// monthBefore are words after which "May" is the month.
var monthBefore = setOf("in", "since", "until", "by", "early", "late", "mid", "last", "next",
	"of", "on", "from", "through", "till", "to", "this", "before", "after", "during")

// setOf returns the set of words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// quotedRanges are normalized ranges of a document inside quotations,
// sorted by start.
type quotedRanges [][2]int

// has reports whether normalized offset off is inside a quotation.
func (q quotedRanges) has(off int) bool {
	k := sort.Search(len(q), func(k int) bool { return q[k][1] > off })
	return k < len(q) && q[k][0] <= off
}

// tokenSpan returns the source span of tokens [i, j] (inclusive) of
// sentence s of d.
func tokenSpan(d *text.Document, s *text.Sentence, i, j int) (int, int) {
	return d.Norm.Start(s.NormStart() + s.Tokens[i].Start), d.Norm.End(s.NormStart() + s.Tokens[j].End)
}

// findHedges returns the hedges of d outside quotations, in text order;
// their spans carry no source ID.
func findHedges(d *text.Document, quoted quotedRanges) []parallax.Hedge {
	var out []parallax.Hedge
	for si := range d.Sentences {
		s := &d.Sentences[si]
		toks := s.Tokens
		for k := 0; k < len(toks); k++ {
			if quoted.has(s.NormStart() + toks[k].Start) {
				continue
			}
			n := matchPhrase(s, k, hedgePhrases)
			if n == 0 {
				continue
			}
			w := toks[k].Lower
			if n == 1 && !hedgeWord(toks, k, w) {
				continue
			}
			if quoted.has(s.NormStart()+toks[k+n-1].Start) || !plain(s, toks[k:k+n]) {
				continue
			}
			start, end := tokenSpan(d, s, k, k+n-1)
			words := make([]string, n)
			for i := range n {
				words[i] = toks[k+i].Lower
			}
			out = append(out, parallax.Hedge{Word: strings.Join(words, " "), Span: parallax.Span{Start: start, End: end}})
			k += n - 1
		}
	}
	return out
}

// plain reports whether tokens are written as their lower-case form
// says, without a possessive: "May's" is a name.
func plain(s *text.Sentence, toks []text.Token) bool {
	for _, t := range toks {
		if strings.ToLower(s.Norm[t.Start:t.End]) != t.Lower {
			return false
		}
	}
	return true
}

// hedgeWord tells whether the one-word hedge w at toks[k] hedges: "May"
// the month does not, nor "could not" (what could not be done), nor a
// capitalized "Alleged" inside a name.
func hedgeWord(toks []text.Token, k int, w string) bool {
	switch w {
	case "may":
		if toks[k].Cap && (k > 0 && monthBefore[toks[k-1].Lower] || k+1 < len(toks) && toks[k+1].Number) {
			return false
		}
	case "could":
		if k+1 < len(toks) && (toks[k+1].Lower == "not" || toks[k+1].Lower == "never") {
			return false
		}
	case "likely":
		// "more likely", "likely to": hedges; "the likely nominee" too.
	}
	return true
}

// matchPhrase returns the number of tokens of the longest phrase of
// phrases (longest first) that starts at token k of s, its words
// separated by spaces only, or 0.
func matchPhrase(s *text.Sentence, k int, phrases [][]string) int {
	toks := s.Tokens
	for _, p := range phrases {
		if k+len(p) > len(toks) {
			continue
		}
		ok := true
		for i, w := range p {
			if toks[k+i].Lower != w || i > 0 && strings.TrimSpace(s.Norm[toks[k+i-1].End:toks[k+i].Start]) != "" {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// Credits.

// builtinOutlets are outlets news writing credits that the starter table
// may not list: wires, networks and their programmes, papers.
var builtinOutlets = []string{
	"Associated Press", "AP", "Reuters", "Agence France-Presse", "AFP", "Bloomberg", "Bloomberg News",
	"CNN", "NBC", "NBC News", "ABC", "ABC News", "CBS", "CBS News", "Fox News", "MSNBC", "CNBC", "NPR",
	"PBS", "BBC", "Politico", "Axios", "USA Today", "New York Times", "Washington Post",
	"Wall Street Journal", "Los Angeles Times", "Guardian", "Times", "Financial Times", "Daily Mail",
	"Telegraph", "Independent", "Economist", "Time", "Newsweek", "Atlantic", "New Yorker", "Vox",
	"BuzzFeed", "BuzzFeed News", "HuffPost", "Huffington Post", "The Hill", "Breitbart", "Daily Beast",
	"ProPublica", "McClatchy", "Yahoo News", "Al Jazeera", "RT", "Sputnik", "TASS", "Interfax",
	"RIA Novosti", "Xinhua", "Kyodo", "Yonhap", "DPA", "EFE", "ANSA", "Meet the Press",
	"Face the Nation", "60 Minutes", "This Week", "Fox News Sunday", "State of the Union",
	"Good Morning America", "Today", "New York Post", "Chicago Tribune", "Boston Globe",
	"Miami Herald", "Detroit News", "Des Moines Register", "The Sun", "Daily Telegraph",
	"Sky News", "ITV", "Channel 4", "Le Monde", "Der Spiegel", "Spiegel", "Bild", "Haaretz",
	"Kommersant", "Izvestia", "Vedomosti", "Interfax-Ukraine", "Ukrainska Pravda",
}

// newsWords end names of outlets not in any list: "the Des Moines
// Register", "the Kyiv Post".
var newsWords = setOf("times", "post", "journal", "news", "press", "herald", "tribune", "gazette",
	"telegraph", "guardian", "agency", "radio", "television", "tv", "magazine", "chronicle",
	"observer", "standard", "express", "mirror", "inquirer", "globe", "mail", "daily", "wire",
	"bulletin", "examiner", "network", "newspaper", "review", "register", "courier", "dispatch",
	"sentinel", "star", "sun", "today", "weekly", "broadcasting", "channel", "cnn", "nbc", "abc", "cbs")

// docNouns are documents an article may credit.
var docNouns = setOf("statement", "statements", "letter", "letters", "tweet", "tweets", "memo",
	"memos", "report", "filing", "filings", "documents", "document", "records", "transcript",
	"transcripts", "email", "emails", "e-mail", "indictment", "complaint", "affidavit", "release",
	"op-ed", "post", "posting", "video", "recording", "testimony", "ruling", "order", "notice",
	"cable", "cables", "dossier", "study", "survey", "poll", "assessment")

// docDeterminers open a document's phrase: "a statement", "his letter".
var docDeterminers = setOf("a", "an", "the", "his", "her", "their", "its", "this", "that",
	"these", "those", "our", "court", "new", "written", "joint")

// An outletNames indexes outlet names as lower-case token sequences.
type outletNames struct {
	byFirst map[string][][]string // first word -> names, the longest first
	// capped are one-word names that are common words ("Time",
	// "Independent"): they name an outlet only when capitalized.
	capped map[string]bool
}

// newOutletNames indexes the built-in outlets and extra, more names, such as
// those of an outlet table.
func newOutletNames(extra []string) *outletNames {
	n := &outletNames{byFirst: map[string][][]string{}, capped: map[string]bool{}}
	st := text.NewStemmer()
	add := func(name string) {
		var words []string
		for _, t := range text.Tokenize(name, st) {
			words = append(words, t.Lower)
		}
		if len(words) > 0 && words[0] == "the" {
			words = words[1:]
		}
		if len(words) == 0 || len(words) > 8 {
			return
		}
		for _, w := range n.byFirst[words[0]] {
			if strings.Join(w, " ") == strings.Join(words, " ") {
				return
			}
		}
		n.byFirst[words[0]] = append(n.byFirst[words[0]], words)
		if len(words) == 1 && !isAcronym(name) {
			n.capped[words[0]] = true
		}
	}
	for _, o := range builtinOutlets {
		add(o)
	}
	for _, o := range extra {
		if i := strings.IndexByte(o, '('); i > 0 {
			o = o[:i] // "ABC News (Australia)" is written "ABC News"
		}
		add(o)
	}
	for _, list := range n.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
	return n
}

// isAcronym reports whether a one-word name is written in capitals
// ("CNN", "RT"): such a name is an outlet in lower-case text too.
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// outletAt returns the number of tokens of the outlet name that starts at
// token k of s (a leading "the" not counted), or 0, and whether the name
// is a known one: a name of the list, or a run of capitalized words
// without punctuation between them that ends with a word of news ("Kyiv
// Post").
func (n *outletNames) outletAt(s *text.Sentence, k int) (int, bool) {
	toks := s.Tokens
	if k >= len(toks) {
		return 0, false
	}
	for _, w := range n.byFirst[toks[k].Lower] {
		if k+len(w) > len(toks) {
			continue
		}
		ok := true
		for i, x := range w {
			if toks[k+i].Lower != x || i > 0 && gapPunct(s, k+i-1, k+i) {
				ok = false
				break
			}
		}
		if ok && len(w) == 1 && n.capped[w[0]] && !toks[k].Cap {
			ok = false
		}
		if ok {
			return len(w), true
		}
	}
	j := k
	for j < len(toks) && j-k < 5 && toks[j].Cap && !toks[j].Number && (j == k || !gapPunct(s, j-1, j)) {
		j++
	}
	for e := j; e > k+1; e-- {
		if newsWords[toks[e-1].Lower] {
			return e - k, false
		}
	}
	return 0, false
}

// creditCues before an outlet, as lower-case token sequences, the longest
// first.
var creditCues = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"told", "tells", "telling", "tell", "according to", "in an interview with", "interview with",
		"in a statement to", "statement to", "speaking to", "speaking with", "spoke to", "spoke with",
		"talking to", "talked to", "reported by", "first reported by", "published by", "cited by",
		"quoted by", "obtained by", "seen by", "reviewed by", "broadcast by", "aired by", "wrote in",
		"writing in", "report in", "reports in", "story in", "article in", "op-ed in", "appeared on",
		"appearing on", "said on", "told reporters on", "interview on", "in an interview on", "on",
	} {
		out = append(out, strings.Fields(p))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// creditVerbs after an outlet credit it: "Reuters reported".
var creditVerbs = setOf("reported", "reports", "reporting", "published", "publishes", "revealed",
	"reveals", "said", "says", "wrote", "writes", "obtained", "broke", "cited", "quoted", "learned",
	"confirmed", "disclosed", "broadcast", "aired")

// between may stand between an outlet and its verb: "the Journal first
// reported", "The Wall Street Journal as well as other media reported".
var between = setOf("first", "also", "earlier", "later", "previously", "has", "had", "have",
	"as", "well", "other", "media", "outlets", "and", "was", "the", "first", "to", "report", "which")

// findCredits returns the outlets and documents d credits outside
// quotations, in text order; their spans carry no source ID.
func findCredits(d *text.Document, quoted quotedRanges, n *outletNames) []parallax.Credit {
	var out []parallax.Credit
	for si := range d.Sentences {
		s := &d.Sentences[si]
		toks := s.Tokens
		free := func(k int) bool { return !quoted.has(s.NormStart() + toks[k].Start) }
		add := func(k, m int, kind, cue string) {
			start, end := tokenSpan(d, s, k, k+m-1)
			// The name as written, without a possessive "'s".
			last := toks[k+m-1]
			if w := strings.ToLower(s.Norm[last.Start:last.End]); w != last.Lower && strings.HasSuffix(w, "'s") {
				src := d.Norm.Source()[start:end]
				switch {
				case strings.HasSuffix(src, "'s"):
					end -= len("'s")
				case strings.HasSuffix(src, "\u2019s"):
					end -= len("\u2019s")
				}
			}
			if end <= start {
				return
			}
			out = append(out, parallax.Credit{Name: d.Norm.Source()[start:end], Kind: kind, Cue: cue, Span: parallax.Span{Start: start, End: end}})
		}
		taken := -1 // the last token of the last credit
		for k := 0; k < len(toks); k++ {
			if k <= taken || !free(k) {
				continue
			}
			// A cue, then an outlet or a document.
			if c := matchPhrase(s, k, creditCues); c > 0 {
				j := k + c
				the := j < len(toks) && toks[j].Lower == "the"
				if the {
					j++
				}
				if m, known := n.outletAt(s, j); m > 0 && free(j) && (toks[k].Lower != "on" || known && endsPhrase(s, j+m)) {
					from := j
					if the {
						from--
					}
					add(from, j+m-from, "outlet", phrase(toks, k, c))
					taken = j + m - 1
					continue
				}
			}
			// "according to a statement", "in a statement", "in his
			// resignation letter": a document.
			if toks[k].Lower == "according" || toks[k].Lower == "in" {
				j := k + 1
				if toks[k].Lower == "according" {
					if j >= len(toks) || toks[j].Lower != "to" {
						continue
					}
					j++
				}
				if j < len(toks) && docDeterminers[toks[j].Lower] {
					e := j + 1
					for e < len(toks) && e-j <= 3 && !docNouns[toks[e].Lower] && !toks[e].Number && free(e) && !isStop(toks[e]) {
						e++
					}
					if e < len(toks) && docNouns[toks[e].Lower] && free(e) && !strings.HasPrefix(s.Norm[toks[e].End:], "-") {
						cue := "in"
						if toks[k].Lower == "according" {
							cue = "according to"
						}
						add(j, e-j+1, "document", cue)
						taken = e
						// "a report in the Washington Post": the outlet too.
						if e+1 < len(toks) && (toks[e+1].Lower == "in" || toks[e+1].Lower == "by" || toks[e+1].Lower == "from") {
							o := e + 2
							the := o < len(toks) && toks[o].Lower == "the"
							if the {
								o++
							}
							if m, _ := n.outletAt(s, o); m > 0 {
								from := o
								if the {
									from--
								}
								add(from, o+m-from, "outlet", toks[e].Lower+" "+toks[e+1].Lower)
								taken = o + m - 1
							}
						}
						continue
					}
				}
			}
			// An outlet, then a verb of reporting: "Reuters reported",
			// "USA Today published".
			j := k
			if toks[j].Lower == "the" {
				j++
			}
			m, _ := n.outletAt(s, j)
			if m == 0 {
				continue
			}
			v := j + m
			for v < len(toks) && v-(j+m) < 6 && between[toks[v].Lower] && !creditVerbs[toks[v].Lower] {
				v++
			}
			if v < len(toks) && creditVerbs[toks[v].Lower] && free(v) && !gapPunct(s, j+m-1, v) {
				add(k, j+m-k, "outlet", toks[v].Lower)
				taken = v
				continue
			}
			taken = j + m - 1
		}
	}
	return out
}

// endsPhrase reports whether the outlet name ending before token k of s
// ends its phrase: "on CNN." or "on CNN and", not "on the New York Times
// bestseller list", where the outlet names a list, not a source.
func endsPhrase(s *text.Sentence, k int) bool {
	if k >= len(s.Tokens) || gapPunct(s, k-1, k) {
		return true
	}
	t := s.Tokens[k]
	return t.Cap || text.IsStop(t.Lower)
}

// isStop reports whether a token is a stop word that cannot sit inside a
// document's phrase.
func isStop(t text.Token) bool {
	switch t.Lower {
	case "of", "and", "to", "for", "with", "by", "on", "at", "from", "that", "which":
		return true
	}
	return false
}

// gapPunct reports whether a comma, a semicolon or a parenthesis stands
// between tokens i and j of s: "CNN, which said" is another clause.
func gapPunct(s *text.Sentence, i, j int) bool {
	if j <= i || j >= len(s.Tokens) {
		return true
	}
	return strings.ContainsAny(s.Norm[s.Tokens[i].End:s.Tokens[j].Start], ",;:()\"")
}

// phrase returns tokens [k, k+n) in lower case joined by spaces.
func phrase(toks []text.Token, k, n int) string {
	words := make([]string, n)
	for i := range n {
		words[i] = toks[k+i].Lower
	}
	return strings.Join(words, " ")
}
