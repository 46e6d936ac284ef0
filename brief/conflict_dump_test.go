package brief

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestDumpConflicts prints every conflict the brief finds on the DUC 2004
// development clusters and on the first Multi-News validation stories (60,
// or PARALLAX_CONFLICTS_STORIES), one
// block per conflict, to the file named by PARALLAX_CONFLICTS_OUT (for
// reading by hand; it holds article text, so keep it outside the
// repository). Without the variable it is skipped.
func TestDumpConflicts(t *testing.T) {
	out := os.Getenv("PARALLAX_CONFLICTS_OUT")
	if out == "" {
		t.Skip("set PARALLAX_CONFLICTS_OUT=/tmp/conflicts.txt to print the conflicts found on the shared data")
	}
	mn := 60
	if x, err := strconv.Atoi(os.Getenv("PARALLAX_CONFLICTS_STORIES")); err == nil {
		mn = x
	}
	var w strings.Builder
	n := 0
	for _, set := range []struct {
		name string
		max  int
	}{{"duc2004-dev", 25}, {"multinews-val", mn}} {
		stories, err := dataset.Read(sharedtest.Path(t, "data", set.name+".jsonl.gz"))
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stories[:min(set.max, len(stories))] {
			b, err := Build(context.Background(), st.Articles(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range b.Conflicts {
				n++
				fmt.Fprintf(&w, "=== %s %s %s\n", set.name, st.ID, c.Kind)
				for _, sd := range c.Sides {
					ev := sd.Statement.Evidence[0]
					fmt.Fprintf(&w, "  [%s] %s %d-%d %v\n      %s\n", sd.Value, ev.Source, ev.Start, ev.End, sd.Statement.Sources,
						strings.Join(strings.Fields(sd.Statement.Text), " "))
				}
			}
		}
	}
	fmt.Fprintf(&w, "%d conflicts\n", n)
	if err := os.WriteFile(out, []byte(w.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
