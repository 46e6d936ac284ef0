package align

import (
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func pair(a, b string) Pair {
	st := text.NewStemmer()
	na, nb := text.Normalize(a).Text, text.Normalize(b).Text
	return ComparePair(na, text.Tokenize(na, st), nb, text.Tokenize(nb, st))
}

func TestDecisionSameFact(t *testing.T) {
	p := DefaultParams
	for _, c := range []struct {
		claim, cand string
		same        bool
	}{
		// The same fact in other words, with a detail more or less.
		{"Rebels shot down a government airliner carrying 40 soldiers near the Kindu airport on Saturday.",
			"On Saturday the rebels shot down a government airliner that was carrying 40 soldiers to the Kindu airport.", true},
		// The same names and topic, another fact.
		{"Rebels shot down a government airliner carrying 40 soldiers near the Kindu airport on Saturday.",
			"The government said the rebels were losing ground around the Kindu airport.", false},
		// The same fact in news's other words for it.
		{"The central bank cut interest rates to 3 percent on Thursday.",
			"On Thursday the central bank lowered interest rates to 3 percent.", true},
		{"Gunmen shot dead the mayor outside the town hall on Friday.",
			"The mayor was gunned down outside the town hall on Friday.", true},
		// A short fragment cannot stand for a long claim.
		{"Rebels shot down a government airliner carrying 40 soldiers near the Kindu airport on Saturday.",
			"Kindu airport.", false},
	} {
		f := pair(c.claim, c.cand)
		if got := p.Same(f); got != c.same {
			t.Errorf("Same(%q, %q) = %v, want %v (score %.2f, %+v)", c.claim, c.cand, got, c.same, p.Score(f), f)
		}
	}
}

func TestDecisionDisagreements(t *testing.T) {
	for _, c := range []struct {
		claim, cand string
		want        func(Pair) bool
		what        string
	}{
		{"The storm left three yachts missing.", "The storm left two yachts missing.",
			func(f Pair) bool { return f.NumberClash }, "spelled numbers of one counted word clash"},
		{"The storm left 3 yachts missing.", "The storm left 3 yachts missing off the coast.",
			func(f Pair) bool { return !f.NumberClash }, "the same count does not clash"},
		{"The minister resigned on Monday.", "The minister did not resign on Monday.",
			func(f Pair) bool { return f.Polarity }, "a negation on one side"},
		{"The offer was not on the table.", "The offer was rejected.",
			func(f Pair) bool { return !f.Polarity }, "a negation inside a paraphrase is not a denial"},
		{"The storm hit not only the coast but the hills.", "The storm hit the coast and the hills.",
			func(f Pair) bool { return !f.Polarity }, "an idiom that denies nothing"},
		{"The two companies will merge.", "The two companies may merge.",
			func(f Pair) bool { return f.Modality }, "a hedge on one side"},
	} {
		if f := pair(c.claim, c.cand); !c.want(f) {
			t.Errorf("%s: %q / %q: %+v", c.what, c.claim, c.cand, f)
		}
	}
}

func TestClauseScale(t *testing.T) {
	st := text.NewStemmer()
	s := "The panel, which met in secret, rejected the offer, officials said Monday."
	toks := text.Tokenize(s, st)
	sc := clauseScale(s, toks)
	want := map[string]float32{"panel": 1, "met": describing, "secret": describing, "rejected": 1, "offer": 1, "officials": attributing, "monday": attributing}
	for i, tok := range toks {
		if w, ok := want[tok.Lower]; ok && sc[i] != w {
			t.Errorf("%q: scale %v, want %v", tok.Lower, sc[i], w)
		}
	}
}

// TestClauseScaleThat checks "that" as a relative pronoun after a noun,
// and as the opening of what a verb or a noun of saying reports.
func TestClauseScaleThat(t *testing.T) {
	st := text.NewStemmer()
	for _, c := range []struct {
		s    string
		word string
		want float32
	}{
		{"The quake that hit the capital is feared to have killed thousands.", "hit", describing},
		{"The quake that hit the capital is feared to have killed thousands.", "killed", 1},
		{"The court ruled Tuesday that employers may ban the symbols.", "employers", 1},
		{"He said that the plant would close.", "plant", 1},
		{"She expressed doubt last month that the stadium would be ready.", "stadium", 1},
		{"There are fears that the toll will rise.", "toll", 1},
		{"The plan that the agency published was late.", "published", describing},
		{"The plan that the agency published was late.", "late", 1},
		{"The man who shot the mayor was arrested on Friday.", "shot", describing},
		{"The man who shot the mayor was arrested on Friday.", "arrested", 1},
		{"The panel, which met in secret, rejected the offer.", "rejected", 1},
		// Appositives between commas describe; list items do not.
		{"The coalition, the country's oldest government since the war, lost the vote.", "oldest", describing},
		{"The coalition, the country's oldest government since the war, lost the vote.", "lost", 1},
		{"Ana Ortiz, a nurse from the valley, said the clinic closed.", "nurse", describing},
		{"Farmers, miners, and teachers joined the strike.", "miners", 1},
		{"The coalition, which is the oldest, lost the vote.", "lost", 1},
		// A leading clause says what happened around the report.
		{"A day after shooting down a jetliner, rebels clashed with troops near the airstrip.", "jetliner", describing},
		{"A day after shooting down a jetliner, rebels clashed with troops near the airstrip.", "clashed", 1},
		{"After the vote, the council met again.", "vote", 1},
	} {
		toks := text.Tokenize(c.s, st)
		sc := clauseScale(c.s, toks)
		found := false
		for i, tok := range toks {
			if tok.Lower == c.word {
				found = true
				if sc[i] != c.want {
					t.Errorf("%q: %q scale %v, want %v", c.s, c.word, sc[i], c.want)
				}
			}
		}
		if !found {
			t.Fatalf("%q not in %q", c.word, c.s)
		}
	}
}

func TestSupportAdjacentAndOrder(t *testing.T) {
	docs := analyze(
		"The council approved a new bridge over the river on Tuesday after a long debate.\n\nThe mayor praised the vote.",
		"Fish were seen in the river.\n\nThe council approved a new bridge over the river on Tuesday after a long debate.",
		"A storm closed three schools in the valley.",
	)
	s := New(docs)
	u := s.SentUnit[0][0]
	ev := s.Support(u)
	if len(ev) != 1 || ev[0].Doc != 1 || len(ev[0].Units) != 1 || ev[0].Units[0] != s.SentUnit[1][1] {
		t.Fatalf("support of the bridge sentence: %+v", ev)
	}
	all := s.AllSupport()
	if len(all[u]) != 1 || all[u][0].Units[0] != ev[0].Units[0] {
		t.Errorf("AllSupport and Support disagree: %+v vs %+v", all[u], ev)
	}
	if got := s.Support(s.SentUnit[2][0]); len(got) != 0 {
		t.Errorf("the storm sentence has support %+v", got)
	}
}

// TestBackedNeedsTheVerb checks that a pair passes on the cosine's backing
// only when it holds some of the claim's verbs.
func TestBackedNeedsTheVerb(t *testing.T) {
	docs := analyze(
		"The council approved a new bridge over the river on Tuesday.",
		"The council approved a new bridge over the river on Tuesday.",
	)
	s := New(docs)
	u, v := s.ByDoc[0][0], s.ByDoc[1][0]
	if s.Units[u].Sent < 0 || s.Units[v].Sent < 0 {
		u, v = s.ByDoc[0][len(s.ByDoc[0])-1], s.ByDoc[1][len(s.ByDoc[1])-1]
	}
	p := s.Params()
	// A pair that misses the threshold but clears Backed.
	f := Pair{Shared: 4, ClaimCover: 0.5, CandidateCover: 0.5, CoreCover: 0.5, NameCover: 1, SharedWeight: 8, Subject: true}
	for f.VerbCover = 0; p.Score(f) < p.Backed; f.SharedWeight *= 1.5 {
	}
	if p.Same(f) {
		t.Fatalf("the made-up pair passes the threshold itself (score %.2f)", p.Score(f))
	}
	if s.Sim(u, v) < p.BackedCosine {
		t.Fatalf("the two copies' cosine %.2f is under %.2f", s.Sim(u, v), p.BackedCosine)
	}
	if s.backed(u, v, f) {
		t.Errorf("backed without any of the claim's verbs (score %.2f)", p.Score(f))
	}
	f.VerbCover = 1
	if p.Score(f) >= p.Threshold {
		t.Skipf("with its verbs the pair passes outright (score %.2f); nothing left to check", p.Score(f))
	}
	if !s.backed(u, v, f) {
		t.Errorf("not backed with the claim's verbs (score %.2f)", p.Score(f))
	}
}
