package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/render"
)

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func runBrief(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("brief", flag.ContinueOnError)
	fs.SetOutput(stderr)
	words := fs.Int("words", brief.DefaultWords, "summary word budget")
	format := fs.String("format", "markdown", "output format: markdown, json or html")
	evidence := fs.Bool("evidence", false, "markdown: print under each statement the words of every cited outlet")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private, loopback and link-local addresses")
	stories := fs.Bool("stories", false, "brief every story among the inputs, largest first")
	minSources := fs.Int("min-sources", 2, "with --stories, brief only stories of at least N articles")
	var outlets stringList
	fs.Var(&outlets, "outlet", "outlet of the next input file (repeatable)")
	outletTable := fs.String("outlets", "", "outlet profiles, CSV or JSON (name, domains, country, ownership, labels); default: the starter table of feeds/outlets.csv")
	var output string
	fs.StringVar(&output, "output", "", "write to this file instead of standard output")
	fs.StringVar(&output, "o", "", "short for --output")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return &usageError{"brief: no input given"}
	}
	if *words < 1 {
		return &usageError{fmt.Sprintf("brief: --words must be at least 1, not %d", *words)}
	}
	if !slices.Contains(render.Formats, *format) {
		return &usageError{fmt.Sprintf("brief: unknown --format %q (want markdown, json or html)", *format)}
	}
	if *minSources < 1 {
		return &usageError{fmt.Sprintf("brief: --min-sources must be at least 1, not %d", *minSources)}
	}
	if *stories && *format == "html" && output == "" {
		return &usageError{"brief: --stories --format html writes one page per story: name a directory with -o DIR"}
	}

	profiles, err := loadOutlets(*outletTable, stderr)
	if err != nil {
		return err
	}
	articles, problems := ingest.Read(ctx, inputs, ingest.Options{Outlets: outlets, Stdin: stdin, Fetch: newFetcher(*allowPrivate)})
	for _, p := range problems {
		fmt.Fprintf(stderr, "parallax: skipped %v\n", p)
	}
	if len(articles) == 0 {
		return errors.New("brief: no article could be read")
	}
	opts := brief.Options{Words: *words, Outlets: profiles}
	ropts := render.Options{Evidence: *evidence}
	if *stories {
		err = briefStories(ctx, articles, opts, *format, ropts, output, *minSources, stdout, stderr)
	} else {
		articles = largestStory(articles, stderr)
		var b *parallax.Brief
		if b, err = brief.Build(ctx, articles, opts); err != nil {
			return err
		}
		err = writeTo(output, stdout, func(w io.Writer) error {
			return render.WriteOptions(w, *format, b, articles, ropts)
		})
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "parallax: %d of %d inputs skipped\n", len(problems), len(problems)+len(articles))
		return errPartial
	}
	return nil
}

// largestStory returns the articles to brief when the inputs are meant to
// be one story. When they form several stories of two or more articles,
// it says so and keeps the largest. (When they form one story and some
// articles of no story, all are kept: the brief sets apart those that
// share nothing with the rest.)
func largestStory(articles []parallax.Article, stderr io.Writer) []parallax.Article {
	if len(articles) < 4 {
		return articles
	}
	// The inputs were given as one story: part only what plainly differs,
	// whatever the time between them.
	found := brief.Stories(articles, brief.StoryOptions{Threshold: brief.SplitThreshold, Window: -1})
	var multi []brief.Found
	for _, f := range found {
		if f.Story.Aside == "" && len(f.Members) >= 2 {
			multi = append(multi, f)
		}
	}
	if len(multi) < 2 {
		return articles
	}
	keep := make(map[int]bool)
	for _, m := range multi[0].Members {
		keep[m] = true
	}
	left := len(articles) - len(keep)
	fmt.Fprintf(stderr, "parallax: the %d articles form %d stories; this is the brief of the largest, %q (%d articles), "+
		"leaving out the %d others; 'parallax stories' lists them, 'parallax brief --stories' briefs each\n",
		len(articles), len(multi), oneLineText(multi[0].Story.Headline), len(multi[0].Members), left)
	kept := make([]parallax.Article, 0, len(keep))
	for i, a := range articles {
		if keep[i] {
			kept = append(kept, a)
		}
	}
	return kept
}

// briefStories briefs every story of at least minSources articles, largest
// first: Markdown briefs one after another, a JSON array of
// {"story","brief"}, or one HTML page per story and an index in the
// directory named by output.
func briefStories(ctx context.Context, articles []parallax.Article, opts brief.Options, format string, ropts render.Options,
	output string, minSources int, stdout, stderr io.Writer) error {
	type storyBrief struct {
		Story parallax.Story  `json:"story"`
		Brief *parallax.Brief `json:"brief"`
		arts  []parallax.Article
	}
	var out []storyBrief
	small := 0
	for _, f := range brief.Stories(articles, brief.StoryOptions{}) {
		if f.Story.Aside != "" || len(f.Members) < minSources {
			small++
			continue
		}
		arts := make([]parallax.Article, len(f.Members))
		for i, m := range f.Members {
			arts[i] = articles[m]
		}
		b, err := brief.Build(ctx, arts, opts)
		if err != nil {
			return fmt.Errorf("brief: story %s: %w", f.Story.ID, err)
		}
		out = append(out, storyBrief{Story: f.Story, Brief: b, arts: arts})
	}
	fmt.Fprintf(stderr, "parallax: %s briefed; %d stories or texts of fewer than %d articles left out ('parallax stories' lists them all)\n",
		plural(len(out), "story", "stories"), small, minSources)
	switch format {
	case "json":
		return writeTo(output, stdout, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			if out == nil {
				out = []storyBrief{}
			}
			return enc.Encode(out)
		})
	case "html":
		if err := os.MkdirAll(output, 0o755); err != nil {
			return err
		}
		for _, sb := range out {
			err := writeTo(filepath.Join(output, sb.Story.ID+".html"), nil, func(w io.Writer) error {
				return render.WriteOptions(w, "html", sb.Brief, sb.arts, ropts)
			})
			if err != nil {
				return err
			}
		}
		return writeTo(filepath.Join(output, "index.html"), nil, func(w io.Writer) error {
			var entries []render.IndexEntry
			for _, sb := range out {
				entries = append(entries, render.IndexEntry{Href: sb.Story.ID + ".html", Story: sb.Story})
			}
			return render.Index(w, entries)
		})
	}
	return writeTo(output, stdout, func(w io.Writer) error {
		for i, sb := range out {
			if i > 0 {
				fmt.Fprint(w, "\n---\n\n")
			}
			fmt.Fprintf(w, "<!-- story %d of %d: %s · %s · %s -->\n\n", i+1, len(out), sb.Story.ID,
				plural(len(sb.Story.Articles), "article", "articles"), plural(sb.Story.Reports, "independent report", "independent reports"))
			if err := render.WriteOptions(w, format, sb.Brief, sb.arts, ropts); err != nil {
				return err
			}
		}
		return nil
	})
}

// loadOutlets reads the outlet table named by --outlets, reporting its bad
// rows on stderr; nil (the built-in starter table) when none is named.
func loadOutlets(path string, stderr io.Writer) ([]parallax.OutletProfile, error) {
	if path == "" {
		return nil, nil
	}
	profiles, problems, err := outlet.Load(path)
	for _, p := range problems {
		fmt.Fprintf(stderr, "parallax: outlets: %v\n", p)
	}
	if err != nil {
		return nil, &usageError{fmt.Sprintf("brief: --outlets: %v", err)}
	}
	if profiles == nil {
		profiles = []parallax.OutletProfile{}
	}
	return profiles, nil
}

// newFetcher returns the HTTP client every command downloads with.
func newFetcher(allowPrivate bool) *fetch.Client {
	return fetch.New(fetch.Options{
		AllowPrivate: allowPrivate,
		UserAgent:    "Parallax/" + version + " (+https://github.com/parallax-news/parallax)",
	})
}
