package brief

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// conflictThreshold is the similarity two aligned sentences need before
// they are compared as statements of one fact.
const conflictThreshold = 0.3

// Two sentences state the same fact, so that a differing value in them is
// a disagreement, when each covers at least sameCore of the other's
// content words that are not names or numbers, and at least sameVerb of
// its verbs, and each holds the other's main actor.
const (
	sameCore = 0.6
	sameVerb = 0.5
)

// conflicts returns the facts that aligned sentences of different sources
// report with different values. For each sentence, its close matches in
// other sources that state the same fact (sameFact) form a group; a value
// slot (a number and the word it counts, a rank, an age, the date of the
// happening, the polarity of the shared predicate, a person's name) that
// takes incompatible values in the group is one conflict, with one side
// per value citing every source that gives it.
func (s *Story) conflicts(matches [][]align.Match) []parallax.Conflict {
	out := []parallax.Conflict{}
	done := make(map[string]bool) // kind/key/unit already reported
	cache := make(map[int]*facts)
	factsOf := func(u int) *facts {
		f, ok := cache[u]
		if !ok {
			f = s.facts(u)
			cache[u] = f
		}
		return f
	}
	usedTok := make(map[[2]int]bool) // unit, number token already reported
	people := &mentionIndex{s: s, docs: make(map[int][][]entity.Mention)}
	for u := range s.Align.Units {
		near := []int{u}
		group := []int{u}
		for _, m := range matches[u] {
			if m.Sim < conflictThreshold {
				continue
			}
			near = append(near, m.Unit)
			if s.sameFact(u, m.Unit, true) {
				group = append(group, m.Unit)
			}
		}
		fu := factsOf(u)
		if len(near) >= 2 {
			// Numbers, by the slot they fill; two sentences that tell
			// different times may both be right.
			// A number fills a slot by the word it counts and one by the
			// verb before it ("~" keys, sorted last); it is reported once.
			for _, key := range sortedKeys(fu.numbers) {
				q := fu.numbers[key]
				if usedTok[[2]int{u, q.tok}] {
					continue
				}
				values, shown := make(map[int]string), make(map[int]string)
				clash := false
				among := group
				if strings.HasPrefix(key, "age:") {
					among = near // a person's age, whatever the sentence tells
				}
				for _, v := range among {
					fv := factsOf(v)
					r, ok := fv.numbers[key]
					if !ok || (v != u && !sameTimes(fu, fv)) {
						continue
					}
					values[v], shown[v] = r.canon, r.shown
					clash = clash || q.disjoint(r)
				}
				if clash {
					n := len(out)
					out = s.addConflict(out, done, "number", key, among, values, shown)
					if len(out) > n {
						for v := range values {
							usedTok[[2]int{v, factsOf(v).numbers[key].tok}] = true
						}
					}
				}
			}
			// The date of the happening, when each side gives one of the
			// same kind (a weekday or a day of a month).
			if d, ok := fu.date(); ok && len(group) >= 2 {
				values, shown := make(map[int]string), make(map[int]string)
				for _, v := range group {
					if e, ok := factsOf(v).date(); ok && e.kind == d.kind && sameTimes(fu, factsOf(v)) {
						values[v], shown[v] = e.canon, e.shown
					}
				}
				out = s.addConflict(out, done, "date", "", group, values, shown)
			}
			// Polarity: one side denies the predicate the other asserts.
			values := make(map[int]string)
			for _, v := range group[1:] {
				if s.negationOpposes(u, v, fu, factsOf(v)) {
					values[u] = polarity(fu.negated)
					values[v] = polarity(factsOf(v).negated)
				}
			}
			out = s.addConflict(out, done, "polarity", "", group, values, nil)
		}
		// Names: the same person written with a different first name, or
		// the same title given to a different person.
		if len(near) >= 2 {
			clash := s.nameClashes(near, people)
			for _, key := range sortedKeys(clash) {
				out = s.addConflict(out, done, "name", key, near, clash[key].canonical, clash[key].shown)
			}
		}
	}
	return out
}

// sameFact reports whether units u and v state the same fact, up to the
// values a conflict is about: each covers most of the other's content and
// verbs, and, when subject is set, one holds the other's main actor (a
// name clash is about the actor, so it does not ask that).
func (s *Story) sameFact(u, v int, subject bool) bool {
	a, b := s.Align.Compare(u, v), s.Align.Compare(v, u)
	return a.Shared >= 3 && (!subject || a.Subject || b.Subject) &&
		min(a.CoreCover, b.CoreCover) >= sameCore &&
		min(a.VerbCover, b.VerbCover) >= sameVerb
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
// names ("Mick Pence", "Mike Pence"), the same first name and last names
// spelled almost alike ("Russell Anderson", "Russell Henderson"), or the
// same title and different last names. It returns, per clash (keyed by what the names share), each
// unit's name as written; units that name no one in that slot are left
// out. First names are compared through the paraphrase lexicon, so "Mike"
// and "Michael" do not clash. Two names are no clash when the other
// sentence also holds the first one (two people of one family), when one
// name is part of the other ("Fino Kabangu Kalunga", "Kabangu Kalunga"),
// or when the names are a company's. First names that are not spelled
// alike clash only between statements of the same fact.
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
	same := make(map[[2]int]bool)
	sameFact := func(u, v int) bool {
		k := [2]int{u, v}
		r, ok := same[k]
		if !ok {
			r = s.sameFact(u, v, false)
			same[k] = r
		}
		return r
	}
	for i, u := range group {
		for _, v := range group[i+1:] {
			for _, a := range per[u] {
				for _, b := range per[v] {
					if company(a) || company(b) || partOf(a, b) || partOf(b, a) {
						continue
					}
					switch {
					case a.Last != "" && nameTerm(a.Last) == nameTerm(b.Last) &&
						a.First != "" && b.First != "" && nameTerm(a.First) != nameTerm(b.First) &&
						!hasFirst(per[v], a) && !hasFirst(per[u], b) &&
						(alike(nameTerm(a.First), nameTerm(b.First)) || sameFact(u, v)):
						key := "last:" + nameTerm(a.Last)
						add(key, u, nameTerm(a.First), a.Name)
						add(key, v, nameTerm(b.First), b.Name)
					case a.First != "" && nameTerm(a.First) == nameTerm(b.First) &&
						a.Last != "" && b.Last != "" && nameTerm(a.Last) != nameTerm(b.Last) &&
						alike(nameTerm(a.Last), nameTerm(b.Last)) && !names(per[v], a.Last) && !names(per[u], b.Last):
						key := "first:" + nameTerm(a.First)
						add(key, u, nameTerm(a.Last), a.Name)
						add(key, v, nameTerm(b.Last), b.Name)
					case a.Title != "" && strings.EqualFold(a.Title, b.Title) &&
						nameTerm(a.Last) != nameTerm(b.Last) && !names(per[v], a.Last) && !names(per[u], b.Last) &&
						sameFact(u, v):
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

// company reports whether a mention is a company's name ("General
// Electric Co.").
func company(m entity.Mention) bool {
	switch strings.ToLower(strings.TrimSuffix(m.Last, ".")) {
	case "co", "corp", "inc", "ltd", "plc", "group", "bank":
		return true
	}
	return false
}

// partOf reports whether the words of b's name are all in a's.
func partOf(a, b entity.Mention) bool {
	words := strings.Fields(strings.ToLower(a.Name))
	for _, w := range strings.Fields(strings.ToLower(b.Name)) {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// hasFirst reports whether one of the mentions names the person of m: its
// last name with its first name.
func hasFirst(ms []entity.Mention, m entity.Mention) bool {
	for _, o := range ms {
		if nameTerm(o.Last) == nameTerm(m.Last) && nameTerm(o.First) == nameTerm(m.First) {
			return true
		}
	}
	return false
}

// alike reports whether two names are spelled almost alike: at most two
// edits apart, and both longer than the edits.
func alike(a, b string) bool {
	if len(a) < 4 || len(b) < 4 {
		return false
	}
	return editDistance(a, b) <= 2
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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

// negationOpposes reports whether one of units u and v, two statements of
// one fact, denies what the other asserts: exactly one is negated, and its
// negation bears on the first content word after it, which the other
// sentence holds unnegated.
func (s *Story) negationOpposes(u, v int, fu, fv *facts) bool {
	if fu.negated == fv.negated || fu.question || fv.question {
		return false
	}
	neg, pos := fu, fv
	if fv.negated {
		neg, pos = fv, fu
	}
	if neg.never && pos.first || neg.exception || pos.only {
		return false // "never done before" says what "the first time" does
	}
	for _, w := range neg.negates {
		if pos.stems[w] {
			return true
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

func polarity(neg bool) string {
	if neg {
		return "negative"
	}
	return "affirmative"
}

// facts are the checkable details of one sentence.
type facts struct {
	// numbers maps a slot (the word a number counts, "rank:" and a
	// superlative, "age:" and a name) to its value; a slot filled twice
	// with different values is left out.
	numbers map[string]quantity
	// dates are the days the sentence tells, as days of happenings (not
	// the day something was said); times are its clock times.
	dates []day
	times []string
	// negated reports a negation that bears on the sentence's predicate,
	// and negates the content words it bears on.
	negated bool
	negates []string
	never   bool // the negation is "never"
	first   bool // the sentence tells a "first" time
	// exception reports a negation with an exception ("not ... other
	// than"), which says what "only" says; only reports an "only".
	exception, only bool
	// question reports a question.
	question bool
	stems    map[string]bool // content stems not under a negation
}

// A quantity is a number or a range of numbers, as written.
type quantity struct {
	lo, hi float64
	canon  string // the value compared: lo-hi
	shown  string // the words as written
	tok    int    // the index of its number's token
}

// disjoint reports whether two quantities cannot both be right.
func (q quantity) disjoint(r quantity) bool {
	return q.hi < r.lo || r.hi < q.lo
}

// A day is a weekday or a day of a month, as written and normalized.
type day struct {
	kind, canon, shown string
}

// date returns the one date of the happening a sentence tells.
func (f *facts) date() (day, bool) {
	if len(f.dates) != 1 {
		return day{}, false
	}
	return f.dates[0], true
}

// sameTimes reports whether two sentences tell no different clock times:
// a number of a different moment (a wind at noon, a toll by night) is not
// a disagreement.
func sameTimes(a, b *facts) bool {
	if len(a.times) == 0 || len(b.times) == 0 {
		return true
	}
	for _, t := range a.times {
		if !slices.Contains(b.times, t) {
			return false
		}
	}
	for _, t := range b.times {
		if !slices.Contains(a.times, t) {
			return false
		}
	}
	return true
}

var (
	spelled = map[string]float64{
		"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "dozen": 12, "dozens": 24,
	}
	multipliers = map[string]float64{
		"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	}
	ordinals = map[string]float64{
		"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
		"6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
	}
	weekdays = map[string]string{
		"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
		"friday": "fri", "saturday": "sat", "sunday": "sun",
	}
	months = map[string]int{
		"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4,
		"may": 5, "june": 6, "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9,
		"sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
	}
	// saying are the verbs after which a day is the day something was said.
	saying = setOfWords("said", "says", "told", "announced", "reported", "added", "stated",
		"confirmed", "declared", "reiterated", "repeated", "estimated", "predicted", "denied", "warned", "disclosed", "revealed", "acknowledged", "insisted")
	// clock are the words that make a number a time of day.
	clock = setOfWords("a.m", "p.m", "a.m.", "p.m.", "am", "pm", "gmt", "edt", "est", "pdt", "pst", "cdt", "o'clock")
)

func setOfWords(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// numberAt returns the value of token t when it is a number written in
// digits or spelled.
func numberAt(t text.Token) (float64, bool) {
	if t.Number {
		x, err := strconv.ParseFloat(strings.ReplaceAll(t.Stem, ",", ""), 64)
		return x, err == nil
	}
	x, ok := spelled[t.Lower]
	return x, ok
}

func (s *Story) facts(u int) *facts {
	toks, norm := s.tokens(u)
	f := &facts{numbers: map[string]quantity{}, stems: map[string]bool{}}
	f.question = strings.HasSuffix(strings.TrimRight(norm, `"' `), "?")
	gap := func(i int) string { // the text between token i-1 and token i
		if i <= 0 || i >= len(toks) {
			return ""
		}
		return norm[toks[i-1].End:toks[i].Start]
	}
	lower := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return strings.TrimSuffix(toks[i].Lower, ".")
	}
	quoted := inQuotes(norm, toks)
	ambiguous := make(map[string]bool)
	setNumber := func(key string, q quantity) {
		if r, ok := f.numbers[key]; ok && r.canon != q.canon {
			ambiguous[key] = true
		}
		f.numbers[key] = q
	}
	skipTo := -1
	for i := range toks {
		t := toks[i]
		w := lower(i)
		// Days.
		if m, ok := months[w]; ok && i+1 < len(toks) && toks[i+1].Number {
			if d, err := strconv.Atoi(toks[i+1].Stem); err == nil && d >= 1 && d <= 31 && (len(w) > 3 || w == "may" || strings.HasPrefix(gap(i+1), ".") || gap(i+1) == " ") {
				if w != "may" || t.Cap {
					canon := strconv.Itoa(m) + "/" + strconv.Itoa(d)
					if !said(toks, i, lower) {
						f.dates = append(f.dates, day{"month", canon, norm[t.Start:toks[i+1].End]})
					}
					skipTo = i + 1
					continue
				}
			}
		}
		if wd, ok := weekdays[w]; ok {
			if !said(toks, i, lower) {
				f.dates = append(f.dates, day{"weekday", wd, norm[t.Start:t.End]})
			}
			continue
		}
		if i <= skipTo {
			continue
		}
		// Negation.
		if negates(toks, i) && !quoted[i] {
			f.negated = true
			f.never = f.never || w == "never"
			for j := i + 1; j < min(i+8, len(toks)); j++ {
				switch lower(j) {
				case "other", "than", "except", "but", "unless":
					f.exception = true
				}
			}
			for j := i + 1; j < len(toks); j++ {
				if !toks[j].Stop {
					f.negates = append(f.negates, toks[j].Stem)
					break
				}
			}
		}
		if w == "only" {
			f.only = true
		}
		if w == "first" {
			f.first = true
		}
		// Ranks: "second-largest oil company".
		if n, ok := ordinals[w]; ok && i+1 < len(toks) && strings.Contains(gap(i+1), "-") && strings.HasSuffix(lower(i+1), "est") {
			key := "rank:" + toks[i+1].Stem
			if i+2 < len(toks) && !toks[i+2].Stop {
				key += " " + toks[i+2].Stem
			}
			setNumber(key, quantity{lo: n, hi: n, canon: strconv.FormatFloat(n, 'g', -1, 64), shown: norm[t.Start:toks[i+1].End]})
			skipTo = i + 1
			continue
		}
		n, ok := numberAt(t)
		if !ok {
			continue
		}
		// "twenty-two": the tens take the unit after them.
		next := i + 1
		if !t.Number && i+1 < len(toks) && !toks[i+1].Number && strings.TrimSpace(gap(i+1)) == "-" {
			if x, ok := spelled[lower(i+1)]; ok && n >= 20 && x < 10 {
				n += x
				next = i + 2
			}
		}
		if !t.Number && i > 0 && strings.TrimSpace(gap(i)) == "-" && spelled[lower(i-1)] >= 20 {
			continue
		}
		// A number quoted is a speaker's or a label's; one joined to
		// others by hyphens is a code ("9-1-1"); the total in "34 out
		// of the 4,557 arrests" is not what is counted.
		if quoted[i] || strings.TrimSpace(gap(i)) == "-" && i > 0 && toks[i-1].Number ||
			strings.TrimSpace(gap(i+1)) == "-" && i+2 < len(toks) && toks[i+1].Number && strings.TrimSpace(gap(i+2)) == "-" ||
			lower(i-1) == "of" || lower(i-1) == "the" && lower(i-2) == "of" {
			continue
		}
		// A clock time, a year, a part of a date or a number of a name
		// ("No. 2", "Apollo 13") counts nothing.
		if clock[lower(i+1)] || strings.Contains(gap(i+1), ":") || (t.Number && n >= 1800 && n <= 2100 && !strings.Contains(t.Lower, ",")) ||
			(i > 0 && (toks[i-1].Cap && !toks[i-1].Stop && gap(i) == " " || lower(i-1) == "no")) {
			if clock[lower(i+1)] || strings.Contains(gap(i+1), ":") {
				f.times = append(f.times, t.Lower+lower(i+1))
			}
			continue
		}
		// An age after a name: "Chastity Pasley, 21, and".
		if i > 0 && toks[i-1].Cap && !toks[i-1].Stop && strings.TrimSpace(gap(i)) == "," && n >= 1 && n <= 120 &&
			(i+1 == len(toks) || strings.HasPrefix(strings.TrimSpace(gap(i+1)), ",") || strings.HasPrefix(strings.TrimSpace(norm[t.End:]), ",") || strings.HasPrefix(strings.TrimSpace(norm[t.End:]), ".")) {
			setNumber("age:"+toks[i-1].Lower, quantity{lo: n, hi: n, canon: t.Stem, shown: toks[i-1].Lower + ", " + t.Lower})
			continue
		}
		start, j := i, next
		if m, ok := multipliers[lower(j)]; ok {
			n *= m
			j++
		}
		lo, hi := n, n
		// A range: "20 to 30", "20-30", "between 20 and 30".
		if j+1 < len(toks) && (lower(j) == "to" || lower(j) == "and" && lower(i-1) == "between") {
			if m, ok := numberAt(toks[j+1]); ok {
				if x, ok := multipliers[lower(j+2)]; ok {
					m *= x
					j++
				}
				hi = m
				j += 2
			}
		} else if j < len(toks) && strings.TrimSpace(gap(j)) == "-" && toks[j].Number {
			if m, ok := numberAt(toks[j]); ok && m > n {
				hi = m
				j++
			}
		}
		// The words before it bound it.
		switch b1, b2 := lower(i-1), lower(i-2); {
		case b1 == "least" || b1 == "than" && (b2 == "more" || b2 == "greater") || b1 == "over" || b1 == "above" || b1 == "exceeding" || b1 == "of" && b2 == "upwards":
			hi = math.Inf(1)
			start = i - 1
		case b1 == "than" && (b2 == "less" || b2 == "fewer") || b1 == "to" && b2 == "up" || b1 == "under" || b1 == "below" || b1 == "many" && b2 == "as":
			lo = 0
			start = i - 1
		case b1 == "nearly" || b1 == "almost":
			lo = 0.8 * n
			start = i - 1
		case b1 == "about" || b1 == "around" || b1 == "approximately" || b1 == "some" || b1 == "roughly" || b1 == "estimated" || b1 == "an":
			lo, hi = 0.8*n, 1.2*n
			start = i - 1
		}
		canon := strconv.FormatFloat(lo, 'g', -1, 64) + "-" + strconv.FormatFloat(hi, 'g', -1, 64)
		// The word it counts follows it: "32 people", "80 mph"; in a
		// compound ("115-yacht fleet", "54-year-old") the compound is the
		// slot.
		key, end := "", toks[j-1].End
		if j < len(toks) && !toks[j].Stop && !toks[j].Number && !strings.ContainsAny(strings.TrimSpace(gap(j)), ",.;:()\"") {
			if _, ok := numberAt(toks[j]); !ok {
				key, end = toks[j].Stem, toks[j].End
				if strings.Contains(gap(j), "-") && j+1 < len(toks) && !toks[j+1].Stop && !toks[j+1].Number {
					key += " " + toks[j+1].Stem
					end = toks[j+1].End
				}
				setNumber(key, quantity{lo: lo, hi: hi, canon: canon, shown: norm[toks[start].Start:end], tok: i})
			}
		}
		// The verb before it, with the unit, is a slot too: "wounding
		// 21", "rose to 32", "gusting to 80 knots".
		b := start - 1
		if lower(b) == "to" || lower(b) == "by" {
			b--
		}
		if b >= 0 && !toks[b].Stop && !toks[b].Cap && !toks[b].Number && strings.TrimSpace(gap(b+1)) == "" {
			if _, isNum := numberAt(toks[b]); !isNum {
				unit := key
				if unit == "peopl" || unit == "person" {
					unit = ""
				}
				setNumber("~"+toks[b].Stem+"/"+unit, quantity{lo: lo, hi: hi, canon: canon, shown: norm[toks[b].Start:end], tok: i})
			}
		}
		skipTo = j - 1
	}
	for key := range ambiguous {
		delete(f.numbers, key)
	}
	for i, t := range toks {
		if !t.Stop && !(i > 0 && negates(toks, i-1)) {
			f.stems[t.Stem] = true
		}
	}
	return f
}

// said reports whether the day at token i is the day something was said:
// "said Sunday", "said on Sunday", "Sunday said".
func said(toks []text.Token, i int, lower func(int) string) bool {
	b := i - 1
	if lower(b) == "on" || lower(b) == "late" || lower(b) == "early" {
		b--
	}
	next := i + 1
	if next < len(toks) && toks[next].Number {
		next++
	}
	return saying[lower(b)] || saying[lower(next)]
}

// inQuotes marks the tokens inside double quotation marks: a negation
// there is a speaker's, not the outlet's.
func inQuotes(norm string, toks []text.Token) []bool {
	out := make([]bool, len(toks))
	open := false
	at := 0
	for i, t := range toks {
		open = open != (strings.Count(norm[at:t.Start], `"`)%2 == 1)
		out[i] = open
		at = t.Start
	}
	return out
}

// negates reports whether token i of toks denies: a negation as the
// aligner reads it, or a verb of denial.
func negates(toks []text.Token, i int) bool {
	switch toks[i].Lower {
	case "denied", "denies", "deny":
		return true
	}
	return align.Negates(toks, i)
}
