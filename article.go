package parallax

import "time"

// An Article is one outlet's report, as read from a file, a record or a page.
//
// Text is the body exactly as read; every Span in a Brief is a byte range
// into the Text of the Article whose ID it names.
type Article struct {
	// ID identifies the article within one brief; it is unique there.
	ID string `json:"id"`
	// URL is where the article was published, when known.
	URL string `json:"url,omitempty"`
	// Outlet names the publisher, such as "BBC" or a host name.
	Outlet string `json:"outlet,omitempty"`
	// Title is the headline, when known.
	Title string `json:"title,omitempty"`
	// Published is the publication time, when known.
	Published time.Time `json:"published,omitzero"`
	// Text is the article as read: plain text, paragraphs separated by
	// line breaks.
	Text string `json:"text"`
}

// A Span is a half-open byte range [Start, End) in the Text of the article
// whose ID is Source.
type Span struct {
	Source string `json:"source"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }
