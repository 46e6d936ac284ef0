package entity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// A RoleMention is a title or role a document gives the person of one
// mention: the title written before the name ("White House spokesman Sean
// Spicer", "Flynn's lawyer Robert Kelner") or an appositive after it
// ("Flynn, the former director of the Defense Intelligence Agency,").
type RoleMention struct {
	// Mention is the index of the mention in the mentions given to Roles.
	Mention int
	// Role is the title or role with its modifiers, as written, an
	// abbreviated title written out: "spokesman", "General", "former
	// director".
	Role string
	// Org is the organization the role is held in, when the text names
	// it: "White House", "Defense Intelligence Agency".
	Org string
	// Of is the index of the mention of the person the role is held for
	// ("Flynn's lawyer"), or -1.
	Of int
	// Start and End are the source byte offsets of the words that give
	// the role, the organization and the possessor included.
	Start, End int
}

// honorifics are titles that say nothing of a role.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true,
	"dr": true, "sir": true, "dame": true, "madam": true, "hon": true, "the": true, "a": true, "an": true}

// abbreviated titles written out.
var titleNames = map[string]string{"sen": "Senator", "sens": "Senators", "rep": "Representative",
	"reps": "Representatives", "gov": "Governor", "gen": "General", "lt": "Lieutenant",
	"col": "Colonel", "maj": "Major", "capt": "Captain", "cmdr": "Commander", "adm": "Admiral",
	"sgt": "Sergeant", "cpl": "Corporal", "pvt": "Private", "rev": "Reverend", "pres": "President",
	"supt": "Superintendent", "det": "Detective", "insp": "Inspector", "atty": "Attorney",
	"amb": "Ambassador", "fr": "Father", "prof": "Professor"}

// Roles returns the roles d gives the people of its mentions ms (as Find
// returns them), in text order.
func Roles(d *text.Document, ms []Mention) []RoleMention {
	var out []RoleMention
	for mi := range ms {
		m := &ms[mi]
		if m.Sent < 0 || m.Sent >= len(d.Sentences) {
			continue
		}
		if r, ok := titleRole(d, ms, mi); ok {
			out = append(out, r)
		}
		if r, ok := appositiveRole(d, ms, mi); ok {
			out = append(out, r)
		}
	}
	return out
}

// titleRole reads the role in the title written before mention mi.
func titleRole(d *text.Document, ms []Mention, mi int) (RoleMention, bool) {
	m := &ms[mi]
	s := &d.Sentences[m.Sent]
	toks := s.Tokens
	from, to := m.TitleTok, m.Tok
	for from < to && honorifics[strings.TrimSuffix(toks[from].Lower, ".")] {
		from++
	}
	if from >= to || to > len(toks) {
		return RoleMention{}, false
	}
	r := RoleMention{Mention: mi, Of: -1}
	// A capitalized run before the first role or title word that holds an
	// organisation word, or is two words or more, is the organisation.
	k := from
	for k < to && toks[k].Cap && lookup(toks[k].Lower)&(cTitle|cRole) == 0 {
		k++
	}
	if k > from && k < to && (hasOrgWord(toks[from:k]) || k-from >= 2 && lookup(toks[from].Lower)&cMod == 0 && !placeAcronyms[toks[from].Lower]) {
		ob := from
		if placeAcronyms[toks[ob].Lower] && k-ob > 1 {
			ob++
		}
		r.Org = s.Norm[toks[ob].Start:toks[k-1].End]
		from = k
	}
	r.Role = roleText(s, from, to)
	if r.Role == "" {
		return RoleMention{}, false
	}
	start := m.TitleTok
	// "Flynn's lawyer": the possessor before the title.
	if m.TitleTok > 0 && possessive(s.Norm, &toks[m.TitleTok-1]) {
		for pi := mi - 1; pi >= 0 && ms[pi].Sent == m.Sent; pi-- {
			if ms[pi].EndTok == m.TitleTok {
				r.Of = pi
				start = ms[pi].Tok
				break
			}
		}
	}
	r.Start = d.Norm.Start(s.NormStart() + toks[start].Start)
	r.End = d.Norm.End(s.NormStart() + toks[to-1].End)
	if src := d.Norm.Source(); r.End < len(src) && src[r.End] == '.' && lookup(toks[to-1].Lower)&cAbbrev != 0 {
		r.End++ // "Gen."
	}
	return r, r.Start < r.End
}

// roleText is the role of tokens [from, to) of s as written, an
// abbreviated title written out.
func roleText(s *text.Sentence, from, to int) string {
	if from >= to {
		return ""
	}
	hasRole := false
	for k := from; k < to; k++ {
		if lookup(s.Tokens[k].Lower)&(cRole|cTitle) != 0 {
			hasRole = true
		}
	}
	if !hasRole {
		return ""
	}
	if to-from == 1 {
		w := strings.TrimSuffix(s.Tokens[from].Lower, ".")
		if full, ok := titleNames[w]; ok {
			return full
		}
	}
	return strings.TrimSuffix(s.Norm[s.Tokens[from].Start:s.Tokens[to-1].End], ",")
}

// appositiveRole reads a role set after mention mi between commas: ", the
// former director of the Defense Intelligence Agency,", ", a member of
// the Senate Intelligence Committee,".
func appositiveRole(d *text.Document, ms []Mention, mi int) (RoleMention, bool) {
	m := &ms[mi]
	s := &d.Sentences[m.Sent]
	toks := s.Tokens
	j := m.EndTok
	if m.Possessive || j >= len(toks) || strings.TrimSpace(s.Norm[toks[j-1].End:toks[j].Start]) != "," {
		return RoleMention{}, false
	}
	switch toks[j].Lower {
	case "the", "a", "an", "his", "her", "their", "its":
		j++
	default:
		return RoleMention{}, false
	}
	// The role phrase: modifiers, capitalized words and role words up to
	// the last role word; then "of" or "at" or "for" and the organisation.
	roleEnd := -1
	k := j
	for ; k < len(toks) && k-j < 6; k++ {
		if k > j && strings.TrimSpace(s.Norm[toks[k-1].End:toks[k].Start]) != "" {
			break
		}
		c := lookup(toks[k].Lower)
		if c&cRole != 0 || c&cTitle != 0 && toks[k].Lower != "leader" || toks[k].Lower == "member" {
			roleEnd = k + 1
			continue
		}
		if c&(cMod|cDemonym) != 0 || toks[k].Cap && !toks[k].Stop {
			continue
		}
		break
	}
	if roleEnd < 0 {
		return RoleMention{}, false
	}
	r := RoleMention{Mention: mi, Of: -1, Role: s.Norm[toks[j].Start:toks[roleEnd-1].End]}
	end := roleEnd
	if roleEnd < len(toks) && strings.TrimSpace(s.Norm[toks[roleEnd-1].End:toks[roleEnd].Start]) == "" {
		switch toks[roleEnd].Lower {
		case "of", "at", "for", "on":
			o := roleEnd + 1
			if o < len(toks) && toks[o].Lower == "the" {
				o++
			}
			e := o
			for e < len(toks) && e-o < 8 && (toks[e].Cap || e > o && lookup(toks[e].Lower)&(cOrg|cMod) != 0 && !toks[e].Stop) &&
				strings.TrimSpace(s.Norm[toks[e-1].End:toks[e].Start]) == "" {
				e++
			}
			if e > o && (hasOrgWord(toks[o:e]) || e-o >= 2) {
				r.Org = s.Norm[toks[o].Start:toks[e-1].End]
				end = e
			}
		}
	}
	// The appositive must close: a comma, the end of the sentence.
	if end < len(toks) {
		gap := strings.TrimSpace(s.Norm[toks[end-1].End:toks[end].Start])
		if gap != "," && gap != "." && gap != ";" {
			return RoleMention{}, false
		}
	}
	r.Start = d.Norm.Start(s.NormStart() + toks[j].Start)
	r.End = d.Norm.End(s.NormStart() + toks[end-1].End)
	return r, r.Start < r.End
}
