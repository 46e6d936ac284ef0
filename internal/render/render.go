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
	return WriteOptions(w, format, b, articles, Options{})
}

// Options tune the output.
type Options struct {
	// Evidence makes the Markdown output print, under each summary item,
	// agreed item and conflict side, the words of every cited outlet that
	// support it (the statement's evidence spans, read from articles), so
	// a reader can check each citation.
	Evidence bool
}

// WriteOptions is Write with options.
func WriteOptions(w io.Writer, format string, b *parallax.Brief, articles []parallax.Article, opts Options) error {
	switch format {
	case "markdown", "md", "":
		if opts.Evidence {
			return MarkdownEvidence(w, b, articles)
		}
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
	return markdown(w, b, nil)
}

// MarkdownEvidence writes b as Markdown with, indented under each summary
// item, agreed item and conflict side, one line per cited outlet: its
// number, its name and the words of its article that support the
// statement. articles holds the articles the brief was made from.
func MarkdownEvidence(w io.Writer, b *parallax.Brief, articles []parallax.Article) error {
	texts := make(map[string]string, len(articles))
	for _, a := range articles {
		texts[a.ID] = a.Text
	}
	return markdown(w, b, texts)
}

// markdown writes b; with texts (article text by ID) it prints each
// statement's evidence.
func markdown(w io.Writer, b *parallax.Brief, texts map[string]string) error {
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
	outlet := make(map[string]string, len(b.Sources))
	for _, s := range b.Sources {
		outlet[s.ID] = s.Outlet
	}
	// evidence prints, indented, the words of each cited outlet.
	evidence := func(indent string, st parallax.Statement) {
		if texts == nil {
			return
		}
		for i, sp := range st.Evidence {
			name := outlet[sp.Source]
			if name == "" {
				name = sp.Source
			}
			words := "(the article's text is not at hand)"
			if t, ok := texts[sp.Source]; ok && 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(t) {
				words = oneLine(t[sp.Start:sp.End])
			}
			if i == 0 && words == oneLine(st.Text) {
				words = "(the sentence above)"
			}
			fmt.Fprintf(&sb, "%s- [%d] %s: %s\n", indent, num[sp.Source], oneLine(name), words)
		}
	}
	title := b.Title
	if title == "" {
		title = "Brief"
	}
	fmt.Fprintf(&sb, "# %s\n\n", oneLine(title))
	if counts := reportCount(b); counts != "" {
		fmt.Fprintf(&sb, "%s.%s\n\n", counts, strings.Join(append([]string{""}, copyNotes(b)...), " "))
	}

	sb.WriteString("## Summary\n\n")
	if len(b.Summary) == 0 {
		sb.WriteString("No sentence could be chosen for a summary.\n")
	}
	for i, st := range b.Summary {
		if texts != nil && i > 0 {
			sb.WriteString("\n") // each item its own paragraph, its evidence a list
		}
		fmt.Fprintf(&sb, "%s %s%s\n", oneLine(st.Text), cite(st.Sources), carriedNote(st))
		evidence("  ", st)
	}

	if len(b.Sources) > 1 {
		sb.WriteString("\n## Agreed by all outlets\n\n")
		if len(b.Agreed) == 0 {
			sb.WriteString("Nothing is reported by every outlet.\n")
		}
		for _, st := range b.Agreed {
			fmt.Fprintf(&sb, "- %s %s%s\n", oneLine(st.Text), cite(st.Sources), carriedNote(st))
			evidence("  ", st)
		}

		sb.WriteString("\n## Only in one outlet\n")
		for _, s := range b.Sources {
			list := b.Exclusive[s.ID]
			if len(list) == 0 {
				continue
			}
			fmt.Fprintf(&sb, "\n### [%d] %s\n\n", num[s.ID], oneLine(s.Outlet))
			for _, st := range list {
				fmt.Fprintf(&sb, "- %s%s\n", oneLine(st.Text), carriedNote(st))
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
				evidence("    ", side.Statement)
			}
		}
	}

	writeTimeline(&sb, b, cite, evidence)
	writePeople(&sb, b, cite)
	writeQuotes(&sb, b, num)

	writeFraming(&sb, b, num, cite)

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
		if s.SetAside != "" {
			line += " (set aside: " + s.SetAside + ")"
		}
		sb.WriteString(line + "\n")
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// reportCount says how many outlets (sources not set aside) and
// independent reports the brief counts, as "3 outlets, 2 independent
// reports"; "" for a brief of one source or one that does not count them.
func reportCount(b *parallax.Brief) string {
	n, sources := outletCount(b)
	if sources < 2 || b.Reports < 1 {
		return ""
	}
	return fmt.Sprintf("%d %s, %d independent %s", n, plural(n, "outlet"), b.Reports, plural(b.Reports, "report"))
}

// copyNotes says, for each copy group, which sources copy which and how
// closely: "[2] Post copies [3] Wire: 88% of its words are in [3]."
func copyNotes(b *parallax.Brief) []string {
	num := make(map[string]int, len(b.Sources))
	name := make(map[string]string, len(b.Sources))
	for i, s := range b.Sources {
		num[s.ID], name[s.ID] = i+1, oneLine(s.Outlet)
		if name[s.ID] == "" {
			name[s.ID] = s.ID
		}
	}
	label := func(id string) string { return fmt.Sprintf("[%d] %s", num[id], name[id]) }
	var out []string
	for _, g := range b.Copies {
		if len(g.Sources) < 2 {
			continue
		}
		first, copies := g.Sources[0], g.Sources[1:]
		var who, shares []string
		for i, id := range copies {
			who = append(who, label(id))
			if i < len(g.Shared) {
				shares = append(shares, fmt.Sprintf("%.0f%%", 100*g.Shared[i]))
			}
		}
		verb, their := "copies", "its"
		if len(copies) > 1 {
			verb, their = "copy", "their"
		}
		note := fmt.Sprintf("%s %s %s", andList(who), verb, label(first))
		if len(shares) == len(copies) {
			note += fmt.Sprintf(": %s of %s words are in [%d]", andList(shares), their, num[first])
		}
		out = append(out, note+".")
	}
	return out
}

// andList joins items as "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
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

// outletCount returns the number of distinct outlets among the sources not
// set aside, and the number of those sources.
func outletCount(b *parallax.Brief) (outlets, sources int) {
	seen := make(map[string]bool)
	for _, s := range b.Sources {
		if s.SetAside != "" {
			continue
		}
		sources++
		name := s.Outlet
		if name == "" {
			name = s.ID
		}
		if !seen[name] {
			seen[name] = true
			outlets++
		}
	}
	return outlets, sources
}
