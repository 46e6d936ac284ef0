package text

import (
	"regexp"
	"sort"
	"strings"
)

// Wire and web residue: the words that agencies and web pages put around
// and inside an article's text and that are not the article: editors'
// notes, bylines, datelines, photo captions and credits, agency tags and
// time stamps. Each is recognized by its form, never by its words alone,
// and is cut out of the text with a reason.

// Reasons for dropped residue.
const (
	whyNote      = "editorial note" // (OPTIONAL TRIM ...), 2nd graf pvs, Eds:, (Corrects ...)
	whyByline    = "byline"         // By JOHN SMITH, By Jane Roe, Associated Press Writer
	whyDateline  = "dateline"       // CITY, State (AP) - after the first one
	whyCaption   = "photo caption"  // a caption that ends with its credit (AP Photo/Name)
	whyCredit    = "photo credit"   // Photo by Jane Roe/Getty Images, where a sentence starts
	whyAgency    = "agency tag"     // (CNN) - with no place before it
	whyTimestamp = "timestamp"      // Posted: Friday, May 1, 2015 7:19 pm EDT
	whySeparator = "separator"      // ___
	whyPrompt    = "prompt"
)

// A cut is a piece of a paragraph left out of its sentences, as byte
// offsets into the paragraph.
type cut struct {
	start, end int
	why        string
}

// agencies are the news agencies and networks whose name, in brackets,
// tags a dateline; a local station's call sign (WSVN) does too.
const agencies = `ap|reuters|afp|upi|cnn|ansa|dpa|efe|xinhua|yonhap|kyodo|sputnik|bloomberg|ians|pti|tass|itar-tass|interfax|nyt|bbc|[kw][a-z]{2,3}(?:-tv)?`

var (
	// noteRe finds editors' notes: trim marks, corrections, update notes,
	// "more" marks, and notes addressed to editors.
	noteRe = regexp.MustCompile(`(?i)\(\s*(?:(?:end\s+)?optional\s+trim\b[^()]{0,60}|more|(?:corrects?|correcting|recasts?|adds|attn|eds?|editors?)\b[^()]{0,200}|(?:updates?|repeats?)\s+(?:with|to|for|story|throughout|from)\b[^()]{0,200})\s*\)`)
	// pickupRe is the end of a story cut short by an editor's pickup
	// mark: the first words of the paragraph to pick up, then "2nd graf
	// pvs" (the second paragraph of the previous version).
	pickupRe = regexp.MustCompile(`(?i)(?:^|\s)(?:pick ?up\s+)?\d+(?:st|nd|rd|th)\s+(?:graf|grafs|para|paragraph)?\s*(?:pvs|prv|prev|previous)\.?$`)
	// noteSentenceRe opens a sentence that is an editors' note or a
	// source note.
	noteSentenceRe = regexp.MustCompile(`(?i)^(?:eds?\s*:|editor'?s'?\s+note\b|editors'\s+note\b|information\s+from\s*:|(?:associated\s+press|ap)\s+(?:writers?|reporters?|correspondents?)\s+[a-z]|(?:optional\s+)?trim\b|(?:end\s+)?optional\s+trim\b)`)
	// contributedRe ends a note crediting other reporters.
	contributedRe = regexp.MustCompile(`(?i)\bcontributed (?:to )?this (?:report|story|article)\.?$`)
	// creditRe finds a photo credit inside a paragraph.
	inlineCreditRe = regexp.MustCompile(`(?i)\(\s*(?:(?:ap|afp|epa|reuters|upi|getty|(?:the )?associated press)\s*(?:photo|images?|pool)\s*(?:/|:|by)[^()]{0,80}|photo\s*(?::|by|/)[^()]{0,80})\)(?:\s*\(\s*associated press\s*\))?|\(\s*associated press\s*\)`)
	// photoCreditRe is a photographer's credit where a sentence starts: a
	// name, a slash and a photo agency or the paper that employs the
	// photographer ("Photo by Jane Roe/Getty Images The shop ..."). The
	// agency list makes it a credit, not prose. A credit in brackets inside
	// a sentence stays: cutting it would cut the sentence in two, and the
	// brackets already make it an aside.
	photoCreditRe = regexp.MustCompile(`(?i)(?:^|[.!?"')]\s+)((?:photo(?:graph)?\s+(?:by|courtesy\s+of)\s+|image\s+copyright\s+)?(?:[a-z][\w.'-]*\s+){0,2}[a-z][\w.'-]*\s?/\s?(?:getty\s+images|getty|ap\s+photo|ap|afp|reuters|epa(?:-efe)?|invision|associated\s+press|bloomberg|filmmagic|wireimage|shutterstock|pool|the\s+washington\s+post|the\s+new\s+york\s+times))\b`)
	// separatorRe is a row of underscores or equals signs.
	separatorRe = regexp.MustCompile(`_{3,}|={3,}`)
	// timestampRe is a page's or a wire slug's time stamp.
	// A page's date may stand before it: "29 September 2011 Last updated
	// at 17:57 GMT".
	timestampRe = regexp.MustCompile(`(?i)(?:\b\d{1,2}\s+` + month + `[a-z]*\s+\d{4}\s+)?\b(?:(?:page\s+)?last\s+updated|posted|updated|published|first\s+published)(?:\s+(?:at|on))?\s*:?\s*` + dateTime + `(?:\s+` + dateTime + `)*`)
	// wireTimeRe is a wire slug's date and time (2016/02/10 17:13).
	wireTimeRe = regexp.MustCompile(`(?:^|\s)\d{4}/\d\d/\d\d\s+\d\d\s?:\s?\d\d\b`)
	// midDatelineRe finds a dateline inside a paragraph, after a sentence
	// end or a closing bracket: a place in capitals with a tag in
	// brackets, or any place with an agency's tag.
	midDatelineRe = regexp.MustCompile(`(?:^|[.!?"')]\s+)((?:[A-Z][A-Z.'-]+ ){0,3}[A-Z][A-Z.'-]+(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)? \([^()\n]{2,40}\)|(?i:[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}(?:, [a-z][\w.'-]*(?: [a-z][\w.'-]*)?)? \(\s*(?:` + agencies + `)\s*\)))\s*-+\s+`)
	// agencyRe is an agency's tag with no place before it.
	agencyRe = regexp.MustCompile(`(?i)^\(\s*(?:` + agencies + `)\s*\)\s*-*\s*`)
	// bylineRe opens a text with a byline.
	bylineRe = regexp.MustCompile(`^(?:By (?:[A-Z][A-Z.'-]+ ){0,3}[A-Z][A-Z.'-]+\b(?i:,? (?:associated press|ap|reuters|the [a-z]+ press)[ a-z]{0,20}?(?:writers?|correspondents?|reporters?|staff))?|(?i:by the [a-z]+ wire staff|by (?:[a-z][\w.'-]*\s){1,3}(?:and (?:[a-z][\w.'-]*\s){1,3})?[\w.'-]*(?:,|\sfor|\s-)\s(?:special to\s)?(?:the\s)?(?:cnn|ap|reuters|afp|associated press|bloomberg|[a-z]+\s(?:press|times|post|news))(?:\s(?:writers?|staff|correspondents?|reporters?|contributors?|[a-z-]+\s?editor|editor|belief blog co-editor))?|c\.\s?\d{4}\s+(?:[a-z][\w.]*\s){1,4}(?:news\s)?service))\b`)
	// advertRe is a web page's advertisement label inside the text.
	advertRe = regexp.MustCompile(`(?:^|[.!?"]\s+)(Advertisement(?: [Cc]ontinue reading the main story)?|[Cc]ontinue reading the main story)\s`)
	// initialsRe are a reporter's initials that sign off a story: (djp).
	initialsRe = regexp.MustCompile(`[.!?"]\s+(\(\s*[a-z]{2,4}\s*\))\s*$`)
)

// month is the first letters of a month's name.
const month = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)`

// dateTime is a date with a time of day, or a time of day alone.
const dateTime = `(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:` + month + `[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+` + month + `[a-z]*,?\s+\d{4}|\d{4}[/-]\d\d[/-]\d\d|\d{1,2}/\d{1,2}/\d{2,4}),?\s*(?:at\s+)?-?\s*)?\d{1,2}\s?:\s?\d\d(?:\s?:\s?\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s+(?:[ecmp][sd]t|gmt|utc|bst|cet|uk|et)\b)?(?:\s*(?:gmt|utc)?[+-]\d\d\s?:\s?\d\d)?,?`

// bracketedStamp widens a time stamp at line[s:e] to the brackets around
// it, with a local time in brackets after it: a live page's "(Updated 2:56
// p.m. (2156 in Egypt))" goes whole, not leaving "(" and "(2156 in
// Egypt))" behind. Without a bracket on both sides it returns s and e.
func bracketedStamp(line string, s, e int) (int, int) {
	i := s
	for i > 0 && line[i-1] == ' ' {
		i--
	}
	if i == 0 || line[i-1] != '(' {
		return s, e
	}
	open := i - 1
	j := e
	for j < len(line) && line[j] == ' ' {
		j++
	}
	if j < len(line) && line[j] == '(' {
		k := strings.IndexAny(line[j+1:], "()")
		if k < 0 || k > 40 || line[j+1+k] != ')' {
			return s, e
		}
		j += k + 2
		for j < len(line) && line[j] == ' ' {
			j++
		}
	}
	if j >= len(line) || line[j] != ')' {
		return s, e
	}
	return open, j + 1
}

// stampLink widens a time stamp ending at e over the link a web page sets
// after it ("Last updated at 17:57 GMT Help One of ..."): the word "Help"
// followed by a sentence that starts with a capital. It returns the new end.
func stampLink(line string, e int) int {
	rest := line[e:]
	trimmed := strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(trimmed, "Help ") {
		return e
	}
	after := strings.TrimLeft(trimmed[len("Help "):], " ")
	if after == "" || after[0] < 'A' || after[0] > 'Z' {
		return e
	}
	return e + (len(rest) - len(trimmed)) + len("Help")
}

// residue returns the pieces of a body paragraph that are wire or web
// residue, in order and not overlapping. first reports whether line opens
// the text (a byline may stand there).
func residue(line string, first bool) []cut {
	var cs []cut
	at := 0 // where the body starts, after a byline
	if first {
		if m := bylineRe.FindStringIndex(line); m != nil {
			at = m[1]
		} else {
			at = bylineBeforeDateline(line)
		}
		if at > 0 {
			cs = append(cs, cut{0, at, whyByline})
		}
	}
	at = skipSpace(line, at)
	for _, c := range bodyResidue(line[at:]) {
		cs = append(cs, cut{at + c.start, at + c.end, c.why})
	}
	return cs
}

// bodyResidue returns the residue of line, in order and not overlapping.
func bodyResidue(line string) []cut {
	var cs []cut
	add := func(s, e int, why string) {
		if e > s {
			cs = append(cs, cut{s, e, why})
		}
	}
	// Each pattern runs only on a paragraph holding the bytes it needs.
	paren := strings.IndexByte(line, '(') >= 0
	if paren {
		for _, m := range noteRe.FindAllStringIndex(line, -1) {
			add(m[0], m[1], whyNote)
		}
	}
	if strings.Contains(line, "___") || strings.Contains(line, "===") {
		for _, m := range separatorRe.FindAllStringIndex(line, -1) {
			add(m[0], m[1], whySeparator)
		}
	}
	if strings.Contains(line, "pdated") || strings.Contains(line, "osted") || strings.Contains(line, "ublished") ||
		strings.Contains(line, "PDATED") || strings.Contains(line, "OSTED") || strings.Contains(line, "UBLISHED") {
		for _, m := range timestampRe.FindAllStringIndex(line, -1) {
			s, e := bracketedStamp(line, m[0], m[1])
			add(s, stampLink(line, e), whyTimestamp)
		}
	}
	if strings.IndexByte(line, '/') >= 0 {
		for _, m := range wireTimeRe.FindAllStringIndex(line, -1) {
			add(m[0], m[1], whyTimestamp)
		}
		for _, m := range photoCreditRe.FindAllStringSubmatchIndex(line, -1) {
			add(m[2], m[3], whyCredit)
		}
	}
	if strings.Contains(line, "dvertisement") || strings.Contains(line, "ontinue reading") {
		for _, m := range advertRe.FindAllStringSubmatchIndex(line, -1) {
			add(m[2], m[3], whyPrompt)
		}
	}
	if strings.HasSuffix(line, ")") {
		if m := initialsRe.FindStringSubmatchIndex(line); m != nil {
			add(m[2], m[3], whyNote)
		}
	}
	if paren && (strings.Contains(line, ") -") || strings.Contains(line, ")-")) {
		lowered := -1 // whether line is lower-cased text, when known
		for _, m := range midDatelineRe.FindAllStringSubmatchIndex(line, -1) {
			start := m[2]
			if tag := strings.LastIndexByte(line[m[2]:m[3]], '('); tag > 0 && !titled(line[m[2]:m[2]+tag]) {
				// Words in lower case before an agency's tag are a
				// place only in text that was lower-cased; elsewhere
				// they end a sentence of their own and only the tag is
				// residue.
				if lowered < 0 {
					lowered = 0
					if isLowered(line) {
						lowered = 1
					}
				}
				if lowered == 0 {
					start += tag
				}
			}
			add(start, m[1], whyDateline)
		}
	}
	if strings.HasPrefix(line, "(") {
		if m := agencyRe.FindStringIndex(line); m != nil {
			add(m[0], m[1], whyAgency)
		}
	}
	if !paren || !(strings.Contains(line, "hoto") || strings.Contains(line, "HOTO") || strings.Contains(line, "ssociated")) {
		return tidy(cs)
	}
	if credits := inlineCreditRe.FindAllStringIndex(line, -1); credits != nil {
		// A credit inside a sentence closes a caption that the sentence
		// opens: the caption goes with it.
		sents := Split(line)
		for _, m := range credits {
			s := m[0]
			for k, r := range sents {
				if r[0] <= m[0] && m[0] < r[1] {
					if r[0] == m[0] && k > 0 {
						// The credit opens a sentence: the caption is
						// the sentence before it.
						r = sents[k-1]
					}
					if r[0] < s && countWords(line[r[0]:s]) <= 60 {
						s = r[0]
					}
					break
				}
			}
			add(s, m[1], whyCaption)
		}
	}
	return tidy(cs)
}

// titled reports whether every word of a place name opens with a capital
// letter, save short joining words ("Bosnia and Herzegovina").
func titled(place string) bool {
	for _, w := range strings.Fields(place) {
		switch w {
		case "and", "of", "de", "la", "el", "al", "du", "upon", "on":
			continue
		}
		if !isTitleWord(w) && !isUpperWord(w) {
			return false
		}
	}
	return true
}

// isLowered reports whether line reads as text that was lower-cased
// (then given capitals at sentence starts): hardly any word inside a
// sentence opens with a capital.
func isLowered(line string) bool {
	words, caps := 0, 0
	prev := "."
	for _, w := range strings.Fields(line) {
		end := prev[len(prev)-1]
		if end != '.' && end != '!' && end != '?' && end != '"' && end != ':' {
			words++
			if c := w[0]; c >= 'A' && c <= 'Z' {
				caps++
			}
		}
		prev = w
	}
	return words >= 20 && caps*50 < words
}

// bylineBeforeDateline returns the end of a byline ("By Jane Roe", "By
// Jane Roe and John Doe") that a dateline follows, or 0.
func bylineBeforeDateline(line string) int {
	if len(line) < 4 || !strings.EqualFold(line[:3], "by ") {
		return 0
	}
	var ends []int
	var words []string
	for i := 3; len(words) < 7; {
		w, next := nextWord(line, i)
		if w == "" {
			break
		}
		words = append(words, strings.ToLower(w))
		ends = append(ends, next)
		i = next
	}
	// A name has two words at least, and so has the one after "and".
	for k := 2; k < len(words); k++ {
		if words[k-1] == "and" || words[k-2] == "and" || words[k] == "and" {
			continue
		}
		j := skipSpace(line, ends[k-1])
		if m := midDatelineRe.FindStringSubmatchIndex(line[j:]); m != nil && m[2] == 0 {
			return ends[k-1]
		}
	}
	return 0
}

// tidy sorts cuts and merges the ones that overlap.
func tidy(cs []cut) []cut {
	if len(cs) < 2 {
		return cs
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	out := cs[:1]
	for _, c := range cs[1:] {
		last := &out[len(out)-1]
		if c.start < last.end {
			last.end = max(last.end, c.end)
			continue
		}
		out = append(out, c)
	}
	return out
}

// residueSentence returns why a whole sentence is residue, or "".
func residueSentence(s string) string {
	if len(s) > 600 || countWords(s) > 60 {
		return ""
	}
	last := strings.ToLower(strings.TrimRight(s[strings.LastIndexByte(s, ' ')+1:], "."))
	switch {
	case (last == "pvs" || last == "prv" || last == "prev" || last == "previous") && pickupRe.MatchString(s),
		strings.IndexByte("eEiIaAoOtT", s[0]) >= 0 && noteSentenceRe.MatchString(s):
		return whyNote
	case strings.Contains(s, "ontributed") && contributedRe.MatchString(s) && !strings.Contains(s, `"`):
		// (A quotation before the credit is a sentence the splitter
		// could not part from it: kept.)
		return whyNote
	}
	switch strings.Trim(s, "()-. ") {
	case "MORE", "more", "END", "ENDIT", "ENDS":
		return whyNote
	}
	return ""
}
