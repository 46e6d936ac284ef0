package loadtest

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var (
	target   = flag.String("loadtest.url", "", "base address of a running parallax serve to load (TestTarget)")
	rate     = flag.Float64("loadtest.rate", 200, "requests per second")
	duration = flag.Duration("loadtest.duration", 30*time.Second, "how long to send requests")
	stories  = flag.Int("loadtest.stories", 50, "how many story pages to request in turn")
	token    = flag.String("loadtest.token", "", "bearer token, when the server needs one for reading")
)

// TestRun runs a short load against a test server and checks the counts;
// the latencies are printed, not judged.
func TestRun(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/fail" {
			http.Error(w, "no", http.StatusInternalServerError)
			return
		}
		w.Write([]byte(strings.Repeat("x", 100)))
	}))
	defer srv.Close()
	res, err := Run(context.Background(), Options{URLs: []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/fail"}, Rate: 300, Duration: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
	if res.Requests != 300 || hits.Load() != 300 || res.Statuses[200] != 200 || res.Statuses[500] != 100 || res.Errors != 100 || res.Bytes < 200*100 {
		t.Errorf("result %s, server saw %d", res, hits.Load())
	}
	if !(res.P50 <= res.P90 && res.P90 <= res.P99 && res.P99 <= res.Max && res.Max > 0) {
		t.Errorf("quantiles out of order: %s", res)
	}
	if _, err := Run(context.Background(), Options{Rate: 1, Duration: time.Second}); err == nil {
		t.Error("no URL: no error")
	}
}

func TestQuantile(t *testing.T) {
	var v []time.Duration
	for i := 1; i <= 100; i++ {
		v = append(v, time.Duration(i))
	}
	for q, want := range map[float64]time.Duration{0.5: 50, 0.9: 90, 0.99: 99, 1: 100} {
		if got := quantile(v, q); got != want {
			t.Errorf("quantile %g = %d, want %d", q, got, want)
		}
	}
	if quantile(nil, 0.5) != 0 {
		t.Error("quantile of nothing")
	}
}

// TestTarget loads a running server from this process: it runs only when
// -loadtest.url is given.
func TestTarget(t *testing.T) {
	if *target == "" {
		t.Skip("no -loadtest.url given: nothing to load")
	}
	h := http.Header{}
	if *token != "" {
		h.Set("Authorization", "Bearer "+*token)
	}
	base := strings.TrimSuffix(*target, "/")
	urls, err := StoryURLs(context.Background(), base, *stories, h)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{URLs: urls, Rate: *rate, Duration: *duration, Header: h})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d story pages at %g requests/s for %s: %s", len(urls), *rate, *duration, res)
}
