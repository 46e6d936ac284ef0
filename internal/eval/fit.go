package eval

import (
	"context"
	"math"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
)

// FitDecision fits the same-information decision's score by logistic
// regression on the labelled pairs of one part ("tune", "check" or "" for
// all): each pair's measures (align.Pair.Features, the claim against the
// judged sentence) against its label. It returns base with the fitted bias
// and weights; the threshold and the other knobs are base's. The fit is
// plain batch gradient descent from zero, so it is deterministic: this is
// how DefaultParams' weights were made.
func FitDecision(ctx context.Context, labels []CitationLabel, loader *StoryLoader, part string, base align.Params) (align.Params, error) {
	var xs [][align.NumFeatures]float64
	var ys []float64
	for _, l := range labels {
		if part != "" && Part(l.Set, l.Story) != part {
			continue
		}
		if err := ctx.Err(); err != nil {
			return base, err
		}
		st, err := loader.Story(ctx, l.Set, l.Story)
		if err != nil {
			return base, err
		}
		st.Align.SetParams(base)
		u := st.Unit(parallax.Span{Source: l.Claim.Article, Start: l.Claim.Start, End: l.Claim.End})
		v := st.Unit(parallax.Span{Source: l.Cand.Article, Start: l.Cand.Start, End: l.Cand.End})
		if u < 0 || v < 0 {
			continue
		}
		xs = append(xs, st.Align.Compare(u, v).Features())
		ys = append(ys, float64(l.Label))
	}
	bias, w := logistic(xs, ys, fitRounds, fitRate, fitL2)
	return base.WithWeights(bias, w), nil
}

// The fit's settings: rounds of gradient descent, the step, and the L2
// penalty on the weights (not on the bias).
const (
	fitRounds = 3000
	fitRate   = 0.5
	fitL2     = 0.01
)

// logistic fits p(y=1|x) = sigmoid(bias + w·x) by batch gradient descent.
func logistic(xs [][align.NumFeatures]float64, ys []float64, rounds int, rate, l2 float64) (float64, [align.NumFeatures]float64) {
	var bias float64
	var w [align.NumFeatures]float64
	if len(xs) == 0 {
		return bias, w
	}
	n := float64(len(xs))
	for range rounds {
		var gb float64
		var gw [align.NumFeatures]float64
		for i, x := range xs {
			z := bias
			for k := range w {
				z += w[k] * x[k]
			}
			d := 1/(1+math.Exp(-z)) - ys[i]
			gb += d
			for k := range w {
				gw[k] += d * x[k]
			}
		}
		bias -= rate * gb / n
		for k := range w {
			w[k] -= rate * (gw[k]/n + l2*w[k])
		}
	}
	return bias, w
}
