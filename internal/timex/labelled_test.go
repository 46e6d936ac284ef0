package timex

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestLabelled checks the labelled set against the texts it labels (every
// range inside its text, on character boundaries, in order and apart,
// every value valid) and logs the scores of Find on it by half.
func TestLabelled(t *testing.T) {
	shared := filepath.Dir(sharedtest.Path(t, "data"))
	docs, err := LoadLabelled(filepath.Join("..", "..", "testdata", "dates"), shared)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 33 {
		t.Errorf("%d labelled documents, want 33 (3 seeds, 20 Multi-News, 10 timeline17)", len(docs))
	}
	parts := map[string]*Counts{"tune": {}, "check": {}}
	for _, d := range docs {
		end := 0
		for _, l := range d.Labels {
			if l.Start < end || !utf8.RuneStart(d.Text[l.Start]) || l.End < len(d.Text) && !utf8.RuneStart(d.Text[l.End]) {
				t.Errorf("%s %s: label [%d,%d) overlaps the one before or cuts a character", d.Set, d.Doc, l.Start, l.End)
			}
			if d.Ref.IsZero() && l.Relative && l.Value != "" && l.Value[0] != '-' {
				t.Errorf("%s %s: relative label [%d,%d) has a value %q without a publication date", d.Set, d.Doc, l.Start, l.End, l.Value)
			}
			end = l.End
		}
		c, _ := Score(d)
		parts[Part(d.Set, d.Doc)].Add(c)
	}
	for _, p := range []string{"tune", "check"} {
		c := parts[p]
		t.Logf("%s: %d docs, %d gold, %d found; spans P %.3f R %.3f; values P %.3f R %.3f",
			p, c.Docs, c.Gold, c.Found, c.SpanPrecision(), c.SpanRecall(), c.ValuePrecision(), c.ValueRecall())
	}
}
