package eval

import (
	"math"
	"math/rand/v2"
	"slices"
)

// An Interval is a mean with a confidence interval.
type Interval struct {
	Mean, Low, High float64
}

// Bootstrap returns the mean of xs with its percentile bootstrap confidence
// interval at the given level (0.95 for 95%), from rounds resamples drawn
// with a fixed seed, so the same numbers give the same interval.
func Bootstrap(xs []float64, level float64, rounds int, seed uint64) Interval {
	n := len(xs)
	if n == 0 {
		return Interval{}
	}
	mean := meanOf(xs)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	means := make([]float64, rounds)
	for r := range means {
		var sum float64
		for range n {
			sum += xs[rng.IntN(n)]
		}
		means[r] = sum / float64(n)
	}
	slices.Sort(means)
	lo := means[int(math.Floor((1-level)/2*float64(rounds)))]
	hi := means[min(rounds-1, int(math.Ceil((1+level)/2*float64(rounds)))-1)]
	return Interval{Mean: mean, Low: lo, High: hi}
}

func meanOf(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// A Paired is the comparison of two methods on the same stories.
type Paired struct {
	// N is the number of stories both methods scored.
	N int
	// MeanA and MeanB are the two methods' means; Diff is MeanA - MeanB
	// with its bootstrap interval.
	MeanA, MeanB float64
	Diff         Interval
	// P is the two-sided p-value of the approximate randomization
	// (sign-flip permutation) test of the paired differences.
	P float64
	// BootstrapP is the one-sided paired bootstrap p-value: the share of
	// resamples in which the mean difference is not of the observed sign.
	BootstrapP float64
}

// Compare compares paired scores a[i], b[i] of the same stories: the mean
// difference with its bootstrap interval, the approximate randomization
// test (Noreen 1989; the test Riezler and Maxwell 2005 recommend for such
// comparisons) and the paired bootstrap (Koehn 2004; Berg-Kirkpatrick et al.
// 2012).
func Compare(a, b []float64, rounds int, seed uint64) Paired {
	n := len(a)
	d := make([]float64, n)
	for i := range d {
		d[i] = a[i] - b[i]
	}
	p := Paired{N: n}
	if n == 0 {
		return p
	}
	p.MeanA, p.MeanB = meanOf(a), meanOf(b)
	p.Diff = Bootstrap(d, 0.95, rounds, seed)
	obs := math.Abs(p.Diff.Mean)
	rng := rand.New(rand.NewPCG(seed, 0x2545f4914f6cdd1d))
	extreme := 0
	for range rounds {
		var sum float64
		for _, x := range d {
			if rng.Uint64()&1 == 1 {
				sum += x
			} else {
				sum -= x
			}
		}
		if math.Abs(sum/float64(n)) >= obs-1e-12 {
			extreme++
		}
	}
	p.P = float64(extreme+1) / float64(rounds+1)
	// Paired bootstrap: how often a resample's mean difference does not
	// have the observed sign.
	rng = rand.New(rand.NewPCG(seed, 0x853c49e6748fea9b))
	against := 0
	for range rounds {
		var sum float64
		for range n {
			sum += d[rng.IntN(n)]
		}
		if (p.Diff.Mean >= 0 && sum <= 0) || (p.Diff.Mean < 0 && sum >= 0) {
			against++
		}
	}
	p.BootstrapP = float64(against+1) / float64(rounds+1)
	return p
}
