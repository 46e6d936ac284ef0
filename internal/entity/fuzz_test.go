package entity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"President Donald Trump said Mr Flynn's lawyer Robert Kelner spoke.",
		"Gen. Flynn met Sen. J. R. R. Tolkien-Smith and Ludwig van Beethoven Jr.",
		"\u201cMike Flynn\u2019s,\u201d said Mrs\u00a0O'Neil. \u00c9mile Zola and Jos\u00e9 de la Cruz.",
		"US House Intelligence Committee Chairman Devin Nunes. Will May Smith?",
		"Mr. . Dr - Van de. St 's",
	} {
		f.Add(s)
	}
	st := text.NewStemmer()
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		d := text.Analyze(src, st)
		ms := Find(d)
		for _, m := range ms {
			if m.Start < 0 || m.End > len(src) || m.Start >= m.End {
				t.Fatalf("mention %q: span [%d, %d) out of bounds of %d bytes", m.Name, m.Start, m.End, len(src))
			}
			if m.NormStart < 0 || m.NormEnd > len(d.Norm.Text) || d.Norm.Text[m.NormStart:m.NormEnd] != m.Name {
				t.Fatalf("mention %q: normalized span [%d, %d) does not hold the name", m.Name, m.NormStart, m.NormEnd)
			}
			if m.Last == "" || m.Sent < 0 || m.Sent >= len(d.Sentences) || m.TitleTok > m.Tok || m.Tok >= m.EndTok {
				t.Fatalf("mention %+v is malformed", m)
			}
		}
		tab := Resolve([][]Mention{ms, ms})
		for i := range ms {
			if p := tab.Of(1, i); p >= len(tab.People()) {
				t.Fatalf("Of(1, %d) = %d, out of range", i, p)
			}
		}
	})
}

// FuzzPeople runs everything that reads names on one text and a
// lower-cased copy of it: every span lies inside the text on rune
// boundaries and reads what it names, and Recase changes only the case of
// ASCII letters.
func FuzzPeople(f *testing.F) {
	for _, s := range []string{
		"White House spokesman Sean Spicer said the Senate Intelligence Committee met in Moscow.",
		"Flynn's lawyer Robert Kelner said no. Michael Flynn, the former director of the Defense Intelligence Agency, resigned.",
		"The Federal Bureau of Investigation (FBI) and U.S. officials met in New York's Wall Street.",
		"Gen. Flynn, a member of the , , said. Mr. . 's lawyer 's",
		"\u201cMike Flynn\u2019s lawyer\u201d, the \u00c9cole Normale Sup\u00e9rieure\u2019s dean, said \u00e9mile zola.",
		"mr. flynn and dan brown met president trump in paris. brown said so, and flynn agreed with him.",
	} {
		f.Add(s)
	}
	st := text.NewStemmer()
	inText := func(t *testing.T, src, what string, start, end int) {
		t.Helper()
		if start < 0 || end > len(src) || start >= end || !utf8.RuneStart(src[start]) || end < len(src) && !utf8.RuneStart(src[end]) {
			t.Fatalf("%s: span [%d, %d) is not inside the %d-byte text on rune boundaries", what, start, end, len(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		cased := text.Analyze(src, st)
		lowered := text.Analyze(strings.ToLower(src), st)
		docs := []*text.Document{cased, lowered}
		var names [][]Name
		for _, d := range docs {
			s := d.Norm.Source()
			ms := Find(d)
			ns := Names(d, ms)
			for _, n := range ns {
				inText(t, s, "name "+n.Text, n.Start, n.End)
				if n.Kind != KindOrganization && n.Kind != KindPlace {
					t.Fatalf("name %q has kind %v", n.Text, n.Kind)
				}
			}
			names = append(names, ns)
			for _, r := range Roles(d, ms) {
				inText(t, s, "role "+r.Role, r.Start, r.End)
				if r.Mention < 0 || r.Mention >= len(ms) || r.Of >= len(ms) || r.Role == "" {
					t.Fatalf("role %+v is malformed", r)
				}
			}
		}
		for _, th := range GroupNames(names) {
			if th.Name == "" || len(th.Refs) == 0 {
				t.Fatalf("thing %+v is malformed", th)
			}
		}
		for i, r := range Recase(docs) {
			if r == "" {
				continue
			}
			s := docs[i].Norm.Source()
			if len(r) != len(s) || !strings.EqualFold(r, s) {
				t.Fatalf("Recase changed more than case: %q from %q", r, s)
			}
		}
	})
}
