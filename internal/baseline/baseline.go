package baseline

import (
	"cmp"
	"slices"
)

// A Sentence is one sentence of one document, already split and analysed.
type Sentence struct {
	// Text is the sentence as it appears in the article.
	Text string
	// Terms are its content terms: lower-cased, stemmed, stop words and
	// punctuation removed, in order, repeats kept.
	Terms []string
	// Words is its length in whitespace-separated words, which is what the
	// word budget counts.
	Words int
}

// A Document is one article of a story: its sentences in order.
type Document struct {
	Sentences []Sentence
}

// A Ref names a chosen sentence: document index and sentence index in that
// document.
type Ref struct {
	Doc, Sent int
}

// A Method is an extractive summarizer.
type Method interface {
	// Name returns the method's registry name.
	Name() string
	// Summarize chooses sentences from docs whose Words sum to at most
	// budget, following the selection rule of [Budget], and returns them in
	// selection order. The result is never nil.
	Summarize(docs []Document, budget int) []Ref
}

// Methods returns one value of every method, in a fixed order: lead,
// centroid, lexrank, textrank, mmr.
func Methods() []Method {
	return []Method{Lead{}, Centroid{}, LexRank{}, TextRank{}, MMR{}}
}

// ByName returns the method whose Name is name, and whether there is one.
func ByName(name string) (Method, bool) {
	for _, m := range Methods() {
		if m.Name() == name {
			return m, true
		}
	}
	return nil, false
}

// SortByPosition sorts refs into document order: by document index, then by
// sentence index.
func SortByPosition(refs []Ref) {
	slices.SortFunc(refs, compareRefs)
}

func compareRefs(a, b Ref) int {
	if c := cmp.Compare(a.Doc, b.Doc); c != 0 {
		return c
	}
	return cmp.Compare(a.Sent, b.Sent)
}

// A Budget accumulates a summary under the selection rule that every method
// shares. A sentence is admitted only if its reference is in range, it has at
// least one term, its Text differs from the Text of every sentence already in
// the summary, and the summary's total Words stays at most the limit once it
// is added. Negative Words count as zero. A sentence that is refused is simply
// not added; the caller goes on with its next candidate.
//
// Once a sentence is refused it stays refused, since the summary only grows:
// greedy methods rely on this to drop such candidates for good.
type Budget struct {
	docs  []Document
	limit int
	used  int
	refs  []Ref
	texts map[string]struct{}
}

// NewBudget returns an empty summary of docs that may hold limit words.
func NewBudget(docs []Document, limit int) *Budget {
	return &Budget{docs: docs, limit: limit}
}

// Admits reports whether r could be added to the summary now.
func (b *Budget) Admits(r Ref) bool {
	if !b.fits(r) {
		return false
	}
	_, dup := b.texts[b.docs[r.Doc].Sentences[r.Sent].Text]
	return !dup
}

// fits is Admits without the duplicate-text test, which is the only one that
// needs a map look-up.
func (b *Budget) fits(r Ref) bool {
	if r.Doc < 0 || r.Doc >= len(b.docs) {
		return false
	}
	sents := b.docs[r.Doc].Sentences
	if r.Sent < 0 || r.Sent >= len(sents) {
		return false
	}
	s := &sents[r.Sent]
	return len(s.Terms) > 0 && cost(s) <= b.limit-b.used
}

// Add adds r to the summary if [Budget.Admits] allows it, and reports whether
// it did.
func (b *Budget) Add(r Ref) bool {
	if !b.Admits(r) {
		return false
	}
	s := &b.docs[r.Doc].Sentences[r.Sent]
	if b.texts == nil {
		b.texts = make(map[string]struct{}, 16)
	}
	b.texts[s.Text] = struct{}{}
	b.used += cost(s)
	b.refs = append(b.refs, r)
	return true
}

// Used returns the number of words in the summary so far.
func (b *Budget) Used() int { return b.used }

// Refs returns a copy of the sentences added so far, in the order they were
// added.
func (b *Budget) Refs() []Ref {
	return append(make([]Ref, 0, len(b.refs)), b.refs...)
}

// cost is the number of budget words a sentence takes.
func cost(s *Sentence) int {
	return max(s.Words, 0)
}

// Fill applies the shared selection rule to a static ranking: it offers the
// candidates to a [Budget] of budget words in the given order and returns the
// ones admitted, in that order.
func Fill(candidates []Ref, docs []Document, budget int) []Ref {
	b := NewBudget(docs, budget)
	for _, r := range candidates {
		b.Add(r)
	}
	return b.Refs()
}
