// Package render writes a parallax.Brief for people and programs: Markdown
// for a terminal, JSON for programs, and one standalone HTML page.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

// Formats lists the output formats by name.
var Formats = []string{"markdown", "json", "html"}

// Write writes b in the named format. sources holds the articles the brief
// was made from, by ID; the HTML page embeds their text so a citation can
// show the cited words.
func Write(w io.Writer, format string, b *parallax.Brief, articles []parallax.Article) error {
	switch format {
	case "markdown", "md", "":
		return Markdown(w, b)
	case "json":
		return JSON(w, b)
	case "html":
		return HTML(w, b, articles)
	}
	return fmt.Errorf("render: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// JSON writes b as indented JSON.
func JSON(w io.Writer, b *parallax.Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// Markdown writes b as Markdown that also reads well as plain text in a
// terminal. Citations are numbers in brackets that refer to the numbered
// list of sources.
func Markdown(w io.Writer, b *parallax.Brief) error {
	var sb strings.Builder
	num := make(map[string]int, len(b.Sources))
	for i, s := range b.Sources {
		num[s.ID] = i + 1
	}
	cite := func(ids []string) string {
		var parts []string
		for _, id := range ids {
			parts = append(parts, fmt.Sprintf("[%d]", num[id]))
		}
		return strings.Join(parts, "")
	}
	title := b.Title
	if title == "" {
		title = "Brief"
	}
	fmt.Fprintf(&sb, "# %s\n\n", oneLine(title))

	sb.WriteString("## Summary\n\n")
	if len(b.Summary) == 0 {
		sb.WriteString("No sentence could be chosen for a summary.\n")
	}
	for _, st := range b.Summary {
		fmt.Fprintf(&sb, "%s %s\n", oneLine(st.Text), cite(st.Sources))
	}

	if len(b.Sources) > 1 {
		sb.WriteString("\n## Agreed by all outlets\n\n")
		if len(b.Agreed) == 0 {
			sb.WriteString("Nothing is reported by every outlet.\n")
		}
		for _, st := range b.Agreed {
			fmt.Fprintf(&sb, "- %s %s\n", oneLine(st.Text), cite(st.Sources))
		}

		sb.WriteString("\n## Only in one outlet\n")
		for _, s := range b.Sources {
			list := b.Exclusive[s.ID]
			if len(list) == 0 {
				continue
			}
			fmt.Fprintf(&sb, "\n### [%d] %s\n\n", num[s.ID], oneLine(s.Outlet))
			for _, st := range list {
				fmt.Fprintf(&sb, "- %s\n", oneLine(st.Text))
			}
		}

		sb.WriteString("\n## Conflicts\n\n")
		if len(b.Conflicts) == 0 {
			sb.WriteString("No conflicting numbers, dates, names or claims were found.\n")
		}
		for _, c := range b.Conflicts {
			fmt.Fprintf(&sb, "- %s:\n", c.Kind)
			for _, side := range c.Sides {
				fmt.Fprintf(&sb, "  - %s %s: %s\n", oneLine(side.Value), cite(side.Statement.Sources), oneLine(side.Statement.Text))
			}
		}
	}

	sb.WriteString("\n## Quotes\n\n")
	if len(b.Quotes) == 0 {
		sb.WriteString("No attributed quotation was found.\n")
	}
	for _, q := range b.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		var carried []string
		for i, id := range q.Sources {
			form := ""
			if i < len(q.Forms) && q.Forms[i] != "verbatim" {
				form = " " + q.Forms[i]
			}
			carried = append(carried, fmt.Sprintf("[%d]%s", num[id], form))
		}
		fmt.Fprintf(&sb, "- **%s**: \"%s\" %s\n", oneLine(speaker), strings.Trim(oneLine(q.Text), `"“”`), strings.Join(carried, ", "))
	}

	sb.WriteString("\n## Sources\n\n")
	for i, s := range b.Sources {
		line := fmt.Sprintf("%d. %s", i+1, oneLine(s.Outlet))
		var extra []string
		if s.Title != "" {
			extra = append(extra, "\""+oneLine(s.Title)+"\"")
		}
		if s.Published != "" {
			extra = append(extra, s.Published)
		}
		if s.URL != "" {
			extra = append(extra, s.URL)
		}
		if s.ID != s.Outlet {
			extra = append(extra, "id "+s.ID)
		}
		if len(extra) > 0 {
			line += " - " + strings.Join(extra, ", ")
		}
		sb.WriteString(line + "\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// oneLine collapses runs of white space, line breaks included, to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sortedIDs returns the keys of m in order.
func sortedIDs[V any](m map[string]V) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
