package brief

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// Two reports of an invented event, in this package's own words, and a
// third text about something else again.
var (
	bridgeA = parallax.Article{ID: "bridge-a", Outlet: "Harbour Herald", Text: `The Kessel river bridge was closed to all traffic on Tuesday after engineers found cracks in two of its steel supports.
City engineers said the bridge, which carries about 40,000 vehicles a day, would stay shut for at least three weeks while the supports are repaired.
Commuters faced long delays as traffic was sent through the old town, and the ferry service added four crossings an hour.
"We cannot take any risk with a structure of this age," the city's chief engineer, Marta Lind, told reporters at the bridge.
The bridge opened in 1962 and was last inspected in the spring, when no damage was recorded.`}
	bridgeB = parallax.Article{ID: "bridge-b", Outlet: "Valley Post", Text: `Cracks in two steel supports forced the closure of the Kessel river bridge on Tuesday, city officials said.
The chief engineer, Marta Lind, said repairs would take at least three weeks and that the bridge would not reopen before every support had been checked.
About 40,000 vehicles use the bridge every day, and drivers were diverted through the old town, where traffic backed up for hours.
The ferry operator said it would run extra crossings until the bridge reopens.
An inspection in the spring had found no damage, the city said.`}
	bakery = parallax.Article{ID: "bakery", Outlet: "Food Weekly", Text: `A family bakery in the north of the county has won the national prize for rye bread for the third year running.
The judges praised the dark crust and the sour, even crumb of the loaf, which is baked in a wood-fired oven built in 1921.
The owners said they would spend the prize money on a second oven and on training two apprentices.
Queues outside the shop have grown since the first award, and the bakery now opens at six in the morning.
The competition drew more than 300 entries from across the country this year.`}
)

func TestSetAside(t *testing.T) {
	seeds := sharedtest.Seeds(t)
	b, err := Build(context.Background(), seeds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range b.Sources {
		if s.SetAside != "" {
			t.Errorf("seed %s set aside: %s", s.ID, s.SetAside)
		}
	}

	mixed := append(slices.Clone(seeds), bakery)
	b, err = Build(context.Background(), mixed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sources) != 4 || b.Sources[3].ID != "bakery" || b.Sources[3].SetAside != asideOther {
		t.Fatalf("sources = %+v, want the bakery last, set aside as %q", b.Sources, asideOther)
	}
	for _, s := range b.Sources[:3] {
		if s.SetAside != "" {
			t.Errorf("seed %s set aside: %s", s.ID, s.SetAside)
		}
	}
	cited := func(st parallax.Statement) bool { return slices.Contains(st.Sources, "bakery") }
	if slices.ContainsFunc(b.Summary, cited) || slices.ContainsFunc(b.Agreed, cited) || len(b.Exclusive["bakery"]) > 0 {
		t.Error("the set-aside article is cited")
	}
	if b.Reports != 3 && b.Reports != 0 { // 0 until copies fill it in
		t.Errorf("Reports = %d, want 3", b.Reports)
	}

	b, err = Build(context.Background(), mixed, Options{KeepAll: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range b.Sources {
		if s.SetAside != "" {
			t.Errorf("KeepAll: %s set aside", s.ID)
		}
	}
}

// TestSetAsideKeepsEvents: every article of the DUC 2004 events, each a
// set of reports of one event, stays in its brief.
func TestSetAsideKeepsEvents(t *testing.T) {
	stories, err := dataset.Read(sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if why := aside(s.Articles()); len(why) > 0 {
			t.Errorf("%s: set aside %v", s.ID, why)
		}
	}
}

func TestStories(t *testing.T) {
	seeds := sharedtest.Seeds(t)
	arts := append(slices.Clone(seeds), bridgeA, bakery, bridgeB)
	found := Stories(arts, StoryOptions{})
	var groups [][]string
	for _, f := range found {
		var ids []string
		for _, a := range f.Story.Articles {
			ids = append(ids, a.ID)
		}
		groups = append(groups, ids)
		if len(f.Members) != len(f.Story.Articles) {
			t.Errorf("story %s: %d members, %d articles", f.Story.ID, len(f.Members), len(f.Story.Articles))
		}
	}
	want := [][]string{{seeds[0].ID, seeds[1].ID, seeds[2].ID}, {"bridge-a", "bridge-b"}, {"bakery"}}
	if !slices.EqualFunc(groups, want, slices.Equal) {
		t.Fatalf("stories %v, want %v", groups, want)
	}
	top := found[0].Story
	if top.Reports != 3 || len(top.Outlets) != 3 || !strings.HasPrefix(top.ID, "s") || top.Headline == "" {
		t.Errorf("seeds story = %+v", top)
	}
	// The ID stays when a later article joins.
	more := Stories(append(slices.Clone(arts), parallax.Article{ID: "bridge-c", Outlet: "Coast FM", Text: bridgeB.Text + "\nThe mayor will visit the bridge on Friday."}), StoryOptions{})
	for _, f := range more {
		if f.Story.Articles[0].ID == "bridge-a" {
			if f.Story.ID != found[1].Story.ID || len(f.Members) != 3 {
				t.Errorf("bridge story after one more: id %s (was %s), %d articles", f.Story.ID, found[1].Story.ID, len(f.Members))
			}
			if f.Story.Reports != 2 || len(f.Story.Copies) != 1 {
				t.Errorf("a near copy of bridge-b: reports %d, copies %+v", f.Story.Reports, f.Story.Copies)
			}
		}
	}
}

// TestSplitThreshold: a set of articles given as one story is split only
// where it plainly holds several: no DUC 2004 event is split, and a pile
// of three events is found to be several stories.
func TestSplitThreshold(t *testing.T) {
	events, err := dataset.Read(sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	opts := StoryOptions{Threshold: SplitThreshold, Window: -1}
	multi := func(arts []parallax.Article) int {
		n := 0
		for _, f := range Stories(arts, opts) {
			if f.Story.Aside == "" && len(f.Members) >= 2 {
				n++
			}
		}
		return n
	}
	for _, e := range events {
		if n := multi(e.Articles()); n != 1 {
			t.Errorf("event %s split into %d stories", e.ID, n)
		}
	}
	for k := 0; k+3 <= len(events); k += 3 {
		var arts []parallax.Article
		for _, e := range events[k : k+3] {
			arts = append(arts, e.Articles()...)
		}
		if n := multi(arts); n < 2 {
			t.Errorf("events %s, %s and %s pooled read as %d story", events[k].ID, events[k+1].ID, events[k+2].ID, n)
		}
	}
}
