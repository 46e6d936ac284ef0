package timeline

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// FuzzBuild builds timelines of two articles of arbitrary text: never a
// panic, every span in bounds and holding exactly the text it claims, every
// date expression inside its sentence, days in order and within bounds.
func FuzzBuild(f *testing.F) {
	for _, seed := range []string{
		"The river broke its banks on Monday and flooded the old town overnight.",
		"It happened on February 30, 2020 and on March 3, 2999, or maybe on 31/31/2020.",
		"\"An unbalanced quotation said on Tuesday that the talks had failed, officials said on 5 May.",
		"Two weeks ago, last September, since July, in 2016, tonight at 3 p.m. the council met again to vote.",
		"\u2028Le 3 mars \u00e0 Paris \xff\xfe on Thursday the ministers met in Brussels for hours of talks.",
		"",
	} {
		f.Add(seed, "Yesterday the mayor declared a state of emergency as the water rose through the streets.", int64(18000))
	}
	f.Fuzz(func(t *testing.T, a, b string, day int64) {
		pub := time.Unix((day%40000)*86400, 0).UTC()
		arts := []parallax.Article{
			{ID: "a", Outlet: "A", Published: pub, Text: a},
			{ID: "b", Outlet: "B", Text: b},
		}
		texts := map[string]string{"a": a, "b": b}
		from := pub.AddDate(0, 0, -400)
		for _, opts := range []Options{{Dates: 5, PerDate: 2}, {Dates: 3, From: from, To: pub}} {
			for _, tl := range []Timeline{Build(arts, opts), PublicationBaseline(arts, opts)} {
				if len(tl.Entries) > opts.Dates {
					t.Fatalf("%d entries for %d days", len(tl.Entries), opts.Dates)
				}
				for i, e := range tl.Entries {
					if i > 0 && !tl.Entries[i-1].Date.Before(e.Date) {
						t.Fatalf("entries out of order: %v then %v", tl.Entries[i-1].Date, e.Date)
					}
					if !opts.From.IsZero() && (e.Date.Time().Before(dayStart(opts.From)) || e.Date.Time().After(opts.To)) {
						t.Fatalf("entry %v outside %v..%v", e.Date, opts.From, opts.To)
					}
					if len(e.Sentences) == 0 || len(e.Sentences) > max(opts.PerDate, 1) {
						t.Fatalf("entry %v has %d sentences", e.Date, len(e.Sentences))
					}
					for _, s := range e.Sentences {
						src := texts[s.Source]
						if s.Start < 0 || s.Start > s.End || s.End > len(src) || src[s.Start:s.End] != s.Text {
							t.Fatalf("span %+v does not hold its text", s.Span)
						}
						if utf8.ValidString(src) && !utf8.ValidString(s.Text) {
							t.Fatalf("span %+v cuts a character", s.Span)
						}
						if s.When != nil && (s.When.Source != s.Source || s.When.Start < s.Start || s.When.End > s.End || s.When.Start >= s.When.End) {
							t.Fatalf("date expression %+v outside its sentence %+v", *s.When, s.Span)
						}
					}
				}
			}
		}
	})
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
