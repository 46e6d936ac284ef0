package brief

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seeds reads the three seed articles as a user would pass them: ID and
// outlet from the file name, nothing else.
func seeds(t testing.TB) []parallax.Article {
	t.Helper()
	arts := sharedtest.Seeds(t)
	if len(arts) != 3 {
		t.Fatalf("want 3 seed files, got %d", len(arts))
	}
	return arts
}

func seedBrief(t testing.TB) (*parallax.Brief, []parallax.Article) {
	t.Helper()
	arts := seeds(t)
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b, arts
}

// skeleton is the brief without any of the articles' words: which sources,
// which byte offsets, which outlets, which speakers. It is what the golden
// file records, since the articles are not ours to copy.
type skeleton struct {
	Title     parallax.Span
	Sources   []string
	Summary   []statementSkeleton
	Agreed    []statementSkeleton
	Exclusive map[string][]statementSkeleton
	Conflicts []conflictSkeleton
	Quotes    []quoteSkeleton
}

type statementSkeleton struct {
	Sources  []string
	Evidence []parallax.Span
}

type conflictSkeleton struct {
	Kind  string
	Sides []statementSkeleton
}

type quoteSkeleton struct {
	Speaker  string
	Sources  []string
	Forms    []string
	Evidence []parallax.Span
}

func skeletonOf(b *parallax.Brief) skeleton {
	st := func(list []parallax.Statement) []statementSkeleton {
		out := []statementSkeleton{}
		for _, s := range list {
			out = append(out, statementSkeleton{s.Sources, s.Evidence})
		}
		return out
	}
	sk := skeleton{Summary: st(b.Summary), Agreed: st(b.Agreed), Exclusive: map[string][]statementSkeleton{}}
	for _, s := range b.Sources {
		sk.Sources = append(sk.Sources, s.ID)
		if s.TitleSpan != nil && s.Title == b.Title {
			sk.Title = *s.TitleSpan
		}
	}
	for id, list := range b.Exclusive {
		sk.Exclusive[id] = st(list)
	}
	for _, c := range b.Conflicts {
		cs := conflictSkeleton{Kind: c.Kind}
		for _, side := range c.Sides {
			cs.Sides = append(cs.Sides, st([]parallax.Statement{side.Statement})...)
		}
		sk.Conflicts = append(sk.Conflicts, cs)
	}
	for _, q := range b.Quotes {
		sk.Quotes = append(sk.Quotes, quoteSkeleton{q.Speaker, q.Sources, q.Forms, q.Evidence})
	}
	return sk
}

// TestSeedsGolden pins the seeds' brief. Each change to it was read as a
// reader would read the brief, with the seeds beside it; see
// testdata/README.md for what was judged.
func TestSeedsGolden(t *testing.T) {
	b, _ := seedBrief(t)
	got, err := json.MarshalIndent(skeletonOf(b), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./brief -run TestSeedsGolden -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("seeds brief changed (-want +got); review, then rerun with -update:\n%s", diff)
	}
}

// find returns the statements whose text contains every one of words.
func find(list []parallax.Statement, words ...string) []parallax.Statement {
	var out []parallax.Statement
	for _, s := range list {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(s.Text, w)
		}
		if ok {
			out = append(out, s)
		}
	}
	return out
}

func TestSeedsSummary(t *testing.T) {
	b, arts := seedBrief(t)
	all := []string{arts[0].ID, arts[1].ID, arts[2].ID}

	// The news itself: the immunity request and its rejection, cited to
	// all three outlets.
	var found bool
	for _, s := range b.Summary {
		low := strings.ToLower(s.Text)
		if strings.Contains(low, "immunity") && (strings.Contains(low, "reject") || strings.Contains(low, "rebuff")) {
			found = true
			if diff := cmp.Diff(all, sorted(s.Sources)); diff != "" {
				t.Errorf("the rejection is not cited to all three outlets (-want +got):\n%s", diff)
			}
		}
	}
	if !found {
		t.Errorf("the summary does not report the request and its rejection")
	}

	words := 0
	for _, s := range b.Summary {
		words += len(strings.Fields(s.Text))
	}
	if words > DefaultWords || words < DefaultWords/2 {
		t.Errorf("summary has %d words, want at most %d and not far below", words, DefaultWords)
	}

	// No photo credit and no related-article teaser of 002 in any
	// sentence; 002's own headline is its title.
	for _, s := range allStatements(b) {
		if strings.Contains(s.Text, "©") || strings.Contains(s.Text, "AP Photo") || strings.Contains(s.Text, "Strike Back") {
			t.Errorf("boilerplate in a statement: %q", s.Text)
		}
	}
	src := b.Sources[2]
	if src.TitleSpan == nil || !strings.HasPrefix(src.Title, "US Senate Intel Committee Rejects") || strings.Contains(src.Title, "Photo") {
		t.Errorf("002's title = %q, want its headline without the photo credit", src.Title)
	}
	if src.Dateline != "WASHINGTON (Sputnik)" {
		t.Errorf("002's dateline = %q", src.Dateline)
	}

	// Only-in-one-outlet: Angus King's statements belong to 000 alone.
	if len(find(b.Exclusive[arts[0].ID], "Angus King")) == 0 {
		t.Errorf("Angus King's remarks are not listed as only in 000")
	}
	for _, id := range all[1:] {
		if len(find(b.Exclusive[id], "King")) > 0 {
			t.Errorf("King's remarks listed under %s", id)
		}
	}
	if len(b.Conflicts) != 0 {
		for _, c := range b.Conflicts {
			t.Logf("conflict %s: %q vs %q", c.Kind, c.Sides[0].Statement.Text, c.Sides[1].Statement.Text)
		}
		t.Errorf("the seeds agree on their facts, yet %d conflicts were reported", len(b.Conflicts))
	}
}

func sorted(ids []string) []string {
	out := append([]string(nil), ids...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func allStatements(b *parallax.Brief) []parallax.Statement {
	out := append(append([]parallax.Statement{}, b.Summary...), b.Agreed...)
	for _, list := range b.Exclusive {
		out = append(out, list...)
	}
	for _, c := range b.Conflicts {
		for _, s := range c.Sides {
			out = append(out, s.Statement)
		}
	}
	return out
}

// checkEvidence asserts that every span of a brief lies inside its source
// and that a statement's first span holds exactly its text.
func checkEvidence(t testing.TB, b *parallax.Brief, arts []parallax.Article) {
	t.Helper()
	text := make(map[string]string, len(arts))
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	span := func(what string, sp parallax.Span) string {
		src, ok := text[sp.Source]
		if !ok {
			t.Fatalf("%s: evidence names unknown source %q", what, sp.Source)
		}
		if sp.Start < 0 || sp.End > len(src) || sp.Start >= sp.End {
			t.Fatalf("%s: span [%d,%d) outside source %s of %d bytes", what, sp.Start, sp.End, sp.Source, len(src))
		}
		s := src[sp.Start:sp.End]
		if !utf8.ValidString(s) {
			t.Fatalf("%s: span [%d,%d) of %s cuts a character", what, sp.Start, sp.End, sp.Source)
		}
		if strings.TrimSpace(s) != s {
			t.Fatalf("%s: span %q is not trimmed", what, s)
		}
		return s
	}
	for _, st := range allStatements(b) {
		if len(st.Evidence) != len(st.Sources) || len(st.Evidence) == 0 {
			t.Fatalf("statement %q: %d sources, %d spans", st.Text, len(st.Sources), len(st.Evidence))
		}
		if got := span("statement", st.Evidence[0]); got != st.Text {
			t.Fatalf("statement text %q differs from its evidence %q", st.Text, got)
		}
		for i, ev := range st.Evidence {
			span("statement", ev)
			if ev.Source != st.Sources[i] {
				t.Fatalf("statement %q: evidence %d is from %s, source %d is %s", st.Text, i, ev.Source, i, st.Sources[i])
			}
		}
	}
	for _, q := range b.Quotes {
		if len(q.Evidence) != len(q.Sources) || len(q.Forms) != len(q.Sources) {
			t.Fatalf("quote %q: %d sources, %d spans, %d forms", q.Text, len(q.Sources), len(q.Evidence), len(q.Forms))
		}
		for _, ev := range q.Evidence {
			span("quote", ev)
		}
	}
	for _, s := range b.Sources {
		if s.TitleSpan != nil {
			span("title", *s.TitleSpan)
		}
	}
}

func TestSeedsEvidence(t *testing.T) {
	b, arts := seedBrief(t)
	checkEvidence(t, b, arts)
}

func TestDeterministic(t *testing.T) {
	arts := seeds(t)
	var prev []byte
	for range 3 {
		b, err := Build(context.Background(), arts, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(b)
		if prev != nil && !bytes.Equal(prev, got) {
			t.Fatal("two runs on the same articles gave different briefs")
		}
		prev = got
	}
}

func TestSeedsQuotes(t *testing.T) {
	b, arts := seedBrief(t)
	id := func(i int) string { return arts[i].ID }
	quoteWith := func(words string) *parallax.Quote {
		for i := range b.Quotes {
			if strings.Contains(b.Quotes[i].Text, words) {
				return &b.Quotes[i]
			}
		}
		t.Errorf("no quote contains %q", words)
		return nil
	}
	tests := []struct {
		words, speaker string
		sources        []string
	}{
		{"witch hunt (excuse for big election loss)", "Donald Trump", []string{id(0), id(1), id(2)}},
		{"reasonable person", "Robert Kelner", []string{id(0), id(1)}},
		{"When you are given immunity", "Michael Flynn", []string{id(1)}},
		{"Nope", "Sean Spicer", []string{id(2)}},
		{"grave and momentous step", "Adam Schiff", []string{id(1)}},
		// "Mr Flynn's attorney said ...": 001 names Flynn's attorney.
		{"talks have taken place about immunity", "Robert Kelner", []string{id(1)}},
	}
	for _, tt := range tests {
		q := quoteWith(tt.words)
		if q == nil {
			continue
		}
		if q.Speaker != tt.speaker {
			t.Errorf("%q: speaker %q, want %q", tt.words, q.Speaker, tt.speaker)
		}
		if diff := cmp.Diff(tt.sources, sorted(q.Sources)); diff != "" {
			t.Errorf("%q: sources (-want +got):\n%s", tt.words, diff)
		}
	}
	// Angus King's statements are carried by 000 alone.
	kings := 0
	for _, q := range b.Quotes {
		if q.Speaker == "Angus King" {
			kings++
			if diff := cmp.Diff([]string{id(0)}, q.Sources); diff != "" {
				t.Errorf("King quote %q: sources (-want +got):\n%s", q.Text, diff)
			}
		}
	}
	if kings == 0 {
		t.Errorf("no quote attributed to Angus King")
	}
	// 002 reports the tweet without quotation marks.
	if q := quoteWith("witch hunt (excuse"); q != nil {
		for i, src := range q.Sources {
			if src == id(2) && q.Forms[i] != "paraphrased" {
				t.Errorf("002 carries the tweet as %q, want paraphrased", q.Forms[i])
			}
		}
	}
}
