package align

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/text"
)

func analyze(texts ...string) []*text.Document {
	st := text.NewStemmer()
	var docs []*text.Document
	for _, t := range texts {
		docs = append(docs, text.Analyze(t, st))
	}
	return docs
}

func TestTermsParaphrase(t *testing.T) {
	st := text.NewStemmer()
	terms := func(s string) []string { return Terms(text.Tokenize(s, st)) }
	for _, pair := range [][2]string{
		{"The panel rejected it", "The panel rebuffed it"},
		{"The offer was not on the table", "The offer was rejected"},
		{"His lawyer spoke", "His attorney spoke"},
		{"Mike Flynn", "Michael Flynn"},
	} {
		a, b := terms(pair[0]), terms(pair[1])
		if !slices.Equal(a, b) {
			t.Errorf("%q -> %v, %q -> %v: want the same terms", pair[0], a, pair[1], b)
		}
	}
	if got := terms("He paid 1,000 dollars in 2016"); !slices.Contains(got, "#1000") || !slices.Contains(got, "#2016") {
		t.Errorf("numbers: %v", got)
	}
}

func TestMatches(t *testing.T) {
	docs := analyze(
		"The city council approved the new bridge on Tuesday.\n\nThe mayor wore a red hat.",
		"On Tuesday the council approved a new bridge for the city.\n\nFish were seen in the river.",
		"A storm closed three schools in the valley.",
	)
	s := New(docs)
	u := s.SentUnit[0][0]
	ms := s.Matches(u, DefaultThreshold)
	if len(ms) != 1 || s.Units[ms[0].Unit].Doc != 1 || s.Units[ms[0].Unit].Sent != 0 {
		t.Fatalf("matches of the bridge sentence: %+v", ms)
	}
	if got := s.Matches(s.SentUnit[0][1], DefaultThreshold); len(got) != 0 {
		t.Errorf("the hat sentence matched %+v", got)
	}
	all := s.AllMatches(DefaultThreshold)
	for v := range s.Units {
		if !slices.Equal(all[v], s.Matches(v, DefaultThreshold)) {
			t.Errorf("AllMatches and Matches disagree on unit %d", v)
		}
	}
	// Similarity is symmetric and a unit matches itself fully.
	a, b := s.SentUnit[0][0], s.SentUnit[1][0]
	if d := s.Sim(a, b) - s.Sim(b, a); d > 1e-6 || d < -1e-6 {
		t.Errorf("Sim not symmetric")
	}
	if sim := s.Sim(a, a); sim < 0.999 || sim > 1.001 {
		t.Errorf("Sim(a, a) = %v", sim)
	}
	c := s.Centrality()
	if c[s.SentUnit[0][0]] <= c[s.SentUnit[0][1]] {
		t.Errorf("centrality %v: the shared sentence should be most central", c)
	}
}

// TestSeedsRejection checks the alignment the brief relies on: the three
// outlets' reports of the rejected immunity request meet.
func TestSeedsRejection(t *testing.T) {
	s := New(analyze(seedTexts(t)...))
	ms := s.Matches(s.SentUnit[0][0], DefaultThreshold)
	var docs []int
	for _, m := range ms {
		docs = append(docs, s.Units[m.Unit].Doc)
	}
	if !slices.Equal(docs, []int{1, 2}) {
		t.Errorf("000's first sentence matches articles %v, want [1 2]", docs)
	}
}

func seedTexts(tb testing.TB) []string {
	var texts []string
	for _, a := range sharedtest.Seeds(tb) {
		texts = append(texts, a.Text)
	}
	return texts
}

func BenchmarkAlign(b *testing.B) {
	docs := analyze(seedTexts(b)...)
	b.ReportAllocs()
	for b.Loop() {
		s := New(docs)
		s.AllMatches(DefaultThreshold)
	}
}

func TestBackgroundTable(t *testing.T) {
	bg := loadBackground()
	if bg.docs < 10000 || len(bg.df) < 10000 {
		t.Fatalf("background table: %v articles, %d stems; want a large news background", bg.docs, len(bg.df))
	}
	// Common words weigh less than rare ones; a missing word is as rare as
	// the rarest kept.
	if !(bg.idf("said") < bg.idf("hurrican") && bg.idf("hurrican") < bg.idf("zzzunknown")) {
		t.Errorf("idf said %.2f, hurrican %.2f, unknown %.2f: want increasing",
			bg.idf("said"), bg.idf("hurrican"), bg.idf("zzzunknown"))
	}
}
