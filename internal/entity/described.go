package entity

import (
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/text"
)

// roleClasses folds role nouns that name one job in other words, so that
// "Flynn's attorney" finds the man another sentence calls "Flynn's lawyer".
var roleClasses = map[string]string{
	"lawyer": "lawyer", "lawyers": "lawyer", "attorney": "lawyer", "attorneys": "lawyer",
	"counsel": "lawyer", "solicitor": "lawyer", "barrister": "lawyer",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"adviser": "adviser", "advisor": "adviser", "aide": "aide",
}

func roleClass(w string) string {
	if c, ok := roleClasses[w]; ok {
		return c
	}
	return w
}

// describedKey is a role held for a person: the possessor's index in the
// table's People and the role's class.
type describedKey struct {
	of   int
	role string
}

// holder is a person the story names in a role, and the document that
// says so.
type holder struct{ person, doc int }

// LinkRoles indexes the roles the story's documents give its people for
// other people ("Flynn's lawyer Robert Kelner", "Jack Langer, a spokesman
// for Devin Nunes,"), so that Described can tell who a phrase written in
// place of a name stands for. docs and ms are the documents and mentions
// the table was resolved from.
func (t *Table) LinkRoles(docs []*text.Document, ms [][]Mention) {
	if t == nil {
		return
	}
	byForm := make(map[string]int)
	for p, person := range t.people {
		for _, f := range person.Forms {
			byForm[strings.ToLower(f)] = p
		}
	}
	t.roles = make(map[describedKey][]holder)
	t.docRoles = make([][]RoleMention, len(docs))
	for d, doc := range docs {
		if doc == nil || d >= len(ms) {
			continue
		}
		t.docRoles[d] = Roles(doc, ms[d])
		for _, r := range t.docRoles[d] {
			p := t.Of(d, r.Mention)
			if p < 0 {
				continue
			}
			of := -1
			if r.Of >= 0 {
				of = t.Of(d, r.Of)
			} else if r.Org != "" {
				if o, ok := byForm[strings.ToLower(r.Org)]; ok {
					of = o // "a spokesman for Devin Nunes"
				}
			}
			if of < 0 || of == p {
				continue
			}
			words := strings.Fields(strings.ToLower(r.Role))
			if len(words) == 0 {
				continue
			}
			k := describedKey{of, roleClass(strings.Trim(words[len(words)-1], ".,"))}
			if h := (holder{p, d}); !slices.Contains(t.roles[k], h) {
				t.roles[k] = append(t.roles[k], h)
			}
		}
	}
}

// RolesOf returns the roles document doc gives the people of its mentions,
// as Roles found them for LinkRoles; nil before LinkRoles.
func (t *Table) RolesOf(doc int) []RoleMention {
	if t == nil || doc < 0 || doc >= len(t.docRoles) {
		return nil
	}
	return t.docRoles[doc]
}

// Described returns the index in People of the person that a phrase
// written in place of a name stands for, or -1. The phrase, source bytes
// [start, end) of document doc (whose mentions are ms), must name another
// person and a role held for them ("Mr Flynn's attorney", "a spokesman for
// Devin Nunes"), and the story must name exactly one person in that role
// for that person: in the same document if it names any, else in the
// whole story. LinkRoles must have been called.
func (t *Table) Described(doc int, ms []Mention, src string, start, end int) int {
	if t == nil || t.roles == nil || start < 0 || end > len(src) || start >= end {
		return -1
	}
	of := -1
	var nameFrom, nameTo int
	for i := range ms {
		if ms[i].Start >= start && ms[i].End <= end {
			if p := t.Of(doc, i); p >= 0 {
				of, nameFrom, nameTo = p, ms[i].Start, ms[i].End
				break
			}
		}
	}
	if of < 0 {
		return -1
	}
	rest := src[start:nameFrom] + " " + src[nameTo:end]
	words := strings.FieldsFunc(strings.ToLower(rest), func(r rune) bool { return !unicode.IsLetter(r) })
	found := -1
	for _, w := range words {
		if !IsRole(w) || honorifics[w] {
			continue
		}
		hs := t.roles[describedKey{of, roleClass(w)}]
		p, n := onlyPerson(hs, doc)
		if n == 0 {
			p, n = onlyPerson(hs, -1)
		}
		switch {
		case n == 0:
			continue // a modifier or title no one holds for them
		case p < 0 || found >= 0 && found != p:
			return -1
		}
		found = p
	}
	return found
}

// onlyPerson returns the one person among hs (those of document doc only
// when doc >= 0), or -1 when there are none or several, and how many
// distinct people there are, counting at most two.
func onlyPerson(hs []holder, doc int) (int, int) {
	p := -1
	for _, h := range hs {
		if doc >= 0 && h.doc != doc {
			continue
		}
		if p >= 0 && p != h.person {
			return -1, 2
		}
		p = h.person
	}
	if p < 0 {
		return -1, 0
	}
	return p, 1
}
