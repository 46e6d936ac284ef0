package parallax

import "time"

// A Story is a group of articles about one event, found among many.
type Story struct {
	// ID names the story; it is derived from the story's first article,
	// so it stays the same when later articles join.
	ID string `json:"id"`
	// Headline is the most representative title among its articles.
	Headline string `json:"headline,omitempty"`
	// Articles describes its articles, in arrival order.
	Articles []Source `json:"articles"`
	// Outlets lists the outlets of its articles, each once, in order of
	// first appearance.
	Outlets []string `json:"outlets"`
	// Reports counts its independent reports: copies of one report (see
	// Copies) count once.
	Reports int `json:"reports"`
	// Copies holds the groups of its articles that copy one report.
	Copies []CopyGroup `json:"copies,omitempty"`
	// First and Last are the earliest and latest publication times of its
	// dated articles; zero when none is dated.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Aside, when not empty, says why this single text is not a story,
	// such as "not an article: too little prose".
	Aside string `json:"aside,omitempty"`
}
