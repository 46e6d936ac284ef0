package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// expectedPeopleCites lists the citations of the People section and the
// quote ledger, in page order: each shown person's roles and the sources
// quoting them; each ledger entry's carriers, then its reworded carriers
// again before their changed words.
func expectedPeopleCites(b *parallax.Brief) []expectedCite {
	var out []expectedCite
	persons, _, _ := ShownPeople(b)
	for _, p := range persons {
		for _, r := range p.Roles {
			for i, id := range r.Sources {
				c := expectedCite{source: id}
				if i < len(r.Evidence) {
					c.span = &r.Evidence[i]
				}
				out = append(out, c)
			}
		}
		for _, id := range p.QuotedBy {
			out = append(out, expectedCite{source: id})
		}
	}
	for _, q := range b.Quotes {
		var changed []expectedCite
		for i, id := range q.Sources {
			c := expectedCite{source: id}
			if i < len(q.Evidence) {
				c.span = &q.Evidence[i]
			}
			out = append(out, c)
			if i < len(q.Changes) && len(q.Changes[i]) > 0 {
				changed = append(changed, c)
			}
		}
		out = append(out, changed...)
	}
	return out
}

// ledgerBrief is a brief with one person of each kind of mention and one
// ledger entry of each kind, with hostile text in every field.
func ledgerBrief() *parallax.Brief {
	x := func(s, e int) *parallax.Span { return &parallax.Span{Source: "a", Start: s, End: e} }
	return &parallax.Brief{
		Sources: []parallax.Source{{ID: "a", Outlet: "A"}, {ID: "b", Outlet: "B"}},
		People: []parallax.Person{
			{Name: "Ann <b>Roe</b>", Kind: "person", Aliases: []string{"Roe"},
				Roles: []parallax.Role{{Role: "lawyer", Of: "Tom Ward", Sources: []string{"a"}, Evidence: []parallax.Span{*x(0, 3)}},
					{Role: "spokesman", Organization: "White House", Sources: []string{"b"}, Evidence: []parallax.Span{{Source: "b", Start: 0, End: 2}}}},
				Mentions: []parallax.Span{*x(4, 7)}, QuotedBy: []string{"a", "b"}},
			{Name: "FBI", Kind: "organization", Mentions: []parallax.Span{*x(8, 11)}},
			{Name: "Moscow", Kind: "place", Mentions: []parallax.Span{*x(12, 15)}},
		},
		Quotes: []parallax.Quote{
			{Speaker: "Ann Roe", Kind: parallax.QuotePartial, Text: `no "reasonable person" would <i>talk</i>`,
				Sources: []string{"a", "b"}, Evidence: []parallax.Span{*x(0, 10), {Source: "b", Start: 0, End: 5}},
				Forms:    []string{parallax.FormVerbatim, parallax.FormReworded},
				Speakers: []string{"Ann Roe", "Tom Ward"},
				Changes: [][]parallax.WordChange{nil, {
					{From: x(5, 7), FromText: "would <script>", To: &parallax.Span{Source: "b", Start: 1, End: 3}, ToText: "who has"},
					{From: x(8, 9), FromText: "talk"},
				}},
				Flags: []string{parallax.FlagSpeakerConflict}},
			{Speaker: "Tom Ward", Kind: parallax.QuoteIndirect, Text: "the bridge would reopen",
				Sources: []string{"a"}, Evidence: []parallax.Span{*x(0, 4)}, Forms: []string{parallax.FormIndirect}},
			{Speaker: "Tom Ward", Text: "We will build it.", Sources: []string{"b", "a"},
				Evidence: []parallax.Span{{Source: "b", Start: 0, End: 4}, *x(0, 6)},
				Forms:    []string{parallax.FormVerbatim, parallax.FormParaphrased}, Flags: []string{parallax.FlagQuotedByOne}},
		},
	}
}

func TestMarkdownPeopleAndLedger(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, ledgerBrief()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"## People\n\n- **Ann <b>Roe</b>** — lawyer of Tom Ward [1]; spokesman (White House) [2] — also \"Roe\" — quoted by [1][2]\n",
		"\nOrganizations: FBI.\n", "\nPlaces: Moscow.\n",
		"- **Ann Roe** (partial quotation): no \"reasonable person\" would <i>talk</i> [1], [2] reworded\n",
		"  - [2] words changed: \"would <script>\" became \"who has\"; \"talk\" left out\n",
		"  - note: outlets give these words to different people: [1] Ann Roe, [2] Tom Ward\n",
		"- **Tom Ward** (indirect speech, the outlet's words): the bridge would reopen [1]\n",
		"- **Tom Ward**: \"We will build it.\" [2], [1] paraphrased\n",
		"  - note: only one outlet puts these words in quotation marks; the others paraphrase\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q in:\n%s", want, out)
		}
	}
}

func TestHTMLPeopleAndLedger(t *testing.T) {
	b := ledgerBrief()
	arts := []parallax.Article{{ID: "a", Text: "abcdefghijklmnopq"}, {ID: "b", Text: "abcdefgh"}}
	page, _ := checkPage(t, b, arts)
	s := string(page)
	for _, want := range []string{
		`<strong class="person">Ann &lt;b&gt;Roe&lt;/b&gt;</strong>`,
		`<span class="kind">(partial quotation)</span>`,
		`words changed: &#34;would &lt;script&gt;&#34; became &#34;who has&#34;; &#34;talk&#34; left out`,
		`<strong>Organizations:</strong> FBI.`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(s, "<script>") || strings.Contains(s, "<b>Roe") || strings.Contains(s, "<i>talk") {
		t.Errorf("hostile text reached the page as markup")
	}
}
