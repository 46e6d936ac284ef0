package brief

import "github.com/parallax-news/parallax"

func (s *Story) quotes() []parallax.Quote { return []parallax.Quote{} }
