package render

import (
	"html/template"
	"io"
	"time"

	"github.com/parallax-news/parallax"
)

// An IndexEntry is one story on an index page: the story and the address
// of its brief.
type IndexEntry struct {
	Href  string
	Story parallax.Story
}

var indexPage = template.Must(template.New("index").Funcs(template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	},
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parallax: {{len .}} stories</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
li { margin: 0 0 1rem; }
.meta { color: #555; font-size: 0.9rem; }
</style>
</head>
<body>
<h1>{{len .}} stories</h1>
<ol>
{{- range .}}
<li><a href="{{.Href}}">{{with .Story.Headline}}{{.}}{{else}}(untitled){{end}}</a>
<div class="meta">{{len .Story.Articles}} articles · {{len .Story.Outlets}} outlets · {{.Story.Reports}} independent reports{{with day .Story.First}} · {{.}}{{end}}{{with day .Story.Last}} to {{.}}{{end}}</div>
<div class="meta">{{range $i, $o := .Story.Outlets}}{{if $i}}, {{end}}{{$o}}{{end}}</div></li>
{{- end}}
</ol>
</body>
</html>
`))

// Index writes a standalone HTML page listing stories, each linking to its
// brief.
func Index(w io.Writer, entries []IndexEntry) error {
	if entries == nil {
		entries = []IndexEntry{}
	}
	return indexPage.Execute(w, entries)
}
