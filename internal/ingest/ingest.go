// Package ingest reads articles from the inputs a user names: plain text
// files, saved web pages, directories of them, JSONL (or JSON) article
// records, standard input, and links to pages on the web. It checks every input against size and sanity limits and reports
// each bad one as a Problem, so one bad input never stops the rest.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/fetch"
)

// Limits bound what one input may hold.
type Limits struct {
	// MaxBytes is the largest article text accepted, in bytes.
	MaxBytes int64
	// MaxParagraphWords is the longest paragraph accepted, in words; a
	// longer run of text without a line break is not article prose.
	MaxParagraphWords int
	// MaxRecordsBytes is the largest JSONL or JSON file accepted.
	MaxRecordsBytes int64
}

// DefaultLimits are generous for news articles and small enough to keep a
// brief fast and bounded.
var DefaultLimits = Limits{MaxBytes: 2 << 20, MaxParagraphWords: 5000, MaxRecordsBytes: 512 << 20}

// ErrInvalid marks input that cannot be read as an article.
var ErrInvalid = errors.New("invalid input")

// A Problem is an input that was skipped, and why.
type Problem struct {
	// Input names the input: a path, "-" for standard input, or
	// "path:line" for one record of a JSONL file.
	Input string
	Err   error
}

func (p Problem) Error() string { return p.Input + ": " + p.Err.Error() }

// Options control a Read.
type Options struct {
	// Outlets name the outlets of the inputs in order: the n-th names the
	// n-th input file, for articles whose record and URL name none.
	Outlets []string
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Limits bound each input; the zero value means DefaultLimits.
	Limits Limits
	// Fetch downloads the http and https URLs among the inputs; without
	// it a URL is refused.
	Fetch *fetch.Client
	// Concurrency bounds the pages downloaded at once; default 4.
	Concurrency int
}

// Read reads every input and returns the articles found, in input order
// with unique IDs, and a Problem for each input or record skipped.
func Read(ctx context.Context, inputs []string, opts Options) ([]parallax.Article, []Problem) {
	if opts.Limits == (Limits{}) {
		opts.Limits = DefaultLimits
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 4
	}
	r := &reader{ctx: ctx, opts: opts, ids: make(map[string]int)}
	pages := fetchPages(ctx, inputs, opts)
	for i, in := range inputs {
		if p, ok := pages[i]; ok {
			r.page(in, p)
			continue
		}
		if ctx.Err() != nil {
			r.problem(in, ctx.Err())
			continue
		}
		r.input(in)
	}
	return r.articles, r.problems
}

type reader struct {
	ctx      context.Context
	opts     Options
	articles []parallax.Article
	problems []Problem
	files    int // input files seen, for --outlet
	ids      map[string]int
}

func (r *reader) problem(in string, err error) {
	r.problems = append(r.problems, Problem{Input: in, Err: err})
}

func (r *reader) input(in string) {
	switch {
	case in == "-":
		r.stdin()
		return
	case isURL(in):
		r.problem(in, fmt.Errorf("%w: URL not downloaded", ErrInvalid))
		return
	}
	fi, err := os.Stat(in)
	if err != nil {
		r.problem(in, statError(err))
		return
	}
	if !fi.IsDir() {
		r.file(in, fi)
		return
	}
	var files []string
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			r.problem(p, statError(err))
			return nil
		}
		name := d.Name()
		if p != in && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && readable(name) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		r.problem(in, err)
	}
	if len(files) == 0 {
		r.problem(in, fmt.Errorf("%w: directory holds no .txt, .html, .jsonl or .json file", ErrInvalid))
	}
	slices.Sort(files)
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			r.problem(f, statError(err))
			continue
		}
		r.file(f, fi)
	}
}

func statError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: no such file or directory", ErrInvalid)
	}
	return err
}

func readable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

func isRecords(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".json":
		return true
	}
	return false
}

func (r *reader) outlet() string {
	if r.files < len(r.opts.Outlets) {
		return r.opts.Outlets[r.files]
	}
	return ""
}

func (r *reader) file(path string, fi fs.FileInfo) {
	defer func() { r.files++ }()
	limit := r.opts.Limits.MaxBytes
	if isRecords(path) {
		limit = r.opts.Limits.MaxRecordsBytes
	}
	if !fi.Mode().IsRegular() {
		r.problem(path, fmt.Errorf("%w: not a regular file", ErrInvalid))
		return
	}
	if fi.Size() > limit {
		r.problem(path, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrInvalid, fi.Size(), limit))
		return
	}
	f, err := os.Open(path)
	if err != nil {
		r.problem(path, err)
		return
	}
	defer f.Close()
	if isRecords(path) {
		r.records(path, f, limit)
		return
	}
	b, err := readLimited(f, limit)
	if err != nil {
		r.problem(path, err)
		return
	}
	if isHTMLFile(path) {
		r.html(r.ctx, path, b)
		return
	}
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	r.text(path, stem, b)
}

func (r *reader) stdin() {
	defer func() { r.files++ }()
	if r.opts.Stdin == nil {
		r.problem("-", fmt.Errorf("%w: no standard input", ErrInvalid))
		return
	}
	br := bufio.NewReader(r.opts.Stdin)
	// Sniff: a JSON record stream opens with '{' or '['.
	peek, _ := br.Peek(512)
	trimmed := bytes.TrimLeft(peek, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		r.records("-", br, r.opts.Limits.MaxRecordsBytes)
		return
	}
	b, err := readLimited(br, r.opts.Limits.MaxBytes)
	if err != nil {
		r.problem("-", err)
		return
	}
	r.text("-", "stdin", b)
}

func readLimited(rd io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrInvalid, limit)
	}
	return b, nil
}

// text adds one plain-text article.
func (r *reader) text(input, id string, b []byte) {
	if err := r.check(b); err != nil {
		r.problem(input, err)
		return
	}
	outlet := r.outlet()
	if outlet == "" {
		outlet = id
	}
	r.add(parallax.Article{ID: id, Outlet: outlet, Text: string(b)})
}

// check tells why b cannot be an article's text, or returns nil.
func (r *reader) check(b []byte) error {
	if int64(len(b)) > r.opts.Limits.MaxBytes {
		return fmt.Errorf("%w: text of %d bytes, over the limit of %d", ErrInvalid, len(b), r.opts.Limits.MaxBytes)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return fmt.Errorf("%w: empty", ErrInvalid)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w: binary data (NUL byte at offset %d), not text", ErrInvalid, i)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("%w: not valid UTF-8 (first bad byte at offset %d)", ErrInvalid, firstInvalid(b))
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*100 > len(b) {
		return fmt.Errorf("%w: binary data (%d control bytes), not text", ErrInvalid, ctrl)
	}
	if n := longestParagraph(b); n > r.opts.Limits.MaxParagraphWords {
		return fmt.Errorf("%w: a paragraph of %d words, over the limit of %d: not article text", ErrInvalid, n, r.opts.Limits.MaxParagraphWords)
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// longestParagraph returns the most words found between two line breaks.
func longestParagraph(b []byte) int {
	most, words, inWord := 0, 0, false
	for _, c := range b {
		switch c {
		case '\n':
			most = max(most, words)
			words, inWord = 0, false
		case ' ', '\t', '\r', '\f':
			inWord = false
		default:
			if !inWord {
				words++
				inWord = true
			}
		}
	}
	return max(most, words)
}

// record is the JSONL article format.
type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
}

// records reads JSONL records, or one JSON array or object of them.
func (r *reader) records(input string, rd io.Reader, limit int64) {
	stem := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	if input == "-" {
		stem = "stdin"
	}
	outlet := r.outlet()
	br := bufio.NewReader(io.LimitReader(rd, limit+1))
	peek, _ := br.Peek(4096)
	if t := bytes.TrimLeft(peek, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '[' {
		var recs []json.RawMessage
		if err := json.NewDecoder(br).Decode(&recs); err != nil {
			r.problem(input, fmt.Errorf("%w: not a JSON array of articles: %v", ErrInvalid, err))
			return
		}
		for i, raw := range recs {
			r.record(fmt.Sprintf("%s:[%d]", input, i), stem, i+1, raw, outlet)
		}
		return
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), int(r.opts.Limits.MaxBytes)*2+(64<<10))
	line, read := 0, int64(0)
	for sc.Scan() {
		line++
		read += int64(len(sc.Bytes())) + 1
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		r.record(fmt.Sprintf("%s:%d", input, line), stem, line, b, outlet)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line %d is longer than %d bytes", ErrInvalid, line+1, r.opts.Limits.MaxBytes*2)
		}
		r.problem(input, err)
	}
	if read > limit {
		r.problem(input, fmt.Errorf("%w: over the limit of %d bytes; the rest was not read", ErrInvalid, limit))
	}
}

func (r *reader) record(input, stem string, n int, raw []byte, outlet string) {
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		r.problem(input, fmt.Errorf("%w: not a JSON article record: %v", ErrInvalid, err))
		return
	}
	if rec.Text == nil {
		r.problem(input, fmt.Errorf(`%w: record has no "text"`, ErrInvalid))
		return
	}
	b := []byte(*rec.Text)
	if err := r.check(b); err != nil {
		r.problem(input, err)
		return
	}
	a := parallax.Article{URL: rec.URL, Outlet: rec.Outlet, Title: strings.TrimSpace(rec.Title), Text: *rec.Text}
	a.ID = idString(rec.ID)
	if a.ID == "" {
		a.ID = stem + "-" + strconv.Itoa(n)
	}
	if a.Outlet == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
			a.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	if a.Outlet == "" {
		a.Outlet = outlet
	}
	if rec.Published != "" {
		t, err := parseTime(rec.Published)
		if err != nil {
			r.problem(input, fmt.Errorf("%w: published %q is not a date", ErrInvalid, rec.Published))
			return
		}
		a.Published = t
	}
	r.add(a)
}

func idString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(string(raw))
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("unrecognised date")
}

// add appends an article, making its ID unique.
func (r *reader) add(a parallax.Article) {
	base := a.ID
	if n := r.ids[base]; n > 0 {
		for {
			n++
			a.ID = base + "~" + strconv.Itoa(n)
			if r.ids[a.ID] == 0 {
				break
			}
		}
		r.ids[base] = n
	}
	r.ids[a.ID]++
	r.articles = append(r.articles, a)
}
