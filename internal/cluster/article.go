package cluster

import (
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/text"
)

// Reasons a text is not taken for an article.
const (
	WhyEmpty    = "empty"
	WhyLittle   = "too little prose"
	WhyRepeated = "repeated text"
	// Otherwise the reason is the text stage's reason for most of what it
	// dropped: "archive notice", "prompt", "photo caption", ...
)

// The rules' limits.
const (
	minProseWords   = 40  // fewer words of prose: near-empty
	archiveMaxWords = 150 // an archive notice with less prose than this is the page
	pageMaxWords    = 60  // a text mostly dropped with less prose than this is the page
)

// A Checker decides which texts are articles (see IsArticle). It keeps a
// stem cache; it is not safe for concurrent use.
type Checker struct {
	st *text.Stemmer
}

// NewChecker returns a Checker with its own stem cache.
func NewChecker() *Checker { return &Checker{st: text.NewStemmer()} }

var checkers = sync.Pool{New: func() any { return NewChecker() }}

// IsArticle reports whether a text is a news article rather than something
// a scraper kept instead of one, and if not, why. It runs the text stage
// (text.Analyze), which drops page chrome (sign-up, sharing, cookie, video
// player and login prompts; web-archive crawl notices), photo credits and
// captions, wire residue and subheads, each with a reason, and then judges
// what is left:
//
//   - a text with no words is "empty";
//   - a text in which the text stage found a web archive's crawl notice and
//     that keeps fewer than 150 words of prose is the archive's page
//     ("archive notice");
//   - a text of which the text stage dropped more bytes than it kept, and
//     that keeps fewer than 60 words of prose, is the page around an
//     article: the reason is the text stage's reason for most of what it
//     dropped ("prompt", "photo caption", ...);
//   - a text with fewer than 40 words of prose left is near-empty ("too
//     little prose"): a line, a tagline, a teaser;
//   - a text that repeats its own sentences more than it says anything
//     new, counted in words, is "repeated text" (a page's widgets).
//
// The rules are those of the text stage and of the shape of prose, not a
// list of any data set's strings. IsArticle is safe for concurrent use.
func IsArticle(t string) (bool, string) {
	k := checkers.Get().(*Checker)
	defer checkers.Put(k)
	return k.Check(t)
}

// Check is IsArticle with the Checker's stem cache.
func (k *Checker) Check(t string) (bool, string) {
	ok, why, _ := k.check(t, nil)
	return ok, why
}

// check is Check that also appends to drop the byte ranges of t that the
// text stage left out of the article's sentences.
func (k *Checker) check(t string, drop [][2]int) (bool, string, [][2]int) {
	if strings.TrimSpace(t) == "" {
		return false, WhyEmpty, drop
	}
	d := text.Analyze(t, k.st)
	for _, b := range d.Dropped {
		drop = append(drop, [2]int{b.Start, b.End})
	}
	words, kept := 0, 0
	for i := range d.Sentences {
		words += countWords(d.Sentences[i].Norm)
		kept += d.Sentences[i].End - d.Sentences[i].Start
	}
	if d.Title != nil {
		kept += d.Title.End - d.Title.Start
	}
	dropped := 0
	byWhy := make(map[string]int, 4)
	for _, b := range d.Dropped {
		dropped += b.End - b.Start
		byWhy[b.Why] += b.End - b.Start
	}
	main := WhyLittle
	mainBytes := 0
	for why, n := range byWhy {
		if n > mainBytes || n == mainBytes && why < main {
			main, mainBytes = why, n
		}
	}
	switch {
	case words == 0 && dropped == 0:
		return false, WhyEmpty, drop
	case byWhy["archive notice"] > 0 && words < archiveMaxWords:
		return false, "archive notice", drop
	case words < minProseWords && dropped <= kept:
		return false, WhyLittle, drop
	case words < minProseWords || dropped > kept && words < pageMaxWords:
		return false, main, drop
	case repeated(d.Sentences):
		return false, WhyRepeated, drop
	}
	return true, "", drop
}

// repeated reports whether a text's sentences repeat earlier sentences of
// it more than they say something new, counted in words.
func repeated(ss []text.Sentence) bool {
	if len(ss) < 3 {
		return false
	}
	seen := make(map[string]bool, len(ss))
	fresh, again := 0, 0
	for i := range ss {
		n := countWords(ss[i].Norm)
		if seen[ss[i].Norm] {
			again += n
		} else {
			seen[ss[i].Norm] = true
			fresh += n
		}
	}
	return again > fresh
}

// countWords counts the space-separated words of s (as strings.Fields
// would, for ASCII spaces), without allocating.
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r', '\v', '\f':
			in = false
		default:
			if !in {
				n++
				in = true
			}
		}
	}
	return n
}
