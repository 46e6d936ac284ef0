package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/render"
	"github.com/parallax-news/parallax/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the UI's pages; each is templates/NAME.html on top of
// templates/base.html.
var pageNames = []string{"front", "story", "article", "search", "feeds", "error"}

// pages holds the parsed templates and the assets' version tag.
type pages struct {
	tmpl    map[string]*template.Template
	version string // a hash of the assets, to bust caches
}

func parsePages() (*pages, error) {
	p := &pages{tmpl: map[string]*template.Template{}}
	h := sha256.New()
	err := fs.WalkDir(staticFS, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(name)
		h.Write([]byte(name))
		h.Write(b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("web: assets: %w", err)
	}
	p.version = hex.EncodeToString(h.Sum(nil))[:12]
	funcs := template.FuncMap{
		"asset": func(name string) string { return "/static/" + name + "?v=" + p.version },
	}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		p.tmpl[name] = t
	}
	return p, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render executes a page into a buffer and writes it with status.
func (s *server) render(w http.ResponseWriter, status int, name string, data any) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := s.ui.tmpl[name].ExecuteTemplate(buf, "base", data); err != nil {
		return fmt.Errorf("page %s: %w", name, err)
	}
	writePage(w, status, buf.Bytes())
	return nil
}

// execute executes a page and returns its bytes.
func (s *server) execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.ui.tmpl[name].ExecuteTemplate(&buf, "base", data); err != nil {
		return nil, fmt.Errorf("page %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// writePage writes a rendered page.
func writePage(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// storyPageCache is how many rendered story pages are kept.
const storyPageCache = 128

// A pageCache keeps rendered pages by key and version, the oldest put
// leaving first when it is full. A page of another version is a miss.
type pageCache struct {
	mu    sync.Mutex
	max   int
	pages map[string]cachedPage
	order []string // keys, oldest first
}

type cachedPage struct {
	version string
	body    []byte
}

func newPageCache(n int) *pageCache {
	return &pageCache{max: n, pages: make(map[string]cachedPage, n)}
}

func (c *pageCache) get(key, version string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[key]
	if !ok || p.version != version {
		return nil, false
	}
	return p.body, true
}

func (c *pageCache) put(key, version string, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pages[key]; !ok {
		if len(c.order) >= c.max {
			delete(c.pages, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, key)
	}
	c.pages[key] = cachedPage{version: version, body: body}
}

// base is what every page's frame shows.
type base struct {
	Title string // the document title, before " · Parallax"
	Q     string // the search box's text
	Nav   string // the section the page belongs to: stories, search or feeds
}

// errorView is an error page.
type errorView struct {
	base
	Status  int
	Text    string
	Message string
}

func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	v := errorView{base: base{Title: http.StatusText(status)}, Status: status, Text: http.StatusText(status), Message: msg}
	if err := s.render(w, status, "error", v); err != nil {
		s.log.Error("error page", "err", err)
		http.Error(w, msg, status)
	}
}

func (s *server) static(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	b, err := staticFS.ReadFile("static/" + path.Base(name))
	if err != nil || name != path.Base(name) {
		return notFound("/static/%s: no such file", name)
	}
	switch path.Ext(name) {
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".svg":
		w.Header().Set("Content-Type", "image/svg+xml")
	}
	if r.URL.Query().Get("v") == s.ui.version {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	_, _ = w.Write(b)
	return nil
}

// The front page.

type frontView struct {
	base
	Outlet   string
	Stories  []storyItem
	Next     string // address of the next page, "" on the last
	First    string // address of the first page, "" on it
	Counts   *store.Counts
	Filtered bool
}

type storyItem struct {
	Href        string
	Headline    string
	Articles    int
	Reports     int
	NOutlets    int
	Outlets     []outletLink
	MoreOutlets int
	Span        string
	Updated     string
	Building    bool
}

type outletLink struct {
	Name string
	Href string
}

// maxListedOutlets is how many outlets a story shows on the front page.
const maxListedOutlets = 8

func (s *server) uiFront(w http.ResponseWriter, r *http.Request) error {
	q, err := storyQuery(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("limit") == "" {
		q.Limit = 30
	}
	page, err := s.store.Stories(r.Context(), q)
	if err != nil {
		return fmt.Errorf("listing stories: %w", err)
	}
	v := frontView{base: base{Title: "Stories", Q: q.Query, Nav: "stories"}, Outlet: q.Outlet,
		Filtered: q.Outlet != "" || q.Query != "" || !q.Since.IsZero() || !q.Until.IsZero()}
	if q.Query != "" {
		v.Title = "Stories matching " + q.Query
	}
	if q.Outlet != "" {
		v.Title = "Stories carried by " + q.Outlet
	}
	for _, st := range page.Stories {
		v.Stories = append(v.Stories, s.storyItem(st))
	}
	keep := url.Values{}
	for _, k := range []string{"q", "outlet", "since", "until", "limit"} {
		if x := r.URL.Query().Get(k); x != "" {
			keep.Set(k, x)
		}
	}
	if page.Next != "" {
		next := cloneValues(keep)
		next.Set("cursor", page.Next)
		v.Next = "/?" + next.Encode()
	}
	if q.Cursor != "" {
		v.First = "/"
		if len(keep) > 0 {
			v.First += "?" + keep.Encode()
		}
	}
	if c, err := s.counts.get(r.Context()); err == nil {
		v.Counts = &c
	}
	return s.render(w, http.StatusOK, "front", v)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = slices.Clone(x)
	}
	return out
}

func (s *server) storyItem(st store.Story) storyItem {
	it := storyItem{
		Href:     storyHref(st.ID),
		Headline: oneLine(st.Headline),
		Articles: st.Articles,
		Reports:  st.Reports,
		NOutlets: len(st.Outlets),
		Span:     timeSpan(st.First, st.Last),
		Updated:  fmtTime(st.Updated),
		Building: st.Briefed.IsZero(),
	}
	if it.Headline == "" {
		it.Headline = "Untitled story"
	}
	for i, o := range st.Outlets {
		if i == maxListedOutlets {
			it.MoreOutlets = len(st.Outlets) - i
			break
		}
		it.Outlets = append(it.Outlets, outletLink{Name: oneLine(o), Href: outletHref(o)})
	}
	return it
}

// The story page.

type storyView struct {
	base
	Headline  string
	Story     store.Story
	Span      string
	Updated   string
	HasBrief  bool
	Stale     bool
	Briefed   string
	Counts    string
	CopyNotes []string
	Multi     bool
	Summary   []stmtView
	Agreed    []stmtView
	Exclusive []exclView
	Conflicts []conflictView
	Quotes    []quoteView
	People    []personView
	Orgs      string
	Places    string
	Outlets   []outletRow
	Framing   []framingView
	// MoreFraming counts the outlets whose framing is not shown.
	MoreFraming int
	Sources     []sourceView
	Happenings  []happeningView
	Published   []timelineEntry
	Undated     int
	Matrix      template.HTML
	Coverage    template.HTML
	TimeAxis    template.HTML
	Articles    []sourceView // the story's articles while its brief is built
	JSONHref    string
	MatrixNote  string
}

type citeView struct {
	Num    int
	Outlet string
	Href   string // "" when the source is unknown
	Hint   string
}

type stmtView struct {
	Code      string // S1, A2, X3: the statement's row in the matrix
	Text      string
	Cites     []citeView
	CarriedBy string // which kinds of outlets carry it, or ""
	MoreCites int    // citations not shown
}

type exclView struct {
	Num    int
	Outlet string
	Items  []stmtView
}

type conflictView struct {
	Kind  string
	Sides []sideView
}

type sideView struct {
	Value string
	stmtView
}

type quoteView struct {
	Speaker string
	Named   bool
	Kind    string // render.QuoteKindLabel of the entry's kind
	Whole   bool   // the text is the quoted words: the page sets the marks
	Text    string
	Carried []carriedView
	Changes []changesView
	Notes   []string
}

// A changesView is the words one source words differently in a quote.
type changesView struct {
	Cite  citeView
	Items []string
}

// A personView is one person of the story with roles and who quotes them.
type personView struct {
	Name     string
	Roles    []string
	Aliases  string
	QuotedBy []citeView
}

type carriedView struct {
	Cite citeView
	Form string
}

type sourceView struct {
	Num       int
	Href      string
	Outlet    string
	Title     string
	URL       string
	Link      bool
	Published string
	Dateline  string
	SetAside  string
	CopyOf    string
}

type outletRow struct {
	Name      string
	Href      string
	Articles  int
	Summary   int
	Agreed    int
	Exclusive int
	Quotes    int
	Copies    int
}

// A happeningView is one entry of the brief's timeline: a dated
// happening in the words of an article, with its citations.
type happeningView struct {
	stmtView
	When     string    // the date as shown, at its precision
	ISO      string    // the date as the brief gives it
	Written  string    // the date expression as the article writes it
	Kind     string    // "since", "until" or ""
	Reported string    // when the first source was published
	at       time.Time // the start of the date, zero when it cannot be placed
	until    time.Time // the end of the date's precision
}

// timelineEntry is an article in publication order.
type timelineEntry struct {
	Time   time.Time
	When   string
	Outlet string
	Title  string
	Href   string
}

func (s *server) uiStory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, err := s.store.Story(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return notFound("story %q not found", id)
	}
	if err != nil {
		return fmt.Errorf("story %s: %w", id, err)
	}
	// A story page changes only when an article joins or a brief is
	// stored: both move a time of the story, which names the version.
	etag := fmt.Sprintf(`"%s-%d-%d"`, s.ui.version, st.Updated.UnixMicro(), st.Briefed.UnixMicro())
	if r.Header.Get("If-None-Match") == etag {
		w.Header().Set("ETag", etag)
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	if body, ok := s.storyPages.get(id, etag); ok {
		w.Header().Set("ETag", etag)
		writePage(w, http.StatusOK, body)
		return nil
	}
	raw, at, err := s.briefOf(r, id)
	if err != nil {
		return err
	}
	v := storyView{Story: st, Headline: oneLine(st.Headline), Span: timeSpan(st.First, st.Last), Updated: fmtTime(st.Updated),
		JSONHref: "/api/stories/" + url.PathEscape(id)}
	if raw != nil {
		var b parallax.Brief
		if err := json.Unmarshal(raw, &b); err != nil {
			s.log.Error("stored brief does not decode", "story", id, "err", err)
		} else {
			v.HasBrief = true
			v.Stale = at.Before(st.Updated)
			v.Briefed = fmtTime(at)
			buildStoryView(&v, &b)
		}
	}
	if !v.HasBrief {
		arts, err := s.store.StoryArticles(r.Context(), id)
		if err != nil {
			return fmt.Errorf("articles of story %s: %w", id, err)
		}
		var srcs []parallax.Source
		for _, a := range arts {
			src := parallax.Source{ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL}
			if !a.Published.IsZero() {
				src.Published = a.Published.UTC().Format(time.RFC3339)
			}
			srcs = append(srcs, src)
		}
		v.Articles = sourceViews(srcs, nil)
		charts(&v, srcs)
	}
	if v.Headline == "" {
		v.Headline = "Untitled story"
	}
	v.base = base{Title: v.Headline, Nav: "stories"}
	body, err := s.execute("story", v)
	if err != nil {
		return err
	}
	if v.HasBrief {
		s.storyPages.put(id, etag, body)
	}
	w.Header().Set("ETag", etag)
	writePage(w, http.StatusOK, body)
	return nil
}

// buildStoryView fills a story page from its brief.
func buildStoryView(v *storyView, b *parallax.Brief) {
	if v.Headline == "" {
		v.Headline = oneLine(b.Title)
	}
	num := map[string]int{}
	src := map[string]parallax.Source{}
	for i, s := range b.Sources {
		if _, dup := num[s.ID]; !dup {
			num[s.ID] = i + 1
			src[s.ID] = s
		}
	}
	cite := func(id string, sp *parallax.Span) citeView {
		n, ok := num[id]
		if !ok {
			return citeView{Outlet: oneLine(id), Hint: id + ": not among the sources"}
		}
		c := citeView{Num: n, Outlet: outletName(src[id])}
		c.Href = articleHref(id, sp)
		if strings.Contains(c.Href, "?hl=") {
			c.Hint = fmt.Sprintf("[%d] %s: open the cited words", n, c.Outlet)
		} else {
			c.Hint = fmt.Sprintf("[%d] %s: open the article", n, c.Outlet)
		}
		return c
	}
	stmt := func(code string, st parallax.Statement) stmtView {
		sv := stmtView{Code: code, Text: oneLine(st.Text), CarriedBy: oneLine(st.CarriedBy)}
		for i, id := range st.Sources {
			sv.Cites = append(sv.Cites, cite(id, spanAt(st.Evidence, i)))
		}
		return sv
	}

	outlets, reports := outletCount(b)
	v.Counts = fmt.Sprintf("%d %s, %d independent %s", outlets, plural(outlets, "outlet", "outlets"), reports, plural(reports, "report", "reports"))
	v.Multi = len(b.Sources) > 1
	v.CopyNotes = copyNotes(b, src)

	var rows []matrixRow
	for i, st := range b.Summary {
		sv := stmt(fmt.Sprintf("S%d", i+1), st)
		v.Summary = append(v.Summary, sv)
		rows = append(rows, matrixRow{Code: sv.Code, Text: sv.Text, Sources: st.Sources})
	}
	if v.Multi {
		for i, st := range b.Agreed {
			sv := stmt(fmt.Sprintf("A%d", i+1), st)
			v.Agreed = append(v.Agreed, sv)
			rows = append(rows, matrixRow{Code: sv.Code, Text: sv.Text, Sources: st.Sources})
		}
		x := 0
		for _, s := range b.Sources {
			list := b.Exclusive[s.ID]
			if len(list) == 0 || num[s.ID] == 0 {
				continue
			}
			ev := exclView{Num: num[s.ID], Outlet: outletName(s)}
			for _, st := range list {
				x++
				sv := stmt(fmt.Sprintf("X%d", x), st)
				ev.Items = append(ev.Items, sv)
				rows = append(rows, matrixRow{Code: sv.Code, Text: sv.Text, Sources: st.Sources})
			}
			v.Exclusive = append(v.Exclusive, ev)
			delete(b.Exclusive, s.ID) // a source listed twice shows its list once
		}
		for _, c := range b.Conflicts {
			cv := conflictView{Kind: render.ConflictKind(c.Kind)}
			for _, side := range c.Sides {
				cv.Sides = append(cv.Sides, sideView{Value: oneLine(side.Value), stmtView: stmt("", side.Statement)})
			}
			v.Conflicts = append(v.Conflicts, cv)
		}
	}
	for _, q := range b.Quotes {
		qv := quoteView{Speaker: oneLine(q.Speaker), Kind: render.QuoteKindLabel(q.Kind), Text: oneLine(q.Text)}
		if qv.Whole = qv.Kind == ""; qv.Whole {
			qv.Text = strings.Trim(qv.Text, `"“”`)
		}
		qv.Named = qv.Speaker != ""
		if !qv.Named {
			qv.Speaker = "Unattributed"
		}
		for i, id := range q.Sources {
			c := carriedView{Cite: cite(id, spanAt(q.Evidence, i))}
			if i < len(q.Forms) {
				c.Form = q.Forms[i]
			}
			qv.Carried = append(qv.Carried, c)
			if i < len(q.Changes) && len(q.Changes[i]) > 0 {
				ch := changesView{Cite: c.Cite}
				for _, x := range q.Changes[i] {
					ch.Items = append(ch.Items, render.WordChangeText(x))
				}
				qv.Changes = append(qv.Changes, ch)
			}
		}
		for _, f := range q.Flags {
			qv.Notes = append(qv.Notes, render.QuoteFlagText(q, f, num))
		}
		v.Quotes = append(v.Quotes, qv)
	}
	persons, orgs, places := render.ShownPeople(b)
	v.Orgs, v.Places = strings.Join(orgs, ", "), strings.Join(places, ", ")
	for _, p := range persons {
		pv := personView{Name: oneLine(p.Name), Aliases: oneLine(strings.Join(p.Aliases, ", "))}
		for _, r := range p.Roles {
			pv.Roles = append(pv.Roles, render.RoleText(r))
		}
		for _, id := range p.QuotedBy {
			pv.QuotedBy = append(pv.QuotedBy, cite(id, nil))
		}
		v.People = append(v.People, pv)
	}
	for i, e := range b.Timeline {
		hv := happeningView{stmtView: stmt(fmt.Sprintf("T%d", i+1), parallax.Statement{Text: e.Text, Sources: e.Sources, Evidence: e.Evidence}),
			ISO: e.Date, Written: oneLine(e.Written), Kind: e.Kind}
		hv.When, hv.at, hv.until = happeningDate(e.Date, e.Precision, hv.Written)
		if t, err := time.Parse(time.RFC3339, e.Reported); err == nil {
			hv.Reported = fmtTime(t)
		}
		v.Happenings = append(v.Happenings, hv)
	}
	v.Sources = sourceViews(b.Sources, b.Copies)
	v.Outlets = outletRows(b)
	v.Framing = framingViews(b, cite, stmt)
	if len(v.Framing) > framingOutlets {
		v.MoreFraming = len(v.Framing) - framingOutlets
		v.Framing = v.Framing[:framingOutlets]
	}
	var cols []matrixCol
	for _, o := range v.Outlets {
		cols = append(cols, matrixCol{Name: o.Name})
	}
	v.Matrix, v.MatrixNote = matrixSVG(rows, cols, b)
	charts(v, b.Sources)
}

// charts fills the coverage chart, the list of articles in time order and
// the timeline's axis from the sources' publication times and the
// happenings already in v.
func charts(v *storyView, srcs []parallax.Source) {
	var dated []datedArticle
	for _, s := range srcs {
		if s.SetAside != "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, s.Published)
		if err != nil || s.Published == "" {
			v.Undated++
			continue
		}
		dated = append(dated, datedArticle{t: t.UTC(), outlet: outletName(s)})
		v.Published = append(v.Published, timelineEntry{Time: t.UTC(), When: fmtTime(t), Outlet: outletName(s),
			Title: oneLine(s.Title), Href: articleHref(s.ID, nil)})
	}
	slices.SortStableFunc(v.Published, func(a, b timelineEntry) int { return a.Time.Compare(b.Time) })
	v.Coverage = coverageSVG(dated)
	var first, last time.Time
	if len(v.Published) > 0 {
		first, last = v.Published[0].Time, v.Published[len(v.Published)-1].Time
	}
	v.TimeAxis = timelineSVG(v.Happenings, first, last)
}

// datedArticle is an article's publication time and outlet, for the
// coverage chart.
type datedArticle struct {
	t      time.Time
	outlet string
}

// happeningDate shows a timeline date at its precision and returns the
// period it names, zero when it cannot be placed on an axis (no year).
func happeningDate(iso, precision, written string) (shown string, from, to time.Time) {
	switch precision {
	case "minute":
		if t, err := time.Parse("2006-01-02T15:04", iso); err == nil {
			return t.Format("2 Jan 2006, 15:04"), t, t.Add(time.Minute)
		}
	case "day":
		if t, err := time.Parse("2006-01-02", iso); err == nil {
			return t.Format("2 Jan 2006"), t, t.AddDate(0, 0, 1)
		}
		if t, err := time.Parse("--01-02", iso); err == nil {
			return t.Format("2 January") + " (year not given)", time.Time{}, time.Time{}
		}
	case "month":
		if t, err := time.Parse("2006-01", iso); err == nil {
			return t.Format("January 2006"), t, t.AddDate(0, 1, 0)
		}
		if t, err := time.Parse("--01", iso); err == nil {
			return t.Format("January") + " (year not given)", time.Time{}, time.Time{}
		}
	case "year":
		if t, err := time.Parse("2006", iso); err == nil {
			return t.Format("2006"), t, t.AddDate(1, 0, 0)
		}
	}
	if written != "" {
		return "“" + written + "” (not placed)", time.Time{}, time.Time{}
	}
	return oneLine(iso), time.Time{}, time.Time{}
}

func spanAt(list []parallax.Span, i int) *parallax.Span {
	if i < len(list) {
		return &list[i]
	}
	return nil
}

func sourceViews(srcs []parallax.Source, copies []parallax.CopyGroup) []sourceView {
	copyOf := map[string]string{}
	names := map[string]string{}
	for _, s := range srcs {
		names[s.ID] = outletName(s)
	}
	for _, g := range copies {
		for _, id := range g.Sources[min(1, len(g.Sources)):] {
			copyOf[id] = names[g.Sources[0]]
		}
	}
	var out []sourceView
	for i, s := range srcs {
		sv := sourceView{Num: i + 1, Href: articleHref(s.ID, nil), Outlet: outletName(s), Title: oneLine(s.Title),
			URL: oneLine(s.URL), Link: isWebURL(s.URL), Dateline: oneLine(s.Dateline), SetAside: oneLine(s.SetAside), CopyOf: copyOf[s.ID]}
		if t, err := time.Parse(time.RFC3339, s.Published); err == nil {
			sv.Published = fmtTime(t)
		} else {
			sv.Published = oneLine(s.Published)
		}
		out = append(out, sv)
	}
	return out
}

// outletRows counts, per outlet, its articles and what the brief takes
// from them, outlets in order of their first source.
func outletRows(b *parallax.Brief) []outletRow {
	idx := map[string]int{}
	outletOf := map[string]int{}
	var rows []outletRow
	for _, s := range b.Sources {
		if s.SetAside != "" {
			continue
		}
		name := outletName(s)
		i, ok := idx[name]
		if !ok {
			i = len(rows)
			idx[name] = i
			rows = append(rows, outletRow{Name: name, Href: outletHref(s.Outlet)})
		}
		rows[i].Articles++
		outletOf[s.ID] = i
	}
	count := func(ids []string, field func(*outletRow) *int) {
		seen := map[int]bool{}
		for _, id := range ids {
			if i, ok := outletOf[id]; ok && !seen[i] {
				seen[i] = true
				*field(&rows[i])++
			}
		}
	}
	for _, st := range b.Summary {
		count(st.Sources, func(r *outletRow) *int { return &r.Summary })
	}
	for _, st := range b.Agreed {
		count(st.Sources, func(r *outletRow) *int { return &r.Agreed })
	}
	for _, s := range b.Sources {
		for range b.Exclusive[s.ID] {
			count([]string{s.ID}, func(r *outletRow) *int { return &r.Exclusive })
		}
	}
	for _, q := range b.Quotes {
		count(q.Sources, func(r *outletRow) *int { return &r.Quotes })
	}
	for _, g := range b.Copies {
		for _, id := range g.Sources[min(1, len(g.Sources)):] {
			if i, ok := outletOf[id]; ok {
				rows[i].Copies++
			}
		}
	}
	return rows
}

// outletCount returns the number of outlets among the sources that are
// not set aside, and the brief's independent reports.
func outletCount(b *parallax.Brief) (outlets, reports int) {
	seen := map[string]bool{}
	for _, s := range b.Sources {
		if s.SetAside == "" {
			seen[outletName(s)] = true
		}
	}
	return len(seen), b.Reports
}

func copyNotes(b *parallax.Brief, src map[string]parallax.Source) []string {
	var notes []string
	for _, g := range b.Copies {
		if len(g.Sources) < 2 {
			continue
		}
		first := outletName(src[g.Sources[0]])
		var others []string
		for i, id := range g.Sources[1:] {
			o := outletName(src[id])
			if i < len(g.Shared) {
				o += fmt.Sprintf(" (%d%% of its words in %s)", int(g.Shared[i]*100+0.5), first)
			}
			others = append(others, o)
		}
		notes = append(notes, fmt.Sprintf("One report: %s, copied by %s.", first, strings.Join(others, ", ")))
	}
	return notes
}

// The article page.

type articleView struct {
	base
	Article   store.Article
	Outlet    string
	Title     string
	URL       string
	Link      bool
	Published string
	StoryHref string
	Before    string
	Marked    string
	After     string
	HasMark   bool
	Notice    string
}

func (s *server) uiArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.article(r, id)
	if err != nil {
		return err
	}
	text := a.Text
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	v := articleView{Article: a, Outlet: oneLine(a.Outlet), Title: oneLine(a.Title), URL: oneLine(a.URL), Link: isWebURL(a.URL),
		Published: fmtTime(a.Published), Before: text}
	if a.StoryID != "" {
		v.StoryHref = storyHref(a.StoryID)
	}
	if v.Title == "" {
		v.Title = "Untitled article"
	}
	v.base = base{Title: v.Title, Nav: "stories"}
	status := http.StatusOK
	if hl := r.URL.Query().Get("hl"); hl != "" {
		start, end, err := parseSpan(hl, a.Text)
		if err != nil {
			v.Notice = err.Error()
			status = http.StatusBadRequest
		} else {
			v.Before, v.Marked, v.After, v.HasMark = a.Text[:start], a.Text[start:end], a.Text[end:], true
		}
	}
	return s.render(w, status, "article", v)
}

// parseSpan reads hl=START-END and checks it is a non-empty byte range of
// text that cuts no UTF-8 character.
func parseSpan(hl, text string) (start, end int, err error) {
	a, b, ok := strings.Cut(hl, "-")
	if !ok {
		return 0, 0, fmt.Errorf("hl=%s: expected START-END, two byte offsets", clip(hl, 40))
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	switch {
	case err1 != nil || err2 != nil || start < 0 || end < 0:
		return 0, 0, fmt.Errorf("hl=%s: expected START-END, two byte offsets", clip(hl, 40))
	case start >= end:
		return 0, 0, fmt.Errorf("hl=%s: the passage is empty (START must be below END)", hl)
	case end > len(text):
		return 0, 0, fmt.Errorf("hl=%s: the passage ends past the text, which has %d bytes", hl, len(text))
	case !utf8.RuneStart(text[start]) || (end < len(text) && !utf8.RuneStart(text[end])):
		return 0, 0, fmt.Errorf("hl=%s: the passage cuts a character in two", hl)
	}
	return start, end, nil
}

// Search and feeds.

type searchView struct {
	base
	Hits   []hitView
	Next   string
	Prev   string
	Offset int
	Asked  bool
}

type hitView struct {
	Href      string
	Title     string
	Outlet    string
	Published string
	Snippet   string
	StoryHref string
}

const searchPage = 20

func (s *server) uiSearch(w http.ResponseWriter, r *http.Request) error {
	q, limit, offset, err := searchParams(r, searchPage)
	if err != nil {
		return err
	}
	v := searchView{base: base{Title: "Search", Q: q, Nav: "search"}, Offset: offset, Asked: q != ""}
	if q == "" {
		return s.render(w, http.StatusOK, "search", v)
	}
	v.Title = "Search: " + q
	hits, err := s.store.Search(r.Context(), q, limit, offset)
	if err != nil {
		return fmt.Errorf("search %q: %w", q, err)
	}
	for _, h := range hits {
		hv := hitView{Href: articleHref(h.ID, nil), Title: oneLine(h.Title), Outlet: oneLine(h.Outlet), Published: fmtTime(h.Published), Snippet: oneLine(h.Snippet)}
		if hv.Title == "" {
			hv.Title = "Untitled article"
		}
		if h.StoryID != "" {
			hv.StoryHref = storyHref(h.StoryID)
		}
		v.Hits = append(v.Hits, hv)
	}
	page := func(off int) string {
		p := url.Values{"q": {q}}
		if off > 0 {
			p.Set("offset", strconv.Itoa(off))
		}
		if limit != searchPage {
			p.Set("limit", strconv.Itoa(limit))
		}
		return "/search?" + p.Encode()
	}
	if len(hits) == limit && offset+limit <= maxSearchOffset {
		v.Next = page(offset + limit)
	}
	if offset > 0 {
		v.Prev = page(max(0, offset-limit))
	}
	return s.render(w, http.StatusOK, "search", v)
}

type feedsView struct {
	base
	Feeds []feedView
}

type feedView struct {
	Title    string
	URL      string
	Link     bool
	Category string
	Added    string
}

func (s *server) uiFeeds(w http.ResponseWriter, r *http.Request) error {
	feeds, err := s.store.Feeds(r.Context())
	if err != nil {
		return fmt.Errorf("listing feeds: %w", err)
	}
	v := feedsView{base: base{Title: "Feeds", Nav: "feeds"}}
	for _, f := range feeds {
		v.Feeds = append(v.Feeds, feedView{Title: oneLine(f.Title), URL: oneLine(f.URL), Link: isWebURL(f.URL), Category: oneLine(f.Category), Added: fmtTime(f.Added)})
	}
	return s.render(w, http.StatusOK, "feeds", v)
}

// Helpers shared by the pages.

// outletHref is the address of the front page filtered by an outlet.
func outletHref(o string) string {
	return "/?outlet=" + strings.ReplaceAll(url.QueryEscape(o), "+", "%20")
}

func storyHref(id string) string { return "/stories/" + url.PathEscape(id) }

// articleHref is the address of an article's page, with the span
// highlighted when there is one for this article.
func articleHref(id string, sp *parallax.Span) string {
	h := "/articles/" + url.PathEscape(id)
	if sp != nil && (sp.Source == id || sp.Source == "") && sp.Start >= 0 && sp.Start < sp.End {
		h += fmt.Sprintf("?hl=%d-%d#hl", sp.Start, sp.End)
	}
	return h
}

func outletName(s parallax.Source) string {
	if o := oneLine(s.Outlet); o != "" {
		return o
	}
	return oneLine(s.ID)
}

// oneLine folds runs of white space into one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\v\f") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// isWebURL reports whether u is an absolute http or https address: the
// only addresses that become links.
func isWebURL(u string) bool {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || pu.Host == "" {
		return false
	}
	s := strings.ToLower(pu.Scheme)
	return s == "http" || s == "https"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// fmtTime shows a time in UTC, "" for the zero time.
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

// timeSpan shows the time from first to last.
func timeSpan(first, last time.Time) string {
	switch {
	case first.IsZero() && last.IsZero():
		return ""
	case first.IsZero() || first.Equal(last):
		return fmtTime(last)
	case last.IsZero():
		return fmtTime(first)
	}
	f, l := first.UTC(), last.UTC()
	if f.Format("2006-01-02") == l.Format("2006-01-02") {
		return f.Format("2 Jan 2006, 15:04") + "–" + l.Format("15:04 UTC")
	}
	return f.Format("2 Jan 15:04") + " – " + l.Format("2 Jan 2006, 15:04 UTC")
}
