package align

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// The same-information decision.
//
// Two units of different articles report the same piece of information
// when the candidate covers most of the claim's content and some of its
// own is the claim's, weighed by how rare each word is in news at large
// and how little it is merely the story's topic; when the claim's names
// and its predicate are among what is covered; and when their numbers,
// negation and modality agree. Cosine similarity alone says two sentences
// share a topic; these say they share a fact.

// Params are the knobs of the same-information decision: a linear score
// over the measures of a Pair, and the score a pair must reach.
// DefaultParams holds the values in use; docs/EVALUATION.md tells how they
// were fitted (logistic regression on the tuning half of the labelled
// citation pairs) and checked (on the other half).
type Params struct {
	Bias                       float64
	ClaimCover, CandidateCover float64
	CoreCover, NameCover       float64
	VerbCover, Subject         float64
	// LogShared weighs log(1 + the shared content weight): how much is
	// said in common, not only which share of it.
	LogShared float64
	// NumberClash, Polarity and Modality weigh the disagreements.
	NumberClash, Polarity, Modality float64
	// Threshold is the score a pair must reach, or Backed when the two
	// units' cosine similarity in the story reaches BackedCosine: two
	// measures that agree.
	Threshold, Backed float64
	BackedCosine      float64
	// BackedVerb is the share of the claim's verbs (its predicate) a pair
	// that passes on Backed must hold: the cosine vouches for shared
	// words, and the same actors and words around another happening
	// share them too.
	BackedVerb float64
	// MinShared is the least number of distinct content terms two units
	// must share.
	MinShared int
	// Topic scales down a word by the share of the story's units that hold
	// it: weight = idf / (1 + Topic*share).
	Topic float64
}

// DefaultParams are the decision's values in use.
var DefaultParams = Params{
	Bias:           -4.39,
	ClaimCover:     0.71,
	CandidateCover: 0.98,
	CoreCover:      0.73,
	NameCover:      0.22,
	VerbCover:      0.66,
	Subject:        -0.01,
	LogShared:      0.94,
	NumberClash:    -0.21,
	Polarity:       -0.49,
	Modality:       -0.22,
	Threshold:      0.5,
	Backed:         -0.25,
	BackedCosine:   0.27,
	BackedVerb:     0.05,
	MinShared:      2,
	Topic:          3,
}

// Score is the decision's linear score of a pair under p.
func (p Params) Score(f Pair) float64 {
	x, w := p.Bias, p.Weights()
	for k, v := range f.Features() {
		x += w[k] * v
	}
	return x
}

// NumFeatures is the number of measures the decision's score weighs.
const NumFeatures = 10

// Features returns the pair's measures as the numbers the score weighs, in
// the order of Params.Weights: claim cover, candidate cover, core cover,
// name cover, verb cover, subject (0 or 1), log(1 + shared weight), number
// clash, polarity and modality (0 or 1).
func (f Pair) Features() [NumFeatures]float64 {
	return [NumFeatures]float64{f.ClaimCover, f.CandidateCover, f.CoreCover, f.NameCover, f.VerbCover,
		flag(f.Subject), math.Log1p(f.SharedWeight), flag(f.NumberClash), flag(f.Polarity), flag(f.Modality)}
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Weights returns the score's weights, one per feature of Pair.Features.
func (p Params) Weights() [NumFeatures]float64 {
	return [NumFeatures]float64{p.ClaimCover, p.CandidateCover, p.CoreCover, p.NameCover, p.VerbCover,
		p.Subject, p.LogShared, p.NumberClash, p.Polarity, p.Modality}
}

// WithWeights returns p with the bias and the weights (in the order of
// Weights) replaced.
func (p Params) WithWeights(bias float64, w [NumFeatures]float64) Params {
	p.Bias = bias
	p.ClaimCover, p.CandidateCover, p.CoreCover, p.NameCover, p.VerbCover = w[0], w[1], w[2], w[3], w[4]
	p.Subject, p.LogShared, p.NumberClash, p.Polarity, p.Modality = w[5], w[6], w[7], w[8], w[9]
	return p
}

// Same reports whether the pair passes the decision under p.
func (p Params) Same(f Pair) bool {
	return f.Shared >= p.MinShared && p.Score(f) >= p.Threshold
}

// A Pair describes how two units relate under the decision.
type Pair struct {
	// ClaimCover and CandidateCover are the shares of each side's content
	// weight that the other holds.
	ClaimCover, CandidateCover float64
	// CoreCover and NameCover are ClaimCover restricted to the claim's
	// words that are not names or numbers, and to its names (1 when it has
	// none).
	CoreCover, NameCover float64
	// Shared is the number of distinct content terms both hold, and
	// SharedWeight their summed weight.
	Shared       int
	SharedWeight float64
	// VerbCover is ClaimCover restricted to the claim's verbs (1 when it
	// has none): whether the candidate tells the same happening.
	VerbCover float64
	// Subject reports that the claim's main actor (its first name in the
	// main clause) is in the candidate, or that the claim names none.
	Subject bool
	// NumberClash reports a word counted with different numbers.
	NumberClash bool
	// Polarity reports that one side is negated and the other is not.
	Polarity bool
	// Modality reports that one side hedges (may, could, would) what the
	// other asserts.
	Modality bool
}

// A profile is what the decision knows of a unit or of two adjacent units
// joined.
type profile struct {
	terms   []term // sorted by id, distinct
	subject int32  // the first name term, the likely main actor, or -1
	counts  map[string]string
	negated bool
	hedged  bool
}

// A term is one content term of a profile and how the unit uses it.
type term struct {
	id                 int32
	name, number, verb bool // written as a name; a number; used as a verb
	// scale is 1 in the main clause, less in a relative clause, a
	// parenthesis or a trailing attribution.
	scale float32
}

// merge folds another use of the same term into t.
func (t *term) merge(o term) {
	t.name, t.number, t.verb = t.name || o.name, t.number || o.number, t.verb || o.verb
	t.scale = max(t.scale, o.scale)
}

// buildProfile reads a unit's normalized text and its tokens. ids maps a
// term to its id.
func buildProfile(norm string, toks []text.Token, ids func(string) int32) profile {
	p := profile{subject: -1}
	at := make(map[int32]int) // term id -> index in p.terms
	bg := loadBackground()
	scale := clauseScale(norm, toks)
	for _, t := range termsAt(toks) {
		tok := &toks[t.tok]
		u := term{id: ids(t.term), scale: scale[t.tok]}
		u.number = tok.Number || numberWords[tok.Lower] != ""
		u.name = !u.number && bg.isName(tok.Stem, tok.Cap, t.tok == 0 || afterOpening(toks, t.tok))
		u.verb = !u.name && !u.number && isVerb(toks, t.tok)
		if u.name && p.subject < 0 && u.scale == 1 {
			p.subject = u.id
		}
		if k, ok := at[u.id]; ok {
			p.terms[k].merge(u)
			continue
		}
		at[u.id] = len(p.terms)
		p.terms = append(p.terms, u)
	}
	slices.SortFunc(p.terms, func(a, b term) int { return cmp.Compare(a.id, b.id) })
	p.counts = counts(toks)
	for i := 0; i < len(toks); i++ {
		// A negation inside a paraphrase ("not on the table") is part of
		// what the phrase means, already read as its group.
		if n, _ := matchPhrase(toks[i:]); n > 0 {
			i += n - 1
			continue
		}
		switch t := toks[i]; {
		case Negates(toks, i):
			p.negated = true
		case hedges[t.Lower]:
			p.hedged = true
		}
	}
	return p
}

// Weights of words outside the main clause: what a relative clause or a
// parenthesis adds describes rather than reports, and a trailing
// attribution ("..., officials said Monday") says who reports it.
const (
	describing  = 0.5
	attributing = 0.3
)

// clauseScale returns, per token, how much it counts toward the claim: 1
// in the main clause, describing inside a relative clause or a
// parenthesis, attributing in a trailing attribution clause.
func clauseScale(norm string, toks []text.Token) []float32 {
	sc := make([]float32, len(toks))
	for i := range sc {
		sc[i] = 1
	}
	// Relative clauses run from "who", "which", "whose" or ", where" to the
	// next comma; parentheses to their close.
	inRel, inPar := false, false
	// A relative clause without a comma before it ("the quake that hit the
	// capital is feared ...") ends where the main clause takes up again: a
	// finite auxiliary after the clause's own verb.
	restrictive, relVerb := false, false
	for i, t := range toks {
		gap := gapBefore(norm, toks, i)
		if strings.Contains(gap, ",") || strings.Contains(gap, ";") {
			inRel = false
		}
		if inRel && restrictive && relVerb && finite[t.Lower] {
			inRel = false
		}
		if inRel && !relVerb && isVerb(toks, i) {
			relVerb = true
		}
		if strings.Contains(gap, "(") {
			inPar = true
		}
		if strings.Contains(gap, ")") {
			inPar = false
		}
		switch t.Lower {
		case "who", "which", "whose", "whom":
			inRel, restrictive, relVerb = true, !strings.Contains(gap, ","), false
		case "where":
			inRel = strings.Contains(gap, ",")
		case "that":
			// "the quake that hit ...": a relative clause after a noun;
			// not "said that", "so that" or "fears that" (a complement).
			if !inRel && thatRelative(toks, i, gap) {
				inRel, restrictive, relVerb = true, true, false
			}
		}
		// A participle right after a noun opens a reduced relative clause
		// ("the panel investigating the ties").
		if i > 0 && gap == " " && strings.HasSuffix(t.Lower, "ing") && len(t.Lower) > 5 &&
			!toks[i-1].Stop && !toks[i-1].Number && !auxiliaries[toks[i-1].Lower] {
			inRel = true
		}
		if inRel || inPar {
			sc[i] = describing
		}
	}
	// A leading subordinate clause ("A day after shooting down a jetliner,
	// rebels clashed ...", "While the talks went on, ..."): what happened
	// around the report, not the report.
	if end := leadingClause(norm, toks); end > 0 {
		for k := 0; k < end; k++ {
			sc[k] = min(sc[k], describing)
		}
	}
	// An appositive: a part between two commas with no verb in it, after
	// which the sentence's verb comes ("Prodi's coalition, Italy's
	// second-longest serving government, lost the vote"): it describes
	// the subject, it does not report.
	open := -1 // the first token after the last comma
	for i := range toks {
		if !strings.Contains(gapBefore(norm, toks, i), ",") {
			continue
		}
		if open > 0 && i-open <= maxAppositive && appositive(toks, open, i) {
			for k := open; k < i; k++ {
				sc[k] = min(sc[k], describing)
			}
		}
		open = i
	}
	// A trailing attribution: the last comma-separated part, when it holds
	// a verb of saying and is short.
	last := -1
	for i := range toks {
		if strings.Contains(gapBefore(norm, toks, i), ",") {
			last = i
		}
	}
	if last > 0 && len(toks)-last <= 8 {
		for _, t := range toks[last:] {
			if sayings[t.Lower] {
				for k := last; k < len(toks); k++ {
					sc[k] = min(sc[k], attributing)
				}
				break
			}
		}
	}
	return sc
}

// leadingClause returns the end (exclusive) of a subordinate clause that
// opens the sentence and runs to its first comma, or 0: a subordinating
// word first, or after a time phrase ("A day after", "Two weeks before"),
// a verb inside, and a main clause after the comma.
func leadingClause(norm string, toks []text.Token) int {
	k := 0
	for k < len(toks) && k < 4 && (toks[k].Number || numberWords[toks[k].Lower] != "" ||
		timeWords[toks[k].Lower] || spanWords[toks[k].Lower]) {
		k++
	}
	if k >= len(toks) || !subordinators[toks[k].Lower] {
		return 0
	}
	verb := false
	for i := k + 1; i < len(toks); i++ {
		if strings.Contains(gapBefore(norm, toks, i), ",") {
			if !verb || len(toks)-i < 4 {
				return 0
			}
			return i
		}
		verb = verb || isVerb(toks, i) || strings.HasSuffix(toks[i].Lower, "ing")
	}
	return 0
}

// spanWords, with numbers and timeWords, make the time phrase before a
// subordinator: "A day after", "Two weeks before", "Shortly after".
var spanWords = setOf("a", "day", "days", "weeks", "hours", "months", "years", "moments", "shortly")

// subordinators open a clause that says when, why or despite what.
var subordinators = setOf("after", "before", "while", "since", "following", "despite", "although",
	"though", "as", "when", "once", "until", "amid")

// maxAppositive is the most words an appositive between commas holds.
const maxAppositive = 12

// appositive reports whether toks[from:to], a part between two commas,
// reads as an appositive: no verb, no conjunction that would make it an
// item of a list, and a verb or an auxiliary right after the closing
// comma.
func appositive(toks []text.Token, from, to int) bool {
	if to >= len(toks) || !(isVerb(toks, to) || finite[toks[to].Lower] || sayings[toks[to].Lower]) {
		return false
	}
	for k := from; k < to; k++ {
		switch w := toks[k].Lower; {
		case w == "and" || w == "or" || w == "but" || w == "who" || w == "which" || w == "that":
			return false
		case isVerb(toks, k) || finite[w] || sayings[w]:
			return false
		}
	}
	return true
}

// finite are the auxiliaries that take up a main clause again after a
// relative clause.
var finite = setOf("is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
	"can", "may", "might", "must", "should")

// thatRelative reports whether "that" at token i opens a relative clause:
// it follows a noun directly and a verb follows it soon.
func thatRelative(toks []text.Token, i int, gap string) bool {
	if i == 0 || gap != " " || i+1 >= len(toks) {
		return false
	}
	// "ruled Tuesday that", "expressed doubt last month that": the word
	// before a time expression decides.
	k := i - 1
	for k > 0 && (timeWords[toks[k].Lower] || toks[k].Number) {
		k--
	}
	p := &toks[k]
	if p.Stop || p.Number || timeWords[p.Lower] || isVerb(toks, k) || sayings[p.Lower] || complementNouns[p.Lower] ||
		strings.HasSuffix(p.Lower, "ly") {
		return false
	}
	return true
}

// timeWords can stand between a verb or a noun and the "that" clause it
// takes: "said Tuesday that", "warned last week that".
var timeWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "today", "yesterday", "tonight", "week", "month", "year", "weekend", "morning",
	"afternoon", "evening", "night", "last", "this", "earlier", "later", "recently", "again",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec")

// complementNouns take a "that" clause that says what they hold: "fears
// that", "reports that".
var complementNouns = setOf("fear", "fears", "report", "reports", "claim", "claims", "news",
	"evidence", "fact", "belief", "hope", "hopes", "sign", "signs", "concern", "concerns",
	"warning", "warnings", "suggestion", "suggestions", "assurance", "assurances", "word",
	"rumors", "rumours", "allegation", "allegations", "statement", "announcement", "idea",
	"possibility", "chance", "view", "argument", "confirmation", "indication", "indications",
	"doubt", "doubts", "say", "says", "insist", "insists", "believe", "believes", "think", "thinks", "know",
	"knows", "announce", "announces", "agree", "agrees", "show", "shows", "suggest", "suggests")

// gapBefore returns the text between token i-1 and token i.
func gapBefore(norm string, toks []text.Token, i int) string {
	from := 0
	if i > 0 {
		from = toks[i-1].End
	}
	if from > toks[i].Start || toks[i].Start > len(norm) {
		return ""
	}
	return norm[from:toks[i].Start]
}

// sayings are the verbs of an attribution clause.
var sayings = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "according": true,
	"reported": true, "reports": true, "added": true, "announced": true,
	"stated": true, "wrote": true, "tweeted": true, "confirmed": true,
}

// isVerb guesses whether token i is used as a verb: a past form, or a word
// right after an auxiliary, a modal, "to" or a subject pronoun.
func isVerb(toks []text.Token, i int) bool {
	t := &toks[i]
	if t.Stop || t.Number {
		return false
	}
	if irregular[t.Lower] || (len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ed")) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		w := toks[k].Lower
		if auxiliaries[w] {
			return true
		}
		if !strings.HasSuffix(w, "ly") {
			break
		}
	}
	return false
}

var auxiliaries = setOf("to", "will", "would", "could", "can", "may", "might", "must", "shall",
	"should", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "did",
	"does", "do", "not", "never", "he", "she", "they", "we", "i", "also", "won't", "didn't",
	"doesn't", "don't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't")

// irregular holds common irregular past forms of news verbs.
var irregular = setOf("took", "taken", "made", "won", "lost", "went", "gone", "gave", "given",
	"held", "hit", "left", "met", "rose", "risen", "fell", "fallen", "sold", "told", "found",
	"began", "begun", "brought", "bought", "built", "came", "chose", "chosen", "drove", "driven",
	"fled", "flew", "flown", "fought", "froze", "got", "grew", "hid", "hung", "kept", "knew",
	"known", "led", "lent", "meant", "paid", "ran", "rang", "saw", "seen", "sent", "set", "shot",
	"shut", "sank", "sat", "slid", "spoke", "spoken", "spent", "split", "spread", "stood",
	"stole", "stolen", "struck", "swore", "sworn", "taught", "thought", "threw", "thrown",
	"understood", "woke", "wore", "wrote", "written", "broke", "broken", "became", "cost",
	"cut", "dealt", "drew", "drawn", "fed", "felt", "forgave", "hurt", "laid", "let", "lit",
	"overtook", "put", "quit", "read", "rebuilt", "sought", "withdrew", "withdrawn", "upheld",
	"slew", "slain", "bore", "born", "beat", "beaten", "bid", "bled", "bound", "bred")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// numberWords maps the spelled numbers news writes to their digits.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
	"twenty": "20", "hundred": "100", "thousand": "1000", "million": "1000000",
	"billion": "1000000000",
}

// afterOpening reports whether token i opens a clause: it follows a
// quotation mark or a colon at the start of the text, where a capital says
// nothing either.
func afterOpening(toks []text.Token, i int) bool {
	return i == 1 && toks[0].Stop && len(toks[0].Lower) <= 3 && toks[0].Cap
}

// join returns the profile of two adjacent units read as one.
func join(a, b profile) profile {
	out := profile{negated: a.negated || b.negated, hedged: a.hedged || b.hedged, subject: a.subject}
	if out.subject < 0 {
		out.subject = b.subject
	}
	i, j := 0, 0
	for i < len(a.terms) || j < len(b.terms) {
		switch {
		case j == len(b.terms) || (i < len(a.terms) && a.terms[i].id < b.terms[j].id):
			out.terms = append(out.terms, a.terms[i])
			i++
		case i == len(a.terms) || b.terms[j].id < a.terms[i].id:
			out.terms = append(out.terms, b.terms[j])
			j++
		default:
			t := a.terms[i]
			t.merge(b.terms[j])
			out.terms = append(out.terms, t)
			i++
			j++
		}
	}
	out.counts = make(map[string]string)
	for k, v := range a.counts {
		out.counts[k] = v
	}
	for k, v := range b.counts {
		if w, ok := out.counts[k]; ok && w != v {
			out.counts[k] = "" // counted twice: nothing checkable
			continue
		}
		out.counts[k] = v
	}
	return out
}

// compare measures claim a against candidate b; w gives each term's
// weight.
func compare(a, b *profile, w []float64) Pair {
	var f Pair
	var total, totalB, shared, sharedB, core, coreShared, names, namesShared, verbs, verbsShared float64
	for _, t := range a.terms {
		x := w[t.id] * float64(t.scale)
		total += x
		switch {
		case t.name:
			names += x
		case !t.number:
			core += x
		}
		if t.verb {
			verbs += x
		}
	}
	for _, t := range b.terms {
		totalB += w[t.id] * float64(t.scale)
	}
	f.Subject = a.subject < 0
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		ta, tb := &a.terms[i], &b.terms[j]
		switch {
		case ta.id < tb.id:
			i++
		case ta.id > tb.id:
			j++
		default:
			x := w[ta.id] * float64(ta.scale)
			shared += x
			sharedB += w[ta.id] * float64(tb.scale)
			f.Shared++
			switch {
			case ta.name:
				namesShared += x
			case !ta.number:
				coreShared += x
			}
			if ta.verb {
				verbsShared += x
			}
			if ta.id == a.subject {
				f.Subject = true
			}
			i++
			j++
		}
	}
	f.SharedWeight = shared
	f.ClaimCover = ratio(shared, total)
	f.CandidateCover = ratio(sharedB, totalB)
	f.CoreCover = ratio(coreShared, core)
	f.NameCover, f.VerbCover = 1, 1
	if names > 0 {
		f.NameCover = namesShared / names
	}
	if verbs > 0 {
		f.VerbCover = verbsShared / verbs
	}
	for word, n := range a.counts {
		if m, ok := b.counts[word]; ok && n != "" && m != "" && n != m {
			f.NumberClash = true
		}
	}
	f.Polarity = a.negated != b.negated
	f.Modality = a.hedged != b.hedged
	return f
}

func ratio(x, y float64) float64 {
	if y <= 0 {
		return 0
	}
	return x / y
}

// hedges are the words that turn an assertion into a possibility.
var hedges = map[string]bool{
	"may": true, "might": true, "could": true, "would": true, "possibly": true,
	"perhaps": true, "reportedly": true, "allegedly": true, "likely": true,
	"unlikely": true, "probably": true, "if": true,
}

// Negates reports whether token i of toks negates its clause: a negation
// word ("not", "never", "no", "n't", ...) that does not open an idiom that
// denies nothing ("not only", "no longer", "not yet", "no one").
func Negates(toks []text.Token, i int) bool {
	w := toks[i].Lower
	switch w {
	case "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without":
	default:
		if !strings.HasSuffix(w, "n't") {
			return false
		}
	}
	if i+1 < len(toks) {
		next := toks[i+1].Lower
		if negationIdioms[next] || (w == "no" && next == "one") {
			return false
		}
	}
	return true
}

// negationIdioms are the words after which a negation denies nothing.
var negationIdioms = setOf("only", "just", "merely", "longer", "least", "doubt", "yet",
	"matter", "less", "sooner", "surprise", "wonder")

// counts returns, for each word that a number counts ("12 people"), the
// number. A word counted twice with different numbers maps to "".
func counts(toks []text.Token) map[string]string {
	out := make(map[string]string)
	for i, t := range toks {
		n := t.Stem
		if !t.Number {
			n = numberWords[t.Lower]
		}
		if n == "" || i+1 >= len(toks) {
			continue
		}
		next := &toks[i+1]
		if next.Number || next.Stop || numberWords[next.Lower] != "" {
			continue
		}
		if m, ok := out[next.Stem]; ok && m != n {
			out[next.Stem] = ""
			continue
		}
		out[next.Stem] = n
	}
	return out
}

// topicPrior is the number of sentences added to a story's count when
// telling its topic words, so small stories keep their weights.
const topicPrior = 20

// termWeights returns each term's weight in a story: its background
// inverse document frequency, scaled down by the share of the story's
// units that hold it.
func termWeights(vocab map[string]int32, unitFreq []int32, units int, topic float64) []float64 {
	bg := loadBackground()
	w := make([]float64, len(vocab))
	for term, id := range vocab {
		// The share is smoothed so that a word in two of a small story's
		// four sentences is not taken for its topic.
		share := float64(unitFreq[id]) / float64(units+topicPrior)
		w[id] = bg.idf(term) / (1 + topic*share)
	}
	return w
}

// Evidence is what one article offers in support of a claim: one unit, or
// two adjacent sentences that together carry it.
type Evidence struct {
	// Doc is the article.
	Doc int
	// Units holds one unit, or two adjacent units in text order.
	Units []int
	// Pair is how the evidence relates to the claim.
	Pair Pair
}

// Params returns the decision's knobs in use for the story.
func (s *Story) Params() Params { return s.params }

// SetParams changes the decision's knobs; word weights are recomputed.
// It is meant for measuring the decision, not for briefs.
func (s *Story) SetParams(p Params) {
	s.params = p
	s.weights = termWeights(s.vocab, s.df, len(s.Units), p.Topic)
}

// Compare measures unit b as support for the claim of unit a.
func (s *Story) Compare(a, b int) Pair {
	return compare(&s.profiles[a], &s.profiles[b], s.weights)
}

// Support returns, for each other article that reports the information of
// unit u, its best evidence, ordered by article.
func (s *Story) Support(u int) []Evidence {
	return s.support(u, newSupportScratch(len(s.Units)))
}

// AllSupport returns Support(u) for every unit u.
func (s *Story) AllSupport() [][]Evidence {
	sc := newSupportScratch(len(s.Units))
	out := make([][]Evidence, len(s.Units))
	for u := range s.Units {
		out[u] = s.support(u, sc)
	}
	return out
}

type supportScratch struct {
	shared  []float64
	count   []int32
	touched []int32
}

func newSupportScratch(n int) *supportScratch {
	return &supportScratch{shared: make([]float64, n), count: make([]int32, n)}
}

// support finds the evidence for unit u. Shared weights are accumulated
// through the inverted index; only candidates whose coverage can pass are
// compared in full.
func (s *Story) support(u int, sc *supportScratch) []Evidence {
	p := s.params
	a := &s.profiles[u]
	var total float64
	for _, t := range a.terms {
		total += s.weights[t.id]
	}
	if total == 0 {
		return nil
	}
	for _, t := range a.terms {
		x := s.weights[t.id]
		for _, post := range s.postings[t.id] {
			v := post.unit
			if sc.count[v] == 0 {
				sc.touched = append(sc.touched, v)
			}
			sc.shared[v] += x
			sc.count[v]++
		}
	}
	doc := s.Units[u].Doc
	best := make(map[int]Evidence)   // article -> best accepted single
	partial := make(map[int][]int32) // article -> units carrying part of the claim
	for _, v := range sc.touched {
		shared, n := sc.shared[v], sc.count[v]
		sc.shared[v], sc.count[v] = 0, 0
		d := s.Units[v].Doc
		if d == doc || int(n) < 1 {
			continue
		}
		// Candidates that share little of the claim are not compared in
		// full; those that share some may carry it with a neighbour.
		if cover := shared / total; cover < minCover {
			if cover >= minCover/2 && s.Units[v].Sent >= 0 {
				partial[d] = append(partial[d], v)
			}
			continue
		}
		f := s.Compare(u, int(v))
		if !p.Same(f) && !s.backed(u, int(v), f) {
			if s.Units[v].Sent >= 0 {
				partial[d] = append(partial[d], v)
			}
			continue
		}
		if e, ok := best[d]; !ok || s.better(f, int(v), e) {
			best[d] = Evidence{Doc: d, Units: []int{int(v)}, Pair: f}
		}
	}
	sc.touched = sc.touched[:0]
	// Articles with no single sentence that carries the claim may carry it
	// in two adjacent sentences.
	for d, vs := range partial {
		if _, ok := best[d]; ok {
			continue
		}
		if e, ok := s.adjacent(u, vs); ok {
			best[d] = e
		}
	}
	docs := make([]int, 0, len(best))
	for d := range best {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	out := make([]Evidence, len(docs))
	for i, d := range docs {
		out[i] = best[d]
	}
	return out
}

// backed reports whether a pair that misses the threshold passes the lower
// one because the story's cosine similarity agrees.
func (s *Story) backed(u, v int, f Pair) bool {
	p := s.params
	return p.BackedCosine > 0 && f.Shared >= p.MinShared && p.Score(f) >= p.Backed && f.VerbCover >= p.BackedVerb &&
		s.Sim(u, v) >= p.BackedCosine
}

// minCover is the share of a claim's (unscaled) content weight below which
// a unit is not compared in full.
const minCover = 0.15

// better reports whether unit v with pair f is better evidence than e: a
// higher score, the earlier unit on a tie.
func (s *Story) better(f Pair, v int, e Evidence) bool {
	a, b := s.params.Score(f), s.params.Score(e.Pair)
	if a != b {
		return a > b
	}
	return v < e.Units[0]
}

// adjacent returns the best pair of adjacent sentences, among those
// around the partial candidates vs of one article, that together pass the
// decision for claim u while neither does alone, each adding to what the
// other covers.
func (s *Story) adjacent(u int, vs []int32) (Evidence, bool) {
	var best Evidence
	found := false
	slices.Sort(vs)
	tried := -1 // the last pair tried, by its first unit
	for _, v := range vs {
		for _, lo := range [2]int{int(v) - 1, int(v)} {
			hi := lo + 1
			if lo <= tried || lo < 0 || hi >= len(s.Units) || s.Units[lo].Doc != s.Units[hi].Doc ||
				s.Units[lo].Sent < 0 || s.Units[hi].Sent != s.Units[lo].Sent+1 {
				continue
			}
			tried = lo
			// Joined, the two cover at most the sum of what each covers,
			// so each must add adjacentGain for the pair to be worth more
			// than its better half.
			one, two := s.Compare(u, lo), s.Compare(u, hi)
			if min(one.ClaimCover, two.ClaimCover) < adjacentGain {
				continue
			}
			j := join(s.profiles[lo], s.profiles[hi])
			f := compare(&s.profiles[u], &j, s.weights)
			if !s.params.Same(f) || f.ClaimCover < max(one.ClaimCover, two.ClaimCover)+adjacentGain {
				continue
			}
			if !found || s.params.Score(f) > s.params.Score(best.Pair) {
				best = Evidence{Doc: s.Units[lo].Doc, Units: []int{lo, hi}, Pair: f}
				found = true
			}
		}
	}
	return best, found
}

// adjacentGain is how much more of a claim two adjacent sentences must
// cover together than the better of them alone.
const adjacentGain = 0.1

// ComparePair measures two sentences read on their own, without a story:
// words are weighed by the background table alone. na and nb are the
// normalized sentences, a and b their tokens.
func ComparePair(na string, a []text.Token, nb string, b []text.Token) Pair {
	vocab := make(map[string]int32)
	ids := func(t string) int32 {
		id, ok := vocab[t]
		if !ok {
			id = int32(len(vocab))
			vocab[t] = id
		}
		return id
	}
	pa, pb := buildProfile(na, a, ids), buildProfile(nb, b, ids)
	w := termWeights(vocab, make([]int32, len(vocab)), 0, 0)
	return compare(&pa, &pb, w)
}
