package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/testenv"
)

// TestSQLite runs the conformance suite on SQLite files in a temporary
// directory.
func TestSQLite(t *testing.T) {
	testStore(t, func(t *testing.T) string {
		return filepath.Join(t.TempDir(), "parallax.db")
	})
}

// TestPostgres runs the conformance suite on PostgreSQL (see
// internal/testenv): each test has a schema of its own in one new database,
// since creating a database takes seconds.
func TestPostgres(t *testing.T) {
	schema := postgresSchemas(t)
	testStore(t, func(t *testing.T) string { return schema(t) })
}

// postgresSchemas returns a function making a new schema in a new database
// and returning an address whose search_path is that schema.
func postgresSchemas(t testing.TB) func(t testing.TB) string {
	base := testenv.Postgres(t)
	n := 0
	return func(t testing.TB) string {
		n++
		schema := fmt.Sprintf("test_%d", n)
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
}

// testStore is the one suite both implementations pass. newDB returns the
// address of a new, empty database; a test may open it more than once, as
// several processes would.
func testStore(t *testing.T, newDB func(t *testing.T) string) {
	open := func(t *testing.T, dsn string) Store {
		t.Helper()
		s, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return s
	}
	fresh := func(t *testing.T) Store { return open(t, newDB(t)) }
	tests := []struct {
		name string
		fn   func(t *testing.T, s Store)
	}{
		{"PutAndRead", testPutAndRead},
		{"DedupCanonical", testDedupCanonical},
		{"DedupHash", testDedupHash},
		{"DedupWithinBatch", testDedupWithinBatch},
		{"IDTaken", testIDTaken},
		{"BadArticle", testBadArticle},
		{"ConcurrentPuts", testConcurrentPuts},
		{"UnclusteredAndLog", testUnclusteredAndLog},
		{"SaveClustering", testSaveClustering},
		{"ClusteringRefusal", testClusteringRefusal},
		{"Lock", testLock},
		{"StoriesRanking", testStoriesRanking},
		{"StoriesPagination", testStoriesPagination},
		{"StoriesFilters", testStoriesFilters},
		{"Search", testSearch},
		{"SearchHostile", testSearchHostile},
		{"Briefs", testBriefs},
		{"Feeds", testFeeds},
		{"Counts", testCounts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, fresh(t)) })
	}
	t.Run("LockAcrossOpens", func(t *testing.T) {
		dsn := newDB(t)
		if !isPostgres(dsn) {
			t.Skip("one process per SQLite file: the lock is the process's")
		}
		a, b := open(t, dsn), open(t, dsn)
		testLockExcludes(t, a, b)
	})
	t.Run("ConcurrentOpens", func(t *testing.T) {
		dsn := newDB(t)
		if !isPostgres(dsn) {
			t.Skip("one process per SQLite file")
		}
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() {
				s, err := Open(context.Background(), dsn)
				if err == nil {
					err = s.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("Open %d: %v", i, err)
			}
		}
	})
	t.Run("Reopen", func(t *testing.T) { testReopen(t, newDB(t)) })
}

var ctx = context.Background()

// words is the vocabulary of the tests' made-up articles.
var words = strings.Fields(`harbour council bridge river festival winter budget school ferry
	island mayor museum storm library orchard tunnel railway market garden station
	lantern quarry meadow beacon glacier canyon village voyage compass harvest
	the a of and to in on with for after before near over under said announced`)

// text returns a made-up article text of about n words, the same for the
// same seed.
func text(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%12 == 0 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	b.WriteString(fmt.Sprintf(" (report %d).", seed))
	return b.String()
}

// article returns a made-up article numbered n.
func article(n int) Article {
	return Article{Article: parallax.Article{
		URL:       fmt.Sprintf("https://outlet%d.example/news/%d", n%5, n),
		Outlet:    fmt.Sprintf("Outlet %d", n%5),
		Title:     fmt.Sprintf("Report number %d", n),
		Published: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute),
		Text:      text(uint64(n), 60),
	}}
}

func put(t testing.TB, s Store, arts ...Article) []Put {
	t.Helper()
	puts, err := s.PutArticles(ctx, arts)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	if len(puts) != len(arts) {
		t.Fatalf("PutArticles: %d puts for %d articles", len(puts), len(arts))
	}
	return puts
}

func counts(t *testing.T, s Store) Counts {
	t.Helper()
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

func testPutAndRead(t *testing.T, s Store) {
	in := []Article{article(1), article(2), article(3)}
	in[1].ID = "given-id"
	in[1].Feed = "https://outlet2.example/feed.xml"
	in[2].URL = ""
	in[2].Published = time.Time{}
	puts := put(t, s, in...)
	for i, p := range puts {
		if !p.Created {
			t.Errorf("put %d: Created false for a new article", i)
		}
		if i > 0 && p.Seq <= puts[i-1].Seq {
			t.Errorf("put %d: seq %d not after %d", i, p.Seq, puts[i-1].Seq)
		}
	}
	if puts[1].ID != "given-id" {
		t.Errorf("given id: stored as %q", puts[1].ID)
	}
	if want := derivedIDs(CanonicalURL(in[0].URL), "")[0]; puts[0].ID != want {
		t.Errorf("id from the canonical URL: got %q, want %q", puts[0].ID, want)
	}
	if want := TextHash(in[2].Text)[:16]; puts[2].ID != want {
		t.Errorf("id from the hash: got %q, want %q", puts[2].ID, want)
	}
	for i, p := range puts {
		got, err := s.Article(ctx, p.ID)
		if err != nil {
			t.Fatalf("Article(%q): %v", p.ID, err)
		}
		want := in[i]
		want.ID, want.Seq = p.ID, p.Seq
		want.Canonical, want.Hash = CanonicalURL(want.URL), TextHash(want.Text)
		if got.Stored.IsZero() {
			t.Errorf("article %d: Stored is zero", i)
		}
		want.Stored = got.Stored
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("article %d (-put +read):\n%s", i, diff)
		}
	}
	_, err := s.Article(ctx, "no-such-article")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Article of an unknown id: %v, want ErrNotFound", err)
	}
	if puts, err := s.PutArticles(ctx, nil); err != nil || len(puts) != 0 {
		t.Errorf("PutArticles(nil) = %v, %v", puts, err)
	}
}

func testDedupCanonical(t *testing.T, s Store) {
	a := article(1)
	a.URL = "https://Outlet.Example:443/news/story?id=7#top"
	first := put(t, s, a)[0]
	b := article(2) // another text
	b.URL = "HTTPS://outlet.example/news/story?id=7&utm_source=feed&fbclid=x"
	p := put(t, s, b)[0]
	if p.Created || p.ID != first.ID || p.Seq != first.Seq {
		t.Errorf("same canonical URL: %+v, want a duplicate of %+v", p, first)
	}
	if c := counts(t, s); c.Articles != 1 {
		t.Errorf("%d articles stored, want 1", c.Articles)
	}
}

func testDedupHash(t *testing.T, s Store) {
	a := article(1)
	first := put(t, s, a)[0]
	b := article(2)
	b.Text = "  " + strings.ToUpper(strings.ReplaceAll(a.Text, " ", " \n\t ")) + "\n"
	p := put(t, s, b)[0]
	if p.Created || p.ID != first.ID {
		t.Errorf("same text at another URL: %+v, want a duplicate of %+v", p, first)
	}
	// Same text, no URL at all.
	c := article(3)
	c.URL, c.Text = "", a.Text
	if p := put(t, s, c)[0]; p.Created || p.ID != first.ID {
		t.Errorf("same text without a URL: %+v, want a duplicate of %+v", p, first)
	}
	if n := counts(t, s).Articles; n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
}

func testDedupWithinBatch(t *testing.T, s Store) {
	a, b, c := article(1), article(2), article(3)
	a2 := article(4)
	a2.URL = a.URL + "?utm_medium=rss" // a again, by URL
	b2 := article(5)
	b2.Text = b.Text // b again, by text
	puts := put(t, s, a, b, a2, c, b2, a)
	created := []bool{true, true, false, true, false, false}
	same := []int{0, 1, 0, 3, 1, 0}
	for i, p := range puts {
		if p.Created != created[i] {
			t.Errorf("put %d: Created %v, want %v", i, p.Created, created[i])
		}
		if j := same[i]; p.ID != puts[j].ID || p.Seq != puts[j].Seq {
			t.Errorf("put %d: %+v, want the article of put %d, %+v", i, p, j, puts[j])
		}
	}
	if n := counts(t, s).Articles; n != 3 {
		t.Errorf("%d articles stored, want 3", n)
	}
}

func testIDTaken(t *testing.T, s Store) {
	a, b := article(1), article(2)
	a.ID, b.ID = "dup-id", "dup-id"
	puts := put(t, s, a)
	puts = append(puts, put(t, s, b)...)
	if !puts[1].Created || puts[1].ID == "dup-id" {
		t.Errorf("another article with a taken id: %+v, want it stored under its own id", puts[1])
	}
	c, d := article(3), article(4)
	c.ID, d.ID = "same-batch", "same-batch"
	puts = put(t, s, c, d)
	if !puts[0].Created || !puts[1].Created || puts[0].ID == puts[1].ID {
		t.Errorf("two articles with one id in one batch: %+v", puts)
	}
	if n := counts(t, s).Articles; n != 4 {
		t.Errorf("%d articles stored, want 4", n)
	}
}

func testBadArticle(t *testing.T, s Store) {
	bad := []struct {
		name string
		edit func(a *Article)
	}{
		{"empty text", func(a *Article) { a.Text = " \n " }},
		{"NUL", func(a *Article) { a.Title = "a\x00b" }},
		{"not UTF-8", func(a *Article) { a.Text = "caf\xe9" }},
		{"text too long", func(a *Article) { a.Text = strings.Repeat("word ", MaxText/5+1) }},
		{"year", func(a *Article) { a.Published = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"hash", func(a *Article) { a.Hash = "XYZ" }},
	}
	for _, tt := range bad {
		a := article(9)
		tt.edit(&a)
		_, err := s.PutArticles(ctx, []Article{article(1), a})
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "article 2 of 2") {
			t.Errorf("%s: %v, want ErrInvalid naming article 2", tt.name, err)
		}
		if Check(a) == nil {
			t.Errorf("%s: Check passes", tt.name)
		}
	}
	if n := counts(t, s).Articles; n != 0 {
		t.Errorf("%d articles stored from refused batches, want 0", n)
	}
}

func testConcurrentPuts(t *testing.T, s Store) {
	const n, writers = 60, 6
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = article(i)
		if i%3 == 0 {
			arts[i].URL = "" // keyed by hash only
		}
	}
	results := make([][]Put, writers)
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			order := rand.New(rand.NewPCG(uint64(w), 1)).Perm(n)
			results[w] = make([]Put, n)
			for k := 0; k < n; k += 10 {
				var batch []Article
				for _, i := range order[k : k+10] {
					a := arts[i]
					if w%2 == 1 && a.URL != "" {
						a.URL += "?utm_campaign=w" // the same canonical URL
					}
					batch = append(batch, a)
				}
				puts, err := s.PutArticles(ctx, batch)
				if err != nil {
					errs[w] = err
					return
				}
				for j, i := range order[k : k+10] {
					results[w][i] = puts[j]
				}
			}
		})
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", w, err)
		}
	}
	for i := range n {
		created := 0
		for w := range writers {
			if results[w][i].Created {
				created++
			}
			if results[w][i].ID != results[0][i].ID || results[w][i].Seq != results[0][i].Seq {
				t.Errorf("article %d: writer %d got %+v, writer 0 %+v", i, w, results[w][i], results[0][i])
			}
		}
		if created != 1 {
			t.Errorf("article %d created %d times", i, created)
		}
	}
	if c := counts(t, s).Articles; c != n {
		t.Errorf("%d articles stored, want %d", c, n)
	}
}

func testUnclusteredAndLog(t *testing.T, s Store) {
	var arts []Article
	for i := range 10 {
		arts = append(arts, article(i))
	}
	puts := put(t, s, arts...)
	got, err := s.Unclustered(ctx, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("Unclustered(4): %d articles", len(got))
	}
	for i, a := range got {
		if a.ID != puts[i].ID {
			t.Errorf("Unclustered[%d] = %s, want %s (Seq order)", i, a.ID, puts[i].ID)
		}
	}
	if n, err := s.LastClusterSeq(ctx); err != nil || n != 0 {
		t.Errorf("LastClusterSeq before clustering = %d, %v", n, err)
	}
	// Cluster articles 5, 3, 8 in that order.
	step := Clustering{
		Assign: []Assignment{
			{ArticleID: puts[5].ID, StoryID: "s1", ClusterSeq: 1},
			{ArticleID: puts[3].ID, StoryID: "s2", ClusterSeq: 2},
			{ArticleID: puts[8].ID, StoryID: "s1", ClusterSeq: 3},
		},
		Stories: []Story{
			{ID: "s1", Headline: "One", Articles: 2, Outlets: []string{"Outlet 0", "Outlet 3"}, Reports: 2},
			{ID: "s2", Headline: "Two", Articles: 1, Outlets: []string{"Outlet 3"}, Reports: 1},
		},
	}
	if err := s.SaveClustering(ctx, step); err != nil {
		t.Fatal(err)
	}
	un, err := s.Unclustered(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range un {
		ids = append(ids, a.ID)
	}
	want := []string{puts[0].ID, puts[1].ID, puts[2].ID, puts[4].ID, puts[6].ID, puts[7].ID, puts[9].ID}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("Unclustered after clustering (-want +got):\n%s", diff)
	}
	log, err := s.ClusterLog(ctx, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].ID != puts[3].ID || log[1].ID != puts[8].ID || log[0].ClusterSeq != 2 || log[1].StoryID != "s1" {
		t.Errorf("ClusterLog(1) = %+v", log)
	}
	if log, _ := s.ClusterLog(ctx, 0, 1); len(log) != 1 || log[0].ID != puts[5].ID {
		t.Errorf("ClusterLog(0, 1) = %v", log)
	}
	if n, err := s.LastClusterSeq(ctx); err != nil || n != 3 {
		t.Errorf("LastClusterSeq = %d, %v; want 3", n, err)
	}
	sa, err := s.StoryArticles(ctx, "s1")
	if err != nil || len(sa) != 2 || sa[0].ID != puts[5].ID || sa[1].ID != puts[8].ID {
		t.Errorf("StoryArticles(s1) = %v, %v", sa, err)
	}
	if sa, err := s.StoryArticles(ctx, "none"); err != nil || len(sa) != 0 {
		t.Errorf("StoryArticles of no story = %v, %v", sa, err)
	}
	if c := counts(t, s); c.Unclustered != 7 || c.Stories != 2 {
		t.Errorf("Counts = %+v", c)
	}
}

// clusterAll assigns articles to stories in one step: ids[i] to story[i].
func clusterAll(t *testing.T, s Store, from int64, ids, stories []string) {
	t.Helper()
	var c Clustering
	facts := map[string]*Story{}
	for i, id := range ids {
		c.Assign = append(c.Assign, Assignment{ArticleID: id, StoryID: stories[i], ClusterSeq: from + int64(i)})
		if facts[stories[i]] == nil {
			facts[stories[i]] = &Story{ID: stories[i], Headline: "About " + stories[i]}
		}
		facts[stories[i]].Articles++
		facts[stories[i]].Reports++
	}
	for _, st := range facts {
		c.Stories = append(c.Stories, *st)
	}
	if err := s.SaveClustering(ctx, c); err != nil {
		t.Fatalf("SaveClustering: %v", err)
	}
}

func testSaveClustering(t *testing.T, s Store) {
	var arts []Article
	for i := range 6 {
		arts = append(arts, article(i))
	}
	puts := put(t, s, arts...)
	id := func(i int) string { return puts[i].ID }
	updated := time.Date(2026, 3, 2, 9, 30, 0, 123456789, time.UTC)
	first := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	step := Clustering{
		Assign: []Assignment{
			{ArticleID: id(0), StoryID: "a", ClusterSeq: 1},
			{ArticleID: id(1), StoryID: "a", ClusterSeq: 2},
			{ArticleID: id(2), StoryID: "b", ClusterSeq: 3},
			{ArticleID: id(3), StoryID: "c", ClusterSeq: 4},
		},
		Stories: []Story{
			{ID: "a", Headline: "A", Articles: 2, Outlets: []string{"Outlet 0", "Outlet 1"}, Reports: 2, First: first, Last: updated, Updated: updated},
			{ID: "b", Headline: "B", Articles: 1, Outlets: []string{"Outlet 2"}, Reports: 1, Updated: updated},
			{ID: "c", Headline: "C", Articles: 1, Outlets: []string{"Outlet 3"}, Reports: 1, Updated: updated},
		},
	}
	if err := s.SaveClustering(ctx, step); err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	want := step.Stories[0]
	want.Updated, want.Last = micro(updated), micro(updated)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Story(a) (-saved +read):\n%s", diff)
	}
	if err := s.PutBrief(ctx, "b", updated, []byte(`{"summary":"b"}`)); err != nil {
		t.Fatal(err)
	}
	// b and c merge into a; article 4 joins b in the same step, so it
	// ends in a too.
	merge := Clustering{
		Assign: []Assignment{{ArticleID: id(4), StoryID: "b", ClusterSeq: 5}},
		Stories: []Story{
			{ID: "a", Headline: "A", Articles: 5, Outlets: []string{"Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4"}, Reports: 5, Updated: updated.Add(time.Hour)},
			{ID: "b", Headline: "B", Articles: 2},
		},
		Merged: map[string]string{"b": "c", "c": "a"},
	}
	if err := s.SaveClustering(ctx, merge); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"b", "c"} {
		if _, err := s.Story(ctx, gone); !errors.Is(err, ErrNotFound) {
			t.Errorf("Story(%s) after its merge: %v, want ErrNotFound", gone, err)
		}
		if sa, _ := s.StoryArticles(ctx, gone); len(sa) != 0 {
			t.Errorf("story %s keeps %d articles after its merge", gone, len(sa))
		}
	}
	if _, _, err := s.Brief(ctx, "b"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Brief of a merged story: %v, want ErrNotFound", err)
	}
	sa, err := s.StoryArticles(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range sa {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]string{id(0), id(1), id(2), id(3), id(4)}, ids); diff != "" {
		t.Errorf("story a after the merges (-want +got):\n%s", diff)
	}
	if a, _ := s.Story(ctx, "a"); a.Articles != 5 || len(a.Outlets) != 5 {
		t.Errorf("story a after the merges: %+v", a)
	}
	page, err := s.Stories(ctx, StoryQuery{Outlet: "Outlet 3"})
	if err != nil || len(page.Stories) != 1 || page.Stories[0].ID != "a" {
		t.Errorf("Stories(outlet 3) after the merges = %+v, %v", page, err)
	}
	if c := counts(t, s); c.Stories != 1 || c.Unclustered != 1 {
		t.Errorf("Counts = %+v", c)
	}
}

func testClusteringRefusal(t *testing.T, s Store) {
	puts := put(t, s, article(1), article(2), article(3))
	clusterAll(t, s, 1, []string{puts[0].ID}, []string{"x"})
	// Article 1 is new, article 0 is already clustered: nothing changes.
	err := s.SaveClustering(ctx, Clustering{
		Assign: []Assignment{
			{ArticleID: puts[1].ID, StoryID: "y", ClusterSeq: 2},
			{ArticleID: puts[0].ID, StoryID: "y", ClusterSeq: 3},
		},
		Stories: []Story{{ID: "y", Articles: 2}},
	})
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("assigning a clustered article: %v, want ErrConflict", err)
	}
	if a, _ := s.Article(ctx, puts[1].ID); a.ClusterSeq != 0 || a.StoryID != "" {
		t.Errorf("a refused step changed article 1: %+v", a)
	}
	if _, err := s.Story(ctx, "y"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused step stored its story: %v", err)
	}
	// A cluster seq already used.
	err = s.SaveClustering(ctx, Clustering{Assign: []Assignment{{ArticleID: puts[1].ID, StoryID: "x", ClusterSeq: 1}}})
	if !errors.Is(err, ErrConflict) {
		t.Errorf("reusing a cluster seq: %v, want ErrConflict", err)
	}
	err = s.SaveClustering(ctx, Clustering{Assign: []Assignment{{ArticleID: "nope", StoryID: "x", ClusterSeq: 9}}})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("assigning an unknown article: %v, want ErrNotFound", err)
	}
	for _, c := range []Clustering{
		{Assign: []Assignment{{ArticleID: puts[1].ID, ClusterSeq: 9}}},
		{Assign: []Assignment{{ArticleID: puts[1].ID, StoryID: "x"}}},
		{Assign: []Assignment{{ArticleID: puts[1].ID, StoryID: "x", ClusterSeq: 9}, {ArticleID: puts[2].ID, StoryID: "x", ClusterSeq: 9}}},
		{Merged: map[string]string{"p": "q", "q": "p"}},
		{Stories: []Story{{ID: ""}}},
	} {
		if err := s.SaveClustering(ctx, c); !errors.Is(err, ErrInvalid) {
			t.Errorf("SaveClustering(%+v): %v, want ErrInvalid", c, err)
		}
	}
	if n, _ := s.LastClusterSeq(ctx); n != 1 {
		t.Errorf("LastClusterSeq after refusals = %d, want 1", n)
	}
}

func testLock(t *testing.T, s Store) { testLockExcludes(t, s, s) }

// testLockExcludes checks that while a holds the clustering lock, b cannot
// take it, and can once a lets go.
func testLockExcludes(t *testing.T, a, b Store) {
	unlock, err := a.LockClustering(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A second holder would get the lock at once; waiting a moment and
	// giving up is the only way to see that it does not.
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if u2, err := b.LockClustering(short); err == nil {
		u2()
		t.Fatal("a second LockClustering succeeded while the lock was held")
	}
	got := make(chan func(), 1)
	go func() {
		u, err := b.LockClustering(ctx)
		if err != nil {
			t.Error(err)
			u = func() {}
		}
		got <- u
	}()
	unlock()
	unlock() // a second unlock does nothing
	u := <-got
	u()
	// The lock is free again, for a.
	u, err = a.LockClustering(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u()
}

// storyFacts makes n stories, one article each, with reports and times
// spread so that ties on reports and on time both occur.
func makeStories(t testing.TB, s Store, from, n int, base time.Time) []Story {
	t.Helper()
	var arts []Article
	for i := from; i < from+n; i++ {
		arts = append(arts, article(i))
	}
	puts := put(t, s, arts...)
	last, err := s.LastClusterSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var c Clustering
	for k, i := 0, from; i < from+n; k, i = k+1, i+1 {
		id := fmt.Sprintf("story-%04d", i)
		c.Assign = append(c.Assign, Assignment{ArticleID: puts[k].ID, StoryID: id, ClusterSeq: last + int64(k) + 1})
		c.Stories = append(c.Stories, Story{
			ID: id, Headline: arts[k].Title, Articles: 1, Reports: (i * 7) % 5,
			Outlets: []string{arts[k].Outlet}, Updated: base.Add(time.Duration(i%9) * time.Hour),
		})
	}
	if err := s.SaveClustering(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c.Stories
}

// ranked reports whether x comes before y in the story list.
func ranked(x, y Story) bool {
	if x.Reports != y.Reports {
		return x.Reports > y.Reports
	}
	if !x.Updated.Equal(y.Updated) {
		return x.Updated.After(y.Updated)
	}
	return x.ID < y.ID
}

func testStoriesRanking(t *testing.T, s Store) {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	made := makeStories(t, s, 0, 40, base)
	page, err := s.Stories(ctx, StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Stories) != 40 || page.Next != "" {
		t.Fatalf("Stories: %d stories, next %q; want 40 and no next", len(page.Stories), page.Next)
	}
	want := slices.Clone(made)
	slices.SortFunc(want, func(x, y Story) int {
		if ranked(x, y) {
			return -1
		}
		return 1
	})
	for i := range want {
		if page.Stories[i].ID != want[i].ID {
			t.Fatalf("rank %d: %s, want %s", i, page.Stories[i].ID, want[i].ID)
		}
	}
	if got := page.Stories[0]; got.Outlets == nil || got.Updated.IsZero() || got.Headline == "" {
		t.Errorf("a listed story lacks its facts: %+v", got)
	}
}

func testStoriesPagination(t *testing.T, s Store) {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	made := makeStories(t, s, 0, 130, base)
	seen := map[string]int{}
	var list []Story
	q := StoryQuery{Limit: 50}
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("more than 10 pages")
		}
		page, err := s.Stories(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Stories) > 50 {
			t.Fatalf("page %d holds %d stories, over the limit", pages, len(page.Stories))
		}
		for _, st := range page.Stories {
			seen[st.ID]++
			list = append(list, st)
		}
		if page.Next == "" {
			if pages < 2 {
				t.Errorf("%d pages for 130+ stories at 50 a page", pages+1)
			}
			break
		}
		// New stories arrive between pages, ranked everywhere.
		makeStories(t, s, 1000+pages*10, 10, base.Add(-time.Hour+time.Duration(pages)*time.Minute))
		q.Cursor = page.Next
	}
	for _, st := range made {
		if seen[st.ID] != 1 {
			t.Errorf("story %s listed %d times, want once", st.ID, seen[st.ID])
		}
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("story %s listed %d times", id, n)
		}
	}
	for i := 1; i < len(list); i++ {
		if !ranked(list[i-1], list[i]) {
			t.Errorf("listing out of order at %d: %s then %s", i, list[i-1].ID, list[i].ID)
		}
	}
	for _, bad := range []string{"!!!", "bm90IGEgY3Vyc29y", encodeCursor("123")} {
		if _, err := s.Stories(ctx, StoryQuery{Cursor: bad}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "cursor") {
			t.Errorf("cursor %q: %v, want ErrInvalid about the cursor", bad, err)
		}
	}
}

func testStoriesFilters(t *testing.T, s Store) {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	made := makeStories(t, s, 0, 30, base)
	ids := func(q StoryQuery) []string {
		t.Helper()
		page, err := s.Stories(ctx, q)
		if err != nil {
			t.Fatalf("Stories(%+v): %v", q, err)
		}
		var out []string
		for _, st := range page.Stories {
			out = append(out, st.ID)
		}
		slices.Sort(out)
		return out
	}
	filter := func(keep func(Story) bool) []string {
		var out []string
		for _, st := range made {
			if keep(st) {
				out = append(out, st.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	since, until := base.Add(2*time.Hour), base.Add(5*time.Hour)
	checks := []struct {
		name string
		q    StoryQuery
		want []string
	}{
		{"since", StoryQuery{Since: since}, filter(func(st Story) bool { return !st.Updated.Before(since) })},
		{"until", StoryQuery{Until: until}, filter(func(st Story) bool { return st.Updated.Before(until) })},
		{"since and until", StoryQuery{Since: since, Until: until},
			filter(func(st Story) bool { return !st.Updated.Before(since) && st.Updated.Before(until) })},
		{"outlet", StoryQuery{Outlet: "Outlet 2"}, filter(func(st Story) bool { return st.Outlets[0] == "Outlet 2" })},
		{"unknown outlet", StoryQuery{Outlet: "Nobody"}, nil},
		{"query", StoryQuery{Query: "report 17"}, []string{"story-0017"}},
		{"query and outlet", StoryQuery{Query: "report 17", Outlet: "Outlet 1"}, nil},
		{"query of punctuation", StoryQuery{Query: `"*`}, nil},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, ids(c.q)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	if len(checks[0].want) == 0 || len(checks[0].want) == len(made) {
		t.Errorf("the since filter test selects %d of %d stories", len(checks[0].want), len(made))
	}
}

func testSearch(t *testing.T, s Store) {
	a, b, c := article(1), article(2), article(3)
	a.Title, a.Text = "Ferry service resumes", "The island ferry service resumed on Monday after the winter storms, the harbour council said."
	b.Title, b.Text = "Library opens", "A new library opened near the railway station, with a garden on its roof."
	c.Title, c.Text = "Storm warning", "Forecasters warned of another storm reaching the island by Friday; ferries may stop."
	puts := put(t, s, a, b, c)
	clusterAll(t, s, 1, []string{puts[0].ID, puts[1].ID}, []string{"ferry", "library"})
	hits := func(q string) []string {
		t.Helper()
		h, err := s.Search(ctx, q, 10, 0)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var out []string
		for _, x := range h {
			out = append(out, x.ID)
		}
		slices.Sort(out)
		return out
	}
	sorted := func(ids ...string) []string { slices.Sort(ids); return ids }
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"library", []string{puts[1].ID}},
		{"LIBRARY garden", []string{puts[1].ID}},
		{"island", sorted(puts[0].ID, puts[2].ID)},
		{"storms", sorted(puts[0].ID, puts[2].ID)}, // stemmed
		{"island -winter", []string{puts[2].ID}},
		{`"harbour council"`, []string{puts[0].ID}},
		{`"council harbour"`, nil},
		{"library or forecasters", sorted(puts[1].ID, puts[2].ID)},
		{"ferry", sorted(puts[0].ID, puts[2].ID)}, // a title; "ferries" stems alike
		{"zeppelin", nil},
	} {
		if diff := cmp.Diff(c.want, hits(c.q)); diff != "" {
			t.Errorf("Search(%q) (-want +got):\n%s", c.q, diff)
		}
	}
	h, err := s.Search(ctx, "railway", 10, 0)
	if err != nil || len(h) != 1 {
		t.Fatalf("Search(railway) = %v, %v", h, err)
	}
	if !strings.Contains(h[0].Snippet, "railway") || h[0].StoryID != "library" || h[0].Title != b.Title || h[0].Outlet != b.Outlet || h[0].URL != b.URL {
		t.Errorf("hit = %+v", h[0])
	}
	if h, err := s.Search(ctx, "island", 1, 1); err != nil || len(h) != 1 {
		t.Errorf("Search(island, 1, 1) = %v, %v", h, err)
	}
	if _, err := s.Search(ctx, "island", 10, -1); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative offset: %v, want ErrInvalid", err)
	}
}

func testSearchHostile(t *testing.T, s Store) {
	a := article(1)
	a.Title, a.Text = `Quotes "and" stars*`, `He said "drop table" is not a command; AND ( NEAR(x y) ) café Ünïcode 東京 news.`
	put(t, s, a)
	queries := []string{
		``, ` `, `"`, `""`, `"""`, `*`, `**`, `AND (`, `OR`, `NOT`, `-`, `--`, `- -x`, `'; drop table articles; --`,
		`NEAR(a b)`, `title:drop`, `^news`, `a AND`, `(`, `)`, `{col}`, `x:`, `\`, `'`, `%`, `_`, `\x00`,
		`café`, `東京`, `Ünïcode`, `"unterminated phrase`, `a OR OR b`, `-"drop table"`, `or news`, `news or`,
		strings.Repeat("(", 300), strings.Repeat(`"a" `, 100), "\u202e\u200b", "e\u0301",
	}
	for _, q := range queries {
		if _, err := s.Search(ctx, q, 10, 0); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		if _, err := s.Stories(ctx, StoryQuery{Query: q}); err != nil {
			t.Errorf("Stories(query %q): %v", q, err)
		}
	}
	for q, n := range map[string]int{`drop table`: 1, `"drop table"`: 1, `café`: 1, `NEAR`: 1, `stars*`: 1, ``: 0, `*`: 0} {
		h, err := s.Search(ctx, q, 10, 0)
		if err != nil || len(h) != n {
			t.Errorf("Search(%q) = %d hits, %v; want %d", q, len(h), err, n)
		}
	}
	if _, err := s.Search(ctx, strings.Repeat("x", MaxQuery+1), 10, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("an overlong query: %v, want ErrInvalid", err)
	}
	if _, err := s.Search(ctx, "caf\xe9", 10, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("a query that is not UTF-8: %v, want ErrInvalid", err)
	}
	if n := counts(t, s).Articles; n != 1 {
		t.Errorf("%d articles after hostile queries, want 1", n)
	}
}

func testBriefs(t *testing.T, s Store) {
	puts := put(t, s, article(1))
	clusterAll(t, s, 1, []string{puts[0].ID}, []string{"s"})
	if _, _, err := s.Brief(ctx, "s"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Brief before any: %v, want ErrNotFound", err)
	}
	t1 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	t2 := t1.Add(time.Minute)
	if err := s.PutBrief(ctx, "s", t2, []byte(`{"v":2}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBrief(ctx, "s", t1, []byte(`{"v":1}`)); err != nil {
		t.Fatal(err)
	}
	b, at, err := s.Brief(ctx, "s")
	if err != nil || string(b) != `{"v":2}` || !at.Equal(t2) {
		t.Errorf("Brief after an older put = %s, %v, %v; want the newer", b, at, err)
	}
	if st, _ := s.Story(ctx, "s"); !st.Briefed.Equal(t2) {
		t.Errorf("Story.Briefed = %v, want %v", st.Briefed, t2)
	}
	t3 := t2.Add(time.Minute)
	if err := s.PutBrief(ctx, "s", t3, []byte(`{"v":3}`)); err != nil {
		t.Fatal(err)
	}
	if b, at, _ := s.Brief(ctx, "s"); string(b) != `{"v":3}` || !at.Equal(t3) {
		t.Errorf("Brief after a newer put = %s, %v", b, at)
	}
	if st, _ := s.Story(ctx, "s"); !st.Briefed.Equal(t3) {
		t.Errorf("Story.Briefed = %v, want %v", st.Briefed, t3)
	}
	if err := s.PutBrief(ctx, "nope", t3, []byte(`{}`)); !errors.Is(err, ErrNotFound) {
		t.Errorf("PutBrief of an unknown story: %v, want ErrNotFound", err)
	}
	if _, _, err := s.Brief(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Brief of an unknown story: %v, want ErrNotFound", err)
	}
	for _, bad := range [][]byte{nil, []byte(`{`)} {
		if err := s.PutBrief(ctx, "s", t3.Add(time.Hour), bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("PutBrief(%q): %v, want ErrInvalid", bad, err)
		}
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Story of an unknown id: %v, want ErrNotFound", err)
	}
}

func testFeeds(t *testing.T, s Store) {
	f1 := Feed{URL: "https://b.example/rss", Title: "B", Category: "world"}
	f2 := Feed{URL: "https://a.example/atom", Title: "A"}
	for _, f := range []Feed{f1, f2} {
		if err := s.AddFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveFeedState(ctx, f1.URL, []byte(`{"etag":"x"}`)); err != nil {
		t.Fatal(err)
	}
	f1.Title, f1.Category = "B News", "local"
	if err := s.AddFeed(ctx, f1); err != nil {
		t.Fatal(err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 2 || feeds[0].URL != f2.URL || feeds[1].URL != f1.URL {
		t.Fatalf("Feeds = %+v", feeds)
	}
	if f := feeds[1]; f.Title != "B News" || f.Category != "local" || string(f.State) != `{"etag":"x"}` || f.Added.IsZero() {
		t.Errorf("feed after update = %+v (state %s), want new title and category, state kept", f, f.State)
	}
	if err := s.RemoveFeed(ctx, f2.URL); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, f2.URL); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemoveFeed of an unknown feed: %v, want ErrNotFound", err)
	}
	if err := s.SaveFeedState(ctx, f2.URL, []byte(`{}`)); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveFeedState of an unknown feed: %v, want ErrNotFound", err)
	}
	for _, bad := range []string{"", "ftp://x.example/f", "javascript:alert(1)", "not a url"} {
		if err := s.AddFeed(ctx, Feed{URL: bad}); !errors.Is(err, ErrInvalid) {
			t.Errorf("AddFeed(%q): %v, want ErrInvalid", bad, err)
		}
	}
	if feeds, _ := s.Feeds(ctx); len(feeds) != 1 {
		t.Errorf("%d feeds, want 1", len(feeds))
	}
}

func testCounts(t *testing.T, s Store) {
	if c := counts(t, s); c != (Counts{}) {
		t.Errorf("Counts of an empty store = %+v", c)
	}
	puts := put(t, s, article(1), article(2), article(3))
	clusterAll(t, s, 1, []string{puts[0].ID}, []string{"s"})
	if err := s.AddFeed(ctx, Feed{URL: "https://a.example/feed"}); err != nil {
		t.Fatal(err)
	}
	want := Counts{Articles: 3, Unclustered: 2, Stories: 1, Feeds: 1}
	if c := counts(t, s); c != want {
		t.Errorf("Counts = %+v, want %+v", c, want)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

// migrated returns how many migrations the Open that made s applied.
func migrated(s Store) int {
	switch s := s.(type) {
	case *SQLite:
		return s.migrated
	case *Postgres:
		return s.migrated
	}
	return -1
}

// setVersion records a schema version the program does not know.
func setVersion(t *testing.T, s Store, v int) {
	t.Helper()
	var err error
	switch s := s.(type) {
	case *SQLite:
		_, err = s.w.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, 'future', 0)`, v)
	case *Postgres:
		_, err = s.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES ($1, 'future', now())`, v)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func testReopen(t *testing.T, dsn string) {
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations("sqlite")
	if migrated(s) != len(ms) {
		t.Errorf("a new database: %d migrations applied, want %d", migrated(s), len(ms))
	}
	puts := put(t, s, article(1), article(2))
	clusterAll(t, s, 1, []string{puts[0].ID}, []string{"s"})
	if err := s.PutBrief(ctx, "s", time.Now(), []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.AddFeed(ctx, Feed{URL: "https://a.example/feed", Title: "A", State: []byte("st")}); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	a1, _ := s.Article(ctx, puts[1].ID)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if n := migrated(s); n != 0 {
		t.Errorf("reopening ran %d migrations, want 0", n)
	}
	if c := counts(t, s); c != before {
		t.Errorf("Counts after reopening = %+v, want %+v", c, before)
	}
	if a, err := s.Article(ctx, puts[1].ID); err != nil || !cmp.Equal(a, a1) {
		t.Errorf("article after reopening differs: %v\n%s", err, cmp.Diff(a1, a))
	}
	if _, _, err := s.Brief(ctx, "s"); err != nil {
		t.Errorf("Brief after reopening: %v", err)
	}
	if f, _ := s.Feeds(ctx); len(f) != 1 || string(f[0].State) != "st" {
		t.Errorf("Feeds after reopening = %+v", f)
	}
	// Seq keeps growing across reopening.
	if p := put(t, s, article(3))[0]; p.Seq <= puts[1].Seq {
		t.Errorf("seq after reopening %d, not after %d", p.Seq, puts[1].Seq)
	}
	setVersion(t, s, len(ms)+5)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, dsn)
	if err == nil {
		t.Fatal("a database newer than the program opened")
	}
	for _, v := range []string{fmt.Sprint(len(ms) + 5), fmt.Sprint(len(ms))} {
		if !strings.Contains(err.Error(), v) {
			t.Errorf("the error %q does not name version %s", err, v)
		}
	}
}
