package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
)

func TestMarkdownEvidence(t *testing.T) {
	a := "The ferry sank near the pier on Monday. Nine people swam ashore."
	b := "Nine passengers swam to shore after the ferry went down on Monday."
	arts := []parallax.Article{{ID: "a", Outlet: "Harbour Post", Text: a}, {ID: "b", Outlet: "Valley News", Text: b}}
	st := func(text string, spans ...parallax.Span) parallax.Statement {
		s := parallax.Statement{Text: text}
		for _, sp := range spans {
			s.Sources = append(s.Sources, sp.Source)
			s.Evidence = append(s.Evidence, sp)
		}
		return s
	}
	swam := st(a[40:], parallax.Span{Source: "a", Start: 40, End: len(a)}, parallax.Span{Source: "b", Start: 0, End: len(b)})
	br := &parallax.Brief{
		Title:   "Ferry sinks",
		Sources: []parallax.Source{{ID: "a", Outlet: "Harbour Post"}, {ID: "b", Outlet: "Valley News"}},
		Summary: []parallax.Statement{
			st(a[:39], parallax.Span{Source: "a", Start: 0, End: 39}),
			swam,
		},
		Agreed: []parallax.Statement{swam},
		Conflicts: []parallax.Conflict{{Kind: "number", Sides: []parallax.ConflictSide{
			{Value: "Nine", Statement: st(a[40:], parallax.Span{Source: "a", Start: 40, End: len(a)})},
			// a span past the end of its article is reported, not read
			{Value: "ten", Statement: st("Ten swam.", parallax.Span{Source: "b", Start: 0, End: 999})},
		}}},
		Exclusive: map[string][]parallax.Statement{},
	}
	var out bytes.Buffer
	if err := WriteOptions(&out, "markdown", br, arts, Options{Evidence: true}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"The ferry sank near the pier on Monday. [1]\n  - [1] Harbour Post: (the sentence above)\n\nNine people swam ashore. [1][2]\n",
		"- Nine people swam ashore. [1][2]\n  - [1] Harbour Post: (the sentence above)\n  - [2] Valley News: " + b + "\n",
		"  - Nine [1]: Nine people swam ashore.\n    - [1] Harbour Post: (the sentence above)\n",
		"  - ten [2]: Ten swam.\n    - [2] Valley News: (the article's text is not at hand)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks\n%s\ngot:\n%s", want, got)
		}
	}
	// Without the option the output is the plain Markdown.
	var plain, plain2 bytes.Buffer
	if err := Markdown(&plain, br); err != nil {
		t.Fatal(err)
	}
	if err := Write(&plain2, "markdown", br, arts); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(plain.String(), plain2.String()); d != "" {
		t.Errorf("Write and Markdown differ (-Markdown +Write):\n%s", d)
	}
	if strings.Contains(plain.String(), "Valley News: ") {
		t.Errorf("plain Markdown prints evidence:\n%s", plain.String())
	}
}
