package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/fetch"
)

const extractUsage = `Usage: parallax extract [flags] FILE.html|URL|-

Extracts the article from one HTML page, saved in FILE.html, downloaded
from an http(s) URL or read from standard input (-), and prints it: its
title, its metadata (URL, outlet, publication time, authors, language, the
extractor that found the body, id), a blank line and its text, paragraphs
separated by blank lines. With
--format json it prints the article record on one line,
{"id","url","outlet","title","published","text",...}, which 'parallax
brief' reads.

The body is found by go-trafilatura, or by readability when trafilatura
finds none. A page in any character encoding is read. A page that is not
HTML (a PDF, an image, JSON, binary data), over 10 MiB, with elements
nested over 512 deep or with over 100,000 elements is an error.

Flags:
  --format F         text (default) or json
  --extractor M      auto (default: trafilatura, readability as the
                     fallback), trafilatura or readability
  --allow-private    allow private, loopback and link-local addresses
                     (intranets, tests); refused by default
`

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, extractUsage) }
	format := fs.String("format", "text", "output format: text or json")
	method := fs.String("extractor", "auto", "auto, trafilatura or readability")
	allowPrivate := fs.Bool("allow-private", false, "allow non-public addresses")
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) != 1 {
		return &usageError{fmt.Sprintf("extract: give one FILE.html or URL, not %d", len(inputs))}
	}
	if *format != "text" && *format != "json" {
		return &usageError{fmt.Sprintf("extract: unknown --format %q (want text or json)", *format)}
	}
	opts := extract.Options{}
	switch *method {
	case "auto":
	case "trafilatura":
		opts.Method = extract.Trafilatura
	case "readability":
		opts.Method = extract.Readability
	default:
		return &usageError{fmt.Sprintf("extract: unknown --extractor %q (want auto, trafilatura or readability)", *method)}
	}
	a, err := extractInput(ctx, inputs[0], stdin, *allowPrivate, opts)
	if err != nil {
		return err
	}
	if *format == "json" {
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return writeArticleText(stdout, a)
}

// extractInput extracts the article of one input: a URL, downloaded with
// the safe client, or a file.
func extractInput(ctx context.Context, in string, stdin io.Reader, allowPrivate bool, opts extract.Options) (*extract.Article, error) {
	lower := strings.ToLower(in)
	if in == "-" {
		page, err := io.ReadAll(io.LimitReader(stdin, extract.DefaultMaxBytes+1))
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return extract.HTML(ctx, page, "", "standard input", opts)
	}
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		resp, err := newFetcher(allowPrivate).Get(ctx, fetch.Request{URL: in})
		if err != nil {
			return nil, err
		}
		return extract.HTML(ctx, resp.Body, resp.Header.Get("Content-Type"), resp.URL, opts)
	}
	page, err := readLimited(in, extract.DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	return extract.HTML(ctx, page, "", in, opts)
}

// readLimited reads the file at path, refusing one over limit bytes
// without reading it whole.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an HTML file", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: %w: over the limit of %d bytes", path, extract.ErrTooLarge, limit)
	}
	return b, nil
}

// writeArticleText prints an article for reading: the title, one line per
// known field, a blank line and the text.
func writeArticleText(w io.Writer, a *extract.Article) error {
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = "(no title)"
	}
	b.WriteString(title + "\n")
	for _, f := range []struct{ name, value string }{
		{"URL", a.URL},
		{"Outlet", a.Outlet},
		{"Published", a.Published},
		{"Authors", strings.Join(a.Authors, ", ")},
		{"Language", a.Language},
		{"Extractor", a.Extractor},
		{"ID", a.ID},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, "%s: %s\n", f.name, f.value)
		}
	}
	b.WriteString("\n" + a.Text + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
