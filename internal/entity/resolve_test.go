package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/text"
)

// people resolves the documents and returns, for each document, the
// canonical name of each mention ("-" for a mention that names no one),
// and the table.
func people(t *testing.T, docs ...string) ([][]string, *Table) {
	t.Helper()
	st := text.NewStemmer()
	all := make([][]Mention, len(docs))
	for i, src := range docs {
		all[i] = Find(text.Analyze(src, st))
	}
	tab := Resolve(all)
	out := make([][]string, len(docs))
	for d, ms := range all {
		for i, m := range ms {
			name := tab.Name(d, i)
			if name == "" {
				name = "-"
			}
			out[d] = append(out[d], m.Name+"="+name)
		}
	}
	return out, tab
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		docs []string
		want [][]string
	}{
		{
			"aliases of one person",
			[]string{
				"Mike Flynn asked for immunity. Mr Flynn declined to comment.",
				"Michael Flynn resigned. Gen. Flynn said little. General Flynn left.",
				"Flynn spoke on Friday.",
			},
			[][]string{
				{"Mike Flynn=Michael Flynn", "Flynn=Michael Flynn"},
				{"Michael Flynn=Michael Flynn", "Flynn=Michael Flynn", "Flynn=Michael Flynn"},
				{"Flynn=Michael Flynn"},
			},
		},
		{
			"titles and full names",
			[]string{
				"President Donald Trump spoke. Mr Trump left. Trump said no.",
				"Sean Spicer said yes. Mr Spicer smiled.",
				"Spicer said the president agreed with Donald Trump.",
			},
			[][]string{
				{"Donald Trump=Donald Trump", "Trump=Donald Trump", "Trump=Donald Trump"},
				{"Sean Spicer=Sean Spicer", "Spicer=Sean Spicer"},
				{"Spicer=Sean Spicer", "Donald Trump=Donald Trump"},
			},
		},
		{
			"nicknames",
			[]string{
				"Bob Dole met Bill Gates, Jim Baker, Tom Cruz and Dick Smith.",
				"Robert Dole met William Gates, James Baker, Thomas Cruz and Richard Smith.",
			},
			[][]string{
				{"Bob Dole=Robert Dole", "Bill Gates=William Gates", "Jim Baker=James Baker", "Tom Cruz=Thomas Cruz", "Dick Smith=Richard Smith"},
				{"Robert Dole=Robert Dole", "William Gates=William Gates", "James Baker=James Baker", "Thomas Cruz=Thomas Cruz", "Richard Smith=Richard Smith"},
			},
		},
		{
			"two people share a family name",
			[]string{
				"Hillary Clinton spoke. Hillary Clinton left. Bill Clinton stayed. Clinton said more.",
				"Bill Clinton spoke. Mr Clinton left. Mrs Clinton stayed.",
				"Clinton was not there.",
			},
			[][]string{
				{"Hillary Clinton=Hillary Clinton", "Hillary Clinton=Hillary Clinton", "Bill Clinton=Bill Clinton", "Clinton=Hillary Clinton"},
				{"Bill Clinton=Bill Clinton", "Clinton=Bill Clinton", "Clinton=Hillary Clinton"},
				{"Clinton=Hillary Clinton"},
			},
		},
		{
			"suffix tells father from son",
			[]string{"Donald Trump Jr spoke. Donald Trump left. Donald Trump waved."},
			[][]string{{"Donald Trump Jr=Donald Trump Jr", "Donald Trump=Donald Trump", "Donald Trump=Donald Trump"}},
		},
		{
			"different middle initials",
			[]string{"George H. Bush met George W. Bush."},
			[][]string{{"George H. Bush=George H. Bush", "George W. Bush=George W. Bush"}},
		},
		{
			"a capital alone is no person",
			[]string{"Zorbaland hosted the talks. The talks in Zorbaland failed."},
			[][]string{{"Zorbaland=-", "Zorbaland=-"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := people(t, tt.docs...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCanonicalName(t *testing.T) {
	// The formal first name wins over a more frequent nickname, and a
	// middle initial makes a name fuller.
	_, tab := people(t,
		"Mike Flynn spoke. Mike Flynn left.",
		"Michael Flynn resigned.",
		"Donald Trump spoke. Donald J. Trump signed it.",
	)
	var got []string
	for _, p := range tab.People() {
		got = append(got, p.Name+" ("+strings.Join(p.Forms, ", ")+")")
	}
	want := []string{"Michael Flynn (Mike Flynn, Michael Flynn)", "Donald J. Trump (Donald Trump, Donald J. Trump)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
}

func TestSameFirst(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"mike", "michael", true},
		{"michael", "mick", true},
		{"mike", "mick", true},
		{"bob", "robert", true},
		{"bill", "william", true},
		{"jim", "james", true},
		{"tom", "thomas", true},
		{"dick", "richard", true},
		{"j.", "john", true},
		{"j", "james", true},
		{"bill", "hillary", false},
		{"mike", "robert", false},
		{"ted", "theodore", true},
		{"ted", "edward", true},
		{"ted", "thomas", false},
	}
	for _, tt := range tests {
		if got := sameFirst(tt.a, tt.b); got != tt.want {
			t.Errorf("sameFirst(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := sameFirst(tt.b, tt.a); got != tt.want {
			t.Errorf("sameFirst(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestTableOutOfRange(t *testing.T) {
	var nilTable *Table
	if got := nilTable.Of(0, 0); got != -1 {
		t.Errorf("nil table Of = %d, want -1", got)
	}
	tab := Resolve(nil)
	if got := tab.Of(3, -1); got != -1 {
		t.Errorf("Of out of range = %d, want -1", got)
	}
	if len(tab.People()) != 0 {
		t.Errorf("empty story has people: %v", tab.People())
	}
}

// TestFamilyNameFirst: a name written family name first is found again by
// its family name alone, unless two people share it or it is a given name.
func TestFamilyNameFirst(t *testing.T) {
	got, _ := people(t,
		"The dissident Zha Jianguo spoke to reporters on Monday. Zha said the party would go on.",
		"Police questioned Zha again. The lawyer Mo Shaoping visited Xu Wenli, and Mo said the trial was short.",
		"Xu Jin, his daughter, said Xu had done nothing wrong. Michael Flynn resigned. Michael was not there.")
	joined := strings.Join([]string{strings.Join(got[0], "|"), strings.Join(got[1], "|"), strings.Join(got[2], "|")}, "\n")
	for _, want := range []string{"Zha=Zha Jianguo", "Mo=Mo Shaoping", "Xu=-"} {
		if !strings.Contains(joined, want) {
			t.Errorf("want %q in\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "Michael=Michael Flynn") {
		t.Errorf("a given name alone was taken for a family name:\n%s", joined)
	}
}
