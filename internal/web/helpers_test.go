package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/metrics"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/testenv"
)

// testToken is the write token of the test servers.
const testToken = "s3cret-test-token"

// openStore opens a fresh real store: SQLite in a temporary directory, or
// a new PostgreSQL database from testenv (skipped locally without one,
// failing under CI=true).
func openStore(t testing.TB, kind string) store.Store {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "parallax.db")
	if kind == "postgres" {
		dsn = testenv.Postgres(t)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open %s store: %v", kind, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// storeKinds are the stores the API suite runs on.
var storeKinds = []string{"sqlite", "postgres"}

// testIngester is the pipeline's stand-in for handler tests: articles go
// straight into the store; URLs and feeds are remembered.
type testIngester struct {
	st    store.Store
	mu    sync.Mutex
	urls  []string
	feeds []string
}

func (in *testIngester) IngestArticles(ctx context.Context, arts []store.Article) ([]store.Put, error) {
	return in.st.PutArticles(ctx, arts)
}

func (in *testIngester) IngestURL(ctx context.Context, url string) error {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.urls = append(in.urls, url)
	return nil
}

func (in *testIngester) FeedAdded(ctx context.Context, url string) error {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.feeds = append(in.feeds, url)
	return nil
}

// newTestServer builds the server over st with a token, a test ingester
// and its own metrics; change adjusts the configuration first.
func newTestServer(t testing.TB, st store.Store, change func(*Config)) (*server, *testIngester) {
	t.Helper()
	in := &testIngester{st: st}
	cfg := Config{Store: st, Ingest: in, Token: testToken, Metrics: metrics.New()}
	if change != nil {
		change(&cfg)
	}
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, in
}

// do sends one request to h and returns the answer.
func do(t testing.TB, h http.Handler, method, target, token, body string) *httptest.ResponseRecorder {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decode reads a JSON answer.
func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("answer is not the JSON expected: %v\n%s", err, rec.Body.String())
	}
	return v
}

// The test story: four short reports of one invented event, written for
// these tests. Valley Times reprints Coastal Wire's report, and the two
// disagree with Harbor Gazette on how many workers were aboard.
var storyArticles = []parallax.Article{
	{
		ID: "gazette-1", URL: "https://gazette.example/northgate-barge", Outlet: "Harbor Gazette",
		Title:     "Barge strikes Northgate Bridge, closing it to traffic",
		Published: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC),
		Text: "A cargo barge struck the Northgate Bridge early on Sunday, forcing the city to close the bridge to all traffic.\n\n" +
			"The barge hit a support pier at about 5 a.m., the harbor authority said. No one was hurt.\n\n" +
			"\"We will not reopen the bridge until engineers have inspected every pier,\" said Mayor Elena Ruiz.\n\n" +
			"Twelve workers were on the barge when it struck the pier, according to the port's operator.\n\n" +
			"Commuters were told to use the Eastside Tunnel while the bridge is closed.\n\n" +
			"The bridge was last closed on March 3, 2019, after a storm damaged its deck.",
	},
	{
		ID: "wire-1", URL: "https://wire.example/2026/11/29/northgate", Outlet: "Coastal Wire",
		Title:     "Northgate Bridge shut after barge collision",
		Published: time.Date(2026, 11, 29, 9, 30, 0, 0, time.UTC),
		Text: "The Northgate Bridge was closed on Sunday after a cargo barge struck one of its support piers.\n\n" +
			"The collision happened at about 5 a.m., the harbor authority said, and no injuries were reported.\n\n" +
			"Mayor Elena Ruiz said the bridge would stay closed until engineers inspect every pier.\n\n" +
			"Fifteen workers were aboard the barge, the operator said.\n\n" +
			"The barge's owner, Baltic Freight, said it was cooperating with investigators.",
	},
	{
		ID: "metro-1", URL: "https://metro.example/traffic/northgate", Outlet: "Metro Daily",
		Title:     "Bridge closure snarls morning traffic",
		Published: time.Date(2026, 11, 29, 11, 15, 0, 0, time.UTC),
		Text: "Traffic backed up for miles on Sunday morning after a cargo barge struck the Northgate Bridge and the city closed it.\n\n" +
			"\"We will not reopen the bridge until engineers have inspected every pier,\" Mayor Elena Ruiz told reporters.\n\n" +
			"The harbor authority said the barge hit a support pier at about 5 a.m.\n\n" +
			"Bus routes 4 and 12 were diverted through the Eastside Tunnel, and ferries added trips across the harbor.\n\n" +
			"A storm damaged the bridge's deck on March 3, 2019, closing it for a week.",
	},
	{
		ID: "valley-1", URL: "https://valley.example/news/northgate-bridge", Outlet: "Valley Times",
		Title:     "Northgate Bridge shut after barge collision",
		Published: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC),
		Text: "The Northgate Bridge was closed on Sunday after a cargo barge struck one of its support piers.\n\n" +
			"The collision happened at about 5 a.m., the harbor authority said, and no injuries were reported.\n\n" +
			"Mayor Elena Ruiz said the bridge would stay closed until engineers inspect every pier.\n\n" +
			"Fifteen workers were aboard the barge, the operator said.\n\n" +
			"The barge's owner, Baltic Freight, said it was cooperating with investigators.\n\n" +
			"Valley Times readers can follow the inspection on our live page.",
	},
}

// storyID is the test story's id.
const storyID = "story-northgate"

// fillStory stores arts as one story with the given id and, when withBrief,
// its brief built by brief.Build. It returns the stored articles' ids in
// order and the brief.
func fillStory(t testing.TB, st store.Store, id string, arts []parallax.Article, withBrief bool) ([]string, *parallax.Brief) {
	t.Helper()
	ctx := context.Background()
	in := make([]store.Article, len(arts))
	for i, a := range arts {
		in[i] = store.Article{Article: a}
	}
	puts, err := st.PutArticles(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	last, err := st.LastClusterSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(puts))
	var c store.Clustering
	story := store.Story{ID: id, Headline: arts[0].Title, Articles: len(arts), Reports: len(arts)}
	seen := map[string]bool{}
	stored := make([]parallax.Article, len(arts))
	for i, p := range puts {
		ids[i] = p.ID
		c.Assign = append(c.Assign, store.Assignment{ArticleID: p.ID, StoryID: id, ClusterSeq: last + int64(i) + 1})
		if o := arts[i].Outlet; !seen[o] {
			seen[o] = true
			story.Outlets = append(story.Outlets, o)
		}
		if p := arts[i].Published; !p.IsZero() {
			if story.First.IsZero() || p.Before(story.First) {
				story.First = p
			}
			if p.After(story.Last) {
				story.Last = p
			}
		}
		stored[i] = arts[i]
		stored[i].ID = p.ID
	}
	var b *parallax.Brief
	if withBrief {
		b, err = brief.Build(ctx, stored, brief.Options{})
		if err != nil {
			t.Fatal(err)
		}
		story.Reports = b.Reports
	}
	c.Stories = []store.Story{story}
	if err := st.SaveClustering(ctx, c); err != nil {
		t.Fatal(err)
	}
	if withBrief {
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.PutBrief(ctx, id, time.Now().Add(time.Minute), raw); err != nil {
			t.Fatal(err)
		}
	}
	return ids, b
}
