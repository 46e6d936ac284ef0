package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestTimelineDate(t *testing.T) {
	cases := []struct {
		e    parallax.TimelineEntry
		want string
	}{
		{parallax.TimelineEntry{Date: "2017-03-15"}, "15 March 2017"},
		{parallax.TimelineEntry{Date: "2017-03"}, "March 2017"},
		{parallax.TimelineEntry{Date: "2016"}, "2016"},
		{parallax.TimelineEntry{Date: "2017-03-15T14:30"}, "15 March 2017, 14:30"},
		{parallax.TimelineEntry{Date: "--02-13"}, "13 February"},
		{parallax.TimelineEntry{Date: "--07", Kind: "since"}, "since July"},
		{parallax.TimelineEntry{Date: "", Written: "Thursday\nnight"}, "Thursday night (as written)"},
		{parallax.TimelineEntry{Date: "2017-02-30", Written: "x"}, "x (as written)"},
	}
	for _, c := range cases {
		if got := timelineDate(c.e); got != c.want {
			t.Errorf("timelineDate(%q, %q) = %q, want %q", c.e.Date, c.e.Kind, got, c.want)
		}
	}
}

// timelineBrief is a brief of two made-up sources with a timeline.
func timelineBrief() (*parallax.Brief, []parallax.Article) {
	a := "The council voted on Thursday to close the bridge."
	b := "Councillors decided on Thursday that the bridge will close."
	arts := []parallax.Article{{ID: "a", Outlet: "Alpha", Text: a}, {ID: "b", Outlet: "Beta", Text: b}}
	br := &parallax.Brief{
		Sources: []parallax.Source{{ID: "a", Outlet: "Alpha", Published: "2017-03-31T00:00:00Z"}, {ID: "b", Outlet: "Beta"}},
		Summary: []parallax.Statement{},
		Timeline: []parallax.TimelineEntry{{
			Date: "2017-03-30", Precision: "day", Written: "Thursday", Relative: true,
			When: parallax.Span{Source: "a", Start: 24, End: 32}, Text: a,
			Sources: []string{"a", "b"}, Evidence: []parallax.Span{{Source: "a", Start: 0, End: len(a)}, {Source: "b", Start: 0, End: len(b)}},
			Reported: "2017-03-31T00:00:00Z",
		}},
	}
	return br, arts
}

func TestTimelineMarkdown(t *testing.T) {
	br, arts := timelineBrief()
	var buf bytes.Buffer
	if err := Markdown(&buf, br); err != nil {
		t.Fatal(err)
	}
	want := "## Timeline\n\n- **30 March 2017** — The council voted on Thursday to close the bridge. [1][2] (reported 31 March 2017)\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("Markdown lacks the timeline line %q:\n%s", want, buf.String())
	}
	buf.Reset()
	if err := MarkdownEvidence(&buf, br, arts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "  - [2] Beta: Councillors decided on Thursday that the bridge will close.\n") {
		t.Errorf("Markdown with evidence lacks Beta's words under the timeline entry:\n%s", buf.String())
	}
	br.Timeline = []parallax.TimelineEntry{}
	buf.Reset()
	if err := Markdown(&buf, br); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "## Timeline\n\nNo dated happening was found.\n") {
		t.Errorf("an empty timeline is not said so:\n%s", buf.String())
	}
}

func TestTimelineHTML(t *testing.T) {
	br, arts := timelineBrief()
	var buf bytes.Buffer
	if err := HTML(&buf, br, arts); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		`<section id="timeline"`,
		`<strong class="when"><time datetime="2017-03-30">30 March 2017</time></strong> — The council voted on Thursday to close the bridge.`,
		`href="#s2-0-59"`,
		`<mark id="s2-0-59">`,
		`<span class="reported">(reported 31 March 2017)</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
