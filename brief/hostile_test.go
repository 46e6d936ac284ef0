package brief

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

// TestHostileAccount builds a story of texts written to break the account:
// an unbalanced quotation mark, a quotation of 10,000 words, a text with no
// quotation at all, impossible and far-off dates. The brief must come out
// whole, every span inside its source, and no impossible date placed.
func TestHostileAccount(t *testing.T) {
	// A quotation of 10,000 words in 100 paragraphs, each opening with a
	// mark as news writes a long quotation; and an opening mark that
	// never closes, before a paragraph of 30 sentences.
	para := strings.Repeat("the bridge will stand for ever and ever ", 12) + "and it will carry us all"
	long := strings.Repeat(para+"\n\n\"", 99) + para
	unclosed := "A resident said \"the works are loud. " + strings.Repeat("Trucks came and went all day on the river road. ", 30)
	arts := []parallax.Article{
		{ID: "unbalanced", Published: time.Date(2017, 3, 10, 9, 0, 0, 0, time.UTC), Text: "The council's chair, Mara Quell, said \"the new bridge over the Tamm river will open " +
			"on February 30 and nobody should worry about the cost.\n\nOfficials said the plan for the bridge dated " +
			"from the year 1066 and that the loan would run until the year 9999. Work on the bridge began last week."},
		{ID: "long-quote", Published: time.Date(2017, 3, 11, 9, 0, 0, 0, time.UTC), Text: "Mara Quell said: \"" + long + "\" The new bridge over the " +
			"Tamm river opened in March, officials said.\n\nThe council said the bridge over the Tamm river would close in 3021 " +
			"for repairs, and that the cost of the bridge had doubled since 2015.\n\n" + unclosed},
		{ID: "no-quotes", Published: time.Date(2017, 3, 12, 9, 0, 0, 0, time.UTC), Text: "The new bridge over the Tamm river opened on March 3, 2017, " +
			"after ten years of work on the bridge.\n\nThe council said the bridge cost 40 million dollars, twice the " +
			"first estimate, and Mara Quell, the council's chair, opened it on Friday."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkEvidence(t, b, arts)
	checkTimeline(t, b, arts)
	texts := make(map[string]string)
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	for _, e := range b.Timeline {
		// No day is February 30; the years 1066, 3021 and 9999 are read as
		// years or left out, never shifted to another date.
		if strings.Contains(e.Written, "February 30") {
			t.Errorf("timeline places the impossible %q as %q", e.Written, e.Date)
		}
		for _, y := range []string{"1066", "3021", "9999"} {
			if strings.Contains(e.Written, y) && e.Date != y {
				t.Errorf("timeline places %q as %q", e.Written, e.Date)
			}
		}
	}
	longQuote := false
	for _, q := range b.Quotes {
		if strings.HasPrefix(q.Text, "the works are loud") && len(q.Text) > 100 {
			t.Errorf("an opening mark that never closes makes a quotation of %d bytes", len(q.Text))
		}
		if len(q.Text) > len(long)/2 {
			longQuote = true
			if q.Speaker != "Mara Quell" {
				t.Errorf("the 10,000-word quotation is given to %q, want Mara Quell", q.Speaker)
			}
		}
		for _, sp := range q.Evidence {
			checkSpan(t, texts, "quote "+q.Speaker, sp)
		}
	}
	for _, p := range b.People {
		for _, sp := range p.Mentions {
			checkSpan(t, texts, "person "+p.Name, sp)
		}
	}
	if !longQuote {
		t.Error("the 10,000-word quotation is not in the ledger")
	}
	var quell *parallax.Person
	for i := range b.People {
		if b.People[i].Name == "Mara Quell" {
			quell = &b.People[i]
		}
	}
	if quell == nil {
		t.Fatalf("Mara Quell is not among the people: %+v", b.People)
	}
	if len(b.Framing) != len(arts) {
		t.Errorf("%d framings for %d articles", len(b.Framing), len(arts))
	}
	for _, f := range b.Framing {
		for _, v := range f.Voices {
			for _, sp := range v.Spans {
				checkSpan(t, texts, "voice "+v.Speaker, sp)
			}
		}
	}
}
