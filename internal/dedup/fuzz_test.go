package dedup

import (
	"slices"
	"testing"
)

// FuzzSketch sketches arbitrary text: it never panics, sketches the same
// text alike, keeps its sample sorted, distinct and bounded, and compares
// symmetrically with shares between 0 and 1.
func FuzzSketch(f *testing.F) {
	for _, s := range append(slices.Clone(wire), independent...) {
		f.Add(s, s[:len(s)/2])
	}
	f.Add("", "")
	f.Add("``Stay,'' he said.\n\n\"Go", "“Stay,” he said.")
	f.Add("a\x00b\xff\xfe c'", "1,000.5 ‘quoted’ — «guillemets» „low“")
	f.Add("Don’t\n\n\n\r\n© 2024", "x\ny\nz")
	f.Fuzz(func(t *testing.T, a, b string) {
		sa, sb := NewSketch(a), NewSketch(b)
		if again := NewSketch(a); !equalSketch(sa, again) {
			t.Fatalf("sketching %q twice gave two sketches", a)
		}
		for _, sk := range []*Sketch{sa, sb} {
			if len(sk.sample) > Sample {
				t.Fatalf("sample of %d values", len(sk.sample))
			}
			for i := 1; i < len(sk.sample); i++ {
				if sk.sample[i]>>1 <= sk.sample[i-1]>>1 {
					t.Fatalf("sample not sorted and distinct at %d", i)
				}
			}
			if sk.words > 0 && len(sk.sample) == 0 {
				t.Fatalf("%d words, no shingle", sk.words)
			}
		}
		self := Compare(sa, sa)
		if sa.words > 0 && (!self.Exact || !self.Copy || self.Shared != 1) {
			t.Fatalf("a text compared with itself: %+v", self)
		}
		ab, ba := Compare(sa, sb), Compare(sb, sa)
		if ab.Shared != ba.Covered || ab.Covered != ba.Shared || ab.OwnShared != ba.OwnCovered || ab.Copy != ba.Copy || ab.Exact != ba.Exact {
			t.Fatalf("not symmetric: %+v and %+v", ab, ba)
		}
		for _, v := range []float64{ab.Shared, ab.Covered} {
			if v < 0 || v > 1 {
				t.Fatalf("share %v out of [0, 1]", v)
			}
		}
		for _, v := range []float64{ab.OwnShared, ab.OwnCovered} {
			if v != -1 && (v < 0 || v > 1) {
				t.Fatalf("own share %v out of [0, 1]", v)
			}
		}
		if c, cand := Check(sa, sb); c.Copy && !cand {
			t.Fatalf("a copy that is not a candidate: %+v", c)
		}
	})
}

func equalSketch(a, b *Sketch) bool {
	return a.exact == b.exact && a.bands == b.bands && a.full == b.full && a.words == b.words && slices.Equal(a.sample, b.sample)
}
