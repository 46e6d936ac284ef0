package cluster

import (
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// FuzzAdd feeds arbitrary texts and titles to a Clusterer after a few real
// ones: it must not panic, every token must lie inside the text, and two
// Clusterers fed the same stream must agree.
func FuzzAdd(f *testing.F) {
	for _, s := range []string{
		"", " ", "a", "Flynn’s lawyer didn’t say.", "U.S. officials — in Washington — said…",
		"WASHINGTON (AP) _ The Senate voted 51-49. ``It's over,'' he said.",
		"\xe2\x80", "\xe2", "\xc2\xa0x", "caf\xc3\xa9 \xe3\x80\x82 日本語のテキスト。", "'s 's ’s x’", "A-B-C D--E",
		"Tweet with a location you can add location information to your tweets.",
	} {
		f.Add(s, "")
		f.Add(s, s)
	}
	prime := []parallax.Article{
		event("p0", 0, -1, 0), event("p1", 1, -1, 1), event("p2", 0, -1, 2),
	}
	f.Fuzz(func(t *testing.T, text, title string) {
		v := newVocab(nil, 0)
		toks, _ := v.tokenize(text, nil, nil)
		last := -1
		for _, tk := range toks {
			if int(tk.start) <= last || int(tk.start) >= len(text) {
				t.Fatalf("token at %d after %d in %d bytes", tk.start, last, len(text))
			}
			last = int(tk.start)
		}
		if utf8.ValidString(text) && len(toks) > len(text) {
			t.Fatalf("%d tokens in %d bytes", len(toks), len(text))
		}
		var asides []bool
		run := func() []int {
			c := New(Options{})
			for _, a := range prime {
				c.Add(a)
			}
			a := parallax.Article{ID: "x", Title: title, Text: text}
			c.Add(a)
			c.Add(a)
			c.Add(prime[0])
			out := make([]int, c.Len())
			for i := range out {
				out[i] = c.StoryOf(i)
			}
			c.Stories()
			asides = asides[:0]
			for _, s := range out {
				asides = append(asides, c.stories[s].aside != "")
			}
			return out
		}
		a, b := run(), run()
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("two runs differ: %v and %v", a, b)
			}
		}
		if a[3] != a[4] && !asides[3] && !asides[4] {
			t.Errorf("the same text twice went to stories %d and %d", a[3], a[4])
		}
	})
}
