package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// multiNews reads the Multi-News validation stories, or skips.
func multiNews(tb testing.TB) []dataset.Story {
	tb.Helper()
	stories, err := dataset.Read(sharedtest.Path(tb, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	return stories
}

func TestSeedsFormOneStory(t *testing.T) {
	seeds := sharedtest.Seeds(t)
	stories := Group(seeds, Options{})
	if len(stories) != 1 {
		t.Fatalf("the %d seeds form %d stories, want 1: %+v", len(seeds), len(stories), stories)
	}
	if got, want := stories[0].IDs, []string{seeds[0].ID, seeds[1].ID, seeds[2].ID}; !slices.Equal(got, want) {
		t.Errorf("story articles = %v, want %v", got, want)
	}
}

// TestSeedsAmongOtherStories mixes the seeds with 50 Multi-News articles
// of other stories, in several orders: the seeds' story must hold the
// three seeds and nothing else.
func TestSeedsAmongOtherStories(t *testing.T) {
	seeds := sharedtest.Seeds(t)
	mn := multiNews(t)
	var others []parallax.Article
	r := rand.New(rand.NewPCG(1, 9))
	for _, k := range r.Perm(len(mn)) {
		if len(others) == 50 {
			break
		}
		arts := mn[k].Articles()
		others = append(others, arts[r.IntN(len(arts))])
	}
	for round := range 5 {
		arts := append(slices.Clone(seeds), others...)
		rand.New(rand.NewPCG(uint64(round), 1)).Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
		stories := Group(arts, Options{})
		var seedStory []string
		for _, s := range stories {
			for _, id := range s.IDs {
				if strings.HasPrefix(id, "00") {
					seedStory = s.IDs
				}
			}
		}
		slices.Sort(seedStory)
		want := []string{seeds[0].ID, seeds[1].ID, seeds[2].ID}
		if !slices.Equal(seedStory, want) {
			t.Errorf("order %d: the seeds' story holds %v, want %v", round, seedStory, want)
		}
	}
}

func TestOneArticle(t *testing.T) {
	a := parallax.Article{ID: "a", Title: "Bridge opens", Text: "The new bridge over the river opened on Monday after four years of work. " +
		"The mayor cut a ribbon before hundreds of residents who walked across it in the rain. " +
		"Engineers said the steel arch would carry twenty thousand cars a day and would cut the drive to the city by half an hour. " +
		"Shops on both banks stayed open late to celebrate."}
	stories := Group([]parallax.Article{a}, Options{})
	want := []Story{{ID: 0, Articles: []int{0}, IDs: []string{"a"}, Title: "Bridge opens", Central: 0}}
	if diff := cmp.Diff(want, stories); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if got := Group(nil, Options{}); len(got) != 0 {
		t.Errorf("no articles give %d stories", len(got))
	}
}

// event returns an article about one of a few made-up events.
func event(id string, event int, day int, variant int) parallax.Article {
	events := []string{
		"Firefighters battled a wildfire near Paradise, California, that destroyed hundreds of homes. Evacuation orders covered the whole town of Paradise and the fire crews from Butte County worked through the night. The Camp Fire spread quickly in strong winds and dry brush, officials said.",
		"The central bank of Norway raised its interest rate by a quarter point on Thursday. Governor Ida Wolden Bache said inflation in Norway remained too high and that the krone had weakened. Economists at Oslo banks had expected the Norges Bank decision.",
		"A magnitude 6.1 earthquake struck off the coast of Hokkaido in northern Japan. The Japan Meteorological Agency issued no tsunami warning and there were no reports of damage in Sapporo. Residents of Hokkaido felt strong shaking for nearly a minute.",
	}
	extras := []string{
		" Reporters on the scene described the situation in detail.",
		" More details were expected later in the day from local authorities.",
		" The story was updated with further comment from those involved.",
	}
	text := events[event] + extras[variant%len(extras)] + " " + events[event]
	a := parallax.Article{ID: id, Outlet: fmt.Sprint("outlet", variant), Text: text}
	if day >= 0 {
		a.Published = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, day)
	}
	return a
}

func TestWindow(t *testing.T) {
	t.Run("quiet for longer than the window", func(t *testing.T) {
		arts := []parallax.Article{event("a", 0, 0, 0), event("b", 0, 1, 1), event("c", 0, 10, 2)}
		got := ids(Group(arts, Options{}))
		want := [][]string{{"a", "b"}, {"c"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("stories (-want +got):\n%s", diff)
		}
	})
	t.Run("each article within the window of the last", func(t *testing.T) {
		arts := []parallax.Article{event("a", 0, 0, 0), event("b", 0, 6, 1), event("c", 0, 12, 2)}
		if got := ids(Group(arts, Options{})); len(got) != 1 {
			t.Errorf("stories = %v, want one", got)
		}
	})
	t.Run("a shorter window", func(t *testing.T) {
		arts := []parallax.Article{event("a", 0, 0, 0), event("b", 0, 2, 1)}
		if got := ids(Group(arts, Options{Window: 24 * time.Hour})); len(got) != 2 {
			t.Errorf("stories = %v, want two", got)
		}
	})
	t.Run("no window", func(t *testing.T) {
		arts := []parallax.Article{event("a", 0, 0, 0), event("b", 0, 200, 1)}
		if got := ids(Group(arts, Options{Window: -1})); len(got) != 1 {
			t.Errorf("stories = %v, want one", got)
		}
	})
	t.Run("undated articles ignore time", func(t *testing.T) {
		arts := []parallax.Article{event("a", 0, 0, 0), event("b", 0, 3, 1), event("c", 0, -1, 2)}
		got := Group(arts, Options{})
		if len(got) != 1 {
			t.Fatalf("stories = %v, want one", ids(got))
		}
		first, last := arts[0].Published, arts[1].Published
		if !got[0].First.Equal(first) || !got[0].Last.Equal(last) {
			t.Errorf("span = %v to %v, want %v to %v", got[0].First, got[0].Last, first, last)
		}
	})
}

func TestGroupOrder(t *testing.T) {
	// Dated articles go first, by time; undated ones after, in input order.
	arts := []parallax.Article{event("u1", 1, -1, 0), event("late", 1, 2, 1), event("u2", 1, -1, 2), event("early", 1, 0, 0)}
	got := Group(arts, Options{})
	if len(got) != 1 {
		t.Fatalf("stories = %v, want one", ids(got))
	}
	if want := []string{"early", "late", "u1", "u2"}; !slices.Equal(got[0].IDs, want) {
		t.Errorf("arrival order = %v, want %v", got[0].IDs, want)
	}
	if want := []int{3, 1, 0, 2}; !slices.Equal(got[0].Articles, want) {
		t.Errorf("indexes = %v, want %v", got[0].Articles, want)
	}
}

func TestSeparateEvents(t *testing.T) {
	var arts []parallax.Article
	for i := range 9 {
		arts = append(arts, event(fmt.Sprint("e", i%3, "-", i), i%3, -1, i))
	}
	got := ids(Group(arts, Options{}))
	want := [][]string{{"e0-0", "e0-3", "e0-6"}, {"e1-1", "e1-4", "e1-7"}, {"e2-2", "e2-5", "e2-8"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

func TestNotArticlesSetApart(t *testing.T) {
	notice := "These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to. " +
		"That way, as the pages that are referenced are changed or taken from the web, a link to the version that was live when the page was written will be preserved."
	arts := []parallax.Article{event("a", 0, -1, 0), {ID: "n1", Text: notice}, event("b", 0, -1, 1), {ID: "n2", Text: notice}, {ID: "e", Text: "  "}}
	got := Group(arts, Options{})
	var asides []string
	for _, s := range got {
		if s.Aside != "" {
			if len(s.Articles) != 1 {
				t.Errorf("set-apart story %v holds %d articles", s.IDs, len(s.Articles))
			}
			asides = append(asides, s.IDs[0]+": "+s.Aside)
		}
	}
	want := []string{"n1: archive notice", "n2: archive notice", "e: empty"}
	if diff := cmp.Diff(want, asides); diff != "" {
		t.Errorf("set apart (-want +got):\n%s", diff)
	}
	if g := ids(got); !slices.Equal(g[0], []string{"a", "b"}) {
		t.Errorf("stories = %v", g)
	}
}

func TestDeterministic(t *testing.T) {
	mn := multiNews(t)
	var arts []parallax.Article
	for _, s := range mn[:300] {
		arts = append(arts, s.Articles()...)
	}
	a, b := Group(arts, Options{}), Group(arts, Options{})
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
}

func TestStoryOfFollowsMerges(t *testing.T) {
	mn := multiNews(t)
	c := New(Options{})
	n := 0
	for _, s := range mn[:500] {
		for _, a := range s.Articles() {
			c.Add(a)
			n++
		}
	}
	seen := make(map[int]bool)
	for _, s := range c.Stories() {
		for _, i := range s.Articles {
			if seen[i] {
				t.Fatalf("article %d is in two stories", i)
			}
			seen[i] = true
			if got := c.StoryOf(i); got != s.ID {
				t.Errorf("StoryOf(%d) = %d, want %d", i, got, s.ID)
			}
		}
	}
	if len(seen) != n || c.Len() != n {
		t.Errorf("%d articles in stories, Len %d, want %d", len(seen), c.Len(), n)
	}
}

func TestHeadline(t *testing.T) {
	arts := []parallax.Article{
		event("a", 2, -1, 0), event("b", 2, -1, 1), event("c", 2, -1, 2),
	}
	arts[0].Title = "Sports results from the weekend"
	arts[1].Title = "Earthquake strikes off Hokkaido, Japan"
	got := Group(arts, Options{})
	if len(got) != 1 {
		t.Fatalf("stories = %v, want one", ids(got))
	}
	if got[0].Title != arts[1].Title || got[0].Central != 1 {
		t.Errorf("headline = %q (central %d), want %q (1)", got[0].Title, got[0].Central, arts[1].Title)
	}
}

func ids(stories []Story) [][]string {
	var out [][]string
	for _, s := range stories {
		if s.Aside == "" {
			out = append(out, s.IDs)
		}
	}
	return out
}
