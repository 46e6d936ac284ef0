package store

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Page sizes.
const (
	// DefaultLimit is the page size of Stories and Search when none is
	// asked for.
	DefaultLimit = 50
	// MaxLimit is the largest page Stories and Search return.
	MaxLimit = 500
	// MaxOffset is the deepest Search offset: deeper pages cost more than
	// they are worth.
	MaxOffset = 10000
	// MaxQuery is the longest full-text query, in bytes.
	MaxQuery = 1000
	// maxTerms bounds the words of a full-text query.
	maxTerms = 32
)

// limitOf returns the page size for an asked limit.
func limitOf(limit int) int {
	switch {
	case limit <= 0:
		return DefaultLimit
	case limit > MaxLimit:
		return MaxLimit
	}
	return limit
}

// checkSearch validates Search's arguments and returns the limit to use.
func checkSearch(query string, limit, offset int) (int, error) {
	if offset < 0 || offset > MaxOffset {
		return 0, fmt.Errorf("%w: search offset %d is outside 0 to %d", ErrInvalid, offset, MaxOffset)
	}
	if err := checkQuery(query); err != nil {
		return 0, err
	}
	return limitOf(limit), nil
}

// checkQuery reports a full-text query too long or not text.
func checkQuery(q string) error {
	if len(q) > MaxQuery {
		return fmt.Errorf("%w: query is %d bytes, over the limit of %d", ErrInvalid, len(q), MaxQuery)
	}
	if !utf8.ValidString(q) || strings.IndexByte(q, 0) >= 0 {
		return fmt.Errorf("%w: query %q is not valid UTF-8 text", ErrInvalid, clip(q))
	}
	return nil
}

// rankKey is the sort key of the story list as one string that sorts
// byte-wise in list order: reports descending, then updated descending,
// then id. Both parts are fixed-width decimal complements.
func rankKey(reports int, updated time.Time, id string) string {
	r := int64(reports)
	r = min(max(r, 0), 9_999_999_999)
	// Microseconds since the year 1, so that every stored time is
	// positive; year 9999 is below 10^18.
	u := updated.UnixMicro() + 62_135_596_800_000_000
	u = min(max(u, 0), 999_999_999_999_999_999)
	return fmt.Sprintf("%010d%018d%s", 9_999_999_999-r, 999_999_999_999_999_999-u, id)
}

// rankKeyLen is the length of rankKey's fixed-width prefix.
const rankKeyLen = 28

// encodeCursor makes the opaque cursor continuing after a story whose
// rank key is key.
func encodeCursor(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key))
}

// decodeCursor returns the rank key in a cursor.
func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) <= rankKeyLen || len(b) > rankKeyLen+MaxID || !utf8.Valid(b) {
		return "", fmt.Errorf("%w: bad cursor %q: not one this store made", ErrInvalid, clip(c))
	}
	for _, d := range b[:rankKeyLen] {
		if d < '0' || d > '9' {
			return "", fmt.Errorf("%w: bad cursor %q: not one this store made", ErrInvalid, clip(c))
		}
	}
	return string(b), nil
}

// A searchQuery is a user's full-text query parsed in the manner of a web
// search box: words (all required), "quoted phrases", OR between two
// items, and a leading - to exclude an item. Only letters and digits
// count: punctuation, operators and quotes of the underlying engines are
// never passed through.
type searchQuery struct {
	// groups are ANDed; the items of a group are ORed. Each item is a
	// phrase: a list of words that must be adjacent.
	groups [][][]string
	// not are excluded phrases.
	not [][]string
}

// empty reports a query with no required word: it matches nothing.
func (q searchQuery) empty() bool { return len(q.groups) == 0 }

// parseSearch parses a full-text query.
func parseSearch(s string) searchQuery {
	var q searchQuery
	orNext := false
	terms := 0
	for len(s) > 0 && terms < maxTerms {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		neg := false
		if s[0] == '-' {
			neg, s = true, s[1:]
		}
		var item string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				item, s = s[1:], ""
			} else {
				item, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexFunc(s, unicode.IsSpace)
			if end < 0 {
				end = len(s)
			}
			item, s = s[:end], s[end:]
			if !neg && strings.EqualFold(item, "or") && len(q.groups) > 0 {
				orNext = true
				continue
			}
		}
		words := wordsOf(item)
		if len(words) == 0 {
			continue
		}
		terms += len(words)
		switch {
		case neg:
			q.not = append(q.not, words)
		case orNext:
			last := len(q.groups) - 1
			q.groups[last] = append(q.groups[last], words)
		default:
			q.groups = append(q.groups, [][]string{words})
		}
		orNext = false
	}
	return q
}

// wordsOf returns the runs of letters, digits and marks in s, lower-cased.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// fts5 writes the query in SQLite FTS5's syntax. Every word is inside
// double quotes and holds only letters, digits and marks, so no input can
// form an operator, a column filter or a syntax error.
func (q searchQuery) fts5() string {
	phrase := func(words []string) string { return `"` + strings.Join(words, " ") + `"` }
	var and []string
	for _, g := range q.groups {
		var or []string
		for _, p := range g {
			or = append(or, phrase(p))
		}
		if len(or) == 1 {
			and = append(and, or[0])
		} else {
			and = append(and, "("+strings.Join(or, " OR ")+")")
		}
	}
	out := "(" + strings.Join(and, " AND ") + ")"
	for _, p := range q.not {
		out += " NOT " + phrase(p)
	}
	return out
}

// websearch writes the query for PostgreSQL's websearch_to_tsquery, which
// takes any input without error; writing it from the parsed query gives
// both databases the same syntax.
func (q searchQuery) websearch() string {
	phrase := func(words []string) string { return `"` + strings.Join(words, " ") + `"` }
	var parts []string
	for _, g := range q.groups {
		var or []string
		for _, p := range g {
			or = append(or, phrase(p))
		}
		parts = append(parts, strings.Join(or, " or "))
	}
	for _, p := range q.not {
		parts = append(parts, "-"+phrase(p))
	}
	return strings.Join(parts, " ")
}
