package cluster_test

import (
	"fmt"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/cluster"
)

func ExampleGroup() {
	articles := []parallax.Article{
		{ID: "a", Title: "Wildfire destroys homes in Paradise, California",
			Text: "A wildfire swept through Paradise, California, on Thursday and destroyed hundreds of homes. " +
				"Fire crews from Butte County fought the Camp Fire through the night as strong winds drove it west. " +
				"The whole town was ordered to leave, and long lines of cars filled the only roads out of Paradise."},
		{ID: "b", Title: "Norway raises interest rate",
			Text: "Norway's central bank raised its interest rate by a quarter point on Thursday, as expected. " +
				"Governor Ida Wolden Bache said inflation remained too high and the krone too weak. " +
				"Economists at Oslo banks said Norges Bank would likely raise the rate again before the summer."},
		{ID: "c", Title: "Camp Fire: Paradise evacuated as flames spread",
			Text: "Residents of Paradise, California, fled on Thursday as the Camp Fire spread through the town. " +
				"Butte County officials said hundreds of homes had burned and the fire was not contained. " +
				"Crews worked through the night in strong winds, and the roads out of Paradise were jammed."},
		{ID: "d", Text: "See more of Paradise Fire Department on Facebook"},
	}
	for _, s := range cluster.Group(articles, cluster.Options{}) {
		if s.Aside != "" {
			fmt.Printf("%v set apart: %s\n", s.IDs, s.Aside)
			continue
		}
		fmt.Printf("%v %q\n", s.IDs, s.Title)
	}
	// Output:
	// [a c] "Camp Fire: Paradise evacuated as flames spread"
	// [b] "Norway raises interest rate"
	// [d] set apart: too little prose
}
