package baseline

// Oracle is the greedy extractive oracle (Nallapati et al., AAAI 2017; Kedzie
// et al., EMNLP 2018). Starting from an empty summary, it repeatedly adds the
// sentence that most increases score, among the sentences the shared [Budget]
// of budget words admits, and stops as soon as no admitted sentence increases
// score strictly, or none is admitted. Ties go to the sentence with the lowest
// (document, sentence) index. The caller typically passes ROUGE-1 plus
// ROUGE-2 F1 of the selection against the reference summary.
//
// score receives the current selection in selection order, with the
// candidate last; the slice is only valid during the call and must not be
// retained or modified. score is called once on the empty selection and then
// once per admitted candidate per step, so an oracle of k sentences over n
// candidates makes about k·n calls.
//
// The chosen sentences are returned in document order.
func Oracle(docs []Document, budget int, score func(selected []Ref) float64) []Ref {
	var refs []Ref
	for d := range docs {
		for j := range docs[d].Sentences {
			refs = append(refs, Ref{Doc: d, Sent: j})
		}
	}
	b := NewBudget(docs, budget)
	alive := make([]bool, len(refs))
	for i := range alive {
		alive[i] = true
	}
	scratch := make([]Ref, 0, 16)
	current := score(scratch)
	for {
		best, bestScore := -1, current
		for i, r := range refs {
			if !alive[i] {
				continue
			}
			if !b.Admits(r) {
				alive[i] = false
				continue
			}
			scratch = append(append(scratch[:0], b.refs...), r)
			if s := score(scratch); s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		b.Add(refs[best])
		alive[best] = false
		current = bestScore
	}
	out := b.Refs()
	SortByPosition(out)
	return out
}
