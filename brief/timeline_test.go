package brief

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/timex"
)

// TestTimelineSeeds checks the timeline the issue asks of the seeds: the
// February 13 resignation and the March 15 Nunes statement from 002, the
// July start of the FBI investigation and the September interview from
// 001, each with its source and no year guessed (the seeds have no
// publication date).
func TestTimelineSeeds(t *testing.T) {
	b, arts := seedBrief(t)
	checkTimeline(t, b, arts)
	want := []struct {
		date, source, kind string
	}{
		{"--02-13", "002_1a29c09ba1c270ad", ""},
		{"--03-15", "002_1a29c09ba1c270ad", ""},
		{"--07", "001_73f322a9ff8e64d5", "since"},
		{"--09", "001_73f322a9ff8e64d5", ""},
	}
	for _, w := range want {
		found := false
		for _, e := range b.Timeline {
			if e.Date == w.date && e.Sources[0] == w.source && e.Kind == w.kind {
				found = true
			}
		}
		if !found {
			t.Errorf("no timeline entry dated %s from %s (kind %q)", w.date, w.source, w.kind)
		}
	}
	for _, e := range b.Timeline {
		if e.Relative && e.Date != "" {
			t.Errorf("entry %q resolved to %s without a publication date", e.Written, e.Date)
		}
		if len(e.Date) >= 4 && e.Date[:2] != "--" {
			t.Errorf("entry %q has a year (%s) the seeds do not give", e.Written, e.Date)
		}
	}
}

// checkTimeline checks what every timeline must hold: each span on the
// exact words, the date expression inside the first evidence, valid
// values, at most MaxTimeline entries, in the documented order.
func checkTimeline(t *testing.T, b *parallax.Brief, arts []parallax.Article) {
	t.Helper()
	if b.Timeline == nil {
		t.Fatal("Timeline is nil, want empty or entries")
	}
	if len(b.Timeline) > MaxTimeline {
		t.Errorf("%d timeline entries, want at most %d", len(b.Timeline), MaxTimeline)
	}
	texts := make(map[string]string)
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	prev := -1
	var prevDate timex.Date
	for i, e := range b.Timeline {
		if len(e.Sources) == 0 || len(e.Sources) != len(e.Evidence) {
			t.Fatalf("entry %d: %d sources, %d evidence spans", i, len(e.Sources), len(e.Evidence))
		}
		for k, sp := range e.Evidence {
			txt, ok := texts[sp.Source]
			if !ok || sp.Source != e.Sources[k] || sp.Start < 0 || sp.End > len(txt) || sp.Start >= sp.End {
				t.Fatalf("entry %d: evidence %d %+v does not fit its source %q", i, k, sp, e.Sources[k])
			}
		}
		w, ev := e.When, e.Evidence[0]
		txt := texts[w.Source]
		if w.Source != ev.Source || w.Start < ev.Start || w.End > ev.End {
			t.Errorf("entry %d: the date expression %+v is not inside its evidence %+v", i, w, ev)
			continue
		}
		if txt[w.Start:w.End] != e.Written || txt[ev.Start:ev.End] != e.Text {
			t.Errorf("entry %d: Written or Text is not the words its spans point at", i)
		}
		d, err := timex.ParseDate(e.Date)
		if err != nil {
			t.Errorf("entry %d: %v", i, err)
		}
		if (e.Date == "") != (e.Precision == "") || e.Date != "" && d.Precision.String() != e.Precision {
			t.Errorf("entry %d: date %q with precision %q", i, e.Date, e.Precision)
		}
		g := group(d)
		switch {
		case g < prev:
			t.Errorf("entry %d (%q) comes after a later group", i, e.Date)
		case g == prev && g < 2 && d.Before(prevDate):
			t.Errorf("entry %d (%s) comes after %s", i, d, prevDate)
		}
		prev, prevDate = g, d
	}
}

func TestTimelineResolved(t *testing.T) {
	friday := time.Date(2017, 3, 31, 12, 0, 0, 0, time.UTC)
	arts := []parallax.Article{
		{ID: "a", Outlet: "A", Published: friday, Text: "WASHINGTON (Agency) - The city council voted on Thursday to close the old harbour bridge for repairs.\n\n" +
			"The bridge first opened to traffic in 1932 after four years of building work.\n\n" +
			"Engineers found deep cracks in two of its steel supports on March 2, 2017, the council said.\n\n" +
			"Published March 31, 2017"},
		{ID: "b", Outlet: "B", Published: friday.Add(2 * time.Hour), Text: "The city council voted on Thursday to close the old harbour bridge for repairs.\n\n" +
			"Repairs will start in May and are expected to last until next year, officials said.\n\n" +
			"Engineers found deep cracks in two of the bridge's steel supports earlier this month."},
	}
	b, err := Build(context.Background(), arts, Options{KeepAll: true})
	if err != nil {
		t.Fatal(err)
	}
	checkTimeline(t, b, arts)
	got := make(map[string]parallax.TimelineEntry)
	for _, e := range b.Timeline {
		got[e.Date] = e
	}
	vote, ok := got["2017-03-30"]
	if !ok {
		t.Fatalf("no entry for the vote on Thursday 2017-03-30: %+v", b.Timeline)
	}
	if !reflect.DeepEqual(vote.Sources, []string{"a", "b"}) || !vote.Relative || vote.Reported != "2017-03-31T12:00:00Z" {
		t.Errorf("vote entry: sources %v, relative %v, reported %q", vote.Sources, vote.Relative, vote.Reported)
	}
	if e, ok := got["2017-03-02"]; !ok || e.Precision != "day" {
		t.Errorf("no day entry for the cracks found on March 2, 2017: %+v", b.Timeline)
	}
	if _, ok := got["1932"]; !ok {
		t.Errorf("no entry for the bridge's opening in 1932")
	}
	if e, ok := got["2017-05"]; !ok || e.Sources[0] != "b" {
		t.Errorf("no entry for repairs from May 2017 (future tense): %+v", b.Timeline)
	}
	for _, e := range b.Timeline {
		if strings.HasPrefix(e.Text, "Published") {
			t.Errorf("the publication stamp is an entry: %+v", e)
		}
	}
	if b.Timeline[0].Date != "1932" {
		t.Errorf("first entry %q, want the earliest (1932)", b.Timeline[0].Date)
	}
}

// TestTimelineStories checks the timeline's invariants and determinism on
// real stories: Multi-News validation stories (no publication dates) and
// timeline17 articles (dated).
func TestTimelineStories(t *testing.T) {
	stories, err := dataset.Read(sharedtest.Path(t, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	var sets [][]parallax.Article
	for _, s := range stories[:40] {
		sets = append(sets, s.Articles())
	}
	var tl []parallax.Article
	path := sharedtest.Path(t, "data", "timeline17", "haiti.jsonl.gz")
	err = dataset.ReadLines(path, 1<<24, func(n int, line []byte) error {
		var a struct{ ID, Published, Text string }
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		p, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			return err
		}
		if len(tl) < 12 && strings.TrimSpace(a.Text) != "" {
			tl = append(tl, parallax.Article{ID: a.ID, Outlet: a.ID, Published: p, Text: a.Text})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, tl)
	entries := 0
	for _, arts := range sets {
		b, err := Build(context.Background(), arts, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkTimeline(t, b, arts)
		again, _ := Build(context.Background(), arts, Options{})
		if !reflect.DeepEqual(b.Timeline, again.Timeline) {
			t.Errorf("the timeline differs between two runs on the same articles")
		}
		entries += len(b.Timeline)
	}
	if entries == 0 {
		t.Error("no timeline entry in any story")
	}
}
