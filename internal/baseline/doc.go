// Package baseline implements the classic extractive multi-document
// summarizers that Parallax is compared against with ROUGE on Multi-News:
// Lead, MEAD's centroid method, LexRank, TextRank, MMR, and the greedy
// extractive oracle that gives the upper bound of sentence extraction.
//
// The package has no tokenizer. Sentence splitting, lower-casing, stemming and
// stop-word removal happen elsewhere; every method sees a story as a slice of
// [Document], each a slice of [Sentence] whose Terms are the analysed content
// terms and whose Words is the length that the word budget counts.
//
// # Shared rules
//
// Every method ranks sentences its own way and then selects through the same
// rule, implemented once by [Budget] (and [Fill], its static form): candidates
// are taken in rank order; a sentence is added only if the summary's total
// Words stays within the budget, and a sentence that does not fit is skipped
// so that the next candidate can be tried; a sentence without terms is never
// chosen; a text already in the summary is never chosen again. Negative Words
// count as zero.
//
// Every [Method] returns its sentences in selection order: round-robin order
// for Lead, rank order for the ranked methods (for MMR and the redundancy
// filters, the order in which the greedy loop admitted them). ROUGE-1 and
// ROUGE-2 do not depend on the order; callers that want reading order can
// apply [SortByPosition]. [Oracle] alone returns document order, because that
// is how oracle labels are used.
//
// Results are deterministic: term ids are assigned in order of first
// occurrence, maps are used for look-ups only, and ties are broken by
// (document, sentence) index. Scores are compared at float32 precision, so two
// scores that differ only by floating-point rounding (as the scores of
// symmetric sentences do) count as a tie; every score the methods compute is
// far less accurate than that anyway (the power iterations stop at a
// tolerance of 1e-4 or 1e-6).
//
// # Term statistics
//
// No outside corpus is used. Inverse document frequency is computed from the
// sentences of the story at hand, treating each sentence that has at least one
// term as a "document": idf(t) = ln(N / n_t), with N the number of such
// sentences and n_t the number that contain t. Sentence-level statistics are
// used rather than article-level ones because Multi-News stories have only two
// to ten articles: with article-level idf, a word that every article uses (the
// story's main entity, say) would get idf 0 and vanish from the centroid. Term
// frequencies are raw counts within a sentence. Sentence vectors are sparse
// (sorted int32 term ids with float32 weights) and dot products are merge
// joins.
//
// # Methods and parameters
//
// Lead takes first sentences round-robin over the articles: sentence 0 of
// every article in article order, then sentence 1 of every article, and so on.
//
// Centroid follows D. R. Radev, H. Jing, M. Styś and D. Tam, "Centroid-based
// summarization of multiple documents", Information Processing and
// Management 40(6):919–938, 2004 (MEAD). See [Centroid] for the features and
// [CentroidWords], [CentroidMinWords] and [CentroidRedundancy] for the
// parameters.
//
// LexRank is continuous LexRank from G. Erkan and D. R. Radev, "LexRank:
// Graph-based lexical centrality as salience in text summarization", Journal
// of Artificial Intelligence Research 22:457–479, 2004. See [LexRank],
// [LexRankDamping], [LexRankEpsilon] and [LexRankRedundancy].
//
// TextRank is the sentence-extraction variant of R. Mihalcea and P. Tarau,
// "TextRank: Bringing order into texts", EMNLP 2004. See [TextRank],
// [TextRankDamping] and [TextRankThreshold].
//
// MMR is maximal marginal relevance from J. Carbonell and J. Goldstein, "The
// use of MMR, diversity-based reranking for reordering documents and producing
// summaries", SIGIR 1998, with the whole story as the query. See [MMR] and
// [MMRLambda].
//
// Oracle is the greedy extractive oracle used to label sentences by R.
// Nallapati, F. Zhai and B. Zhou, "SummaRuNNer", AAAI 2017, and by C. Kedzie,
// K. McKeown and H. Daumé III, "Content selection in deep learning models of
// summarization", EMNLP 2018. See [Oracle].
//
// # Scale
//
// Typical stories (2–10 articles, tens of sentences) take well under a
// millisecond. Nothing is quadratic in memory: the graph methods never build
// the n×n similarity matrix but compute their power iterations in exact
// factorized forms whose cost per step and memory are linear in the number of
// (sentence, term) pairs (see [LexRank] and [TextRank]); the tests check them
// against the explicit matrices. The greedy methods (MMR and the redundancy
// filters) compare each candidate only with the few sentences already chosen.
// A story of 500 articles × 30 sentences takes well under a second per
// method.
package baseline
