package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// LoadOptions describe a load run against a running parallax serve.
type LoadOptions struct {
	// Base is the server's address, such as http://127.0.0.1:8080.
	Base string
	// Rate is the requests started per second, whatever the answers'
	// speed (an open loop: a slow answer does not slow the load down).
	Rate float64
	// Duration is how long requests are started for; Warmup runs before
	// it at the same rate, unmeasured.
	Duration, Warmup time.Duration
	// Path is the page asked for, with {id} replaced by a story id drawn
	// at random (default "/stories/{id}").
	Path string
	// Stories caps the story ids read from /api/stories (default 1000).
	Stories int
	// Seed seeds the draw of story ids.
	Seed uint64
	// Token, when set, is sent as a bearer token with every request, for
	// a server whose reads need one.
	Token string
	// Client makes the requests; nil means a client with a 10 s timeout
	// and enough idle connections for the rate.
	Client *http.Client
}

// LoadResult is what a load run measured. Latencies are in milliseconds,
// each from the moment the request was due to start, so a server that
// falls behind is charged for the wait too.
type LoadResult struct {
	Base        string  `json:"base"`
	Path        string  `json:"path"`
	StoryIDs    int     `json:"story_ids"`
	Rate        float64 `json:"rate"`
	Seconds     float64 `json:"seconds"`
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	FirstError  string  `json:"first_error,omitempty"`
	Achieved    float64 `json:"achieved_rate"`
	P50         float64 `json:"p50_ms"`
	P90         float64 `json:"p90_ms"`
	P99         float64 `json:"p99_ms"`
	Max         float64 `json:"max_ms"`
	MeanBytes   float64 `json:"mean_bytes"`
	WarmupCount int     `json:"warmup_requests"`
}

// Load reads story ids from the server's API, then asks for story pages at
// a fixed rate and reports the latency quantiles.
func Load(ctx context.Context, o LoadOptions) (LoadResult, error) {
	if o.Rate <= 0 || o.Duration <= 0 {
		return LoadResult{}, errors.New("load: rate and duration must be positive")
	}
	if o.Path == "" {
		o.Path = "/stories/{id}"
	}
	if o.Stories <= 0 {
		o.Stories = 1000
	}
	base := strings.TrimRight(o.Base, "/")
	if u, err := url.Parse(base); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return LoadResult{}, fmt.Errorf("load: %q is not an http(s) address", o.Base)
	}
	client := o.Client
	if client == nil {
		n := int(o.Rate) + 16
		client = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
			MaxIdleConns: n, MaxIdleConnsPerHost: n, IdleConnTimeout: time.Minute,
		}}
	}
	var ids []string
	if strings.Contains(o.Path, "{id}") {
		var err error
		if ids, err = storyIDs(ctx, client, base, o.Stories, o.Token); err != nil {
			return LoadResult{}, err
		}
		if len(ids) == 0 {
			return LoadResult{}, fmt.Errorf("load: %s/api/stories lists no story", base)
		}
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	res := LoadResult{Base: base, Path: o.Path, StoryIDs: len(ids), Rate: o.Rate}

	type sample struct {
		ms    float64
		bytes int64
		err   error
	}
	var (
		mu      sync.Mutex
		samples []sample
		wg      sync.WaitGroup
	)
	interval := time.Duration(float64(time.Second) / o.Rate)
	total := o.Warmup + o.Duration
	start := time.Now()
	for i := 0; ; i++ {
		due := start.Add(time.Duration(i) * interval)
		if due.Sub(start) >= total {
			break
		}
		if d := time.Until(due); d > 0 {
			select {
			case <-ctx.Done():
				wg.Wait()
				return res, ctx.Err()
			case <-time.After(d):
			}
		}
		path := o.Path
		if ids != nil {
			path = strings.ReplaceAll(path, "{id}", url.PathEscape(ids[rng.IntN(len(ids))]))
		}
		measured := due.Sub(start) >= o.Warmup
		if !measured {
			res.WarmupCount++
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := get(ctx, client, base+path, o.Token)
			ms := float64(time.Since(due)) / float64(time.Millisecond)
			if measured {
				mu.Lock()
				samples = append(samples, sample{ms, n, err})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.Seconds = o.Duration.Seconds()
	res.Requests = len(samples)
	lat := make([]float64, 0, len(samples))
	var bytes int64
	for _, s := range samples {
		if s.err != nil {
			res.Errors++
			if res.FirstError == "" {
				res.FirstError = s.err.Error()
			}
		}
		lat = append(lat, s.ms)
		bytes += s.bytes
	}
	res.Achieved = float64(len(samples)) / o.Duration.Seconds()
	if len(lat) > 0 {
		slices.Sort(lat)
		res.P50, res.P90, res.P99 = Quantile(lat, 0.50), Quantile(lat, 0.90), Quantile(lat, 0.99)
		res.Max = lat[len(lat)-1]
		res.MeanBytes = float64(bytes) / float64(len(lat))
	}
	return res, nil
}

// Quantile returns the q-quantile of sorted values, by the nearest rank.
func Quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func get(ctx context.Context, client *http.Client, u, token string) (int64, error) {
	req, err := newGet(ctx, u, token)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return n, fmt.Errorf("GET %s: reading the answer: %w", u, err)
	}
	if resp.StatusCode/100 != 2 {
		return n, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return n, nil
}

// storyIDs pages through /api/stories until it has n ids or the list ends.
func newGet(ctx context.Context, u, token string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err == nil && token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req, err
}

func storyIDs(ctx context.Context, client *http.Client, base string, n int, token string) ([]string, error) {
	var ids []string
	cursor := ""
	for len(ids) < n {
		u := base + "/api/stories?limit=" + fmt.Sprint(min(n-len(ids), 500))
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		req, err := newGet(ctx, u, token)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("load: listing stories: %w", err)
		}
		var page struct {
			Stories []struct {
				ID string `json:"id"`
			} `json:"stories"`
			Next string `json:"next"`
		}
		err = json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&page)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("load: listing stories: GET %s: %s", u, resp.Status)
		}
		if err != nil {
			return nil, fmt.Errorf("load: listing stories: GET %s: %w", u, err)
		}
		for _, s := range page.Stories {
			ids = append(ids, s.ID)
		}
		if page.Next == "" || len(page.Stories) == 0 {
			break
		}
		cursor = page.Next
	}
	return ids, nil
}
