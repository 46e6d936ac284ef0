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
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// open returns a client that may reach local test servers, as
// --allow-private does.
func open(o Options) *Client {
	o.AllowPrivate = true
	if o.HostDelay == 0 {
		o.HostDelay = -1
	}
	return New(o)
}

// guarded returns a client with the guard on that lets through only the
// given test server, so that what it redirects to is judged by the guard.
func guarded(t *testing.T, srv *httptest.Server, o Options) *Client {
	t.Helper()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ap, err := netip.ParseAddrPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	if o.HostDelay == 0 {
		o.HostDelay = -1
	}
	c := New(o)
	c.exempt = func(a netip.AddrPort) bool { return a.Addr().Unmap() == ap.Addr() && a.Port() == ap.Port() }
	return c
}

func TestGetPlain(t *testing.T) {
	var ua, accept, ae atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.UserAgent())
		accept.Store(r.Header.Get("Accept"))
		ae.Store(r.Header.Get("Accept-Encoding"))
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Header().Set("ETag", `"v1"`)
		io.WriteString(w, "<p>caf\xe9</p>")
	}))
	defer srv.Close()
	c := open(Options{UserAgent: "Parallax/test"})
	resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/a#frag"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.ContentType != "text/html" || resp.ETag != `"v1"` || resp.URL != srv.URL+"/a" {
		t.Errorf("response = %d %q %q %q", resp.StatusCode, resp.ContentType, resp.ETag, resp.URL)
	}
	if got, enc, err := resp.Text(); err != nil || string(got) != "<p>café</p>" || enc != "windows-1252" {
		t.Errorf("Text = %q, %q, %v", got, enc, err)
	}
	if ua.Load() != "Parallax/test" || ae.Load() != "gzip, deflate" || !strings.HasPrefix(accept.Load().(string), "text/html") {
		t.Errorf("headers sent: UA %q, Accept-Encoding %q, Accept %q", ua.Load(), ae.Load(), accept.Load())
	}
	if New(Options{}).opts.UserAgent != DefaultUserAgent {
		t.Error("no default User-Agent")
	}
}

func TestConditional(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 02 Jan 2006 15:04:05 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		io.WriteString(w, "feed")
	}))
	defer srv.Close()
	c := open(Options{})
	first, err := c.Get(context.Background(), Request{URL: srv.URL})
	if err != nil || first.NotModified || string(first.Body) != "feed" {
		t.Fatalf("first = %+v, %v", first, err)
	}
	for _, req := range []Request{
		{URL: srv.URL, ETag: first.ETag},
		{URL: srv.URL, LastModified: first.LastModified},
	} {
		again, err := c.Get(context.Background(), req)
		if err != nil || !again.NotModified || len(again.Body) != 0 || again.ETag != req.ETag || again.LastModified != req.LastModified {
			t.Errorf("conditional %+v = %+v, %v", req, again, err)
		}
	}
}

func TestStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/unasked304":
			w.WriteHeader(http.StatusNotModified)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := open(Options{})
	for path, want := range map[string]StatusError{
		"/missing":    {Code: 404},
		"/busy":       {Code: 503, RetryAfter: 2 * time.Minute},
		"/unasked304": {Code: 304},
	} {
		_, err := c.Get(context.Background(), Request{URL: srv.URL + path})
		var se *StatusError
		if !errors.As(err, &se) || se.Code != want.Code || se.RetryAfter != want.RetryAfter || !strings.HasPrefix(err.Error(), srv.URL+path) {
			t.Errorf("%s: err = %v, want status %d", path, err, want.Code)
		}
	}
}

func TestScheme(t *testing.T) {
	c := New(Options{})
	for _, u := range []string{"ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "/relative", "http://", "gopher://x", "http://" + strings.Repeat("a", 9000) + ".com/"} {
		if _, err := c.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrScheme) {
			t.Errorf("Get(%.40q) = %v, want ErrScheme", u, err)
		}
	}
}

func TestGuard(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-loopback":
			http.Redirect(w, r, "http://127.0.0.1:9/secret", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
		case "/to-mapped":
			http.Redirect(w, r, "http://[::ffff:127.0.0.1]:9/", http.StatusFound)
		case "/to-localhost":
			http.Redirect(w, r, "http://localhost:9/", http.StatusTemporaryRedirect)
		default:
			io.WriteString(w, "ok")
		}
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]

	// The guard on, nothing exempt: the test server itself is private, by
	// address and by a name that resolves to it.
	plain := New(Options{HostDelay: -1})
	for _, u := range []string{srv.URL, "http://localhost:" + port + "/", "http://[::1]:" + port + "/", "http://0.0.0.0:" + port + "/"} {
		_, err := plain.Get(context.Background(), Request{URL: u})
		if !errors.Is(err, ErrBlocked) || !strings.Contains(err.Error(), "not a public address") {
			t.Errorf("guard on, Get(%s) = %v, want ErrBlocked", u, err)
		}
	}

	// Only the test server exempt: every redirect hop is checked again.
	c := guarded(t, srv, Options{})
	if resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/fine"}); err != nil || string(resp.Body) != "ok" {
		t.Fatalf("exempt server: %v", err)
	}
	for _, p := range []string{"/to-loopback", "/to-metadata", "/to-mapped", "/to-localhost"} {
		_, err := c.Get(context.Background(), Request{URL: srv.URL + p})
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("redirect %s: err = %v, want ErrBlocked", p, err)
		}
	}

	// --allow-private lifts it.
	if _, err := open(Options{}).Get(context.Background(), Request{URL: "http://localhost:" + port + "/"}); err != nil {
		t.Errorf("allow private: %v", err)
	}
}

func TestPublic(t *testing.T) {
	for s, want := range map[string]bool{
		"8.8.8.8": true, "93.184.216.34": true, "2606:4700::1111": true, "64:ff9b::808:808": true, "2002:808:808::1": true,
		"127.0.0.1": false, "127.8.9.10": false, "10.1.2.3": false, "172.16.0.1": false, "172.31.255.255": false,
		"192.168.1.1": false, "169.254.169.254": false, "0.0.0.0": false, "0.1.2.3": false, "100.64.0.1": false,
		"224.0.0.1": false, "239.255.255.250": false, "255.255.255.255": false, "240.0.0.1": false, "192.0.2.1": false,
		"198.18.0.1": false, "::": false, "::1": false, "fe80::1": false, "fe80::1%eth0": false, "fc00::1": false,
		"fd12:3456::1": false, "ff02::1": false, "ff05::2": false, "::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false,
		"::ffff:169.254.169.254": false, "::127.0.0.1": false, "64:ff9b::7f00:1": false, "64:ff9b::a9fe:a9fe": false,
		"2002:7f00:1::": false, "2002:a00:1::": false, "2001:db8::1": false, "2001:0:4136:e378::1": false,
		"::ffff:8.8.8.8": true, "172.32.0.1": true, "100.128.0.1": true,
	} {
		a := netip.MustParseAddr(s)
		if got := Public(a); got != want {
			t.Errorf("Public(%s) = %v, want %v", s, got, want)
		}
	}
	if Public(netip.Addr{}) {
		t.Error("the zero Addr is public")
	}
}

func FuzzPublic(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "::ffff:10.0.0.1", "8.8.8.8", "64:ff9b::7f00:1", "2002:a00:1::", "fe80::1%eth0", "2606:4700::1111"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return
		}
		p := Public(a)
		v := a.Unmap().WithZone("")
		if p && (v.IsLoopback() || v.IsPrivate() || v.IsUnspecified() || v.IsMulticast() || v.IsLinkLocalUnicast()) {
			t.Fatalf("Public(%s) = true for a non-public address", a)
		}
		if v.Is4() {
			mapped := netip.AddrFrom16(v.As16())
			if Public(mapped) != p {
				t.Fatalf("Public(%s) = %v but its mapped form %s gives %v", v, p, mapped, !p)
			}
			b := v.As4()
			nat := netip.AddrFrom16([16]byte{0, 0x64, 0xff, 0x9b, 10: 0, 11: 0, 12: b[0], 13: b[1], 14: b[2], 15: b[3]})
			if !p && Public(nat) {
				t.Fatalf("%s is not public but its NAT64 form %s is", v, nat)
			}
		}
		// The dialler's check must agree with Public on any address.
		c := New(Options{})
		err = c.control("tcp", netip.AddrPortFrom(a.WithZone(""), 80).String(), nil)
		if (err == nil) != Public(a.WithZone("")) {
			t.Fatalf("control(%s) = %v, Public = %v", a, err, Public(a))
		}
	})
}

func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case r.URL.Path == "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			var n int
			fmt.Sscanf(r.URL.Path, "/chain/%d", &n)
			if n == 0 {
				io.WriteString(w, "end")
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
		case r.URL.Path == "/to-ftp":
			http.Redirect(w, r, "ftp://example.com/", http.StatusFound)
		}
	}))
	defer srv.Close()
	c := open(Options{})
	resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/chain/5"})
	if err != nil || string(resp.Body) != "end" || resp.URL != srv.URL+"/chain/0" {
		t.Fatalf("5 redirects: %v", err)
	}
	for _, p := range []string{"/chain/6", "/loop-a"} {
		start := time.Now()
		_, err := c.Get(context.Background(), Request{URL: srv.URL + p})
		if !errors.Is(err, ErrRedirects) {
			t.Errorf("%s: err = %v, want ErrRedirects", p, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s took %s", p, d)
		}
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/to-ftp"}); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to ftp: %v, want ErrScheme", err)
	}
}

// TestSlowServer: a server that sends one byte a second is cut off at the
// total timeout, not waited for.
func TestSlowServer(t *testing.T) {
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 600; i++ {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(time.Second):
			case <-r.Context().Done():
				return
			case <-done:
				return
			}
		}
	}))
	defer srv.Close()
	defer close(done)
	c := open(Options{Timeout: 2 * time.Second})
	start := time.Now()
	_, err := c.Get(context.Background(), Request{URL: srv.URL})
	if !errors.Is(err, ErrTimeout) || !strings.HasPrefix(err.Error(), srv.URL) {
		t.Errorf("slow server: err = %v, want ErrTimeout naming the URL", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("slow server held the client %s", d)
	}

	// A server that never sends its headers meets the header timeout.
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	defer hang.Close()
	c = open(Options{HeaderTimeout: time.Second})
	if _, err := c.Get(context.Background(), Request{URL: hang.URL}); !errors.Is(err, ErrTimeout) {
		t.Errorf("no headers: err = %v, want ErrTimeout", err)
	}
}

// endless streams a page of about 100 MB (or more), stopping when the
// client goes away.
func endless(w io.Writer, r *http.Request, total int) {
	chunk := bytes.Repeat([]byte("<p>filler words of a very long page</p>\n"), 1<<10)
	for sent := 0; sent < total; sent += len(chunk) {
		if _, err := w.Write(chunk); err != nil || r.Context().Err() != nil {
			return
		}
	}
}

func TestTooLarge(t *testing.T) {
	const hundredMB = 100 << 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/announced":
			w.Header().Set("Content-Length", fmt.Sprint(hundredMB))
			endless(w, r, hundredMB)
		case "/chunked":
			endless(w, r, hundredMB)
		case "/gzip-bomb":
			// 1 GiB of zeros, compressed on the fly to about a megabyte.
			w.Header().Set("Content-Encoding", "gzip")
			zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			zeros := make([]byte, 1<<20)
			for i := 0; i < 1<<10; i++ {
				if _, err := zw.Write(zeros); err != nil {
					return
				}
			}
			zw.Close()
		case "/deflate-bomb":
			w.Header().Set("Content-Encoding", "deflate")
			zw, _ := zlib.NewWriterLevel(w, zlib.BestCompression)
			zeros := make([]byte, 1<<20)
			for i := 0; i < 1<<10; i++ {
				if _, err := zw.Write(zeros); err != nil {
					return
				}
			}
			zw.Close()
		}
	}))
	defer srv.Close()
	c := open(Options{})
	for _, p := range []string{"/announced", "/chunked", "/gzip-bomb", "/deflate-bomb"} {
		_, err := c.Get(context.Background(), Request{URL: srv.URL + p})
		if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), srv.URL+p) {
			t.Errorf("%s: err = %v, want ErrTooLarge naming the URL", p, err)
		}
	}
}

func TestContentEncoding(t *testing.T) {
	const page = "<html><body><p>the same page, three ways</p></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var zw io.WriteCloser
		switch r.URL.Path {
		case "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			zw = gzip.NewWriter(w)
		case "/zlib":
			w.Header().Set("Content-Encoding", "deflate")
			zw = zlib.NewWriter(w)
		case "/raw-deflate":
			w.Header().Set("Content-Encoding", "deflate")
			zw, _ = flate.NewWriter(w, flate.DefaultCompression)
		case "/brotli":
			w.Header().Set("Content-Encoding", "br")
			io.WriteString(w, "not really")
			return
		}
		io.WriteString(zw, page)
		zw.Close()
	}))
	defer srv.Close()
	c := open(Options{})
	for _, p := range []string{"/gzip", "/zlib", "/raw-deflate"} {
		resp, err := c.Get(context.Background(), Request{URL: srv.URL + p})
		if err != nil || string(resp.Body) != page {
			t.Errorf("%s: %q, %v", p, resp.Body, err)
		}
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/brotli"}); err == nil || !strings.Contains(err.Error(), "unsupported content encoding") {
		t.Errorf("brotli: %v", err)
	}
}

// TestPerHost: no more than PerHost requests reach one host at once, and
// starts are at least HostDelay apart.
func TestPerHost(t *testing.T) {
	var mu sync.Mutex
	var inFlight, most int
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(50 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
		io.WriteString(w, "ok")
	}))
	defer srv.Close()

	c := open(Options{PerHost: 2})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if most > 2 {
		t.Errorf("%d requests in flight to one host, limit 2", most)
	}

	starts = nil
	const delay = 100 * time.Millisecond
	c = open(Options{PerHost: 4, HostDelay: delay})
	for i := 0; i < 4; i++ {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: srv.URL}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := 1; i < len(starts); i++ {
		// The server sees a request a little after the client starts it;
		// allow for that jitter but not for a missing delay.
		if gap := starts[i].Sub(starts[i-1]); gap < delay-30*time.Millisecond {
			t.Errorf("requests %d and %d to one host started %s apart, want at least %s", i-1, i, gap, delay)
		}
	}
}

func TestCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	if _, err := open(Options{}).Get(ctx, Request{URL: srv.URL}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestIsHTML(t *testing.T) {
	for _, c := range []struct {
		ctype, body string
		want        bool
	}{
		{"text/html", "", true},
		{"application/xhtml+xml", "<x/>", true},
		{"", "  <!DOCTYPE HTML><p>x", true},
		{"application/octet-stream", "<html><body>", true},
		{"application/rss+xml", "<?xml version='1.0'?><rss>", false},
		{"", "", false},
	} {
		r := &Response{ContentType: c.ctype, Body: []byte(c.body)}
		if got := r.IsHTML(); got != c.want {
			t.Errorf("IsHTML(%q, %q) = %v, want %v", c.ctype, c.body, got, c.want)
		}
	}
}
