package eval

import (
	"math"
	"testing"

	"github.com/parallax-news/parallax/internal/align"
)

// On separable data the fit puts the boundary where the labels change.
func TestLogistic(t *testing.T) {
	var xs [][align.NumFeatures]float64
	var ys []float64
	for i := range 40 {
		var x [align.NumFeatures]float64
		x[0] = float64(i) / 40
		xs = append(xs, x)
		ys = append(ys, flagOf(x[0] >= 0.5))
	}
	bias, w := logistic(xs, ys, 3000, 0.5, 0)
	if w[0] <= 0 {
		t.Fatalf("weight %.3f: want positive", w[0])
	}
	if boundary := -bias / w[0]; math.Abs(boundary-0.5) > 0.05 {
		t.Errorf("boundary at %.3f, want near 0.5", boundary)
	}
	for k := 1; k < align.NumFeatures; k++ {
		if w[k] != 0 {
			t.Errorf("weight %d = %v on a feature that is always 0", k, w[k])
		}
	}
}

func flagOf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
