package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

func story(srcs ...string) []Doc {
	st := text.NewStemmer()
	docs := make([]Doc, len(srcs))
	for i, s := range srcs {
		docs[i] = Doc{ID: string(rune('a' + i)), Doc: text.Analyze(s, st)}
	}
	return docs
}

func TestLedger(t *testing.T) {
	srcs := []string{
		// a: the full quote, and a second statement.
		`Governor John Hale spoke on Monday. "The company will build three new factories in Ohio next year," Hale said. "We are proud of it."`,
		// b: the same words, differently cased and punctuated.
		`Mr Hale said: "The company will build three new factories in Ohio next year!" A rival, Mary Hale, said "it will never happen."`,
		// c: a shorter piece of the quote, and the same statement reworded.
		`Hale promised "three new factories" for the state. "The firm will build three factories in Ohio next year," Hale told reporters.`,
		// d: no quotation marks.
		`Governor Hale said the company would build three new factories in Ohio next year, local media reported.`,
	}
	got := Ledger(story(srcs...))
	type entry struct {
		Speaker, Text string
		Sources       []string
		Forms         []string
	}
	var short []entry
	for _, q := range got {
		short = append(short, entry{q.Speaker, q.Text, q.Sources, q.Forms})
	}
	want := []entry{
		{"John Hale", "The company will build three new factories in Ohio next year",
			[]string{"a", "b", "c", "d"}, []string{Verbatim, Verbatim, Shortened, Paraphrased}},
		{"John Hale", "We are proud of it.", []string{"a"}, []string{Verbatim}},
		{"Mary Hale", "it will never happen.", []string{"b"}, []string{Verbatim}},
	}
	if diff := cmp.Diff(want, short); diff != "" {
		t.Errorf("Ledger mismatch (-want +got):\n%s", diff)
	}
	checkEvidence(t, srcs, got)
	// c carries the quote twice; its evidence is the verbatim piece.
	if e := got[0].Evidence[2]; srcs[2][e.Start:e.End] != "three new factories" {
		t.Errorf("evidence for c is %q", srcs[2][e.Start:e.End])
	}
	if e := got[0].Evidence[3]; !strings.HasPrefix(srcs[3][e.Start:e.End], "Governor Hale said") {
		t.Errorf("paraphrase evidence is %q, want the whole sentence", srcs[3][e.Start:e.End])
	}
}

func TestLedgerAltered(t *testing.T) {
	srcs := []string{
		`"He thinks he should go out and tell his story," Mr Cole said on Friday.`,
		`"He thinks that he should go up there and do what he has to do to tell the story," Cole stated.`,
		`"He thinks he should go out and tell his story," Mr Dunn said.`,
	}
	got := Ledger(story(srcs...))
	var lines []string
	for _, q := range got {
		lines = append(lines, q.Speaker+" "+strings.Join(q.Sources, ",")+" "+strings.Join(q.Forms, ",")+
			" "+strings.Join(q.Speakers, ",")+" "+strings.Join(q.Flags, ","))
	}
	// The longest quotation is the reference; the same words given to
	// another speaker by another source join the entry, flagged.
	want := []string{"Cole b,a,c verbatim,reworded,reworded Cole,Cole,Dunn speaker_conflict"}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Ledger mismatch (-want +got):\n%s", diff)
	}
	checkEvidence(t, srcs, got)
}

// TestLedgerShortShared checks that a short quotation sharing only a name
// with two others does not chain them into one statement, and that a
// contraction written out is the same statement reworded.
func TestLedgerShortShared(t *testing.T) {
	srcs := []string{
		`"I am truly sorry that even Port Lake City, by far the best host for the games, had to use such methods," Ann Roe said. "I am not bitter," she added.`,
		`"Nobody blames Port Lake City," Ann Roe said. "We blame the voters who can be bought, not Port Lake City. They were a victim," Roe said. "I'm not bitter," she said.`,
	}
	got := Ledger(story(srcs...))
	var lines []string
	for _, q := range got {
		lines = append(lines, strings.Join(q.Sources, ",")+" "+strings.Join(q.Forms, ",")+" "+q.Text)
	}
	want := []string{
		"a verbatim I am truly sorry that even Port Lake City, by far the best host for the games, had to use such methods",
		"a,b verbatim,reworded I am not bitter",
		"b verbatim Nobody blames Port Lake City",
		"b verbatim We blame the voters who can be bought, not Port Lake City. They were a victim",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Ledger mismatch (-want +got):\n%s", diff)
	}
	checkEvidence(t, srcs, got)
}

// TestLedgerSameRole checks that one unnamed speaker described in other
// words by two outlets is not flagged as two speakers, and that a named
// speaker and a description are.
func TestLedgerSameRole(t *testing.T) {
	srcs := []string{
		`"Our first impression is that he stressed order far more than change," a senior State Department official said.`,
		`"Our first impression is that he stressed order far more than change," the official said.`,
		`"Our first impression is that he stressed order far more than change," Senator Ann Roe said.`,
	}
	got := Ledger(story(srcs[0], srcs[1]))
	if len(got) != 1 || len(got[0].Sources) != 2 || len(got[0].Flags) != 0 {
		t.Errorf("two descriptions of one official: %+v", got)
	}
	got = Ledger(story(srcs[0], srcs[2]))
	if len(got) != 1 || !slices.Contains(got[0].Flags, parallax.FlagSpeakerConflict) {
		t.Errorf("an official and a senator: %+v", got)
	}
}

func TestSameRole(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"r:official", "r:senior state department official", true},
		{"r:citation by the karolinska institute", "r:citation", true},
		{"r:spokesman for the ministry", "r:ministry spokesman", true},
		{"r:official", "r:spokesman", false},
		{"r:police official", "r:party official", false},
		{"p1", "r:official", false},
		{"p1", "p1", false},
	} {
		if got := sameRole(c.a, c.b); got != c.want {
			t.Errorf("sameRole(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestExpand(t *testing.T) {
	got := strings.Join(expand(strings.Fields("i'm sure they don't know we won't or can't and you'll see it's fine")), " ")
	want := "i am sure they do not know we will not or can not and you will see it's fine"
	if got != want {
		t.Errorf("expand = %q, want %q", got, want)
	}
	if w := []string{"no", "contraction"}; &expand(w)[0] != &w[0] {
		t.Error("expand copied words without a contraction")
	}
}

func TestLedgerEmpty(t *testing.T) {
	if got := Ledger(nil); len(got) != 0 {
		t.Errorf("Ledger(nil) = %v", got)
	}
	if got := Ledger([]Doc{{ID: "x"}}); len(got) != 0 {
		t.Errorf("Ledger of a nil document = %v", got)
	}
}

// checkEvidence checks that every evidence span lies in its source, that
// sources, evidence and forms line up, and that quoted evidence holds the
// quoted words.
func checkEvidence(t *testing.T, srcs []string, ledger []parallax.Quote) {
	t.Helper()
	index := func(id string) int { return int(id[0] - 'a') }
	for _, q := range ledger {
		if len(q.Sources) == 0 || len(q.Sources) != len(q.Evidence) || len(q.Sources) != len(q.Forms) {
			t.Errorf("entry %q: %d sources, %d spans, %d forms", q.Text, len(q.Sources), len(q.Evidence), len(q.Forms))
			continue
		}
		for i, e := range q.Evidence {
			src := srcs[index(q.Sources[i])]
			if e.Source != q.Sources[i] || e.Start < 0 || e.End > len(src) || e.Start >= e.End {
				t.Errorf("entry %q: bad span %+v", q.Text, e)
				continue
			}
			if i == 0 && src[e.Start:e.End] != q.Text {
				t.Errorf("entry %q: first evidence reads %q", q.Text, src[e.Start:e.End])
			}
		}
	}
}
