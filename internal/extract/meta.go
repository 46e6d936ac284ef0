package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/abadojack/whatlanggo"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what a page says about itself in its markup: <html lang>,
// <meta> elements, <link rel=canonical>, JSON-LD and <time> elements.
type meta struct {
	lang      string
	metas     map[string]string // name, property or itemprop (lower case) -> first content
	canonical string
	ld        []map[string]any // JSON-LD objects, @graph members included
	times     []string         // datetime of <time> and itemprop=datePublished elements that say they are the publication time
}

// readMeta walks doc once and collects what the page says about itself.
func readMeta(doc *html.Node, base *url.URL) *meta {
	m := &meta{metas: make(map[string]string)}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		if n.Type == html.ElementNode {
			m.element(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func (m *meta) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		if m.lang == "" {
			m.lang = attr(n, "lang")
		}
		if m.lang == "" {
			m.lang = attr(n, "xml:lang")
		}
	case atom.Meta:
		content := strings.TrimSpace(attr(n, "content"))
		if content == "" {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
				if _, seen := m.metas[key]; !seen {
					m.metas[key] = content
				}
			}
		}
	case atom.Link:
		if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
			m.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			m.jsonLD(n.FirstChild.Data)
		}
	}
	if n.DataAtom == atom.Time || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
		v := attr(n, "datetime")
		if v == "" {
			v = attr(n, "content")
		}
		_, pubdate := attrOK(n, "pubdate")
		if v != "" && (pubdate || strings.EqualFold(attr(n, "itemprop"), "datePublished") ||
			strings.Contains(strings.ToLower(attr(n, "class")), "publish")) {
			m.times = append(m.times, v)
		}
	}
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// jsonLD keeps the objects of one JSON-LD script.
func (m *meta) jsonLD(s string) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<!--"), "-->")
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "//<![CDATA["), "//]]>")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return
	}
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 || len(m.ld) > 64 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				add(x, depth+1)
			}
		case map[string]any:
			m.ld = append(m.ld, v)
			if g, ok := v["@graph"]; ok {
				add(g, depth+1)
			}
		}
	}
	add(v, 0)
}

// articleTypes are the schema.org types of a news or blog article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true,
	"blogposting": true, "liveblogposting": true, "socialmediaposting": true, "report": true,
	"scholarlyarticle": true, "techarticle": true, "webpage": true, "creativework": true,
	"videoobject": true, "medicalwebpage": true, "discussionforumposting": true, "posting": true,
}

// ldTypes returns the lower-case @type values of a JSON-LD object.
func ldTypes(o map[string]any) []string {
	var out []string
	switch t := o["@type"].(type) {
	case string:
		out = append(out, strings.ToLower(t))
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
	}
	return out
}

// articleLD returns the JSON-LD objects that describe an article, the
// news and blog types before a generic web page.
func (m *meta) articleLD() []map[string]any {
	var first, later []map[string]any
	for _, o := range m.ld {
		for _, t := range ldTypes(o) {
			if !articleTypes[t] {
				continue
			}
			if t == "webpage" || t == "creativework" || t == "videoobject" {
				later = append(later, o)
			} else {
				first = append(first, o)
			}
			break
		}
	}
	return append(first, later...)
}

func str(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		if len(v) > 0 {
			return str(v[0])
		}
	case map[string]any:
		if s := str(v["@value"]); s != "" {
			return s
		}
	}
	return ""
}

// names returns the names in a JSON-LD author or publisher value.
func names(v any) []string {
	switch v := v.(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		return names(v["name"])
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, names(x)...)
		}
		return out
	}
	return nil
}

// published returns the publication time the page gives, as written for
// Article.Published, trying JSON-LD, then <meta> elements, then <time>
// elements. A candidate with a time of day is preferred to one with the
// date alone when both give the same day.
func (m *meta) published() string {
	var cands []string
	for _, o := range m.articleLD() {
		cands = append(cands, str(o["datePublished"]), str(o["dateCreated"]))
	}
	for _, k := range []string{
		"article:published_time", "og:article:published_time", "article:published",
		"datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
		"article.published", "article_date_original", "parsely-pub-date", "sailthru.date",
		"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
		"dc.date", "date", "og:published_time", "cxenseparse:recs:publishtime",
	} {
		cands = append(cands, m.metas[k])
	}
	cands = append(cands, m.times...)
	best := ""
	bestDay := ""
	for _, c := range cands {
		s, hasTime := formatTime(c)
		if s == "" {
			continue
		}
		switch {
		case best == "":
			best, bestDay = s, s[:10]
			if hasTime {
				return best
			}
		case hasTime && s[:10] == bestDay:
			return s
		}
	}
	return best
}

var (
	// A time of day written without a colon in its offset, as in
	// "2019-11-18T10:30:00+0000".
	rxOffset = regexp.MustCompile(`([+-]\d\d)(\d\d)$`)
	rxFrac   = regexp.MustCompile(`(\d\d:\d\d:\d\d)[.,]\d+`)
)

// formatTime reads a date or date-time as pages write them and returns it
// as RFC 3339 (with the offset when given) or YYYY-MM-DD, and whether it
// holds a time of day. It returns "" for what it cannot read or for years
// outside 1900-2200.
func formatTime(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	norm := rxFrac.ReplaceAllString(s, "$1")
	norm = strings.Replace(norm, " ", "T", 1)
	if len(norm) > 10 && norm[10] == 'T' {
		if !strings.HasSuffix(norm, "Z") {
			norm = rxOffset.ReplaceAllString(norm, "$1:$2")
		}
		if strings.HasSuffix(norm, " UTC") || strings.HasSuffix(norm, " GMT") {
			norm = norm[:len(norm)-4] + "Z"
		}
	}
	zoned := []string{time.RFC3339, "2006-01-02T15:04Z07:00", time.RFC1123Z, time.RFC1123, time.RFC850,
		time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700"}
	for _, layout := range zoned {
		for _, in := range []string{norm, s} {
			t, err := time.Parse(layout, in)
			if err != nil || !sane(t) {
				continue
			}
			if zone, off := t.Zone(); strings.Contains(layout, "MST") && off == 0 && zone != "UTC" && zone != "GMT" && zone != "Z" {
				// An abbreviation Go does not know ("EST") parses with
				// a made-up zero offset: keep the local time alone.
				return t.Format("2006-01-02T15:04:05"), true
			}
			return t.Format(time.RFC3339), true
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, norm); err == nil && sane(t) {
			return t.Format("2006-01-02T15:04:05"), true
		}
	}
	for _, layout := range []string{"2006-01-02", "2006/01/02", "20060102", "January 2, 2006", "Jan 2, 2006", "2 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil && sane(t) {
			return t.Format("2006-01-02"), false
		}
	}
	return "", false
}

func sane(t time.Time) bool { return t.Year() >= 1900 && t.Year() <= 2200 }

// canonicalURL returns the page's canonical URL (<link rel=canonical>,
// else og:url, else the JSON-LD article's url) when it is a valid absolute
// http(s) URL, relative ones resolved against base.
func (m *meta) canonicalURL(base *url.URL) string {
	cands := []string{m.canonical, m.metas["og:url"]}
	for _, o := range m.articleLD() {
		cands = append(cands, str(o["url"]))
	}
	for _, c := range cands {
		if c == "" || strings.ContainsAny(c, " \t\n<>\"") {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if !u.IsAbs() && base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.Contains(u.Host, "localhost") {
			u.Fragment = ""
			return u.String()
		}
	}
	return ""
}

// siteName returns the site's name as the page gives it, tidied: a URL
// becomes its host, and of a name with a tagline ("Gazette | News from
// the coast") the first part is kept.
func (m *meta) siteName() string {
	s := strings.Join(strings.Fields(m.rawSiteName()), " ")
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if first, _, ok := strings.Cut(s, sep); ok && len(first) >= 2 {
			s = first
		}
	}
	return s
}

func (m *meta) rawSiteName() string {
	if s := m.metas["og:site_name"]; s != "" {
		return s
	}
	for _, o := range m.articleLD() {
		if n := names(o["publisher"]); len(n) > 0 {
			return n[0]
		}
	}
	for _, o := range m.ld {
		for _, t := range ldTypes(o) {
			if t == "website" || t == "newsmediaorganization" {
				if n := str(o["name"]); n != "" {
					return n
				}
			}
		}
	}
	return m.metas["application-name"]
}

// authors returns the authors the page names in JSON-LD, else in <meta>
// elements.
func (m *meta) authors() []string {
	for _, o := range m.articleLD() {
		var out []string
		for _, n := range names(o["author"]) {
			out = append(out, splitNames(n)...)
		}
		if len(out) > 0 {
			return dedupe(out)
		}
	}
	for _, k := range []string{"author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"} {
		if v := m.metas[k]; v != "" && !strings.Contains(v, "://") {
			return dedupe(splitNames(v))
		}
	}
	return nil
}

var (
	rxBy     = regexp.MustCompile(`(?i)^by\s+`)
	rxDomain = regexp.MustCompile(`\.(com|org|net|co\.uk|[a-z]{2})$`)
)

// splitNames reads a byline ("By Ada Lovelace and Alan Turing", "Grace
// Hopper | The Gazette") as names: a leading "By" and anything after a
// bar go, names are split at semicolons, commas and " and ", and what is
// left that cannot be a name (a web address, over six words) is dropped.
func splitNames(s string) []string {
	s, _, _ = strings.Cut(s, " | ")
	s = rxBy.ReplaceAllString(strings.TrimSpace(s), "")
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		for _, q := range strings.Split(p, " and ") {
			q = strings.TrimSpace(rxBy.ReplaceAllString(strings.TrimSpace(q), ""))
			if q == "" || strings.Contains(q, "://") || strings.Contains(q, "@") || len(strings.Fields(q)) > 6 ||
				rxDomain.MatchString(strings.ToLower(q)) {
				continue
			}
			out = append(out, q)
		}
	}
	return out
}

func dedupe(xs []string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, x := range xs {
		x = strings.Join(strings.Fields(x), " ")
		if x != "" && !seen[strings.ToLower(x)] && len(out) < 20 {
			seen[strings.ToLower(x)] = true
			out = append(out, x)
		}
	}
	return out
}

// language returns the ISO 639-1 code the page declares, or "".
func (m *meta) language() string {
	for _, v := range []string{m.lang, m.metas["content-language"], m.metas["og:locale"], m.metas["language"], m.metas["dc.language"]} {
		if code := isoCode(v); code != "" {
			return code
		}
	}
	for _, o := range m.articleLD() {
		if code := isoCode(str(o["inLanguage"])); code != "" {
			return code
		}
	}
	return ""
}

// isoCode reads a language tag ("en", "en-US", "pt_BR") as an ISO 639-1
// code, or "".
func isoCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	if !iso6391[tag] {
		return ""
	}
	return tag
}

// iso6391 holds the ISO 639-1 language codes.
var iso6391 = func() map[string]bool {
	m := make(map[string]bool)
	for _, c := range strings.Fields(iso6391List) {
		m[c] = true
	}
	return m
}()

const iso6391List = `aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
 da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
 ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo
 lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps
 pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn
 to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`

// detectLanguage returns the ISO 639-1 code of text when whatlanggo is
// confident, or "".
func detectLanguage(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// article assembles the Article from the page's metadata and the
// extractor's body.
func (m *meta) article(b body, base *url.URL) *Article {
	a := &Article{Text: b.text, Extractor: string(b.extractor)}
	a.URL = m.canonicalURL(base)
	if a.URL == "" && base != nil {
		u := *base
		u.Fragment = ""
		a.URL = u.String()
	}
	a.ID = StableID(a.URL)
	if a.URL == "" {
		a.ID = StableID(a.Text)
	}

	a.Title = strings.Join(strings.Fields(b.meta.Title), " ")
	if a.Title == "" && b.rd != nil {
		a.Title = strings.Join(strings.Fields(b.rd.Title()), " ")
	}

	a.SiteName = strings.Join(strings.Fields(m.siteName()), " ")
	if a.SiteName == "" && b.rd != nil {
		a.SiteName = strings.Join(strings.Fields(b.rd.SiteName()), " ")
	}
	a.Outlet = a.SiteName
	if a.Outlet == "" {
		if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
			a.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}

	a.Authors = m.authors()
	if len(a.Authors) == 0 && b.meta.Author != "" {
		a.Authors = dedupe(strings.Split(b.meta.Author, "; "))
	}
	if len(a.Authors) == 0 && b.rd != nil && b.rd.Byline() != "" {
		a.Authors = dedupe(splitNames(strings.TrimPrefix(strings.TrimPrefix(b.rd.Byline(), "By "), "by ")))
	}

	a.Published = m.published()
	if a.Published == "" && !b.meta.Date.IsZero() && sane(b.meta.Date) {
		a.Published = b.meta.Date.Format("2006-01-02")
	}

	a.Language = m.language()
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	return a
}
