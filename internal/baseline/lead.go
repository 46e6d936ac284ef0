package baseline

// Lead is the lead baseline for multiple documents: it takes first sentences
// round-robin over the articles (sentence 0 of article 0, sentence 0 of
// article 1, ..., then sentence 1 of article 0, and so on) through the shared
// selection rule, and returns them in that order.
type Lead struct{}

// Name returns "lead".
func (Lead) Name() string { return "lead" }

// Summarize returns the round-robin lead sentences that fit in budget words.
func (Lead) Summarize(docs []Document, budget int) []Ref {
	longest, total := 0, 0
	for _, d := range docs {
		longest = max(longest, len(d.Sentences))
		total += len(d.Sentences)
	}
	candidates := make([]Ref, 0, total)
	for j := range longest {
		for d := range docs {
			if j < len(docs[d].Sentences) {
				candidates = append(candidates, Ref{Doc: d, Sent: j})
			}
		}
	}
	return Fill(candidates, docs, budget)
}
