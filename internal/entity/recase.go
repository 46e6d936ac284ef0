package entity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// Lowercased reports whether d reads as lower-cased text, as the
// preprocessed Multi-News articles are ("dan brown has topped oxfam's
// list"): of at least 40 words inside sentences, fewer than one in a
// hundred is capitalized.
func Lowercased(d *text.Document) bool {
	inner, caps := 0, 0
	for si := range d.Sentences {
		s := &d.Sentences[si]
		for k := 1; k < len(s.Tokens); k++ {
			t := &s.Tokens[k]
			if t.Number || opensClause(s, k) {
				continue
			}
			inner++
			if t.Cap {
				caps++
			}
		}
	}
	return inner >= 40 && caps*100 < inner
}

// ambiguousFirst are first names that are more often common words in
// lower-cased text: "will", "may", "mark".
var ambiguousFirst = map[string]bool{"will": true, "may": true, "mark": true, "bill": true,
	"rose": true, "hope": true, "amber": true, "grace": true, "don": true, "drew": true,
	"rob": true, "sue": true, "pat": true, "gene": true, "ray": true, "art": true, "dean": true,
	"jack": true, "frank": true, "hunter": true, "chuck": true, "marine": true, "joy": true,
	"june": true, "august": true, "jordan": true, "virginia": true, "georgia": true,
	"kelly": true, "taylor": true, "morgan": true, "chris": true, "victoria": true,
	"sebastian": true, "ed": true, "al": true, "sam": true, "rick": true, "nick": true,
	"dick": true, "tim": true, "jean": true, "ken": true, "robin": true, "xi": true,
	"christian": true, "wesley": true, "angela": false}

// nameTitles are the titles after which a lower-case word is a name:
// "mr. flynn", "sen. warren".
var nameTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "lt": true, "col": true, "capt": true, "sgt": true,
	"president": true, "senator": true, "governor": true, "congressman": true,
	"congresswoman": true, "mayor": true, "spokesman": true, "spokeswoman": true}

// Recase restores the capitals of names in the lower-cased documents of a
// story (those Lowercased reports), leaning on the other documents and on
// context. It returns, for each document, its source text with the first
// letter of each name's words in upper case, or "" when the document keeps
// its capitals or nothing was restored. Only ASCII letters change, so every
// byte offset into a returned text is an offset into the source.
//
// Names come from three places: the capitalized names of the documents
// that keep their capitals (persons, organizations, places: "Flynn" found
// capitalized in one article is a name when another writes "flynn"); a
// known first name followed by another word ("dan brown"), or a title
// followed by a word ("mr. flynn", "president obama"), in the lower-cased
// ones; and the known places. A family name found so names the person
// wherever it stands alone.
func Recase(docs []*text.Document) []string {
	out := make([]string, len(docs))
	lower := make([]bool, len(docs))
	any := false
	for i, d := range docs {
		if d != nil && Lowercased(d) {
			lower[i], any = true, true
		}
	}
	if !any {
		return out
	}
	// forms maps a lower-case name of one to four words to true.
	forms := make(map[string]bool)
	maxWords := 1
	addForm := func(f string) {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || text.IsStop(f) || lookup(f)&(cCommon|cMonth|cDay|cTitle|cRole|cMod|cDemonym) != 0 {
			return
		}
		n := strings.Count(f, " ") + 1
		if n > 4 {
			return
		}
		forms[f] = true
		maxWords = max(maxWords, n)
	}
	for i, d := range docs {
		if d == nil || lower[i] {
			continue
		}
		ms := Find(d)
		for k := range ms {
			if ms[k].Weak() {
				continue
			}
			addForm(ms[k].Name)
			if ms[k].First != "" {
				addForm(ms[k].Last)
			}
		}
		for _, n := range Names(d, ms) {
			if !n.Acronym {
				addForm(n.Text)
			}
		}
	}
	// Context in the lower-cased documents.
	for i, d := range docs {
		if !lower[i] {
			continue
		}
		for si := range d.Sentences {
			toks := d.Sentences[si].Tokens
			for k := 0; k+1 < len(toks); k++ {
				w := strings.TrimSuffix(toks[k].Lower, ".")
				c := lookup(w)
				next := &toks[k+1]
				if !nameWord(next) {
					continue
				}
				switch {
				case nameTitles[w]:
					// "mr. flynn", "president donald trump"
					if k+2 < len(toks) && isFirstName(lookup(next.Lower)) && nameWord(&toks[k+2]) {
						addForm(next.Lower + " " + toks[k+2].Lower)
						addForm(toks[k+2].Lower)
					} else if !isFirstName(lookup(next.Lower)) {
						addForm(next.Lower)
					}
				case c&(cMale|cFemale) != 0 && !ambiguousFirst[w] && toks[k].Lower == w:
					// "dan brown", "julian assange"
					if lookup(next.Lower)&(cMale|cFemale|cFirst) != 0 {
						continue
					}
					addForm(w + " " + next.Lower)
					addForm(next.Lower)
				}
			}
		}
	}
	for i, d := range docs {
		if !lower[i] {
			continue
		}
		src := []byte(d.Norm.Source())
		changed := false
		up := func(normAt int) {
			at := d.Norm.Start(normAt)
			if at >= 0 && at < len(src) && src[at] >= 'a' && src[at] <= 'z' {
				src[at] -= 'a' - 'A'
				changed = true
			}
		}
		for si := range d.Sentences {
			s := &d.Sentences[si]
			toks := s.Tokens
			for k := 0; k < len(toks); k++ {
				if toks[k].Number {
					continue
				}
				// The longest name form starting here.
				n := 0
				key := ""
				for w := 1; w <= maxWords && k+w <= len(toks); w++ {
					if w > 1 {
						if s.Norm[toks[k+w-2].End:toks[k+w-1].Start] != " " {
							break
						}
						key += " "
					}
					key += toks[k+w-1].Lower
					if forms[key] || w > 1 && places[key] || w == 1 && lookup(key)&cPlace != 0 && !ambiguousPlace[key] {
						n = w
					}
				}
				if n == 0 {
					w := strings.TrimSuffix(toks[k].Lower, ".")
					if nameTitles[w] && k+1 < len(toks) && !toks[k].Cap && nameWord(&toks[k+1]) &&
						(forms[toks[k+1].Lower] || honorifics[w]) {
						up(s.NormStart() + toks[k].Start)
					}
					continue
				}
				for w := k; w < k+n; w++ {
					up(s.NormStart() + toks[w].Start)
				}
				k += n - 1
			}
		}
		if changed {
			out[i] = string(src)
		}
	}
	return out
}

// ambiguousPlace are known places that are as often common words.
var ambiguousPlace = map[string]bool{"turkey": true, "china": true, "jordan": true,
	"georgia": true, "chad": true, "guinea": true, "nice": true, "reading": true, "bath": true,
	"sofia": true, "victoria": true, "washington": false}

// nameWord reports whether a lower-case token can be a word of a name.
func nameWord(t *text.Token) bool {
	if t.Number || t.Stop || len(t.Lower) < 2 {
		return false
	}
	c := lookup(t.Lower)
	if c&(cCommon|cMonth|cDay|cTitle|cRole|cMod|cSpeech|cDemonym|cOrg) != 0 {
		return false
	}
	for i := 0; i < len(t.Lower); i++ {
		ch := t.Lower[i]
		if !(ch >= 'a' && ch <= 'z' || ch == '-' || ch == '\'' || ch >= 0x80) {
			return false
		}
	}
	return !strings.HasSuffix(t.Lower, "ing") && !strings.HasSuffix(t.Lower, "ed") || len(t.Lower) <= 4
}
