package baseline

import (
	"fmt"
	"testing"
)

// BenchmarkMethods measures every method, and the greedy oracle with a
// unigram-recall score, on synthetic stories: 10 articles of 4 sentences (the
// size of a typical Multi-News story), 10 articles of 30 sentences, and 300
// articles of 30 sentences (9,000 sentences). The budget is
// 250 words, about the length of a Multi-News reference summary.
func BenchmarkMethods(b *testing.B) {
	sizes := []struct{ articles, sentences int }{{10, 4}, {10, 30}, {300, 30}}
	for _, size := range sizes {
		docs := synthStory(42, size.articles, size.sentences)
		name := fmt.Sprintf("%dx%d", size.articles, size.sentences)
		for _, m := range Methods() {
			b.Run(name+"/"+m.Name(), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					m.Summarize(docs, 250)
				}
			})
		}
		b.Run(name+"/oracle", func(b *testing.B) {
			score := unigramRecall(docs, synthStory(43, 1, 12)[0])
			b.ReportAllocs()
			for b.Loop() {
				Oracle(docs, 250, score)
			}
		})
	}
}

// unigramRecall returns a cheap stand-in for ROUGE-1 recall against
// reference: the fraction of the reference's distinct terms that the
// selection covers.
func unigramRecall(docs []Document, reference Document) func([]Ref) float64 {
	ref := map[string]int{}
	for _, s := range reference.Sentences {
		for _, t := range s.Terms {
			if _, ok := ref[t]; !ok {
				ref[t] = len(ref)
			}
		}
	}
	covered := make([]bool, len(ref))
	return func(selected []Ref) float64 {
		clear(covered)
		n := 0
		for _, r := range selected {
			for _, t := range docs[r.Doc].Sentences[r.Sent].Terms {
				if k, ok := ref[t]; ok && !covered[k] {
					covered[k] = true
					n++
				}
			}
		}
		return float64(n) / float64(max(len(ref), 1))
	}
}
