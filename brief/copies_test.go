package brief

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/dedup/copyset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestSeedsHaveNoCopies(t *testing.T) {
	b, _ := seedBrief(t)
	if b.Reports != 3 || len(b.Copies) != 0 {
		t.Errorf("seeds: %d independent reports, copies %+v; want 3 and none", b.Reports, b.Copies)
	}
}

// A wire report, a reprint of it under another headline with a byline and
// a copyright line, and an independent report of the same event.
var (
	wireReport = []string{
		"A fire destroyed the old grain mill in Halden on Saturday night, and firefighters fought the blaze for six hours before it was under control, the town's fire service said.",
		"No one was inside the mill, which had stood empty since 2019, and no one was hurt.",
		"Fire chief Anna Berg said the cause was not yet known and that investigators would search the ruins on Monday once the walls had been made safe.",
		"The mill, built in 1887, was the town's largest wooden building. Its owners had planned to turn it into flats next year.",
		"Smoke from the fire could be seen from the motorway, and police closed the river road until early on Sunday.",
	}
	reprint = "Historic Halden mill burns down\n\nBy Staff Writer\n\n" + strings.Join(wireReport, "\n\n") +
		"\n\nCopyright 2024 Halden Post. All rights reserved."
	ownReport = "Halden's landmark grain mill burned to the ground overnight on Saturday.\n\n" +
		"Crews from three stations battled the flames until the early hours; the empty building was lost, but no one was injured.\n\n" +
		"Fire chief Anna Berg said investigators would begin work on Monday to find what started the fire.\n\n" +
		"Neighbours said they had long feared for the mill, which had been empty for five years."
)

func TestCopiesInBrief(t *testing.T) {
	arts := []parallax.Article{
		{ID: "reprint", Outlet: "Halden Post", Published: time.Date(2024, 6, 2, 9, 0, 0, 0, time.UTC), Text: reprint},
		{ID: "own", Outlet: "River Gazette", Text: ownReport},
		{ID: "wire", Outlet: "Wire", Published: time.Date(2024, 6, 1, 23, 0, 0, 0, time.UTC), Text: strings.Join(wireReport, "\n\n")},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Reports != 2 {
		t.Errorf("%d independent reports, want 2", b.Reports)
	}
	// The wire was published first.
	if len(b.Copies) != 1 || !cmp.Equal(b.Copies[0].Sources, []string{"wire", "reprint"}) || len(b.Copies[0].Shared) != 1 {
		t.Fatalf("copies %+v, want the wire then its reprint", b.Copies)
	}
	if s := b.Copies[0].Shared[0]; s < 0.8 || s >= 1 {
		t.Errorf("share of the reprint found in the wire = %v, want most but not all (headline, byline, notice)", s)
	}
	// What only the wire and its reprint carry is not agreed by all
	// reports: the mill's age, its owners' plans, the road closure.
	for _, st := range b.Agreed {
		for _, w := range []string{"1887", "flats", "motorway"} {
			if strings.Contains(st.Text, w) {
				t.Errorf("agreed holds what one report carries twice: %q %v", st.Text, st.Sources)
			}
		}
	}
	// Exclusives of the report are listed under one of its copies only.
	if len(b.Exclusive["wire"]) > 0 && len(b.Exclusive["reprint"]) > 0 {
		t.Errorf("exclusives listed under both copies: %v and %v", b.Exclusive["wire"], b.Exclusive["reprint"])
	}
	// Copies are cited together.
	for _, st := range append(append([]parallax.Statement{}, b.Summary...), b.Agreed...) {
		pos := map[string]int{}
		for i, id := range st.Sources {
			pos[id] = i
		}
		w, okw := pos["wire"]
		r, okr := pos["reprint"]
		if okw && okr && w-r != 1 && r-w != 1 {
			t.Errorf("copies not cited together: %v", st.Sources)
		}
	}
	checkEvidence(t, b, arts)
}

// sentenceCopies is the copy rule the brief used before internal/dedup:
// two articles are copies when 60% of the shorter's sentences have a
// near-identical (cosine 0.85) sentence in the other. It is kept here to
// compare the two on the copy set.
func sentenceCopies(s *Story, loose [][]align.Match) bool {
	same := [2]int{}
	sents := [2]int{}
	for u := range s.Align.Units {
		un := &s.Align.Units[u]
		if un.Sent < 0 {
			continue
		}
		sents[un.Doc]++
		for _, m := range loose[u] {
			if m.Sim >= 0.85 && s.Align.Units[m.Unit].Doc != un.Doc {
				same[un.Doc]++
				break
			}
		}
	}
	short := 0
	if sents[1] < sents[0] {
		short = 1
	}
	return sents[short] > 0 && float64(same[short]) >= 0.6*float64(sents[short])
}

// TestCopiesAgainstSentences measures, on 50 pairs of each kind of the
// copy set of parallax eval copies, the brief's copy decision
// (internal/dedup) against the sentence rule it replaced, and requires it
// to be no worse in F1. The numbers are logged (go test -v).
func TestCopiesAgainstSentences(t *testing.T) {
	if testing.Short() {
		t.Skip("briefs 600 pairs")
	}
	var sources []copyset.Source
	for _, name := range []string{"duc2004-dev", "multinews-val"} {
		stories, err := dataset.Read(sharedtest.Path(t, "data", name+".jsonl.gz"))
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, copyset.Source{Name: name, Stories: stories})
	}
	type counts struct{ tp, fp, fn int }
	var dd, sent, either counts
	add := func(c *counts, truth, got bool) {
		switch {
		case truth && got:
			c.tp++
		case truth:
			c.fn++
		case got:
			c.fp++
		}
	}
	for _, p := range copyset.Build(sources, 1, 50) {
		if p.Duplicate {
			continue
		}
		arts := []parallax.Article{{ID: "a", Text: p.A}, {ID: "b", Text: p.B}}
		st := Analyze(context.Background(), arts)
		var b parallax.Brief
		reports := st.copies(&b)
		byDedup := reports[0] == reports[1]
		bySent := sentenceCopies(st, st.Align.AllMatches(min(exclusiveThreshold, align.DefaultThreshold)))
		add(&dd, p.Copy, byDedup)
		add(&sent, p.Copy, bySent)
		add(&either, p.Copy, byDedup || bySent)
	}
	f1 := func(c counts) (p, r, f float64) {
		p = float64(c.tp) / float64(max(1, c.tp+c.fp))
		r = float64(c.tp) / float64(max(1, c.tp+c.fn))
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		return p, r, f
	}
	for _, m := range []struct {
		name string
		c    counts
	}{{"dedup", dd}, {"sentences", sent}, {"either", either}} {
		p, r, f := f1(m.c)
		t.Logf("%-9s precision %.4f recall %.4f F1 %.4f (%+v)", m.name, p, r, f, m.c)
	}
	_, _, fd := f1(dd)
	_, _, fs := f1(sent)
	if fd < fs {
		t.Errorf("dedup F1 %.4f is below the sentence rule's %.4f", fd, fs)
	}
}
