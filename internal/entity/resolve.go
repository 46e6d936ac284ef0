package entity

import (
	"slices"
	"strings"
)

// A Person is one person named in a story, with every way the story's
// documents name them.
type Person struct {
	// Name is the fullest form of the name seen, without titles: the
	// longest first-and-last-name form, a formal first name before a
	// nickname, then the most frequent, then the first seen. A person only
	// ever named by the family name has that name.
	Name string
	// First and Last are Name's first and family names; First is "" when
	// no document gives one.
	First, Last string
	// Gender is what the titles and first names tell, when they agree.
	Gender Gender
	// Forms lists the distinct names as written ("Michael Flynn", "Flynn",
	// "Mike Flynn"), in order of first appearance.
	Forms []string
	// Titles lists the distinct titles and roles written before the name
	// ("Mr", "former US national security adviser"), in order of first
	// appearance.
	Titles []string
	// Mentions is the number of mentions; Docs the number of documents
	// that name the person.
	Mentions, Docs int
}

// A Table groups the mentions of a story's documents into people.
type Table struct {
	people   []Person
	of       [][]int
	roles    map[describedKey][]holder // see LinkRoles
	docRoles [][]RoleMention           // per document, as LinkRoles found them
}

// People returns the story's people in order of first mention (document
// order, then text order). The slice must not be modified.
func (t *Table) People() []Person { return t.people }

// Of returns the index in People of the person that mention i of document
// doc names, or -1 when the mention was not taken for a person's name or
// the indexes are out of range.
func (t *Table) Of(doc, i int) int {
	if t == nil || doc < 0 || doc >= len(t.of) || i < 0 || i >= len(t.of[doc]) {
		return -1
	}
	return t.of[doc][i]
}

// Name returns the canonical name of the person that mention i of document
// doc names, or "".
func (t *Table) Name(doc, i int) string {
	if p := t.Of(doc, i); p >= 0 {
		return t.people[p].Name
	}
	return ""
}

// ref locates one mention.
type ref struct{ doc, i int }

// cand is a person being assembled.
type cand struct {
	last     string // lower case
	firsts   []string
	middles  []string
	suffix   string
	gender   Gender
	refs     []ref
	full     []int // full-name mentions per document
	fullAll  int
	evidence bool
	order    ref // first mention
}

// Resolve groups the mentions of a story's documents, docs[d] being the
// mentions Find returned for document d, into people.
//
// Mentions with a first name join a person with the same family name whose
// first names are all compatible (equal, nicknames of one formal name, or
// an initial), whose suffix is the same and whose middle initials do not
// differ. A bare family name ("Flynn", "Mr Flynn") goes to the only such
// person, or, when several share it, to the one named most often with a
// first name in the same document, then in the whole story. A person only
// counts when some mention shows it names a person: a title or role, a
// verb of speech, a known first name, or a first and family name inside a
// sentence.
func Resolve(docs [][]Mention) *Table {
	lowered := make(map[string]string)
	low := func(s string) string {
		if s == "" {
			return ""
		}
		v, ok := lowered[s]
		if !ok {
			v = strings.ToLower(s)
			lowered[s] = v
		}
		return v
	}
	keys := make([][]mkey, len(docs))
	for d, ms := range docs {
		keys[d] = make([]mkey, len(ms))
		for i := range ms {
			m := &ms[i]
			keys[d][i] = mkey{last: low(m.Last), first: low(m.First), middle: low(m.Middle), suffix: low(m.Suffix)}
		}
	}
	var cands []*cand
	byLast := make(map[string][]int)
	owner := make([][]int, len(docs))
	for d, ms := range docs {
		owner[d] = make([]int, len(ms))
		for i := range owner[d] {
			owner[d][i] = -1
		}
	}
	newCand := func(m *Mention, r ref) int {
		k := &keys[r.doc][r.i]
		c := &cand{last: k.last, suffix: k.suffix,
			full: make([]int, len(docs)), order: r}
		cands = append(cands, c)
		byLast[c.last] = append(byLast[c.last], len(cands)-1)
		return len(cands) - 1
	}
	add := func(ci int, m *Mention, r ref) {
		c := cands[ci]
		k := &keys[r.doc][r.i]
		c.refs = append(c.refs, r)
		owner[r.doc][r.i] = ci
		if m.First != "" {
			c.firsts = appendNew(c.firsts, k.first)
			c.full[r.doc]++
			c.fullAll++
			if m.Middle != "" {
				c.middles = appendNew(c.middles, k.middle)
			}
		}
		if c.gender == Unknown {
			c.gender = m.Gender
		}
		if m.IsPersonLike() || m.First != "" && (!m.Initial || isFirstName(lookup(k.first))) {
			c.evidence = true
		}
	}
	// Full names first, so bare family names can choose among them.
	for d, ms := range docs {
		for i := range ms {
			m := &ms[i]
			if m.First == "" || m.Last == "" {
				continue
			}
			best := -1
			k := &keys[d][i]
			for _, ci := range byLast[k.last] {
				c := cands[ci]
				if c.firsts == nil || !fullCompatible(c, m, k) {
					continue
				}
				if best < 0 || c.fullAll > cands[best].fullAll {
					best = ci
				}
			}
			if best < 0 {
				best = newCand(m, ref{d, i})
			}
			add(best, m, ref{d, i})
		}
	}
	// A name written family name first ("Xu Wenli", then "Xu") is read
	// as first "Xu", last "Wenli"; its bare family name then matches no
	// last name. byFirst finds such people by the first part of their
	// full names, when that part is no known given name.
	byFirst := make(map[string][]int)
	for ci, c := range cands {
		for _, f := range c.firsts {
			if len(f) > 1 && !isFirstName(lookup(f)) {
				byFirst[f] = append(byFirst[f], ci)
			}
		}
	}
	for d, ms := range docs {
		for i := range ms {
			m := &ms[i]
			if m.First != "" || m.Last == "" {
				continue
			}
			if len(byLast[keys[d][i].last]) == 0 {
				if cs := byFirst[keys[d][i].last]; len(cs) == 1 && genderCompatible(cands[cs[0]].gender, m.Gender) {
					add(cs[0], m, ref{d, i})
					continue
				}
			}
			best := -1
			bare := -1
			for _, ci := range byLast[keys[d][i].last] {
				c := cands[ci]
				if !genderCompatible(c.gender, m.Gender) {
					continue
				}
				if c.firsts == nil {
					bare = ci
					continue
				}
				if best < 0 || better(c, cands[best], d) {
					best = ci
				}
			}
			if best < 0 {
				best = bare
			}
			if best < 0 {
				best = newCand(m, ref{d, i})
			}
			add(best, m, ref{d, i})
		}
	}
	// Keep the confirmed people, in order of first mention.
	keep := make([]int, 0, len(cands))
	for ci, c := range cands {
		if c.evidence {
			c.order = firstRef(c.refs)
			keep = append(keep, ci)
		}
	}
	slices.SortStableFunc(keep, func(a, b int) int { return cmpRef(cands[a].order, cands[b].order) })
	t := &Table{of: owner}
	index := make([]int, len(cands))
	for i := range index {
		index[i] = -1
	}
	for _, ci := range keep {
		index[ci] = len(t.people)
		t.people = append(t.people, person(cands[ci], docs, keys))
	}
	for d := range owner {
		for i, ci := range owner[d] {
			if ci >= 0 {
				owner[d][i] = index[ci]
			}
		}
	}
	return t
}

// better reports whether candidate a is a likelier referent than b for a
// bare family name in document d.
func better(a, b *cand, d int) bool {
	if a.full[d] != b.full[d] {
		return a.full[d] > b.full[d]
	}
	if a.fullAll != b.fullAll {
		return a.fullAll > b.fullAll
	}
	return false // the earlier candidate stays
}

func fullCompatible(c *cand, m *Mention, k *mkey) bool {
	if c.suffix != k.suffix || !genderCompatible(c.gender, m.Gender) {
		return false
	}
	for _, f := range c.firsts {
		if !sameFirst(f, k.first) {
			return false
		}
	}
	if mid := k.middle; mid != "" {
		for _, x := range c.middles {
			if x[0] != mid[0] {
				return false
			}
		}
	}
	return true
}

func genderCompatible(a, b Gender) bool { return a == Unknown || b == Unknown || a == b }

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func firstRef(refs []ref) ref { return slices.MinFunc(refs, cmpRef) }

// person builds the Person of a confirmed candidate.
func person(c *cand, docs [][]Mention, keys [][]mkey) Person {
	refs := append([]ref(nil), c.refs...)
	slices.SortStableFunc(refs, cmpRef)
	p := Person{Mentions: len(refs)}
	type form struct {
		m     *Mention
		k     *mkey
		count int
	}
	var forms []form
	lastDoc := -1
	males, females := 0, 0
	for _, r := range refs {
		m := &docs[r.doc][r.i]
		if r.doc != lastDoc {
			p.Docs++
			lastDoc = r.doc
		}
		if i := slices.IndexFunc(forms, func(f form) bool { return f.m.Name == m.Name }); i >= 0 {
			forms[i].count++
		} else {
			forms = append(forms, form{m: m, k: &keys[r.doc][r.i], count: 1})
			p.Forms = append(p.Forms, m.Name)
		}
		if m.Title != "" {
			p.Titles = appendNew(p.Titles, m.Title)
		}
		switch m.Gender {
		case Male:
			males++
		case Female:
			females++
		}
	}
	best := 0
	for i := 1; i < len(forms); i++ {
		a, b := &forms[i], &forms[best]
		if fuller(a.m, b.m, a.k, b.k, a.count, b.count) {
			best = i
		}
	}
	m := forms[best].m
	p.Name, p.First, p.Last = m.Name, m.First, m.Last
	switch {
	case males > 0 && females == 0:
		p.Gender = Male
	case females > 0 && males == 0:
		p.Gender = Female
	}
	return p
}

// fuller reports whether name form a is a fuller canonical name than b:
// more name parts, a formal first name, then more frequent (ca and cb are
// the counts); ties keep b, the earlier.
func fuller(a, b *Mention, ka, kb *mkey, ca, cb int) bool {
	pa, pb := nameParts(a), nameParts(b)
	if pa != pb {
		return pa > pb
	}
	if ka.first != "" && kb.first != "" {
		fa, fb := isFormal(ka.first), isFormal(kb.first)
		if fa != fb {
			return fa
		}
	}
	return ca > cb
}

// nameParts counts the words of a mention's name.
func nameParts(m *Mention) int {
	n := 0
	for _, s := range [...]string{m.First, m.Middle, m.Last, m.Suffix} {
		in := false
		for i := 0; i < len(s); i++ {
			sp := s[i] == ' '
			if !sp && !in {
				n++
			}
			in = !sp
		}
	}
	return n
}

// mkey holds a mention's name parts in lower case.
type mkey struct{ last, first, middle, suffix string }

func cmpRef(a, b ref) int {
	if a.doc != b.doc {
		return a.doc - b.doc
	}
	return a.i - b.i
}
