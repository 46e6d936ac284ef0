package web

import (
	"html"
	"strings"
	"testing"
)

// The story page shows each outlet's framing: a card per outlet of the
// brief, with its lead cited, its voices, and whom others quote that it
// does not, as the brief gives them.
func TestStoryFraming(t *testing.T) {
	st := openStore(t, "sqlite")
	_, b := fillStory(t, st, storyID, storyArticles, true)
	if len(b.Framing) == 0 {
		t.Fatal("the brief has no framing")
	}
	s, _ := newTestServer(t, st, nil)
	rec := do(t, s, "GET", "/stories/"+storyID, "", "")
	if rec.Code != 200 {
		t.Fatalf("GET story: %d", rec.Code)
	}
	page := rec.Body.String()
	i := strings.Index(page, `<section id="framing"`)
	if i < 0 || !strings.Contains(page, `<a href="#framing">Framing</a>`) {
		t.Fatal("no framing section or no link to it")
	}
	sec := page[i:]
	sec = sec[:strings.Index(sec, "</section>")]
	if n := strings.Count(sec, `<article class="outlet-framing">`); n != len(b.Framing) {
		t.Errorf("%d framing cards, want %d", n, len(b.Framing))
	}
	text := html.UnescapeString(stripTags(sec))
	for _, f := range b.Framing {
		if !strings.Contains(text, oneLine(f.LeadText)) {
			t.Errorf("%s: the lead is not shown", f.Source)
		}
		for _, v := range f.Voices {
			if !strings.Contains(text, speakerName(v.Speaker)) {
				t.Errorf("%s: the voice %q is not shown", f.Source, v.Speaker)
			}
		}
		for _, u := range f.Unheard {
			if !strings.Contains(text, oneLine(u.Speaker)) {
				t.Errorf("%s: the unheard voice %q is not shown", f.Source, u.Speaker)
			}
		}
	}
	if !strings.Contains(sec, `href="/articles/`) {
		t.Error("the framing cites no article")
	}
}
