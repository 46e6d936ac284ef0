// Package store keeps what parallax serve knows: articles, the stories
// they form with each story's brief, and the feeds it follows.
//
// One interface, Store, has two implementations: SQLite (the default, pure
// Go, one file, nothing to install) and PostgreSQL (several processes on
// several machines sharing one database). Both pass the one test suite in
// store_test.go. Open picks the implementation from the address.
//
// Articles are keyed twice: by canonical URL when they have one and by the
// hash of their normalized text, so the same report fetched twice, or
// posted once and fetched once, is stored once.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/parallax-news/parallax"
)

// ErrNotFound is returned when the asked-for item does not exist.
var ErrNotFound = errors.New("not found")

// An Article is a stored article.
type Article struct {
	parallax.Article
	// Seq is the store's arrival order: unique, increasing, assigned at
	// insertion.
	Seq int64 `json:"seq"`
	// Canonical is the normalized canonical URL, "" when the article has
	// none; it is unique among stored articles.
	Canonical string `json:"canonical,omitempty"`
	// Hash is the hex hash of the normalized text (see TextHash); unique
	// among stored articles.
	Hash string `json:"hash"`
	// Feed is the URL of the feed the article came from, "" when it was
	// posted or loaded.
	Feed string `json:"feed,omitempty"`
	// Stored is when the article was stored.
	Stored time.Time `json:"stored"`
	// StoryID names the article's story, "" until it is clustered.
	StoryID string `json:"story_id,omitempty"`
	// ClusterSeq is the article's place in the clustering log: 0 until it
	// is clustered, then unique and increasing in the order the articles
	// were clustered. Replaying the log in this order rebuilds the
	// clusterer's state exactly.
	ClusterSeq int64 `json:"cluster_seq,omitempty"`
}

// A Put reports what became of one article given to PutArticles.
type Put struct {
	// ID is the id under which the article is stored: its own when it was
	// new, the stored one's when it was a duplicate.
	ID string
	// Seq is the stored article's Seq.
	Seq int64
	// Created is true when the article was new.
	Created bool
}

// A Story is a stored story: the clustering's group and the facts a list of
// stories shows.
type Story struct {
	ID       string   `json:"id"`
	Headline string   `json:"headline"`
	Articles int      `json:"articles"`
	Outlets  []string `json:"outlets"`
	// Reports counts independent reports (copies of one report once).
	Reports int       `json:"reports"`
	First   time.Time `json:"first,omitzero"`
	Last    time.Time `json:"last,omitzero"`
	// Updated is when an article last joined the story.
	Updated time.Time `json:"updated"`
	// Briefed is when the stored brief was built; zero when there is none
	// yet. A brief is stale when Briefed is before Updated.
	Briefed time.Time `json:"briefed,omitzero"`
}

// A StoryQuery selects stories. Zero fields select everything.
type StoryQuery struct {
	// Since and Until bound Updated: Since <= Updated < Until.
	Since, Until time.Time
	// Outlet keeps stories carried by this outlet (exact name).
	Outlet string
	// Query keeps stories with an article matching this full-text query.
	Query string
	// Limit caps the page (default 50, at most 500).
	Limit int
	// Cursor continues a listing from the Next of a previous page.
	Cursor string
}

// A StoryPage is one page of stories, ranked by independent reports, then
// by Updated (newest first), then by ID.
type StoryPage struct {
	Stories []Story `json:"stories"`
	// Next continues the listing; "" on the last page.
	Next string `json:"next,omitempty"`
}

// A Hit is one article found by full-text search.
type Hit struct {
	ID        string    `json:"id"`
	StoryID   string    `json:"story_id,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Snippet is a short plain-text passage around the match.
	Snippet string `json:"snippet"`
}

// A Clustering is the result of one clustering step, saved atomically by
// SaveClustering.
type Clustering struct {
	// Assign gives each newly clustered article its story and its place in
	// the clustering log, in log order.
	Assign []Assignment
	// Stories holds every story whose membership or facts changed, with
	// its facts as they are now.
	Stories []Story
	// Merged maps a story that was merged into another to the story it
	// joined: its articles are moved and it is deleted.
	Merged map[string]string
}

// An Assignment places one article in a story.
type Assignment struct {
	ArticleID  string
	StoryID    string
	ClusterSeq int64
}

// A Feed is a followed feed with its polling state.
type Feed struct {
	URL      string `json:"url"`
	Title    string `json:"title,omitempty"`
	Category string `json:"category,omitempty"`
	// State is internal/feed's per-feed state (validators, schedule,
	// backoff) as JSON; the store keeps it opaque.
	State []byte    `json:"-"`
	Added time.Time `json:"added"`
}

// Counts are totals for metrics and the front page.
type Counts struct {
	Articles    int64 `json:"articles"`
	Unclustered int64 `json:"unclustered"`
	Stories     int64 `json:"stories"`
	Feeds       int64 `json:"feeds"`
}

// Store is everything parallax serve keeps. Every method is safe for
// concurrent use, and every write is committed when it returns nil.
type Store interface {
	// PutArticles stores articles in one transaction. An article whose
	// canonical URL or text hash is already stored is not stored again;
	// its Put names the stored one. Canonical and Hash are computed by
	// the store when empty; ID, Seq and Stored are assigned when zero
	// (ID from the canonical URL or the hash).
	PutArticles(ctx context.Context, articles []Article) ([]Put, error)
	// Article returns one article by id.
	Article(ctx context.Context, id string) (Article, error)
	// StoryArticles returns a story's articles in ClusterSeq order.
	StoryArticles(ctx context.Context, storyID string) ([]Article, error)
	// Unclustered returns up to limit articles not yet clustered, in Seq
	// order.
	Unclustered(ctx context.Context, limit int) ([]Article, error)
	// ClusterLog returns up to limit clustered articles with ClusterSeq
	// greater than after, in ClusterSeq order: what another process
	// clustered since this one last looked.
	ClusterLog(ctx context.Context, after int64, limit int) ([]Article, error)
	// LastClusterSeq returns the greatest ClusterSeq stored, 0 when none.
	LastClusterSeq(ctx context.Context) (int64, error)
	// LockClustering takes the one clustering lock shared by every
	// process using the database, waiting for it; unlock releases it.
	LockClustering(ctx context.Context) (unlock func(), err error)
	// SaveClustering stores one clustering step atomically. It fails,
	// changing nothing, when an assigned article is already clustered.
	SaveClustering(ctx context.Context, c Clustering) error

	// Stories lists stories.
	Stories(ctx context.Context, q StoryQuery) (StoryPage, error)
	// Story returns one story.
	Story(ctx context.Context, id string) (Story, error)
	// PutBrief stores a story's brief (the JSON of parallax.Brief) built
	// from its articles as of at; an older brief never replaces a newer.
	PutBrief(ctx context.Context, storyID string, at time.Time, brief []byte) error
	// Brief returns a story's latest brief and when it was built.
	Brief(ctx context.Context, storyID string) (brief []byte, at time.Time, err error)

	// Search finds articles by full-text query, best first.
	Search(ctx context.Context, query string, limit, offset int) ([]Hit, error)

	// AddFeed adds a feed, or updates its title and category.
	AddFeed(ctx context.Context, f Feed) error
	// Feeds lists the followed feeds by URL.
	Feeds(ctx context.Context) ([]Feed, error)
	// RemoveFeed stops following a feed; its articles stay.
	RemoveFeed(ctx context.Context, url string) error
	// SaveFeedState stores a feed's polling state.
	SaveFeedState(ctx context.Context, url string, state []byte) error

	// Counts returns totals.
	Counts(ctx context.Context) (Counts, error)
	// Ping checks the database is reachable.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}
