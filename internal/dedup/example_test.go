package dedup_test

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dedup"
)

var report = strings.Join([]string{
	"A freight train carrying grain derailed near the Riverton rail bridge early on Tuesday, spilling twelve cars down the embankment and closing the line for at least three days, officials said.",
	"No one was hurt in the derailment, which happened as the train slowed to cross the bridge over the Mill River, according to the county's emergency management office.",
	"The railway said it was investigating the cause and that passenger services would be replaced by buses until the line reopened.",
	"The bridge, built in 1911, was last inspected in March. A state report two years ago said parts of its steel frame needed repair within five years.",
}, "\n\n")

func ExampleIndex() {
	x := dedup.NewIndex()
	x.Add("wire", report)
	x.Add("other", "Twelve grain wagons tumbled off the tracks at the Mill River crossing before dawn on Tuesday. Nobody was injured, and buses will replace trains for several days.")
	// A reprint under another headline, cut after its second paragraph.
	first2 := strings.Join(strings.Split(report, "\n\n")[:2], "\n\n")
	copies, _ := x.Add("reprint", "Grain train derails at Riverton\n\nBy Staff Writer\n\n"+first2)
	for _, m := range copies {
		fmt.Printf("copies %s: %.0f%% of its shingles are there\n", m.ID, 100*m.Shared)
	}
	// Output:
	// copies wire: 87% of its shingles are there
}

func ExampleGroups() {
	groups := dedup.Groups([]parallax.Article{
		{ID: "a", Text: report},
		{ID: "b", Text: "Copyright 2024 Wire. All rights reserved.\n\n" + report},
		{ID: "c", Text: "Twelve grain wagons tumbled off the tracks at the Mill River crossing before dawn on Tuesday."},
	})
	fmt.Println(groups)
	// Output:
	// [{[a b] [0.945]}]
}
