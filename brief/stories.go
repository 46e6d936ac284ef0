package brief

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/text"
)

// StoryOptions control Stories.
type StoryOptions struct {
	// Threshold is the least similarity (0 to 1) at which an article joins
	// a story; 0 means the clusterer's default, set for a stream of news.
	// Articles a user gave as one story are better split at
	// SplitThreshold, which parts only what plainly differs.
	Threshold float64
	// Window is how long after its latest dated article a story can still
	// be joined, in publication time; 0 means the clusterer's default (7
	// days), a negative value no limit.
	Window time.Duration
}

// A Found story is a story and where its articles are in the input.
type Found struct {
	Story parallax.Story
	// Members are the indexes of its articles in the input, in arrival
	// order (the order of Story.Articles).
	Members []int
}

// Stories groups articles into stories, online and in publication order
// (undated articles after the dated ones, in input order), finds each
// story's copies of one report, and returns the stories ranked: the most
// independent reports first, then the most articles, then the latest, then
// by ID. Texts that are not articles come last, each alone, with
// Story.Aside saying why.
func Stories(articles []parallax.Article, opts StoryOptions) []Found {
	groups := cluster.Group(articles, cluster.Options{Prior: align.BackgroundIDF(), Threshold: opts.Threshold, Window: opts.Window})
	found := make([]Found, 0, len(groups))
	for _, g := range groups {
		found = append(found, story(articles, g))
	}
	slices.SortStableFunc(found, func(a, b Found) int {
		if c := cmp.Compare(len(a.Story.Aside), len(b.Story.Aside)); c != 0 && (a.Story.Aside == "" || b.Story.Aside == "") {
			return c // articles before texts set apart
		}
		if c := cmp.Compare(b.Story.Reports, a.Story.Reports); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Members), len(a.Members)); c != 0 {
			return c
		}
		if c := b.Story.Last.Compare(a.Story.Last); c != 0 {
			return c
		}
		return cmp.Compare(a.Story.ID, b.Story.ID)
	})
	return found
}

// story describes one cluster of articles as a parallax.Story.
func story(articles []parallax.Article, g cluster.Story) Found {
	members := slices.Clone(g.Articles)
	arts := make([]parallax.Article, len(members))
	for i, m := range members {
		arts[i] = articles[m]
	}
	s := parallax.Story{ID: storyID(arts[0]), Headline: g.Title, Aside: g.Aside, First: g.First, Last: g.Last}
	if s.Headline == "" {
		s.Headline = headline(articles[g.Central])
	}
	seen := make(map[string]bool)
	for _, a := range arts {
		src := parallax.Source{ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL}
		if !a.Published.IsZero() {
			src.Published = a.Published.UTC().Format(time.RFC3339)
		}
		s.Articles = append(s.Articles, src)
		if a.Outlet != "" && !seen[a.Outlet] {
			seen[a.Outlet] = true
			s.Outlets = append(s.Outlets, a.Outlet)
		}
	}
	s.Reports = len(arts)
	if len(arts) > 1 {
		s.Copies = dedup.Groups(arts)
		for _, c := range s.Copies {
			s.Reports -= len(c.Sources) - 1
		}
	}
	return Found{Story: s, Members: members}
}

// storyID derives a story's ID from its first article, so that it does
// not change as later articles join.
func storyID(first parallax.Article) string {
	h := sha256.Sum256([]byte(first.ID + "\x00" + first.URL))
	return "s" + hex.EncodeToString(h[:5])
}

// SplitThreshold is the join threshold at which a set of articles given as
// one story is split into the stories it plainly holds. It is set so that
// no DUC 2004 dev event (articles of one event) is split, while every pile
// of three of those events is found to be three stories.
const SplitThreshold = 0.1

// LooseThreshold is the similarity under which an article of a set given
// as one story is taken to share nothing with the rest: under a quarter
// of the threshold at which an article joins a story in a stream, so that
// within a set a user chose only an article plainly about something else
// is parted from the rest.
const LooseThreshold = 0.05

// Set-aside reasons, as Source.SetAside says them.
const (
	asideOther   = "not about this story"
	asideAnother = "about another story"
	asideText    = "not an article"
)

// aside decides which articles of a set are about something else. The
// set's story is its group of related articles holding the most real
// articles (texts that are not archive notices, prompts or captions; see
// cluster.IsArticle); when it holds two or more, every other text is set
// aside, with the reason. When no two real articles are related, only the
// texts that are not articles are set aside: there is no story to tell the
// others from. A set is never left without a real article.
func aside(articles []parallax.Article) map[int]string {
	if len(articles) < 3 {
		return nil
	}
	all := func(string) (bool, string) { return true, "" }
	groups := cluster.Group(articles, cluster.Options{Threshold: LooseThreshold, Window: -1, Check: all, Prior: align.BackgroundIDF()})
	// Whether a text is an article is read only when asked: the common
	// set, one group with two real articles, needs two answers, not one per
	// article.
	notArticle := make([]string, len(articles))
	checked := make([]bool, len(articles))
	real := func(i int) bool {
		if !checked[i] {
			checked[i] = true
			if ok, why := cluster.IsArticle(articles[i].Text); !ok {
				notArticle[i] = asideText + ": " + why
			}
		}
		return notArticle[i] == ""
	}
	realIn := func(g cluster.Story) int {
		n := 0
		for _, a := range g.Articles {
			if real(a) {
				n++
				if len(groups) == 1 && n == 2 {
					return n // one group holding two real articles: nothing to set aside
				}
			}
		}
		return n
	}
	main, best := -1, 0
	for i, g := range groups {
		n := realIn(g)
		if n > best || (n == best && n > 0 && slices.Min(g.Articles) < slices.Min(groups[main].Articles)) {
			main, best = i, n
		}
	}
	if best == 0 {
		return nil // no real article: there is nothing to tell the others from
	}
	why := make(map[int]string)
	if best < 2 {
		for i := range articles {
			if !real(i) {
				why[i] = notArticle[i]
			}
		}
		return why
	}
	for i, g := range groups {
		if i == main {
			continue
		}
		for _, a := range g.Articles {
			switch {
			case !real(a):
				why[a] = notArticle[a]
			case len(g.Articles) == 1:
				why[a] = asideOther
			default:
				why[a] = asideAnother
			}
		}
	}
	return why
}

// headline returns an article's title, else the headline the text stage
// reads from its first line, else its first sentence.
func headline(a parallax.Article) string {
	if a.Title != "" {
		return a.Title
	}
	d := text.Analyze(a.Text, text.NewStemmer())
	if d.Title != nil {
		return d.Title.Text
	}
	if len(d.Sentences) > 0 {
		return a.Text[d.Sentences[0].Start:d.Sentences[0].End]
	}
	return ""
}
