package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/ingest"
)

const storiesUsage = `Usage: parallax stories [flags] INPUT...

Groups the articles of the inputs (those of 'parallax brief': files, saved
pages, directories, JSONL records such as 'parallax fetch' writes, URLs)
into stories, the way a reader would, and prints each story: its id, its
headline (the most representative title), its articles, outlets and
independent reports (copies of one wire report count once), its time span,
and its articles. Stories come ranked by independent reports, then size,
then recency. Texts that are not articles (archive notices, cookie and
sign-up prompts, captions) are listed apart at the end.

Articles are taken in publication order (undated ones after, in input
order); a story stops taking articles 7 days of publication time after its
latest one. 'parallax brief --stories' briefs each story.

Flags:
  --format F         markdown (default) or json
  --allow-private    let URLs reach private, loopback and link-local
                     addresses (refused by default)
  -o, --output FILE  write to FILE instead of standard output
`

func runStories(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, storiesUsage) }
	format := fs.String("format", "markdown", "markdown or json")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private addresses")
	var output string
	fs.StringVar(&output, "output", "", "write to this file instead of standard output")
	fs.StringVar(&output, "o", "", "short for --output")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return &usageError{"stories: no input given"}
	}
	if *format != "markdown" && *format != "json" {
		return &usageError{fmt.Sprintf("stories: unknown --format %q (want markdown or json)", *format)}
	}
	articles, problems := ingest.Read(ctx, inputs, ingest.Options{Stdin: stdin, Fetch: newFetcher(*allowPrivate)})
	for _, p := range problems {
		fmt.Fprintf(stderr, "parallax: skipped %v\n", p)
	}
	if len(articles) == 0 {
		return errors.New("stories: no article could be read")
	}
	found := brief.Stories(articles, brief.StoryOptions{})
	err = writeTo(output, stdout, func(w io.Writer) error {
		if *format == "json" {
			return writeStoriesJSON(w, found)
		}
		return writeStoriesMarkdown(w, found, len(articles))
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "parallax: %d of %d inputs skipped\n", len(problems), len(problems)+len(articles))
		return errPartial
	}
	return nil
}

// writeTo runs write on a buffered writer to the file named by output, or
// to stdout when output is empty, and reports the first error.
func writeTo(output string, stdout io.Writer, write func(io.Writer) error) error {
	w := stdout
	var f *os.File
	if output != "" {
		var err error
		if f, err = os.Create(output); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriter(w)
	err := write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func writeStoriesJSON(w io.Writer, found []brief.Found) error {
	stories := make([]parallax.Story, len(found))
	for i, f := range found {
		stories[i] = f.Story
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(stories)
}

func writeStoriesMarkdown(w io.Writer, found []brief.Found, articles int) error {
	var stories, aside []parallax.Story
	for _, f := range found {
		if f.Story.Aside != "" {
			aside = append(aside, f.Story)
		} else {
			stories = append(stories, f.Story)
		}
	}
	fmt.Fprintf(w, "# %s from %s\n", plural(len(stories), "story", "stories"), plural(articles, "article", "articles"))
	for i, s := range stories {
		head := oneLineText(s.Headline)
		if head == "" {
			head = "(untitled)"
		}
		fmt.Fprintf(w, "\n## %d. %s\n\n", i+1, head)
		facts := []string{
			"id " + s.ID,
			plural(len(s.Articles), "article", "articles"),
			plural(len(s.Outlets), "outlet", "outlets"),
			plural(s.Reports, "independent report", "independent reports"),
		}
		if span := timeSpan(s.First, s.Last); span != "" {
			facts = append(facts, span)
		}
		fmt.Fprintf(w, "%s\n\n", strings.Join(facts, " · "))
		if len(s.Outlets) > 0 {
			fmt.Fprintf(w, "Outlets: %s\n\n", strings.Join(s.Outlets, ", "))
		}
		copyOf := make(map[string]string)
		for _, c := range s.Copies {
			for _, id := range c.Sources[1:] {
				copyOf[id] = c.Sources[0]
			}
		}
		for _, a := range s.Articles {
			fmt.Fprintf(w, "- %s\n", articleLine(a, copyOf[a.ID]))
		}
	}
	if len(aside) > 0 {
		fmt.Fprintf(w, "\n## Set apart: not articles (%d)\n\n", len(aside))
		for _, s := range aside {
			fmt.Fprintf(w, "- %s: %s\n", articleLine(s.Articles[0], ""), s.Aside)
		}
	}
	return nil
}

// articleLine describes one article on one line: id, outlet, title, date,
// URL, and the article it copies, if any.
func articleLine(a parallax.Source, copies string) string {
	var b strings.Builder
	b.WriteString(a.ID)
	if a.Outlet != "" && a.Outlet != a.ID {
		b.WriteString(" " + a.Outlet)
	}
	if t := oneLineText(a.Title); t != "" {
		fmt.Fprintf(&b, " %q", t)
	}
	if a.Published != "" {
		b.WriteString(", " + a.Published)
	}
	if a.URL != "" {
		b.WriteString(", " + a.URL)
	}
	if copies != "" {
		b.WriteString(" (a copy of " + copies + ")")
	}
	return b.String()
}

func timeSpan(first, last time.Time) string {
	switch {
	case first.IsZero():
		return ""
	case first.Equal(last):
		return first.UTC().Format("2006-01-02 15:04")
	}
	return first.UTC().Format("2006-01-02 15:04") + " to " + last.UTC().Format("2006-01-02 15:04")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLineText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		cut := strings.LastIndexByte(s[:160], ' ')
		if cut < 80 {
			cut = 160
		}
		for cut > 0 && cut < len(s) && s[cut]&0xc0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
