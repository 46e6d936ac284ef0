// Package loadtest measures an HTTP server's latency under a steady
// request rate, as a reader's browser and a monitoring probe would see it
// from another process.
//
// Run sends requests on a fixed schedule (an open loop): a slow answer
// does not delay the requests after it, and each latency is counted from
// the moment its request was due, so a server that stalls shows the stall
// in every request that waited for it instead of hiding it by slowing the
// load (coordinated omission).
//
// From a shell, against a running parallax serve:
//
//	go test ./internal/web/loadtest -run TestTarget -v -args \
//	    -loadtest.url=http://127.0.0.1:8080 -loadtest.rate=200 -loadtest.duration=30s
//
// loads the story pages of the first 50 stories in turn and prints p50,
// p90, p99 and the maximum.
package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Options describe one run.
type Options struct {
	// URLs are requested in turn, one request per tick.
	URLs []string
	// Rate is the number of requests started per second.
	Rate float64
	// Duration is how long requests are started for; the run then waits
	// for the last answers.
	Duration time.Duration
	// Client sends the requests; nil means a client with a 10 s timeout
	// and enough idle connections for the rate.
	Client *http.Client
	// Header is added to every request (an Authorization header, say).
	Header http.Header
	// MaxInFlight bounds the requests waiting for an answer; a request
	// due when that many are waiting counts as an error. 0 means 1000.
	MaxInFlight int
}

// A Result sums up a run.
type Result struct {
	Requests int // requests due
	Errors   int // transport errors, refusals and answers other than 2xx or 304
	// Statuses counts the answers by status code.
	Statuses map[int]int
	// Latencies from the time each request was due to the end of its
	// answer's body, over the requests that got an answer.
	P50, P90, P99, Max time.Duration
	// Bytes is the total size of the answers' bodies.
	Bytes int64
	// Elapsed is the time from the first request to the last answer.
	Elapsed time.Duration
}

// String shows the result on one line.
func (r Result) String() string {
	return fmt.Sprintf("%d requests in %s, %d errors, p50 %s, p90 %s, p99 %s, max %s, %d bytes, statuses %v",
		r.Requests, r.Elapsed.Round(time.Millisecond), r.Errors, r.P50.Round(10*time.Microsecond), r.P90.Round(10*time.Microsecond),
		r.P99.Round(10*time.Microsecond), r.Max.Round(10*time.Microsecond), r.Bytes, r.Statuses)
}

// Run sends requests to opts.URLs at opts.Rate for opts.Duration and
// measures their latencies.
func Run(ctx context.Context, opts Options) (Result, error) {
	if len(opts.URLs) == 0 {
		return Result{}, errors.New("loadtest: no URL to request")
	}
	if opts.Rate <= 0 || opts.Duration <= 0 {
		return Result{}, fmt.Errorf("loadtest: rate %g and duration %s must be positive", opts.Rate, opts.Duration)
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 1000
	}
	client := opts.Client
	if client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = int(opts.Rate) + 16
		client = &http.Client{Timeout: 10 * time.Second, Transport: tr}
	}
	n := int(opts.Rate * opts.Duration.Seconds())
	interval := time.Duration(float64(time.Second) / opts.Rate)

	var (
		mu        sync.Mutex
		latencies = make([]time.Duration, 0, n)
		res       = Result{Requests: n, Statuses: map[int]int{}}
		wg        sync.WaitGroup
		slots     = make(chan struct{}, opts.MaxInFlight)
	)
	start := time.Now()
	for i := 0; i < n; i++ {
		due := start.Add(time.Duration(i) * interval)
		if d := time.Until(due); d > 0 {
			select {
			case <-time.After(d):
			case <-ctx.Done():
				wg.Wait()
				return res, ctx.Err()
			}
		}
		select {
		case slots <- struct{}{}:
		default:
			mu.Lock()
			res.Errors++
			mu.Unlock()
			continue
		}
		wg.Add(1)
		go func(u string, due time.Time) {
			defer wg.Done()
			defer func() { <-slots }()
			status, size, err := fetch(ctx, client, u, opts.Header)
			lat := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			res.Bytes += size
			if err != nil {
				res.Errors++
				return
			}
			res.Statuses[status]++
			if status/100 != 2 && status != http.StatusNotModified {
				res.Errors++
			}
			latencies = append(latencies, lat)
		}(opts.URLs[i%len(opts.URLs)], due)
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	slices.Sort(latencies)
	res.P50, res.P90, res.P99 = quantile(latencies, 0.50), quantile(latencies, 0.90), quantile(latencies, 0.99)
	if len(latencies) > 0 {
		res.Max = latencies[len(latencies)-1]
	}
	return res, nil
}

// fetch gets u and reads its whole body.
func fetch(ctx context.Context, c *http.Client, u string, h http.Header) (int, int64, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return 0, 0, err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, n, err
}

// quantile returns the q-quantile of sorted values (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// StoryURLs asks the server at base (such as http://127.0.0.1:8080) for
// its first n stories and returns the addresses of their pages.
func StoryURLs(ctx context.Context, base string, n int, h http.Header) ([]string, error) {
	u := fmt.Sprintf("%s/api/stories?limit=%d", base, n)
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("loadtest: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("loadtest: %s: %s", u, resp.Status)
	}
	var page struct {
		Stories []struct {
			ID string `json:"id"`
		} `json:"stories"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&page); err != nil {
		return nil, fmt.Errorf("loadtest: %s: %w", u, err)
	}
	var urls []string
	for _, s := range page.Stories {
		urls = append(urls, base+"/stories/"+url.PathEscape(s.ID))
	}
	if len(urls) == 0 {
		return nil, fmt.Errorf("loadtest: %s lists no story", base)
	}
	return urls, nil
}
