package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want []Op
	}{
		{"a b c", "a b c", nil},
		{"a b c d", "a c d", []Op{{1, 2, 1, 1}}},
		{"a c", "a b c", []Op{{1, 1, 1, 2}}},
		{"he thinks that he should go up there", "he thinks he should go out",
			[]Op{{2, 3, 2, 2}, {6, 8, 5, 6}}},
		{"", "a b", []Op{{0, 0, 0, 2}}},
		{"a b", "", []Op{{0, 2, 0, 0}}},
		{"x y z", "p q", []Op{{0, 3, 0, 2}}},
	}
	for _, tt := range tests {
		got := Diff(strings.Fields(tt.a), strings.Fields(tt.b))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Diff(%q, %q) (-want +got):\n%s", tt.a, tt.b, diff)
		}
	}
}

func TestCoalesce(t *testing.T) {
	minor := func(w string) bool { return w == "a" || w == "the" || w == "in" || w == "of" }
	tests := []struct {
		name, a, b string
		want       []Op
	}{
		{"one shared article between two changes",
			"would get questioned in such a highly charged climate", "who has a lawyer would answer",
			[]Op{{0, 9, 0, 6}}},
		{"a content word kept between them",
			"the vote was early and quiet", "the count was late and quiet",
			[]Op{{1, 2, 1, 2}, {3, 4, 3, 4}}},
		{"more than three minor words kept",
			"x a the in of y", "z a the in of w",
			[]Op{{0, 1, 0, 1}, {5, 6, 5, 6}}},
		{"one change", "a b", "a c", []Op{{1, 2, 1, 2}}},
	}
	for _, tt := range tests {
		a, b := strings.Fields(tt.a), strings.Fields(tt.b)
		got := Coalesce(Diff(a, b), a, minor)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		checkOps(t, a, b, got)
	}
}

// checkOps checks that ops turn a into b: ordered, in bounds, and the words
// between them equal.
func checkOps(t *testing.T, a, b []string, ops []Op) {
	t.Helper()
	i, j := 0, 0
	for _, op := range ops {
		if op.A < i || op.B < j || op.AEnd < op.A || op.BEnd < op.B || op.AEnd > len(a) || op.BEnd > len(b) ||
			op.A == op.AEnd && op.B == op.BEnd {
			t.Fatalf("bad op %+v after (%d, %d) for %d and %d words", op, i, j, len(a), len(b))
		}
		if op.A-i != op.B-j || !slicesEqual(a[i:op.A], b[j:op.B]) {
			t.Fatalf("words kept before %+v differ", op)
		}
		i, j = op.AEnd, op.BEnd
	}
	if len(a)-i != len(b)-j || !slicesEqual(a[i:], b[j:]) {
		t.Fatalf("words kept after the last op differ")
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzDiff(f *testing.F) {
	f.Add("he thinks that he should go up there and do what he has to do", "he thinks he should go out and tell his story")
	f.Add("a b c", "")
	f.Add("a a a b", "b a a a")
	f.Fuzz(func(t *testing.T, x, y string) {
		a, b := strings.Fields(x), strings.Fields(y)
		ops := Diff(a, b)
		checkOps(t, a, b, ops)
		if (len(ops) == 0) != slicesEqual(a, b) {
			t.Fatalf("Diff gives %d ops for %q and %q", len(ops), x, y)
		}
		// Folding minor words kept between changes keeps the ops a valid
		// edit and never adds one.
		joined := Coalesce(slices.Clone(ops), a, func(w string) bool { return len(w) <= 2 })
		checkOps(t, a, b, joined)
		if len(joined) > len(ops) || (len(joined) == 0) != (len(ops) == 0) {
			t.Fatalf("Coalesce turned %d ops into %d", len(ops), len(joined))
		}
	})
}

func TestDiffLong(t *testing.T) {
	// A 10,000-word quotation against a reworded copy: too long to align
	// in full, the middle is one change.
	a := make([]string, 10000)
	b := make([]string, 10000)
	for i := range a {
		a[i] = "w" + strings.Repeat("x", i%7)
		b[i] = a[i]
	}
	b[10] = "other"
	b[9000] = "else"
	ops := Diff(a, b)
	checkOps(t, a, b, ops)
	if len(ops) != 1 || ops[0].A != 10 || ops[0].AEnd != 9001 {
		t.Errorf("ops = %+v, want one from word 10 to 9001", ops)
	}
}

func TestLedgerPartial(t *testing.T) {
	srcs := []string{
		// a: a partial quotation in two pieces, one statement.
		`Hale's lawyer Ann Roe said no "reasonable person" would talk in "such a hostile setting without a deal."`,
		// b: the same quoted words, the rest reworded.
		`Hale's attorney Ann Roe said no "reasonable person" who has a lawyer would answer questions.`,
		// c: indirect speech only, twice the same statement.
		`Mayor Tom Ward said the bridge would reopen in May after repairs. Ward also said the budget was tight this year.`,
		`Tom Ward told reporters that the old bridge would reopen in May once repairs end.`,
	}
	got := Ledger(story(srcs...))
	checkEvidence(t, srcs, got)
	var lines []string
	for _, q := range got {
		lines = append(lines, q.Speaker+" "+q.Kind+" "+strings.Join(q.Sources, ",")+" "+strings.Join(q.Forms, ","))
	}
	want := []string{
		"Ann Roe partial a,b verbatim,reworded",
		"Tom Ward indirect c,d indirect,indirect",
		"Tom Ward indirect c indirect",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Fatalf("Ledger (-want +got):\n%s", diff)
	}
	q := got[0]
	if !strings.HasPrefix(q.Text, `no "reasonable person" would`) || !strings.HasSuffix(q.Text, `deal."`) {
		t.Errorf("partial text %q", q.Text)
	}
	var changes []string
	for _, c := range q.Changes[1] {
		changes = append(changes, c.FromText+" -> "+c.ToText)
		if c.From != nil && srcs[0][c.From.Start:c.From.End] != c.FromText || c.To != nil && srcs[1][c.To.Start:c.To.End] != c.ToText {
			t.Errorf("change %+v does not read its spans", c)
		}
	}
	// One change: the shared "a" between the two differing runs is not
	// shown as kept.
	wantChanges := []string{`would talk in "such a hostile setting without a deal -> who has a lawyer would answer questions`}
	if diff := cmp.Diff(wantChanges, changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if q.Changes[0] != nil {
		t.Errorf("the reference has changes %v", q.Changes[0])
	}
}

func TestLedgerQuotedByOne(t *testing.T) {
	srcs := []string{
		`"The new plant will bring two thousand jobs to the valley by next summer," Governor Jane Cole said.`,
		`Governor Cole said the new plant would bring two thousand jobs to the valley by summer.`,
		`Cole said the plant would bring two thousand jobs to the valley next summer, officials added.`,
	}
	got := Ledger(story(srcs...))
	checkEvidence(t, srcs, got)
	if len(got) != 1 {
		t.Fatalf("%d entries, want 1: %+v", len(got), got)
	}
	q := got[0]
	if diff := cmp.Diff([]string{Verbatim, Paraphrased, Paraphrased}, q.Forms); diff != "" {
		t.Errorf("forms (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{parallax.FlagQuotedByOne}, q.Flags); diff != "" {
		t.Errorf("flags (-want +got):\n%s", diff)
	}
}
