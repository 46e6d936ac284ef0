package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision of a resolved date.
type Precision uint8

// The precisions of a Date, coarsest first.
const (
	Unknown Precision = iota // no value could be resolved
	Year
	Month
	Day
	Minute // a time of day is known too
)

// String returns the precision's name in lower case, such as "day".
func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	case Minute:
		return "minute"
	}
	return "unknown"
}

// A Date is a calendar date at some precision; fields finer than the
// precision are zero. Year 0 means that the year is unknown: the text named
// a month or a day of a month without one ("March 15", "in July") and no
// reference date supplied it.
type Date struct {
	Year, Month, Day, Hour, Minute int
	Precision                      Precision
}

// String returns the date in ISO 8601 form at its precision: "2016",
// "2017-03", "2017-03-15", "2017-03-15T14:30". A date whose year is
// unknown starts with "--": "--03", "--03-15", "--03-15T14:30". A date of
// Unknown precision gives "".
func (d Date) String() string {
	var b strings.Builder
	if d.Precision == Unknown {
		return ""
	}
	if d.Year == 0 {
		if d.Precision == Year {
			return ""
		}
		b.WriteString("--")
	} else {
		fmt.Fprintf(&b, "%04d", d.Year)
		if d.Precision == Year {
			return b.String()
		}
		b.WriteByte('-')
	}
	fmt.Fprintf(&b, "%02d", d.Month)
	if d.Precision == Month {
		return b.String()
	}
	fmt.Fprintf(&b, "-%02d", d.Day)
	if d.Precision == Day {
		return b.String()
	}
	fmt.Fprintf(&b, "T%02d:%02d", d.Hour, d.Minute)
	return b.String()
}

// Time returns the first instant of the date, in UTC. A date of Unknown
// precision gives the zero time; a date whose year is unknown gives an
// instant in year 0, so that such dates sort among themselves by month and
// day.
func (d Date) Time() time.Time {
	if d.Precision == Unknown {
		return time.Time{}
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, d.Hour, d.Minute, 0, 0, time.UTC)
}

// Before reports whether d comes before e in time: by first instant, then
// the coarser first (a month before its first day). Dates of Unknown
// precision come after every known date.
func (d Date) Before(e Date) bool {
	if d.Precision == Unknown || e.Precision == Unknown {
		return d.Precision != Unknown && e.Precision == Unknown
	}
	dt, et := d.Time(), e.Time()
	if !dt.Equal(et) {
		return dt.Before(et)
	}
	return d.Precision < e.Precision
}

// Valid reports whether d is a real calendar date at its precision, with
// the fields finer than its precision zero. February 29 is valid in a date
// whose year is unknown.
func (d Date) Valid() bool {
	switch d.Precision {
	case Unknown:
		return d == Date{}
	case Year:
		return d.Year >= 1 && d.Year <= 9999 && d.Month == 0 && d.Day == 0 && d.Hour == 0 && d.Minute == 0
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 {
		return false
	}
	if d.Precision == Month {
		return d.Day == 0 && d.Hour == 0 && d.Minute == 0
	}
	if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
		return false
	}
	if d.Precision == Day {
		return d.Hour == 0 && d.Minute == 0
	}
	return d.Precision == Minute && d.Hour >= 0 && d.Hour < 24 && d.Minute >= 0 && d.Minute < 60
}

// daysIn returns the number of days of a month; year 0 (unknown) counts as
// a leap year.
func daysIn(year, month int) int {
	if year == 0 {
		year = 2000
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseDate reads a date in the form String writes. The empty string gives
// the Date of Unknown precision.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	var d Date
	rest := s
	if strings.HasPrefix(rest, "--") {
		rest = rest[2:]
	} else {
		if len(rest) < 4 {
			return Date{}, fmt.Errorf("timex: date %q: no year", s)
		}
		y, err := strconv.Atoi(rest[:4])
		if err != nil || rest[0] == '+' || rest[0] == '-' {
			return Date{}, fmt.Errorf("timex: date %q: bad year", s)
		}
		d.Year, d.Precision = y, Year
		rest = rest[4:]
		if rest == "" {
			return check(s, d)
		}
		if rest[0] != '-' {
			return Date{}, fmt.Errorf("timex: date %q: want '-' after the year", s)
		}
		rest = rest[1:]
	}
	num := func() (int, bool) {
		if len(rest) < 2 || rest[0] < '0' || rest[0] > '9' || rest[1] < '0' || rest[1] > '9' {
			return 0, false
		}
		n := int(rest[0]-'0')*10 + int(rest[1]-'0')
		rest = rest[2:]
		return n, true
	}
	var ok bool
	if d.Month, ok = num(); !ok {
		return Date{}, fmt.Errorf("timex: date %q: bad month", s)
	}
	d.Precision = Month
	if rest == "" {
		return check(s, d)
	}
	if rest[0] != '-' {
		return Date{}, fmt.Errorf("timex: date %q: want '-' after the month", s)
	}
	rest = rest[1:]
	if d.Day, ok = num(); !ok {
		return Date{}, fmt.Errorf("timex: date %q: bad day", s)
	}
	d.Precision = Day
	if rest == "" {
		return check(s, d)
	}
	if rest[0] != 'T' {
		return Date{}, fmt.Errorf("timex: date %q: want 'T' after the day", s)
	}
	rest = rest[1:]
	if d.Hour, ok = num(); !ok || rest == "" || rest[0] != ':' {
		return Date{}, fmt.Errorf("timex: date %q: bad hour", s)
	}
	rest = rest[1:]
	if d.Minute, ok = num(); !ok || rest != "" {
		return Date{}, fmt.Errorf("timex: date %q: bad minute", s)
	}
	d.Precision = Minute
	return check(s, d)
}

func check(s string, d Date) (Date, error) {
	if !d.Valid() {
		return Date{}, fmt.Errorf("timex: date %q: not a calendar date", s)
	}
	return d, nil
}
