package brief

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
)

func TestConflicts(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "A fire at a chemical plant in Riverton killed 12 people on Tuesday, officials said.\n\nThe blaze started in a storage shed."},
		{ID: "b", Text: "A fire at a chemical plant in Riverton killed 15 people on Tuesday, according to officials.\n\nFirefighters fought for six hours."},
		{ID: "c", Text: "A fire at a Riverton chemical plant killed 12 people on Wednesday, the mayor said.\n\nThe plant had failed two inspections."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type side struct {
		Value   string
		Sources []string
	}
	var got [][]side
	var kinds []string
	for _, c := range b.Conflicts {
		kinds = append(kinds, c.Kind)
		var sides []side
		for _, s := range c.Sides {
			sides = append(sides, side{s.Value, s.Statement.Sources})
		}
		got = append(got, sides)
	}
	want := [][]side{
		{{"12 people", []string{"a", "c"}}, {"15 people", []string{"b"}}},
		{{"Tuesday", []string{"a", "b"}}, {"Wednesday", []string{"c"}}},
	}
	if diff := cmp.Diff([]string{"number", "date"}, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	checkEvidence(t, b, arts)
}

func TestNoConflictWhenFactsAgree(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "The council approved the 40 million dollar bridge on Tuesday."},
		{ID: "b", Text: "On Tuesday the council approved a bridge costing 40 million dollars."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Conflicts) != 0 {
		t.Errorf("conflicts %+v", b.Conflicts)
	}
}

func TestPolarityConflict(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "The energy minister said the pipeline talks with the northern provinces would resume next month."},
		{ID: "b", Text: "The energy minister said the pipeline talks with the northern provinces would not resume next month."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Conflicts) != 1 || b.Conflicts[0].Kind != "polarity" ||
		b.Conflicts[0].Sides[0].Value != "affirmative" || b.Conflicts[0].Sides[1].Statement.Sources[0] != "b" {
		t.Errorf("conflicts %+v", b.Conflicts)
	}
}

func TestNameConflict(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "The harbour authority said Captain Ralph Osterby steered the ferry onto the sandbank near Port Lune."},
		{ID: "b", Text: "The harbour authority said Captain Rolf Osterby steered the ferry onto the sandbank near Port Lune."},
		{ID: "c", Text: "The harbour authority said Captain Bob Osterby steered the ferry onto the sandbank near Port Lune."},
		{ID: "d", Text: "The harbour authority said Captain Robert Osterby steered the ferry onto the sandbank near Port Lune."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Conflicts) != 1 || b.Conflicts[0].Kind != "name" {
		t.Fatalf("conflicts %+v", b.Conflicts)
	}
	type side struct {
		Value   string
		Sources []string
	}
	var got []side
	for _, sd := range b.Conflicts[0].Sides {
		got = append(got, side{sd.Value, sd.Statement.Sources})
	}
	// Bob and Robert are one name; Ralph and Rolf are others.
	want := []side{{"Ralph Osterby", []string{"a"}}, {"Rolf Osterby", []string{"b"}}, {"Bob Osterby", []string{"c", "d"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("name conflict (-want +got):\n%s", diff)
	}
	checkEvidence(t, b, arts)
}

func TestNoConflictFromTwoCountsOfOneWord(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "The 54-year-old driver crashed his car near the river bridge in Carville on Sunday."},
		{ID: "b", Text: "The 54-year-old driver and his 16-year-old daughter crashed near the river bridge in Carville on Sunday."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Conflicts) != 0 {
		t.Errorf("conflicts %+v", b.Conflicts)
	}
}

// A sentence that leans on the one before it is not listed on its own
// among what all outlets agree on.
func TestAgreedReadsAlone(t *testing.T) {
	arts := []parallax.Article{
		{ID: "a", Text: "Engineer Tom Hale inspected the old harbour bridge on Monday.\n\n" +
			"His report says the bridge needs new steel cables within two years."},
		{ID: "b", Text: "Tom Hale, an engineer, looked over the harbour bridge on Monday and found rust.\n\n" +
			"His report says the bridge needs new steel cables within two years.\n\n" +
			"The city has set money aside for repairs to its oldest crossings."},
	}
	b, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range b.Agreed {
		if strings.HasPrefix(st.Text, "His ") {
			t.Errorf("agreed lists a sentence that leans on its context: %q", st.Text)
		}
	}
	for id, list := range b.Exclusive {
		for _, st := range list {
			if strings.HasPrefix(st.Text, "His ") {
				t.Errorf("%s's exclusive list holds a sentence that leans on its context: %q", id, st.Text)
			}
		}
	}
}
