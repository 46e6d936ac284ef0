package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/text"
)

// got is the part of a Mention the table tests compare.
type got struct {
	Name, First, Middle, Last, Suffix, Title string
	Possessive, Speaks                       bool
	Gender                                   Gender
}

func mentions(t *testing.T, src string) []got {
	t.Helper()
	d := text.Analyze(src, text.NewStemmer())
	var out []got
	for _, m := range Find(d) {
		if src[m.Start:m.End] == "" {
			t.Errorf("mention %q has an empty source span", m.Name)
		}
		out = append(out, got{Name: m.Name, First: m.First, Middle: m.Middle, Last: m.Last,
			Suffix: m.Suffix, Title: m.Title, Possessive: m.Possessive, Speaks: m.Speaks, Gender: m.Gender})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, src string
		want      []got
	}{
		{"title and speech verb", "President Donald Trump said the talks went well.", []got{
			{Name: "Donald Trump", First: "Donald", Last: "Trump", Title: "President", Speaks: true, Gender: Male},
		}},
		{"possessive then role", "Mr Flynn's lawyer Robert Kelner spoke to the panel.", []got{
			{Name: "Flynn", Last: "Flynn", Title: "Mr", Possessive: true, Gender: Male},
			{Name: "Robert Kelner", First: "Robert", Last: "Kelner", Title: "lawyer", Gender: Male},
		}},
		{"abbreviated titles", "Later, Gen. Flynn met Sen. Jane Roe at noon.", []got{
			{Name: "Flynn", Last: "Flynn", Title: "Gen."},
			{Name: "Jane Roe", First: "Jane", Last: "Roe", Title: "Sen.", Gender: Female},
		}},
		{"middle initial", "The meeting with George W. Bush was short.", []got{
			{Name: "George W. Bush", First: "George", Middle: "W.", Last: "Bush", Gender: Male},
		}},
		{"particle", "A portrait of Ludwig van Beethoven hangs there.", []got{
			{Name: "Ludwig van Beethoven", First: "Ludwig", Middle: "van", Last: "Beethoven"},
		}},
		{"suffix", "The chat with Martin Luther King Jr was recorded.", []got{
			{Name: "Martin Luther King Jr", First: "Martin", Middle: "Luther", Last: "King", Suffix: "Jr", Gender: Male},
		}},
		{"organisations, places, months", "The Senate Intelligence Committee met in Washington on Monday in March with the Justice Department.", nil},
		{"sentence opener", "However, Congressional investigators declined.", nil},
		{"role phrase", "The former national security adviser Michael Flynn resigned.", []got{
			{Name: "Michael Flynn", First: "Michael", Last: "Flynn", Title: "former national security adviser", Gender: Male},
		}},
		{"organisation before a title", "US House Intelligence Committee Chairman Devin Nunes said no.", []got{
			{Name: "Devin Nunes", First: "Devin", Last: "Nunes", Title: "US House Intelligence Committee Chairman", Speaks: true, Gender: Male},
		}},
		{"lower-case role after an organisation", "White House spokesman Sean Spicer spoke.", []got{
			{Name: "Sean Spicer", First: "Sean", Last: "Spicer", Title: "White House spokesman", Gender: Male},
		}},
		{"two-word title", "Prime Minister Theresa May arrived.", []got{
			{Name: "Theresa May", First: "Theresa", Last: "May", Title: "Prime Minister", Gender: Female},
		}},
		{"title with of", "They met Secretary of State Rex Tillerson there.", []got{
			{Name: "Rex Tillerson", First: "Rex", Last: "Tillerson", Title: "Secretary of State", Gender: Male},
		}},
		{"acronym prefix", "He met the Russian Ambassador to the US Sergei Kislyak twice.", []got{
			{Name: "Sergei Kislyak", First: "Sergei", Last: "Kislyak", Gender: Male},
		}},
		{"according to", "The deal is off, according to Kelner.", []got{
			{Name: "Kelner", Last: "Kelner", Speaks: true},
		}},
		{"inverted said", `"It is over," said Smith, smiling.`, []got{
			{Name: "Smith", Last: "Smith", Speaks: true},
		}},
		{"title alone is no name", "The President spoke to the Chairman.", nil},
		{"female title", "Mrs Clinton and Ms Roe left.", []got{
			{Name: "Clinton", Last: "Clinton", Title: "Mrs", Gender: Female},
			{Name: "Roe", Last: "Roe", Title: "Ms", Gender: Female},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, mentions(t, tt.src)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	// Curly quotes and apostrophes are three bytes in the source and one
	// in the normalized text; offsets must still land on the name.
	src := "Trump\u2019s aide said \u201cJos\u00e9 Pe\u00f1a\u2019s plan\u201d was dead, Mr\u00a0Pe\u00f1a said."
	d := text.Analyze(src, text.NewStemmer())
	var names []string
	for _, m := range Find(d) {
		if got := src[m.Start:m.End]; got != m.Name && got != "Mr\u00a0Pe\u00f1a" {
			t.Errorf("source span %q, want %q", got, m.Name)
		}
		if got := d.Norm.Text[m.NormStart:m.NormEnd]; got != m.Name {
			t.Errorf("normalized span %q, want %q", got, m.Name)
		}
		names = append(names, m.Name)
	}
	want := []string{"Trump", "Jos\u00e9 Pe\u00f1a", "Pe\u00f1a"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

func TestIsPersonLike(t *testing.T) {
	d := text.Analyze("Zubrow said the plan failed. Officials blamed Quarles. Inspector Vance left.", text.NewStemmer())
	got := map[string]bool{}
	for _, m := range Find(d) {
		got[m.Name] = m.IsPersonLike()
	}
	want := map[string]bool{"Zubrow": true, "Quarles": false, "Vance": true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsPersonLike (-want +got):\n%s", diff)
	}
}
