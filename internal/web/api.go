package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store"
)

// Limits on what a request may ask for.
const (
	maxQueryBytes   = 500  // a search query or an outlet name
	maxIDBytes      = 300  // a story or article id
	maxCursorBytes  = 1000 // a listing cursor
	maxURLBytes     = 2048 // a feed or article address
	maxLabelBytes   = 1000 // a title, outlet or category
	maxSearchOffset = 10000
	maxRecords      = 10000 // article records in one POST
)

// The stories API.

func (s *server) apiStories(w http.ResponseWriter, r *http.Request) error {
	q, err := storyQuery(r)
	if err != nil {
		return err
	}
	page, err := s.store.Stories(r.Context(), q)
	if err != nil {
		return fmt.Errorf("listing stories: %w", err)
	}
	if page.Stories == nil {
		page.Stories = []store.Story{}
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// storyQuery reads a listing's parameters: since, until, outlet, q, limit
// and cursor.
func storyQuery(r *http.Request) (store.StoryQuery, error) {
	var q store.StoryQuery
	var err error
	v := r.URL.Query()
	if q.Since, err = timeParam(v, "since"); err != nil {
		return q, err
	}
	if q.Until, err = timeParam(v, "until"); err != nil {
		return q, err
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until) {
		return q, badRequest("since (%s) must be before until (%s)", q.Since.Format(time.RFC3339), q.Until.Format(time.RFC3339))
	}
	if q.Outlet, err = textParam(v, "outlet", maxQueryBytes); err != nil {
		return q, err
	}
	if q.Query, err = textParam(v, "q", maxQueryBytes); err != nil {
		return q, err
	}
	if q.Cursor, err = textParam(v, "cursor", maxCursorBytes); err != nil {
		return q, err
	}
	if q.Limit, err = intParam(v, "limit", 50, 1, 500); err != nil {
		return q, err
	}
	return q, nil
}

// storyAnswer is a story with its brief.
type storyAnswer struct {
	Story store.Story `json:"story"`
	// Brief is the JSON of parallax.Brief, null until one is built.
	Brief json.RawMessage `json:"brief"`
	// Briefed is when the brief was built.
	Briefed time.Time `json:"briefed,omitzero"`
	// Stale is true when articles joined the story after its brief was
	// built; a new one is on its way.
	Stale bool `json:"stale"`
}

func (s *server) apiStory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, brief, at, err := s.storyWithBrief(r, id)
	if err != nil {
		return err
	}
	a := storyAnswer{Story: st, Briefed: at}
	if brief != nil {
		a.Brief = json.RawMessage(brief)
		a.Stale = at.Before(st.Updated)
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

// storyWithBrief reads a story and its brief; brief is nil when none is
// built yet.
func (s *server) storyWithBrief(r *http.Request, id string) (store.Story, []byte, time.Time, error) {
	st, err := s.store.Story(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return st, nil, time.Time{}, notFound("story %q not found", id)
	}
	if err != nil {
		return st, nil, time.Time{}, fmt.Errorf("story %s: %w", id, err)
	}
	brief, at, err := s.briefOf(r, id)
	return st, brief, at, err
}

// briefOf reads a story's brief; nil when none is built yet.
func (s *server) briefOf(r *http.Request, id string) ([]byte, time.Time, error) {
	brief, at, err := s.store.Brief(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, time.Time{}, nil
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("brief of story %s: %w", id, err)
	}
	if len(bytes.TrimSpace(brief)) == 0 || !json.Valid(brief) {
		s.log.Error("stored brief is not JSON", "story", id, "bytes", len(brief))
		return nil, time.Time{}, nil
	}
	return brief, at, nil
}

// articlesAnswer lists articles.
type articlesAnswer struct {
	Articles []store.Article `json:"articles"`
}

func (s *server) apiStoryArticles(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.store.Story(r.Context(), id); errors.Is(err, store.ErrNotFound) {
		return notFound("story %q not found", id)
	} else if err != nil {
		return fmt.Errorf("story %s: %w", id, err)
	}
	arts, err := s.store.StoryArticles(r.Context(), id)
	if err != nil {
		return fmt.Errorf("articles of story %s: %w", id, err)
	}
	if arts == nil {
		arts = []store.Article{}
	}
	writeJSON(w, http.StatusOK, articlesAnswer{Articles: arts})
	return nil
}

func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.article(r, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

func (s *server) article(r *http.Request, id string) (store.Article, error) {
	a, err := s.store.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return a, notFound("article %q not found", id)
	}
	if err != nil {
		return a, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// Search.

// searchAnswer is one page of search results.
type searchAnswer struct {
	Query  string      `json:"query"`
	Offset int         `json:"offset"`
	Hits   []store.Hit `json:"hits"`
}

func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q, limit, offset, err := searchParams(r, 20)
	if err != nil {
		return err
	}
	if q == "" {
		return badRequest("q: a search query is required")
	}
	hits, err := s.store.Search(r.Context(), q, limit, offset)
	if err != nil {
		return fmt.Errorf("search %q: %w", q, err)
	}
	if hits == nil {
		hits = []store.Hit{}
	}
	writeJSON(w, http.StatusOK, searchAnswer{Query: q, Offset: offset, Hits: hits})
	return nil
}

func searchParams(r *http.Request, defLimit int) (q string, limit, offset int, err error) {
	v := r.URL.Query()
	if q, err = textParam(v, "q", maxQueryBytes); err != nil {
		return
	}
	if limit, err = intParam(v, "limit", defLimit, 1, 100); err != nil {
		return
	}
	offset, err = intParam(v, "offset", 0, 0, maxSearchOffset)
	return
}

// Feeds.

// feedsAnswer lists feeds.
type feedsAnswer struct {
	Feeds []store.Feed `json:"feeds"`
}

func (s *server) apiFeeds(w http.ResponseWriter, r *http.Request) error {
	feeds, err := s.store.Feeds(r.Context())
	if err != nil {
		return fmt.Errorf("listing feeds: %w", err)
	}
	if feeds == nil {
		feeds = []store.Feed{}
	}
	writeJSON(w, http.StatusOK, feedsAnswer{Feeds: feeds})
	return nil
}

// feedRequest is the body of POST /api/feeds.
type feedRequest struct {
	URL      string `json:"url"`
	Title    string `json:"title"`
	Category string `json:"category"`
}

// feedAnswer is one feed.
type feedAnswer struct {
	Feed store.Feed `json:"feed"`
}

func (s *server) apiAddFeed(w http.ResponseWriter, r *http.Request) error {
	var req feedRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		return err
	}
	f, err := s.checkFeed(req.URL, req.Title, req.Category)
	if err != nil {
		return err
	}
	if err := s.addFeed(r, f); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, feedAnswer{Feed: f})
	return nil
}

// checkFeed validates a feed to be added.
func (s *server) checkFeed(rawURL, title, category string) (store.Feed, error) {
	u, err := checkWebURL("url", rawURL)
	if err != nil {
		return store.Feed{}, err
	}
	if title, err = checkLabel("title", title); err != nil {
		return store.Feed{}, err
	}
	if category, err = checkLabel("category", category); err != nil {
		return store.Feed{}, err
	}
	return store.Feed{URL: u, Title: title, Category: category, Added: s.now().UTC()}, nil
}

// addFeed stores a feed and tells the pipeline about it. A pipeline that
// cannot be told polls the feed on its own schedule, so that failure is
// logged, not answered.
func (s *server) addFeed(r *http.Request, f store.Feed) error {
	if err := s.store.AddFeed(r.Context(), f); err != nil {
		return fmt.Errorf("adding feed %s: %w", f.URL, err)
	}
	if s.cfg.Ingest != nil {
		if err := s.cfg.Ingest.FeedAdded(r.Context(), f.URL); err != nil {
			s.log.Warn("feed added but its first poll was not queued", "feed", f.URL, "err", err)
		}
	}
	return nil
}

func (s *server) apiRemoveFeed(w http.ResponseWriter, r *http.Request) error {
	u := strings.TrimSpace(r.URL.Query().Get("url"))
	if u == "" {
		return badRequest("url: the address of the feed to remove is required")
	}
	if len(u) > maxURLBytes {
		return badRequest("url: %d bytes, over the limit of %d", len(u), maxURLBytes)
	}
	err := s.store.RemoveFeed(r.Context(), u)
	if errors.Is(err, store.ErrNotFound) {
		return notFound("feed %q is not followed", u)
	}
	if err != nil {
		return fmt.Errorf("removing feed %s: %w", u, err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *server) apiExportOPML(w http.ResponseWriter, r *http.Request) error {
	feeds, err := s.store.Feeds(r.Context())
	if err != nil {
		return fmt.Errorf("listing feeds: %w", err)
	}
	subs := make([]feed.Subscription, 0, len(feeds))
	for _, f := range feeds {
		subs = append(subs, feed.Subscription{Title: f.Title, FeedURL: f.URL, Category: f.Category})
	}
	// WriteOPML makes one folder of each run of one category.
	sort.SliceStable(subs, func(i, j int) bool { return subs[i].Category < subs[j].Category })
	var buf bytes.Buffer
	if err := feed.WriteOPML(&buf, subs); err != nil {
		return fmt.Errorf("writing OPML: %w", err)
	}
	w.Header().Set("Content-Type", "text/x-opml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parallax-feeds.opml"`)
	_, _ = w.Write(buf.Bytes())
	return nil
}

// A problem is one input of a batch that was refused, and why.
type problem struct {
	// Input names the input: "[3]" for the fourth of an array, "line 3"
	// of JSONL, a feed's address.
	Input string `json:"input"`
	Error string `json:"error"`
}

// opmlAnswer reports an OPML import.
type opmlAnswer struct {
	Added    int       `json:"added"`
	Problems []problem `json:"problems"`
}

func (s *server) apiImportOPML(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxOPMLBody))
	if err != nil {
		return readError(err)
	}
	subs, err := feed.ReadOPML(bytes.NewReader(body))
	if err != nil {
		return badRequest("body: %v", err)
	}
	if len(subs) == 0 {
		return badRequest("body: the OPML document holds no feed (no outline with an xmlUrl)")
	}
	a := opmlAnswer{Problems: []problem{}}
	for _, sub := range subs {
		f, err := s.checkFeed(sub.FeedURL, sub.Title, sub.Category)
		if err != nil {
			a.Problems = append(a.Problems, problem{Input: sub.FeedURL, Error: err.Error()})
			continue
		}
		if err := s.addFeed(r, f); err != nil {
			return err
		}
		a.Added++
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

// Ingest.

// record is an article record as posted: the JSONL format of parallax
// brief and parallax ingest.
type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
}

// ingestAnswer reports a POST of articles.
type ingestAnswer struct {
	Articles []ingested `json:"articles"`
	Problems []problem  `json:"problems"`
}

// ingested is what became of one accepted record.
type ingested struct {
	// Input names the record as a problem would.
	Input string `json:"input"`
	// Ref is the record's own id, when it had one.
	Ref string `json:"ref,omitempty"`
	// ID is the stored article's id.
	ID      string `json:"id"`
	Created bool   `json:"created"`
}

func (s *server) apiPostArticles(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ingest == nil {
		return unavailable("this server takes no articles: it runs without an ingest pipeline")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxArticlesBody))
	if err != nil {
		return readError(err)
	}
	raws, names, err := splitRecords(body)
	if err != nil {
		return err
	}
	if len(raws) > maxRecords {
		return badRequest("body: %d records, over the limit of %d in one request", len(raws), maxRecords)
	}
	a := ingestAnswer{Articles: []ingested{}, Problems: []problem{}}
	var arts []store.Article
	var kept []int
	refs := make([]string, len(raws))
	for i, raw := range raws {
		art, ref, err := parseRecord(raw)
		refs[i] = ref
		if err != nil {
			a.Problems = append(a.Problems, problem{Input: names[i], Error: err.Error()})
			continue
		}
		arts = append(arts, art)
		kept = append(kept, i)
	}
	if len(arts) == 0 {
		writeJSON(w, http.StatusBadRequest, a)
		return nil
	}
	puts, err := s.cfg.Ingest.IngestArticles(r.Context(), arts)
	if err != nil {
		return fmt.Errorf("ingesting %d articles: %w", len(arts), err)
	}
	if len(puts) != len(arts) {
		return fmt.Errorf("ingesting %d articles: the pipeline answered for %d", len(arts), len(puts))
	}
	status := http.StatusOK
	for j, p := range puts {
		i := kept[j]
		a.Articles = append(a.Articles, ingested{Input: names[i], Ref: refs[i], ID: p.ID, Created: p.Created})
		if p.Created {
			status = http.StatusCreated
		}
	}
	writeJSON(w, status, a)
	return nil
}

// splitRecords cuts a body into records: a JSON array of records, one
// record object, or JSONL (one record a line). names says where each
// record was.
func splitRecords(body []byte) (raws [][]byte, names []string, err error) {
	t := bytes.TrimLeft(body, " \t\r\n")
	t = bytes.TrimPrefix(t, []byte("\ufeff"))
	t = bytes.TrimSpace(t)
	switch {
	case len(t) == 0:
		return nil, nil, badRequest("body: no article records (send a JSON object, an array of them, or JSONL)")
	case t[0] == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(t, &list); err != nil {
			return nil, nil, badRequest("body: not a JSON array of article records: %v", err)
		}
		for i, raw := range list {
			raws = append(raws, raw)
			names = append(names, fmt.Sprintf("[%d]", i))
		}
		if len(raws) == 0 {
			return nil, nil, badRequest("body: the array holds no article records")
		}
		return raws, names, nil
	case t[0] == '{' && json.Valid(t):
		return [][]byte{t}, []string{"body"}, nil
	case t[0] != '{':
		return nil, nil, badRequest("body: not article records: expected a JSON object, an array of them, or JSONL")
	}
	for n, line := range bytes.Split(t, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		raws = append(raws, line)
		names = append(names, fmt.Sprintf("line %d", n+1))
	}
	return raws, names, nil
}

// parseRecord validates one record and makes it an article. The record's
// own id is returned as ref too: the store keeps it when it is free, and
// otherwise names the article from its canonical URL or text, so the
// answer says which id each record was stored under.
func parseRecord(raw []byte) (store.Article, string, error) {
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return store.Article{}, "", fmt.Errorf("not a JSON article record: %v", err)
	}
	ref := ""
	if len(rec.ID) > 0 && string(rec.ID) != "null" {
		var s string
		if json.Unmarshal(rec.ID, &s) != nil {
			s = string(rec.ID)
		}
		ref = strings.TrimSpace(s)
		if len(ref) > maxIDBytes || !utf8.ValidString(ref) {
			return store.Article{}, "", fmt.Errorf("id: not a short text (at most %d bytes of UTF-8)", maxIDBytes)
		}
	}
	if rec.Text == nil {
		return store.Article{}, ref, errors.New(`the record has no "text"`)
	}
	if err := checkText(*rec.Text); err != nil {
		return store.Article{}, ref, err
	}
	a := parallax.Article{ID: ref, Text: *rec.Text}
	var err error
	if strings.TrimSpace(rec.URL) != "" {
		if a.URL, err = checkWebURL("url", rec.URL); err != nil {
			return store.Article{}, ref, err
		}
	}
	if a.Outlet, err = checkLabel("outlet", rec.Outlet); err != nil {
		return store.Article{}, ref, err
	}
	if a.Title, err = checkLabel("title", rec.Title); err != nil {
		return store.Article{}, ref, err
	}
	if a.Outlet == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, ok := parseTime(p)
		if !ok {
			return store.Article{}, ref, fmt.Errorf("published: %q is not a date (use RFC 3339, such as 2026-12-01T09:30:00Z)", clip(p, 40))
		}
		a.Published = t
	}
	art := store.Article{Article: a}
	if err := store.Check(art); err != nil {
		return store.Article{}, ref, err
	}
	return art, ref, nil
}

// checkText says why s cannot be an article's text: the limits of
// parallax ingest (internal/ingest.DefaultLimits).
func checkText(s string) error {
	lim := ingest.DefaultLimits
	if int64(len(s)) > lim.MaxBytes {
		return fmt.Errorf("text: %d bytes, over the limit of %d", len(s), lim.MaxBytes)
	}
	if strings.TrimSpace(s) == "" {
		return errors.New("text: empty")
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("text: binary data (NUL byte at offset %d), not text", i)
	}
	if !utf8.ValidString(s) {
		for i, r := range s {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
					return fmt.Errorf("text: not valid UTF-8 (first bad byte at offset %d)", i)
				}
			}
		}
	}
	ctrl := 0
	most, words, inWord := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
		switch c {
		case '\n':
			most, words, inWord = max(most, words), 0, false
		case ' ', '\t', '\r', '\f':
			inWord = false
		default:
			if !inWord {
				words++
				inWord = true
			}
		}
	}
	if ctrl*100 > len(s) {
		return fmt.Errorf("text: binary data (%d control bytes), not text", ctrl)
	}
	if n := max(most, words); n > lim.MaxParagraphWords {
		return fmt.Errorf("text: a paragraph of %d words, over the limit of %d: not article text", n, lim.MaxParagraphWords)
	}
	return nil
}

// checkWebURL validates an absolute http or https address.
func checkWebURL(field, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	switch {
	case raw == "":
		return "", badRequest("%s: an address is required", field)
	case len(raw) > maxURLBytes:
		return "", badRequest("%s: %d bytes, over the limit of %d", field, len(raw), maxURLBytes)
	case !utf8.ValidString(raw):
		return "", badRequest("%s: not valid UTF-8", field)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", badRequest("%s: %q is not an address: %v", field, clip(raw, 80), err)
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return "", badRequest("%s: %q is not an http or https address", field, clip(raw, 80))
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", badRequest("%s: %q has no host", field, clip(raw, 80))
	}
	if u.User != nil {
		return "", badRequest("%s: %q carries a user name or password; leave them out", field, clip(raw, 80))
	}
	return raw, nil
}

// checkLabel validates a short one-line text and trims it.
func checkLabel(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case len(s) > maxLabelBytes:
		return "", badRequest("%s: %d bytes, over the limit of %d", field, len(s), maxLabelBytes)
	case !utf8.ValidString(s):
		return "", badRequest("%s: not valid UTF-8", field)
	case strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }):
		return "", badRequest("%s: holds a line break or control character", field)
	}
	return s, nil
}

// parseTime reads the dates article records carry.
func parseTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// urlRequest is the body of POST /api/ingest-url.
type urlRequest struct {
	URL string `json:"url"`
}

// queuedAnswer acknowledges a page queued for fetching.
type queuedAnswer struct {
	URL    string `json:"url"`
	Status string `json:"status"`
}

func (s *server) apiIngestURL(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ingest == nil {
		return unavailable("this server takes no URLs: it runs without an ingest pipeline")
	}
	var req urlRequest
	if err := decodeBody(w, r, maxSmallBody, &req); err != nil {
		return err
	}
	u, err := checkWebURL("url", req.URL)
	if err != nil {
		return err
	}
	if err := s.cfg.Ingest.IngestURL(r.Context(), u); err != nil {
		return fmt.Errorf("queueing %s: %w", u, err)
	}
	writeJSON(w, http.StatusAccepted, queuedAnswer{URL: u, Status: "queued"})
	return nil
}

// Parameters and bodies.

// decodeBody reads one JSON object of at most limit bytes into v.
func decodeBody(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		return readError(err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("body: empty; send a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("body: not the JSON object expected: %v", err)
	}
	if dec.More() {
		return badRequest("body: more than one JSON value")
	}
	return nil
}

// readError keeps a body over its limit a 413 and makes any other read
// failure a 400.
func readError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return badRequest("body: could not be read: %v", err)
}

// pathID returns a path parameter, checked.
func pathID(r *http.Request, name string) (string, error) {
	id := r.PathValue(name)
	switch {
	case id == "":
		return "", badRequest("%s: empty", name)
	case len(id) > maxIDBytes:
		return "", badRequest("%s: %d bytes, over the limit of %d", name, len(id), maxIDBytes)
	case !utf8.ValidString(id):
		return "", badRequest("%s: not valid UTF-8", name)
	}
	return id, nil
}

// textParam returns a query parameter, trimmed and checked.
func textParam(v url.Values, name string, limit int) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	switch {
	case len(s) > limit:
		return "", badRequest("%s: %d bytes, over the limit of %d", name, len(s), limit)
	case !utf8.ValidString(s):
		return "", badRequest("%s: not valid UTF-8", name)
	}
	return s, nil
}

// intParam returns an integer query parameter within [lo, hi], or def.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badRequest("%s: %q is not a whole number", name, clip(s, 40))
	}
	if n < lo || n > hi {
		return 0, badRequest("%s: %d is out of range (%d to %d)", name, n, lo, hi)
	}
	return n, nil
}

// timeParam returns a time query parameter: RFC 3339 or a date.
func timeParam(v url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, badRequest("%s: %q is not a time (use RFC 3339, such as 2026-12-01T09:30:00Z, or a date)", name, clip(s, 40))
}

// clip shortens s for an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
