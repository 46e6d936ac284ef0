package eval

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/text"
)

// A SentencePair is one labelled pair of sentences: do they report the
// same information?
type SentencePair struct {
	ID    string `json:"id,omitempty"`
	Label int    `json:"label"`
	S1    string `json:"s1"`
	S2    string `json:"s2"`
}

// ReadPairs reads sentence pairs {"label": 0|1, "s1", "s2"} a line, gzip
// or not. A pair's ID is its "id1"/"id2" fields joined, else its line.
func ReadPairs(path string) ([]SentencePair, error) {
	var out []SentencePair
	err := dataset.ReadLines(path, 1<<20, func(line int, b []byte) error {
		var rec struct {
			SentencePair
			ID1 json.RawMessage `json:"id1"`
			ID2 json.RawMessage `json:"id2"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("pair %d: %w", line, err)
		}
		p := rec.SentencePair
		if p.Label != 0 && p.Label != 1 {
			return fmt.Errorf("pair %d: label %d is not 0 or 1", line, p.Label)
		}
		if p.ID == "" {
			p.ID = fmt.Sprint(line)
			if len(rec.ID1) > 0 {
				p.ID = strings.Trim(string(rec.ID1), `"`) + "/" + strings.Trim(string(rec.ID2), `"`)
			}
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no sentence pairs", path)
	}
	return out, nil
}

// A PairResult is the decision on one pair, in both directions.
type PairResult struct {
	ID    string `json:"id"`
	Label int    `json:"label"`
	Same  bool   `json:"same"`
	// Score is the lower of the decision's scores in the two directions.
	Score   float64    `json:"score"`
	Forward align.Pair `json:"forward"`
	Back    align.Pair `json:"back"`
}

// Binary holds the counts of a yes/no decision against labels.
type Binary struct {
	TP, FP, TN, FN int
}

// Add counts one decision.
func (b *Binary) Add(label, said bool) {
	switch {
	case label && said:
		b.TP++
	case label:
		b.FN++
	case said:
		b.FP++
	default:
		b.TN++
	}
}

// Accuracy, Precision, Recall and F1 of the decision; 0 when undefined.
func (b Binary) Accuracy() float64  { return div(b.TP+b.TN, b.TP+b.TN+b.FP+b.FN) }
func (b Binary) Precision() float64 { return div(b.TP, b.TP+b.FP) }
func (b Binary) Recall() float64    { return div(b.TP, b.TP+b.FN) }
func (b Binary) F1() float64 {
	p, r := b.Precision(), b.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func div(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// AlignPairs runs the same-information decision on every pair. A pair is
// judged the same when each sentence passes as support for the other: a
// paraphrase says the same in both directions.
func AlignPairs(pairs []SentencePair, p align.Params) ([]PairResult, Binary) {
	st := text.NewStemmer()
	var b Binary
	out := make([]PairResult, len(pairs))
	for i, pr := range pairs {
		n1, n2 := text.Normalize(pr.S1).Text, text.Normalize(pr.S2).Text
		t1, t2 := text.Tokenize(n1, st), text.Tokenize(n2, st)
		fw, bk := align.ComparePair(n1, t1, n2, t2), align.ComparePair(n2, t2, n1, t1)
		same := p.Same(fw) && p.Same(bk)
		score := min(p.Score(fw), p.Score(bk))
		out[i] = PairResult{ID: pr.ID, Label: pr.Label, Same: same, Score: score, Forward: fw, Back: bk}
		b.Add(pr.Label == 1, same)
	}
	return out, b
}

// CrossValidatedThreshold measures the decision's score with its threshold
// fitted on the pairs themselves, honestly: the pairs are split into k
// folds by position, and each fold is decided with the threshold that is
// most accurate on the other folds. It returns the pooled counts.
func CrossValidatedThreshold(results []PairResult, k int) Binary {
	var b Binary
	for fold := range k {
		var train []PairResult
		for i, r := range results {
			if i%k != fold {
				train = append(train, r)
			}
		}
		th := bestThreshold(train)
		for i, r := range results {
			if i%k == fold {
				b.Add(r.Label == 1, r.Score >= th)
			}
		}
	}
	return b
}

// bestThreshold returns the score threshold with the highest accuracy on
// results, among a grid of 0.05 steps.
func bestThreshold(results []PairResult) float64 {
	best, bestAcc := 0.0, -1.0
	for th := -3.0; th <= 3.0; th += 0.05 {
		var b Binary
		for _, r := range results {
			b.Add(r.Label == 1, r.Score >= th)
		}
		if acc := b.Accuracy(); acc > bestAcc {
			best, bestAcc = th, acc
		}
	}
	return best
}
