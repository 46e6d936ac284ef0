package brief

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/text"
)

// people returns the story's quote ledger and its people, organizations
// and places, one canonical name each.
//
// Lower-cased articles (entity.Lowercased) are read again from a copy with
// the capitals of names restored from the other articles and from context
// (entity.Recase); the copy has the same bytes but for case, so its spans
// are the article's, and every word shown is read from the article.
func (s *Story) people() ([]parallax.Quote, []parallax.Person) {
	nm := s.names()
	quotes := s.quotes()
	return quotes, s.assemblePeople(nm.docs, nm.ms, nm.table, quotes)
}

// quotes returns the story's quote ledger, made once.
func (s *Story) quotes() []parallax.Quote {
	if s.ledger != nil {
		return s.ledger
	}
	nm := s.names()
	qdocs := make([]quote.Doc, len(nm.docs))
	for i, d := range nm.docs {
		qdocs[i] = quote.Doc{ID: s.Articles[i].ID, Doc: d, Mentions: nm.ms[i]}
		if nm.recased[i] != "" {
			qdocs[i].Text = s.Articles[i].Text
		}
	}
	s.ledger = quote.LedgerWith(qdocs, nm.table)
	if s.ledger == nil {
		s.ledger = []parallax.Quote{}
	}
	return s.ledger
}

// storyNames are the story's documents as the people and the quote ledger
// read them (a lower-cased article read again with its names' capitals
// restored: only ASCII letters change case, so every offset still points
// into the article), their name mentions and the people those resolve to.
type storyNames struct {
	docs    []*text.Document
	recased []string // the restored text of each article, "" when unchanged
	ms      [][]entity.Mention
	table   *entity.Table
}

// names finds the story's names once, for the people, the ledger and the
// framing alike.
func (s *Story) names() *storyNames {
	if s.nm != nil {
		return s.nm
	}
	docs := s.Docs
	recased := entity.Recase(docs)
	var st *text.Stemmer
	for i, r := range recased {
		if r == "" {
			continue
		}
		if st == nil {
			st = text.NewStemmer()
			docs = slices.Clone(s.Docs)
		}
		docs[i] = text.Analyze(r, st)
	}
	ms := make([][]entity.Mention, len(docs))
	for i, d := range docs {
		ms[i] = slices.DeleteFunc(entity.Find(d), func(m entity.Mention) bool { return commonNoun(d, &m) })
		if ms[i] == nil {
			ms[i] = []entity.Mention{}
		}
	}
	table := entity.Resolve(ms)
	table.LinkRoles(docs, ms)
	s.nm = &storyNames{docs: docs, recased: recased, ms: ms, table: table}
	return s.nm
}

// commonNoun reports whether mention m of d is a run of capitals made of
// common words and has nothing else that says it names a person: no title,
// no first name the lexicon knows. "Human Rights" in "Human Rights in
// China", "Election Day": news writes these words without a capital, and a
// person's name made only of such words comes with a first name or a title
// ("Neil Young", "Mr. Long").
func commonNoun(d *text.Document, m *entity.Mention) bool {
	if m.Title != "" || m.Gender != entity.Unknown || m.Sent >= len(d.Sentences) {
		return false
	}
	toks := d.Sentences[m.Sent].Tokens
	if m.Tok < 0 || m.EndTok > len(toks) || m.Tok >= m.EndTok {
		return false
	}
	for _, t := range toks[m.Tok:m.EndTok] {
		if !t.Stop && !align.CommonWord(t.Stem) {
			return false
		}
	}
	return true
}

// placed is a person with where it was first mentioned, for ordering.
type placed struct {
	p        parallax.Person
	doc, off int
}

// assemblePeople builds the people list from the mentions, their table and
// the ledger.
func (s *Story) assemblePeople(docs []*text.Document, ms [][]entity.Mention, table *entity.Table, quotes []parallax.Quote) []parallax.Person {
	ps := table.People()
	out := make([]placed, len(ps))
	byName := make(map[string]int, len(ps))
	for i, p := range ps {
		out[i] = placed{p: parallax.Person{Name: p.Name, Kind: entity.KindPerson.String()}, doc: -1}
		for _, f := range p.Forms {
			if f != p.Name {
				out[i].p.Aliases = append(out[i].p.Aliases, f)
			}
		}
		byName[p.Name] = i
	}
	type roleKey struct{ role, org, of string }
	roleAt := make([]map[roleKey]int, len(ps))
	for d, list := range ms {
		id := s.Articles[d].ID
		for mi := range list {
			p := table.Of(d, mi)
			if p < 0 {
				continue
			}
			m := &list[mi]
			pl := &out[p]
			pl.p.Mentions = append(pl.p.Mentions, parallax.Span{Source: id, Start: m.Start, End: m.End})
			if pl.doc < 0 {
				pl.doc, pl.off = d, m.Start
			}
		}
		for _, r := range table.RolesOf(d) {
			p := table.Of(d, r.Mention)
			if p < 0 {
				continue
			}
			of := ""
			if r.Of >= 0 {
				if op := table.Of(d, r.Of); op >= 0 {
					of = ps[op].Name
				} else {
					of = list[r.Of].Name
				}
				if of == ps[p].Name {
					continue // a misreading: no one is their own lawyer
				}
			}
			k := roleKey{strings.ToLower(r.Role), strings.ToLower(r.Org), of}
			if roleAt[p] == nil {
				roleAt[p] = make(map[roleKey]int)
			}
			sp := parallax.Span{Source: id, Start: r.Start, End: r.End}
			ri, ok := roleAt[p][k]
			if !ok {
				roleAt[p][k] = len(out[p].p.Roles)
				out[p].p.Roles = append(out[p].p.Roles, parallax.Role{Role: r.Role, Organization: r.Org, Of: of,
					Sources: []string{id}, Evidence: []parallax.Span{sp}})
				continue
			}
			role := &out[p].p.Roles[ri]
			if !slices.Contains(role.Sources, id) {
				role.Sources = append(role.Sources, id)
				role.Evidence = append(role.Evidence, sp)
			}
		}
	}
	// Who quotes whom.
	order := make(map[string]int, len(s.Articles))
	for i, a := range s.Articles {
		order[a.ID] = i
	}
	for _, q := range quotes {
		for i, src := range q.Sources {
			name := q.Speaker
			if i < len(q.Speakers) && q.Speakers[i] != "" {
				name = q.Speakers[i]
			}
			if p, ok := byName[name]; ok && !slices.Contains(out[p].p.QuotedBy, src) {
				out[p].p.QuotedBy = append(out[p].p.QuotedBy, src)
			}
		}
	}
	for i := range out {
		slices.SortFunc(out[i].p.QuotedBy, func(a, b string) int { return order[a] - order[b] })
	}
	// Organizations and places.
	names := make([][]entity.Name, len(docs))
	for d := range docs {
		names[d] = entity.Names(docs[d], ms[d])
	}
	things := entity.GroupNames(names)
	canon := make(map[string]string)
	for _, th := range things {
		for _, f := range th.Forms {
			canon[strings.ToLower(f)] = th.Name
		}
	}
	for i := range out {
		for r := range out[i].p.Roles {
			role := &out[i].p.Roles[r]
			if c, ok := canon[strings.ToLower(role.Organization)]; ok {
				role.Organization = c
			}
		}
	}
	for _, th := range things {
		if _, ok := byName[th.Name]; ok {
			continue
		}
		pl := placed{p: parallax.Person{Name: th.Name, Kind: th.Kind.String()}, doc: -1}
		for _, f := range th.Forms {
			if f != th.Name {
				pl.p.Aliases = append(pl.p.Aliases, f)
			}
		}
		for _, r := range th.Refs {
			n := &names[r[0]][r[1]]
			pl.p.Mentions = append(pl.p.Mentions, parallax.Span{Source: s.Articles[r[0]].ID, Start: n.Start, End: n.End})
		}
		slices.SortFunc(pl.p.Mentions, func(a, b parallax.Span) int {
			return cmp.Or(order[a.Source]-order[b.Source], a.Start-b.Start)
		})
		pl.doc, pl.off = order[pl.p.Mentions[0].Source], pl.p.Mentions[0].Start
		out = append(out, pl)
	}
	kept := out[:0]
	for _, pl := range out {
		if len(pl.p.Mentions) > 0 {
			kept = append(kept, pl)
		}
	}
	slices.SortStableFunc(kept, func(a, b placed) int { return cmp.Or(a.doc-b.doc, a.off-b.off) })
	people := make([]parallax.Person, len(kept))
	for i := range kept {
		people[i] = kept[i].p
	}
	return people
}
