package baseline

import (
	"math/rand/v2"
	"testing"
)

// FuzzMethods runs every method and the oracle on random small stories and
// checks that they do not panic, stay within the budget, return refs in range
// and obey the rest of the selection rule.
func FuzzMethods(f *testing.F) {
	f.Add(uint64(1), uint8(3), uint8(5), uint8(8), int16(40))
	f.Add(uint64(2), uint8(0), uint8(0), uint8(0), int16(10))
	f.Add(uint64(3), uint8(1), uint8(1), uint8(1), int16(0))
	f.Add(uint64(4), uint8(6), uint8(12), uint8(2), int16(-3))
	f.Add(uint64(5), uint8(10), uint8(20), uint8(50), int16(300))
	f.Fuzz(func(t *testing.T, seed uint64, articles, sentences, vocabulary uint8, budget int16) {
		r := rand.New(rand.NewPCG(seed, uint64(articles)<<16|uint64(sentences)<<8|uint64(vocabulary)))
		docs := roughStory(r, int(articles%16), int(sentences%24), int(vocabulary))
		for _, m := range Methods() {
			checkSummary(t, m.Name(), docs, int(budget), m.Summarize(docs, int(budget)))
		}
		// A toy oracle score: the number of distinct terms covered, with a
		// small penalty on length so that the greedy loop has to stop.
		score := func(selected []Ref) float64 {
			seen := map[string]bool{}
			words := 0
			for _, ref := range selected {
				sen := docs[ref.Doc].Sentences[ref.Sent]
				for _, term := range sen.Terms {
					seen[term] = true
				}
				words += max(sen.Words, 0)
			}
			return float64(len(seen)) - 0.01*float64(words)
		}
		got := Oracle(docs, int(budget), score)
		checkSummary(t, "oracle", docs, int(budget), got)
		for i := 1; i < len(got); i++ {
			if compareRefs(got[i-1], got[i]) >= 0 {
				t.Errorf("oracle not in document order: %v", got)
			}
		}
	})
}
