package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs renders the text under n as paragraphs: every block element,
// line break and table row ends one. Inline elements add no space of their
// own, so "foo<b>bar</b>" stays one word. Elements that never hold reader
// text (scripts, styles, forms, media) are skipped.
func paragraphs(n *html.Node) []string {
	r := renderer{}
	r.walk(n, 0)
	r.flush()
	return r.paras
}

type renderer struct {
	paras []string
	cur   strings.Builder
	space bool // a space is due before the next word
}

// walk renders n. depth guards against trees deeper than the parser
// allows, which only a caller building nodes by hand could make.
func (r *renderer) walk(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		// trafilatura renames elements without updating DataAtom, so the
		// name is looked up again.
		tag := atom.Lookup([]byte(n.Data))
		switch {
		case skipped(tag, n.Attr):
			return
		case tag == atom.Br || tag == atom.Hr:
			r.flush()
			return
		case tag == atom.Td || tag == atom.Th:
			r.space = r.cur.Len() > 0
			r.children(n, depth)
			r.space = r.cur.Len() > 0
			return
		case tag == atom.Pre:
			r.flush()
			for _, line := range strings.Split(textContent(n), "\n") {
				r.text(line)
				r.flush()
			}
			return
		case block(tag):
			r.flush()
			r.children(n, depth)
			r.flush()
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	r.children(n, depth)
}

const maxRenderDepth = 1024

func (r *renderer) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, depth+1)
	}
}

// text adds s, collapsing every run of white space into one space.
func (r *renderer) text(s string) {
	for len(s) > 0 {
		c, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case isSpace(c):
			r.space = r.cur.Len() > 0
		case dropped(c):
		default:
			if r.space {
				r.cur.WriteByte(' ')
				r.space = false
			}
			if c == utf8.RuneError && size == 1 {
				c = '\uFFFD'
			}
			r.cur.WriteRune(c)
		}
	}
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	if p := strings.TrimSpace(r.cur.String()); p != "" {
		r.paras = append(r.paras, p)
	}
	r.cur.Reset()
	r.space = false
}

// isSpace reports white space, the no-break spaces included.
func isSpace(c rune) bool {
	return unicode.IsSpace(c) || c == '\u00a0' || c == '\u202f' || c == '\u2007' || unicode.Is(unicode.Zs, c)
}

// dropped reports characters that carry nothing for a reader: controls,
// zero-width characters, byte-order marks, soft hyphens.
func dropped(c rune) bool {
	switch c {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return unicode.IsControl(c)
}

// skipped reports elements whose content is never reader text.
func skipped(tag atom.Atom, attrs []html.Attribute) bool {
	switch tag {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
		atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas,
		atom.Audio, atom.Video, atom.Select, atom.Option, atom.Button,
		atom.Input, atom.Textarea, atom.Form, atom.Map:
		return true
	}
	for _, a := range attrs {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

// block reports elements that start and end a paragraph.
func block(tag atom.Atom) bool {
	switch tag {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Table, atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption,
		atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer,
		atom.Nav, atom.Main, atom.Figure, atom.Figcaption, atom.Address,
		atom.Details, atom.Summary, atom.Fieldset, atom.Legend, atom.Center,
		atom.Body, atom.Html:
		return true
	}
	return false
}

// textContent is the text of every text node under n, as written.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// tidy joins paragraphs with one blank line between them and makes sure
// the text is valid UTF-8. It drops empty paragraphs and a first paragraph
// that repeats the title (the headline is the title, not the body).
func tidy(paras []string, title string) string {
	out := paras[:0:0]
	for i, p := range paras {
		p = strings.ToValidUTF8(strings.TrimSpace(p), "\uFFFD")
		switch {
		case p == "":
		case i == 0 && title != "" && sameText(p, title):
		default:
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// sameText reports whether a and b are the same words, ignoring case,
// punctuation and spacing.
func sameText(a, b string) bool {
	f := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r)
		}), " ")
	}
	return f(a) == f(b)
}
