package timex

import (
	"testing"
	"time"
)

// friday is the reference of most cases: Friday 31 March 2017.
var friday = time.Date(2017, 3, 31, 16, 0, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	type want struct {
		text  string // the expression's words
		value string // Date.String()
		rel   bool
		kind  Kind
	}
	cases := []struct {
		name string
		text string
		ref  time.Time
		want []want
	}{
		{"full dates", "It began on March 15, 2017 and ended 15 March 2018; see 2017-03-15 and 3/15/2017.", time.Time{},
			[]want{{"March 15, 2017", "2017-03-15", false, Point}, {"15 March 2018", "2018-03-15", false, Point},
				{"2017-03-15", "2017-03-15", false, Point}, {"3/15/2017", "2017-03-15", false, Point}}},
		{"abbreviations", "On Sept. 24 and on Sep. 24, 2016, and Mar. 3.", time.Time{},
			[]want{{"Sept. 24", "--09-24", false, Point}, {"Sep. 24, 2016", "2016-09-24", false, Point}, {"Mar. 3", "--03-03", false, Point}}},
		{"no year without a reference", "He resigned on February 13 after the investigation began in July.", time.Time{},
			[]want{{"February 13", "--02-13", false, Point}, {"July", "--07", false, Point}}},
		{"year from the reference", "He resigned on February 13 after the investigation began in July.", friday,
			[]want{{"February 13", "2017-02-13", false, Point}, {"July", "2016-07", false, Point}}},
		{"future month", "The committee will meet in January.", friday,
			[]want{{"January", "2018-01", false, Point}}},
		{"month and year", "In February 2017 and in March of 2016, since July.", time.Time{},
			[]want{{"February 2017", "2017-02", false, Point}, {"March of 2016", "2016-03", false, Point}, {"July", "--07", false, Since}}},
		{"years", "Since 1998, in 2016 and the 2016 presidential election; 2,016 people cast 2016 votes at 1600 Pennsylvania Avenue.", time.Time{},
			[]want{{"1998", "1998", false, Since}, {"2016", "2016", false, Point}, {"2016", "2016", false, Point}}},
		{"decades are no year", "A movement of the late 1970s, in the 1990s and since the 1980s; in 1970 itself.", time.Time{},
			[]want{{"1970", "1970", false, Point}}},
		{"weekday past", "Mr Trump weighed in on Thursday.", friday,
			[]want{{"Thursday", "2017-03-30", true, Point}}},
		{"weekday same day", "He said on Friday that it was over.", friday,
			[]want{{"Friday", "2017-03-31", true, Point}}},
		{"weekday future", "The panel will meet on Thursday.", friday,
			[]want{{"Thursday", "2017-04-06", true, Point}}},
		{"weekday hoped for", "They hoped to get supplies in by Thursday.", friday,
			[]want{{"Thursday", "2017-04-06", true, Point}}},
		{"weekday without reference", "Mr Trump weighed in on Friday.", time.Time{},
			[]want{{"Friday", "", true, Point}}},
		{"last and next", "Last Thursday, last September and next September; this September.", friday,
			[]want{{"Last Thursday", "2017-03-30", true, Point}, {"last September", "2016-09", true, Point},
				{"next September", "2017-09", true, Point}, {"this September", "2017-09", true, Point}}},
		{"days", "Yesterday and today, tonight and tomorrow.", friday,
			[]want{{"Yesterday", "2017-03-30", true, Point}, {"today", "2017-03-31", true, Point},
				{"tonight", "2017-03-31", true, Point}, {"tomorrow", "2017-04-01", true, Point}}},
		{"ago", "Two weeks ago, three days ago, 4 years ago and several months ago.", friday,
			[]want{{"Two weeks ago", "2017-03-17", true, Point}, {"three days ago", "2017-03-28", true, Point},
				{"4 years ago", "2013", true, Point}, {"several months ago", "", true, Point}}},
		{"periods", "Last week, earlier this month, last month and last year.", friday,
			[]want{{"Last week", "2017-03", true, Point}, {"earlier this month", "2017-03", true, Point},
				{"last month", "2017-02", true, Point}, {"last year", "2016", true, Point}}},
		{"times", "It happened at 3 p.m. on Thursday and on March 15, 2017 at 14:30 GMT.", friday,
			[]want{{"3 p.m. on Thursday", "2017-03-30T15:00", true, Point}, {"March 15, 2017 at 14:30 GMT", "2017-03-15T14:30", false, Point}}},
		{"time alone", "The vote closes at 8pm.", friday,
			[]want{{"8pm", "", true, Point}}},
		{"impossible", "On February 30 and on the 31st, in year 20000.", time.Time{}, nil},
		{"names", "Theresa May met April Ryan and January Jones in March.", time.Time{},
			[]want{{"March", "--03", false, Point}}},
		{"until", "He stays until May.", time.Time{},
			[]want{{"May", "--05", false, Until}}},
		{"weekday with date", "Thursday, March 30, 2017, was cold.", friday,
			[]want{{"Thursday, March 30, 2017", "2017-03-30", false, Point}}},
		{"lower case", "on march 15 , 2017 the court ruled ; in may he left .", time.Time{},
			[]want{{"march 15 , 2017", "2017-03-15", false, Point}, {"may", "--05", false, Point}}},
		{"mid month", "By mid-July it was done.", time.Time{},
			[]want{{"mid-July", "--07", false, Point}}},
		{"o'clock", "It struck around 5 o'clock in the afternoon on Tuesday.", friday,
			[]want{{"5 o'clock in the afternoon on Tuesday", "2017-03-28T17:00", true, Point}}},
		{"seasons and names", "We watched sunday-night television, read the Sunday Times, and will sell it this fall.", friday,
			[]want{{"this fall", "", true, Point}}},
		{"possessive", "July's meeting and 2016's vote.", time.Time{},
			[]want{{"July", "--07", false, Point}, {"2016", "2016", false, Point}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Find(c.text, c.ref)
			if len(got) != len(c.want) {
				t.Fatalf("Find(%q) = %d expressions %v, want %d", c.text, len(got), show(c.text, got), len(c.want))
			}
			for i, g := range got {
				w := c.want[i]
				if s := c.text[g.Start:g.End]; s != w.text || g.Date.String() != w.value || g.Relative != w.rel || g.Kind != w.kind {
					t.Errorf("expression %d = %q %q rel=%v %v, want %q %q rel=%v %v", i, s, g.Date, g.Relative, g.Kind, w.text, w.value, w.rel, w.kind)
				}
			}
		})
	}
}

func show(text string, es []Expr) []string {
	var out []string
	for _, e := range es {
		out = append(out, text[e.Start:e.End]+"="+e.Date.String())
	}
	return out
}

func TestDateString(t *testing.T) {
	for _, d := range []Date{
		{Year: 2016, Precision: Year},
		{Year: 2017, Month: 3, Precision: Month},
		{Year: 2017, Month: 3, Day: 15, Precision: Day},
		{Year: 2017, Month: 3, Day: 15, Hour: 14, Minute: 30, Precision: Minute},
		{Month: 3, Precision: Month},
		{Month: 2, Day: 29, Precision: Day},
		{Month: 3, Day: 15, Hour: 9, Minute: 5, Precision: Minute},
		{},
	} {
		s := d.String()
		back, err := ParseDate(s)
		if err != nil || back != d {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", s, back, err, d)
		}
	}
	for _, bad := range []string{"2017-02-30", "2017-13", "--13", "2017-3", "20170", "x", "2017-03-15T25:00", "-001"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %+v, want an error", bad, d)
		}
	}
}

func TestBefore(t *testing.T) {
	m := Date{Year: 2017, Month: 3, Precision: Month}
	d := Date{Year: 2017, Month: 3, Day: 1, Precision: Day}
	y := Date{Year: 2016, Precision: Year}
	if !m.Before(d) || d.Before(m) || !y.Before(m) || !d.Before(Date{}) || (Date{}).Before(d) {
		t.Error("Before orders dates wrongly")
	}
}
