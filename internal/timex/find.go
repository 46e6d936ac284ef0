package timex

import (
	"strings"
	"time"
	"unicode/utf8"
)

// An Expr is one date or time expression found in a text.
type Expr struct {
	// Start and End are the byte range of the expression in the text. It
	// holds the words that name the date ("March 15, 2017", "last
	// Thursday", "two weeks ago"), not the preposition before them.
	Start, End int
	// Date is the resolved value; its Precision is Unknown when it cannot
	// be resolved.
	Date Date
	// Relative reports that the value depends on the reference date ("on
	// Thursday", "last September", "two weeks ago", "yesterday").
	Relative bool
	// Kind tells whether the expression is a point in time or the start or
	// the end of a period.
	Kind Kind
}

// Kind tells how an expression places what it dates.
type Kind uint8

// The kinds of an Expr.
const (
	Point Kind = iota // "on Thursday", "in 2016"
	Since             // "since July"
	Until             // "until May"
)

// String returns the kind's name in lower case.
func (k Kind) String() string {
	switch k {
	case Since:
		return "since"
	case Until:
		return "until"
	}
	return "point"
}

// Find returns the date expressions of text in order. ref is the article's
// publication time: relative expressions and dates written without a year
// are resolved against its calendar date (in its own location). When ref
// is zero, absolute dates are still resolved, a month or a day written
// without a year keeps Year 0 ("year unknown"), and relative expressions
// keep Precision Unknown: a value is never guessed.
//
// The expressions do not overlap. Find never panics, whatever the text.
func Find(text string, ref time.Time) []Expr {
	p := parser{text: text, toks: tokenize(text)}
	if !ref.IsZero() {
		p.hasRef = true
		y, m, d := ref.Date()
		p.ref = civil(y, int(m), d)
	}
	var out []Expr
	day := make([]bool, 0, 8) // whether out[i] names a day
	for i := 0; i < len(p.toks); {
		it, j, ok := p.at(i)
		if !ok {
			i++
			continue
		}
		if it.clock && len(out) > 0 && day[len(day)-1] && p.joins(out[len(out)-1].End, it.e.Start) {
			// "on Thursday at 3 p.m.": the time belongs to the day before it.
			last := &out[len(out)-1]
			last.End = it.e.End
			last.Date = withClock(last.Date, it.hour, it.min)
			i = j
			continue
		}
		it.e.Kind = p.kind(i)
		out = append(out, it.e)
		day = append(day, it.day)
		i = j
	}
	return out
}

// An item is an expression being built: day reports that it names a day
// (so that a time of day can join it), clock that it is a time of day with
// no day.
type item struct {
	e         Expr
	day       bool
	clock     bool
	hour, min int
}

type parser struct {
	text   string
	toks   []tok
	hasRef bool
	ref    time.Time // the reference's calendar date, at midnight UTC
}

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func dayDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: int(m), Day: d, Precision: Day}
}

func withClock(d Date, h, m int) Date {
	if d.Precision != Day {
		return d
	}
	d.Hour, d.Minute, d.Precision = h, m, Minute
	return d
}

// at reads the expression that starts at token i, if any, and returns it
// with the index of the token after it.
func (p *parser) at(i int) (item, int, bool) {
	t := p.toks[i]
	switch t.k {
	case num:
		return p.number(i)
	case word:
		if m, ok := months[t.w]; ok {
			return p.month(i, m, i)
		}
		if wd, ok := weekdays[t.w]; ok {
			return p.weekday(i, wd, "", i)
		}
		return p.phrase(i)
	}
	return item{}, 0, false
}

// number reads expressions that start with a number: ISO and slashed
// dates, a day before its month, a time of day, "two weeks ago", a year.
func (p *parser) number(i int) (item, int, bool) {
	t := p.toks[i]
	n, ok := t.num()
	if !ok {
		return item{}, 0, false
	}
	if p.numberInside(i) {
		return item{}, 0, false
	}
	// 2017-03-15
	if len(t.w) == 4 && p.seq(i, "-", 2) && p.seq(i+2, "-", 2) && p.adjacentRun(i, 5) {
		mo, _ := p.toks[i+2].num()
		d, _ := p.toks[i+4].num()
		if p.tailFree(i+4) && n >= 1000 && n <= 2999 && len(p.toks[i+2].w) <= 2 && len(p.toks[i+4].w) <= 2 {
			if date := (Date{Year: n, Month: mo, Day: d, Precision: Day}); date.Valid() {
				return item{e: p.expr(i, i+5, date, false), day: true}, i + 5, true
			}
		}
		return item{}, 0, false
	}
	// 3/15/2017 (and 15/3/2017 when the first number cannot be a month)
	if len(t.w) <= 2 && p.seq(i, "/", 2) && p.seq(i+2, "/", 4) && p.adjacentRun(i, 5) {
		a := n
		b, _ := p.toks[i+2].num()
		y, _ := p.toks[i+4].num()
		if len(p.toks[i+2].w) <= 2 && len(p.toks[i+4].w) == 4 && p.tailFree(i+4) && y >= 1000 && y <= 2999 {
			mo, d := a, b
			if a > 12 {
				mo, d = b, a
			}
			if date := (Date{Year: y, Month: mo, Day: d, Precision: Day}); date.Valid() {
				return item{e: p.expr(i, i+5, date, false), day: true}, i + 5, true
			}
		}
		return item{}, 0, false
	}
	if it, j, ok := p.clock(i, n); ok {
		return it, j, true
	}
	// 15 March 2017, 15th of March
	if len(t.w) <= 2 && n >= 1 && n <= 31 {
		j := p.ordinal(i)
		k := j
		if k < len(p.toks) && p.toks[k].is("of") {
			k++
		}
		if k < len(p.toks) && p.toks[k].k == word {
			if m, ok := months[p.toks[k].w]; ok && p.monthWord(k) {
				end := p.abbrevEnd(k)
				date := Date{Month: m, Day: n, Precision: Day}
				rel := false
				if y, e, ok := p.yearAfter(end, true); ok {
					date.Year, end = y, e
				}
				if !date.Valid() {
					return item{}, 0, false
				}
				if date.Year == 0 {
					date = p.fillYear(date, i)
				}
				return item{e: p.expr(i, end, date, rel), day: true}, end, true
			}
		}
	}
	// two weeks ago
	if len(t.w) <= 2 && p.tailFree(i) {
		if it, j, ok := p.ago(i, n); ok {
			return it, j, true
		}
	}
	// a year
	if len(t.w) == 4 && n >= 1700 && n <= 2100 && p.tailFree(i) && !p.decade(i) && p.yearCue(i) {
		end := i + 1
		if p.possessive(end) {
			end = p.possessiveEnd(end)
		}
		return item{e: p.expr(i, i+1, Date{Year: n, Precision: Year}, false)}, end, true
	}
	return item{}, 0, false
}

// decade reports whether the four-digit number at token i names a decade
// ("the 1970s"): decades are left out, and their first year is not a date
// anyone reported.
func (p *parser) decade(i int) bool {
	return i+1 < len(p.toks) && p.toks[i+1].s == p.toks[i].e && p.toks[i+1].w == "s"
}

// clock reads a time of day at token i ("3 p.m.", "3:30pm", "14:30 GMT",
// "1430 GMT") and, when a day follows ("at 3 p.m. on Thursday"), the day
// with it.
func (p *parser) clock(i, n int) (item, int, bool) {
	t := p.toks[i]
	h, m := n, 0
	j := i + 1
	minutes := false
	if len(t.w) <= 2 && p.seq(i, ":", 2) && p.adjacentRun(i, 3) && len(p.toks[i+2].w) == 2 {
		m, _ = p.toks[i+2].num()
		j = i + 3
		minutes = true
	}
	end := p.toks[j-1].e
	ok := false
	if !minutes && len(t.w) <= 2 && h >= 1 && h <= 12 && j+2 < len(p.toks) && p.toks[j].is("o") &&
		(p.toks[j+1].is("'") || p.toks[j+1].is("’")) && p.toks[j+2].is("clock") && p.adjacentRun(j, 3) {
		// "5 o'clock", "5 o'clock in the afternoon"
		end, ok = p.toks[j+2].e, true
		if k := j + 3; k+2 < len(p.toks) && p.toks[k].is("in") && p.toks[k+1].is("the") {
			switch p.toks[k+2].w {
			case "afternoon", "evening":
				if h != 12 {
					h += 12
				}
				end = p.toks[k+2].e
			case "morning":
				if h == 12 {
					h = 0
				}
				end = p.toks[k+2].e
			}
		}
	}
	if mer, e := p.meridiem(end); !ok && e > 0 {
		if h < 1 || h > 12 || len(t.w) > 2 {
			return item{}, 0, false
		}
		if mer == 'p' && h != 12 {
			h += 12
		}
		if mer == 'a' && h == 12 {
			h = 0
		}
		end, ok = e, true
	}
	if !ok && (minutes || len(t.w) == 4) {
		if len(t.w) == 4 && !minutes {
			h, m = n/100, n%100
		}
		if e := p.zone(end); e > 0 {
			end, ok = e, true
		} else if minutes && i > 0 && p.toks[i-1].is("at") {
			ok = true
		}
	}
	if !ok || h > 23 || m > 59 {
		return item{}, 0, false
	}
	if e := p.zone(end); e > 0 {
		end = e
	}
	j = p.tokAt(end)
	it := item{e: Expr{Start: t.s, End: end, Relative: true}, clock: true, hour: h, min: m}
	// A day after it: "3 p.m. on Thursday", "14:30 GMT yesterday".
	k := j
	for k < len(p.toks) && k < j+2 && (p.toks[k].is(",") || p.toks[k].is("on")) {
		k++
	}
	if k < len(p.toks) && !p.breakBefore(k) {
		if d, kj, ok := p.at(k); ok && d.day {
			d.e.Start = t.s
			d.e.Date = withClock(d.e.Date, h, m)
			return item{e: d.e, day: true}, kj, true
		}
	}
	return it, j, true
}

// month reads an expression that starts with a month name at token k: a
// day and maybe a year after it, a year, or the month alone when a word
// makes it plainly a month. start is the token the expression starts at
// (an earlier "last", "mid-" or weekday).
func (p *parser) month(k, m, start int) (item, int, bool) {
	if !p.monthWord(k) {
		return item{}, 0, false
	}
	end := p.abbrevEnd(k)
	abbrev := p.toks[k].w != fullMonth[m]
	// March 15, March 15th, 2017
	if end < len(p.toks) && p.toks[end].k == num && len(p.toks[end].w) <= 2 && !p.breakBefore(end) {
		d, _ := p.toks[end].num()
		if p.numberInside(end) || p.clockAhead(end) {
			return item{}, 0, false
		}
		e := p.ordinal(end)
		if !p.tailFree(e - 1) {
			return item{}, 0, false
		}
		date := Date{Month: m, Day: d, Precision: Day}
		if y, ye, ok := p.yearAfter(e, true); ok {
			date.Year, e = y, ye
		}
		if !date.Valid() {
			return item{}, 0, false
		}
		if date.Year == 0 {
			date = p.fillYear(date, start)
		}
		return item{e: p.expr(start, e, date, false), day: true}, e, true
	}
	// March 2017, March of 2017
	if y, ye, ok := p.yearAfter(end, false); ok {
		return item{e: p.expr(start, ye, Date{Year: y, Month: m, Precision: Month}, false)}, ye, true
	}
	if end < len(p.toks) && p.toks[end].k == num && !p.breakBefore(end) {
		// "February 30", "May 300": a number that is no day and no year.
		return item{}, 0, false
	}
	if abbrev {
		return item{}, 0, false
	}
	mod := ""
	if start < k {
		mod = p.toks[start].w
	}
	if mod == "" && !p.monthAlone(k, m) {
		return item{}, 0, false
	}
	if mod == "mid" || mod == "early" || mod == "late" {
		mod = ""
	}
	e := end
	if p.possessive(e) {
		e = p.possessiveEnd(e)
	}
	date := Date{Month: m, Precision: Month}
	rel := mod == "last" || mod == "next" || mod == "this"
	if p.hasRef {
		y := p.ref.Year()
		rm := int(p.ref.Month())
		switch {
		case mod == "last":
			if m >= rm {
				y--
			}
		case mod == "next":
			if m <= rm {
				y++
			}
		case mod == "this":
		case p.future(start) || p.kind(start) == Until:
			if m < rm {
				y++
			}
		default:
			if m > rm {
				y--
			}
		}
		date.Year = y
	} else if rel {
		date = Date{}
	}
	return item{e: p.expr(start, end, date, rel)}, e, true
}

// monthAlone reports whether a month name with no day and no year after it
// is a month here: after a word that calls for a time ("in July", "since
// July", "mid-July"), before a possessive ("July's"), or a capitalized
// month name that is neither a verb nor a common first name and is not
// followed by a capitalized word (a name such as "January Jones").
func (p *parser) monthAlone(k, m int) bool {
	if p.possessive(k + 1) {
		return true
	}
	if k > 0 {
		prev := p.toks[k-1]
		if prev.is("-") && k > 1 && p.toks[k-2].is("mid") {
			return true
		}
		if !p.breakBefore(k) && prev.k == word {
			if monthCues[prev.w] && !(m == 5 && prev.w == "by") {
				return true
			}
			if prev.w == "early" || prev.w == "late" {
				return true
			}
			if (prev.w == "and" || prev.w == "or") && k > 1 {
				_, ok := months[p.toks[k-2].w] // "July and August"
				return ok
			}
		}
	}
	t := p.toks[k]
	if !t.up || m == 3 || m == 4 || m == 5 || m == 6 || m == 8 {
		return false
	}
	if k+1 < len(p.toks) && p.toks[k+1].k == word && p.toks[k+1].up && !p.breakBefore(k+1) {
		return false
	}
	return true
}

// weekday reads a weekday at token k ("Thursday", "Thursday night",
// "Thursday, March 15"); mod is "last", "next", "this" or "".
func (p *parser) weekday(k, wd int, mod string, start int) (item, int, bool) {
	end := p.abbrevEnd(k)
	if p.toks[k].w != fullWeekday[wd] {
		return item{}, 0, false
	}
	if end+1 < len(p.toks) && p.toks[end].is("-") && p.toks[end].s == p.toks[k].e && p.toks[end+1].k == word {
		return item{}, 0, false // a compound: "sunday-night programming"
	}
	if start == k && k > 0 && p.toks[k-1].is("the") && end < len(p.toks) && p.toks[end].k == word && p.toks[end].up && !p.breakBefore(end) {
		return item{}, 0, false // a name: "the Sunday Times"
	}
	// Thursday, March 15, 2017 / Thursday 15 March: the date says which.
	j := end
	if j < len(p.toks) && p.toks[j].is(",") {
		j++
	}
	if j < len(p.toks) && !p.breakBefore(j) {
		tj := p.toks[j]
		if tj.k == word {
			if m, ok := months[tj.w]; ok {
				if it, e, ok := p.month(j, m, j); ok && it.day {
					it.e.Start = p.toks[start].s
					return it, e, true
				}
			}
		} else if tj.k == num {
			if it, e, ok := p.number(j); ok && it.day && it.e.Date.Precision == Day {
				it.e.Start = p.toks[start].s
				return it, e, true
			}
		}
	}
	e := end
	if e < len(p.toks) && partOfDay[p.toks[e].w] && p.toks[e].k == word && !p.breakBefore(e) {
		e++
	}
	date := Date{}
	if p.hasRef {
		rw := int(p.ref.Weekday())
		back := (rw - wd + 7) % 7
		fwd := (wd - rw + 7) % 7
		switch {
		case mod == "last":
			if back == 0 {
				back = 7
			}
			date = dayDate(p.ref.AddDate(0, 0, -back))
		case mod == "next" || p.future(start):
			if fwd == 0 {
				fwd = 7
			}
			date = dayDate(p.ref.AddDate(0, 0, fwd))
		default:
			date = dayDate(p.ref.AddDate(0, 0, -back))
		}
	}
	it := item{e: p.expr(start, e, date, true), day: true}
	if p.possessive(e) {
		e = p.possessiveEnd(e)
	}
	return it, e, true
}

// phrase reads expressions that start with a word other than a month or
// a weekday: "yesterday", "last week", "earlier this month", "two weeks
// ago", "mid-July", "this morning".
func (p *parser) phrase(i int) (item, int, bool) {
	t := p.toks[i]
	next := func(k int) string {
		if k < len(p.toks) && p.toks[k].k == word && !p.breakBefore(k) {
			return p.toks[k].w
		}
		return ""
	}
	switch t.w {
	case "yesterday", "today", "tonight", "tomorrow":
		if t.up && i > 0 && p.toks[i-1].k == word && p.toks[i-1].up && !p.breakBefore(i) {
			return item{}, 0, false // a name: "USA Today", "The Tonight Show"
		}
		off := map[string]int{"yesterday": -1, "tomorrow": 1}[t.w]
		e := i + 1
		if w := next(e); partOfDay[w] && t.w != "tonight" {
			e++ // "yesterday morning"
		}
		it := item{e: p.expr(i, e, p.dayOff(off), true), day: true}
		if p.possessive(e) {
			e = p.possessiveEnd(e)
		}
		return it, e, true
	case "mid":
		if i+2 < len(p.toks) && p.toks[i+1].is("-") && p.adjacentRun(i, 3) {
			if m, ok := months[p.toks[i+2].w]; ok && p.toks[i+2].k == word {
				return p.month(i+2, m, i)
			}
		}
	case "last", "next", "this":
		w := next(i + 1)
		if w == "" {
			return item{}, 0, false
		}
		if m, ok := months[w]; ok && w == fullMonth[m] {
			it, j, ok := p.month(i+1, m, i)
			if ok && it.e.Date.Precision <= Month {
				return it, j, true
			}
			return item{}, 0, false
		}
		if wd, ok := weekdays[w]; ok {
			return p.weekday(i+1, wd, t.w, i)
		}
		if t.w == "this" && (w == "morning" || w == "afternoon" || w == "evening") || t.w == "last" && w == "night" {
			off := 0
			if t.w == "last" {
				off = -1
			}
			return item{e: p.expr(i, i+2, p.dayOff(off), true), day: true}, i + 2, true
		}
		if w == "week" || w == "month" || w == "year" || w == "weekend" {
			return p.period(i, i+2, t.w, w)
		}
		if seasons[w] {
			// "this fall": found, with no value (there is no season
			// precision).
			return item{e: p.expr(i, i+2, Date{}, true)}, i + 2, true
		}
	case "earlier", "later":
		if next(i+1) == "this" {
			if w := next(i + 2); w == "week" || w == "month" || w == "year" {
				return p.period(i, i+3, "this", w)
			}
		}
		if w := next(i + 1); w == "today" || w == "tonight" {
			return item{e: p.expr(i, i+2, p.dayOff(0), true), day: true}, i + 2, true
		}
	}
	if n, ok := numberWords[t.w]; ok {
		return p.ago(i, n)
	}
	return item{}, 0, false
}

// period resolves "last week", "this month", "next year" and the like,
// over tokens [i, j).
func (p *parser) period(i, j int, mod, unit string) (item, int, bool) {
	off := map[string]int{"last": -1, "next": 1}[mod]
	date := Date{}
	if p.hasRef {
		switch unit {
		case "year":
			date = Date{Year: p.ref.Year() + off, Precision: Year}
		case "month":
			t := p.ref.AddDate(0, off, 1-p.ref.Day())
			date = Date{Year: t.Year(), Month: int(t.Month()), Precision: Month}
		case "week", "weekend":
			// The week runs Monday to Sunday; it names a month only when
			// it lies in one.
			back := (int(p.ref.Weekday()) + 6) % 7
			mon := p.ref.AddDate(0, 0, -back+7*off)
			sun := mon.AddDate(0, 0, 6)
			if unit == "weekend" {
				mon = mon.AddDate(0, 0, 5)
			}
			if mon.Month() == sun.Month() {
				date = Date{Year: mon.Year(), Month: int(mon.Month()), Precision: Month}
			}
		}
	}
	return item{e: p.expr(i, j, date, true), day: unit == "weekend"}, j, true
}

// ago reads "N units ago" starting at token i, whose number is n;
// "several days ago" and the like are found with no value.
func (p *parser) ago(i, n int) (item, int, bool) {
	j := i + 1
	if j < len(p.toks) && p.toks[j].is("-") {
		j++
	}
	if j+1 >= len(p.toks) || p.breakBefore(j) || p.breakBefore(j+1) || !p.toks[j+1].is("ago") {
		return item{}, 0, false
	}
	unit := strings.TrimSuffix(p.toks[j].w, "s")
	if p.toks[j].k != word || !(unit == "day" || unit == "week" || unit == "month" || unit == "year" || unit == "decade") {
		return item{}, 0, false
	}
	if n > 1000 {
		return item{}, 0, false
	}
	date := Date{}
	if p.hasRef && n > 0 {
		switch unit {
		case "day":
			date = dayDate(p.ref.AddDate(0, 0, -n))
		case "week":
			date = dayDate(p.ref.AddDate(0, 0, -7*n))
		case "month":
			t := p.ref.AddDate(0, -n, 1-p.ref.Day())
			date = Date{Year: t.Year(), Month: int(t.Month()), Precision: Month}
		case "year":
			date = Date{Year: p.ref.Year() - n, Precision: Year}
		case "decade":
			date = Date{Year: p.ref.Year() - 10*n, Precision: Year}
		}
		if !date.Valid() {
			date = Date{}
		}
	}
	return item{e: p.expr(i, j+2, date, true), day: unit == "day"}, j + 2, true
}

// fillYear gives a day or a month written without a year the year the
// reference implies: the reference's, or the one before when the date
// would fall after the reference, or the one after when the clause tells
// the future and the date would fall before it.
func (p *parser) fillYear(d Date, start int) Date {
	if !p.hasRef {
		return d
	}
	y := p.ref.Year()
	at := civil(y, d.Month, d.Day)
	fut := p.future(start) || p.kind(start) == Until
	switch {
	case fut && at.Before(p.ref):
		y++
	case !fut && at.After(p.ref):
		y--
	}
	d.Year = y
	if !d.Valid() { // February 29 in a year that has none
		return Date{}
	}
	return d
}

func (p *parser) dayOff(off int) Date {
	if !p.hasRef {
		return Date{}
	}
	return dayDate(p.ref.AddDate(0, 0, off))
}

// expr makes the Expr over tokens [i, j).
func (p *parser) expr(i, j int, d Date, rel bool) Expr {
	e := p.toks[j-1].e
	if p.toks[j-1].k == punct && p.toks[j-1].w != "." && j-1 > i {
		e = p.toks[j-2].e
	}
	return Expr{Start: p.toks[i].s, End: e, Date: d, Relative: rel}
}

// kind tells from the word before token i whether the expression starts
// or ends a period.
func (p *parser) kind(i int) Kind {
	k := i - 1
	for k >= 0 && (p.toks[k].is("early") || p.toks[k].is("late") || p.toks[k].is("mid") || p.toks[k].is("-")) {
		k--
	}
	if k < 0 || p.breakBefore(k+1) {
		return Point
	}
	switch p.toks[k].w {
	case "since":
		return Since
	case "until", "till", "til":
		return Until
	}
	return Point
}

// future reports whether the clause around token i tells of the future:
// "will meet on Thursday", "is expected to vote in January". It looks back
// through the clause to a reporting verb, and forward when the expression
// opens the sentence ("On Thursday, the panel will vote").
func (p *parser) future(i int) bool {
	words := 0
	k := i - 1
	for ; k >= 0 && i-k <= 10; k-- {
		t := p.toks[k]
		if t.k == punct && (t.w == "." || t.w == ";" || t.w == "!" || t.w == "?" || t.w == ":" || t.w == "\"") || p.breakBefore(k+1) {
			break
		}
		if t.k != word {
			continue
		}
		if futureCues[t.w] {
			return true
		}
		if reporting[t.w] {
			return false
		}
		words++
	}
	if words > 1 {
		return false
	}
	for k = i + 1; k < len(p.toks) && k-i <= 10; k++ {
		t := p.toks[k]
		if p.breakBefore(k) || t.k == punct && (t.w == "." || t.w == ";" || t.w == "!" || t.w == "?") {
			break
		}
		if t.k == word && futureCues[t.w] {
			return true
		}
		if t.k == word && reporting[t.w] {
			return false
		}
	}
	return false
}

// yearCue reports whether the word before the four-digit number at token
// i makes it a year: "in 2016", "since 1998", "the 2016 election", or a
// year after another ("between 2010 and 2012").
func (p *parser) yearCue(i int) bool {
	if p.possessive(i + 1) {
		return true
	}
	if i == 0 || p.breakBefore(i) {
		return false
	}
	prev := p.toks[i-1]
	if prev.k != word {
		return false
	}
	if yearCues[prev.w] {
		return true
	}
	switch prev.w {
	case "the":
		// "the 2016 election", not "the 2016 votes".
		if i+1 < len(p.toks) && p.toks[i+1].k == word && !p.breakBefore(i+1) {
			n := p.toks[i+1]
			return n.up || !strings.HasSuffix(n.w, "s") || n.w == "elections" || n.w == "olympics" || n.w == "games" || n.w == "midterms"
		}
		return false
	case "and", "or", "to", "-", "through":
		// Another year just before: "in 2010 and 2012", "from 2010 to 2012".
		if i >= 2 && p.toks[i-2].k == num && len(p.toks[i-2].w) == 4 {
			n, _ := p.toks[i-2].num()
			return n >= 1700 && n <= 2100
		}
	}
	return false
}

// yearAfter reads a year after a day or a month at token k: ", 2017",
// " 2017", " of 2017" (not after a day). It returns the year and the token
// after it.
func (p *parser) yearAfter(k int, afterDay bool) (int, int, bool) {
	j := k
	if j < len(p.toks) && (afterDay && p.toks[j].is(",") || !afterDay && p.toks[j].is("of")) {
		j++
	}
	if j >= len(p.toks) || p.toks[j].k != num || len(p.toks[j].w) != 4 || p.breakBefore(j) {
		return 0, 0, false
	}
	y, _ := p.toks[j].num()
	if y < 1000 || y > 2999 || !p.tailFree(j) || p.clockAhead(j) || p.numberInside(j) {
		return 0, 0, false
	}
	return y, j + 1, true
}

// ordinal returns the token after a day number at token i, past an
// ordinal suffix ("15th").
func (p *parser) ordinal(i int) int {
	if i+1 < len(p.toks) && p.toks[i+1].s == p.toks[i].e && p.toks[i+1].k == word {
		switch p.toks[i+1].w {
		case "st", "nd", "rd", "th":
			return i + 2
		}
	}
	return i + 1
}

// monthWord reports whether the month name at token k stands as a month:
// a full name, or an abbreviation ("Sept.", "Mar") that is capitalized or
// followed by a full stop.
func (p *parser) monthWord(k int) bool {
	t := p.toks[k]
	m := months[t.w]
	if t.w == fullMonth[m] {
		return true
	}
	return t.up || p.abbrevEnd(k) > k+1
}

// abbrevEnd returns the token after the word at token k, past a full stop
// right after an abbreviation ("Sept.").
func (p *parser) abbrevEnd(k int) int {
	t := p.toks[k]
	if k+1 < len(p.toks) && p.toks[k+1].is(".") && p.toks[k+1].s == t.e {
		if m, ok := months[t.w]; ok && t.w != fullMonth[m] {
			return k + 2
		}
	}
	return k + 1
}

// meridiem reads "a.m.", "pm" and the like at byte offset at (after
// spaces) and returns 'a' or 'p' and the offset after it, or 0.
func (p *parser) meridiem(at int) (byte, int) {
	s := p.text[at:]
	sp := len(s) - len(strings.TrimLeft(s, " "))
	if sp > 1 {
		return 0, 0
	}
	s = s[sp:]
	for _, f := range [...]string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
		if len(s) >= len(f) && strings.EqualFold(s[:len(f)], f) {
			if len(s) > len(f) && isLetter(s[len(f)]) {
				continue
			}
			return lower(s[0]), at + sp + len(f)
		}
	}
	return 0, 0
}

// zone reads a time zone after a time of day ("GMT", "local time") at
// byte offset at and returns the offset after it, or 0.
func (p *parser) zone(at int) int {
	k := p.tokAt(at)
	if k >= len(p.toks) || p.toks[k].k != word || p.breakBefore(k) || p.toks[k].s-at > 1 {
		return 0
	}
	t := p.toks[k]
	if t.w == "local" && k+1 < len(p.toks) && p.toks[k+1].is("time") {
		return p.toks[k+1].e
	}
	if zones[t.w] && strings.ToUpper(p.text[t.s:t.e]) == p.text[t.s:t.e] {
		return t.e
	}
	return 0
}

// clockAhead reports whether the number at token i is an hour ("May 3:30").
func (p *parser) clockAhead(i int) bool {
	return i+2 < len(p.toks) && p.toks[i+1].is(":") && p.toks[i+2].k == num && p.adjacentRun(i, 3)
}

// joins reports whether the bytes between two expressions only join a day
// to its time of day: spaces, a comma, "at", "around", "about", "by".
func (p *parser) joins(from, to int) bool {
	if to < from || to-from > 12 {
		return false
	}
	for _, f := range strings.FieldsFunc(p.text[from:to], func(r rune) bool { return r == ' ' || r == ',' }) {
		switch strings.ToLower(f) {
		case "at", "around", "about", "by", "from", "after", "before", "shortly":
		default:
			return false
		}
	}
	return !strings.ContainsAny(p.text[from:to], "\n\r")
}

// seq reports whether token i is followed by the punctuation sep and a
// number of at most n digits.
func (p *parser) seq(i int, sep string, n int) bool {
	return i+2 < len(p.toks) && p.toks[i+1].is(sep) && p.toks[i+2].k == num && len(p.toks[i+2].w) <= n
}

// adjacentRun reports whether tokens [i, i+n) touch each other.
func (p *parser) adjacentRun(i, n int) bool {
	if i+n > len(p.toks) {
		return false
	}
	for k := i + 1; k < i+n; k++ {
		if p.toks[k].s != p.toks[k-1].e {
			return false
		}
	}
	return true
}

// numberInside reports whether the number at token i continues an earlier
// number or price ("2,016", "1.5", "$2016", "3-2016").
func (p *parser) numberInside(i int) bool {
	if i == 0 || p.toks[i-1].e != p.toks[i].s {
		return false
	}
	prev := p.toks[i-1]
	switch prev.w {
	case "$", "#", "£", "€":
		return true
	case ",", ".", ":", "/", "-":
		return i >= 2 && p.toks[i-2].k == num && p.toks[i-2].e == prev.s
	}
	return prev.k == word || prev.k == num
}

// tailFree reports whether the number at token i ends there: no ",000",
// ".5", "%" or letters right after it.
func (p *parser) tailFree(i int) bool {
	if i+1 >= len(p.toks) || p.toks[i+1].s != p.toks[i].e {
		return true
	}
	n := p.toks[i+1]
	switch n.w {
	case "%":
		return false
	case ",", ".", ":", "/", "-":
		return !(i+2 < len(p.toks) && p.toks[i+2].k == num && p.toks[i+2].s == n.e)
	case "'", "’":
		return true
	}
	if n.k == word {
		switch n.w {
		case "st", "nd", "rd", "th", "s":
			return true
		}
		return false
	}
	return n.k != num
}

// possessive reports whether token k is "'s" or "’s" attached to what
// comes before it.
func (p *parser) possessive(k int) bool {
	return k+1 < len(p.toks) && k > 0 && p.toks[k].s == p.toks[k-1].e &&
		(p.toks[k].is("'") || p.toks[k].is("’")) && p.toks[k+1].is("s") && p.toks[k+1].s == p.toks[k].e
}

func (p *parser) possessiveEnd(k int) int { return k + 2 }

// breakBefore reports whether a line break separates token k from the one
// before it.
func (p *parser) breakBefore(k int) bool {
	return k > 0 && k < len(p.toks) && p.toks[k].brk
}

// tokAt returns the index of the first token starting at or after byte
// offset at.
func (p *parser) tokAt(at int) int {
	lo, hi := 0, len(p.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if p.toks[m].s < at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

type tokKind uint8

const (
	word tokKind = iota + 1
	num
	punct
)

// A tok is a run of ASCII letters (w lower-cased, empty when longer than
// 12 letters), a run of digits, or one other character other than space.
type tok struct {
	s, e int
	k    tokKind
	w    string
	up   bool // starts with a capital letter
	brk  bool // a line break comes before it
}

func (t tok) is(w string) bool { return t.w == w }

func (t tok) num() (int, bool) {
	if t.k != num || len(t.w) > 6 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(t.w); i++ {
		n = n*10 + int(t.w[i]-'0')
	}
	return n, true
}

func tokenize(s string) []tok {
	toks := make([]tok, 0, len(s)/5)
	brk := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '\n' || c == '\r':
			brk = true
			i++
		case isLetter(c):
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			w := ""
			if j-i <= 12 {
				w = strings.ToLower(s[i:j])
			}
			toks = append(toks, tok{s: i, e: j, k: word, w: w, up: c >= 'A' && c <= 'Z', brk: brk})
			brk = false
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, tok{s: i, e: j, k: num, w: s[i:j], brk: brk})
			brk = false
			i = j
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\u00a0' || r == '\u2028' || r == '\u2029' {
				brk = brk || r != '\u00a0'
				i += n
				continue
			}
			w := s[i : i+n]
			switch r {
			case '“', '”', '«', '»':
				w = "\""
			case '‘':
				w = "'"
			case '–', '—':
				w = "-"
			}
			toks = append(toks, tok{s: i, e: i + n, k: punct, w: w, brk: brk})
			brk = false
			i += n
		}
	}
	return toks
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
