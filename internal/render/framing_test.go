package render

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
)

// expectedFramingCites lists the citations of the page's framing, in the
// page's order: each outlet's lead, whom it does not quote (by the
// sources that do), its credits, what it leaves out, what only it has.
func expectedFramingCites(b *parallax.Brief) []expectedCite {
	var out []expectedCite
	for _, f := range b.Framing {
		if len(f.Lead) > 0 {
			sp := f.Lead[0]
			sp.End = f.Lead[len(f.Lead)-1].End
			out = append(out, expectedCite{source: f.Source, span: &sp})
		}
		for _, u := range f.Unheard {
			for _, id := range u.QuotedBy {
				out = append(out, expectedCite{source: id})
			}
		}
		for i := range f.Credits {
			out = append(out, expectedCite{source: f.Source, span: &f.Credits[i].Span})
		}
		for _, st := range append(append([]parallax.Statement{}, f.LeavesOut...), f.OnlyHere...) {
			for i, id := range st.Sources {
				c := expectedCite{source: id}
				if i < len(st.Evidence) {
					c.span = &st.Evidence[i]
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// The seeds' framing in Markdown: the table has a row per outlet, the
// details say that only [3] reports the denial and whom [3] does not
// quote; profiles of outlets named in the starter table show.
func TestMarkdownFraming(t *testing.T) {
	articles := seeds(t)
	names := []string{"NPR", "The Guardian", "Sputnik"}
	for i := range articles {
		articles[i].Outlet = names[i]
	}
	b, err := brief.Build(context.Background(), articles, brief.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	if err := Markdown(&sb, b); err != nil {
		t.Fatal(err)
	}
	md := sb.String()
	i := strings.Index(md, "\n## Framing\n")
	if i < 0 {
		t.Fatal("no Framing section")
	}
	sec := md[i:strings.Index(md, "\n## Sources\n")]
	rows := 0
	for _, line := range strings.Split(sec, "\n") {
		if strings.HasPrefix(line, "| [") {
			rows++
			if n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); n != 9 {
				t.Errorf("table row with %d cells: %q", n-1, line)
			}
		}
	}
	if rows != 3 {
		t.Errorf("%d table rows, want 3", rows)
	}
	for _, want := range []string{
		"| [3] Sputnik (state-controlled, Russia) |",
		"### [3] Sputnik (state-controlled, Russia)",
		"- Does not quote, as others do: Robert Kelner [1][2], Donald Trump [1][2],",
		"_(only a state-controlled outlet (Russia) reports this)_",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestHTMLFramingEscapes(t *testing.T) {
	evil := `<script>alert(1)</script>"|`
	b := &parallax.Brief{
		Sources: []parallax.Source{{ID: "a", Outlet: evil}, {ID: "b", Outlet: "B"}},
		Framing: []parallax.OutletFraming{{
			Source: "a", Outlet: evil, Profile: &parallax.OutletProfile{Name: evil, Ownership: evil, Labels: []string{evil}},
			LeadText: evil, Lead: []parallax.Span{{Source: "a", Start: 0, End: 3}},
			Verbs:    []parallax.VerbUse{{Verb: evil, Count: 1, Speakers: []parallax.NameCount{{Name: evil, Count: 1}}}},
			Hedges:   []parallax.Hedge{{Word: evil}},
			Voices:   []parallax.Voice{{Speaker: evil, Share: 1, Quotes: 1, Words: 3}},
			Unheard:  []parallax.Unheard{{Speaker: evil, QuotedBy: []string{"b"}}},
			Credits:  []parallax.Credit{{Name: evil, Kind: "outlet", Cue: evil, Span: parallax.Span{Source: "a", Start: 0, End: 3}}},
			OnlyHere: []parallax.Statement{{Text: evil, Sources: []string{"a"}, CarriedBy: evil}},
		}},
	}
	var sb strings.Builder
	if err := HTML(&sb, b, []parallax.Article{{ID: "a", Text: "abc def"}, {ID: "b", Text: "b"}}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sb.String(), "<script>") {
		t.Error("the framing lets markup through")
	}
	sb.Reset()
	if err := Markdown(&sb, b); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(sb.String(), "\n") {
		if strings.HasPrefix(line, "| [") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 9 {
			t.Errorf("a pipe in a name breaks the table: %q", line)
		}
	}
}
