package web

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax"
)

// TestShortList: a story of hundreds of outlets keeps each framing list
// short, and says how much it left out.
func TestShortList(t *testing.T) {
	var sts []parallax.Statement
	for i := range 20 {
		sts = append(sts, parallax.Statement{Text: fmt.Sprint("statement ", i)})
	}
	stmt := func(_ string, st parallax.Statement) stmtView {
		v := stmtView{Text: st.Text}
		for j := range 12 {
			v.Cites = append(v.Cites, citeView{Num: j + 1})
		}
		return v
	}
	got, more := shortList(sts, stmt)
	if len(got) != framingStatements || more != 20-framingStatements {
		t.Fatalf("%d statements shown and %d counted, want %d and %d", len(got), more, framingStatements, 20-framingStatements)
	}
	for _, v := range got {
		if len(v.Cites) != framingCites || v.MoreCites != 12-framingCites {
			t.Errorf("%q: %d citations shown and %d counted", v.Text, len(v.Cites), v.MoreCites)
		}
	}
	if got, more := shortList(sts[:3], stmt); len(got) != 3 || more != 0 {
		t.Errorf("a short list was cut: %d shown, %d counted", len(got), more)
	}
}
