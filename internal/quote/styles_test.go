package quote

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// TestStyles checks that each way news writing marks a quotation is
// found, with its speaker.
func TestStyles(t *testing.T) {
	tests := []struct {
		name, src string
		want      []found
	}{
		{"straight double", `"The bridge will open in May," Ana Ortiz said.`,
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}}},
		{"curly double", "\u201cThe bridge will open in May,\u201d Ana Ortiz said.",
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}}},
		{"British single", "\u2018The bridge will open in May,\u2019 Ana Ortiz said.",
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}}},
		{"straight single", `'The bridge will open in May,' Ana Ortiz said.`,
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}}},
		{"single with apostrophes inside", `'We don't know if the '90s plan works,' Ana Ortiz said.`,
			[]found{{"We don't know if the '90s plan works", "Ana Ortiz", Direct}}},
		{"single after a plural possessive", `'The Joneses' car was parked outside all night,' Ana Ortiz said.`,
			[]found{{"The Joneses' car was parked outside all night", "Ana Ortiz", Direct}}},
		{"apostrophes alone are no quotation", `Ana Ortiz said she didn't see the Joneses' car in the '90s.`,
			nil},
		{"an apostrophe after a hyphen in a name", `Omar al-'Amri and Ana Ortiz's aide met. Ana Ortiz said they talked.`,
			nil},
		{"double inside single", `'He told me "never again" last week,' Ana Ortiz said.`,
			[]found{{`He told me "never again" last week`, "Ana Ortiz", Direct}}},
		{"single inside double", `"He told me 'never again' last week," Ana Ortiz said.`,
			[]found{{`He told me 'never again' last week`, "Ana Ortiz", Direct}}},
		{"wire backticks", "``The bridge will open in May,'' Ana Ortiz said.",
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}}},
		{"guillemets", "\u00abThe bridge will open in May,\u00bb Ana Ortiz said.",
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}}},
		{"closing mark written as an opening one", "\u201cThe bridge will open in May,\u201c said Ana Ortiz. \u201cIt is done.\u201d",
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}, {"It is done.", "Ana Ortiz", Carried}}},
		{"split around the attribution", `"The bridge will open in May," Ana Ortiz said, "and the road in June."`,
			[]found{{"The bridge will open in May", "Ana Ortiz", Direct}, {"and the road in June.", "Ana Ortiz", Direct}}},
		{"a name after a dash", "\u201cThe bridge will open in May.\u201d \u2014 Ana Ortiz",
			[]found{{"The bridge will open in May.", "Ana Ortiz", Direct}}},
		{"name continued, quotation in the next paragraph", "The mayor spoke first.\n\nAna Ortiz continued:\n\n\"The bridge will open in May.\"",
			[]found{{"The bridge will open in May.", "Ana Ortiz", Direct}}},
		{"name said, colon", `Ana Ortiz said: "The bridge will open in May."`,
			[]found{{"The bridge will open in May.", "Ana Ortiz", Direct}}},
		{"any verb before a colon", `Ana Ortiz pushed back: "The bridge will open in May."`,
			[]found{{"The bridge will open in May.", "Ana Ortiz", Direct}}},
		{"several paragraphs", "Ana Ortiz said: \"The bridge will open in May.\n\n\"The road will follow in June.\n\n\"Then we rest.\"",
			[]found{{"The bridge will open in May. The road will follow in June. Then we rest.", "Ana Ortiz", Direct}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, findAll(t, tt.src)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestSpeakers checks the forms of attribution: who the speaker is, and
// which words of the text the quotation is attributed to.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, src string
		speaker   string // the name or role the speaker resolves to; "" for none
		ref       string // the words the quotation is attributed to
		how       How
	}{
		{"party tag between name and verb", `"We will vote no," Rep. Dana Kline (R-Utah) said.`,
			"Dana Kline", "Dana Kline", Direct},
		{"party tag after an inverted verb", `"We will vote no," said Rep. Dana Kline (R-Utah).`,
			"Dana Kline", "Dana Kline", Direct},
		{"title kept out of the name", `"We will vote no," said Senate Majority Leader Tom Reyes.`,
			"Tom Reyes", "Tom Reyes", Direct},
		{"she is the woman named before, not the man quoted before",
			"\"It is late,\" Paul Meyer said.\n\nLater Ruth Gale spoke to the crowd. \"We stay,\" she said.",
			"Ruth Gale", "she", Pronoun},
		{"he is not the outlet that quotes him",
			"Tom Reyes spoke to the Daily Star on Monday.\n\n\"We stay,\" he told the paper.",
			"Tom Reyes", "he", Pronoun},
		{"a chain of he goes back to the name",
			"Tom Reyes arrived at noon. He met Ruth Gale and her aides. He was calm.\n\n\"We stay,\" he said.",
			"Tom Reyes", "he", Pronoun},
		{"he after a name that opened the quotation's sentence",
			`Tom Reyes recalled the vote: "We lost," he said.`,
			"Tom Reyes", "he", Pronoun},
		{"a cue and a colon before, another speaker's cue after a closing mark without a period",
			`Tom Reyes said: "We lost the vote" The hall emptied fast, officials said.`,
			"Tom Reyes", "Tom Reyes", Direct},
		{"the spokesman after spokesman Name",
			"The company's spokesman Sean Ward declined to give figures.\n\n\"We are growing,\" the spokesman said.",
			"Sean Ward", "the spokesman", Direct},
		{"the spokesman after Name, the spokesman",
			"Sean Ward, the company's spokesman, declined to give figures.\n\n\"We are growing,\" the spokesman said.",
			"Sean Ward", "the spokesman", Direct},
		{"a description the text never ties to a name stays a description",
			"Sean Ward declined to give figures.\n\n\"We are growing,\" the spokesman said.",
			"the spokesman", "the spokesman", Direct},
		{"an indefinite description stays a description",
			"Sean Ward, the company's spokesman, declined to give figures.\n\n\"We are growing,\" a White House official said.",
			"a White House official", "a White House official", Direct},
		{"appositive name", `"We are growing," Sean Ward, the company's spokesman, said.`,
			"Sean Ward", "Sean Ward", Direct},
		{"relative pronoun", `The bill won the support of Tom Reyes, who told reporters: "It is a good bill."`,
			"Tom Reyes", "who", Direct},
		{"participle hangs on its clause", `Tom Reyes defended the bill on Monday, telling reporters, "It is a good bill."`,
			"Tom Reyes", "Tom Reyes", Direct},
		{"the listener is not the speaker", `Asked about it, Tom Reyes told Ruth Gale: "It is a good bill."`,
			"Tom Reyes", "Tom Reyes", Direct},
		{"a question, then its asker", `"Where is the money?" Tom Reyes asked the board on Monday.`,
			"Tom Reyes", "Tom Reyes", Direct},
		{"a possessive role, then the name", `"We will miss him," said the boy's father, Dennis Roe, outside the hall.`,
			"Dennis Roe", "Dennis Roe", Direct},
		{"an opening phrase without its comma", `In a statement Dennis Roe said, "We will miss him."`,
			"Dennis Roe", "Dennis Roe", Direct},
		{"the part after a split keeps its cue", `"If we stay," he told the crowd, "we lose," an understatement to those who knew him.`,
			"", "he", Pronoun},
		{"an unattributed quotation stays unattributed", "The sign over the gate had been painted red. \"No entry for anyone after dark tonight, please.\"",
			"", "", Unattributed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.Analyze(tt.src, text.NewStemmer())
			ms := entity.Find(d)
			qs := Find(d, ms)
			if len(qs) == 0 {
				t.Fatalf("Find(%q) found no quotation", tt.src)
			}
			sp := qs[len(qs)-1].Speaker
			who := sp.Role
			if sp.Mention >= 0 {
				who = ms[sp.Mention].Name
			}
			ref := ""
			if sp.End > sp.Start {
				ref = tt.src[sp.Start:sp.End]
			}
			if who != tt.speaker || ref != tt.ref || sp.How != tt.how {
				t.Errorf("Find(%q): speaker %q, words %q, %v; want %q, %q, %v", tt.src, who, ref, sp.How, tt.speaker, tt.ref, tt.how)
			}
		})
	}
}
