package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// A parsed page: what the tests check, read back with encoding/xml in its
// permissive mode.
type parsedPage struct {
	ids     map[string]int
	links   []parsedLink // every <a>
	cites   []parsedLink // every element of class "cite", in order
	marks   map[string]*parsedMark
	pieces  map[string][]string // later pieces of split marks, by span id
	texts   map[string]string   // text content of each source's text, by article element id
	h2      []string
	srcs    []string // values of src attributes
	scripts int
	style   string
}

type parsedLink struct {
	href, rel, class, title, text string
	isLink                        bool
}

type parsedMark struct {
	text   string
	parent string // id of the enclosing mark, if any
}

type openElem struct {
	name    string
	attrs   map[string]string
	buf     *strings.Builder // collects text content when non-nil
	finish  func(string)
	markID  string // id, or data-of, of a mark
	inMarks []string
}

func parsePage(t *testing.T, page []byte) *parsedPage {
	t.Helper()
	p := &parsedPage{
		ids:    map[string]int{},
		marks:  map[string]*parsedMark{},
		pieces: map[string][]string{},
		texts:  map[string]string{},
	}
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var stack []*openElem
	var currentArticle string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &openElem{name: strings.ToLower(tok.Name.Local), attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[strings.ToLower(a.Name.Local)] = a.Value
			}
			if len(stack) > 0 {
				e.inMarks = stack[len(stack)-1].inMarks
			}
			if id, ok := e.attrs["id"]; ok {
				p.ids[id]++
			}
			if src, ok := e.attrs["src"]; ok {
				p.srcs = append(p.srcs, src)
			}
			class := e.attrs["class"]
			switch {
			case e.name == "script":
				p.scripts++
			case e.name == "style":
				e.collect(func(s string) { p.style += s })
			case e.name == "h2":
				e.collect(func(s string) { p.h2 = append(p.h2, strings.TrimSpace(s)) })
			case e.name == "article" && strings.HasPrefix(e.attrs["id"], "source-"):
				currentArticle = e.attrs["id"]
			case e.name == "div" && class == "text":
				art := currentArticle
				e.collect(func(s string) { p.texts[art] = s })
			case e.name == "mark":
				id, of := e.attrs["id"], e.attrs["data-of"]
				if id == "" && of == "" {
					t.Errorf("mark without id or data-of")
				}
				parent := ""
				if n := len(e.inMarks); n > 0 {
					parent = e.inMarks[n-1]
				}
				if id != "" {
					e.markID = id
					e.collect(func(s string) { p.marks[id] = &parsedMark{text: s, parent: parent} })
				} else {
					e.markID = of
					e.collect(func(s string) { p.pieces[of] = append(p.pieces[of], s) })
				}
				e.inMarks = append(e.inMarks[:len(e.inMarks):len(e.inMarks)], e.markID)
			}
			if e.name == "a" || strings.Contains(" "+class+" ", " cite ") {
				l := parsedLink{href: e.attrs["href"], rel: e.attrs["rel"], class: class, title: e.attrs["title"], isLink: e.name == "a"}
				isCite := strings.Contains(" "+class+" ", " cite ")
				e.collect(func(s string) {
					l.text = s
					if l.isLink {
						p.links = append(p.links, l)
					}
					if isCite {
						p.cites = append(p.cites, l)
					}
				})
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) == 0 {
				t.Fatalf("unbalanced end tag </%s>", tok.Name.Local)
			}
			e := stack[len(stack)-1]
			if name := strings.ToLower(tok.Name.Local); name != e.name {
				t.Fatalf("end tag </%s> closes <%s>", name, e.name)
			}
			stack = stack[:len(stack)-1]
			if e.finish != nil {
				e.finish(e.buf.String())
			}
		case xml.CharData:
			for _, e := range stack {
				if e.buf != nil {
					e.buf.Write(tok)
				}
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("%d elements left open, the first <%s>", len(stack), stack[0].name)
	}
	return p
}

func (e *openElem) collect(finish func(string)) {
	e.buf = &strings.Builder{}
	e.finish = finish
}

// markText returns the words a mark covers, its later pieces included.
func (p *parsedPage) markText(id string) string {
	return p.marks[id].text + strings.Join(p.pieces[id], "")
}

type expectedCite struct {
	source string
	span   *parallax.Span
}

// expectedCites lists the citations b should show, in page order.
func expectedCites(b *parallax.Brief) []expectedCite {
	var out []expectedCite
	add := func(ids []string, ev []parallax.Span) {
		for i, id := range ids {
			c := expectedCite{source: id}
			if i < len(ev) {
				c.span = &ev[i]
			}
			out = append(out, c)
		}
	}
	for _, st := range b.Summary {
		add(st.Sources, st.Evidence)
	}
	if len(b.Sources) > 1 {
		for _, st := range b.Agreed {
			add(st.Sources, st.Evidence)
		}
		for _, s := range b.Sources {
			for _, st := range b.Exclusive[s.ID] {
				add(st.Sources, st.Evidence)
			}
		}
		for _, c := range b.Conflicts {
			for _, side := range c.Sides {
				add(side.Statement.Sources, side.Statement.Evidence)
			}
		}
	}
	for _, e := range b.Timeline {
		add(e.Sources, e.Evidence)
	}
	out = append(out, expectedPeopleCites(b)...)
	return append(out, expectedFramingCites(b)...)
}

// spanFits reports whether sp can be marked in text, rune boundaries and all.
func spanFits(text string, sp parallax.Span) bool {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return false
	}
	return utf8.ValidString(text[:sp.Start]) && utf8.ValidString(text[sp.Start:sp.End])
}

var resourceAttr = regexp.MustCompile(`(?i)\b(src|href|srcset|action|poster|data)\s*=\s*"([^"]*)"`)

// checkPage renders b and checks the page's promises: it parses, ids are
// unique, every citation opens an existing element, a citation with a
// usable span opens a mark holding exactly the cited bytes, every source's
// text is kept whole, nothing is loaded from elsewhere, no script runs, and
// the same brief gives the same bytes. It returns the page and its parse.
func checkPage(t *testing.T, b *parallax.Brief, articles []parallax.Article) ([]byte, *parsedPage) {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, b, articles); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	page := buf.Bytes()
	var again bytes.Buffer
	if err := HTML(&again, b, articles); err != nil {
		t.Fatalf("HTML, second time: %v", err)
	}
	if !bytes.Equal(page, again.Bytes()) {
		t.Errorf("the same brief rendered twice gave different pages")
	}
	for _, want := range []string{"<!doctype html>", `<meta charset="utf-8">`, `<meta name="viewport"`, "<title>", "prefers-color-scheme: dark", "@media print", ":target"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	p := parsePage(t, page)
	for id, n := range p.ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}

	// No script, no resource from anywhere, links out only to sources.
	if p.scripts > 0 || bytes.Contains(bytes.ToLower(page), []byte("<script")) {
		t.Errorf("page holds a script element")
	}
	if len(p.srcs) > 0 {
		t.Errorf("page loads resources: %q", p.srcs)
	}
	for _, bad := range []string{"url(", "@import", "srcset", "<link", "<img", "<iframe"} {
		if bytes.Contains(bytes.ToLower(page), []byte(bad)) {
			t.Errorf("page holds %q", bad)
		}
	}
	sourceURLs := map[string]bool{}
	for _, s := range b.Sources {
		if strings.HasPrefix(s.URL, "http://") || strings.HasPrefix(s.URL, "https://") {
			sourceURLs[s.URL] = true
		}
	}
	for _, m := range resourceAttr.FindAllSubmatch(page, -1) {
		v := strings.ToLower(string(m[2]))
		if strings.Contains(v, "http:") || strings.Contains(v, "https:") || strings.Contains(v, "//") {
			if string(m[1]) != "href" || !sourceURLs[xmlUnescape(t, string(m[2]))] {
				t.Errorf("page refers to %s=%q, not a source link", m[1], m[2])
			}
		}
	}
	for _, l := range p.links {
		switch {
		case strings.HasPrefix(l.href, "#"):
			if p.ids[l.href[1:]] == 0 {
				t.Errorf("link %q (%q) targets no element", l.href, l.text)
			}
		case sourceURLs[l.href]:
			if l.rel != "noopener noreferrer" {
				t.Errorf("source link %q has rel %q", l.href, l.rel)
			}
		default:
			t.Errorf("link to %q, neither on the page nor a source", l.href)
		}
	}

	// Citations, in page order, against the brief's spans.
	texts := map[string]string{}
	for _, a := range articles {
		if _, ok := texts[a.ID]; !ok {
			texts[a.ID] = a.Text
		}
	}
	num := map[string]int{}
	for i, s := range b.Sources {
		if _, ok := num[s.ID]; !ok {
			num[s.ID] = i + 1
		}
	}
	want := expectedCites(b)
	if len(p.cites) != len(want) {
		t.Fatalf("page shows %d citations, brief has %d", len(p.cites), len(want))
	}
	distinct := map[parallax.Span]bool{}
	for i, c := range p.cites {
		w := want[i]
		text, hasText := texts[w.source]
		n := num[w.source]
		if n > 0 && !strings.HasPrefix(c.text, fmt.Sprint(n)) {
			t.Errorf("citation %d of %s reads %q, want it to start with %d", i, w.source, c.text, n)
		}
		if n > 0 && !strings.Contains(c.title, fmt.Sprintf("[%d] ", n)) {
			t.Errorf("citation %d title %q does not name [%d]", i, c.title, n)
		}
		switch {
		case n == 0 || !hasText:
			if c.isLink {
				t.Errorf("citation %d of %s, which has no text, links to %q", i, w.source, c.href)
			}
		case w.span != nil && (w.span.Source == w.source || w.span.Source == "") && spanFits(text, *w.span):
			id := strings.TrimPrefix(c.href, "#")
			if p.marks[id] == nil {
				t.Errorf("citation %d of %s %d-%d links to %q, not a mark", i, w.source, w.span.Start, w.span.End, c.href)
				continue
			}
			if got, want := p.markText(id), newlines(text[w.span.Start:w.span.End]); got != want {
				t.Errorf("citation %d opens %q, which holds\n%q\nwant the cited bytes\n%q", i, c.href, got, want)
			}
			distinct[parallax.Span{Source: w.source, Start: w.span.Start, End: w.span.End}] = true
		default:
			if c.href != fmt.Sprintf("#source-%d", n) {
				t.Errorf("citation %d of %s with an unusable span links to %q, want the whole text", i, w.source, c.href)
			}
		}
	}
	if len(p.marks) != len(distinct) {
		t.Errorf("page has %d marked spans, brief cites %d distinct usable spans", len(p.marks), len(distinct))
	}
	for of := range p.pieces {
		if p.marks[of] == nil {
			t.Errorf("mark piece names %q, which is no mark", of)
		}
		if !strings.Contains(p.style, "#"+of+":target") {
			t.Errorf("split mark %q has no highlight rule", of)
		}
	}

	// Every source with a text shows all of it, as an XML or HTML parser
	// reads it (line ends made \n).
	for _, s := range b.Sources {
		text, ok := texts[s.ID]
		if !ok || s.ID != b.Sources[num[s.ID]-1].ID {
			continue
		}
		got, ok := p.texts[fmt.Sprintf("source-%d", num[s.ID])]
		if !ok {
			t.Errorf("source %s has no text on the page", s.ID)
			continue
		}
		if utf8.ValidString(text) && got != newlines(text) {
			t.Errorf("text of %s differs from the article:\n%s", s.ID, cmp.Diff(newlines(text), got))
		}
	}
	return page, p
}

// newlines makes line ends \n, as parsers of XML and HTML do.
func newlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func xmlUnescape(t *testing.T, s string) string {
	t.Helper()
	var v struct {
		A string `xml:"a,attr"`
	}
	if err := xml.Unmarshal([]byte(`<x a="`+s+`"/>`), &v); err != nil {
		t.Fatalf("unescaping %q: %v", s, err)
	}
	return v.A
}

// Hand-made articles: invented reports of one small event.
const (
	textA = "Ferry service resumes after the storm\n\n" +
		"The island ferry returned to its full schedule on Tuesday, the port authority said.\n\n" +
		"\"We are glad to be sailing again,\" captain Mara Ilves told reporters. She said the crews had worked through the night.\n" +
		"Engineers found <script>alert(\"gotcha\")</script> no damage to the hull.\n\n" +
		"Café owners near the pier cheered — loudly.\n\n" +
		"A second vessel will join the route in spring.\n"
	textB = "The island ferry is back on its full timetable as of Tuesday, port officials said.\n" +
		"Captain Mara Ilves said: \"We're happy to sail again.\"\n" +
		"Fares will rise by 5 percent next month.\n"
	textC = "Ferries run again.\r\nOfficials said fares would rise by 8 percent.\n"
)

func cut(text string, sp parallax.Span) string { return text[sp.Start:sp.End] }

func at(t *testing.T, id, text, sub string) parallax.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %s", sub, id)
	}
	return parallax.Span{Source: id, Start: i, End: i + len(sub)}
}

// handMade returns a brief over three articles and a fourth source without
// text, with spans that repeat, nest, cross each other and a paragraph
// break, fall out of range or cut a character.
func handMade(t *testing.T) (*parallax.Brief, []parallax.Article) {
	articles := []parallax.Article{
		{ID: "a", Outlet: "Harbor Gazette", URL: "https://example.org/ferry?x=1&y=2", Text: textA},
		{ID: "b", Outlet: "<b>Coast</b> Radio", URL: "javascript:alert(1)", Text: textB},
		{ID: "c", Outlet: "Valley Times", URL: "http://example.net/c", Text: textC},
	}
	resumed := at(t, "a", textA, "The island ferry returned to its full schedule on Tuesday, the port authority said.")
	quoteSentence := at(t, "a", textA, "\"We are glad to be sailing again,\" captain Mara Ilves told reporters.")
	quoteWords := at(t, "a", textA, "We are glad to be sailing again,")
	crews := at(t, "a", textA, "She said the crews had worked through the night.")
	across := at(t, "a", textA, "through the night.\nEngineers found")
	script := at(t, "a", textA, "Engineers found <script>alert(\"gotcha\")</script> no damage to the hull.")
	cafe := at(t, "a", textA, "Café owners")
	midChar := parallax.Span{Source: "a", Start: cafe.Start, End: cafe.Start + len("Caf") + 1}
	backB := at(t, "b", textB, "The island ferry is back on its full timetable as of Tuesday, port officials said.")
	saidB := at(t, "b", textB, "\"We're happy to sail again.\"")
	fareB := at(t, "b", textB, "Fares will rise by 5 percent next month.")
	fareC := at(t, "c", textC, "Officials said fares would rise by 8 percent.")

	b := &parallax.Brief{
		Title: "Ferry <script>alert(\"title\")</script> back on schedule",
		Sources: []parallax.Source{
			{ID: "a", Outlet: "Harbor Gazette", Title: "Ferry service resumes after the storm", URL: articles[0].URL, Published: "2024-09-03T18:05:00Z", TitleSpan: &parallax.Span{Source: "a", Start: 0, End: 37}},
			{ID: "b", Outlet: "<b>Coast</b> Radio", URL: articles[1].URL, Published: "not a date"},
			{ID: "c", Outlet: "Valley Times", URL: articles[2].URL, Dateline: "PORT ELLEN"},
			{ID: "d", Outlet: "Wire Desk", Published: "2024-09-04T07:00:00+02:00"},
		},
		Summary: []parallax.Statement{
			{Text: "The island ferry returned to its full schedule on Tuesday, the port authority said.", Sources: []string{"a", "b"}, Evidence: []parallax.Span{resumed, backB}},
			{Text: cut(textA, quoteSentence), Sources: []string{"a"}, Evidence: []parallax.Span{quoteSentence}},
			{Text: "Café owners cheered.", Sources: []string{"a", "zz", "d"}, Evidence: []parallax.Span{midChar, {Source: "zz", Start: 0, End: 3}, {Source: "d", Start: 0, End: 4}}},
		},
		Agreed: []parallax.Statement{
			{Text: "The island ferry returned to its full schedule on Tuesday, the port authority said.", Sources: []string{"a", "b"}, Evidence: []parallax.Span{resumed, backB}},
		},
		Exclusive: map[string][]parallax.Statement{
			"a": {
				{Text: cut(textA, crews), Sources: []string{"a"}, Evidence: []parallax.Span{crews}},
				{Text: cut(textA, across), Sources: []string{"a"}, Evidence: []parallax.Span{across}},
				{Text: cut(textA, script), Sources: []string{"a"}, Evidence: []parallax.Span{script}},
			},
			"c": {
				{Text: "Ferries run again.", Sources: []string{"c"}, Evidence: []parallax.Span{{Source: "c", Start: 5, End: 9999}}},
				{Text: "Ferries run again.", Sources: []string{"c"}, Evidence: []parallax.Span{{Source: "c", Start: -1, End: 4}}},
				{Text: "Ferries run again.", Sources: []string{"c"}},
			},
			"nobody": {{Text: "Not a source.", Sources: []string{"nobody"}}},
		},
		Conflicts: []parallax.Conflict{{Kind: "number", Sides: []parallax.ConflictSide{
			{Value: "5 percent", Statement: parallax.Statement{Text: cut(textB, fareB), Sources: []string{"b"}, Evidence: []parallax.Span{fareB}}},
			{Value: "8 percent", Statement: parallax.Statement{Text: cut(textC, fareC), Sources: []string{"c"}, Evidence: []parallax.Span{fareC}}},
		}}},
		Quotes: []parallax.Quote{
			{Speaker: "Mara Ilves", Text: "\"We are glad to be sailing again,\"", Sources: []string{"a", "b"}, Evidence: []parallax.Span{quoteWords, saidB}, Forms: []string{"verbatim", "altered"}},
			{Text: "fares would rise", Sources: []string{"c", "d"}, Evidence: []parallax.Span{fareC}, Forms: []string{"paraphrased"}},
		},
	}
	return b, articles
}

func TestHTMLHandMade(t *testing.T) {
	b, articles := handMade(t)
	page, p := checkPage(t, b, articles)
	s := string(page)

	wantH2 := []string{"Summary", "Agreed by all outlets", "Only in one outlet", "Conflicts", "Timeline", "People", "Quotes", "Sources", "Source texts"}
	if diff := cmp.Diff(wantH2, p.h2); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}

	// Hostile text comes out as text.
	for _, want := range []string{
		"&lt;script&gt;alert(&#34;gotcha&#34;)&lt;/script&gt;",
		"<title>Ferry &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; back on schedule · Parallax brief</title>",
		"&lt;b&gt;Coast&lt;/b&gt; Radio",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks the escaped %q", want)
		}
	}
	if strings.Contains(s, "<b>") || strings.Contains(s, "javascript:") && !strings.Contains(s, ">javascript:alert(1)<") {
		t.Errorf("hostile outlet or URL not escaped")
	}

	// The sentence cited twice is one mark, opened by two citations.
	resumed := markID(1, strings.Index(textA, "The island"), strings.Index(textA, "said.\n")+len("said."))
	if p.marks[resumed] == nil {
		t.Fatalf("no mark %q", resumed)
	}
	n := 0
	for _, c := range p.cites {
		if c.href == "#"+resumed {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d citations open %q, want 2", n, resumed)
	}

	// The quoted words nest in their sentence.
	words := at(t, "a", textA, "We are glad to be sailing again,")
	sentence := at(t, "a", textA, "\"We are glad to be sailing again,\" captain Mara Ilves told reporters.")
	wid, sid := markID(1, words.Start, words.End), markID(1, sentence.Start, sentence.End)
	if m := p.marks[wid]; m == nil || m.parent != sid {
		t.Errorf("quoted words %q not inside sentence %q: %+v", wid, sid, m)
	}

	// Crossing spans: one is split, its pieces carry the highlight; and
	// the paragraph break under a span is not a paragraph end.
	crews := at(t, "a", textA, "She said the crews had worked through the night.")
	cid := markID(1, crews.Start, crews.End)
	across := at(t, "a", textA, "through the night.\nEngineers found")
	aid := markID(1, across.Start, across.End)
	script := at(t, "a", textA, "Engineers found <script>")
	scid := markID(1, script.Start, script.Start+len("Engineers found <script>alert(\"gotcha\")</script> no damage to the hull."))
	if diff := cmp.Diff(map[string][]string{aid: {"\nEngineers found"}, scid: {` <script>alert("gotcha")</script> no damage to the hull.`}}, p.pieces); diff != "" || p.marks[cid] == nil {
		t.Errorf("crossing spans: later pieces (-want +got):\n%s", diff)
	}
	if strings.Contains(s, "through the night.</mark></p>") {
		t.Errorf("a paragraph ends inside a marked span")
	}

	// Unusable spans: no mark, the citation opens the whole text.
	for id := range p.marks {
		if strings.HasPrefix(id, "s3-") && id != markID(3, strings.Index(textC, "Officials"), strings.Index(textC, "percent.")+len("percent.")) {
			t.Errorf("unexpected mark %q in source 3", id)
		}
	}
	if strings.Contains(s, fmt.Sprintf("id=\"s1-%d-", strings.Index(textA, "Café"))) {
		t.Errorf("a span cutting é was marked")
	}

	// Links out: only the http(s) sources, with rel.
	var out []string
	for _, l := range p.links {
		if !strings.HasPrefix(l.href, "#") {
			out = append(out, l.href+" "+l.rel)
		}
	}
	wantOut := []string{"https://example.org/ferry?x=1&y=2 noopener noreferrer", "http://example.net/c noopener noreferrer"}
	if diff := cmp.Diff(wantOut, out); diff != "" {
		t.Errorf("outside links (-want +got):\n%s", diff)
	}

	// The quote ledger: speaker, words, who carried them and how.
	for _, want := range []string{
		"<blockquote><p>“We are glad to be sailing again,”</p></blockquote>",
		`<span class="speaker">Mara Ilves</span>`,
		`<span class="speaker unnamed">Unattributed</span>`,
		`<span class="form">verbatim</span>`,
		`<span class="form">altered</span>`,
		`<span class="form">paraphrased</span>`,
		`<time datetime="2024-09-03T18:05:00Z">3 September 2024, 18:05 UTC</time>`,
		`<time datetime="2024-09-04T07:00:00&#43;02:00">4 September 2024, 07:00 &#43;02:00</time>`,
		"not a date",
		"PORT ELLEN",
		`<p class="kind">Numbers differ</p>`,
		`<strong class="value">5 percent</strong>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(s, "Not a source.") {
		t.Errorf("exclusive list of an unknown source shown")
	}
	if strings.Contains(s, `id="source-4"`) {
		t.Errorf("source without text has a text section")
	}
}

func TestHTMLOneSourceNoTexts(t *testing.T) {
	b := &parallax.Brief{
		Sources: []parallax.Source{{ID: "x", Outlet: "x"}},
		Summary: []parallax.Statement{{Text: "Only line.", Sources: []string{"x"}, Evidence: []parallax.Span{{Source: "x", Start: 0, End: 10}}}},
		Agreed:  []parallax.Statement{{Text: "Hidden for one source.", Sources: []string{"x"}}},
	}
	page, p := checkPage(t, b, nil)
	if diff := cmp.Diff([]string{"Summary", "Timeline", "People", "Quotes", "Sources"}, p.h2); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	for _, want := range []string{"<title>Brief · Parallax brief</title>", "No attributed quotation was found.", "Parallax brief · 1 outlet<"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	if len(p.marks) != 0 || len(p.texts) != 0 {
		t.Errorf("page without articles has marks or texts")
	}

	// With its text, the one span is marked.
	_, p = checkPage(t, b, []parallax.Article{{ID: "x", Text: "Only line.\n"}})
	if got := p.marks["s1-0-10"]; got == nil || got.text != "Only line." {
		t.Errorf("mark s1-0-10 = %+v", got)
	}
}

func TestHTMLEmpty(t *testing.T) {
	b := &parallax.Brief{
		Sources:   []parallax.Source{{ID: "a", Outlet: "A"}, {ID: "b", Outlet: "B"}},
		Exclusive: map[string][]parallax.Statement{},
	}
	page, _ := checkPage(t, b, []parallax.Article{{ID: "a", Text: "\n\nSome text.\n"}, {ID: "b", Text: "More."}})
	for _, want := range []string{
		"No sentence could be chosen for a summary.",
		"Nothing is reported by every outlet.",
		"No conflicting numbers, dates, names or claims were found.",
		"No attributed quotation was found.",
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	if err := HTML(io.Discard, nil, nil); err == nil {
		t.Errorf("HTML(nil brief) = nil error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestHTMLWriteError(t *testing.T) {
	b, articles := handMade(t)
	if err := HTML(failWriter{}, b, articles); err == nil {
		t.Errorf("HTML to a failing writer = nil error")
	}
}

// TestHTMLInvalidUTF8 checks that text that is not UTF-8, which Build
// refuses but HTML may still be given, makes a page of valid UTF-8 that
// still parses and marks what it can.
func TestHTMLInvalidUTF8(t *testing.T) {
	text := "Bad \xff byte here.\n\nCafé \xe2\x80 cut.\n"
	b := &parallax.Brief{
		Sources: []parallax.Source{{ID: "u", Outlet: "U"}},
		Summary: []parallax.Statement{
			{Text: "Bad byte.", Sources: []string{"u"}, Evidence: []parallax.Span{{Source: "u", Start: 0, End: 3}}},
			{Text: "Cut.", Sources: []string{"u"}, Evidence: []parallax.Span{{Source: "u", Start: strings.Index(text, "Caf"), End: len(text) - 1}}},
		},
	}
	var buf bytes.Buffer
	if err := HTML(&buf, b, []parallax.Article{{ID: "u", Text: text}}); err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(buf.Bytes()) {
		t.Errorf("page is not valid UTF-8")
	}
	p := parsePage(t, buf.Bytes())
	if got := p.marks["s1-0-3"]; got == nil || got.text != "Bad" {
		t.Errorf("mark s1-0-3 = %+v, want \"Bad\"", got)
	}
	if got, want := p.texts["source-1"], strings.ToValidUTF8(text, "\uFFFD"); got != want {
		t.Errorf("text shown as %q, want %q", got, want)
	}
}

// TestHTMLRandomSpans marks random spans, many nesting or crossing, some
// unusable, in texts with line breaks and multi-byte characters.
func TestHTMLRandomSpans(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"tide", "harbor", "é", "naïve", "—", "日本", "<b>", "&amp;", "\"q\"", "x", "\n", "\n\n", " \n \n", "🙂"}
	for iter := range 50 {
		var sb strings.Builder
		for range 5 + r.IntN(40) {
			sb.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				sb.WriteByte(' ')
			}
		}
		text := sb.String()
		var st []parallax.Statement
		for range r.IntN(12) {
			s := r.IntN(len(text) + 2)
			e := s + r.IntN(len(text)/2+2)
			if r.IntN(8) == 0 {
				s, e = e, s
			}
			st = append(st, parallax.Statement{Text: "x", Sources: []string{"t"}, Evidence: []parallax.Span{{Source: "t", Start: s, End: e}}})
		}
		b := &parallax.Brief{Sources: []parallax.Source{{ID: "t", Outlet: "T"}}, Summary: st}
		t.Run(fmt.Sprint(iter), func(t *testing.T) {
			checkPage(t, b, []parallax.Article{{ID: "t", Text: text}})
		})
		if t.Failed() {
			t.Logf("text %q", text)
			break
		}
	}
}

func TestMarkTextNesting(t *testing.T) {
	const text = "abcdefghij"
	split := map[string]bool{}
	blocks := markText(text, 1, [][2]int{{0, 6}, {2, 4}, {3, 8}}, split)
	var sb strings.Builder
	var write func([]htmlNode)
	write = func(nodes []htmlNode) {
		for _, n := range nodes {
			switch {
			case n.Mark == nil:
				sb.WriteString(n.Text)
			case n.Mark.ID != "":
				sb.WriteString("<" + n.Mark.ID + ">")
				write(n.Kids)
				sb.WriteString("</>")
			default:
				sb.WriteString("<+" + n.Mark.Of + ">")
				write(n.Kids)
				sb.WriteString("</>")
			}
		}
	}
	for _, b := range blocks {
		write(b.Nodes)
	}
	want := "<s1-0-6>ab<s1-2-4>c<s1-3-8>d</></><+s1-3-8>ef</></><+s1-3-8>gh</>ij"
	if diff := cmp.Diff(want, sb.String()); diff != "" {
		t.Errorf("marks (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bool{"s1-3-8": true}, split); diff != "" {
		t.Errorf("split (-want +got):\n%s", diff)
	}
}

// seeds reads the shared seed articles, or skips the test without them.
func seeds(tb testing.TB) []parallax.Article { return sharedtest.Seeds(tb) }

func TestHTMLSeeds(t *testing.T) {
	articles := seeds(t)
	b, err := brief.Build(context.Background(), articles, brief.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, p := checkPage(t, b, articles)
	if len(p.marks) == 0 {
		t.Errorf("no passage marked in the seeds' page")
	}
	if len(p.texts) != len(articles) {
		t.Errorf("%d source texts shown, want %d", len(p.texts), len(articles))
	}
}

func BenchmarkHTMLSeeds(b *testing.B) {
	articles := seeds(b)
	br, err := brief.Build(context.Background(), articles, brief.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := HTML(io.Discard, br, articles); err != nil {
			b.Fatal(err)
		}
	}
}
