package brief

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
)

// Someone's words are reported by the outlets that carry them.
//
// A sentence that is mostly a quotation tells the reader what one person
// said. Another outlet reports it only when it carries the same words, or
// reports that statement in its own words: the quote ledger's decision,
// which reads quotation marks and speakers. Words about the same subject
// are not enough, however many the two sentences share: an outlet that
// quotes another official on the same treaty, or states the fact the
// quotation speaks of, does not report what this person said. So the
// support of such a sentence is narrowed to the outlets the ledger finds
// carrying its quotation, with the sentence that carries it, and an
// outlet that quotes the words verbatim or shortened is cited even where
// the word measure missed it.

// quotedShare is the share of a sentence's bytes that quoted words must
// fill for the sentence to be read as a quotation.
const quotedShare = 0.5

// quoteCarriers maps a unit that is mostly a quotation to, per other
// article, the units that carry its words and whether they carry them
// whole (verbatim or shortened). Units absent are not quotations.
type quoteCarriers map[int]map[int]carrier

type carrier struct {
	units []int
	whole bool
}

// carriers reads the ledger's whole quotations: for each, the unit of each
// source that holds its words. Where the ledger parts one source's long
// quotation from another's shorter pieces, a sentence whose quoted words
// hold a run of the quotation's own carries it too.
func (s *Story) carriers(quotes []parallax.Quote) quoteCarriers {
	spans := make(map[int][]parallax.Span) // unit -> the quoted words it holds
	entries := make(map[int][]int)         // unit -> entries quoted in it
	unitsOf := make(map[[2]int][]int)      // (entry, source index) -> its units
	for qi := range quotes {
		q := &quotes[qi]
		if q.Kind != "" && q.Kind != parallax.QuoteWhole {
			continue
		}
		for k, sp := range q.Evidence {
			doc := s.docOf(sp.Source)
			if doc < 0 {
				continue
			}
			// A quotation may run over several sentences: each holds its
			// part of the words.
			var in []int
			for _, v := range s.Align.ByDoc[doc] {
				un := &s.Align.Units[v]
				part := parallax.Span{Source: sp.Source, Start: max(sp.Start, un.Start), End: min(sp.End, un.End)}
				if un.Sent < 0 || part.End <= part.Start {
					continue
				}
				in = append(in, v)
				if q.Forms[k] == parallax.FormParaphrased || q.Forms[k] == parallax.FormIndirect {
					continue // the outlet's words, not a quotation
				}
				spans[v] = append(spans[v], part)
				entries[v] = append(entries[v], qi)
			}
			unitsOf[[2]int{qi, k}] = in
		}
	}
	words := make(map[int][]string, len(spans))
	for u, sps := range spans {
		words[u] = s.wordsIn(u, sps)
	}
	ix := newRunIndex(words)
	out := make(quoteCarriers)
	for u, sps := range spans {
		un := &s.Align.Units[u]
		n := 0
		for i, sp := range sps {
			if quotes[entries[u][i]].Speaker != "" {
				n += sp.End - sp.Start
			}
		}
		if float64(n) < quotedShare*float64(un.End-un.Start) {
			continue
		}
		by := make(map[int]carrier)
		add := func(v int, whole bool) {
			d := s.Align.Units[v].Doc
			c := by[d]
			if !slices.Contains(c.units, v) {
				c.units = append(c.units, v)
			}
			c.whole = c.whole || whole
			by[d] = c
		}
		for _, qi := range entries[u] {
			q := &quotes[qi]
			for k := range q.Evidence {
				for _, v := range unitsOf[[2]int{qi, k}] {
					if s.Align.Units[v].Doc != un.Doc {
						add(v, q.Forms[k] == parallax.FormVerbatim || q.Forms[k] == parallax.FormShortened)
					}
				}
			}
		}
		for _, v := range ix.candidates(words[u]) {
			if s.Align.Units[v].Doc == un.Doc {
				continue
			}
			if run := commonRun(words[u], words[v]); run >= min(minQuotedRun, len(words[u])) {
				add(v, float64(run) >= wholeShare*float64(len(words[u])))
			}
		}
		out[u] = by
	}
	for _, by := range out {
		for d, c := range by {
			slices.Sort(c.units)
			by[d] = c
		}
	}
	return out
}

// minQuotedRun is the least number of words in a row two quotations must
// share to be the same words; wholeShare the share of a quotation's words
// such a run must hold for the other to carry it whole.
const (
	minQuotedRun = 5
	wholeShare   = 0.8
)

// A runIndex finds the units whose quoted words may share a run with
// given words: those holding the same run of minQuotedRun words, or for
// fewer words, their first one. So the units compared word by word are few
// however many quotations a story holds.
type runIndex struct {
	runs  map[string][]int
	first map[string][]int
}

func newRunIndex(words map[int][]string) *runIndex {
	ix := &runIndex{runs: make(map[string][]int), first: make(map[string][]int)}
	units := make([]int, 0, len(words))
	for v := range words {
		units = append(units, v)
	}
	slices.Sort(units) // the same order every run
	for _, v := range units {
		ws := words[v]
		seen := make(map[string]bool)
		for i := range ws {
			if !seen[ws[i]] {
				seen[ws[i]] = true
				ix.first[ws[i]] = append(ix.first[ws[i]], v)
			}
			if i+minQuotedRun <= len(ws) {
				k := strings.Join(ws[i:i+minQuotedRun], " ")
				if !seen[k] {
					seen[k] = true
					ix.runs[k] = append(ix.runs[k], v)
				}
			}
		}
	}
	return ix
}

// candidates returns the units that may share a long enough run with ws,
// each once, in order.
func (ix *runIndex) candidates(ws []string) []int {
	if len(ws) == 0 {
		return nil
	}
	if len(ws) < minQuotedRun {
		return ix.first[ws[0]]
	}
	var out []int
	for i := 0; i+minQuotedRun <= len(ws); i++ {
		out = append(out, ix.runs[strings.Join(ws[i:i+minQuotedRun], " ")]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// wordsIn returns the lower-cased words of sentence unit u, as the text
// stage reads them, that stand inside the source spans sps.
func (s *Story) wordsIn(u int, sps []parallax.Span) []string {
	un := &s.Align.Units[u]
	d := s.Docs[un.Doc]
	sen := &d.Sentences[un.Sent]
	var out []string
	for _, tk := range sen.Tokens {
		at := d.Norm.Start(sen.NormStart() + tk.Start)
		if slices.ContainsFunc(sps, func(sp parallax.Span) bool { return sp.Start <= at && at < sp.End }) {
			out = append(out, tk.Lower)
		}
	}
	return out
}

// commonRun returns the length of the longest run of words a and b share.
func commonRun(a, b []string) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// narrow returns the support of unit u as the quotation bound sets it:
// unchanged when u is not a quotation. Else an article that carries the
// words is cited with the sentence that carries them, when the decision
// found it reporting u or carries the words whole; an article that does
// not carry them is cited only when the decision itself passes, not on
// the cosine's backing: the words a quotation shares with a sentence on
// the same subject are the subject's, not the speaker's.
func (s *Story) narrow(u int, ev []align.Evidence, qc quoteCarriers) []align.Evidence {
	by, ok := qc[u]
	if !ok {
		return ev
	}
	p := s.Align.Params()
	out := []align.Evidence{}
	found := make(map[int]bool, len(ev))
	for _, e := range ev {
		found[e.Doc] = true
		c, carries := by[e.Doc]
		switch {
		case !carries:
			if p.Same(e.Pair) {
				out = append(out, e)
			}
		case p.Same(e.Pair) || slices.ContainsFunc(e.Units, func(v int) bool { return slices.Contains(c.units, v) }):
			out = append(out, e)
		default:
			out = append(out, s.carried(u, e.Doc, c))
		}
	}
	for d, c := range by {
		if !found[d] && c.whole {
			out = append(out, s.carried(u, d, c))
		}
	}
	slices.SortFunc(out, func(a, b align.Evidence) int { return a.Doc - b.Doc })
	return out
}

// carried is the evidence of article d that carries unit u's quotation:
// of the sentences c holds, the one the decision scores highest for u.
func (s *Story) carried(u, d int, c carrier) align.Evidence {
	p := s.Align.Params()
	var best align.Evidence
	for i, v := range c.units {
		f := s.Align.Compare(u, v)
		if i == 0 || p.Score(f) > p.Score(best.Pair) {
			best = align.Evidence{Doc: d, Units: []int{v}, Pair: f}
		}
	}
	return best
}

// quoteCarriers returns the story's quotation carriers, found once.
func (s *Story) quoteCarriers() quoteCarriers {
	if s.qc == nil {
		s.qc = s.carriers(s.quotes())
	}
	return s.qc
}

// quoteBound narrows every unit's support by the quotation bound.
func (s *Story) quoteBound(support [][]align.Evidence) [][]align.Evidence {
	qc := s.quoteCarriers()
	if len(qc) == 0 {
		return support
	}
	out := slices.Clone(support)
	for u := range qc {
		out[u] = s.narrow(u, support[u], qc)
	}
	return out
}
