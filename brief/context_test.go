package brief

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// sentence analyses one made-up sentence.
func sentence(t *testing.T, s string) *text.Sentence {
	t.Helper()
	d := text.Analyze(s, text.NewStemmer())
	if len(d.Sentences) != 1 {
		t.Fatalf("%q: want one sentence, got %d", s, len(d.Sentences))
	}
	return &d.Sentences[0]
}

func TestDependsOnContext(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"His brother said the bridge would reopen on Friday.", true},
		{"He told reporters the council would vote again next month.", true},
		{"But the mayor said the bridge would reopen on Friday.", true},
		{"However, the council has not voted on the plan yet.", true},
		{"Also on the list were two bakeries on the east side.", true},
		{"The move surprised members of the harbour council.", true},
		{"The call helped the home team win the first game.", true},
		{"The call by the umpire helped the home team win the first game.", false},
		{"The meeting, held in secret, ended without a deal.", false},
		{"The two met for an hour at the town hall on Monday.", true},
		{"The company said it would appeal against the ruling.", true},
		{"That is what the council wanted from the start.", true},
		{`"We will rebuild the bridge before winter," he said.`, true},
		{`"We will rebuild the bridge before winter."`, true},
		{`"We will rebuild the bridge before winter.`, true},
		{`The rest of the town can wait for the spring."`, true},
		{"The mayor of Eastbrook said the bridge would reopen on Friday.", false},
		{"Mayor Ana Ruiz said she would ask the council for more money.", false},
		{`"We will rebuild the bridge before winter," Mayor Ana Ruiz said.`, false},
		{"After he left the meeting, Mayor Ana Ruiz spoke to reporters.", false},
		{"It is not clear whether the bridge will reopen on Friday.", false},
		{"There were twelve boats in the harbour on Sunday morning.", false},
		{"The council voted 7-2 to rebuild the bridge over the Eastbrook river.", false},
	} {
		if got := dependsOnContext(sentence(t, tc.s)); got != tc.want {
			t.Errorf("dependsOnContext(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestFiller(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"A spokesman for the harbour board was not available for comment.", true},
		{"The mayor's office did not return calls seeking comment on Monday.", true},
		{"The company declined to comment on the ruling.", true},
		{"Ana Ruiz could not be reached on Sunday.", true},
		{"Lee Park contributed to this report.", true},
		{"For more information, visit the town's website.", true},
		{"The debate is scheduled to air at 9 p.m. on Channel 4.", true},
		{"Neither the board nor the mayor would comment.", true},
		{"The new drug is not available in Eastbrook pharmacies.", false},
		{"The council voted to comment publicly on the harbour plans.", false},
		{"The mayor said the bridge would reopen on Friday.", false},
		{"Have you been affected by the floods?", true},
		{`She asked: "Why was the bridge not closed sooner?"`, true},
		{"WHY DID THE BRIDGE CRACK SO FAST?", true},
		{"WHAT HAPPENS TO THE FERRIES NOW", true},
		{`"Why now?" the mayor asked, and the council voted to close the bridge.`, false},
		{"The NATO and UN teams met the EU envoy in Eastbrook.", false},
	} {
		d := text.Analyze(tc.s, text.NewStemmer())
		if len(d.Sentences) == 0 && tc.want {
			continue // the text stage already drops it as boilerplate
		}
		if got := filler(sentence(t, tc.s)); got != tc.want {
			t.Errorf("filler(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// Two made-up reports of a bridge closure. In each, a sentence that opens
// with "His" or "He" leans on the one before it.
var bridgeArticles = []parallax.Article{
	{ID: "a", Outlet: "Harbour Post", Text: "The Eastbrook river bridge closed on Monday after inspectors found cracks in two of its piers. " +
		"Mayor Ana Ruiz said the bridge would stay closed for at least three weeks while engineers study the damage. " +
		"Engineer Tom Hale led the inspection of the piers on Sunday night. " +
		"His report says the cracks grew quickly during the spring floods. " +
		"Ferries will carry commuters across the river until the bridge reopens. " +
		"A spokesman for the bridge contractor was not available for comment."},
	{ID: "b", Outlet: "Valley News", Text: "Inspectors closed the Eastbrook river bridge on Monday after finding cracks in two of its piers. " +
		"The bridge will stay closed for at least three weeks while engineers study the damage, Mayor Ana Ruiz said. " +
		"Commuters will cross the river on ferries until the bridge reopens, the mayor added. " +
		"The town council plans an emergency meeting on Thursday to discuss repair money. " +
		"He said the cracks in the piers grew quickly during the spring floods. " +
		"The bridge contractor declined to comment."},
}

func TestSummaryKeepsAntecedents(t *testing.T) {
	b, err := Build(context.Background(), bridgeArticles, Options{Words: 400})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, a := range bridgeArticles {
		texts[a.ID] = a.Text
	}
	st := Analyze(context.Background(), bridgeArticles)
	var prev *parallax.Statement
	for i := range b.Summary {
		item := &b.Summary[i]
		sp := item.Evidence[0]
		if got := texts[sp.Source][sp.Start:sp.End]; got != item.Text {
			t.Errorf("summary item %d: text %q is not its source bytes %q", i, item.Text, got)
		}
		if filler(sentence(t, item.Text)) {
			t.Errorf("summary item %d is filler: %q", i, item.Text)
		}
		u := st.Unit(sp)
		un := &st.Align.Units[u]
		if dependsOnContext(&st.Docs[un.Doc].Sentences[un.Sent]) {
			// The sentence before it in its article must come right
			// before it in the summary.
			if prev == nil || prev.Evidence[0].Source != sp.Source || st.Unit(prev.Evidence[0]) != u-1 {
				t.Errorf("summary item %d %q leans on a sentence that is not right before it", i, item.Text)
			}
		}
		prev = item
	}
	for _, list := range [][]parallax.Statement{b.Agreed, b.Exclusive["a"], b.Exclusive["b"]} {
		for _, item := range list {
			if strings.Contains(item.Text, "comment") {
				t.Errorf("filler listed: %q", item.Text)
			}
		}
	}
	// Article b's "He said..." has no person named before it: it may only
	// come after the council sentence, which does not name him either, so
	// the summary must not show it after anything else.
	for i, item := range b.Summary {
		if strings.HasPrefix(item.Text, "He said") && (i == 0 || !strings.HasPrefix(b.Summary[i-1].Text, "The town council")) {
			t.Errorf("dangling %q after %q", item.Text, b.Summary[max(i-1, 0)].Text)
		}
	}
}
