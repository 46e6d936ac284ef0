package entity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// Kind is what a name names.
type Kind uint8

// The kinds of names.
const (
	KindUnknown Kind = iota
	KindPerson
	KindOrganization
	KindPlace
)

// String returns "person", "organization", "place" or "".
func (k Kind) String() string {
	switch k {
	case KindPerson:
		return "person"
	case KindOrganization:
		return "organization"
	case KindPlace:
		return "place"
	}
	return ""
}

// A Name is one mention of an organization or a place.
type Name struct {
	// Sent is the index of the sentence in the document's Sentences.
	Sent int
	// Start and End are the name's byte offsets in the source text,
	// without a leading "the" and a possessive "'s".
	Start, End int
	// Text is the name as written, normalized: "Senate Intelligence
	// Committee", "FBI", "Russia".
	Text string
	// Kind is KindOrganization or KindPlace.
	Kind Kind
	// Acronym reports a name written in capitals ("FBI", "U.S.").
	Acronym bool
}

// placeAcronyms are acronyms that name places, not organizations.
var placeAcronyms = map[string]bool{"us": true, "u.s.": true, "u.s": true, "usa": true, "u.s.a.": true,
	"uk": true, "u.k.": true, "uae": true, "drc": true, "dc": true, "d.c.": true}

// placeHeads are organisation-class words that end a place's name:
// "Wall Street", "Cook County".
var placeHeads = map[string]bool{"street": true, "avenue": true, "road": true, "square": true,
	"island": true, "islands": true, "river": true, "lake": true, "sea": true, "ocean": true,
	"mountains": true, "valley": true, "bay": true, "coast": true, "beach": true, "desert": true,
	"county": true, "city": true, "province": true, "region": true, "district": true,
	"territory": true, "strait": true, "canal": true, "park": true, "republic": true,
	"kingdom": true, "mount": true, "gulf": true, "peninsula": true, "lakes": true,
	"plantation": true}

// placeOpeners are words that open a place's name: "Lake Kivu", "Mount
// Kenya".
var placeOpeners = map[string]bool{"lake": true, "mount": true, "gulf": true, "bay": true,
	"isle": true, "cape": true}

// generic are organisation words that name no one organisation alone.
var generic = map[string]bool{"house": true, "party": true, "group": true, "company": true,
	"office": true, "service": true, "services": true, "news": true, "times": true,
	"post": true, "court": true, "center": true, "centre": true, "fund": true, "board": true,
	"games": true, "cup": true, "act": true, "program": true, "programme": true, "project": true,
	"media": true, "capital": true, "energy": true, "club": true, "records": true, "street": true,
	"press": true, "daily": true, "review": true, "network": true, "church": true, "union": true,
	"league": true, "forces": true, "force": true, "guard": true, "army": true, "navy": true,
	"police": true, "campaign": true, "summit": true, "panel": true, "city": true, "county": true,
	"states": true, "nations": true, "god": true, "allah": true}

// Names returns the organization and place names of d's sentences, in text
// order, leaving out the words of the person-name mentions ms (as Find
// returns them) that show a person: a first name, a title or a verb of
// speech.
//
// A name is a run of capitalized words (joined by "of", "for", "on", "and"
// or "&" when a capitalized word follows, and continued by lower-case
// organisation words: "Senate intelligence committee"), without a leading
// "The" or another word that is capitalized only because it opens the
// sentence, and without trailing titles ("Committee Chairman"). It is an
// organization when it holds an organisation word ("Committee",
// "Department") or is an acronym ("FBI"), a place when it is a known place
// ("Russia", "New York") or ends in a place word ("Wall Street"); other
// runs are left out.
func Names(d *text.Document, ms []Mention) []Name {
	var out []Name
	si := 0
	for i := range d.Sentences {
		// The person mentions of this sentence, as token ranges.
		for si < len(ms) && ms[si].Sent < i {
			si++
		}
		var person [][2]int
		for k := si; k < len(ms) && ms[k].Sent == i; k++ {
			if m := &ms[k]; m.First != "" || m.IsPersonLike() {
				person = append(person, [2]int{m.Tok, m.EndTok})
			}
		}
		out = namesIn(d, i, person, out)
	}
	return out
}

func inPerson(person [][2]int, t int) bool {
	for _, p := range person {
		if t >= p[0] && t < p[1] {
			return true
		}
	}
	return false
}

func namesIn(d *text.Document, si int, person [][2]int, out []Name) []Name {
	s := &d.Sentences[si]
	toks := s.Tokens
	norm := s.Norm
	for i := 0; i < len(toks); {
		t := &toks[i]
		if !t.Cap || t.Number || inPerson(person, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && j-i < 12 && !possessive(norm, &toks[j-1]) {
			prev, next := &toks[j-1], &toks[j]
			gap := norm[prev.End:next.Start]
			if inPerson(person, j) {
				break
			}
			if next.Cap && !next.Number && (gap == " " || gap == "-" || gap == " & " || gap == ". " && isInitialWord(norm[prev.Start:prev.End])) {
				j++
				continue
			}
			if gap == " " && !next.Cap && (next.Lower == "of" || next.Lower == "for" || next.Lower == "on") &&
				j+1 < len(toks) && toks[j+1].Cap && !toks[j+1].Number && norm[next.End:toks[j+1].Start] == " " && !inPerson(person, j+1) &&
				lookup(toks[j+1].Lower)&cTitle == 0 {
				j += 2
				continue
			}
			// Lower-case organisation words after a capitalized one:
			// "Senate intelligence committee", "Justice department".
			if gap == " " && !next.Cap && !next.Number {
				k := j
				for k < len(toks) && k-j < 2 && !toks[k].Cap && norm[toks[k-1].End:toks[k].Start] == " " &&
					(lookup(toks[k].Lower)&(cOrg|cMod) != 0) {
					if lookup(toks[k].Lower)&cOrg != 0 && !placeHeads[toks[k].Lower] {
						j = k + 1
					}
					k++
				}
			}
			break
		}
		out = takeName(d, si, i, j, out)
		i = j
	}
	return out
}

// takeName classifies the run toks[i:j] of sentence si and appends it when
// it names an organization or a place.
func takeName(d *text.Document, si, i, j int, out []Name) []Name {
	s := &d.Sentences[si]
	toks := s.Tokens
	norm := s.Norm
	// Trim words that do not belong to a name: a leading article, a word
	// capitalized because it opens the sentence, titles and roles at
	// either end, place acronyms before an organisation.
	if kind, ok := knownNames[lowerJoin(toks[i:j])]; ok {
		return appendName(d, si, i, j, kind, out)
	}
	for i < j {
		t := &toks[i]
		c := lookup(t.Lower)
		switch {
		case t.Stop, c&(cDay|cMonth) != 0 && c&(cOrg|cPlace) == 0,
			c&cCommon != 0 && c&(cOrg|cPlace) == 0 && (opensClause(s, i) || j-i == 1),
			honorifics[strings.TrimSuffix(t.Lower, ".")],
			c&cDemonym != 0 && c&cOrg == 0 && j-i > 1 && !institutional[t.Lower],
			placeAcronyms[t.Lower] && j-i > 1 && hasOrgWord(toks[i+1:j]):
			i++
			continue
		}
		break
	}
	for j > i {
		t := &toks[j-1]
		c := lookup(t.Lower)
		if t.Stop || c&(cTitle|cRole|cDay|cMonth|cCommon) != 0 && c&cOrg == 0 || c&cDemonym != 0 && c&cOrg == 0 {
			j--
			continue
		}
		break
	}
	if i >= j || !toks[i].Cap {
		return out
	}
	n := j - i
	first := &toks[i]
	word := norm[first.Start:first.End]
	acr := n == 1 && isAcronym(strings.TrimSuffix(word, "'s"))
	var kind Kind
	lowTail := toks[j-1].Lower
	key := lowerJoin(toks[i:j])
	switch {
	case knownNames[key] != KindUnknown:
		kind = knownNames[key]
	case acr && placeAcronyms[first.Lower]:
		kind = KindPlace
	case acr && len(first.Lower) <= 6:
		kind = KindOrganization
	case n == 1 && lookup(first.Lower)&cPlace != 0:
		kind = KindPlace
	case (placeHeads[lowTail] || placeOpeners[first.Lower]) && n > 1:
		if isFirstName(lookup(first.Lower)) {
			return out // "Anthony Lake", a person
		}
		kind = KindPlace
	case n > 1 && places[key]:
		kind = KindPlace
	case hasOrgWord(toks[i:j]) && !(n == 1 && generic[first.Lower]):
		kind = KindOrganization
	case n > 1 && lookup(lowTail)&cPlace != 0 && lookup(first.Lower)&cPlacePrefix != 0:
		kind = KindPlace // "North Dakota", "West Africa"
	default:
		return out
	}
	if n == 1 && !acr && opensClause(s, i) && kind == KindOrganization {
		return out // "House" or "Congress" opening a sentence: too weak alone
	}
	return appendName(d, si, i, j, kind, out)
}

// institutional are adjectives that open the names of institutions:
// "Federal Bureau of Investigation", "Democratic Party".
var institutional = map[string]bool{"federal": true, "national": true, "democratic": true,
	"republican": true, "conservative": true, "liberal": true, "labour": true, "socialist": true,
	"communist": true, "congressional": true, "presidential": true, "western": true}

// knownNames are names of several words whose kind their words do not
// tell, or tell wrongly.
var knownNames = map[string]Kind{
	"white house": KindOrganization, "downing street": KindOrganization,
	"usa today": KindOrganization, "fox news": KindOrganization, "meet the press": KindOrganization,
	"face the nation": KindOrganization, "wall street journal": KindOrganization,
	"new york times": KindOrganization, "washington post": KindOrganization,
	"associated press": KindOrganization, "capitol hill": KindPlace, "wall street": KindPlace,
}

// appendName appends the name of tokens [i, j) of sentence si.
func appendName(d *text.Document, si, i, j int, kind Kind, out []Name) []Name {
	s := &d.Sentences[si]
	toks := s.Tokens
	norm := s.Norm
	first := &toks[i]
	acr := j-i == 1 && isAcronym(strings.TrimSuffix(norm[first.Start:first.End], "'s"))
	last := &toks[j-1]
	ne := last.End
	if lw := norm[last.Start:last.End]; strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "'S") {
		ne -= 2
	}
	nb := first.Start
	if nb >= ne {
		return out
	}
	nm := Name{Sent: si, Text: norm[nb:ne], Kind: kind, Acronym: acr}
	nm.Start = d.Norm.Start(s.NormStart() + nb)
	nm.End = d.Norm.End(s.NormStart() + ne)
	if nm.Start >= nm.End {
		return out
	}
	return append(out, nm)
}

func hasOrgWord(toks []text.Token) bool {
	for k := range toks {
		if lookup(toks[k].Lower)&cOrg != 0 {
			return true
		}
	}
	return false
}

func lowerJoin(toks []text.Token) string {
	var b strings.Builder
	for k := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Lower)
	}
	return b.String()
}

// A Thing is one organization or place named in a story, with every way
// its documents name it.
type Thing struct {
	// Name is the fullest form seen: the longest, then the most frequent,
	// then the first.
	Name string
	// Kind is KindOrganization or KindPlace.
	Kind Kind
	// Forms lists the distinct forms as written, in order of first
	// appearance.
	Forms []string
	// Refs locates the mentions: document and index in that document's
	// names.
	Refs [][2]int
}

// GroupNames groups the names of a story's documents, docs[d] being the
// names Names returned for document d, into organizations and places, in
// order of first mention. Names are the same when they are equal without
// regard to case and a leading "the"; an acronym is the name whose
// initials it spells ("FBI" and "Federal Bureau of Investigation", "US"
// and "United States").
func GroupNames(docs [][]Name) []Thing {
	type group struct {
		t      Thing
		counts map[string]int
	}
	var groups []*group
	byKey := make(map[string]int)
	for d, ns := range docs {
		for i := range ns {
			n := &ns[i]
			key := nameKey(n.Text)
			g, ok := byKey[key]
			if !ok {
				g = len(groups)
				byKey[key] = g
				groups = append(groups, &group{t: Thing{Kind: n.Kind}, counts: map[string]int{}})
			}
			gr := groups[g]
			gr.t.Refs = append(gr.t.Refs, [2]int{d, i})
			if gr.counts[n.Text] == 0 {
				gr.t.Forms = append(gr.t.Forms, n.Text)
			}
			gr.counts[n.Text]++
		}
	}
	// Acronyms join the group whose initials they spell.
	initials := make(map[string]int)
	for gi, g := range groups {
		for _, f := range g.t.Forms {
			if in := initialsOf(f); len(in) >= 2 {
				if _, ok := initials[in]; !ok {
					initials[in] = gi
				}
			}
		}
	}
	merged := make([]int, len(groups))
	for gi := range merged {
		merged[gi] = gi
	}
	for gi, g := range groups {
		f := g.t.Forms[0]
		if !isAcronym(f) {
			continue
		}
		key := strings.ReplaceAll(strings.ToLower(f), ".", "")
		if to, ok := initials[key]; ok && to != gi && merged[to] == to {
			merged[gi] = to
			dst := groups[to]
			dst.t.Refs = append(dst.t.Refs, g.t.Refs...)
			for _, form := range g.t.Forms {
				if dst.counts[form] == 0 {
					dst.t.Forms = append(dst.t.Forms, form)
				}
				dst.counts[form] += g.counts[form]
			}
		}
	}
	var out []Thing
	for gi, g := range groups {
		if merged[gi] != gi {
			continue
		}
		best := g.t.Forms[0]
		for _, f := range g.t.Forms[1:] {
			lf, lb := len(strings.Fields(f)), len(strings.Fields(best))
			cf, cb := capitals(f), capitals(best)
			if lf > lb || lf == lb && (cf > cb || cf == cb && g.counts[f] > g.counts[best]) {
				best = f
			}
		}
		g.t.Name = best
		out = append(out, g.t)
	}
	return out
}

// capitals counts the upper-case ASCII letters of s.
func capitals(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			n++
		}
	}
	return n
}

// nameKey is the form names are compared in: lower case, no leading "the",
// no periods in acronyms.
func nameKey(s string) string {
	k := strings.ToLower(s)
	k = strings.TrimPrefix(k, "the ")
	if !strings.Contains(k, " ") {
		k = strings.ReplaceAll(k, ".", "")
	}
	return k
}

// initialsOf returns the lower-case initials of the words of a name of
// several words, function words left out: "federal bureau of
// investigation" gives "fbi"; "" for a name of one word.
func initialsOf(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "for" || lw == "the" || lw == "and" || lw == "on" || lw == "&" {
			continue
		}
		c := lw[0]
		if c < 'a' || c > 'z' {
			return ""
		}
		b.WriteByte(c)
	}
	return b.String()
}
