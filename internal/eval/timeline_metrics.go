package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/eval/rouge"
	"github.com/parallax-news/parallax/internal/text"
)

// The timeline metrics of Martschat and Markert (2017, "Improving ROUGE for
// timeline summarization"), as their tilse toolkit computes them and as
// Ghalandari and Ifrim (2020) report them:
//
//   - date selection: precision, recall and F1 of the predicted days
//     against the reference's days, counting exact matches only;
//   - concat: ROUGE-1/2 of all daily summaries of the prediction, in date
//     order, against those of the reference, dates ignored;
//   - agreement: ROUGE-1/2 where n-grams match only within the same day:
//     the hits, peer and reference counts of every day are added up before
//     dividing;
//   - align+ m:1: every predicted day is aligned to the reference day of
//     least cost, cost = (1 − 1/(|d1−d2|+1)) · (1 − an approximate
//     ROUGE-1 F of the two days' summaries); the hits of the pair count
//     1/(|d1−d2|+1) times. Precision aligns each predicted day, recall
//     each reference day (to the predicted day of least cost), so several
//     days may share one partner (many-to-one); ties go to the earlier day.
//
// ROUGE counting follows tilse's call of ROUGE-1.5.5 (-n 2 -m -s -f A
// -t 2, raw counts): the project's faithful tokenization (ASCII letters
// and digits, lower-cased, WordNet exceptions and Porter stems with -m),
// stop words dropped before n-grams are formed, counts clipped, and no
// length limit. Where this differs from tilse, see TimelineScorer.

// A TimelineDay is one date of a timeline and the sentences of its
// summary.
type TimelineDay struct {
	// Date is the calendar day; only its year, month and day count.
	Date time.Time `json:"date"`
	// Sentences are the day's summary sentences, in order.
	Sentences []string `json:"sentences"`
}

// A Timeline is a dated summary as the metrics read it: days in any
// order. Days that fall on the same date are merged by the scorer.
type Timeline []TimelineDay

// PRF is a precision, a recall and their F1.
type PRF struct {
	Precision float64 `json:"p"`
	Recall    float64 `json:"r"`
	F         float64 `json:"f"`
}

// newPRF computes F1 from precision and recall (0 when both are 0).
func newPRF(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: p, Recall: r, F: f}
}

// RougePair holds ROUGE-1 and ROUGE-2 scores of one metric variant.
type RougePair struct {
	R1 PRF `json:"rouge1"`
	R2 PRF `json:"rouge2"`
}

// TimelineScores are the scores of one predicted timeline against one
// reference timeline.
type TimelineScores struct {
	Date      PRF       `json:"date"`
	Concat    RougePair `json:"concat"`
	Agreement RougePair `json:"agreement"`
	Align     RougePair `json:"align_m1"`
}

// A TimelineScorer scores timelines. It is safe for concurrent use.
//
// Differences from tilse, by necessity or for simplicity:
//
//   - ROUGE-1.5.5's -s drops the 571 words of the SMART list, which is not
//     available here; the scorer drops the words of Parallax's own stop
//     list (internal/text), which holds the same kind of function words.
//     Scores are therefore close to, not identical with, tilse's.
//   - The content part of the alignment cost is tilse's approximate
//     ROUGE-1 F, but counted over the scorer's tokens (lower-cased,
//     stemmed, stop words dropped) rather than over whitespace-separated
//     words of pre-tokenized text.
//   - One reference timeline at a time: the evaluation protocol
//     (Ghalandari and Ifrim 2020) scores a prediction against each of a
//     topic's references separately and averages, so the several-reference
//     variants of the metrics are not implemented.
type TimelineScorer struct {
	plain, stemmed *rouge.Scorer
	stop           func(string) bool
}

// NewTimelineScorer returns a scorer that stems with the WordNet
// exception lists exc (see rouge.LoadExceptions) and Porter's stemmer, and
// drops the words for which stop reports true before counting; a nil
// stop uses Parallax's stop list.
func NewTimelineScorer(exc rouge.Exceptions, stop func(string) bool) (*TimelineScorer, error) {
	opts := rouge.DefaultOptions()
	opts.MaxN, opts.NoLCS = 2, true
	plain, err := rouge.NewScorer(opts, exc)
	if err != nil {
		return nil, fmt.Errorf("eval: timeline scorer: %w", err)
	}
	opts.Stem = true
	stemmed, err := rouge.NewScorer(opts, exc)
	if err != nil {
		return nil, fmt.Errorf("eval: timeline scorer: %w", err)
	}
	if stop == nil {
		stop = text.IsStop
	}
	return &TimelineScorer{plain: plain, stemmed: stemmed, stop: stop}, nil
}

// Tokens returns the tokens the scorer counts in sentence: ROUGE-1.5.5's
// tokens, lower-cased, without stop words, stemmed.
func (s *TimelineScorer) Tokens(sentence string) []string {
	plain := s.plain.Tokens(sentence)
	stemmed := s.stemmed.Tokens(sentence)
	out := stemmed[:0]
	for i, w := range plain {
		if !s.stop(w) {
			out = append(out, stemmed[i])
		}
	}
	return out
}

// grams are the n-gram counts of one summary.
type grams struct {
	uni, bi map[string]int
	nUni    int // number of unigrams
	nBi     int // number of bigrams
}

func newGrams(toks []string) grams {
	g := grams{uni: make(map[string]int, len(toks)), bi: make(map[string]int, len(toks))}
	for i, t := range toks {
		g.uni[t]++
		if i > 0 {
			g.bi[toks[i-1]+" "+t]++
		}
	}
	g.nUni = len(toks)
	if len(toks) > 1 {
		g.nBi = len(toks) - 1
	}
	return g
}

// hits counts the clipped matches of peer n-grams in ref.
func hits(peer, ref map[string]int) int {
	if len(ref) < len(peer) {
		peer, ref = ref, peer
	}
	h := 0
	for k, c := range peer {
		h += min(c, ref[k])
	}
	return h
}

// counts are ROUGE's raw counts: hits, peer n-grams, reference n-grams.
type counts struct{ hit, peer, ref float64 }

func (c *counts) prf() PRF {
	var p, r float64
	if c.peer > 0 {
		p = c.hit / c.peer
	}
	if c.ref > 0 {
		r = c.hit / c.ref
	}
	return newPRF(p, r)
}

// dayGrams is a timeline merged by day and sorted, with each day's
// tokens and n-grams.
type dayGrams struct {
	days []int // days since 1970-01-01, ascending
	toks [][]string
	g    []grams
}

// dayNumber is the number of days from 1970-01-01 to t's calendar date.
func dayNumber(t time.Time) int {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return int(math.Floor(float64(d.Unix()) / 86400))
}

func (s *TimelineScorer) prepare(tl Timeline) dayGrams {
	byDay := make(map[int][]string)
	for _, d := range tl {
		n := dayNumber(d.Date)
		toks := byDay[n]
		if toks == nil {
			toks = []string{}
		}
		for _, sent := range d.Sentences {
			toks = append(toks, s.Tokens(sent)...)
		}
		byDay[n] = toks
	}
	var dg dayGrams
	for n := range byDay {
		dg.days = append(dg.days, n)
	}
	slices.Sort(dg.days)
	for _, n := range dg.days {
		dg.toks = append(dg.toks, byDay[n])
		dg.g = append(dg.g, newGrams(byDay[n]))
	}
	return dg
}

// Score scores a predicted timeline against one reference timeline.
func (s *TimelineScorer) Score(pred, ref Timeline) TimelineScores {
	p, r := s.prepare(pred), s.prepare(ref)
	var out TimelineScores
	out.Date = dateScores(p.days, r.days)
	out.Concat = concatScores(p, r)
	out.Agreement = agreementScores(p, r)
	out.Align = alignScores(p, r)
	return out
}

// dateScores compares the two sorted day lists exactly.
func dateScores(pred, ref []int) PRF {
	shared := 0
	for i, j := 0, 0; i < len(pred) && j < len(ref); {
		switch {
		case pred[i] == ref[j]:
			shared++
			i++
			j++
		case pred[i] < ref[j]:
			i++
		default:
			j++
		}
	}
	var p, r float64
	if len(pred) > 0 {
		p = float64(shared) / float64(len(pred))
	}
	if len(ref) > 0 {
		r = float64(shared) / float64(len(ref))
	}
	return newPRF(p, r)
}

func concatScores(p, r dayGrams) RougePair {
	all := func(d dayGrams) grams {
		var toks []string
		for _, t := range d.toks {
			toks = append(toks, t...)
		}
		return newGrams(toks)
	}
	pg, rg := all(p), all(r)
	c1 := counts{hit: float64(hits(pg.uni, rg.uni)), peer: float64(pg.nUni), ref: float64(rg.nUni)}
	c2 := counts{hit: float64(hits(pg.bi, rg.bi)), peer: float64(pg.nBi), ref: float64(rg.nBi)}
	return RougePair{R1: c1.prf(), R2: c2.prf()}
}

func agreementScores(p, r dayGrams) RougePair {
	var c1, c2 counts
	for _, g := range p.g {
		c1.peer += float64(g.nUni)
		c2.peer += float64(g.nBi)
	}
	for _, g := range r.g {
		c1.ref += float64(g.nUni)
		c2.ref += float64(g.nBi)
	}
	for i, j := 0, 0; i < len(p.days) && j < len(r.days); {
		switch {
		case p.days[i] == r.days[j]:
			c1.hit += float64(hits(p.g[i].uni, r.g[j].uni))
			c2.hit += float64(hits(p.g[i].bi, r.g[j].bi))
			i++
			j++
		case p.days[i] < r.days[j]:
			i++
		default:
			j++
		}
	}
	return RougePair{R1: c1.prf(), R2: c2.prf()}
}

// approxRouge1 is tilse's approximate ROUGE-1 F of a predicted day
// against a reference day, used only in the alignment cost.
func approxRouge1(pred, ref grams) float64 {
	m := float64(hits(pred.uni, ref.uni))
	var p, r float64
	if pred.nUni > 0 {
		p = m / float64(pred.nUni)
	}
	if ref.nUni > 0 {
		r = m / float64(ref.nUni)
	}
	return newPRF(p, r).F
}

// alignCost is the align+ cost of aligning predicted day i to reference
// day j.
func alignCost(p, r dayGrams, i, j int) float64 {
	dateFactor := 1 - 1/float64(abs(p.days[i]-r.days[j])+1)
	return dateFactor * (1 - approxRouge1(p.g[i], r.g[j]))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func alignScores(p, r dayGrams) RougePair {
	var c1, c2 counts
	cost := make([][]float64, len(p.days))
	for i := range p.days {
		cost[i] = make([]float64, len(r.days))
		for j := range r.days {
			cost[i][j] = alignCost(p, r, i, j)
		}
	}
	// Precision: every predicted day to its reference day of least cost.
	for i, g := range p.g {
		c1.peer += float64(g.nUni)
		c2.peer += float64(g.nBi)
		if len(r.days) == 0 {
			continue
		}
		j := 0
		for k := 1; k < len(r.days); k++ {
			if cost[i][k] < cost[i][j] {
				j = k
			}
		}
		w := 1 / float64(abs(p.days[i]-r.days[j])+1)
		c1.hit += w * float64(hits(g.uni, r.g[j].uni))
		c2.hit += w * float64(hits(g.bi, r.g[j].bi))
	}
	pr1, pr2 := c1, c2
	// Recall: every reference day to its predicted day of least cost.
	c1, c2 = counts{}, counts{}
	for j, g := range r.g {
		c1.ref += float64(g.nUni)
		c2.ref += float64(g.nBi)
		if len(p.days) == 0 {
			continue
		}
		i := 0
		for k := 1; k < len(p.days); k++ {
			if cost[k][j] < cost[i][j] {
				i = k
			}
		}
		w := 1 / float64(abs(p.days[i]-r.days[j])+1)
		c1.hit += w * float64(hits(p.g[i].uni, g.uni))
		c2.hit += w * float64(hits(p.g[i].bi, g.bi))
	}
	prec := func(c counts) float64 {
		if c.peer == 0 {
			return 0
		}
		return c.hit / c.peer
	}
	rec := func(c counts) float64 {
		if c.ref == 0 {
			return 0
		}
		return c.hit / c.ref
	}
	return RougePair{
		R1: newPRF(prec(pr1), rec(c1)),
		R2: newPRF(prec(pr2), rec(c2)),
	}
}

// String formats the scores on one line, for logs and tests.
func (t TimelineScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "date F1 %.3f", t.Date.F)
	for _, v := range []struct {
		name string
		p    RougePair
	}{{"concat", t.Concat}, {"agreement", t.Agreement}, {"align+ m:1", t.Align}} {
		fmt.Fprintf(&b, "; %s R1 %.3f R2 %.3f", v.name, v.p.R1.F, v.p.R2.F)
	}
	return b.String()
}
