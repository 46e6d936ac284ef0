package brief_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
)

func ExampleBuild() {
	articles := []parallax.Article{
		{ID: "a", Outlet: "Daily Courier", Text: "The city council approved the new bridge on Tuesday.\n\n" +
			"The bridge will cost 40 million dollars, the mayor said.\n\n" +
			"Work starts in the spring."},
		{ID: "b", Outlet: "Evening Ledger", Text: "City councillors approved a new bridge on Tuesday after a long debate.\n\n" +
			"Residents of the east bank have waited a decade for it."},
	}
	b, err := brief.Build(context.Background(), articles, brief.Options{Words: 25})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range b.Summary {
		fmt.Printf("%s %v\n", s.Text, s.Sources)
	}
	for _, s := range b.Agreed {
		// Every statement carries the byte offsets of its evidence.
		for _, ev := range s.Evidence {
			text := articles[0].Text
			if ev.Source == "b" {
				text = articles[1].Text
			}
			fmt.Printf("agreed, as %s put it: %q\n", ev.Source, text[ev.Start:ev.End])
		}
	}
	fmt.Println("only in a:", len(b.Exclusive["a"]), strings.Contains(b.Exclusive["a"][0].Text, "40 million"))
	// Output:
	// City councillors approved a new bridge on Tuesday after a long debate. [b a]
	// The bridge will cost 40 million dollars, the mayor said. [a]
	// agreed, as b put it: "City councillors approved a new bridge on Tuesday after a long debate."
	// agreed, as a put it: "The city council approved the new bridge on Tuesday."
	// only in a: 1 true
}
