package rouge

import (
	"strings"
	"sync"
	"testing"
)

// benchCase returns the first single-reference Multi-News case of the
// conformance data, skipping the benchmark when the data is absent.
func benchCase(b *testing.B) (conformanceCase, Exceptions) {
	b.Helper()
	cases, _, exc := loadConformance(b)
	c, ok := cases["mn-44972"]
	if !ok {
		for _, cc := range cases {
			if len(cc.Refs) == 1 && strings.HasPrefix(cc.ID, "mn-") {
				c = cc
				break
			}
		}
	}
	return c, exc
}

// BenchmarkScore scores a realistic Multi-News peer cut to 250 words against
// one reference with the Multi-News flags
// "-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 250".
func BenchmarkScore(b *testing.B) {
	c, exc := benchCase(b)
	opts, err := ParseFlags(strings.Fields("-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 250"))
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewScorer(opts, exc)
	if err != nil {
		b.Fatal(err)
	}
	s.Score(c.Peer, c.Refs) // warm the token cache

	b.Run("Score", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.Score(c.Peer, c.Refs)
		}
	})
	refs := s.Prepare(c.Refs)
	b.Run("ScorePrepared", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.ScorePrepared(c.Peer, refs)
		}
	})
	peer := s.Sentences(c.Peer)
	dst := make([]Score, 0, len(s.Metrics()))
	b.Run("AppendScores", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			dst = s.AppendScores(dst[:0], peer, refs)
		}
	})
	b.Run("AppendScoresParallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			dst := make([]Score, 0, len(s.Metrics()))
			for pb.Next() {
				dst = s.AppendScores(dst[:0], peer, refs)
			}
		})
	})
}

// BenchmarkTokenCache compares ways of finding the final form of tokens
// under concurrent use: the sharded map the Scorer uses, a sync.Map, and
// no cache at all (lower-casing, exception lookup and Porter stemming each
// time).
func BenchmarkTokenCache(b *testing.B) {
	c, exc := benchCase(b)
	var raw []string
	for _, sent := range append(append([]string(nil), c.Peer...), c.Refs[0]...) {
		for i := 0; i < len(sent); {
			if !isAlnum(sent[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(sent) && isAlnum(sent[j]) {
				j++
			}
			if j-i > 3 {
				raw = append(raw, sent[i:j])
			}
			i = j
		}
	}
	s, err := NewScorer(Options{Stem: true}, exc)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range raw {
		s.token(r)
	}
	var sm sync.Map
	for _, r := range raw {
		sm.Store(r, s.stem(lowerASCII(r)))
	}
	run := func(b *testing.B, f func(string) string) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				f(raw[i%len(raw)])
				i++
			}
		})
	}
	b.Run("sharded", func(b *testing.B) { run(b, s.token) })
	b.Run("sync.Map", func(b *testing.B) {
		run(b, func(r string) string {
			v, _ := sm.Load(r)
			return v.(string)
		})
	})
	b.Run("none", func(b *testing.B) {
		run(b, func(r string) string { return s.stem(lowerASCII(r)) })
	})
}
