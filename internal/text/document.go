package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Document is an analysed article.
type Document struct {
	// Norm is the normalized text and its map back to the source.
	Norm *Normalized
	// Title is the headline read from the text, if its first line reads as
	// one; its offsets are in the source text.
	Title *Block
	// TitleTokens are the title's words, with offsets relative to
	// Title.Text.
	TitleTokens []Token
	// Dateline is the place line that opened the first paragraph, such as
	// "WASHINGTON (Sputnik)", if there was one.
	Dateline *Block
	// Sentences are the body's sentences in order.
	Sentences []Sentence
	// Dropped lists the lines left out of the body, with the reason.
	Dropped []Block
	// Paragraphs is the number of body paragraphs.
	Paragraphs int
}

// A Block is a piece of the source text with a label.
type Block struct {
	// Start and End are byte offsets into the source text.
	Start, End int
	// Text is the normalized text of the block.
	Text string
	// Why says why the block was dropped ("photo credit", "prompt", ...).
	Why string
}

// A Sentence is one sentence of a document's body.
type Sentence struct {
	// Start and End are byte offsets into the source text.
	Start, End int
	// Norm is the normalized text of the sentence.
	Norm string
	// Para is the index of the body paragraph it belongs to, and ParaPos
	// its position in that paragraph.
	Para, ParaPos int
	// Tokens are its words, with offsets relative to Norm.
	Tokens []Token
	// normStart is the offset of Norm in the document's normalized text.
	normStart int
}

// NormStart returns the offset of the sentence in the normalized text.
func (s *Sentence) NormStart() int { return s.normStart }

// Words returns the number of whitespace-separated words of the sentence.
func (s *Sentence) Words() int { return countWords(s.Norm) }

// Analyze reads an article's text: it normalizes it, finds paragraphs,
// drops boilerplate, takes a title and a dateline as metadata, and splits
// the body into sentences and tokens. st is used to stem tokens.
func Analyze(src string, st *Stemmer) *Document {
	n := Normalize(src)
	d := &Document{Norm: n}
	paras := paragraphs(n.Text)
	first := true
	for _, pr := range paras {
		s, e := pr[0], pr[1]
		line := n.Text[s:e]
		if credit := photoCredit(line); credit > 0 {
			d.Dropped = append(d.Dropped, d.block(s, s+credit, "photo credit"))
			rest := skipSpace(line, credit)
			switch {
			case rest >= len(line):
				continue
			case first && isHeadline(line[rest:]):
				t := d.block(s+rest, e, "")
				d.Title = &t
				first = false
				continue
			case isFragment(line[rest:]) || countWords(line[rest:]) <= 25:
				d.Dropped = append(d.Dropped, d.block(s+rest, e, "teaser"))
				continue
			}
			// A credit glued to the start of a paragraph of prose.
			s += rest
			line = n.Text[s:e]
		}
		if why := boilerplate(line); why != "" && s == pr[0] {
			d.Dropped = append(d.Dropped, d.block(s, e, why))
			continue
		}
		if d.Paragraphs == 0 {
			if m := bylineRe.FindStringIndex(line); m != nil && skipSpace(line, m[1]) == len(line) {
				// A byline on a line of its own, before the body.
				d.Dropped = append(d.Dropped, d.block(s, e, whyByline))
				continue
			}
		}
		if first {
			first = false
			if isHeadline(line) && len(paras) > 1 {
				t := d.block(s, e, "")
				d.Title = &t
				continue
			}
		}
		if why := residueSentence(line); why != "" && countWords(line) <= 2 {
			// A wire mark on a line of its own: MORE, END.
			d.Dropped = append(d.Dropped, d.block(s, e, why))
			continue
		}
		if d.Paragraphs > 0 && isFragment(line) {
			// A short line without a sentence end inside the body is a
			// subheading or a link to another story, not prose.
			d.Dropped = append(d.Dropped, d.block(s, e, "fragment"))
			continue
		}
		opening := d.Paragraphs == 0
		if opening && d.Dateline == nil {
			if dl, body := dateline(line); body > 0 {
				b := d.block(s, s+dl, "")
				d.Dateline = &b
				s += body
				line = n.Text[s:e]
			}
		}
		pos := 0
		from := 0
		for _, c := range append(residue(line, opening), cut{len(line), len(line), ""}) {
			pos = d.sentences(s+from, s+c.start, pos)
			from = max(from, c.end)
			switch {
			case c.why == "":
			case c.why == whyDateline && d.Dateline == nil:
				// A dateline after a caption or a byline is still the
				// report's dateline.
				dl, _ := dateline(line[c.start:c.end])
				if dl == 0 {
					dl = len(strings.TrimRight(line[c.start:c.end], " -"))
				}
				b := d.block(s+c.start, s+c.start+dl, "")
				d.Dateline = &b
			default:
				d.Dropped = append(d.Dropped, d.block(s+c.start, s+c.end, c.why))
			}
		}
		d.Paragraphs++
	}
	for i := range d.Sentences {
		d.Sentences[i].Tokens = Tokenize(d.Sentences[i].Norm, st)
	}
	if d.Title != nil {
		d.TitleTokens = Tokenize(d.Title.Text, st)
	}
	return d
}

// sentences splits the normalized text [s, e) of the current paragraph
// into sentences, leaving out the ones that are page chrome or residue,
// and returns pos, the count of the paragraph's sentences, updated.
func (d *Document) sentences(s, e, pos int) int {
	if e <= s {
		return pos
	}
	t := d.Norm.Text[s:e]
	for _, r := range Split(t) {
		sen := t[r[0]:r[1]]
		why := webChrome(sen)
		if why == "" {
			why = residueSentence(sen)
		}
		if why != "" {
			d.Dropped = append(d.Dropped, d.block(s+r[0], s+r[1], why))
			continue
		}
		d.Sentences = append(d.Sentences, Sentence{
			Start: d.Norm.Start(s + r[0]), End: d.Norm.End(s + r[1]),
			Norm: sen, Para: d.Paragraphs, ParaPos: pos,
			normStart: s + r[0],
		})
		pos++
	}
	return pos
}

func (d *Document) block(s, e int, why string) Block {
	return Block{Start: d.Norm.Start(s), End: d.Norm.End(e), Text: d.Norm.Text[s:e], Why: why}
}

// paragraphs returns the trimmed paragraphs of t as byte ranges. When the
// text separates paragraphs with blank lines, single line breaks inside a
// paragraph are taken for wrapping; otherwise every line is a paragraph.
func paragraphs(t string) [][2]int {
	blank := strings.Contains(t, "\n\n") || strings.Contains(t, "\n\r\n") ||
		strings.Contains(t, "\n \n")
	var out [][2]int
	start := -1
	lineStart := 0
	flush := func(end int) {
		if start >= 0 {
			out = appendTrimmed(out, t, start, end)
			start = -1
		}
	}
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] != '\n' {
			continue
		}
		line := t[lineStart:i]
		empty := strings.TrimSpace(line) == ""
		switch {
		case empty:
			flush(lineStart)
		case !blank:
			flush(lineStart)
			start = lineStart
			flush(i)
		case start < 0:
			start = lineStart
		}
		lineStart = i + 1
	}
	flush(len(t))
	return out
}

// photoCredit returns the length of a photo credit that opens line, or 0.
// Credits look like "© AP Photo/ Carolyn Kaster" or
// "© AP Photo/ Drew Angerer / GETTY IMAGES NORTH AMERICA": a copyright sign
// or a "Photo:" label, an agency, and the photographer's name.
func photoCredit(line string) int {
	if !mayBeCredit(line) {
		return 0
	}
	loc := creditRe.FindStringIndex(line)
	if loc == nil {
		return 0
	}
	i := loc[1]
	// The photographer: two capitalized words, three when one is an
	// initial ("J. Scott Applewhite") or a "/" follows the third, then any
	// "/ AGENCY IN CAPITALS" parts.
	initial := false
	for n := 0; n < 3; n++ {
		w, next := nextWord(line, i)
		if w == "" || !isTitleWord(w) {
			break
		}
		if n == 2 && !initial {
			if j := skipSpace(line, next); j >= len(line) || line[j] != '/' {
				break
			}
		}
		initial = initial || (len(w) == 2 && w[1] == '.')
		i = next
	}
	for {
		j := skipSpace(line, i)
		if j >= len(line) || line[j] != '/' {
			break
		}
		j = skipSpace(line, j+1)
		k := j
		for {
			w, next := nextWord(line, k)
			if w == "" || !isUpperWord(w) {
				break
			}
			k = next
		}
		if k == j {
			break
		}
		i = k
	}
	return i
}

// mayBeCredit is a cheap test that lets most lines skip creditRe.
func mayBeCredit(line string) bool {
	head := line[:min(len(line), 80)]
	if strings.HasPrefix(head, "©") || strings.HasPrefix(head, "(c)") || strings.HasPrefix(head, "(C)") {
		return true
	}
	low := strings.ToLower(head)
	for _, w := range []string{"photo", "image", "picture", "credit", "source", "copyright"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

var creditRe = regexp.MustCompile(`^(?:©|\(c\)|\(C\)|Copyright\b)?\s*(?:[A-Z][\w.&-]*\s+){0,3}(?:Photo|Photograph|Image|Picture|Photos)s?\s*[/:]\s*|^(?:©|\(c\)|\(C\))\s*|^(?i:photo|photograph|image|picture|credit|source)\s*:\s*`)

func nextWord(s string, i int) (string, int) {
	i = skipSpace(s, i)
	j := i
	for j < len(s) && !isSpace(s[j]) && s[j] != '/' {
		j++
	}
	return s[i:j], j
}

func isTitleWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return !isUpperWord(w) || utf8.RuneCountInString(w) == 1
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// isHeadline reports whether a first line reads as a title: short, no
// sentence end, mostly capitalized words or at least no full stop.
func isHeadline(line string) bool {
	w := countWords(line)
	if w < 2 || w > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(line))
	if last == '.' || last == ',' || last == ';' || last == '"' {
		return false
	}
	// A headline is one unit: a line holding a sentence end is prose.
	return len(Split(line)) == 1
}

// isFragment reports whether a body line is too short and unfinished to
// be prose.
func isFragment(line string) bool {
	if countWords(line) > 15 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(line))
	return !strings.ContainsRune(`.!?"':)`, last)
}

var boilerplateRe = regexp.MustCompile(`(?i)^(?:read more|read next|more from|related(?: articles?| stories| coverage)?\s*:|recommended|see also|click here|share (?:this|on|via)|subscribe|sign up|follow us|like us on|all rights reserved|advertisement|sponsored|this article (?:was|has been|is) (?:originally )?(?:published|first published|reprinted)|reprints?\b|republish|copyright\b|\(?reporting by|\(?editing by|\(?additional reporting|watch\s*:|listen\s*:|photo gallery|view gallery|get the latest|download our app|newsletter)`)

// boilerplate returns why a whole line is not article text, or "".
func boilerplate(line string) string {
	if countWords(line) > 40 {
		return ""
	}
	if boilerplateRe.MatchString(line) {
		return "prompt"
	}
	if strings.HasSuffix(strings.ToLower(strings.TrimSpace(line)), "all rights reserved.") {
		return "prompt"
	}
	return ""
}

// webChrome returns why a sentence is part of the page around an article
// rather than the article ("prompt": sign-up, sharing, video player and
// login messages; "archive notice": a web archive's description of its
// crawls, which scrapers sometimes keep instead of the article), or "".
func webChrome(sentence string) string {
	if len(sentence) > 400 || countWords(sentence) > 60 {
		return ""
	}
	low := strings.ToLower(sentence)
	for _, p := range archivePhrases {
		if strings.Contains(low, p) {
			return "archive notice"
		}
	}
	for _, p := range chromePrefixes {
		if strings.HasPrefix(low, p) {
			return "prompt"
		}
	}
	trimmed := strings.TrimRight(low, ". ")
	for _, w := range chromeWhole {
		if trimmed == w {
			return "prompt"
		}
	}
	return ""
}

// chromePrefixes open sentences that belong to the page, not the article.
var chromePrefixes = []string{
	"read more", "please try again later", "this feature is not available right now",
	"rating is available when the video has been rented", "the interactive transcript could not be loaded",
	"media playback is unsupported on your device", "media requires javascript",
	"we've detected that javascript is disabled", "would you like to proceed to legacy twitter",
	"tweet with a location", "add a location to your tweets", "you can switch location on/off",
	"you always have the option to delete your tweet location", "add this tweet to your website",
	"add this video to your website", "breaking news emails", "get breaking news alerts",
	"the news and stories that matter, delivered", "this will appear next to all of your comments",
	"please check your email", "we have sent you a verification email", "we have sent you a confirmation email",
	"if you do not receive the verification message", "invalid email address", "please re-enter",
	"notice you must log in", "already have an account", "thank you for subscribing",
	"thank you for registering", "thank you for signing up", "thank you for reading",
	"sign up for", "sign up to", "sign up thank", "sign in using", "subscribe to", "subscribe now",
	"subscribe today", "get the latest", "get daily updates", "get digital access", "get push notifications",
	"you must select a newsletter", "looking for news you can trust", "our journalism takes a lot of time",
	"if you read and enjoy our journalism", "and with a digital subscription",
	"no one covers what is happening in our community", "dow jones reprints",
	"to order presentation-ready copies", "there was a problem saving your notification",
	"email notifications are only sent once a day", "interested in? add", "sorry, the page you requested was not found",
	"sorry, this zipcode", "re-enter zip code", "skip ad", "an error has occurred", `by clicking "i agree`,
	`by clicking " i agree`, "go to the legal help page", "view all new york times newsletters",
	"photo copyright", "image copyright", "video copyright", "photo credit", "image credit", "photo courtesy",
	"image courtesy", "video courtesy",
}

// chromeWhole are whole sentences that belong to the page.
var chromeWhole = []string{
	"learn more", "close", "advertisement", "be the first to know", "just one more thing",
	"photo: getty images", "all rights reserved",
}

// archivePhrases mark a web archive's description of its crawls.
var archivePhrases = []string{
	"alexa internet has been donating their crawl data", "these crawls are part of an effort to archive pages",
	"focused crawls are collections of frequently-updated webcrawl", `crawls of supported " no more 404 " sites`,
	`crawls of supported "no more 404" sites`, "as the pages that are referenced are changed or taken from the web",
	"these data are added to the wayback machine", "the seed for this crawl", "the seed for wide0",
	"web wide crawl with", "wayback machine", "archive-it partner", "heritrix",
}

// dateline finds a dateline such as "WASHINGTON (Sputnik) - " or
// "SAN FRANCISCO, Calif. (Reuters) -" at the start of line. It returns the
// dateline's length (without the dash) and where the body starts, or 0, 0.
func dateline(line string) (int, int) {
	m := datelineRe.FindStringSubmatchIndex(line)
	if m == nil {
		return 0, 0
	}
	return m[3], m[1]
}

var datelineRe = regexp.MustCompile(`^((?:[A-Z][A-Z.'-]+ ){0,3}[A-Z][A-Z.'-]+(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?: \([^()\n]{2,40}\))?)\s*-+\s+`)

// SplitText splits a whole text into sentences with the same rules as
// Analyze, but keeps every paragraph: no title, dateline or boilerplate is
// taken out. It returns byte ranges into src. Use it for text that is known
// to be clean prose, such as a reference summary.
func SplitText(src string) [][2]int {
	n := Normalize(src)
	var out [][2]int
	for _, pr := range paragraphs(n.Text) {
		for _, r := range Split(n.Text[pr[0]:pr[1]]) {
			out = append(out, [2]int{n.Start(pr[0] + r[0]), n.End(pr[0] + r[1])})
		}
	}
	return out
}
