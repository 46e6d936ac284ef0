package brief

import (
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
)

// Unit returns the index in s.Align.Units of the unit (sentence or title)
// of the article named by sp.Source that overlaps sp the most, or -1 when
// none does.
func (s *Story) Unit(sp parallax.Span) int {
	doc := s.docOf(sp.Source)
	if doc < 0 {
		return -1
	}
	best, bestO := -1, 0
	for _, u := range s.Align.ByDoc[doc] {
		un := &s.Align.Units[u]
		if o := min(un.End, sp.End) - max(un.Start, sp.Start); o > bestO {
			best, bestO = u, o
		}
	}
	return best
}

// docOf returns the index of the article with the given id, or -1.
func (s *Story) docOf(id string) int {
	for i, a := range s.Articles {
		if a.ID == id {
			return i
		}
	}
	return -1
}

// Span returns the source span of unit u.
func (s *Story) Span(u int) parallax.Span {
	un := &s.Align.Units[u]
	return parallax.Span{Source: s.Articles[un.Doc].ID, Start: un.Start, End: un.End}
}

// evidenceSpan returns the span an evidence covers: its one unit, or its
// two adjacent units from the start of the first to the end of the second.
func (s *Story) evidenceSpan(e align.Evidence) parallax.Span {
	sp := s.Span(e.Units[0])
	sp.End = s.Align.Units[e.Units[len(e.Units)-1]].End
	return sp
}

// Cite returns the evidence the brief cites from the article named
// article for the claim at span claim (the sentence of another article
// that overlaps it most): one span, or none when that article does not
// report the claim's information.
func (s *Story) Cite(claim parallax.Span, article string) []parallax.Span {
	u := s.Unit(claim)
	if u < 0 {
		return nil
	}
	for _, e := range dropOpposed(u, s.narrow(u, s.Align.Support(u), s.quoteCarriers()), s.opposition()) {
		if s.Articles[e.Doc].ID == article {
			return []parallax.Span{s.evidenceSpan(e)}
		}
	}
	return nil
}

// A Candidate is a sentence of another article that may report a claim,
// for judging.
type Candidate struct {
	Span parallax.Span
	// Strength is the larger of its cosine similarity to the claim and
	// the share of the claim's content it holds.
	Strength float64
}

// Candidates returns, for the claim at span claim, the sentences of every
// other article that are most alike (by cosine) or cover most of it (by
// the same-information measure): up to perArticle of each kind per
// article, each once.
func (s *Story) Candidates(claim parallax.Span, perArticle int) []Candidate {
	u := s.Unit(claim)
	if u < 0 {
		return nil
	}
	var out []Candidate
	for d := range s.Docs {
		if d == s.Align.Units[u].Doc {
			continue
		}
		type scored struct {
			v        int
			sim, cov float64
		}
		var all []scored
		for _, v := range s.Align.ByDoc[d] {
			if s.Align.Units[v].Sent < 0 {
				continue
			}
			sim, cov := s.Align.Sim(u, v), s.Align.Compare(u, v).ClaimCover
			if sim > 0.05 || cov > 0.15 {
				all = append(all, scored{v, sim, cov})
			}
		}
		chosen := make(map[int]float64)
		for _, by := range []func(x scored) float64{
			func(x scored) float64 { return x.sim },
			func(x scored) float64 { return x.cov },
		} {
			taken := make(map[int]bool)
			for range perArticle {
				best := -1
				for i, x := range all {
					if !taken[i] && (best < 0 || by(x) > by(all[best])) {
						best = i
					}
				}
				if best < 0 {
					break
				}
				taken[best] = true
				chosen[all[best].v] = max(all[best].sim, all[best].cov)
			}
		}
		for _, x := range all {
			if st, ok := chosen[x.v]; ok {
				out = append(out, Candidate{Span: s.Span(x.v), Strength: st})
			}
		}
	}
	return out
}

// Context returns the text of the unit at sp and of the sentences just
// before and after it in its article ("" where there is none).
func (s *Story) Context(sp parallax.Span) (text, before, after string) {
	u := s.Unit(sp)
	if u < 0 {
		return "", "", ""
	}
	un := &s.Align.Units[u]
	a := s.Articles[un.Doc].Text
	text = a[un.Start:un.End]
	if un.Sent > 0 {
		p := &s.Align.Units[s.Align.SentUnit[un.Doc][un.Sent-1]]
		before = a[p.Start:p.End]
	}
	if un.Sent >= 0 && un.Sent+1 < len(s.Align.SentUnit[un.Doc]) {
		n := &s.Align.Units[s.Align.SentUnit[un.Doc][un.Sent+1]]
		after = a[n.Start:n.End]
	}
	return text, before, after
}
