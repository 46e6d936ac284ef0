package fetch

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// A gate keeps the politeness limits of one host: at most PerHost requests
// in flight, and starts at least HostDelay apart.
type gate struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time // the earliest start of the next request
}

func (c *Client) gate(host string) *gate {
	c.mu.Lock()
	defer c.mu.Unlock()
	g := c.hosts[host]
	if g == nil {
		g = &gate{slots: make(chan struct{}, c.opts.PerHost)}
		c.hosts[host] = g
	}
	return g
}

// enter waits for a slot and for the host's delay, and returns the function
// that gives the slot back.
func (g *gate) enter(ctx context.Context, delay time.Duration) (func(), error) {
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	release := sync.OnceFunc(func() { <-g.slots })
	if delay > 0 {
		g.mu.Lock()
		now := time.Now()
		start := g.next
		if start.Before(now) {
			start = now
		}
		g.next = start.Add(delay)
		g.mu.Unlock()
		if wait := start.Sub(now); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				release()
				return nil, context.Cause(ctx)
			}
		}
	}
	return release, nil
}

// gated is the RoundTripper that passes every hop, redirects included,
// through its host's gate; the slot is held until the body is closed.
type gated struct {
	c    *Client
	next http.RoundTripper
}

func (t *gated) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := t.c.gate(strings.ToLower(req.URL.Host)).enter(req.Context(), t.c.opts.HostDelay)
	if err != nil {
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasing{ReadCloser: resp.Body, release: release}
	return resp, nil
}

type releasing struct {
	io.ReadCloser
	release func()
}

func (r *releasing) Close() error {
	err := r.ReadCloser.Close()
	r.release()
	return err
}
