package brief

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
)

// quoteStory is a made-up story: the mayor's words quoted by two outlets,
// whole by one and in part by another, and a third outlet that writes about
// the same schools in its own words without quoting her.
func quoteStory(t *testing.T) (*Story, [3]int) {
	t.Helper()
	arts := []parallax.Article{
		{ID: "a", Text: "The valley flooded on Sunday.\n\n" +
			`"We will rebuild every school in the valley before the winter comes," Mayor Ana Ortiz said on Monday.` + "\n\n" +
			"Roads stayed closed for a week."},
		{ID: "b", Text: "Rain fell for three days.\n\n" +
			`Mayor Ana Ortiz told residents: "We will rebuild every school in the valley before the winter comes."` + "\n\n" +
			"The army sent trucks."},
		{ID: "c", Text: "Engineers inspected the valley schools on Monday.\n\n" +
			"Every school in the valley will need new roofs before the winter, the engineers wrote.\n\n" +
			"The mayor did not comment."},
	}
	st := Analyze(context.Background(), arts)
	find := func(doc int, words string) int {
		for _, u := range st.Align.ByDoc[doc] {
			un := &st.Align.Units[u]
			if strings.Contains(arts[doc].Text[un.Start:un.End], words) {
				return u
			}
		}
		t.Fatalf("article %s: no sentence holds %q", arts[doc].ID, words)
		return -1
	}
	return st, [3]int{find(0, "rebuild"), find(1, "rebuild"), find(2, "new roofs")}
}

func TestQuoteCarriers(t *testing.T) {
	st, u := quoteStory(t)
	qc := st.quoteCarriers()
	by, ok := qc[u[0]]
	if !ok {
		t.Fatalf("the quoted sentence of a is not read as a quotation; carriers %v", qc)
	}
	if c := by[1]; !c.whole || !slices.Contains(c.units, u[1]) {
		t.Errorf("b carries the words whole in unit %d; got %+v", u[1], c)
	}
	if _, ok := by[2]; ok {
		t.Errorf("c quotes no one but is taken to carry the quotation: %+v", by[2])
	}
	if _, ok := qc[u[2]]; ok {
		t.Errorf("c's sentence holds no quotation but is read as one")
	}
}

func TestNarrow(t *testing.T) {
	st, u := quoteStory(t)
	qc := st.quoteCarriers()
	p := st.Align.Params()
	weak := st.Align.Compare(u[0], u[2])
	if p.Same(weak) {
		t.Fatalf("the made-up story's c sentence passes the decision on its own (score %.2f); the test needs one that does not", p.Score(weak))
	}
	// c as the cosine's backing would have it: dropped, since c does not
	// carry the mayor's words and the decision itself does not pass.
	ev := []align.Evidence{{Doc: 2, Units: []int{u[2]}, Pair: weak}}
	got := st.narrow(u[0], ev, qc)
	var docs []int
	for _, e := range got {
		docs = append(docs, e.Doc)
	}
	if !slices.Equal(docs, []int{1}) {
		t.Fatalf("narrow cites articles %v, want [1] (b, which carries the words whole)", docs)
	}
	if !slices.Equal(got[0].Units, []int{u[1]}) {
		t.Errorf("b is cited with units %v, want the sentence that carries the words, %d", got[0].Units, u[1])
	}
	// A sentence that is no quotation keeps its support as it is.
	if got := st.narrow(u[2], ev, qc); len(got) != 1 || got[0].Doc != 2 {
		t.Errorf("narrow changed the support of a sentence that quotes no one: %v", got)
	}
	// Cite gives what narrow gives.
	claim := st.Span(u[0])
	if sp := st.Cite(claim, "b"); len(sp) != 1 || sp[0] != st.Span(u[1]) {
		t.Errorf("Cite(a's quotation, b) = %v, want b's quoted sentence %v", sp, st.Span(u[1]))
	}
	if sp := st.Cite(claim, "c"); len(sp) != 0 {
		t.Errorf("Cite(a's quotation, c) = %v, want none", sp)
	}
}
