package render

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

//go:embed page/page.html page/parts.html page/timeline.html page/framing.html page/style.css
var pageFS embed.FS

// pageTemplate is the page layout; page.html includes style.css inside its
// <style> element, so the stylesheet is trusted template text, not data.
var pageTemplate = template.Must(template.New("page.html").ParseFS(pageFS, "page/page.html", "page/parts.html", "page/timeline.html", "page/framing.html", "page/style.css"))

// HTML writes b as one standalone HTML page: the brief with its sections as
// in Markdown, then the full text of every source with each cited passage
// marked. A citation links to its passage, which the page's stylesheet
// highlights when it is the target of the address. The page makes no
// request of its own and needs no script.
//
// articles holds the texts the brief was made from; a source without one
// is listed but its citations cannot open a passage. Evidence spans that do
// not fit their text (out of range, or cutting a UTF-8 character) are left
// unmarked, and their citations open the source's text instead.
func HTML(w io.Writer, b *parallax.Brief, articles []parallax.Article) error {
	if b == nil {
		return fmt.Errorf("render: no brief to write")
	}
	p := newPage(b, articles)
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("render: html: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// The page's view model: everything the template shows, already decided.

type htmlPage struct {
	Title      string // the brief's title, or "Brief"
	HasTitle   bool
	Multi      bool // more than one source: show agreed, exclusive, conflicts
	NSources   int
	Counts     string   // "3 outlets, 2 independent reports", or ""
	CopyNotes  []string // which sources copy which, and how closely
	Summary    []htmlStatement
	Agreed     []htmlStatement
	Exclusive  []htmlExclusive
	Conflicts  []htmlConflict
	People     htmlPeople
	Quotes     []htmlLedger
	Timeline   []htmlTimelineEntry
	Framing    []htmlFraming
	Sources    []htmlSource
	Texts      []htmlText
	Split      []string // IDs of spans marked in more than one piece
	TextsShown bool
}

type htmlCite struct {
	Num    int    // source number, 0 when the source is not in the brief
	Outlet string // outlet name, or the raw ID of an unknown source
	Target string // id of the element the citation opens, "" for none
	Hint   string // title text
}

type htmlStatement struct {
	Text      string
	Cites     []htmlCite
	CarriedBy string // which kinds of outlets carry it, or ""
}

type htmlExclusive struct {
	Num    int
	Outlet string
	Items  []htmlStatement
}

type htmlConflict struct {
	Kind  string
	Sides []htmlSide
}

type htmlSide struct {
	Value string
	htmlStatement
}

type htmlCarried struct {
	htmlCite
	Form string
}

type htmlSource struct {
	Num       int
	Outlet    string
	Title     string
	URL       string // shown as text
	Link      bool   // URL is http(s) and shown as a link
	Published string // as shown
	Datetime  string // machine-readable, "" when Published does not parse
	Dateline  string
	ID        string
	ShowID    bool
	TextID    string // id of the source's full text, "" when not given
	SetAside  string // why the source was left out of the account
}

type htmlText struct {
	Num    int
	Outlet string
	Title  string
	ID     string
	Blocks []htmlBlock
}

// An htmlBlock is either a paragraph of nodes or, between paragraphs, the
// white space that separated them in the text.
type htmlBlock struct {
	Para  bool
	Sep   string
	Nodes []htmlNode
}

// An htmlNode is plain text, or a mark holding more nodes.
type htmlNode struct {
	Text string
	Mark *htmlMark
	Kids []htmlNode
}

// An htmlMark is one piece of a marked span: the first piece carries the
// span's id, any later piece (when spans cross) names it in Of.
type htmlMark struct {
	ID string
	Of string
}

type pageSource struct {
	num     int
	src     parallax.Source
	text    string
	hasText bool
	spans   map[[2]int]bool // distinct valid spans cited in this source
}

type pageBuilder struct {
	brief   *parallax.Brief
	byID    map[string]*pageSource
	ordered []*pageSource
}

func newPage(b *parallax.Brief, articles []parallax.Article) *htmlPage {
	pb := &pageBuilder{brief: b, byID: make(map[string]*pageSource, len(b.Sources))}
	texts := make(map[string]string, len(articles))
	for _, a := range articles {
		if _, dup := texts[a.ID]; !dup {
			texts[a.ID] = a.Text
		}
	}
	for i, s := range b.Sources {
		if _, dup := pb.byID[s.ID]; dup {
			continue
		}
		ps := &pageSource{num: i + 1, src: s, spans: map[[2]int]bool{}}
		ps.text, ps.hasText = texts[s.ID]
		pb.byID[s.ID] = ps
		pb.ordered = append(pb.ordered, ps)
	}

	outlets, _ := outletCount(b)
	p := &htmlPage{Title: oneLine(b.Title), NSources: outlets, Multi: len(b.Sources) > 1,
		Counts: reportCount(b), CopyNotes: copyNotes(b)}
	p.HasTitle = p.Title != ""
	if !p.HasTitle {
		p.Title = "Brief"
	}
	for _, st := range b.Summary {
		p.Summary = append(p.Summary, pb.statement(st))
	}
	if p.Multi {
		for _, st := range b.Agreed {
			p.Agreed = append(p.Agreed, pb.statement(st))
		}
		for _, ps := range pb.ordered {
			list := b.Exclusive[ps.src.ID]
			if len(list) == 0 {
				continue
			}
			ex := htmlExclusive{Num: ps.num, Outlet: outletName(ps.src)}
			for _, st := range list {
				ex.Items = append(ex.Items, pb.statement(st))
			}
			p.Exclusive = append(p.Exclusive, ex)
		}
		for _, c := range b.Conflicts {
			hc := htmlConflict{Kind: ConflictKind(c.Kind)}
			for _, side := range c.Sides {
				hc.Sides = append(hc.Sides, htmlSide{Value: oneLine(side.Value), htmlStatement: pb.statement(side.Statement)})
			}
			p.Conflicts = append(p.Conflicts, hc)
		}
	}
	p.Timeline = pb.timeline(b)
	p.Framing = pb.framing(b)
	p.People = pb.people(b)
	p.Quotes = pb.ledger(b)

	// The sources, and their texts with every cited span marked.
	split := map[string]bool{}
	for _, ps := range pb.ordered {
		hs := htmlSource{
			Num:      ps.num,
			Outlet:   outletName(ps.src),
			Title:    oneLine(ps.src.Title),
			URL:      ps.src.URL,
			Link:     isWebURL(ps.src.URL),
			Dateline: oneLine(ps.src.Dateline),
			ID:       ps.src.ID,
			ShowID:   ps.src.ID != ps.src.Outlet,
			SetAside: ps.src.SetAside,
		}
		hs.Published, hs.Datetime = publishedDate(ps.src.Published)
		if ps.hasText {
			hs.TextID = textID(ps.num)
			t := htmlText{Num: ps.num, Outlet: hs.Outlet, Title: hs.Title, ID: hs.TextID}
			t.Blocks = markText(ps.text, ps.num, ps.sortedSpans(), split)
			p.Texts = append(p.Texts, t)
		}
		p.Sources = append(p.Sources, hs)
	}
	p.TextsShown = len(p.Texts) > 0
	p.Split = sortedIDs(split)
	return p
}

// evidence returns list[i], or a span that marks nothing when there is none.
func evidence(list []parallax.Span, i int) *parallax.Span {
	if i < len(list) {
		return &list[i]
	}
	return nil
}

func (pb *pageBuilder) statement(st parallax.Statement) htmlStatement {
	hs := htmlStatement{Text: oneLine(st.Text), CarriedBy: oneLine(st.CarriedBy)}
	for i, id := range st.Sources {
		hs.Cites = append(hs.Cites, pb.cite(id, evidence(st.Evidence, i)))
	}
	return hs
}

// cite makes the citation of source id for span sp, registering the span
// to be marked when it fits the source's text.
func (pb *pageBuilder) cite(id string, sp *parallax.Span) htmlCite {
	ps := pb.byID[id]
	if ps == nil {
		return htmlCite{Outlet: id, Hint: id + ": not among the sources"}
	}
	c := htmlCite{Num: ps.num, Outlet: outletName(ps.src)}
	label := fmt.Sprintf("[%d] %s", ps.num, c.Outlet)
	switch {
	case !ps.hasText:
		c.Hint = label
	case sp != nil && (sp.Source == id || sp.Source == "") && validSpan(ps.text, sp.Start, sp.End):
		ps.spans[[2]int{sp.Start, sp.End}] = true
		c.Target = markID(ps.num, sp.Start, sp.End)
		c.Hint = label + ": show the cited words"
	default:
		c.Target = textID(ps.num)
		c.Hint = label + ": show the full text"
	}
	return c
}

func (ps *pageSource) sortedSpans() [][2]int {
	out := make([][2]int, 0, len(ps.spans))
	for sp := range ps.spans {
		out = append(out, sp)
	}
	slices.SortFunc(out, func(a, b [2]int) int {
		// By start, the longer first, so that a span opens before the
		// spans it contains.
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(b[1], a[1]))
	})
	return out
}

// validSpan reports whether [start, end) is a non-empty range of text that
// cuts no UTF-8 character.
func validSpan(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	return utf8.RuneStart(text[start]) && (end == len(text) || utf8.RuneStart(text[end]))
}

func markID(num, start, end int) string { return fmt.Sprintf("s%d-%d-%d", num, start, end) }

func textID(num int) string { return fmt.Sprintf("source-%d", num) }

func outletName(s parallax.Source) string {
	if o := oneLine(s.Outlet); o != "" {
		return o
	}
	return s.ID
}

// ConflictKind names a kind of conflict (a parallax.Conflict's Kind) for a reader.
func ConflictKind(kind string) string {
	switch kind {
	case "number":
		return "Numbers differ"
	case "date":
		return "Dates differ"
	case "name":
		return "Names differ"
	case "polarity":
		return "Claims contradict"
	case "":
		return "Reports differ"
	}
	return "Reports differ: " + oneLine(kind)
}

// isWebURL reports whether u is an absolute http or https address.
func isWebURL(u string) bool {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return false
	}
	s := strings.ToLower(pu.Scheme)
	return s == "http" || s == "https"
}

// publishedDate returns the publication time as shown and, when it parses,
// in the form of a <time> element's datetime attribute.
func publishedDate(s string) (shown, machine string) {
	if s == "" {
		return "", ""
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return oneLine(s), ""
	}
	if _, off := t.Zone(); off == 0 {
		return t.Format("2 January 2006, 15:04 UTC"), s
	}
	return t.Format("2 January 2006, 15:04 -07:00"), s
}

// markText splits text into paragraphs and marks spans, which must be valid
// for text, distinct and sorted by start then by end descending.
//
// Paragraphs end at runs of white space that hold a line break, except
// where a span runs across: a span is never cut by a paragraph. Spans that
// nest become nested marks. Spans that cross cannot both be single
// elements: the one open longer is closed where the other ends and opened
// again, its later pieces naming it in Of; their IDs are added to split.
// Every byte of text is kept, in order, in the blocks.
func markText(text string, num int, spans [][2]int, split map[string]bool) []htmlBlock {
	valid := utf8.ValidString(text)
	var blocks []htmlBlock
	para := func(start, end int) {
		if start == end {
			return
		}
		var in [][2]int
		for _, sp := range spans {
			if sp[0] >= start && sp[1] <= end {
				in = append(in, sp)
			}
		}
		blocks = append(blocks, htmlBlock{Para: true, Nodes: markPara(text, start, end, num, in, split, valid)})
	}
	start := 0
	for _, sep := range separators(text) {
		crossed := false
		for _, sp := range spans {
			if sp[0] < sep[1] && sp[1] > sep[0] {
				crossed = true
				break
			}
		}
		if crossed {
			continue
		}
		para(start, sep[0])
		blocks = append(blocks, htmlBlock{Sep: text[sep[0]:sep[1]]})
		start = sep[1]
	}
	para(start, len(text))
	return blocks
}

// separators returns the runs of ASCII white space in text that hold a
// line break, in order.
func separators(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if !isSpace(text[i]) {
			i++
			continue
		}
		j, brk := i, false
		for j < len(text) && isSpace(text[j]) {
			brk = brk || text[j] == '\n' || text[j] == '\r'
			j++
		}
		if brk {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// markPara marks spans, all within [start, end), in that part of text.
func markPara(text string, start, end, num int, spans [][2]int, split map[string]bool, valid bool) []htmlNode {
	type frame struct {
		span [2]int
		node htmlNode
	}
	root := &frame{}
	stack := []*frame{root}
	pos := start
	emit := func(to int) {
		if to <= pos {
			return
		}
		s := text[pos:to]
		if !valid {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		top := stack[len(stack)-1]
		top.node.Kids = append(top.node.Kids, htmlNode{Text: s})
		pos = to
	}
	pop := func() *frame {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		parent := stack[len(stack)-1]
		parent.node.Kids = append(parent.node.Kids, f.node)
		return f
	}

	// Boundaries: every start and end, in order.
	var bounds []int
	for _, sp := range spans {
		bounds = append(bounds, sp[0], sp[1])
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	next := 0 // next span to open
	for _, at := range bounds {
		emit(at)
		// Close the spans that end here, and with them every mark opened
		// inside the deepest of them; reopen those that go on.
		low := 0
		for i := len(stack) - 1; i > 0; i-- {
			if stack[i].span[1] == at {
				low = i
			}
		}
		if low > 0 {
			var reopen [][2]int
			for len(stack) > low {
				if f := pop(); f.span[1] != at {
					reopen = append(reopen, f.span)
				}
			}
			for i := len(reopen) - 1; i >= 0; i-- {
				sp := reopen[i]
				id := markID(num, sp[0], sp[1])
				split[id] = true
				stack = append(stack, &frame{span: sp, node: htmlNode{Mark: &htmlMark{Of: id}}})
			}
		}
		for next < len(spans) && spans[next][0] == at {
			sp := spans[next]
			stack = append(stack, &frame{span: sp, node: htmlNode{Mark: &htmlMark{ID: markID(num, sp[0], sp[1])}}})
			next++
		}
	}
	emit(end)
	for len(stack) > 1 {
		pop()
	}
	return root.node.Kids
}
