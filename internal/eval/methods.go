package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/baseline"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval/rouge"
	"github.com/parallax-news/parallax/internal/text"
)

// A Method summarizes a story's documents within a word budget and
// returns the summary's sentences.
type Method interface {
	Name() string
	Summarize(ctx context.Context, s *dataset.Story, words int) ([]string, error)
}

// MethodNames lists the built-in methods.
var MethodNames = []string{"parallax", "lead", "centroid", "lexrank", "textrank", "mmr", "oracle"}

// NewMethod returns the named method. "file:PATH" names summaries written
// earlier (by --out or an outside summarizer) in PATH. The oracle needs a
// scorer; the others ignore it.
func NewMethod(name string, scorer *rouge.Scorer) (Method, error) {
	switch {
	case name == "parallax":
		return parallaxMethod{}, nil
	case name == "oracle":
		if scorer == nil {
			return nil, fmt.Errorf("eval: the oracle needs a ROUGE scorer")
		}
		return oracleMethod{scorer: scorer}, nil
	case strings.HasPrefix(name, "file:"):
		path := strings.TrimPrefix(name, "file:")
		sums, err := dataset.ReadSummaries(path)
		if err != nil {
			return nil, err
		}
		return fileMethod{name: name, sums: sums}, nil
	}
	if m, ok := baseline.ByName(name); ok {
		return baselineMethod{m}, nil
	}
	return nil, fmt.Errorf("eval: unknown method %q (want one of %s, or file:PATH)", name, strings.Join(MethodNames, ", "))
}

// parallaxMethod is the brief's own summary: brief.Build with its
// defaults, only the word budget set.
type parallaxMethod struct{}

func (parallaxMethod) Name() string { return "parallax" }

func (parallaxMethod) Summarize(ctx context.Context, s *dataset.Story, words int) ([]string, error) {
	arts := s.Articles()
	if len(arts) == 0 {
		return nil, nil
	}
	b, err := brief.Build(ctx, arts, brief.Options{Words: words})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(b.Summary))
	for i, st := range b.Summary {
		out[i] = st.Text
	}
	return out, nil
}

// split analyses a story's documents with the shared sentence splitter and
// gives the baselines their sentences and terms.
func split(s *dataset.Story) []baseline.Document {
	st := text.NewStemmer()
	var docs []baseline.Document
	for _, a := range s.Articles() {
		d := text.Analyze(a.Text, st)
		var bd baseline.Document
		for i := range d.Sentences {
			sen := &d.Sentences[i]
			var terms []string
			for _, t := range sen.Tokens {
				if !t.Stop && (t.Number || len(t.Stem) > 1) {
					terms = append(terms, t.Stem)
				}
			}
			bd.Sentences = append(bd.Sentences, baseline.Sentence{
				Text: a.Text[sen.Start:sen.End], Terms: terms, Words: sen.Words(),
			})
		}
		docs = append(docs, bd)
	}
	return docs
}

func texts(docs []baseline.Document, refs []baseline.Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = docs[r.Doc].Sentences[r.Sent].Text
	}
	return out
}

type baselineMethod struct{ m baseline.Method }

func (b baselineMethod) Name() string { return b.m.Name() }

func (b baselineMethod) Summarize(_ context.Context, s *dataset.Story, words int) ([]string, error) {
	docs := split(s)
	return texts(docs, b.m.Summarize(docs, words)), nil
}

// oracleMethod is the greedy extractive oracle: the sentences that most
// raise ROUGE-1 F + ROUGE-2 F against the story's references. It is the
// ceiling of extraction with this splitter, not a rival.
type oracleMethod struct{ scorer *rouge.Scorer }

func (oracleMethod) Name() string { return "oracle" }

func (o oracleMethod) Summarize(_ context.Context, s *dataset.Story, words int) ([]string, error) {
	docs := split(s)
	refs := o.scorer.Prepare(referenceSentences(s))
	var flat []string
	index := make(map[baseline.Ref]int)
	for d, doc := range docs {
		for j, sen := range doc.Sentences {
			index[baseline.Ref{Doc: d, Sent: j}] = len(flat)
			flat = append(flat, sen.Text)
		}
	}
	sents := o.scorer.Sentences(flat)
	metrics := o.scorer.Metrics()
	r1, r2 := indexOf(metrics, "ROUGE-1"), indexOf(metrics, "ROUGE-2")
	var buf []rouge.Score
	var peer []rouge.Sentence
	score := func(sel []baseline.Ref) float64 {
		sorted := append([]baseline.Ref(nil), sel...)
		baseline.SortByPosition(sorted)
		peer = peer[:0]
		for _, r := range sorted {
			peer = append(peer, sents[index[r]])
		}
		buf = o.scorer.AppendScores(buf[:0], peer, refs)
		v := buf[r1].F
		if r2 >= 0 {
			v += buf[r2].F
		}
		return v
	}
	chosen := baseline.Oracle(docs, words, score)
	return texts(docs, chosen), nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// fileMethod reads summaries made elsewhere.
type fileMethod struct {
	name string
	sums map[string][]string
}

func (f fileMethod) Name() string { return f.name }

func (f fileMethod) Summarize(_ context.Context, s *dataset.Story, _ int) ([]string, error) {
	sum, ok := f.sums[s.ID]
	if !ok {
		return nil, fmt.Errorf("no summary for story %s", s.ID)
	}
	return sum, nil
}

// referenceSentences splits a story's references into sentences with the
// shared splitter, for the summary-level ROUGE-L.
func referenceSentences(s *dataset.Story) [][]string {
	out := make([][]string, len(s.References))
	for i, r := range s.References {
		out[i] = Sentences(r)
	}
	return out
}

// Sentences splits a text into sentences with Parallax's splitter,
// keeping every word.
func Sentences(t string) []string {
	var out []string
	for _, r := range text.SplitText(t) {
		out = append(out, t[r[0]:r[1]])
	}
	return out
}
