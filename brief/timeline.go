package brief

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/timex"
)

// MaxTimeline caps the entries of a brief's timeline.
const MaxTimeline = 12

// undatedCore is the least share of a happening's words that are not
// names that a sentence without a date must carry to be cited for it.
const undatedCore = 0.5

// A dated is a sentence that dates a happening: one candidate timeline
// entry.
type dated struct {
	doc, sent, unit int
	ex              timex.Expr
	ev              []align.Evidence // other articles' sentences that report it
	reports         int              // independent reports among its sources
}

// timeline builds the brief's timeline: for each sentence of the body that
// holds a date expression, the happening it tells, dated by the
// expression (resolved against its article's publication date, or kept as
// written), with every other article that reports the same information
// (the decision the brief's citations use) and whose own dates do not
// contradict it. A sentence gives one entry, dated by its most precise
// expression; a sentence already cited for an entry with the same date
// gives none of its own. Entries reported by the most independent reports
// are kept, then the most precise, then the earliest, up to MaxTimeline,
// and shown in time order (see parallax.TimelineEntry).
func (s *Story) timeline(support [][]align.Evidence, reports []int) []parallax.TimelineEntry {
	exprs := make([][]timex.Expr, len(s.Articles))
	var cands []dated
	for d, a := range s.Articles {
		exprs[d] = timex.Find(a.Text, a.Published)
		k := 0
		for j := range s.Docs[d].Sentences {
			sen := &s.Docs[d].Sentences[j]
			for k < len(exprs[d]) && exprs[d][k].Start < sen.Start {
				k++
			}
			best := -1
			for i := k; i < len(exprs[d]) && exprs[d][i].End <= sen.End; i++ {
				if e := exprs[d][i]; shown(a.Text, e) && !attribute(a.Text, e) && (best < 0 || better(e, exprs[d][best])) {
					best = i
				}
			}
			if best < 0 || filler(sen) || stamp(a.Text, sen.Start, sen.End, exprs[d][best]) {
				continue
			}
			u := s.Align.SentUnit[d][j]
			c := dated{doc: d, sent: j, unit: u, ex: exprs[d][best]}
			seen := map[int]bool{reports[d]: true}
			for _, e := range support[u] {
				agree, differ := s.datesIn(exprs[e.Doc], e, c.ex.Date)
				// A sentence that gives the happening no date of its own
				// must report the same information both ways and carry
				// at least half of the words of the happening that are
				// not names: the decision alone lets a sentence on the
				// same people but another occasion stand for it, and a
				// wrong date is worse than a missing outlet.
				if differ && !agree || !agree && (e.Pair.CoreCover < undatedCore || !mutual(support, e, d, u)) {
					continue
				}
				c.ev = append(c.ev, e)
				seen[reports[e.Doc]] = true
			}
			c.reports = len(seen)
			cands = append(cands, c)
		}
	}
	slices.SortStableFunc(cands, func(a, b dated) int {
		if a.reports != b.reports {
			return b.reports - a.reports
		}
		pa, pb := min(a.ex.Date.Precision, timex.Day), min(b.ex.Date.Precision, timex.Day)
		if pa != pb {
			return int(pb) - int(pa)
		}
		if a.ex.Date.Before(b.ex.Date) {
			return -1
		}
		if b.ex.Date.Before(a.ex.Date) {
			return 1
		}
		return cmp.Or(a.doc-b.doc, a.sent-b.sent)
	})
	// A sentence already an entry's, or cited for an entry of the same
	// date, is that entry.
	type key struct{ doc, unit int }
	primary := make(map[key]bool)
	type date struct {
		d    timex.Date
		word string // the expression, lower-cased, when d is unknown
	}
	cited := make(map[key][]date)
	var chosen []dated
	for _, c := range cands {
		if len(chosen) == MaxTimeline {
			break
		}
		k := key{c.doc, c.unit}
		word := s.word(c)
		if primary[k] || slices.ContainsFunc(cited[k], func(x date) bool { return sameDate(x.d, c.ex.Date) || word != "" && x.word == word }) {
			continue
		}
		chosen = append(chosen, c)
		primary[k] = true
		for _, e := range c.ev {
			for _, u := range e.Units {
				cited[key{e.Doc, u}] = append(cited[key{e.Doc, u}], date{c.ex.Date, word})
			}
		}
	}
	slices.SortStableFunc(chosen, func(a, b dated) int {
		ga, gb := group(a.ex.Date), group(b.ex.Date)
		if ga != gb {
			return ga - gb
		}
		if ga < 2 {
			if a.ex.Date.Before(b.ex.Date) {
				return -1
			}
			if b.ex.Date.Before(a.ex.Date) {
				return 1
			}
		}
		return cmp.Or(a.doc-b.doc, a.sent-b.sent)
	})
	out := []parallax.TimelineEntry{}
	for _, c := range chosen {
		out = append(out, s.timelineEntry(c))
	}
	return out
}

// word returns the date expression of an unresolved candidate, lower-cased
// and without "on", or "" for a resolved one: two sentences cited for each
// other that say "on Friday" tell one day.
func (s *Story) word(c dated) string {
	if c.ex.Date.Precision != timex.Unknown {
		return ""
	}
	return strings.ToLower(s.Articles[c.doc].Text[c.ex.Start:c.ex.End])
}

// timelineEntry makes the entry of a chosen candidate.
func (s *Story) timelineEntry(c dated) parallax.TimelineEntry {
	a := &s.Articles[c.doc]
	un := &s.Align.Units[c.unit]
	e := parallax.TimelineEntry{
		Date:     c.ex.Date.String(),
		Written:  a.Text[c.ex.Start:c.ex.End],
		Relative: c.ex.Relative,
		When:     parallax.Span{Source: a.ID, Start: c.ex.Start, End: c.ex.End},
		Text:     a.Text[un.Start:un.End],
		Sources:  []string{a.ID},
		Evidence: []parallax.Span{{Source: a.ID, Start: un.Start, End: un.End}},
	}
	if e.Date != "" {
		e.Precision = c.ex.Date.Precision.String()
	}
	if c.ex.Kind != timex.Point {
		e.Kind = c.ex.Kind.String()
	}
	first := a.Published
	for _, ev := range c.ev {
		sp := s.evidenceSpan(ev)
		e.Sources = append(e.Sources, sp.Source)
		e.Evidence = append(e.Evidence, sp)
		if p := s.Articles[ev.Doc].Published; !p.IsZero() && (first.IsZero() || p.Before(first)) {
			first = p
		}
	}
	if !first.IsZero() {
		e.Reported = first.UTC().Format(time.RFC3339)
	}
	return e
}

// group orders entries: year known, year unknown, not resolved.
func group(d timex.Date) int {
	switch {
	case d.Precision == timex.Unknown:
		return 2
	case d.Year == 0:
		return 1
	}
	return 0
}

// shown reports whether an expression can date an entry: it has a value,
// or it names a day the reader can place from the article's own date
// ("Thursday", "yesterday"), which the entry shows as written.
func shown(text string, e timex.Expr) bool {
	if e.Date.Precision != timex.Unknown {
		return true
	}
	w := strings.ToLower(text[e.Start:e.End])
	for _, day := range namedDays {
		if strings.Contains(w, day) {
			return true
		}
	}
	return false
}

var namedDays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"yesterday", "today", "tonight", "tomorrow", "last night", "this morning"}

// attribute reports whether an expression only dates a thing the sentence
// names ("the 2016 election", "the March 15 vote") rather than its
// happening: it follows "the".
func attribute(text string, e timex.Expr) bool {
	before := strings.TrimRight(text[:e.Start], " ")
	i := strings.LastIndexAny(before, " \n\t(\"")
	return strings.EqualFold(before[i+1:], "the")
}

// better reports whether expression a dates its sentence better than b:
// a finer value, or a value where b has none.
func better(a, b timex.Expr) bool {
	return min(a.Date.Precision, timex.Day) > min(b.Date.Precision, timex.Day)
}

// stamp reports whether the sentence [start, end) is only a date stamp
// ("Published March 15, 2017", "Updated 14:30 GMT"): hardly any words
// besides the date, or a word of publishing first.
func stamp(text string, start, end int, e timex.Expr) bool {
	rest := strings.Fields(text[start:e.Start] + " " + text[e.End:end])
	if len(rest) < 4 {
		return true
	}
	switch strings.ToLower(strings.Trim(rest[0], ":,.-")) {
	case "published", "updated", "posted", "last", "first", "created", "modified", "copyright", "©":
		return true
	}
	return false
}

// datesIn tells whether the sentences of evidence e, among whose
// article's date expressions are exprs, give a date that agrees with d, and
// one that differs from it.
func (s *Story) datesIn(exprs []timex.Expr, e align.Evidence, d timex.Date) (agree, differ bool) {
	start := s.Align.Units[e.Units[0]].Start
	end := s.Align.Units[e.Units[len(e.Units)-1]].End
	i, _ := slices.BinarySearchFunc(exprs, start, func(x timex.Expr, at int) int { return x.Start - at })
	for ; i < len(exprs) && exprs[i].End <= end; i++ {
		if exprs[i].Date.Precision == timex.Unknown || d.Precision == timex.Unknown {
			continue
		}
		if compatible(exprs[i].Date, d) {
			agree = true
		} else {
			differ = true
		}
	}
	return agree, differ
}

// mutual reports whether a unit of evidence e supports unit u of article
// doc in turn.
func mutual(support [][]align.Evidence, e align.Evidence, doc, u int) bool {
	for _, v := range e.Units {
		for _, back := range support[v] {
			if back.Doc == doc && slices.Contains(back.Units, u) {
				return true
			}
		}
	}
	return false
}

// sameDate reports whether a sentence cited for an entry dated a is the
// entry its own date b would make: both are known and compatible.
func sameDate(a, b timex.Date) bool {
	return a.Precision != timex.Unknown && b.Precision != timex.Unknown && compatible(a, b)
}

// compatible reports whether two known dates may name the same time: they
// agree on every field both know (a year unknown agrees with any year).
func compatible(a, b timex.Date) bool {
	p := min(a.Precision, b.Precision)
	if a.Year != 0 && b.Year != 0 && a.Year != b.Year {
		return false
	}
	if p >= timex.Month && a.Month != b.Month {
		return false
	}
	if p >= timex.Day && a.Day != b.Day {
		return false
	}
	return true
}
