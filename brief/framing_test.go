package brief

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/text"
)

const (
	seed0 = "000_25cd7b8efd0045a1"
	seed1 = "001_73f322a9ff8e64d5"
	seed2 = "002_1a29c09ba1c270ad"
)

func framingOf(t *testing.T, b *parallax.Brief, id string) parallax.OutletFraming {
	t.Helper()
	for _, f := range b.Framing {
		if f.Source == id {
			return f
		}
	}
	t.Fatalf("no framing for %s", id)
	return parallax.OutletFraming{}
}

// The acceptance facts of the seeds: only 002 carries the Russian
// officials' denial (its sentence at bytes 1883-1935, with the verb of
// denial in it), and the framing says which voices 000 and 001 quote that
// 002 does not.
func TestFramingSeeds(t *testing.T) {
	b, _ := seedBrief(t)
	if len(b.Framing) != 3 {
		t.Fatalf("%d framings, want one per seed", len(b.Framing))
	}
	denial := parallax.Span{Source: seed2, Start: 1883, End: 1935}
	f2 := framingOf(t, b, seed2)
	if !slices.ContainsFunc(f2.OnlyHere, func(st parallax.Statement) bool {
		return len(st.Sources) == 1 && st.Evidence[0] == denial
	}) {
		t.Errorf("002's framing does not list the denial %v as only its own: %+v", denial, f2.OnlyHere)
	}
	found := false
	for _, v := range f2.Verbs {
		for _, sp := range v.Spans {
			if sp.Start >= denial.Start && sp.End <= denial.End {
				found = v.Verb == "denied"
			}
		}
	}
	if !found {
		t.Errorf("002's verbs do not hold the denial's verb inside %v: %+v", denial, f2.Verbs)
	}
	for _, f := range b.Framing {
		for _, st := range slices.Concat(f.OnlyHere, f.LeavesOut) {
			if f.Source != seed2 && slices.Contains(st.Evidence, denial) {
				t.Errorf("%s's framing cites the denial", f.Source)
			}
		}
	}

	// Whom 000 and 001 quote and 002 does not; 002 quotes Spicer (and a
	// reporter's question) only.
	want := []parallax.Unheard{
		{Speaker: "Robert Kelner", QuotedBy: []string{seed0, seed1}},
		{Speaker: "Donald Trump", QuotedBy: []string{seed0, seed1}},
		{Speaker: "a senior congressional official", QuotedBy: []string{seed0}},
		{Speaker: "Angus King", QuotedBy: []string{seed0}},
		{Speaker: "Adam Schiff", QuotedBy: []string{seed1}},
		{Speaker: "Michael Flynn", QuotedBy: []string{seed1}},
		{Speaker: "Jack Langer", QuotedBy: []string{seed1}},
	}
	if d := cmp.Diff(want, f2.Unheard); d != "" {
		t.Errorf("voices 002 does not quote (-want +got):\n%s", d)
	}
	var voices2 []string
	for _, v := range f2.Voices {
		voices2 = append(voices2, v.Speaker)
	}
	if d := cmp.Diff([]string{"Sean Spicer", "a reporter"}, voices2); d != "" {
		t.Errorf("002's voices (-want +got):\n%s", d)
	}
	// Each unheard voice is quoted where the framing says, at these
	// spans: Kelner's "reasonable person" in 000 and 001.
	kelner := map[string]parallax.Span{
		seed0: {Source: seed0, Start: 1100, End: 1117},
		seed1: {Source: seed1, Start: 1799, End: 1816},
	}
	for id, sp := range kelner {
		f := framingOf(t, b, id)
		i := slices.IndexFunc(f.Voices, func(v parallax.Voice) bool { return v.Speaker == "Robert Kelner" })
		if i < 0 || !slices.Contains(f.Voices[i].Spans, sp) {
			t.Errorf("%s: Kelner's voice does not hold %v: %+v", id, sp, f.Voices)
		}
	}
	// 002 leaves out Kelner's statement that 000 and 001 carry.
	if !slices.ContainsFunc(f2.LeavesOut, func(st parallax.Statement) bool {
		return slices.Equal(st.Sources, []string{seed0, seed1}) && st.Evidence[0].Start <= 1100 && st.Evidence[0].End >= 1117
	}) {
		t.Errorf("002 does not leave out Kelner's statement: %+v", f2.LeavesOut)
	}
}

// Every span of the framing lies in its source's text, on character
// boundaries, and says what the framing says it does.
func TestFramingSpans(t *testing.T) {
	for _, c := range []struct {
		name string
		arts func(testing.TB) []parallax.Article
	}{{"seeds", seeds}, {"duc", ducCluster}, {"pooled", func(t testing.TB) []parallax.Article { return pooled(t, 40) }}} {
		t.Run(c.name, func(t *testing.T) {
			arts := c.arts(t)
			b, err := Build(context.Background(), arts, Options{KeepAll: true})
			if err != nil {
				t.Fatal(err)
			}
			texts := map[string]string{}
			for _, a := range arts {
				texts[a.ID] = a.Text
			}
			check := func(id string, sp parallax.Span) string {
				t.Helper()
				tx := texts[sp.Source]
				if sp.Source != id || sp.Start < 0 || sp.End > len(tx) || sp.Start >= sp.End ||
					!utf8.RuneStart(tx[sp.Start]) || sp.End < len(tx) && !utf8.RuneStart(tx[sp.End]) {
					t.Errorf("%s: span %+v out of its text or cuts a character", id, sp)
					return ""
				}
				return tx[sp.Start:sp.End]
			}
			if len(b.Framing) != len(arts) {
				t.Fatalf("%d framings for %d articles", len(b.Framing), len(arts))
			}
			for _, f := range b.Framing {
				var lead []string
				for _, sp := range f.Lead {
					lead = append(lead, check(f.Source, sp))
				}
				if strings.Join(lead, " ") != f.LeadText {
					t.Errorf("%s: lead text is not its spans' text", f.Source)
				}
				for _, v := range f.Verbs {
					n := 0
					for _, s := range v.Speakers {
						n += s.Count
					}
					if v.Count != len(v.Spans) || n != v.Count {
						t.Errorf("%s: verb %q counted %d, %d spans, %d by speaker", f.Source, v.Verb, v.Count, len(v.Spans), n)
					}
					for _, sp := range v.Spans {
						if got := foldWords(check(f.Source, sp)); got != v.Verb {
							t.Errorf("%s: verb %q at %+v reads %q", f.Source, v.Verb, sp, got)
						}
					}
				}
				for _, h := range f.Hedges {
					if got := foldWords(check(f.Source, h.Span)); got != h.Word {
						t.Errorf("%s: hedge %q at %+v reads %q", f.Source, h.Word, h.Span, got)
					}
				}
				for _, c := range f.Credits {
					if got := check(f.Source, c.Span); got != c.Name {
						t.Errorf("%s: credit %q at %+v reads %q", f.Source, c.Name, c.Span, got)
					}
				}
				share := 0.0
				for _, v := range f.Voices {
					share += v.Share
					for _, sp := range v.Spans {
						check(f.Source, sp)
					}
				}
				if len(f.Voices) > 0 && (share < 0.999 || share > 1.001) {
					t.Errorf("%s: voices' shares add up to %.3f", f.Source, share)
				}
				for _, st := range slices.Concat(f.LeavesOut, f.OnlyHere) {
					for _, sp := range st.Evidence {
						check(sp.Source, sp)
					}
				}
				for _, st := range f.LeavesOut {
					if slices.Contains(st.Sources, f.Source) {
						t.Errorf("%s leaves out a statement it is cited for", f.Source)
					}
				}
			}
		})
	}
}

// foldWords reads a span as the framing names it: normalized, lower case,
// single spaces.
func foldWords(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(text.Normalize(s).Text)), " ")
}

func TestCarriedBy(t *testing.T) {
	pub := &parallax.OutletProfile{Name: "P", Country: "UK", Ownership: "public broadcaster"}
	pub2 := &parallax.OutletProfile{Name: "P2", Country: "Ireland", Ownership: "public broadcaster"}
	priv := &parallax.OutletProfile{Name: "Q", Country: "US", Ownership: "private"}
	state := &parallax.OutletProfile{Name: "S", Country: "Russia", Ownership: "state-controlled"}
	state2 := &parallax.OutletProfile{Name: "S2", Country: "Russia", Ownership: "state-controlled"}
	trust := &parallax.OutletProfile{Name: "T", Country: "UK", Ownership: "private (trust-owned)"}
	profiles := map[string]*parallax.OutletProfile{"p": pub, "p2": pub2, "q": priv, "s": state, "s2": state2, "t": trust, "u": nil}
	outlets := map[string]string{"p": "P", "p2": "P2", "q": "Q", "s": "S", "s2": "S2", "t": "T", "u": "U", "q-again": "Q"}
	profiles["q-again"] = priv
	cases := []struct {
		ids  []string
		want string
	}{
		{[]string{"s"}, "only a state-controlled outlet (Russia) reports this"},
		{[]string{"s", "s2"}, "only state-controlled outlets (Russia) report this"},
		{[]string{"p", "p2", "q"}, "reported by 2 public broadcasters, 1 private outlet (Ireland, UK, US)"},
		{[]string{"q", "q-again"}, "only a private outlet (US) reports this"}, // one outlet, two articles
		{[]string{"t", "u"}, "reported by 1 private outlet (trust-owned) (UK) and 1 outlet not in the outlet table"},
		{[]string{"u"}, ""},
	}
	for _, c := range cases {
		if got := carriedBy(c.ids, profiles, outlets); got != c.want {
			t.Errorf("carriedBy(%v) = %q, want %q", c.ids, got, c.want)
		}
	}
	// Every outlet of the story of one kind: no "only".
	all := map[string]*parallax.OutletProfile{"s": state, "s2": state2}
	if got := carriedBy([]string{"s"}, all, outlets); got != "reported by 1 state-controlled outlet (Russia)" {
		t.Errorf("one kind in the story: %q", got)
	}
}

// The starter table is the default: outlets it lists get a profile and
// their statements a CarriedBy line; an empty table gives none.
func TestFramingProfiles(t *testing.T) {
	arts := seeds(t)
	names := []string{"NPR", "The Guardian", "Sputnik"}
	for i := range arts {
		arts[i].Outlet = names[i]
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := b.Framing[2].Profile; p == nil || p.Ownership != "state-controlled" {
		t.Errorf("Sputnik's profile: %+v", p)
	}
	for _, list := range b.Exclusive {
		for _, st := range list {
			if st.CarriedBy == "" || !strings.HasPrefix(st.CarriedBy, "only a ") {
				t.Errorf("exclusive statement of %s: carried by %q", st.Sources[0], st.CarriedBy)
			}
		}
	}
	if got := b.Exclusive[arts[2].ID][0].CarriedBy; got != "only a state-controlled outlet (Russia) reports this" {
		t.Errorf("the denial: carried by %q", got)
	}
	b, err = Build(context.Background(), arts, Options{Outlets: []parallax.OutletProfile{}})
	if err != nil {
		t.Fatal(err)
	}
	if b.Framing[2].Profile != nil || b.Summary[0].CarriedBy != "" {
		t.Errorf("an empty table gave a profile or a CarriedBy line")
	}
}

func TestHedgesAndCredits(t *testing.T) {
	cases := []struct {
		text    string
		hedges  []string
		credits []string // name/kind/cue
	}{
		{"The minister reportedly met the envoy in May. He may resign, officials could not say.",
			[]string{"reportedly", "may"}, nil},
		{"The deal is said to be close, according to sources. \"It may fail,\" she said.",
			[]string{"is said to", "according to sources"}, nil},
		{"The senator told NBC's Meet the Press that he would vote no, according to The Washington Post.",
			nil, []string{"NBC/outlet/told", "The Washington Post/outlet/according to"}},
		{"Reuters reported the talks on Friday. The Kyiv Post first reported the move.",
			nil, []string{"Reuters/outlet/reported", "The Kyiv Post/outlet/reported"}},
		{"However, USA Today published the letter. In a statement, the firm denied it.",
			nil, []string{"USA Today/outlet/published", "a statement/document/in"}},
		{"She told reporters the plan was ready, according to a report in the Financial Times.",
			nil, []string{"a report/document/according to", "the Financial Times/outlet/report in"}},
		{"according to the new york times, the alleged plot was foiled.",
			[]string{"alleged"}, []string{"the new york times/outlet/according to"}},
		{"He told Smith the time was right, and the independent panel agreed.", nil, nil},
		{"All four novels were on the New York Times bestseller list, in a post-war boom.", nil, nil},
		{"She appeared on CNN and spoke on Fox News.", nil, []string{"CNN/outlet/appeared on", "Fox News/outlet/on"}},
	}
	n := newOutletNames([]string{"Sputnik"})
	for _, c := range cases {
		d := text.Analyze(c.text, text.NewStemmer())
		var quoted quotedRanges
		for _, q := range quote.Find(d, nil) {
			for _, p := range q.Parts {
				quoted = append(quoted, [2]int{p.NormStart, p.NormEnd})
			}
		}
		var hedges, credits []string
		for _, h := range findHedges(d, quoted) {
			hedges = append(hedges, h.Word)
		}
		for _, cr := range findCredits(d, quoted, n) {
			credits = append(credits, cr.Name+"/"+cr.Kind+"/"+cr.Cue)
		}
		if d := cmp.Diff(c.hedges, hedges); d != "" {
			t.Errorf("%q: hedges (-want +got):\n%s", c.text, d)
		}
		if d := cmp.Diff(c.credits, credits); d != "" {
			t.Errorf("%q: credits (-want +got):\n%s", c.text, d)
		}
	}
}

// FuzzFramingWords: on any text, hedges and credits are found without a
// panic, each span in the text on character boundaries, a hedge's span
// reading as its word and a credit's as its name, in text order.
func FuzzFramingWords(f *testing.F) {
	for _, s := range []string{
		"The minister reportedly met the envoy in May.",
		"He told NBC's Meet the Press, according to The Washington Post, that it is said to be true.",
		"\u201cIt may fail,\u201d she told CNN\u2019s reporters. USA Today published it.",
		"according to a report in the kyiv post the plan could not work",
		"In his resignation letter he conceded nothing. Reuters, which first reported it, said so.",
		"The Times \u2026 reported. In a",
		"\"unbalanced quote told the BBC",
	} {
		f.Add(s)
	}
	n := newOutletNames([]string{"Sputnik", "The Kyiv Independent"})
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4000 {
			return
		}
		d := text.Analyze(s, text.NewStemmer())
		var quoted quotedRanges
		for _, q := range quote.Find(d, nil) {
			for _, p := range q.Parts {
				quoted = append(quoted, [2]int{p.NormStart, p.NormEnd})
			}
		}
		ok := func(sp parallax.Span) bool {
			return sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(s) && utf8.RuneStart(s[sp.Start]) &&
				(sp.End == len(s) || utf8.RuneStart(s[sp.End]))
		}
		last := -1
		for _, h := range findHedges(d, quoted) {
			if !ok(h.Span) || h.Span.Start < last {
				t.Fatalf("hedge %+v out of %q or out of order", h, s)
			}
			last = h.Span.Start
			if got := foldWords(s[h.Span.Start:h.Span.End]); got != h.Word {
				t.Errorf("hedge %q reads %q", h.Word, got)
			}
		}
		last = -1
		for _, c := range findCredits(d, quoted, n) {
			if !ok(c.Span) || c.Span.Start < last {
				t.Fatalf("credit %+v out of %q or out of order", c, s)
			}
			last = c.Span.Start
			if s[c.Span.Start:c.Span.End] != c.Name || c.Kind != "outlet" && c.Kind != "document" {
				t.Errorf("credit %+v reads %q", c, s[c.Span.Start:c.Span.End])
			}
		}
	})
}

// BenchmarkFraming measures the framing alone (quotations, verbs, hedges,
// credits, voices, what each article leaves out), on the seeds, a DUC
// cluster and 300 articles.
func BenchmarkFraming(b *testing.B) {
	for _, c := range []struct {
		name string
		arts func(testing.TB) []parallax.Article
	}{{"seeds", seeds}, {"duc-cluster", ducCluster}, {"300-articles", func(t testing.TB) []parallax.Article { return pooled(t, 300) }}} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			st := Analyze(ctx, c.arts(b))
			br, err := st.Brief(ctx, Options{})
			if err != nil {
				b.Fatal(err)
			}
			loose := st.Align.AllMatches(exclusiveThreshold)
			support := st.Align.AllSupport()
			reports := st.copies(br)
			table := outletTable(nil)
			b.ReportAllocs()
			for b.Loop() {
				st.framing(br, loose, support, reports, table)
			}
		})
	}
}
