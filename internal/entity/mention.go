package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Gender is what a title or a first name tells of a person's sex.
type Gender uint8

// The genders a mention can show.
const (
	Unknown Gender = iota
	Male
	Female
)

// String returns "male", "female" or "unknown".
func (g Gender) String() string {
	switch g {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "unknown"
}

// A Mention is one occurrence of what reads as a person's name in a
// document, with the title or role written before it kept apart.
type Mention struct {
	// Sent is the index of the sentence in the document's Sentences.
	Sent int
	// Tok and EndTok delimit the name's tokens in the sentence's Tokens,
	// [Tok, EndTok); TitleTok is the first token of the title, or Tok when
	// there is none.
	Tok, EndTok, TitleTok int
	// Start and End are the name's byte offsets in the source text,
	// without the title and without a possessive "'s".
	Start, End int
	// NormStart and NormEnd are the name's offsets in the document's
	// normalized text.
	NormStart, NormEnd int
	// Name is the name as written, normalized: "Michael Flynn", "Flynn".
	Name string
	// First is the first name, or "" when the name is a single word;
	// Middle holds any middle names and initials; Last is the family name;
	// Suffix is "Jr", "III" and the like.
	First, Middle, Last, Suffix string
	// Title is the honorific, title or role written just before the name,
	// as written: "Mr", "Gen.", "President", "former US national security
	// adviser". It is "" when there is none.
	Title string
	// Possessive reports a "'s" (or a bare apostrophe) after the name.
	Possessive bool
	// Initial reports that the name opens its sentence or a quotation,
	// where any word is capitalized, so capitals alone do not make it a
	// name.
	Initial bool
	// Speaks reports that a verb of speech follows the name ("Flynn
	// said", "Flynn has said") or introduces it ("said Flynn,",
	// "according to Flynn").
	Speaks bool
	// Gender is what the title or the first name tells.
	Gender Gender
}

// IsPersonLike reports whether the mention's context shows it names a
// person rather than a place or an organisation: a title or role precedes
// it, or a verb of speech goes with it.
func (m *Mention) IsPersonLike() bool { return m.Title != "" || m.Speaks }

// Weak reports whether capitals are the only sign that the mention is a
// name: a single word without a title that opens its sentence.
func (m *Mention) Weak() bool {
	return m.Initial && m.First == "" && m.Title == "" && !m.Speaks
}

// maxRun caps the number of tokens of one capitalized run.
const maxRun = 10

// Find returns the person-name mentions of d's sentences, in text order.
func Find(d *text.Document) []Mention {
	out := make([]Mention, 0, 2*len(d.Sentences))
	for si := range d.Sentences {
		out = findIn(d, si, out)
	}
	return out
}

// tinfo is what findIn knows of one token of a run.
type tinfo struct {
	c       class
	acronym bool // all capitals: "FBI", "U.S."
	initial bool // a single capital letter or dotted initials
	title   bool // a title word used as a title
	bad     bool // cannot be part of a person's name
}

func findIn(d *text.Document, si int, out []Mention) []Mention {
	s := &d.Sentences[si]
	toks := s.Tokens
	norm := s.Norm
	var info [maxRun]tinfo
	for i := 0; i < len(toks); {
		if !toks[i].Cap || toks[i].Number || toks[i].Stop && !nameStop(toks, i) {
			i++
			continue
		}
		// The run: capitalized words joined by spaces, initials' and
		// titles' periods, hyphens and name particles.
		j := i + 1
		for j < len(toks) && j-i < maxRun {
			prev, next := &toks[j-1], &toks[j]
			if possessive(norm, prev) {
				break
			}
			gap := norm[prev.End:next.Start]
			if next.Cap && (!next.Stop || nameStop(toks, j)) && !next.Number && joins(gap, norm[prev.Start:prev.End], prev.Lower) {
				j++
				continue
			}
			if !next.Cap && gap == " " && isParticle(next.Lower) && j+1 < len(toks) &&
				toks[j+1].Cap && norm[next.End:toks[j+1].Start] == " " && j+1-i < maxRun {
				j += 2
				continue
			}
			break
		}
		if !partyTag(norm, toks, i) {
			out = takeRun(d, si, i, j, info[:j-i], out)
		}
		i = j
	}
	return out
}

// nameStop reports whether the capitalized function word toks[i] can be
// part of a name: "May" after a first name, "Will" before a family name.
func nameStop(toks []text.Token, i int) bool {
	c := lookup(toks[i].Lower)
	if c&(cMonth|cMale|cFemale|cFirst) == 0 {
		return false
	}
	if i > 0 && toks[i-1].Cap && isFirstName(lookup(toks[i-1].Lower)) {
		return true
	}
	return c&(cMale|cFemale|cFirst) != 0 && i+1 < len(toks) && toks[i+1].Cap && !toks[i+1].Stop
}

// isParticle reports whether w is a lower-case particle inside a name.
func isParticle(w string) bool {
	switch w {
	case "de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "la", "le",
		"van", "von", "ter", "ten", "bin", "ibn", "al", "el":
		return true
	}
	return false
}

// joins reports whether the gap between two capitalized words keeps them in
// one name.
func joins(gap, prevText, prevLower string) bool {
	switch {
	case gap == " " || gap == "  ":
		return true
	case gap == "-":
		return lookup(prevLower)&notName == 0
	case gap == ". " || gap == ".":
		return isInitialWord(prevText) || lookup(prevLower)&cAbbrev != 0
	}
	return false
}

func possessive(norm string, t *text.Token) bool {
	w := norm[t.Start:t.End]
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
		return true
	}
	return t.End < len(norm) && norm[t.End] == '\'' && strings.HasSuffix(w, "s") &&
		(t.End+1 == len(norm) || !isLetterAt(norm, t.End+1))
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// isInitialWord reports whether w, as written, is an initial: "W" or "J.R.".
func isInitialWord(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	return isInitial(w) && strings.ToUpper(w) == w
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// takeRun reads the capitalized run toks[i:j] of sentence si and appends the
// person's name it holds, if any.
func takeRun(d *text.Document, si, i, j int, info []tinfo, out []Mention) []Mention {
	s := &d.Sentences[si]
	toks := s.Tokens
	norm := s.Norm
	n := j - i
	for k := range n {
		t := &toks[i+k]
		w := strings.TrimSuffix(norm[t.Start:t.End], "'s")
		in := tinfo{c: lookup(t.Lower)}
		in.initial = isInitialWord(strings.TrimSuffix(w, "."))
		in.acronym = !in.initial && isAcronym(w)
		in.title = in.c&cTitle != 0 && t.Cap
		in.bad = in.acronym || in.c&notName != 0 || !t.Cap && in.c&cParticle == 0 || notSurname[t.Lower] || placeHeads[t.Lower]
		if k == 0 && opensClause(s, i) && n > 1 && !isFirstName(in.c) && strings.HasSuffix(t.Lower, "ly") {
			in.bad = true
		}
		info[k] = in
	}
	// Exceptions: a first name followed by more of the name is a name even
	// when it is also a place ("Jordan"); a month, day or place that ends a
	// run after a first name is a family name ("Theresa May").
	for k := range n {
		in := &info[k]
		if !in.bad || in.acronym {
			continue
		}
		if isFirstName(in.c) && k+1 < n && !info[k+1].bad && !info[k+1].title {
			in.bad = false
		}
		if k == n-1 && k > 0 && isFirstName(info[k-1].c) && in.c&(cMonth|cDay|cPlace) != 0 {
			in.bad = false
		}
	}
	// A title word ends the title part unless it is the last word after a
	// name ("John Major").
	split := -1
	for k := range n {
		in := &info[k]
		switch {
		case in.bad:
			split = k
		case in.title && k < n-1:
			split = k
		case in.title && k == n-1 && (k == 0 || split == k-1):
			split = k
		}
	}
	ns := split + 1 // first name token, in run coordinates
	if ns >= n {
		return out
	}
	// The name proper: at least one word that is not an initial, a
	// particle or a suffix; a place prefix opening it makes a place.
	core := 0
	for k := ns; k < n; k++ {
		if !info[k].initial && info[k].c&(cParticle|cSuffix) == 0 {
			core++
		}
	}
	if core == 0 || info[ns].c&cPlacePrefix != 0 && ns+1 < n || info[ns].c&cParticle != 0 {
		return out
	}
	if split >= 0 && !info[split].title {
		// Only a modifier precedes: keep the name when it reads as a full
		// name with a known first name ("US Sergei Kislyak").
		if core < 2 || !isFirstName(info[ns].c) {
			return out
		}
	}
	if n-ns >= 2 {
		var buf [64]byte
		low := buf[:0]
		for k := ns; k < n; k++ {
			if k > ns {
				low = append(low, ' ')
			}
			low = append(low, toks[i+k].Lower...)
		}
		if places[string(low)] {
			return out
		}
	}

	m := Mention{Sent: si, Tok: i + ns, EndTok: j}
	last := &toks[j-1]
	m.Possessive = possessive(norm, last)
	ne := last.End
	if lw := norm[last.Start:last.End]; m.Possessive && (strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "'S")) {
		ne -= 2
	}
	nb := toks[m.Tok].Start
	m.Name = norm[nb:ne]
	m.NormStart = s.NormStart() + nb
	m.NormEnd = s.NormStart() + ne
	m.Start = d.Norm.Start(m.NormStart)
	m.End = d.Norm.End(m.NormEnd)

	// Parts of the name: tokens [m.Tok, end) without the suffix.
	word := func(t int) string {
		w := norm[toks[t].Start:toks[t].End]
		if t == j-1 && m.Possessive {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'S")
		}
		if info[t-i].initial && toks[t].End < len(norm) && norm[toks[t].End] == '.' && !strings.HasSuffix(w, ".") {
			w = norm[toks[t].Start : toks[t].End+1]
		}
		return w
	}
	// span returns the text of the name parts [a, b), as written.
	span := func(a, b int) string {
		w := word(b - 1)
		start := toks[a].Start
		return norm[start : toks[b-1].Start+len(w)]
	}
	end := j
	for end > m.Tok+1 && info[end-1-i].c&cSuffix != 0 {
		end--
	}
	if end < j {
		m.Suffix = span(end, j)
	}
	m.Last = word(end - 1)
	if end-m.Tok >= 2 {
		m.First = word(m.Tok)
		if end-m.Tok > 2 {
			m.Middle = span(m.Tok+1, end-1)
		}
	}
	m.Initial = opensClause(s, m.Tok)

	// The title: the title part of the run, then any role phrase before it.
	m.TitleTok = m.Tok
	if split >= 0 {
		m.TitleTok = i
	}
	hasRole := split >= 0 && info[split].title
	for p := m.TitleTok - 1; p >= 0 && m.Tok-p <= 8; p-- {
		t := &toks[p]
		gap := norm[t.End:toks[p+1].Start]
		if gap != " " && !(gap == ". " && lookup(t.Lower)&cAbbrev != 0) ||
			possessive(norm, t) || t.Number {
			break
		}
		c := lookup(t.Lower)
		role := c&cRole != 0 || c&cTitle != 0 && t.Cap // "miss Steve" is no title
		if !role && c&cMod == 0 && !(t.Cap && !t.Stop) {
			break
		}
		if !role && !hasRole && m.TitleTok == m.Tok {
			break // the word next to the name must be a title or a role
		}
		hasRole = hasRole || role
		m.TitleTok = p
	}
	// Trim words that cannot open a title ("of", "for").
	for m.TitleTok < m.Tok && (toks[m.TitleTok].Lower == "of" || toks[m.TitleTok].Lower == "for") {
		m.TitleTok++
	}
	if m.TitleTok < m.Tok && hasRole {
		m.Title = strings.TrimSpace(norm[toks[m.TitleTok].Start:nb])
		for t := m.TitleTok; t < m.Tok; t++ {
			c := lookup(toks[t].Lower)
			switch {
			case c&cMaleTitle != 0:
				m.Gender = Male
			case c&cFemaleTitle != 0:
				m.Gender = Female
			}
		}
	} else {
		m.TitleTok = m.Tok
	}
	if m.Gender == Unknown && (m.First != "" || m.Suffix == "" && isFirstName(info[m.Tok-i].c)) {
		// The first name, or a first name written alone ("Melania").
		c := info[m.Tok-i].c
		switch {
		case c&cMale != 0 && c&cFemale == 0:
			m.Gender = Male
		case c&cFemale != 0 && c&cMale == 0:
			m.Gender = Female
		}
	}
	// "A protester in Alexandria says": a name after "in" or "at" is
	// where the speaker is, not who speaks.
	m.Speaks = speaks(s, m.TitleTok, j, m.Possessive) &&
		!(m.TitleTok > 0 && (toks[m.TitleTok-1].Lower == "in" || toks[m.TitleTok-1].Lower == "at"))
	return append(out, m)
}

// notSurname are nouns that end names of things, never a person's name:
// "Weather Channel", "Operation Rescue", "Iron Curtain".
var notSurname = map[string]bool{"channel": true, "memorandum": true, "curtain": true,
	"development": true, "billiards": true, "operation": true, "students": true}

// partyTag reports whether the run that opens at toks[i] is a
// legislator's party and state, as American news writes them after a
// name: "R-Fla", "D-N.Y.".
func partyTag(norm string, toks []text.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	w := norm[toks[i].Start:toks[i].End]
	return (w == "R" || w == "D" || w == "I") && norm[toks[i].End:toks[i+1].Start] == "-" && toks[i+1].Cap
}

func isFirstName(c class) bool { return c&(cMale|cFemale|cFirst) != 0 }

// opensClause reports whether token t of s opens the sentence or a
// quotation, a bracket or a clause after a colon, where capitals are
// grammatical.
func opensClause(s *text.Sentence, t int) bool {
	if t == 0 {
		return true
	}
	gap := s.Norm[s.Tokens[t-1].End:s.Tokens[t].Start]
	if strings.Contains(gap, ":") {
		return true
	}
	gap = strings.TrimRight(gap, "'")
	return strings.HasSuffix(gap, "\"") || strings.HasSuffix(gap, "(") || strings.HasSuffix(gap, "[")
}

// adverbs may stand between a name and its verb of speech.
var adverbs = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "then": true,
	"previously": true, "earlier": true, "once": true, "again": true, "repeatedly": true,
	"reportedly": true, "just": true, "recently": true, "subsequently": true,
	"publicly": true, "privately": true, "initially": true, "first": true, "himself": true,
	"herself": true,
}

// invertible are the verbs of speech news writing puts before their
// subject ("said Flynn"); after "told" or "asked" a name is the listener.
var invertible = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "wrote": true, "writes": true,
	"explained": true, "noted": true, "continued": true, "recalled": true, "replied": true,
	"responded": true, "insisted": true, "argued": true, "warned": true, "claimed": true,
	"declared": true, "stated": true, "tweeted": true, "posted": true, "quipped": true,
	"joked": true, "observed": true, "remarked": true, "countered": true, "conceded": true,
	"acknowledged": true, "admitted": true, "cautioned": true, "answered": true,
}

// speaks reports whether a verb of speech goes with the name that spans
// tokens [from, to) of s, title included.
func speaks(s *text.Sentence, from, to int, poss bool) bool {
	toks := s.Tokens
	if !poss {
		for k, skipped := to, 0; k < len(toks) && skipped <= 2; k++ {
			gap := s.Norm[toks[k-1].End:toks[k].Start]
			if strings.TrimSpace(gap) != "" {
				break
			}
			if IsSpeechVerb(toks[k].Lower) {
				return true
			}
			if !adverbs[toks[k].Lower] {
				break
			}
			skipped++
		}
	}
	if from >= 2 && toks[from-2].Lower == "according" && toks[from-1].Lower == "to" {
		return true
	}
	if from >= 1 && invertible[toks[from-1].Lower] && strings.TrimSpace(s.Norm[toks[from-1].End:toks[from].Start]) == "" {
		rest := strings.TrimLeft(s.Norm[toks[to-1].End:], "'s")
		return rest == "" || strings.ContainsAny(rest[:1], ",.;")
	}
	return false
}
