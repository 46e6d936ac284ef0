package brief

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// conflictThreshold is the similarity above which two aligned sentences are
// close enough that a differing number, date, name or negation is a
// disagreement rather than a different fact.
const conflictThreshold = 0.45

// conflicts returns the information that aligned sentences of different
// sources report with different values: for each sentence, its close
// matches in other sources form a group, and each kind of fact (a number
// attached to the same word, a date, the polarity) that takes two or more
// values in the group is one conflict, with one side per value citing
// every source that gives it.
func (s *Story) conflicts(matches [][]align.Match) []parallax.Conflict {
	out := []parallax.Conflict{}
	done := make(map[string]bool) // kind/key + unit already reported
	cache := make(map[int]facts)
	factsOf := func(u int) facts {
		f, ok := cache[u]
		if !ok {
			f = s.facts(u)
			cache[u] = f
		}
		return f
	}
	people := &mentionIndex{s: s, docs: make(map[int][][]entity.Mention)}
	for u := range s.Align.Units {
		group := []int{u}
		for _, m := range matches[u] {
			if m.Sim >= conflictThreshold {
				group = append(group, m.Unit)
			}
		}
		if len(group) < 2 {
			continue
		}
		// Numbers, by the word they count.
		for _, key := range sortedKeys(factsOf(u).numbers) {
			word := factsOf(u).numbers[key].word
			values := make(map[int]string)
			for _, v := range group {
				if n, ok := factsOf(v).numbers[key]; ok {
					values[v] = n.n + " " + word
				}
			}
			out = s.addConflict(out, done, "number", key, group, values, nil)
		}
		// Dates, when every side names one.
		values := make(map[int]string)
		for _, v := range group {
			if d := factsOf(v).days; len(d) > 0 {
				values[v] = strings.Join(d, ", ")
			}
		}
		out = s.addConflict(out, done, "date", "", group, values, nil)
		// Polarity, only between close paraphrases where the negation
		// bears on a word both sentences share.
		values = make(map[int]string)
		for _, v := range group {
			if v != u && !s.negationOpposes(u, v, matches) {
				continue
			}
			values[v] = polarity(factsOf(v).negated)
		}
		out = s.addConflict(out, done, "polarity", "", group, values, nil)
		// Names: the same person written with a different first name, or
		// the same title given to a different person.
		clash := s.nameClashes(group, people)
		for _, key := range sortedKeys(clash) {
			out = s.addConflict(out, done, "name", key, group, clash[key].canonical, clash[key].shown)
		}
	}
	return out
}

// addConflict appends a conflict when the group's values differ and none
// of its units was reported for the same kind and key before.
// Units are grouped by their value; a side shows shown[unit] of its first
// unit when shown is given (names group by canonical form but show as
// written), else the value itself.
func (s *Story) addConflict(out []parallax.Conflict, done map[string]bool, kind, key string, group []int, values, shown map[int]string) []parallax.Conflict {
	var order []string
	byValue := make(map[string][]int)
	for _, v := range group {
		val, ok := values[v]
		if !ok {
			continue
		}
		if done[kind+"/"+key+"/"+strconv.Itoa(v)] {
			return out
		}
		if _, seen := byValue[val]; !seen {
			order = append(order, val)
		}
		byValue[val] = append(byValue[val], v)
	}
	if len(order) < 2 {
		return out
	}
	c := parallax.Conflict{Kind: kind}
	for _, val := range order {
		units := byValue[val]
		for _, v := range units {
			done[kind+"/"+key+"/"+strconv.Itoa(v)] = true
		}
		if shown != nil {
			val = shown[units[0]]
		}
		c.Sides = append(c.Sides, parallax.ConflictSide{Value: val, Statement: s.statementOf(units)})
	}
	return append(out, c)
}

// statementOf makes a statement whose text is the first unit's and whose
// sources are the units' articles.
func (s *Story) statementOf(units []int) parallax.Statement {
	st := s.statement(units[0], nil)
	for _, v := range units[1:] {
		un := &s.Align.Units[v]
		id := s.Articles[un.Doc].ID
		if slices.Contains(st.Sources, id) {
			continue
		}
		st.Sources = append(st.Sources, id)
		st.Evidence = append(st.Evidence, parallax.Span{Source: id, Start: un.Start, End: un.End})
	}
	return st
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// nameClashes finds, in a group of aligned units, people named
// differently: mentions with the same last name and different first
// names ("Mick Pence", "Mike Pence"), or with the same title and different
// last names. It returns, per clash (keyed by what the names share), each
// unit's name as written; units that name no one in that slot are left
// out. First names are compared through the paraphrase lexicon, so "Mike"
// and "Michael" do not clash.
func (s *Story) nameClashes(group []int, people *mentionIndex) map[string]nameClash {
	per := make(map[int][]entity.Mention)
	for _, u := range group {
		per[u] = people.of(u)
	}
	out := make(map[string]nameClash)
	add := func(key string, u int, canonical, name string) {
		c, ok := out[key]
		if !ok {
			c = nameClash{canonical: make(map[int]string), shown: make(map[int]string)}
			out[key] = c
		}
		if _, ok := c.canonical[u]; !ok {
			c.canonical[u], c.shown[u] = canonical, name
		}
	}
	for i, u := range group {
		for _, v := range group[i+1:] {
			for _, a := range per[u] {
				for _, b := range per[v] {
					switch {
					case a.Last != "" && nameTerm(a.Last) == nameTerm(b.Last) &&
						a.First != "" && b.First != "" && nameTerm(a.First) != nameTerm(b.First):
						key := "last:" + nameTerm(a.Last)
						add(key, u, nameTerm(a.First), a.Name)
						add(key, v, nameTerm(b.First), b.Name)
					case a.Title != "" && strings.EqualFold(a.Title, b.Title) &&
						nameTerm(a.Last) != nameTerm(b.Last) && !names(per[v], a.Last) && !names(per[u], b.Last):
						key := "title:" + strings.ToLower(a.Title)
						add(key, u, nameTerm(a.Last), a.Title+" "+a.Name)
						add(key, v, nameTerm(b.Last), b.Title+" "+b.Name)
					}
				}
			}
		}
	}
	return out
}

// A nameClash holds, per unit, the canonical form of the clashing name and
// the name as written.
type nameClash struct{ canonical, shown map[int]string }

// names reports whether one of the mentions has the given last name.
func names(ms []entity.Mention, last string) bool {
	for _, m := range ms {
		if nameTerm(m.Last) == nameTerm(last) {
			return true
		}
	}
	return false
}

// nameTerm is a name's comparable form: lower case, through the paraphrase
// lexicon's nicknames.
func nameTerm(name string) string {
	toks := text.Tokenize(name, text.NewStemmer())
	if ts := align.Terms(toks); len(ts) == 1 {
		return ts[0]
	}
	return strings.ToLower(name)
}

// mentionIndex finds each article's person mentions once, on demand.
type mentionIndex struct {
	s    *Story
	docs map[int][][]entity.Mention // article -> sentence -> mentions
}

// of returns the person mentions of unit u (none for a title).
func (m *mentionIndex) of(u int) []entity.Mention {
	un := &m.s.Align.Units[u]
	if un.Sent < 0 {
		return nil
	}
	bySent, ok := m.docs[un.Doc]
	if !ok {
		d := m.s.Docs[un.Doc]
		bySent = make([][]entity.Mention, len(d.Sentences))
		for _, men := range entity.Find(d) {
			bySent[men.Sent] = append(bySent[men.Sent], men)
		}
		m.docs[un.Doc] = bySent
	}
	return bySent[un.Sent]
}

// polarityThreshold is the similarity two sentences need for a negation in
// one and not the other to be a disagreement.
const polarityThreshold = 0.6

// negationOpposes reports whether units u and v are close paraphrases of
// which exactly one is negated, and the negation bears on one of the next
// three content words, which the other sentence also has.
func (s *Story) negationOpposes(u, v int, matches [][]align.Match) bool {
	sim := 0.0
	for _, m := range matches[u] {
		if m.Unit == v {
			sim = m.Sim
		}
	}
	if sim < polarityThreshold {
		return false
	}
	neg, _ := s.tokens(u)
	pos, _ := s.tokens(v)
	if negated(neg) == negated(pos) {
		return false
	}
	if negated(pos) {
		neg, pos = pos, neg
	}
	stems := make(map[string]bool, len(pos))
	for _, t := range pos {
		stems[t.Stem] = true
	}
	for i, t := range neg {
		if !isNegation(t) {
			continue
		}
		seen := 0
		for _, w := range neg[i+1:] {
			if w.Stop {
				continue
			}
			if stems[w.Stem] {
				return true
			}
			if seen++; seen == 3 {
				break
			}
		}
	}
	return false
}

// tokens returns the tokens and the normalized text of unit u.
func (s *Story) tokens(u int) ([]text.Token, string) {
	un := &s.Align.Units[u]
	d := s.Docs[un.Doc]
	if un.Sent >= 0 {
		return d.Sentences[un.Sent].Tokens, d.Sentences[un.Sent].Norm
	}
	return d.TitleTokens, d.Title.Text
}

func isNegation(t text.Token) bool {
	switch t.Lower {
	case "not", "no", "never", "denied", "denies", "deny":
		return true
	}
	return strings.HasSuffix(t.Lower, "n't")
}

func negated(toks []text.Token) bool {
	for _, t := range toks {
		if isNegation(t) {
			return true
		}
	}
	return false
}

// facts are the checkable details of one sentence.
type facts struct {
	numbers map[string]count // counted word's stem -> count
	days    []string
	negated bool
}

var dayRe = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.) \d{1,2})\b`)

func (s *Story) facts(u int) facts {
	toks, norm := s.tokens(u)
	f := facts{numbers: map[string]count{}}
	ambiguous := make(map[string]bool)
	for i, t := range toks {
		if t.Number && i+1 < len(toks) && !toks[i+1].Number && !toks[i+1].Stop {
			// A word counted twice with different numbers ("the
			// 54-year-old and his 16-year-old daughter") says nothing
			// checkable on its own.
			key := toks[i+1].Stem
			if c, ok := f.numbers[key]; ok && c.n != t.Stem {
				ambiguous[key] = true
			}
			f.numbers[key] = count{t.Stem, toks[i+1].Lower}
		}
		if isNegation(t) {
			f.negated = true
		}
	}
	for key := range ambiguous {
		delete(f.numbers, key)
	}
	f.days = dayRe.FindAllString(norm, -1)
	return f
}

// A count is a number and the word it counts, as written.
type count struct{ n, word string }

func polarity(neg bool) string {
	if neg {
		return "negative"
	}
	return "affirmative"
}
