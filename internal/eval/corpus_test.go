package eval

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
)

func TestCorpus(t *testing.T) {
	var stories []dataset.Story
	for s := range 5 {
		st := dataset.Story{ID: fmt.Sprint("s", s)}
		for d := range 3 {
			var paras []string
			for p := range 6 {
				paras = append(paras, fmt.Sprintf("Story %d document %d paragraph %d says something about the matter at hand.", s, d, p))
			}
			st.Documents = append(st.Documents, strings.Join(paras, "\n\n"))
		}
		stories = append(stories, st)
	}
	o := CorpusOptions{Articles: 100, Outlets: 7, Seed: 3}
	got := Corpus(stories, o)
	if len(got) != 100 {
		t.Fatalf("%d articles, want 100", len(got))
	}
	ids, texts := map[string]bool{}, map[string]bool{}
	first := map[string]time.Time{}
	last := map[string]time.Time{}
	for i, a := range got {
		if ids[a.ID] {
			t.Errorf("id %s twice", a.ID)
		}
		ids[a.ID] = true
		if texts[a.Text] {
			t.Errorf("%s: the same text twice", a.ID)
		}
		texts[a.Text] = true
		if i > 0 && a.Published.Before(got[i-1].Published) {
			t.Errorf("%s published before the article ahead of it", a.ID)
		}
		if a.Title == "" || a.Outlet == "" || !strings.HasPrefix(a.URL, "https://") {
			t.Errorf("%s: missing title, outlet or URL: %+v", a.ID, a)
		}
		story := a.ID[:strings.IndexByte(a.ID, '-')]
		if f, ok := first[story]; !ok || a.Published.Before(f) {
			first[story] = a.Published
		}
		if a.Published.After(last[story]) {
			last[story] = a.Published
		}
	}
	for s := range first {
		if d := last[s].Sub(first[s]); d > 48*time.Hour {
			t.Errorf("story %s spans %v, more than two days", s, d)
		}
	}
	again := Corpus(stories, o)
	if !slices.EqualFunc(got, again, func(a, b parallax.Article) bool {
		return a.ID == b.ID && a.Text == b.Text && a.Published.Equal(b.Published)
	}) {
		t.Error("the same options gave another stream")
	}
	if len(Corpus(nil, o)) != 0 {
		t.Error("no stories gave articles")
	}
}
