package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/testenv"
)

// The integration tests of parallax serve run the real program as child
// processes: built once, killed with SIGKILL, started again.

var (
	buildOnce sync.Once
	binPath   string
	binErr    error
	binDir    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// parallaxBinary builds the program once per test run.
func parallaxBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "parallax-serve-test-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "parallax")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// testRecords returns n article records from Multi-News, each text once,
// with ids of their own, as JSON lines.
func testRecords(t *testing.T, n int) []map[string]any {
	t.Helper()
	stories, err := dataset.Read(sharedtest.Path(t, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	seen := make(map[string]bool)
	var recs []map[string]any
	for i, s := range stories {
		for j, a := range s.Articles() {
			h := store.TextHash(a.Text)
			if seen[h] || store.Check(store.Article{Article: a}) != nil {
				continue
			}
			seen[h] = true
			recs = append(recs, map[string]any{
				"id":        fmt.Sprintf("t%05d", len(recs)),
				"outlet":    fmt.Sprintf("outlet %d", j),
				"published": base.Add(time.Duration(i)*3*time.Hour + time.Duration(j)*time.Minute).Format(time.RFC3339),
				"text":      a.Text,
			})
			if len(recs) == n {
				return recs
			}
		}
	}
	if len(recs) < n {
		t.Fatalf("only %d distinct articles in the data, want %d", len(recs), n)
	}
	return recs
}

// A child is one running parallax serve.
type child struct {
	cmd  *exec.Cmd
	url  string
	logs *bytes.Buffer
	mu   *sync.Mutex
	done chan struct{}
}

var listening = regexp.MustCompile(`msg=listening url=(http://\S+)`)

const testToken = "test-token"

// startServe starts parallax serve on the database and waits until it
// listens.
func startServe(t *testing.T, bin, dsn string, extra ...string) *child {
	t.Helper()
	args := append([]string{"serve", "--db", dsn, "--addr", "127.0.0.1:0", "--workers", "4"}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "PARALLAX_TOKEN="+testToken)
	cmd.Dir = t.TempDir() // no ../shared beside it
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, logs: &bytes.Buffer{}, mu: &sync.Mutex{}, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			c.mu.Lock()
			c.logs.WriteString(line + "\n")
			c.mu.Unlock()
			if m := listening.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		cmd.Wait()
		close(c.done)
	}()
	select {
	case c.url = <-found:
	case <-c.done:
		t.Fatalf("parallax serve exited before listening:\n%s", c.log())
	case <-time.After(2 * time.Minute):
		c.kill()
		t.Fatalf("parallax serve did not listen within 2 minutes:\n%s", c.log())
	}
	return c
}

func (c *child) log() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.logs.String()
}

// kill kills the process with SIGKILL and waits for it.
func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.done
}

// stop stops the process with SIGTERM, as a user would, and waits.
func (c *child) stop(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(time.Minute):
		c.kill()
		t.Errorf("parallax serve did not stop within a minute of SIGTERM")
	}
	if !strings.Contains(c.log(), "msg=stopped") {
		t.Errorf("parallax serve did not stop cleanly:\n%s", tail(c.log(), 2000))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// post posts records as JSON lines to the ingest API and reports whether
// they were acknowledged (a 2xx answer).
func post(ctx context.Context, url string, recs []map[string]any) (bool, error) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return false, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, "POST", url+"/api/articles", &body)
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, nil // the server died: post again
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return false, fmt.Errorf("POST /api/articles: %s: %s", resp.Status, b)
	}
	return true, nil
}

// TestServeCrash kills parallax serve with SIGKILL at random moments, at
// least ten times, while a client posts articles to it, starting it again
// each time; at the end every acknowledged article is stored once,
// clustered once into one story, and every story has its brief: nothing
// acknowledged was lost, nothing was done twice, no job was lost.
func TestServeCrash(t *testing.T) {
	for _, db := range []string{"sqlite", "postgres"} {
		t.Run(db, func(t *testing.T) {
			dsn := filepath.Join(t.TempDir(), "parallax.db")
			if db == "postgres" {
				dsn = testenv.Postgres(t)
			}
			recs := testRecords(t, 400)
			bin := parallaxBinary(t)
			ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
			defer cancel()
			rng := rand.New(rand.NewPCG(1, uint64(len(db))))

			const batch = 8
			acked := 0 // records acknowledged, a prefix of recs
			kills := 0
			for acked < len(recs) || kills < 10 {
				c := startServe(t, bin, dsn)
				if kills >= 10 {
					// The last run: post what is left and stay up.
					for acked < len(recs) {
						ok, err := post(ctx, c.url, recs[acked:min(acked+batch, len(recs))])
						if err != nil || !ok {
							c.kill()
							t.Fatalf("post to a server not being killed: %v\n%s", err, tail(c.log(), 3000))
						}
						acked = min(acked+batch, len(recs))
					}
					waitSettled(t, ctx, dsn, len(recs), c)
					c.stop(t)
					break
				}
				// Post from one goroutine, a random share of the records,
				// while the server is killed after a random time (between
				// 50 ms and 1.5 s): in the middle of a post, of
				// clustering, of building briefs, or of starting up.
				stop := make(chan struct{})
				posted := make(chan int)
				quota := min(acked+batch*(1+rng.IntN(len(recs)/batch/6)), len(recs))
				go func() {
					n := acked
					defer func() { posted <- n }()
					for n < quota {
						select {
						case <-stop:
							return
						default:
						}
						ok, err := post(ctx, c.url, recs[n:min(n+batch, quota)])
						if err != nil {
							t.Error(err)
							return
						}
						if !ok {
							return
						}
						n = min(n+batch, quota)
					}
					<-stop
				}()
				time.Sleep(time.Duration(50+rng.IntN(1450)) * time.Millisecond)
				c.kill()
				close(stop)
				acked = <-posted
				kills++
				t.Logf("kill %d: %d of %d records acknowledged", kills, acked, len(recs))
			}
			checkServed(t, dsn, recs)
		})
	}
}

// waitSettled waits until every article is stored and clustered and every
// story's brief is as new as the story.
func waitSettled(t *testing.T, ctx context.Context, dsn string, n int, c *child) {
	t.Helper()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	why := ""
	for {
		if ok, w := settled(ctx, st, n); ok {
			return
		} else {
			why = w
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the service did not settle: %s\n%s", why, tail(c.log(), 4000))
		case <-time.After(300 * time.Millisecond):
		}
	}
}

func settled(ctx context.Context, st store.Store, n int) (bool, string) {
	c, err := st.Counts(ctx)
	if err != nil {
		return false, err.Error()
	}
	if c.Articles != int64(n) || c.Unclustered != 0 {
		return false, fmt.Sprintf("counts %+v, want %d articles all clustered", c, n)
	}
	stale := 0
	cursor := ""
	for {
		page, err := st.Stories(ctx, store.StoryQuery{Limit: 500, Cursor: cursor})
		if err != nil {
			return false, err.Error()
		}
		for _, s := range page.Stories {
			if s.Briefed.Before(s.Updated) || s.Briefed.IsZero() {
				stale++
			}
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if stale > 0 {
		return false, fmt.Sprintf("%d stories without a fresh brief", stale)
	}
	return true, ""
}

// checkServed checks the database after the runs: each record stored once
// under its id (and no other article), the clustering log numbered 1..n
// with each article once, each article in the one story that lists it,
// each story's facts true to its articles.
func checkServed(t *testing.T, dsn string, recs []map[string]any) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != int64(len(recs)) || c.Unclustered != 0 {
		t.Errorf("counts %+v, want %d articles, none unclustered", c, len(recs))
	}
	hashes := make(map[string]string)
	for _, r := range recs {
		id := r["id"].(string)
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Errorf("record %s: %v", id, err)
			continue
		}
		if a.Hash != store.TextHash(r["text"].(string)) {
			t.Errorf("record %s: stored hash %s is not its text's", id, a.Hash)
		}
		if other, ok := hashes[a.Hash]; ok {
			t.Errorf("records %s and %s stored with one hash", other, id)
		}
		hashes[a.Hash] = id
		if a.StoryID == "" || a.ClusterSeq == 0 {
			t.Errorf("record %s: not clustered (story %q, seq %d)", id, a.StoryID, a.ClusterSeq)
		}
	}
	var last int64
	inLog := make(map[string]string)
	for {
		log, err := st.ClusterLog(ctx, last, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) == 0 {
			break
		}
		for _, a := range log {
			if a.ClusterSeq != last+1 {
				t.Errorf("clustering log: seq %d after %d", a.ClusterSeq, last)
			}
			last = a.ClusterSeq
			if _, ok := inLog[a.ID]; ok {
				t.Errorf("article %s clustered twice", a.ID)
			}
			inLog[a.ID] = a.StoryID
		}
	}
	if len(inLog) != len(recs) {
		t.Errorf("clustering log holds %d articles, want %d", len(inLog), len(recs))
	}
	inStories := 0
	cursor := ""
	for {
		page, err := st.Stories(ctx, store.StoryQuery{Limit: 500, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Stories {
			arts, err := st.StoryArticles(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != s.Articles {
				t.Errorf("story %s: %d articles, facts say %d", s.ID, len(arts), s.Articles)
			}
			for _, a := range arts {
				if inLog[a.ID] != s.ID {
					t.Errorf("article %s: listed under story %s, logged in %s", a.ID, s.ID, inLog[a.ID])
				}
			}
			inStories += len(arts)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if inStories != len(recs) {
		t.Errorf("%d articles in stories, want %d", inStories, len(recs))
	}
}

// metric reads one series' value from a server's /metrics.
func metric(t *testing.T, url, name string) float64 {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			var f float64
			fmt.Sscan(v, &f)
			return f
		}
	}
	return 0
}

// shareArticles is how many articles the two processes of
// TestServeShare ingest.
const shareArticles = 5000

// TestServeShare runs two parallax serve processes on one PostgreSQL
// database and posts 5,000 articles, half to each, at once: at the end
// each is stored once and clustered once (the clustering log numbered
// 1..n, each article once, in the one story that lists it), every story
// has its brief, and both processes did jobs of their own.
func TestServeShare(t *testing.T) {
	dsn := testenv.Postgres(t)
	recs := testRecords(t, shareArticles)
	bin := parallaxBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	a := startServe(t, bin, dsn)
	b := startServe(t, bin, dsn)
	defer a.kill()
	defer b.kill()
	var wg sync.WaitGroup
	for i, c := range []*child{a, b} {
		wg.Go(func() {
			const batch = 50
			for n := i * batch; n < len(recs); n += 2 * batch {
				ok, err := post(ctx, c.url, recs[n:min(n+batch, len(recs))])
				if err != nil || !ok {
					t.Errorf("post to server %d: %v", i+1, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	waitSettled(t, ctx, dsn, len(recs), a)
	for i, c := range []*child{a, b} {
		var jobs []string
		total := 0.0
		for _, kind := range []string{"cluster", "rebuild_brief", "tick"} {
			n := metric(t, c.url, `parallax_jobs_total{kind="`+kind+`",result="done"}`)
			jobs = append(jobs, fmt.Sprintf("%s %.0f", kind, n))
			if kind != "tick" {
				total += n
			}
		}
		clustered := metric(t, c.url, "parallax_articles_clustered_total")
		replayed := metric(t, c.url, "parallax_cluster_replayed_total")
		mism := metric(t, c.url, "parallax_cluster_replay_mismatches_total")
		t.Logf("server %d: jobs done: %s; articles clustered %.0f, replayed %.0f", i+1, strings.Join(jobs, ", "), clustered, replayed)
		if total == 0 {
			t.Errorf("server %d did no clustering or brief job", i+1)
		}
		if mism != 0 {
			t.Errorf("server %d: %.0f replayed articles landed in other stories than stored", i+1, mism)
		}
	}
	a.stop(t)
	b.stop(t)
	checkServed(t, dsn, recs)
}
