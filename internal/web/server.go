package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/metrics"
	"github.com/parallax-news/parallax/internal/store"
)

// Body limits: article records may be large, everything else is small.
const (
	maxArticlesBody = 10 << 20
	maxOPMLBody     = 4 << 20
	maxSmallBody    = 1 << 20
)

// A route is one method and path the server answers, with everything the
// request chain needs to know about it.
type route struct {
	method string // GET, POST or DELETE
	path   string // a net/http.ServeMux path pattern
	name   string // the route's label in metrics and logs
	write  bool   // needs Config.Token
	public bool   // needs no token at all (health probes)
	html   bool   // errors are answered as an HTML page, not JSON
	handle func(w http.ResponseWriter, r *http.Request) error

	requests [6]atomic.Pointer[metrics.Counter] // by status class, 1xx..5xx, made on first use
	latency  *metrics.Histogram
}

// server holds what every handler shares.
type server struct {
	cfg     Config
	store   store.Store
	log     *slog.Logger
	metrics *metrics.Registry
	timeout time.Duration
	mux     *http.ServeMux
	routes  []*route
	counts  countsCache
	ui      *pages
	now     func() time.Time
	// storyPages keeps rendered story pages by the times that change them.
	storyPages *pageCache
}

// New returns the web server's handler: the JSON API, /openapi.json,
// /healthz, /readyz, /metrics, the web UI and its assets. cfg.Store is
// required; a nil Metrics or Logger is replaced by a private registry and
// a logger that discards.
func New(cfg Config) (http.Handler, error) {
	s, err := newServer(cfg)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func newServer(cfg Config) (*server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store in the configuration")
	}
	s := &server{cfg: cfg, store: cfg.Store, log: cfg.Logger, metrics: cfg.Metrics, timeout: cfg.Timeout, now: time.Now}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.metrics == nil {
		s.metrics = metrics.New()
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	s.counts = countsCache{store: cfg.Store, ttl: countsTTL, now: time.Now}
	s.storyPages = newPageCache(storyPageCache)
	ui, err := parsePages()
	if err != nil {
		return nil, err
	}
	s.ui = ui
	s.routes = s.routeTable()
	s.mux = http.NewServeMux()
	for _, rt := range s.routes {
		rt.latency = s.metrics.Histogram(fmt.Sprintf(`parallax_http_request_seconds{route=%q}`, rt.name),
			"Time to answer an HTTP request, by route, in seconds.")
		pattern := rt.path
		if rt.method != "" {
			pattern = rt.method + " " + rt.path
		}
		s.mux.Handle(pattern, s.chain(rt))
	}
	s.registerGauges()
	return s, nil
}

// routeTable lists every route the server answers. The API routes here
// and the paths of openapi.json are checked against each other by a test.
func (s *server) routeTable() []*route {
	return []*route{
		// The API.
		{method: "GET", path: "/api/stories", name: "api_stories", handle: s.apiStories},
		{method: "GET", path: "/api/stories/{id}", name: "api_story", handle: s.apiStory},
		{method: "GET", path: "/api/stories/{id}/articles", name: "api_story_articles", handle: s.apiStoryArticles},
		{method: "GET", path: "/api/articles/{id}", name: "api_article", handle: s.apiArticle},
		{method: "POST", path: "/api/articles", name: "api_post_articles", write: true, handle: s.apiPostArticles},
		{method: "POST", path: "/api/ingest-url", name: "api_ingest_url", write: true, handle: s.apiIngestURL},
		{method: "GET", path: "/api/search", name: "api_search", handle: s.apiSearch},
		{method: "GET", path: "/api/feeds", name: "api_feeds", handle: s.apiFeeds},
		{method: "POST", path: "/api/feeds", name: "api_add_feed", write: true, handle: s.apiAddFeed},
		{method: "DELETE", path: "/api/feeds", name: "api_remove_feed", write: true, handle: s.apiRemoveFeed},
		{method: "GET", path: "/api/feeds.opml", name: "api_export_opml", handle: s.apiExportOPML},
		{method: "POST", path: "/api/feeds.opml", name: "api_import_opml", write: true, handle: s.apiImportOPML},
		{path: "/api/", name: "api_unknown", handle: s.noRoute},

		// Operations.
		{method: "GET", path: "/openapi.json", name: "openapi", handle: s.openAPI},
		{method: "GET", path: "/healthz", name: "healthz", public: true, handle: s.healthz},
		{method: "GET", path: "/readyz", name: "readyz", public: true, handle: s.readyz},
		{method: "GET", path: "/metrics", name: "metrics", handle: s.writeMetrics},

		// The web UI.
		{method: "GET", path: "/{$}", name: "ui_front", html: true, handle: s.uiFront},
		{method: "GET", path: "/stories/{id}", name: "ui_story", html: true, handle: s.uiStory},
		{method: "GET", path: "/articles/{id}", name: "ui_article", html: true, handle: s.uiArticle},
		{method: "GET", path: "/search", name: "ui_search", html: true, handle: s.uiSearch},
		{method: "GET", path: "/feeds", name: "ui_feeds", html: true, handle: s.uiFeeds},
		{method: "GET", path: "/static/{file}", name: "ui_static", public: true, html: true, handle: s.static},
		{path: "/", name: "ui_unknown", public: true, html: true, handle: s.noRoute},
	}
}

// ServeHTTP answers through the route table.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// noRoute answers a path no route serves: 405 with Allow when the path is
// served with other methods, else 404.
func (s *server) noRoute(w http.ResponseWriter, r *http.Request) error {
	var allow []string
	for _, m := range []string{"GET", "POST", "DELETE"} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/" && pattern != "/api/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		return methodNotAllowed(fmt.Sprintf("%s %s: method not allowed; use %s", r.Method, r.URL.Path, strings.Join(allow, " or ")))
	}
	return notFound("%s: no such page", r.URL.Path)
}

// chain wraps a route's handler in the request chain every route shares.
func (s *server) chain(rt *route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		setSecurityHeaders(rec.Header())
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "route", rt.name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if !rec.wrote {
					s.fail(rec, r, rt, errors.New("panic"))
				}
			}
			d := time.Since(start)
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			s.count(rt, status)
			rt.latency.Observe(d.Seconds())
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", rt.name),
				slog.Int("status", status), slog.Duration("duration", d), slog.Int64("bytes", rec.bytes))
		}()
		if err := s.authorize(r, rt); err != nil {
			s.fail(rec, r, rt, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		if err := rt.handle(rec, r.WithContext(ctx)); err != nil {
			s.fail(rec, r, rt, err)
		}
	})
}

// count adds one request answered with status to the route's counters.
func (s *server) count(rt *route, status int) {
	class := status / 100
	if class < 1 || class > 5 {
		return
	}
	c := rt.requests[class].Load()
	if c == nil {
		// Registry.Counter returns the one series of a name, so two
		// requests racing here share it.
		c = s.metrics.Counter(fmt.Sprintf(`parallax_http_requests_total{route=%q,code="%dxx"}`, rt.name, class),
			"HTTP requests answered, by route and status class.")
		rt.requests[class].Store(c)
	}
	c.Inc()
}

// setSecurityHeaders sets the headers every answer carries. Scripts,
// styles and images come from the server only; inline script is never
// allowed, and no page may be framed.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// authorize checks the request's bearer token against what the route needs.
func (s *server) authorize(r *http.Request, rt *route) error {
	switch {
	case rt.public:
		return nil
	case rt.write:
		if s.cfg.Token == "" {
			return forbidden("writes are disabled on this server: set PARALLAX_TOKEN to a secret to allow them")
		}
		tok, ok := bearer(r)
		if !ok {
			return unauthorized("this request changes data and needs the header Authorization: Bearer <PARALLAX_TOKEN>")
		}
		if !sameToken(tok, s.cfg.Token) {
			return unauthorized("the bearer token is not the server's PARALLAX_TOKEN")
		}
	case s.cfg.ReadToken != "":
		tok, ok := bearer(r)
		if !ok {
			return unauthorized("this server needs a bearer token for reading: send Authorization: Bearer <token>")
		}
		if !sameToken(tok, s.cfg.ReadToken) && (s.cfg.Token == "" || !sameToken(tok, s.cfg.Token)) {
			return unauthorized("the bearer token is not accepted for reading")
		}
	}
	return nil
}

// bearer returns the token of an Authorization: Bearer header.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

// sameToken compares two tokens in constant time, whatever their lengths.
func sameToken(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// fail answers err: as JSON under /api/, as a page elsewhere.
func (s *server) fail(w http.ResponseWriter, r *http.Request, rt *route, err error) {
	status, msg, internal := s.classify(err)
	if internal {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "route", rt.name, "err", err)
	}
	if rec, ok := w.(*recorder); ok && rec.wrote {
		return // too late to answer anything else
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
	}
	if rt.html {
		s.errorPage(w, r, status, msg)
		return
	}
	writeJSON(w, status, errorAnswer{Error: msg})
}

// errorAnswer is the body of every API error.
type errorAnswer struct {
	Error string `json:"error"`
}

// writeJSON encodes v before writing anything, so an encoding failure is
// still a clean 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"internal error: the answer could not be encoded"}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// recorder remembers the status and size of an answer.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status = code
		r.wrote = true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.status = http.StatusOK
		r.wrote = true
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// The health and metrics endpoints.

func (s *server) healthz(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// readyTimeout bounds the database ping of /readyz.
const readyTimeout = 2 * time.Second

func (s *server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("not ready", "err", err)
		return unavailable(fmt.Sprintf("the database is not reachable: %v", err))
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	return nil
}

func (s *server) writeMetrics(w http.ResponseWriter, r *http.Request) error {
	var buf bytes.Buffer
	if err := s.metrics.Write(&buf); err != nil {
		return fmt.Errorf("writing metrics: %w", err)
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
	return nil
}

// countsTTL is how long the store's totals are reused: /metrics and the
// front page read them, and counting a large table is not free.
const countsTTL = 5 * time.Second

// countsCache keeps the store's Counts for a few seconds.
type countsCache struct {
	store store.Store
	ttl   time.Duration
	now   func() time.Time

	mu   sync.Mutex
	at   time.Time
	last store.Counts
	err  error
}

// get returns the totals, counting again when the kept ones are older
// than the ttl. A failed count is kept too, so a database that is down is
// not asked again on every scrape.
func (c *countsCache) get(ctx context.Context) (store.Counts, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && c.now().Sub(c.at) < c.ttl {
		return c.last, c.err
	}
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	c.last, c.err = c.store.Counts(ctx)
	c.at = c.now()
	return c.last, c.err
}

// registerGauges adds the store's totals to the metrics.
func (s *server) registerGauges() {
	gauge := func(name, help string, pick func(store.Counts) int64) {
		s.metrics.Gauge(name, help, func() float64 {
			c, err := s.counts.get(context.Background())
			if err != nil {
				return math.NaN()
			}
			return float64(pick(c))
		})
	}
	gauge("parallax_articles", "Articles stored.", func(c store.Counts) int64 { return c.Articles })
	gauge("parallax_stories", "Stories stored.", func(c store.Counts) int64 { return c.Stories })
	gauge("parallax_feeds", "Feeds followed.", func(c store.Counts) int64 { return c.Feeds })
	gauge("parallax_unclustered", "Articles stored but not yet clustered.", func(c store.Counts) int64 { return c.Unclustered })
}
