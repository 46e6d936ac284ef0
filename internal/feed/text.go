package feed

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText turns an entry's HTML content or summary into plain text:
// block elements and line breaks end paragraphs, which are separated by
// blank lines; entities are decoded and runs of white space collapsed;
// scripts, styles, embedded frames and figure captions are dropped.
func PlainText(s string) string {
	if !strings.Contains(s, "<") {
		s = strings.ReplaceAll(html.UnescapeString(s), "\r\n", "\n")
		return paragraphs(strings.Split(s, "\n\n"))
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var paras []string
	var para strings.Builder
	flush := func() {
		if para.Len() > 0 {
			paras = append(paras, para.String())
			para.Reset()
		}
	}
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return paragraphs(paras)
		case html.TextToken:
			if skip == 0 {
				para.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
				atom.Iframe, atom.Object, atom.Figcaption, atom.Select, atom.Button:
				switch {
				case tt == html.StartTagToken:
					skip++
				case tt == html.EndTagToken && skip > 0:
					skip--
				}
			case atom.Br, atom.Hr, atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
				atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre,
				atom.Table, atom.Tr, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside,
				atom.Figure, atom.Main, atom.Nav, atom.Address:
				flush()
			case atom.Td, atom.Th, atom.Img:
				para.WriteByte(' ')
			}
		}
	}
}

// paragraphs collapses the white space inside each paragraph and joins
// the non-empty ones with blank lines.
func paragraphs(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for i, w := range f {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// plainLine reads a title or a name: tags removed when it holds any, white
// space collapsed to single spaces.
func plainLine(s string) string {
	if strings.Contains(s, "<") {
		s = PlainText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}
