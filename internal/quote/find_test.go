package quote

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// found is the part of a Quotation the table tests compare.
type found struct {
	Text, Speaker string
	How           How
}

func findAll(t *testing.T, src string) []found {
	t.Helper()
	d := text.Analyze(src, text.NewStemmer())
	ms := entity.Find(d)
	var out []found
	for _, q := range Find(d, ms) {
		if q.Start < 0 || q.End > len(src) || q.Start >= q.End {
			t.Fatalf("quotation %q has span [%d, %d) outside the text", q.Text, q.Start, q.End)
		}
		who := q.Speaker.Role
		if q.Speaker.Mention >= 0 {
			who = ms[q.Speaker.Mention].Name
		}
		out = append(out, found{Text: q.Text, Speaker: who, How: q.Speaker.How})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, src string
		want      []found
	}{
		{"quote, X said", `"We will appeal," Smith said.`,
			[]found{{"We will appeal", "Smith", Direct}}},
		{"quote, said X", `"We will appeal," said Mary Jones, the lawyer.`,
			[]found{{"We will appeal", "Mary Jones", Direct}}},
		{"X said: quote", `Mary Jones said: "We will appeal."`,
			[]found{{"We will appeal.", "Mary Jones", Direct}}},
		{"X said quote", `Mary Jones said "we will appeal" on Monday.`,
			[]found{{"we will appeal", "Mary Jones", Direct}}},
		{"fragment inside a reported clause", `Her lawyer Tom Reed said no "reasonable person" would agree.`,
			[]found{{"reasonable person", "Tom Reed", Direct}}},
		{"according to", `The plan is "dead in the water", according to Senator John Hale.`,
			[]found{{"dead in the water", "John Hale", Direct}}},
		{"X told OUTLET", `"It is over," John Hale told CNN on Friday.`,
			[]found{{"It is over", "John Hale", Direct}}},
		{"X wrote in a tweet", `President Anna Berg spoke. "We are winning!" Berg wrote in a tweet.`,
			[]found{{"We are winning!", "Berg", Direct}}},
		{"X tweeted that", `Anna Berg tweeted that the inquiry was "a total sham".`,
			[]found{{"a total sham", "Anna Berg", Direct}}},
		{"participle cue", `Mr Berg weighed in on Friday, tweeting that Hale "should resign at once".`,
			[]found{{"should resign at once", "Berg", Direct}}},
		{"appositive", `Senator Angus Hale, a member of the committee, has said of the report "This is serious."`,
			[]found{{"This is serious.", "Angus Hale", Direct}}},
		{"appositive name after a role", `The top Democrat on the panel, Adam Roe, of Ohio, said "we will see."`,
			[]found{{"we will see.", "Adam Roe", Direct}}},
		{"she said after a named person", "Senator Jane Doe spoke on Monday.\n\n\"We need answers,\" she said.",
			[]found{{"We need answers", "Jane Doe", Pronoun}}},
		{"he said prefers the previous speaker", "\"First,\" Mr Stone said of Mr Gray. \"Second thing here,\" he said.",
			[]found{{"First", "Stone", Direct}, {"Second thing here", "Stone", Pronoun}}},
		{"pronoun skips an incompatible person", "Mrs Lane met Tom Bell.\n\n\"It went well,\" he said.",
			[]found{{"It went well", "Tom Bell", Pronoun}}},
		{"unattributed follow-up keeps the speaker", `"The first part," John Hale said. "The second part of it."`,
			[]found{{"The first part", "John Hale", Direct}, {"The second part of it.", "John Hale", Carried}}},
		{"role speaker", `"It is far too early," a senior official told NBC.`,
			[]found{{"It is far too early", "a senior official", Direct}}},
		{"role, never the wrong name", `A spokesman for John Hale, the committee chairman, said "no deal was offered."`,
			[]found{{"no deal was offered.", "A spokesman for John Hale", Direct}}},
		{"possessive is not the speaker", `"We had talks," Mr Hale's lawyer said.`,
			[]found{{"We had talks", "Mr Hale's lawyer", Direct}}},
		{"passive is not speech", `Hale was told the deal was "not on the table", an aide said.`,
			[]found{{"not on the table", "an aide", Direct}}},
		{"names inside the quote are not speakers", `"General Hale has a story to tell," Mr Reed said.`,
			[]found{{"General Hale has a story to tell", "Reed", Direct}}},
		{"asked by", `When asked by a reporter if "the deal is off", Mr Hale responded, "Nope."`,
			[]found{{"the deal is off", "a reporter", Direct}, {"Nope.", "Hale", Direct}}},
		{"continued paragraph", "John Hale said: \"The first paragraph of it.\n\n\"The second paragraph,\" he added. \"And more.\"",
			[]found{{"The first paragraph of it. The second paragraph", "John Hale", Pronoun}, {"And more.", "John Hale", Carried}}},
		{"unresolved pronoun keeps the quote, not a place", `Officials met in Zorbaland. "We made progress," he said.`,
			[]found{{"We made progress", "", Pronoun}}},
		{"colon after a name", `Among the callers was Ann Lee: "We will sue."`,
			[]found{{"We will sue.", "Ann Lee", Direct}}},
		{"said after a participle phrase", `"We had a deal" announced in May, said Tom Reed, a trade expert.`,
			[]found{{"We had a deal", "Tom Reed", Direct}}},
		{"said before lower-case modifiers", `"Life may exist there," said planetary geologist Rosaly Lopes of NASA.`,
			[]found{{"Life may exist there", "Rosaly Lopes", Direct}}},
		{"long appositive", `"It works," Dylan Nelson, a fellow at the institute in Munich, Germany, and co-author of the study, said.`,
			[]found{{"It works", "Dylan Nelson", Direct}}},
		{"bare plural role is the subject", `"We are worried," Tom Reed said on Monday, and aides said "nothing will change."`,
			[]found{{"We are worried", "Tom Reed", Direct}, {"nothing will change.", "aides", Direct}}},
		{"they said is an attribution", `"We had no part in it," they said. "None at all, ever."`,
			[]found{{"We had no part in it", "", Pronoun}}},
		{"a label verb attributes", `Governor Kristi Noem called the campaign a "bold, innovative effort".`,
			[]found{{"bold, innovative effort", "Kristi Noem", Direct}}},
		{"scare quote", `The so-called "deep state" is a myth.`, nil},
		{"title of a work", `She wrote the book "Fire And Fury" last year.`, nil},
		{"long unattributed quote is kept", `Over the door, in red, "no entry for anyone after dark tonight" was painted.`,
			[]found{{"no entry for anyone after dark tonight", "", Unattributed}}},
		{"spaced marks", `" we will win, " said Smith.`,
			[]found{{"we will win", "Smith", Direct}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, findAll(t, tt.src)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestQuotationParts(t *testing.T) {
	src := "Ann Lee said: \u201cOne.\n\n\u201cTwo,\u201d she said."
	d := text.Analyze(src, text.NewStemmer())
	qs := Find(d, entity.Find(d))
	if len(qs) != 1 {
		t.Fatalf("got %d quotations, want 1", len(qs))
	}
	q := qs[0]
	var parts []string
	for _, p := range q.Parts {
		parts = append(parts, src[p.Start:p.End])
	}
	if diff := cmp.Diff([]string{"One.", "Two"}, parts); diff != "" {
		t.Errorf("parts (-want +got):\n%s", diff)
	}
	if got := src[q.Start:q.End]; got != "One.\n\n\u201cTwo" {
		t.Errorf("span %q", got)
	}
	if q.Sent != 0 || q.EndSent != 1 {
		t.Errorf("sentences %d-%d, want 0-1", q.Sent, q.EndSent)
	}
}

// reportsOf returns the speaker of each report Reports finds in src (the
// name, or the role), with "/" and the cue word when withCue is set.
func reportsOf(src string, withCue bool) []string {
	d := text.Analyze(src, text.NewStemmer())
	ms := entity.Find(d)
	var out []string
	for _, r := range Reports(d, ms) {
		who := r.Speaker.Role
		if r.Speaker.Mention >= 0 {
			who = ms[r.Speaker.Mention].Name
		}
		if withCue {
			who += "/" + d.Sentences[r.Sent].Tokens[r.Cue].Lower
		}
		out = append(out, who)
	}
	return out
}

func TestReports(t *testing.T) {
	got := reportsOf("Mr Hale said the plan would work. The weather was fine. A congressional aide confirmed that talks took place. She said nothing.", true)
	// "She" stands for the aide, the one speaker before it she can be.
	want := []string{"Hale/said", "A congressional aide/confirmed", "A congressional aide/said"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Reports (-want +got):\n%s", diff)
	}
}

// TestReportSpeakers checks who reports are given to where a clause or a
// relative clause stands between the speaker and the verb.
func TestReportSpeakers(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"a clause with its own subject before an inverted verb",
			"Officials freed Ana Lind on parole, two months before the end of her term, provided she leave the country, said her sister, Rosa Lind.",
			"Rosa Lind"},
		{"a relative clause whose pronoun is its subject",
			"Ms. Kay, who has met Tom Reyes twice, said she expected to visit him.",
			"Kay"},
		{"a pronoun, a verb and 'and' before the cue",
			"Tom Reyes spoke first. Asked about the vote, he laughed and said the count was fine.",
			"Tom Reyes"},
		{"an adverb before the pronoun",
			"Ana Ortiz arrived late. Recently she announced that she would run.",
			"Ana Ortiz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reportsOf(tt.src, false); len(got) != 1 || got[0] != tt.want {
				t.Errorf("Reports(%q) speakers %q, want [%q]", tt.src, got, tt.want)
			}
		})
	}
}
