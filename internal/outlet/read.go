package outlet

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/parallax-news/parallax"
)

// Limits on a table: a table of every outlet in the world fits well
// inside them; they bound a hostile or mistaken file.
const (
	// MaxBytes is the largest table read.
	MaxBytes = 8 << 20
	// MaxProfiles is the largest number of profiles kept.
	MaxProfiles = 50000
	// MaxField is the longest value of a field, in bytes.
	MaxField = 300
	// MaxItems is the largest number of domains or labels of a profile.
	MaxItems = 100
)

// Columns is the CSV header.
var Columns = []string{"name", "domains", "country", "ownership", "labels"}

// A Problem is a row of a table that was skipped or read in part.
type Problem struct {
	// File is the table's name as given to Read.
	File string
	// Line is the line of the row (of its first character, in JSON).
	Line int
	// Field is the field at fault, or "" for the whole row.
	Field string
	// Reason says what is wrong.
	Reason string
}

func (p Problem) Error() string {
	if p.Field == "" {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Field, p.Reason)
}

// Load reads the table in the file at path (see Read).
func Load(path string) ([]parallax.OutletProfile, []Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("outlets: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads a table of profiles, CSV or JSON (a JSON table starts with
// "["), named name in messages. Rows that cannot be used are reported as
// problems and skipped: no name, a domain that is not a host name or is a
// public suffix ("co.uk"), a field too long or holding control
// characters, a name or a domain already given by an earlier row (the
// duplicate domain alone is dropped). The error is for a table that cannot
// be read at all: over MaxBytes, not UTF-8, a CSV header without the
// name column, JSON that does not parse as a list.
func Read(r io.Reader, name string) ([]parallax.OutletProfile, []Problem, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("outlets: %s: %w", name, err)
	}
	if len(b) > MaxBytes {
		return nil, nil, fmt.Errorf("outlets: %s: larger than %d bytes", name, MaxBytes)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return nil, nil, fmt.Errorf("outlets: %s: not UTF-8 text", name)
	}
	rd := &reader{file: name, names: map[string]int{}, domains: map[string]int{}}
	if t := bytes.TrimLeftFunc(b, unicode.IsSpace); len(t) > 0 && t[0] == '[' {
		err = rd.json(b)
	} else {
		err = rd.csv(b)
	}
	if err != nil {
		return nil, rd.problems, err
	}
	return rd.out, rd.problems, nil
}

type reader struct {
	file     string
	out      []parallax.OutletProfile
	problems []Problem
	names    map[string]int // name key -> line
	domains  map[string]int // domain -> line
}

func (rd *reader) problem(line int, field, format string, args ...any) {
	rd.problems = append(rd.problems, Problem{File: rd.file, Line: line, Field: field, Reason: fmt.Sprintf(format, args...)})
}

// csv reads a CSV table.
func (rd *reader) csv(b []byte) error {
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("outlets: %s: empty table (want the header %s)", rd.file, strings.Join(Columns, ","))
		}
		return fmt.Errorf("outlets: %s: header: %w", rd.file, err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case !isColumn(h):
			rd.problem(1, h, "unknown column, ignored (the columns are %s)", strings.Join(Columns, ","))
		case col[h] > 0:
			rd.problem(1, h, "column given twice; the first is read")
		default:
			col[h] = i + 1
		}
	}
	if col["name"] == 0 {
		return fmt.Errorf("outlets: %s:1: header: no name column (want %s)", rd.file, strings.Join(Columns, ","))
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				rd.problem(pe.StartLine, "", "%v", pe.Err)
				continue
			}
			return fmt.Errorf("outlets: %s: %w", rd.file, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) > len(head) {
			rd.problem(line, "", "%d fields, the header has %d; the extra ones are ignored", len(rec), len(head))
		}
		field := func(c string) string {
			if i := col[c]; i > 0 && i <= len(rec) {
				return rec[i-1]
			}
			return ""
		}
		if !rd.add(line, field("name"), splitList(field("domains")), field("country"), field("ownership"), splitList(field("labels"))) {
			return nil
		}
	}
}

func isColumn(h string) bool {
	for _, c := range Columns {
		if c == h {
			return true
		}
	}
	return false
}

// splitList splits a ";"-separated field.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// jsonProfile is a profile as a JSON table writes it.
type jsonProfile struct {
	Name      string   `json:"name"`
	Domains   []string `json:"domains"`
	Country   string   `json:"country"`
	Ownership string   `json:"ownership"`
	Labels    []string `json:"labels"`
}

// json reads a JSON table.
func (rd *reader) json(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	lineAt := func(off int64) int { return 1 + bytes.Count(b[:max(0, min(int(off), len(b)))], []byte("\n")) }
	fail := func(err error) error {
		off := dec.InputOffset()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		} else if errors.Is(err, io.ErrUnexpectedEOF) {
			off = int64(len(b))
		}
		return fmt.Errorf("outlets: %s:%d: %s", rd.file, lineAt(off), cleanJSONError(err))
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	for dec.More() {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(err)
		}
		// The offset before Decode is before the comma and the spaces
		// that separate elements: the element starts after them.
		off := int(start)
		for off < len(b) && (b[off] == ',' || b[off] == ' ' || b[off] == '\n' || b[off] == '\r' || b[off] == '\t') {
			off++
		}
		line := lineAt(int64(off))
		var p jsonProfile
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&p); err != nil {
			// Read it again leniently: an unknown key is reported, the
			// rest kept.
			var ute *json.UnmarshalTypeError
			if errors.As(err, &ute) || json.Unmarshal(raw, &p) != nil {
				f := ""
				if ute != nil {
					f = ute.Field
				}
				rd.problem(line, f, "%v", cleanJSONError(err))
				continue
			}
			rd.problem(line, "", "%v (ignored)", cleanJSONError(err))
		}
		if !rd.add(line, p.Name, p.Domains, p.Country, p.Ownership, p.Labels) {
			return nil
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	return nil
}

func cleanJSONError(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// add checks one row and keeps it; it returns false when the table is full.
func (rd *reader) add(line int, name string, domains []string, country, ownership string, labels []string) bool {
	if len(rd.out) >= MaxProfiles {
		rd.problem(line, "", "more than %d profiles; the rest of the table is ignored", MaxProfiles)
		return false
	}
	p := parallax.OutletProfile{}
	var ok bool
	if p.Name, ok = rd.text(line, "name", name); !ok {
		return true
	}
	if p.Name == "" {
		rd.problem(line, "name", "empty; the row is skipped")
		return true
	}
	if p.Country, ok = rd.text(line, "country", country); !ok {
		return true
	}
	if p.Ownership, ok = rd.text(line, "ownership", ownership); !ok {
		return true
	}
	if len(domains) > MaxItems || len(labels) > MaxItems {
		rd.problem(line, "", "more than %d domains or labels; the row is skipped", MaxItems)
		return true
	}
	for _, l := range labels {
		l, ok := rd.text(line, "labels", l)
		if !ok {
			return true
		}
		if l != "" {
			p.Labels = append(p.Labels, l)
		}
	}
	key := nameKey(p.Name)
	if first, dup := rd.names[key]; dup {
		rd.problem(line, "name", "%q is already the name of the outlet of line %d; the row is skipped", p.Name, first)
		return true
	}
	seen := map[string]bool{}
	for _, d := range domains {
		h, err := Domain(d)
		if err != nil {
			rd.problem(line, "domains", "%v; the domain is skipped", err)
			continue
		}
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		if first, dup := rd.domains[h]; dup {
			rd.problem(line, "domains", "%s is already a domain of the outlet of line %d; it is skipped here", h, first)
			continue
		}
		rd.domains[h] = line
		p.Domains = append(p.Domains, h)
	}
	if p.Domains == nil {
		p.Domains = []string{}
	}
	rd.names[key] = line
	rd.out = append(rd.out, p)
	return true
}

// text checks a text field: trimmed, single-spaced, no longer than
// MaxField, no control characters.
func (rd *reader) text(line int, field, s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > MaxField {
		rd.problem(line, field, "longer than %d bytes; the row is skipped", MaxField)
		return "", false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError {
			rd.problem(line, field, "holds a control character; the row is skipped")
			return "", false
		}
	}
	return s, true
}

// Domain returns the canonical form of a domain as a table may give it:
// lower case, ASCII (an international name in its xn-- form), without a
// scheme, path, port, "www." or trailing dot ("https://www.BBC.com/news"
// gives "bbc.com"). It is an error for a value that is not a host name
// with at least two labels, or that is a public suffix such as "co.uk",
// under which every outlet would fall. "" gives "".
func Domain(s string) (string, error) {
	h := strings.ToLower(strings.TrimSpace(s))
	if h == "" {
		return "", nil
	}
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, ".")
	h = strings.TrimPrefix(h, "www.")
	if len(h) > 253 {
		return "", fmt.Errorf("%.40q… is too long for a host name", s)
	}
	a, err := idna.Lookup.ToASCII(h)
	if err != nil || a == "" {
		return "", fmt.Errorf("%q is not a host name", s)
	}
	for _, c := range a {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return "", fmt.Errorf("%q is not a host name", s)
		}
	}
	labels := strings.Split(a, ".")
	if len(labels) < 2 {
		return "", fmt.Errorf("%q is not a host name with a domain", s)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "", fmt.Errorf("%q is not a host name", s)
		}
	}
	if ps, _ := publicsuffix.PublicSuffix(a); ps == a {
		return "", fmt.Errorf("%q is a public suffix, shared by unrelated sites", s)
	}
	return a, nil
}
