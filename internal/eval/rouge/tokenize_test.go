package rouge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// newTestScorer returns a Scorer for opts with a few exception pairs.
func newTestScorer(tb testing.TB, opts Options) *Scorer {
	tb.Helper()
	exc := NewExceptions(map[string]string{
		"better": "well", "geese": "goose", "mice": "mouse", "went": "go", "running": "run", "were": "be",
	})
	s, err := NewScorer(opts, exc)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestTokens(t *testing.T) {
	plain := newTestScorer(t, DefaultOptions())
	stemOpts := DefaultOptions()
	stemOpts.Stem = true
	stem := newTestScorer(t, stemOpts)
	tests := []struct {
		s    *Scorer
		in   string
		want []string
	}{
		{plain, `Mr. Flynn's lawyer -- Robert Kelner -- said: "no reasonable person"!`,
			[]string{"mr", "flynn", "s", "lawyer", "robert", "kelner", "said", "no", "reasonable", "person"}},
		{plain, "The 2016 election cost $1.5 billion, up 12% from 2012.",
			[]string{"the", "2016", "election", "cost", "1", "5", "billion", "up", "12", "from", "2012"}},
		{plain, "THE SENATE Intelligence", []string{"the", "senate", "intelligence"}},
		// Hyphens and every non-ASCII byte separate tokens.
		{plain, "A well-known ex-adviser re-testified", []string{"a", "well", "known", "ex", "adviser", "re", "testified"}},
		{plain, "Café owners in Zürich said “non” to the naïve plan — again.",
			[]string{"caf", "owners", "in", "z", "rich", "said", "non", "to", "the", "na", "ve", "plan", "again"}},
		{plain, "under_score tab\there\x00nul", []string{"under", "score", "tab", "here", "nul"}},
		{plain, "  \t ", nil},
		{plain, "", nil},
		// Stemming: exceptions first, then Porter; tokens of three bytes or
		// fewer are left alone.
		{stem, "Investigators were investigating the investigations of running runners.",
			[]string{"investig", "be", "investig", "the", "investig", "of", "run", "runner"}},
		{stem, "He was better and had the best geese and mice; they went.",
			[]string{"he", "was", "well", "and", "had", "the", "best", "goose", "and", "mouse", "thei", "go"}},
		{stem, "ties cats", []string{"ti", "cat"}},
	}
	for _, tt := range tests {
		got := tt.s.Tokens(tt.in)
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Tokens(%q) (stem=%v) mismatch (-want +got):\n%s", tt.in, tt.s.opts.Stem, diff)
		}
		// A Sentence holds the same tokens.
		if sents := tt.s.Sentences([]string{tt.in}); len(sents) == 1 {
			if diff := cmp.Diff(tt.want, sents[0].Tokens(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Sentences(%q) tokens mismatch (-want +got):\n%s", tt.in, diff)
			}
		}
	}
}

func TestSentencesSplitLines(t *testing.T) {
	s := newTestScorer(t, DefaultOptions())
	sents := s.Sentences([]string{"one two\nthree", "", "\n\nfour\n", " "})
	var got []string
	for i := range sents {
		got = append(got, sents[i].Text())
	}
	want := []string{"one two", "three", "four", " "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines mismatch (-want +got):\n%s", diff)
	}
}

func TestPerlWords(t *testing.T) {
	s := newTestScorer(t, DefaultOptions())
	tests := []struct {
		in   string
		want []int32
	}{
		{"a bc  d", []int32{1, 4, 7}},
		{"a b ", []int32{1, 3}},
		// A leading separator gives split(/\s+/) an empty first field...
		{" a b", []int32{0, 2, 4}},
		// ...unless there are no other fields.
		{" \t ", nil},
		{"x-y, z", []int32{4, 6}},
	}
	for _, tt := range tests {
		var sent Sentence
		s.fillSentence(&sent, tt.in)
		if diff := cmp.Diff(tt.want, sent.words, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("words of %q mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// cutText returns the n-gram tokens and the LCS units of a summary after
// the length limit of s.
func cutText(s *Scorer, text []string) (ngram []string, units [][]string) {
	sents := s.Sentences(text)
	for _, p := range ngramPieces(nil, sents, &s.opts) {
		whole, partial := s.cutTokens(&sents[p.sent], p.limit)
		ngram = append(ngram, whole...)
		if partial != "" {
			ngram = append(ngram, partial)
		}
	}
	for _, p := range lcsPieces(nil, sents, &s.opts) {
		whole, partial := s.cutTokens(&sents[p.sent], p.limit)
		unit := append([]string(nil), whole...)
		if partial != "" {
			unit = append(unit, partial)
		}
		units = append(units, unit)
	}
	return ngram, units
}

func TestLengthLimits(t *testing.T) {
	tests := []struct {
		name      string
		opts      Options
		text      []string
		wantNgram []string
		wantUnits [][]string
	}{
		{
			name:      "no limit",
			opts:      Options{},
			text:      []string{"a b c", "d e"},
			wantNgram: []string{"a", "b", "c", "d", "e"},
			wantUnits: [][]string{{"a", "b", "c"}, {"d", "e"}},
		},
		{
			name:      "words cut inside the second sentence",
			opts:      Options{LimitWords: 4},
			text:      []string{"a b c", "d e f", "g"},
			wantNgram: []string{"a", "b", "c", "d"},
			wantUnits: [][]string{{"a", "b", "c"}, {"d"}},
		},
		{
			name:      "words count raw whitespace-separated words, not tokens",
			opts:      Options{LimitWords: 3},
			text:      []string{"well-known -- ex-adviser said so"},
			wantNgram: []string{"well", "known", "ex", "adviser"},
			wantUnits: [][]string{{"well", "known", "ex", "adviser"}},
		},
		{
			name:      "a leading space is an extra empty word",
			opts:      Options{LimitWords: 2},
			text:      []string{" a b c"},
			wantNgram: []string{"a"},
			wantUnits: [][]string{{"a"}},
		},
		{
			name:      "limit reached exactly at a sentence end",
			opts:      Options{LimitWords: 3},
			text:      []string{"a b c", "d"},
			wantNgram: []string{"a", "b", "c"},
			wantUnits: [][]string{{"a", "b", "c"}},
		},
		{
			// The n-gram text takes 6 bytes, then 2 of "ghij" (separators
			// are not counted); the LCS units keep every sentence shorter
			// than the limit.
			name:      "bytes",
			opts:      Options{LimitBytes: 8},
			text:      []string{"abcdef", "ghij", "klmnopqrst", "uv"},
			wantNgram: []string{"abcdef", "gh"},
			wantUnits: [][]string{{"abcdef"}, {"ghij"}, {"klmnopqr"}},
		},
		{
			name:      "bytes cut a multi-byte character",
			opts:      Options{LimitBytes: 5},
			text:      []string{"ab Zürich"},
			wantNgram: []string{"ab", "z"},
			wantUnits: [][]string{{"ab", "z"}},
		},
		{
			name:      "bytes cut token is stemmed as cut",
			opts:      Options{LimitBytes: 16, Stem: true},
			text:      []string{"Hoppingly", "Runnings"},
			wantNgram: []string{"hoppingli", "run"},
			wantUnits: [][]string{{"hoppingli"}, {"run"}}, // Porter: runnings → running → run
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestScorer(t, tt.opts)
			ngram, units := cutText(s, tt.text)
			if diff := cmp.Diff(tt.wantNgram, ngram, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("n-gram text mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantUnits, units, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("LCS units mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
