package baseline

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// synthVocabulary is the vocabulary of the synthetic stories: "w0" is the most
// frequent term, "w4999" the rarest.
var synthVocabulary = func() []string {
	v := make([]string, 5000)
	for i := range v {
		v[i] = "w" + strconv.Itoa(i)
	}
	return v
}()

// synthStory returns a deterministic story of articles × sentences sentences
// whose terms are drawn from a Zipf distribution (exponent 1.1) over
// synthVocabulary. Each sentence has 5–18 terms plus about as many stop words,
// which count in Words and appear in Text but not in Terms.
func synthStory(seed uint64, articles, sentences int) []Document {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	zipf := rand.NewZipf(r, 1.1, 1, uint64(len(synthVocabulary)-1))
	docs := make([]Document, articles)
	var sb strings.Builder
	for d := range docs {
		ss := make([]Sentence, sentences)
		for j := range ss {
			terms := make([]string, 5+r.IntN(14))
			stop := len(terms)/2 + r.IntN(len(terms)+1)
			sb.Reset()
			for k := range terms {
				terms[k] = synthVocabulary[zipf.Uint64()]
				if k > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(terms[k])
			}
			for range stop {
				sb.WriteString(" the")
			}
			sb.WriteByte('.')
			ss[j] = Sentence{Text: sb.String(), Terms: terms, Words: len(terms) + stop}
		}
		docs[d] = Document{Sentences: ss}
	}
	return docs
}

// roughStory returns a small random story with the awkward cases the fuzz
// test wants: empty articles, sentences without terms, one-term sentences,
// repeated texts, zero and negative word counts, and a tiny vocabulary so
// that similarities and ties are common.
func roughStory(r *rand.Rand, articles, maxSentences, vocabulary int) []Document {
	docs := make([]Document, articles)
	var texts []string
	for d := range docs {
		n := 0
		if maxSentences > 0 {
			n = r.IntN(maxSentences + 1)
		}
		ss := make([]Sentence, n)
		for j := range ss {
			var terms []string
			if r.IntN(8) != 0 {
				terms = make([]string, 1+r.IntN(6))
				for k := range terms {
					terms[k] = "t" + strconv.Itoa(r.IntN(max(vocabulary, 1)))
				}
			}
			text := strings.Join(terms, " ") + " #" + strconv.Itoa(r.IntN(1000))
			if len(texts) > 0 && r.IntN(6) == 0 {
				text = texts[r.IntN(len(texts))]
			}
			texts = append(texts, text)
			words := r.IntN(25)
			if r.IntN(20) == 0 {
				words = -r.IntN(5)
			}
			ss[j] = Sentence{Text: text, Terms: terms, Words: words}
		}
		docs[d] = Document{Sentences: ss}
	}
	return docs
}
