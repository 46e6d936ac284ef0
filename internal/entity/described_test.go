package entity

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestDescribed(t *testing.T) {
	tests := []struct {
		name   string
		docs   []string
		doc    int    // the document the phrase is in
		phrase string // written in place of a name; its first occurrence
		want   string // the person it stands for, "" for none
	}{
		{"same document, another word for the role",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first. Ms Torres's attorney said the filing was late."},
			0, "Ms Torres's attorney", "Daniel Reyes"},
		{"another document names the holder",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first.", "Ms Torres's attorney said the filing was late."},
			1, "Ms Torres's attorney", "Daniel Reyes"},
		{"an appositive with for",
			[]string{"Paul Brandt, a spokesman for Ana Torres, spoke on Monday. A spokeswoman for Ana Torres said the vote was off."},
			0, "A spokeswoman for Ana Torres", "Paul Brandt"},
		{"two holders in the document: no one",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first. Ana Torres's lawyer Ruth Okafor spoke next. Ms Torres's lawyer said the filing was late."},
			0, "Ms Torres's lawyer", ""},
		{"the document's own holder before the story's others",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first.", "Ana Torres's lawyer Ruth Okafor spoke next. Ms Torres's lawyer said the filing was late."},
			1, "Ms Torres's lawyer", "Ruth Okafor"},
		{"another role: no one",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first. Ms Torres's spokesman said the filing was late."},
			0, "Ms Torres's spokesman", ""},
		{"a lawyer for someone else: no one",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first. Mr Kemal Aydin's lawyer said the filing was late."},
			0, "Mr Kemal Aydin's lawyer", ""},
		{"no name in the phrase",
			[]string{"Ana Torres's lawyer Daniel Reyes spoke first. Her lawyer said the filing was late."},
			0, "Her lawyer", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := text.NewStemmer()
			docs := make([]*text.Document, len(tt.docs))
			ms := make([][]Mention, len(tt.docs))
			for i, src := range tt.docs {
				docs[i] = text.Analyze(src, st)
				ms[i] = Find(docs[i])
			}
			tab := Resolve(ms)
			tab.LinkRoles(docs, ms)
			src := tt.docs[tt.doc]
			start := strings.Index(src, tt.phrase)
			if start < 0 {
				t.Fatalf("%q not in document %d", tt.phrase, tt.doc)
			}
			got := ""
			if p := tab.Described(tt.doc, ms[tt.doc], src, start, start+len(tt.phrase)); p >= 0 {
				got = tab.People()[p].Name
			}
			if got != tt.want {
				t.Errorf("Described(%q) = %q, want %q", tt.phrase, got, tt.want)
			}
		})
	}
	var nilTable *Table
	nilTable.LinkRoles(nil, nil)
	if p := nilTable.Described(0, nil, "x", 0, 1); p != -1 {
		t.Errorf("nil table: Described = %d, want -1", p)
	}
	if p := Resolve(nil).Described(0, nil, "x", 0, 1); p != -1 {
		t.Errorf("roles not linked: Described = %d, want -1", p)
	}
}

// TestNotPeople checks runs of capitals that name things or groups, not
// people, even where a verb of speech follows them.
func TestNotPeople(t *testing.T) {
	docs := []string{
		"Forecasters at the Weather Channel said the storm would turn. Rebels said they held the town.",
		"The talks at Wye Plantation ended. Witnesses said the car was red. Organizers said 40 teams came.",
		"Rep. Dana Cole, R-Fla, voted no. The meeting began at 1200 GMT under Operation Rescue rules.",
		"Sri Lankans said they would stay. The Taliban said no one was held. Dana Cole said she was glad.",
		"A protester in Eastbrook says the works are loud. A guard at Northgate said nothing.",
	}
	_, tab := people(t, docs...)
	var got []string
	for _, p := range tab.People() {
		got = append(got, p.Name)
	}
	if want := []string{"Dana Cole"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("people = %q, want %q", got, want)
	}
}
