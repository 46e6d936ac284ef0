package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/text"
)

// MaxLeavesOut caps the statements an outlet's framing lists as left out.
const MaxLeavesOut = 5

// leadWords is the length under which a first sentence is lead together
// with the second.
const leadWords = 15

// framing writes b.Framing, one entry per article of the story, and the
// CarriedBy line of the brief's statements. support and reports are the
// brief's same-information decisions and report numbers; table holds the
// outlet profiles.
func (s *Story) framing(b *parallax.Brief, loose [][]align.Match, support [][]align.Evidence, reports []int, table *outlet.Table) {
	n := len(s.Articles)
	profiles := make([]*parallax.OutletProfile, n)
	var extra []string
	for d, a := range s.Articles {
		if p, ok := table.Match(a.Outlet, a.URL); ok {
			profiles[d] = &p
		}
	}
	extra = table.Names()
	sp := s.speakers()
	credits := newOutletNames(extra)

	out := make([]parallax.OutletFraming, n)
	voices := make([]map[string]*voice, n) // by speaker key
	for d, a := range s.Articles {
		doc := s.Docs[d]
		f := parallax.OutletFraming{Source: a.ID, Outlet: a.Outlet, Profile: profiles[d],
			Lead: []parallax.Span{}, Verbs: []parallax.VerbUse{}, Hedges: []parallax.Hedge{},
			LeavesOut: []parallax.Statement{}, OnlyHere: []parallax.Statement{}, Voices: []parallax.Voice{},
			Unheard: []parallax.Unheard{}, Credits: []parallax.Credit{}}
		if f.Outlet == "" {
			f.Outlet = a.ID
		}
		// The lead.
		var lead []string
		for i := range min(2, len(doc.Sentences)) {
			sen := &doc.Sentences[i]
			f.Lead = append(f.Lead, parallax.Span{Source: a.ID, Start: sen.Start, End: sen.End})
			lead = append(lead, a.Text[sen.Start:sen.End])
			if sen.Words() >= leadWords {
				break
			}
		}
		f.LeadText = strings.Join(lead, " ")

		// Quotations, their speakers, and the verbs of attribution.
		qdoc := sp.docs[d]
		qs := quote.Find(qdoc, sp.ms[d])
		var quoted quotedRanges
		voices[d] = map[string]*voice{}
		var order []string
		total := 0
		for _, q := range qs {
			for _, p := range q.Parts {
				quoted = append(quoted, [2]int{p.NormStart, p.NormEnd})
			}
			key, name := sp.of(d, q.Speaker)
			v := voices[d][key]
			if v == nil {
				v = &voice{Voice: parallax.Voice{Speaker: name, Spans: []parallax.Span{}}}
				voices[d][key] = v
				order = append(order, key)
			}
			w := len(strings.Fields(q.Text))
			v.Quotes++
			v.Words += w
			total += w
			v.Spans = append(v.Spans, parallax.Span{Source: a.ID, Start: q.Start, End: q.End})
		}
		slices.SortFunc(quoted, func(x, y [2]int) int { return x[0] - y[0] })
		for _, key := range order {
			v := voices[d][key]
			if total > 0 {
				v.Share = float64(v.Words) / float64(total)
			}
			f.Voices = append(f.Voices, v.Voice)
		}
		slices.SortStableFunc(f.Voices, func(x, y parallax.Voice) int { return y.Words - x.Words })

		verbs := map[string]*verbUse{}
		var verbOrder []string
		for _, r := range quote.Reports(qdoc, sp.ms[d]) {
			cue := r.Speaker.Cue
			if cue == "" || r.Sent >= len(qdoc.Sentences) {
				continue
			}
			sen := &qdoc.Sentences[r.Sent]
			last := r.Cue + len(strings.Fields(cue)) - 1
			if r.Cue < 0 || last >= len(sen.Tokens) {
				continue
			}
			if !attributes(sen, r.Cue, last) {
				continue
			}
			start, end := tokenSpan(qdoc, sen, r.Cue, last)
			key, name := sp.of(d, r.Speaker)
			u := verbs[cue]
			if u == nil {
				u = &verbUse{VerbUse: parallax.VerbUse{Verb: cue}, count: map[string]int{}, shown: map[string]string{}}
				verbs[cue] = u
				verbOrder = append(verbOrder, cue)
			}
			u.Count++
			u.Spans = append(u.Spans, parallax.Span{Source: a.ID, Start: start, End: end})
			// A role written twice with another case or article
			// ("Officials", "the officials") is one speaker, shown as
			// first written.
			if u.count[key] == 0 {
				u.names = append(u.names, key)
				u.shown[key] = name
			}
			u.count[key]++
		}
		for _, cue := range verbOrder {
			u := verbs[cue]
			for _, key := range u.names {
				u.Speakers = append(u.Speakers, parallax.NameCount{Name: u.shown[key], Count: u.count[key]})
			}
			slices.SortStableFunc(u.Speakers, func(x, y parallax.NameCount) int { return y.Count - x.Count })
			f.Verbs = append(f.Verbs, u.VerbUse)
		}
		slices.SortStableFunc(f.Verbs, func(x, y parallax.VerbUse) int { return y.Count - x.Count })

		for _, h := range findHedges(doc, quoted) {
			h.Span.Source = a.ID
			f.Hedges = append(f.Hedges, h)
		}
		for _, c := range findCredits(doc, quoted, credits) {
			c.Span.Source = a.ID
			f.Credits = append(f.Credits, c)
		}
		out[d] = f
	}

	// Voices others quote that a source does not.
	for d := range out {
		var keys []string
		quotedBy := map[string][]string{}
		name := map[string]string{}
		for e := range out {
			if e == d {
				continue
			}
			for key, v := range voices[e] {
				if key == "" || voices[d][key] != nil {
					continue
				}
				if quotedBy[key] == nil {
					keys = append(keys, key)
					name[key] = v.Speaker
				}
				quotedBy[key] = append(quotedBy[key], s.Articles[e].ID)
			}
		}
		slices.SortFunc(keys, func(x, y string) int {
			return cmp.Or(len(quotedBy[y])-len(quotedBy[x]), sp.firstSeen(x)-sp.firstSeen(y), strings.Compare(x, y))
		})
		for _, key := range keys {
			out[d].Unheard = append(out[d].Unheard, parallax.Unheard{Speaker: name[key], QuotedBy: quotedBy[key]})
		}
	}

	// What most other reports carry and a source leaves out.
	s.leavesOut(out, b, loose, support, reports)

	// Which kinds of outlets carry each statement.
	byID := map[string]*parallax.OutletProfile{}
	outletOf := map[string]string{}
	for d, a := range s.Articles {
		byID[a.ID] = profiles[d]
		outletOf[a.ID] = out[d].Outlet
	}
	carried := func(list []parallax.Statement) {
		for i := range list {
			list[i].CarriedBy = carriedBy(list[i].Sources, byID, outletOf)
		}
	}
	carried(b.Summary)
	carried(b.Agreed)
	for _, list := range b.Exclusive {
		carried(list)
	}
	for d := range out {
		carried(out[d].LeavesOut)
		out[d].OnlyHere = append(out[d].OnlyHere, b.Exclusive[s.Articles[d].ID]...)
	}
	b.Framing = out
}

type voice struct {
	parallax.Voice
}

type verbUse struct {
	parallax.VerbUse
	names []string          // speaker keys, in order of first use
	count map[string]int    // by speaker key
	shown map[string]string // the name shown, by speaker key
}

// attributes tells whether the cue at tokens [k, last] of s attributes
// speech: not a verb that takes an infinitive ("offered to speak",
// "promised to act"), not "alleged" as an adjective ("Russia's alleged
// meddling").
func attributes(s *text.Sentence, k, last int) bool {
	w := s.Tokens[k].Lower
	next := ""
	if last+1 < len(s.Tokens) {
		next = s.Tokens[last+1].Lower
	}
	if next == "to" && infinitiveVerbs[w] {
		return false
	}
	if w == "alleged" && next != "that" && next != "" && !gapPunct(s, last, last+1) {
		return false
	}
	return true
}

// infinitiveVerbs are verbs of speech that, before "to", take an
// infinitive and report no words.
var infinitiveVerbs = setOf("offered", "offers", "offer", "promised", "promises", "vowed", "vows",
	"pledged", "pledges", "threatened", "threatens", "agreed", "agrees", "refused", "refuses",
	"declined", "declines", "demanded", "asked", "asks", "urged", "urges", "continued",
	"continues", "claimed", "claims", "admitted", "denied", "expected", "hoped", "wanted")

// speakers names the speakers of a story's quotations the way the quote
// ledger does: a person by the canonical name entity.Resolve gives, else
// the role a source describes.
type speakers struct {
	// docs are the documents the mentions were found in: the story's, or
	// an article read again with its names' capitals restored (the same
	// bytes but for case, so offsets hold).
	docs   []*text.Document
	ms     [][]entity.Mention
	people *entity.Table
	seen   map[string]int // key -> order of first sight
}

func (s *Story) speakers() *speakers {
	nm := s.names()
	return &speakers{docs: nm.docs, ms: nm.ms, people: nm.table, seen: map[string]int{}}
}

// of returns the key and the shown name of a speaker of document doc; ""
// and "" for no speaker.
func (sp *speakers) of(doc int, s quote.Speaker) (key, name string) {
	defer func() {
		if _, ok := sp.seen[key]; !ok {
			sp.seen[key] = len(sp.seen)
		}
	}()
	return quote.SpeakerKey(sp.people, doc, sp.ms[doc], sp.docs[doc].Norm.Source(), s)
}

func (sp *speakers) firstSeen(key string) int { return sp.seen[key] }

// leavesOut fills each framing's LeavesOut: sentences of other articles
// whose information at least two independent reports other than the
// article's own carry, more than half of those other reports, and that
// the article does not carry (by the same-information decision, either
// way). Sentences carried by the most reports come first, then those the
// brief's summary and agreed lists cite, then in text order; a sentence
// that carries the information of one already listed is not listed again.
func (s *Story) leavesOut(out []parallax.OutletFraming, b *parallax.Brief, loose [][]align.Match, support [][]align.Evidence, reports []int) {
	nr := 0
	for _, r := range reports {
		nr = max(nr, r+1)
	}
	if nr < 3 {
		return // with one other report, its exclusive list says it all
	}
	units := s.Align.Units
	// carriers[u]: the articles that carry unit u's information; rev[u]:
	// the units whose support holds u.
	carriers := make([][]int, len(units))
	rev := make([][]int, len(units))
	for u := range units {
		if units[u].Sent < 0 {
			continue
		}
		carriers[u] = append(carriers[u], units[u].Doc)
		for _, e := range support[u] {
			carriers[u] = append(carriers[u], e.Doc)
			for _, v := range e.Units {
				// v's article carries u, and u's article carries v.
				carriers[v] = append(carriers[v], units[u].Doc)
				rev[v] = append(rev[v], u)
			}
		}
	}
	// The units that enough reports carry to be left out by one: the only
	// candidates.
	type cand struct {
		u       int
		reports []int // the reports that carry it, sorted
	}
	var wide []cand
	for u := range carriers {
		if units[u].Sent < 0 {
			continue
		}
		slices.Sort(carriers[u])
		carriers[u] = slices.Compact(carriers[u])
		var rs []int
		for _, e := range carriers[u] {
			rs = append(rs, reports[e])
		}
		slices.Sort(rs)
		rs = slices.Compact(rs)
		if k := len(rs); k >= 2 && 2*k > nr-1 {
			wide = append(wide, cand{u, rs})
		}
	}
	// carries tells whether article d carries unit u's information, or
	// that of a sentence the decision takes for it either way, or has a
	// sentence even loosely like it (the bar that keeps a sentence off the
	// exclusive list): wording that splits a claim over sentences or words
	// it otherwise reads as left out, and saying an outlet leaves out what
	// it reports is the worse mistake.
	carries := func(d, u int) bool {
		if slices.Contains(carriers[u], d) {
			return true
		}
		for _, m := range loose[u] {
			if units[m.Unit].Doc == d && m.Sim >= exclusiveThreshold {
				return true
			}
		}
		for _, e := range support[u] {
			for _, v := range e.Units {
				if slices.Contains(carriers[v], d) {
					return true
				}
			}
		}
		for _, v := range rev[u] {
			if slices.Contains(carriers[v], d) {
				return true
			}
		}
		return false
	}
	cited := map[int]bool{}
	for _, list := range [][]parallax.Statement{b.Summary, b.Agreed} {
		for _, st := range list {
			if len(st.Evidence) > 0 {
				if u := s.Unit(st.Evidence[0]); u >= 0 {
					cited[u] = true
				}
			}
		}
	}
	for d := range out {
		own := reports[d]
		var cands []cand
		for _, c := range wide {
			if units[c.u].Doc == d || carries(d, c.u) {
				continue
			}
			k := len(c.reports)
			if slices.Contains(c.reports, own) {
				k--
			}
			if k >= 2 && 2*k > nr-1 {
				cands = append(cands, c)
			}
		}
		slices.SortStableFunc(cands, func(x, y cand) int {
			return cmp.Or(len(y.reports)-len(x.reports), boolOrder(cited[x.u], cited[y.u]))
		})
		used := map[int]bool{}
		for _, c := range cands {
			if len(out[d].LeavesOut) == MaxLeavesOut {
				break
			}
			if used[c.u] {
				continue
			}
			used[c.u] = true
			for _, e := range support[c.u] {
				for _, v := range e.Units {
					used[v] = true
				}
			}
			for _, v := range rev[c.u] {
				used[v] = true
			}
			st := s.statement(c.u, support[c.u])
			// The articles whose sentences the decision finds carried by
			// this one count among its carriers too: cite them.
			for _, v := range rev[c.u] {
				if id := s.Articles[units[v].Doc].ID; !slices.Contains(st.Sources, id) {
					st.Sources = append(st.Sources, id)
					st.Evidence = append(st.Evidence, s.Span(v))
				}
			}
			out[d].LeavesOut = append(out[d].LeavesOut, st)
		}
	}
}

// boolOrder orders true before false.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// carriedBy says which kinds of outlets report a statement carried by the
// sources ids, or "" when the table knows none of them.
func carriedBy(ids []string, profile map[string]*parallax.OutletProfile, outletOf map[string]string) string {
	kinds := map[string]int{} // outlets by kind of ownership
	var order []string
	seen := map[string]bool{}
	unknown, known := 0, 0
	var countries []string
	for _, id := range ids {
		o := strings.ToLower(outletOf[id])
		if seen[o] {
			continue
		}
		seen[o] = true
		p := profile[id]
		if p == nil {
			unknown++
			continue
		}
		known++
		if kinds[p.Ownership] == 0 {
			order = append(order, p.Ownership)
		}
		kinds[p.Ownership]++
		if p.Country != "" {
			countries = append(countries, p.Country)
		}
	}
	if known == 0 {
		return ""
	}
	slices.Sort(countries)
	countries = slices.Compact(countries)
	where := ""
	if len(countries) > 0 {
		where = " (" + strings.Join(countries, ", ") + ")"
	}
	// One kind only, and every other outlet of the story of another kind
	// or unknown: "only ... report this".
	if len(order) == 1 && unknown == 0 {
		k := order[0]
		others := false
		for id, p := range profile {
			if !seen[strings.ToLower(outletOf[id])] && (p == nil || p.Ownership != k) {
				others = true
				break
			}
		}
		if others {
			if kinds[k] == 1 {
				return fmt.Sprintf("only a %s%s reports this", kindNoun(k, 1), where)
			}
			return fmt.Sprintf("only %s%s report this", kindNoun(k, 2), where)
		}
	}
	slices.SortFunc(order, func(x, y string) int { return cmp.Or(kinds[y]-kinds[x], strings.Compare(x, y)) })
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%d %s", kinds[k], kindNoun(k, kinds[k])))
	}
	s := "reported by " + strings.Join(parts, ", ") + where
	if unknown > 0 {
		s += fmt.Sprintf(" and %d %s not in the outlet table", unknown, plural(unknown, "outlet"))
	}
	return s
}

// kindNoun names n outlets of an ownership kind: "public broadcaster",
// "private outlets", "private outlet (trust-owned)".
func kindNoun(kind string, n int) string {
	base, note := kind, ""
	if i := strings.IndexByte(kind, '('); i > 0 {
		base, note = strings.TrimSpace(kind[:i]), " "+kind[i:]
	}
	if base == "" {
		base = "outlet of unknown ownership"
		if n != 1 {
			base = "outlets of unknown ownership"
		}
		return base + note
	}
	last := base[strings.LastIndexByte(base, ' ')+1:]
	switch last {
	case "broadcaster", "agency", "outlet", "network", "newspaper", "wire", "service":
		return plural(n, base) + note
	}
	return base + " " + plural(n, "outlet") + note
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return word[:len(word)-1] + "ies"
	}
	return word + "s"
}

// outletTable returns the table of profiles: the starter table for nil.
func outletTable(profiles []parallax.OutletProfile) *outlet.Table {
	if profiles == nil {
		profiles = outlet.Starter()
	}
	return outlet.New(profiles)
}
