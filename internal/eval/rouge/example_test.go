package rouge_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/parallax-news/parallax/internal/eval/rouge"
)

func ExampleScorer_Score() {
	opts, err := rouge.ParseFlags(strings.Fields("-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 250"))
	if err != nil {
		log.Fatal(err)
	}
	// Real callers load the WordNet lists with FindExceptionsDir and
	// LoadExceptions.
	exc := rouge.NewExceptions(map[string]string{"geese": "goose", "were": "be"})
	scorer, err := rouge.NewScorer(opts, exc)
	if err != nil {
		log.Fatal(err)
	}
	scores := scorer.Score(
		[]string{"The geese were crossing the road.", "Traffic stopped."},
		[][]string{{"Geese crossed the road, stopping traffic."}},
	)
	for _, name := range scorer.Metrics() {
		s := scores[name]
		fmt.Printf("%-9s R=%.5f P=%.5f F=%.5f\n", name, s.Recall, s.Precision, s.F)
	}
	// Output:
	// ROUGE-1   R=1.00000 P=0.75000 F=0.85714
	// ROUGE-2   R=0.40000 P=0.28571 F=0.33333
	// ROUGE-L   R=0.83333 P=0.62500 F=0.71428
	// ROUGE-SU4 R=0.85000 P=0.53125 F=0.65385
}

func ExampleScorer_AppendScores() {
	opts, err := rouge.ParseFlags(strings.Fields("-n 2 -l 250"))
	if err != nil {
		log.Fatal(err)
	}
	scorer, err := rouge.NewScorer(opts, rouge.Exceptions{})
	if err != nil {
		log.Fatal(err)
	}
	// Prepare the reference once and tokenize the candidate sentences once,
	// then score combinations of them without further allocation.
	refs := scorer.Prepare([][]string{{"the cat sat on the mat"}})
	sents := scorer.Sentences([]string{"a cat sat", "on a mat", "the dog barked"})
	var buf []rouge.Score
	for _, pick := range [][]int{{0}, {0, 1}, {0, 2}} {
		var peer []rouge.Sentence
		for _, i := range pick {
			peer = append(peer, sents[i])
		}
		buf = scorer.AppendScores(buf[:0], peer, refs)
		fmt.Printf("%v: ROUGE-2 F=%.5f\n", pick, buf[1].F)
	}
	// Output:
	// [0]: ROUGE-2 F=0.28571
	// [0 1]: ROUGE-2 F=0.40000
	// [0 2]: ROUGE-2 F=0.20000
}
