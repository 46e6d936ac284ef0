package timex

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On March 15, 2017 at 3 p.m. GMT, and on Thursday, he left.",
		"February 30, 2017; the 31st; year 20000; 99/99/9999; 2017-02-29; 2016-02-29",
		"3/15/2017 15/3/2017 13/13/2017 2017-13-45 12:75 pm 25:00 GMT 2460 GMT",
		"last week, next month, earlier this year, two weeks ago, 1000000 years ago",
		"Thursday, March 32, 2017; Sept. 24; Sep 31; mid-Feb; mid-",
		"in 2016's last September’s Friday's at 12 a.m. on Sunday night",
		"\xff\xfeMarch 1\u00a05, 2017\u2028at 3 p.m.",
		"May", "2016", "at", "a.m.", "1430 GMT", "5 decades ago",
	} {
		f.Add(s, int64(0))
		f.Add(s, friday.Unix())
	}
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		ref := time.Time{}
		if sec != 0 {
			ref = time.Unix(sec%(1<<40), 0).UTC()
		}
		boundary := make(map[int]bool, len(text)+1)
		for i := range text { // each rune's start, a stray byte counting as one
			boundary[i] = true
		}
		boundary[len(text)] = true
		end := 0
		for _, e := range Find(text, ref) {
			if e.Start < end || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("expression [%d,%d) out of order or bounds (previous end %d, text %d bytes)", e.Start, e.End, end, len(text))
			}
			if !boundary[e.Start] || !boundary[e.End] {
				t.Fatalf("expression [%d,%d) cuts a character", e.Start, e.End)
			}
			if !e.Date.Valid() {
				t.Fatalf("expression %q has an invalid date %+v", text[e.Start:e.End], e.Date)
			}
			if ref.IsZero() && e.Relative && e.Date.Precision != Unknown {
				t.Fatalf("relative expression %q resolved without a reference: %v", text[e.Start:e.End], e.Date)
			}
			if back, err := ParseDate(e.Date.String()); err != nil || back != e.Date {
				t.Fatalf("date %+v does not round-trip: %+v, %v", e.Date, back, err)
			}
			end = e.End
		}
	})
}

// BenchmarkFind runs Find over the articles of the first 200 Multi-News
// validation stories and the timeline17 H1N1 articles.
func BenchmarkFind(b *testing.B) {
	var texts []string
	var refs []time.Time
	stories, err := dataset.Read(sharedtest.Path(b, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range stories[:200] {
		for _, d := range s.Documents {
			texts = append(texts, d)
			refs = append(refs, time.Time{})
		}
	}
	path := sharedtest.Path(b, "data", "timeline17", "H1N1.jsonl.gz")
	err = dataset.ReadLines(path, 1<<24, func(_ int, line []byte) error {
		var a struct{ Published, Text string }
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		ref, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			return err
		}
		texts = append(texts, a.Text)
		refs = append(refs, ref)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			Find(t, refs[i])
		}
	}
}
