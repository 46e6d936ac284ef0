package brief

import (
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/quote"
)

// quotes returns the story's quote ledger.
func (s *Story) quotes() []parallax.Quote {
	docs := make([]quote.Doc, len(s.Docs))
	for i, d := range s.Docs {
		docs[i] = quote.Doc{ID: s.Articles[i].ID, Doc: d}
	}
	q := quote.Ledger(docs)
	if q == nil {
		q = []parallax.Quote{}
	}
	return q
}
