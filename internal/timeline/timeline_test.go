package timeline

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
)

func pubDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// topic is a small made-up topic: a flood reported over a week by three
// outlets, with the day the river broke its banks named by several of
// them, and one later article looking back.
func topic() []parallax.Article {
	return []parallax.Article{
		{ID: "a1", Outlet: "Alpha", Published: pubDay("2021-03-16"), Text: "Floods hit the valley.\n\n" +
			"The river broke its banks on Monday and flooded the old town of Riverton overnight. " +
			"Rescue teams worked through the night to reach stranded families in the lower streets. " +
			"Officials said the water was still rising on Tuesday morning."},
		{ID: "b1", Outlet: "Beta", Published: pubDay("2021-03-16"), Text: "Riverton under water.\n\n" +
			"The river broke its banks on March 15 and the old town of Riverton was flooded within hours. " +
			"Hundreds of families left their homes as the water rose through the lower streets."},
		{ID: "c1", Outlet: "Gamma", Published: pubDay("2021-03-18"), Text: "Clean-up begins.\n\n" +
			"The mayor of Riverton declared a state of emergency on Wednesday as the water began to fall. " +
			"The river had broken its banks on Monday, flooding the old town of Riverton. " +
			"Volunteers arrived from nearby villages to help with the clean-up of the streets."},
		{ID: "b2", Outlet: "Beta", Published: pubDay("2021-03-18"), Text: "Emergency declared.\n\n" +
			"A state of emergency was declared in Riverton on Wednesday by the mayor of the town. " +
			"The regional government promised money for the repair of the flood defences."},
		{ID: "a2", Outlet: "Alpha", Published: pubDay("2021-04-20"), Text: "A month after the flood.\n\n" +
			"A month after the river broke its banks on March 15, many families of Riverton are still in temporary homes. " +
			"The state of emergency declared on March 17 ended last week, the mayor said in a statement."},
	}
}

func TestBuildPicksNamedDaysAndCitesThem(t *testing.T) {
	arts := topic()
	tl := Build(arts, Options{Dates: 2, PerDate: 1})
	if tl.Articles != len(arts) {
		t.Errorf("Articles = %d, want %d", tl.Articles, len(arts))
	}
	var days []string
	for _, e := range tl.Entries {
		days = append(days, e.Date.String())
	}
	if want := []string{"2021-03-15", "2021-03-17"}; !reflect.DeepEqual(days, want) {
		t.Fatalf("days = %v, want %v", days, want)
	}
	first := tl.Entries[0]
	if first.Mentions != 4 {
		t.Errorf("2021-03-15 named by %d articles, want 4 (a1, b1, c1, a2)", first.Mentions)
	}
	if len(first.Sentences) != 1 || !strings.Contains(first.Sentences[0].Text, "broke its banks") {
		t.Errorf("2021-03-15 sentence = %+v, want the river breaking its banks", first.Sentences)
	}
	if len(first.Outlets) < 2 {
		t.Errorf("2021-03-15 outlets = %v, want at least two", first.Outlets)
	}
	byID := make(map[string]parallax.Article)
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, e := range tl.Entries {
		for _, s := range e.Sentences {
			a := byID[s.Source]
			if s.Start < 0 || s.End > len(a.Text) || a.Text[s.Start:s.End] != s.Text {
				t.Errorf("%s: span %s[%d:%d] does not hold %q", e.Date, s.Source, s.Start, s.End, s.Text)
			}
			if s.When == nil {
				continue
			}
			if s.When.Source != s.Source || s.When.Start < s.Start || s.When.End > s.End {
				t.Errorf("%s: date expression %+v outside its sentence %+v", e.Date, *s.When, s.Span)
			}
		}
	}
}

func TestBuildDropsRepeatsAcrossDays(t *testing.T) {
	tl := Build(topic(), Options{Dates: 5, PerDate: 2})
	var all []string
	for _, e := range tl.Entries {
		for _, s := range e.Sentences {
			all = append(all, s.Text)
		}
	}
	seen := make(map[string]bool)
	for _, s := range all {
		if seen[s] {
			t.Errorf("sentence chosen twice: %q", s)
		}
		seen[s] = true
	}
}

func TestBuildBounds(t *testing.T) {
	tl := Build(topic(), Options{Dates: 10, From: pubDay("2021-03-16"), To: pubDay("2021-03-31")})
	for _, e := range tl.Entries {
		if d := e.Date.Time(); d.Before(pubDay("2021-03-16")) || d.After(pubDay("2021-03-31")) {
			t.Errorf("entry %s outside the bounds", e.Date)
		}
	}
	if tl.Articles != 4 {
		t.Errorf("Articles = %d, want 4 (a2 is published after To)", tl.Articles)
	}
}

func TestBuildUndatedArticles(t *testing.T) {
	arts := []parallax.Article{
		{ID: "x", Text: "The talks collapsed on Thursday after a night of argument about the budget of the city."},
		{ID: "y", Text: "The council approved the new budget on March 3, 2020 after a long and bitter debate."},
	}
	tl := Build(arts, Options{})
	if tl.Undated != 2 {
		t.Errorf("Undated = %d, want 2", tl.Undated)
	}
	if len(tl.Entries) != 1 || tl.Entries[0].Date.String() != "2020-03-03" {
		t.Fatalf("entries = %+v, want only 2020-03-03 (a weekday without a publication date stays unknown)", tl.Entries)
	}
}

func TestBuildEmptyAndOdd(t *testing.T) {
	for _, arts := range [][]parallax.Article{
		nil,
		{{ID: "e"}},
		{{ID: "q", Published: pubDay("2020-02-01"), Text: strings.Repeat("\"", 500) + " on February 30 in the year 9999 or 0001."}},
		{{ID: "f", Published: pubDay("2020-02-01"), Text: "It happened on March 3, 2999 and on March 3, 1001, long before."}},
	} {
		tl := Build(arts, Options{})
		for _, e := range tl.Entries {
			if len(e.Sentences) == 0 {
				t.Errorf("entry %s without sentences", e.Date)
			}
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	a := Build(topic(), Options{Dates: 3, PerDate: 2})
	for range 5 {
		b := Build(topic(), Options{Dates: 3, PerDate: 2})
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two builds of the same input differ")
		}
	}
}

func TestEntryJSON(t *testing.T) {
	tl := Build(topic(), Options{Dates: 1})
	b, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Entries []struct {
			Date      string `json:"date"`
			Precision string `json:"precision"`
			Sentences []struct {
				Source     string `json:"source"`
				Start, End int
				Text       string `json:"text"`
			} `json:"sentences"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Entries) != 1 || back.Entries[0].Date != "2021-03-15" || back.Entries[0].Precision != "day" ||
		len(back.Entries[0].Sentences) != 1 || back.Entries[0].Sentences[0].Source == "" {
		t.Errorf("JSON = %s", b)
	}
}

func TestPublicationBaseline(t *testing.T) {
	arts := topic()
	tl := PublicationBaseline(arts, Options{Dates: 2, PerDate: 1})
	var days []string
	for _, e := range tl.Entries {
		days = append(days, e.Date.String())
		if len(e.Sentences) != 1 || e.Sentences[0].Source != e.Articles[0] {
			t.Errorf("%s: sentences %+v from articles %v", e.Date, e.Sentences, e.Articles)
		}
	}
	// Two articles each on March 16 and 18, one on April 20.
	if want := []string{"2021-03-16", "2021-03-18"}; !reflect.DeepEqual(days, want) {
		t.Errorf("days = %v, want %v", days, want)
	}
}

func ExampleBuild() {
	arts := []parallax.Article{
		{ID: "one", Outlet: "Alpha", Published: pubDay("2021-03-16"),
			Text: "The river broke its banks on Monday and flooded the old town overnight."},
		{ID: "two", Outlet: "Beta", Published: pubDay("2021-03-17"),
			Text: "The river, which broke its banks on March 15, flooded the old town of Riverton."},
	}
	tl := Build(arts, Options{Dates: 1})
	for _, e := range tl.Entries {
		s := e.Sentences[0]
		fmt.Printf("%s (%s): %s [%s %d:%d] %v\n", e.Date, e.Date.Precision, s.Text, s.Source, s.Start, s.End, e.Outlets)
	}
	// Output:
	// 2021-03-15 (day): The river, which broke its banks on March 15, flooded the old town of Riverton. [two 0:79] [Alpha Beta]
}
