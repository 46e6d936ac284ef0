package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzSearch checks that any query is a valid search on SQLite: an answer
// or ErrInvalid (too long, not UTF-8), never an FTS5 syntax error.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{`ferry`, `"harbour council"`, `a OR b -c`, `AND (`, `NEAR(a b, 2)`, `title:x`, `"`, `*`, `^a`, `'; drop table x`} {
		f.Add(q)
	}
	s, err := OpenSQLite(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	a := article(1)
	a.Text = `The harbour council met; "quotes", stars*, AND ( NEAR ) café 東京.`
	if _, err := s.PutArticles(ctx, []Article{a}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(ctx, q, 5, 0); err != nil && !errors.Is(err, ErrInvalid) {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if _, err := s.Stories(ctx, StoryQuery{Query: q}); err != nil && !errors.Is(err, ErrInvalid) {
			t.Fatalf("Stories(query %q): %v", q, err)
		}
	})
}

// FuzzCanonicalURL checks that a canonical URL is an http or https URL
// that is its own canonical form.
func FuzzCanonicalURL(f *testing.F) {
	for _, u := range []string{"https://Example.com:443/a?utm_source=x&b=1#f", "http://[::1]:80", "https://a.example/%zz", "HTTP://A.EXAMPLE?&&"} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := CanonicalURL(raw)
		if c == "" {
			return
		}
		if !strings.HasPrefix(c, "http://") && !strings.HasPrefix(c, "https://") {
			t.Fatalf("CanonicalURL(%q) = %q, not http(s)", raw, c)
		}
		if again := CanonicalURL(c); again != c {
			t.Fatalf("CanonicalURL(%q) = %q, but CanonicalURL of that is %q", raw, c, again)
		}
	})
}
