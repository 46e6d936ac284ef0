package brief

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
)

const (
	peopleSeed0 = "000_25cd7b8efd0045a1"
	peopleSeed1 = "001_73f322a9ff8e64d5"
	peopleSeed2 = "002_1a29c09ba1c270ad"
)

// TestSeedsPeople checks the acceptance of issue 11 on the seeds: one
// canonical name per person in the people list and in the ledger, and
// Kelner's "reasonable person" statement carried by 000 and 001 with the
// differing wording. It names spans by offsets, never by the articles'
// words.
func TestSeedsPeople(t *testing.T) {
	b, arts := seedBrief(t)
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	byName := map[string]parallax.Person{}
	for _, p := range b.People {
		if _, dup := byName[p.Name]; dup {
			t.Errorf("%q is listed twice", p.Name)
		}
		byName[p.Name] = p
		for _, m := range p.Mentions {
			checkSpan(t, texts, "mention of "+p.Name, m)
		}
		for _, r := range p.Roles {
			for _, e := range r.Evidence {
				checkSpan(t, texts, "role of "+p.Name, e)
			}
		}
	}
	// Flynn: one person, every form an alias, mentioned in all three.
	flynn, ok := byName["Michael Flynn"]
	if !ok {
		t.Fatalf("no Michael Flynn among %d people", len(b.People))
	}
	for _, other := range []string{"Flynn", "Mike Flynn", "Mr Flynn", "General Flynn"} {
		if _, ok := byName[other]; ok {
			t.Errorf("%q is listed apart from Michael Flynn", other)
		}
	}
	if diff := cmp.Diff([]string{"Flynn", "Mike Flynn"}, flynn.Aliases); diff != "" {
		t.Errorf("Flynn's aliases (-want +got):\n%s", diff)
	}
	srcs := map[string]bool{}
	for _, m := range flynn.Mentions {
		srcs[m.Source] = true
	}
	if len(srcs) != 3 || flynn.Kind != "person" {
		t.Errorf("Michael Flynn: kind %q, mentioned in %d sources, want person in 3", flynn.Kind, len(srcs))
	}
	// Roles as attributes.
	roles := func(name string) []string {
		var out []string
		for _, r := range byName[name].Roles {
			out = append(out, r.Role+"|"+r.Organization+"|"+r.Of+"|"+strings.Join(r.Sources, ","))
		}
		return out
	}
	if got := roles("Sean Spicer"); !slices.Contains(got, "spokesman|White House||"+peopleSeed1) {
		t.Errorf("Sean Spicer's roles %q lack spokesman of the White House in 001", got)
	}
	if got := roles("Robert Kelner"); !slices.Contains(got, "lawyer||Michael Flynn|"+peopleSeed0) ||
		!slices.Contains(got, "attorney||Michael Flynn|"+peopleSeed1+","+peopleSeed2) {
		t.Errorf("Robert Kelner's roles %q lack Flynn's lawyer (000) and attorney (001, 002)", got)
	}
	// Organizations and places.
	for name, kind := range map[string]string{"FBI": "organization", "White House": "organization",
		"Senate Intelligence Committee": "organization", "Russia": "place", "Moscow": "place"} {
		if p, ok := byName[name]; !ok || p.Kind != kind {
			t.Errorf("%s: listed %v, kind %q, want %s", name, ok, p.Kind, kind)
		}
	}
	// The ledger's speakers are the people's canonical names.
	for _, q := range b.Quotes {
		for _, sp := range append([]string{q.Speaker}, q.Speakers...) {
			if strings.Contains(sp, "Flynn") && !strings.Contains(sp, "'s") && sp != "Michael Flynn" {
				t.Errorf("ledger speaker %q is not Flynn's canonical name", sp)
			}
		}
	}
	if got := byName["Donald Trump"].QuotedBy; !slices.Equal(got, []string{peopleSeed0, peopleSeed1, peopleSeed2}) {
		t.Errorf("Donald Trump quoted by %v, want all three", got)
	}
	// Kelner's statement: 000 first, 001 reworded, at the offsets of the
	// reported clauses, with the changed words located in both.
	var kelner []parallax.Quote
	for _, q := range b.Quotes {
		if q.Speaker == "Robert Kelner" && q.Kind == parallax.QuotePartial {
			kelner = append(kelner, q)
		}
	}
	if len(kelner) != 1 {
		t.Fatalf("%d partial statements by Kelner, want 1", len(kelner))
	}
	k := kelner[0]
	want := []parallax.Span{{Source: peopleSeed0, Start: 1096, End: 1240}, {Source: peopleSeed1, Start: 1795, End: 2017}}
	if diff := cmp.Diff(want, k.Evidence); diff != "" {
		t.Errorf("Kelner's evidence (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{parallax.FormVerbatim, parallax.FormReworded}, k.Forms); diff != "" {
		t.Errorf("Kelner's forms (-want +got):\n%s", diff)
	}
	if len(k.Changes) != 2 || k.Changes[0] != nil || len(k.Changes[1]) == 0 {
		t.Fatalf("Kelner's changes: %+v", k.Changes)
	}
	for _, c := range k.Changes[1] {
		if c.From != nil {
			checkSpan(t, texts, "change from", *c.From)
			if c.From.Start < want[0].Start || c.From.End > want[0].End || texts[peopleSeed0][c.From.Start:c.From.End] != c.FromText {
				t.Errorf("change from %+v is outside 000's clause or does not read its text", c.From)
			}
		}
		if c.To != nil {
			checkSpan(t, texts, "change to", *c.To)
			if c.To.Start < want[1].Start || c.To.End > want[1].End || texts[peopleSeed1][c.To.Start:c.To.End] != c.ToText {
				t.Errorf("change to %+v is outside 001's clause or does not read its text", c.To)
			}
		}
	}
	// Both carry the two quoted words unchanged: no change touches them.
	quoted := strings.Index(texts[peopleSeed0][want[0].Start:want[0].End], "\"") + want[0].Start
	for _, c := range k.Changes[1] {
		if c.From != nil && c.From.Start <= quoted+1 && c.From.End > quoted+1 {
			t.Errorf("change %+v touches the quoted words", c.From)
		}
	}
}

func checkSpan(t *testing.T, texts map[string]string, what string, sp parallax.Span) {
	t.Helper()
	src, ok := texts[sp.Source]
	if !ok || sp.Start < 0 || sp.End > len(src) || sp.Start >= sp.End || !utf8.RuneStart(src[sp.Start]) ||
		sp.End < len(src) && !utf8.RuneStart(src[sp.End]) {
		t.Errorf("%s: span %+v is not inside its source on rune boundaries", what, sp)
	}
}

// TestMultiNewsPeople builds the people of lower-cased Multi-News stories
// and checks that names restored from context are found and every span
// holds the name it is a mention of, case aside.
func TestMultiNewsPeople(t *testing.T) {
	stories := multiNews(t)
	found, persons := 0, 0
	for _, st := range stories[:min(len(stories), 40)] {
		arts := st.Articles()
		b, err := Build(context.Background(), arts, Options{KeepAll: true})
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		for _, a := range arts {
			texts[a.ID] = a.Text
		}
		for _, p := range b.People {
			if p.Kind == "person" {
				persons++
			}
			for _, m := range p.Mentions {
				checkSpan(t, texts, "mention of "+p.Name, m)
				found++
			}
		}
	}
	t.Logf("40 stories: %d persons, %d mentions", persons, found)
	if persons == 0 {
		t.Errorf("no person found in 40 lower-cased stories")
	}
}

// BenchmarkPeople measures the people and the ledger of the 300-article
// pile of lower-cased Multi-News articles, analysed beforehand.
func BenchmarkPeople(b *testing.B) {
	for _, c := range []struct {
		name string
		arts []parallax.Article
	}{{"seeds", seeds(b)}, {"300-articles", pooled(b, 300)}} {
		b.Run(c.name, func(b *testing.B) {
			st := Analyze(context.Background(), c.arts)
			b.ReportAllocs()
			for b.Loop() {
				st.people()
			}
		})
	}
}

// TestCommonWordsAreNoPerson checks that a run of capitalized common words
// is not listed as a person, while names with a first name or a title are,
// even when their family name is a common word.
func TestCommonWordsAreNoPerson(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "Neil Young spoke at the rally on Election Day. Young said the vote mattered. " +
			"Political Rights groups marched, and Mr. Long watched from the square."},
		{ID: "b", Text: "Neil Young sang for an hour. The Human Rights office was closed on Election Day."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range b.People {
		names = append(names, p.Name)
	}
	for _, want := range []string{"Neil Young", "Long"} {
		if !slices.Contains(names, want) {
			t.Errorf("people %q: %q is missing", names, want)
		}
	}
	for _, not := range []string{"Election Day", "Political Rights", "Human Rights"} {
		if slices.Contains(names, not) {
			t.Errorf("people %q: %q is no person", names, not)
		}
	}
}
