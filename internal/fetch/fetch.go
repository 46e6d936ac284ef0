// Package fetch is the one HTTP client through which Parallax downloads
// anything: pages, feeds, links a user gives. The web it reads is untrusted,
// so every request is bounded: connect, header and total timeouts, a body
// size limit that holds after decompression, a redirect limit, and a guard
// that refuses private, loopback, link-local, multicast and other
// non-public addresses, checked on the address actually dialled on every
// hop. It is polite to the sites it reads: a User-Agent naming Parallax, a
// per-host concurrency limit, a minimum delay between requests to one host,
// and conditional requests.
package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

// Errors a Get may wrap; test them with errors.Is.
var (
	// ErrBlocked: the URL leads to an address that is not public.
	ErrBlocked = errors.New("address not allowed")
	// ErrTooLarge: the body, after decompression, is over the limit.
	ErrTooLarge = errors.New("response too large")
	// ErrRedirects: more redirects than allowed, or a redirect loop.
	ErrRedirects = errors.New("too many redirects")
	// ErrScheme: the URL is not an absolute http or https URL.
	ErrScheme = errors.New("not an http or https URL")
	// ErrTimeout: the server did not answer, or not completely, in time.
	ErrTimeout = errors.New("timed out")
)

// A StatusError is an answer other than 2xx, or 304 to a conditional
// request.
type StatusError struct {
	URL  string
	Code int
	// RetryAfter is how long the server asked to be left alone (429,
	// 503), zero when it did not say.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP status %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Options configure a Client. The zero value of each field means its
// default.
type Options struct {
	// AllowPrivate lifts the guard against non-public addresses, for tests
	// and intranets.
	AllowPrivate bool
	// UserAgent is sent with every request; default "Parallax/dev (+URL)".
	UserAgent string
	// ConnectTimeout bounds one TCP connect and TLS handshake; default 10 s.
	ConnectTimeout time.Duration
	// HeaderTimeout bounds the wait for the response headers; default 20 s.
	HeaderTimeout time.Duration
	// Timeout bounds the whole request, redirects and body included;
	// default 60 s.
	Timeout time.Duration
	// MaxBytes bounds the body after decompression; default 10 MiB.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed; default 5. Negative
	// means none are followed.
	MaxRedirects int
	// PerHost bounds the requests in flight to one host; default 2.
	PerHost int
	// HostDelay is the least time between the starts of two requests to
	// one host; default 1 s. Negative means no delay.
	HostDelay time.Duration
}

// Defaults.
const (
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "Parallax/dev (+https://github.com/parallax-news/parallax)"
	maxURLBytes         = 8 << 10
)

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = 20 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	switch {
	case o.HostDelay == 0:
		o.HostDelay = time.Second
	case o.HostDelay < 0:
		o.HostDelay = 0
	}
	return o
}

// A Client downloads with the limits of its Options. It is safe for
// concurrent use; share one per process so the per-host limits hold.
type Client struct {
	opts   Options
	http   *http.Client
	mu     sync.Mutex
	hosts  map[string]*gate
	exempt func(netip.AddrPort) bool // tests only: addresses let through the guard
}

// New returns a Client with the given options.
func New(opts Options) *Client {
	c := &Client{opts: opts.withDefaults(), hosts: make(map[string]*gate)}
	dialer := &net.Dialer{Timeout: c.opts.ConnectTimeout, KeepAlive: 30 * time.Second, Control: c.control}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would be the address dialled, defeating the guard
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    c.opts.ConnectTimeout,
		ResponseHeaderTimeout:  c.opts.HeaderTimeout,
		DisableCompression:     true, // decompressed here, under the size limit
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    c.opts.PerHost,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
		ForceAttemptHTTP2:      true,
	}
	c.http = &http.Client{
		Transport:     &gated{c: c, next: tr},
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// A Request names what to get.
type Request struct {
	URL string
	// ETag and LastModified are validators from an earlier response; when
	// set the request is conditional and may be answered NotModified.
	ETag, LastModified string
	// Accept is the Accept header; default prefers HTML.
	Accept string
}

// A Response is a complete, successful answer.
type Response struct {
	// URL is the final URL, after redirects.
	URL        string
	StatusCode int
	// NotModified reports a 304 answer to a conditional request: Body is
	// empty and the earlier copy is still current.
	NotModified bool
	Header      http.Header
	// ContentType is the media type, lower case, without parameters; empty
	// when the server did not say.
	ContentType string
	// Body holds the bytes with any content encoding (gzip, deflate)
	// undone; the charset is as sent (see Text).
	Body []byte
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
}

// IsHTML reports whether the response is an HTML page: by its media type,
// else by the opening of its body.
func (r *Response) IsHTML() bool {
	switch r.ContentType {
	case "text/html", "application/xhtml+xml":
		return true
	}
	head := bytes.ToLower(r.Body[:min(len(r.Body), 1024)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
}

// Text returns the body converted to UTF-8, with the charset taken from the
// Content-Type header, a <meta> element or XML declaration, or sniffing.
func (r *Response) Text() ([]byte, string, error) {
	return text.ToUTF8(r.Body, r.Header.Get("Content-Type"))
}

// Get downloads req.URL within the client's limits. Every error names the
// URL first.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := checkURL(req.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", clip(req.URL), err)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, c.opts.Timeout, fmt.Errorf("%w after %s", ErrTimeout, c.opts.Timeout))
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	hr.Header.Set("User-Agent", c.opts.UserAgent)
	hr.Header.Set("Accept-Encoding", "gzip, deflate")
	accept := req.Accept
	if accept == "" {
		accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	}
	hr.Header.Set("Accept", accept)
	conditional := req.ETag != "" || req.LastModified != ""
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := c.http.Do(hr)
	if err != nil {
		return nil, c.failure(ctx, u.String(), err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	out := &Response{
		URL:          final,
		StatusCode:   resp.StatusCode,
		Header:       resp.Header,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		out.ContentType = strings.ToLower(mt)
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &StatusError{URL: final, Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > c.opts.MaxBytes && resp.Header.Get("Content-Encoding") == "" {
		return nil, fmt.Errorf("%s: %w: %d bytes announced, the limit is %d", final, ErrTooLarge, resp.ContentLength, c.opts.MaxBytes)
	}
	out.Body, err = c.readBody(resp)
	if err != nil {
		return nil, c.failure(ctx, final, err)
	}
	return out, nil
}

// readBody reads the body, undoing its content encoding, and stops at the
// size limit, counted both on the wire and after decompression.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	limit := c.opts.MaxBytes
	var r io.Reader = &capped{r: resp.Body, n: limit + 1}
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("reading gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// Most servers send zlib-wrapped deflate as the standard says; a few
		// send raw deflate. Peek at the header to tell.
		br := &peekReader{r: r}
		hdr, _ := br.peek(2)
		if len(hdr) == 2 && hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("reading deflate body: %w", err)
			}
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			r = fr
		}
	default:
		return nil, fmt.Errorf("unsupported content encoding %q", enc)
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if errors.Is(err, errCapped) || n > limit {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	return buf.Bytes(), nil
}

// failure turns a transport error into one that names the URL and says
// plainly what went wrong.
func (c *Client) failure(ctx context.Context, u string, err error) error {
	if cause := context.Cause(ctx); cause != nil && errors.Is(cause, ErrTimeout) {
		return fmt.Errorf("%s: %w", u, cause)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%s: %w: %v", u, ErrTimeout, unwrapURL(err))
	}
	return fmt.Errorf("%s: %w", u, unwrapURL(err))
}

// unwrapURL drops the *url.Error layer, whose message repeats the URL.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// checkURL parses s and accepts only absolute http and https URLs with a
// host, rejecting literal non-public addresses early with a clear message
// (the dialer checks again whatever a name resolves to).
func checkURL(s string) (*url.URL, error) {
	if len(s) > maxURLBytes {
		return nil, fmt.Errorf("%w: the URL is longer than %d bytes", ErrScheme, maxURLBytes)
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrScheme, unwrapURL(err))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: scheme %q", ErrScheme, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%w: no host", ErrScheme)
	}
	u.Fragment = ""
	return u, nil
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d (last to %s)", ErrRedirects, c.opts.MaxRedirects, clip(req.URL.String()))
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: a redirect loop back to %s", ErrRedirects, clip(req.URL.String()))
		}
	}
	if _, err := checkURL(req.URL.String()); err != nil {
		return fmt.Errorf("redirect to %s: %w", clip(req.URL.String()), err)
	}
	return nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date, capped
// at a day.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		d = time.Duration(s) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), 24*time.Hour)
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// errCapped marks a body longer on the wire than the limit allows.
var errCapped = errors.New("body over the limit")

// capped reads at most n bytes, then fails with errCapped instead of
// reporting a clean end.
type capped struct {
	r io.Reader
	n int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.n <= 0 {
		return 0, errCapped
	}
	if int64(len(p)) > c.n {
		p = p[:c.n]
	}
	n, err := c.r.Read(p)
	c.n -= int64(n)
	return n, err
}

// peekReader lets the deflate sniffing look at two bytes without losing
// them.
type peekReader struct {
	r   io.Reader
	buf []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	for len(p.buf) < n {
		b := make([]byte, n-len(p.buf))
		k, err := p.r.Read(b)
		p.buf = append(p.buf, b[:k]...)
		if err != nil {
			return p.buf, err
		}
	}
	return p.buf[:n], nil
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// ReadByte makes peekReader an io.ByteReader, so flate does not wrap it
// in a buffer that would read past the stream.
func (p *peekReader) ReadByte() (byte, error) {
	var b [1]byte
	for {
		n, err := p.Read(b[:])
		if n == 1 {
			return b[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}
