// Package rouge is a faithful Go reimplementation of the Perl ROUGE-1.5.5
// summary scorer (Chin-Yew Lin, 2004) for per-summary scores: ROUGE-N,
// ROUGE-L (summary-level union LCS), ROUGE-W and ROUGE-S/SU, with the
// reference's tokenization, WordNet-exception and Porter stemming, word and
// byte length limits, model-average and best-model formulas, and its
// rounding to five decimals. It reproduces the scores the Perl script prints
// with -d for every case of shared/data/rouge-conformance under the four flag
// sets there (see TestConformance).
//
// # Usage
//
//	opts, err := rouge.ParseFlags(strings.Fields("-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 250"))
//	dir, err := rouge.FindExceptionsDir()
//	exc, err := rouge.LoadExceptions(dir)
//	scorer, err := rouge.NewScorer(opts, exc)
//	scores := scorer.Score(peerSentences, [][]string{refSentences})
//	fmt.Println(scores[rouge.Rouge2].F)
//
// To score many candidate summaries against the same references, prepare
// the references once with (*Scorer).Prepare, tokenize candidate sentences
// once with (*Scorer).Sentences, and call (*Scorer).AppendScores, which
// allocates nothing once warm. A Scorer and prepared Refs are safe for
// concurrent use.
//
// # What the reference does
//
// Summaries are lists of sentences, one per line. Upper-case ASCII letters
// are lowered. A word limit (-l) counts the whitespace-separated words of
// the raw lines in order and cuts inside the line that reaches it; a byte
// limit (-b) counts the bytes of the lines, ignoring the separators between
// them. After the cut, the tokens are the maximal runs of ASCII letters and
// digits: hyphens become separate tokens that are then dropped, and every
// other byte, including each byte of a non-ASCII character, separates
// tokens. With stemming (-m), a token longer than three bytes is replaced by
// its WordNet 2.0 base form when the exception lists have it and by its
// Porter stem otherwise.
//
// Counts are clipped per reference (a peer n-gram matches at most as often
// as the reference has it) and, with -f A, added up over the references
// before dividing, so recall pools the references and precision is the mean
// of the per-reference precisions. Recall and precision are rounded to five
// decimals, and F is computed from the rounded values and rounded again.
//
// Some behaviour of ROUGE-1.5.5 is surprising but reproduced on purpose:
//
//   - ROUGE-SU counts the unigram of every token except the last one, and a
//     one-token summary has no skip-bigrams or unigrams at all.
//   - With a byte limit, ROUGE-L aligns different text than ROUGE-N: its
//     units are all sentences shorter than the limit up to the first one
//     that is not (cut to the limit), because the reference never adds up
//     the bytes it has taken. Its recall denominator is the length of those
//     units; hits are still clipped by the unigram counts of the cut text.
//   - ROUGE-W raises the reference length to the weight factor twice.
//   - The Porter stemmer is the regular-expression Perl version with a local
//     change in step 4, so that for example "agreement" stems to "agreem".
//
// Stopword removal (-s), corpus-level counting (-t 1 and -t 2), basic
// elements (-3) and stemming only the references (-M) are not implemented.
package rouge
