package entity

import (
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
