package text

// IsStop reports whether w, a lower-case word, is an English function word
// that carries no content on its own.
func IsStop(w string) bool {
	_, ok := stopWords[w]
	return ok
}

// The list is Parallax's own: articles, pronouns, auxiliaries,
// prepositions, conjunctions and the commonest adverbs, plus contractions.
// Reporting verbs ("said") are not stop words: attribution matters to a
// brief, and the aligner weighs them down through their frequency instead.
var stopWords = func() map[string]struct{} {
	words := []string{
		"a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "else",
		"of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "upon",
		"about", "above", "below", "over", "under", "after", "before", "since", "until",
		"between", "among", "through", "during", "without", "within", "against", "toward",
		"towards", "across", "behind", "beyond", "off", "out", "up", "down", "around",
		"as", "than", "like", "via", "per",
		"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
		"you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
		"she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
		"theirs", "themselves", "this", "that", "these", "those", "who", "whom", "whose",
		"which", "what", "where", "when", "why", "how", "whether",
		"am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
		"having", "do", "does", "did", "doing", "done", "will", "would", "shall", "should",
		"can", "could", "may", "might", "must", "ought",
		"not", "no", "yes", "all", "any", "both", "each", "either", "neither", "every",
		"few", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very",
		"just", "also", "even", "still", "already", "again", "ever", "never", "there",
		"here", "now", "once", "much", "many", "well", "while", "because", "although",
		"though", "unless", "however", "thus", "therefore", "whereas", "whatever",
		"whoever", "whenever", "wherever", "s", "t", "d", "ll", "m", "re", "ve",
		"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't",
		"wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't",
		"it's", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'll", "you're",
		"you've", "they're", "they've", "he's", "she's", "that's", "there's", "let's",
	}
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}()
