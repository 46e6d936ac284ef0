package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestQuantile(t *testing.T) {
	v := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, c := range []struct{ q, want float64 }{{0.5, 5}, {0.9, 9}, {0.99, 10}, {0, 1}, {1, 10}} {
		if got := Quantile(v, c.q); got != c.want {
			t.Errorf("Quantile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if Quantile(nil, 0.5) != 0 {
		t.Error("Quantile of nothing is not 0")
	}
}

// TestLoad runs a short load against a server with 1,200 stories over three
// pages, one in five story pages failing: every due request is made and
// counted, the failures are counted as errors, and only listed ids are
// asked for.
func TestLoad(t *testing.T) {
	var pages, hits, bad atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/stories", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		from := 0
		if c := r.URL.Query().Get("cursor"); c != "" {
			fmt.Sscan(c, &from)
		}
		var page struct {
			Stories []map[string]string `json:"stories"`
			Next    string              `json:"next,omitempty"`
		}
		for i := from; i < min(from+500, 1200); i++ {
			page.Stories = append(page.Stories, map[string]string{"id": fmt.Sprintf("s%d", i)})
		}
		if from+500 < 1200 {
			page.Next = fmt.Sprint(from + 500)
		}
		json.NewEncoder(w).Encode(page)
	})
	mux.HandleFunc("GET /stories/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if !strings.HasPrefix(id, "s") {
			bad.Add(1)
		}
		if hits.Add(1)%5 == 0 {
			http.Error(w, "no", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "<p>story</p>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := Load(context.Background(), LoadOptions{
		Base: srv.URL, Rate: 100, Duration: 500 * time.Millisecond, Warmup: 100 * time.Millisecond,
		Stories: 1200, Client: srv.Client(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.StoryIDs != 1200 || pages.Load() != 3 {
		t.Errorf("read %d ids in %d pages, want 1200 in 3", res.StoryIDs, pages.Load())
	}
	if res.Requests != 50 || res.WarmupCount != 10 || hits.Load() != 60 {
		t.Errorf("measured %d + %d warm-up requests, server saw %d; want 50 + 10, 60", res.Requests, res.WarmupCount, hits.Load())
	}
	if res.Errors < 8 || res.Errors > 12 || !strings.Contains(res.FirstError, "500") {
		t.Errorf("errors %d (%q), want about one in five", res.Errors, res.FirstError)
	}
	if bad.Load() != 0 {
		t.Errorf("%d requests for ids that were not listed", bad.Load())
	}
	if !(res.P50 <= res.P90 && res.P90 <= res.P99 && res.P99 <= res.Max) {
		t.Errorf("quantiles out of order: %+v", res)
	}
}

func TestLoadRefuses(t *testing.T) {
	for _, o := range []LoadOptions{
		{Base: "http://127.0.0.1:1", Rate: 0, Duration: time.Second},
		{Base: "ftp://x", Rate: 1, Duration: time.Second},
		{Base: "not a url", Rate: 1, Duration: time.Second},
	} {
		if _, err := Load(context.Background(), o); err == nil {
			t.Errorf("Load(%+v) gave no error", o)
		}
	}
}
