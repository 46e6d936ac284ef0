package brief

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// TestConflictSidesDoNotSupport checks that a sentence is not cited as
// evidence for the sentence it conflicts with on a number, while the same
// sentence with the same number is.
func TestConflictSidesDoNotSupport(t *testing.T) {
	const lead = "Gale-force winds and high seas battered yachts in the coastal race on Monday, killing two sailors and leaving %s yachts missing."
	arts := []parallax.Article{
		{ID: "a", Text: strings.Replace(lead, "%s", "three", 1) + " Rescue teams searched the strait overnight."},
		{ID: "b", Text: strings.Replace(lead, "%s", "two", 1) + " The navy sent a frigate to the area."},
		{ID: "c", Text: strings.Replace(lead, "%s", "three", 1) + " Officials said the race would go on."},
	}
	st := Analyze(context.Background(), arts)
	b, err := st.Brief(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Conflicts) == 0 {
		t.Fatalf("no conflict found between two and three yachts")
	}
	claim := parallax.Span{Source: "a", Start: 0, End: strings.Index(arts[0].Text, " Rescue")}
	if sp := st.Cite(claim, "b"); len(sp) != 0 {
		t.Errorf("a's three yachts cited to b's two: %v", sp)
	}
	if sp := st.Cite(claim, "c"); len(sp) != 1 {
		t.Errorf("a's three yachts not cited to c's three: %v", sp)
	}
	for _, list := range [][]parallax.Statement{b.Summary, b.Agreed} {
		for _, s := range list {
			if strings.Contains(s.Text, "yachts missing") && len(s.Sources) == 3 {
				t.Errorf("%q is cited to all three outlets, two of which disagree on the count", s.Text)
			}
		}
	}
}
