package quote

import (
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// A Report is a sentence that says what someone said without quoting it
// ("Spicer said the president wants Flynn to testify") or with a quotation
// inside it.
type Report struct {
	// Sent is the index of the sentence in the document's Sentences.
	Sent int
	// Cue is the index of the cue's first token in the sentence's Tokens.
	Cue int
	// Speaker is who the sentence says spoke.
	Speaker Speaker
}

// Reports returns, for each sentence of d that attributes speech to a
// named person or a described source, the first such attribution, in text
// order. ms are d's mentions as entity.Find returns them.
func Reports(d *text.Document, ms []entity.Mention) []Report {
	return newAnalyzer(d, ms).reports()
}

func (a *analyzer) reports() []Report {
	if a.repsDone {
		return a.reps
	}
	a.repsDone = true
	var out []Report
	qi := 0
	var prev *Quotation
	for si := range a.d.Sentences {
		for qi < len(a.quotes) && a.quotes[qi].Sent < si {
			prev = &a.quotes[qi]
			qi++
		}
		for _, c := range a.cues(si) {
			if c.label {
				continue
			}
			sp := c.sp
			if sp.How == Pronoun && !sp.Known() && c.pron != "" {
				sp = a.resolve(si, c.pronTok, c.pron, prev)
			}
			if sp.Known() {
				sp = a.link(sp, a.d.Sentences[si].NormStart())
				out = append(out, Report{Sent: si, Cue: c.tok, Speaker: sp})
				break
			}
		}
	}
	a.reps = out
	return out
}

type cueKind uint8

const (
	verbCue      cueKind = iota
	accordingCue         // "according to X"
	agentCue             // "asked by X"
)

// A cue is a word that attributes speech, with the speaker it names.
type cue struct {
	tok  int // the verb, or "according"
	end  int // the token after the cue phrase
	kind cueKind
	word string
	sp   Speaker
	// pron is the subject pronoun ("he", "she") when the speaker is one,
	// at token pronTok; the speaker is then left for the caller to
	// resolve.
	pron    string
	pronTok int
	// label marks a verb that names something in the speaker's words
	// ("called it a "sham"") rather than reporting speech.
	label bool
}

// labelVerbs attribute the quotation they introduce without reporting
// speech; particles after them make other verbs ("called for").
var labelVerbs = setOf("called", "calls", "calling", "described", "describes", "describing", "dubbed",
	"dubbing", "labelled", "labeled", "labeling", "labelling", "labels", "branded", "branding", "brands",
	"termed", "terming", "hailed", "hailing", "slammed", "slamming", "denounced", "denouncing")

// backVerbs are verbs of speech when "back" follows them: "shot back".
var backVerbs = setOf("shot", "shoots", "fired", "fires", "hit", "hits", "pushed", "pushes", "snapped", "wrote", "talked")

var particles = setOf("for", "on", "off", "up", "in", "out", "back", "upon", "by")

// nounBefore are words after which a speech verb is a noun: "his tweets",
// "the claims".
var nounBefore = setOf("the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
	"these", "those", "such", "this", "whose", "any", "no", "some", "many", "several",
	"new", "recent", "earlier", "latest", "of", "in", "on")

// notSpeechBeforeTo are speech verbs that, followed by "to", take an
// infinitive and report no words.
var notSpeechBeforeTo = setOf("continued", "continues", "claimed", "claims", "promised",
	"vowed", "pledged", "urged", "urges", "threatened", "asked", "asks", "declined",
	"suggested", "admitted", "denied")

// beWords make a following past participle passive: "was told".
var beWords = setOf("was", "were", "is", "are", "been", "being", "be", "get", "got",
	"gets", "getting", "am")

// softWords may stand between an auxiliary and its verb, or between a
// subject and its verb.
var softWords = setOf("has", "have", "had", "also", "later", "then", "reportedly",
	"previously", "once", "again", "just", "recently", "subsequently", "publicly",
	"privately", "initially", "first", "would", "will", "could", "may", "might", "can",
	"did", "does", "do", "not", "never", "always", "often", "repeatedly", "earlier",
	"further", "separately", "quickly", "immediately", "flatly", "firmly", "only", "even",
	"still", "already", "himself", "herself", "themselves", "itself", "both", "all",
	"allegedly", "apparently", "now")

// clauseWords open a clause: the subject of a verb after them comes after
// them. "And" is not one: it joins subjects ("Paganini and his team
// wrote") and appositives more often than clauses near a quotation.
var clauseWords = setOf("that", "because", "while", "whether", "if", "but", "although",
	"though", "so", "whereas", "unless", "where", "when", "after", "before",
	"since", "until", "as")

// preps open a phrase that is not a subject.
var preps = setOf("in", "on", "at", "of", "for", "from", "with", "by", "during", "after",
	"before", "since", "as", "like", "despite", "amid", "following", "according", "under",
	"over", "through", "via", "upon", "without", "within", "unlike", "ahead", "instead",
	"about", "against", "into", "to", "toward", "towards", "between", "among", "across",
	"speaking", "asked", "responding", "writing", "earlier", "later", "last", "this",
	"next", "when", "while", "then", "however", "meanwhile", "also", "yesterday", "today",
	"including", "than", "around", "near", "outside", "inside", "beyond", "throughout")

// adverbPreps are words in preps that are adverbs, not prepositions, before
// a name: "and then Wallnau continues".
var adverbPreps = setOf("then", "meanwhile", "however", "also", "earlier", "later")

// conjunctions may open a segment without being part of it.
var conjunctions = setOf("and", "or", "but", "so", "yet", "nor")

// auxWords are verbs and words that a role phrase cannot hold: a segment
// with one of them is a clause.
var auxWords = setOf("is", "are", "was", "were", "be", "been", "has", "have", "had",
	"will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did",
	"that")

var pronouns = setOf("he", "she", "they", "we", "i", "it", "you")

var relatives = setOf("who", "which", "whose", "whom")

// npStop end a phrase read after a verb or "according to".
var npStop = setOf("in", "on", "at", "during", "after", "before", "when", "while", "that",
	"who", "which", "and", "but", "as", "because", "if", "whether", "via", "by", "to",
	"told", "said", "says", "on", "earlier", "last", "this", "yesterday", "today")

// determiners open a role phrase.
var determiners = setOf("a", "an", "the", "one", "another", "his", "her", "their", "its",
	"our", "two", "three", "four", "five", "several", "some", "many", "most", "both",
	"each", "other", "senior", "top", "former", "white", "house")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cues returns the cues of sentence si outside quotations, with their
// speakers.
func (a *analyzer) cues(si int) []cue {
	if a.cueDone[si] {
		return a.cueCache[si]
	}
	a.cueDone[si] = true
	s := &a.d.Sentences[si]
	toks := s.Tokens
	var out []cue
	for k := range toks {
		t := &toks[k]
		if t.Cap && t.Lower != "according" || a.tokQuoted(si, k) {
			continue
		}
		var c cue
		switch {
		case backVerbs[t.Lower] && k+1 < len(toks) && toks[k+1].Lower == "back" && !a.tokQuoted(si, k+1):
			c = cue{tok: k, end: k + 2, kind: verbCue, word: t.Lower + " back"}
		case t.Lower == "according" && k+1 < len(toks) && toks[k+1].Lower == "to":
			c = cue{tok: k, end: k + 2, kind: accordingCue, word: "according to"}
		case labelVerbs[t.Lower] && (k+1 >= len(toks) || !particles[toks[k+1].Lower]):
			// "Noem called the campaign a "bold effort"": attributes a
			// quotation, reports no speech.
			if k > 0 && nounBefore[toks[k-1].Lower] && !gapHas(s, k, `,;:"()`) || passive(s, k) {
				continue
			}
			c = cue{tok: k, end: k + 1, kind: verbCue, word: t.Lower, label: true}
		case entity.IsSpeechVerb(t.Lower):
			if k > 0 && nounBefore[toks[k-1].Lower] && !gapHas(s, k, `,;:"()`) {
				continue
			}
			if k+1 < len(toks) && toks[k+1].Lower == "to" && notSpeechBeforeTo[t.Lower] {
				continue // "continued to sign up", "promised to act"
			}
			if k+1 < len(toks) && toks[k+1].Lower == "by" && !a.tokQuoted(si, k+1) {
				c = cue{tok: k, end: k + 2, kind: agentCue, word: t.Lower + " by"}
			} else if passive(s, k) {
				continue
			} else {
				c = cue{tok: k, end: k + 1, kind: verbCue, word: t.Lower}
			}
		default:
			continue
		}
		a.speakerOf(si, &c)
		out = append(out, c)
	}
	a.cueCache[si] = out
	return out
}

// passive reports whether the verb at toks[k] is a passive participle:
// "was told", "were not asked".
func passive(s *text.Sentence, k int) bool {
	toks := s.Tokens
	if strings.HasSuffix(toks[k].Lower, "ing") {
		return false
	}
	for j, n := k-1, 0; j >= 0 && n < 3; j, n = j-1, n+1 {
		if gapHas(s, j+1, `,.;:"()`) {
			return false // "...as it is," says Ward
		}
		w := toks[j].Lower
		if beWords[w] {
			return true
		}
		if !softWords[w] {
			return false
		}
	}
	return false
}

// speakerOf fills c.sp with the speaker the cue names.
func (a *analyzer) speakerOf(si int, c *cue) {
	c.sp = Speaker{Mention: -1, Cue: c.word}
	if c.kind != verbCue {
		a.phraseAfter(si, c.end, c, false)
		return
	}
	// The subject: after the last quoted word before the verb.
	lo := 0
	for k := c.tok - 1; k >= 0; k-- {
		if a.tokQuoted(si, k) {
			lo = k + 1
			break
		}
	}
	st := &a.d.Sentences[si]
	if a.participle(st, c.tok) {
		// "Trump took a risk, telling the crowd "...": the speaker is
		// the subject of the clause the participle hangs on. A scare
		// quote inside that clause does not end it.
		lo = 0
		for k := c.tok - 1; k >= 0; k-- {
			if a.longQuoted(si, k) {
				lo = k + 1
				break
			}
		}
		if sp, ok := a.clauseSubject(si, lo, c.tok); ok {
			c.sp, c.pron, c.pronTok = sp.sp, sp.pron, sp.pronTok
			c.sp.Cue = c.word
		}
		return
	}
	k := c.tok
	if gapHas(st, k, ")") {
		// A party tag or an aside between the name and its verb: "Rep.
		// Earl Blumenauer (D-Ore.) said".
		for j := k - 1; j > lo && j >= k-7; j-- {
			if gapHas(st, j, "(") {
				k = j
				break
			}
		}
	}
	if a.subjectBefore(si, lo, k, c) {
		return
	}
	if listenerVerbs[c.word] {
		return // "told X": X is who heard it
	}
	if lo == c.tok || onlySoft(a.d.Sentences[si].Tokens[lo:c.tok]) {
		// "...," said X.
		a.phraseAfter(si, c.end, c, lo > 0)
	} else if gapHas(&a.d.Sentences[si], c.tok, ",") {
		// "... announced in October, said X."
		a.phraseAfter(si, c.end, c, false)
	}
}

// listenerVerbs are followed by who heard the words, never by who said
// them.
var listenerVerbs = setOf("told", "tells", "telling", "asking", "tell")

// progressive are verbs an -ing verb continues: "kept saying".
var progressive = setOf("keep", "keeps", "kept", "keeping", "started", "starts", "began", "begins",
	"stopped", "continued", "continues", "continue", "start", "stop", "begin", "was", "is")

// participleBefore are words that make an -ing verb after them a
// participle hanging on the clause before: "by saying", "while adding".
var participleBefore = setOf("by", "while", "when", "after", "before", "in", "also", "then")

// participle reports whether the speech verb at token k of s is a
// participle that hangs on the clause before it: ", saying", "by telling".
func (a *analyzer) participle(s *text.Sentence, k int) bool {
	w := s.Tokens[k].Lower
	if !strings.HasSuffix(w, "ing") || k == 0 {
		return false
	}
	prev := s.Tokens[k-1].Lower
	if gapHas(s, k, ",-") || (participleBefore[prev] || prev == "and" || prev == "or") &&
		(k < 2 || gapHas(s, k-1, ",-") || !participleBefore[s.Tokens[k-2].Lower]) {
		return true
	}
	// After a noun: "sent an email saying". Not after "was", "kept".
	return !beWords[prev] && !progressive[prev] && !softWords[prev] && !pronouns[prev] && !s.Tokens[k-1].Cap &&
		!preps[prev] && !gapHas(s, k, `"`)
}

// A subject is the subject clauseSubject finds: a speaker, or the pronoun
// that stands for one.
type subject struct {
	sp      Speaker
	pron    string
	pronTok int
}

// clauseSubject finds the subject of the clause that runs up to token to
// of sentence si, starting at token from or after the last clause word or
// quotation before to: a name, "he" or "she", or a role phrase. The
// comma-separated pieces of the clause are tried from the last one back,
// so that opening phrases ("In a statement released Thursday,") are passed
// over; "who" stands for the name before it, and a role right after a name
// is the name's appositive.
func (a *analyzer) clauseSubject(si, from, to int) (subject, bool) {
	s := &a.d.Sentences[si]
	toks := s.Tokens
	cs := from
	for t := to - 1; t > from; t-- {
		if a.longQuoted(si, t) {
			cs = t + 1
			break
		}
		if gapHas(s, t, `;:"`) {
			cs = t
			break
		}
	}
	var segs []segment
	start, depth := cs, 0
	for t := cs + 1; t < to; t++ {
		gap := s.Norm[toks[t-1].End:toks[t].Start]
		depth += strings.Count(gap, "(") - strings.Count(gap, ")")
		if depth <= 0 && strings.Contains(gap, ",") {
			segs = append(segs, segment{start, t})
			start, depth = t, 0
		}
	}
	segs = append(segs, segment{start, to})
	for i := len(segs) - 1; i >= 0; i-- {
		sg := segs[i]
		p := sg.a
		for p < sg.b && (softWords[toks[p].Lower] || conjunctions[toks[p].Lower] || clauseWords[toks[p].Lower] && toks[p].Lower != "that") {
			p++
		}
		if p >= sg.b {
			continue
		}
		w := toks[p].Lower
		switch {
		case w == "he" || w == "she":
			sp := Speaker{Mention: -1, How: Pronoun}
			sp.Start, sp.End = a.tokSpan(si, p, p+1)
			return subject{sp: sp, pron: w, pronTok: p}, true
		case relatives[w]:
			// "Loretta Lynch, who told Congress": who is Lynch.
			var sp Speaker
			if i > 0 && a.antecedent(si, segs[i-1], p, &sp) {
				return subject{sp: sp}, true
			}
			return subject{}, false
		case pronouns[w] || relatives[w]:
			return subject{}, false
		}
		e := a.nounPhrase(si, p, sg.b)
		if e == p {
			continue
		}
		if mi := a.head(si, segment{p, e}); mi >= 0 {
			var sp Speaker
			a.setMention(&sp, mi)
			return subject{sp: sp}, true
		}
		if isRoleWord(toks[e-1].Lower) || entity.IsRoleOrModifier(toks[e-1].Lower) && !toks[e-1].Cap {
			if i > 0 {
				if mi := a.head(si, segs[i-1]); mi >= 0 && a.ms[mi].EndTok == segs[i-1].b {
					var sp Speaker
					a.setMention(&sp, mi) // "Clinton, the former secretary,"
					return subject{sp: sp}, true
				}
			}
			sp := Speaker{Mention: -1, How: Direct, Role: s.Norm[toks[p].Start:toks[e-1].End]}
			sp.Start, sp.End = a.tokSpan(si, p, e)
			return subject{sp: sp}, true
		}
		if e-p >= 2 && toks[p].Lower == "the" && toks[e-1].Cap {
			// "The New York Times": a body that speaks.
			sp := Speaker{Mention: -1, How: Direct, Role: s.Norm[toks[p].Start:toks[e-1].End]}
			sp.Start, sp.End = a.tokSpan(si, p, e)
			return subject{sp: sp}, true
		}
	}
	return subject{}, false
}

// nounPhrase returns the end of the noun phrase that opens at token p of
// sentence si and ends by token to: capitalized words, articles,
// modifiers and role words, possessives, "of" or "for" before a capital;
// it ends on a capitalized or a role word.
func (a *analyzer) nounPhrase(si, p, to int) int {
	s := &a.d.Sentences[si]
	toks := s.Tokens
	e := p
	for e < to && e-p < 12 {
		t := &toks[e]
		if e > p && gapHas(s, e, `,;:"()`) {
			break
		}
		if t.Cap && !t.Stop || determiners[t.Lower] || isRoleWord(t.Lower) || entity.IsRoleOrModifier(t.Lower) ||
			(t.Lower == "of" || t.Lower == "for") && e+1 < to && toks[e+1].Cap {
			e++
			continue
		}
		break
	}
	for e > p && !toks[e-1].Cap && !isRoleWord(toks[e-1].Lower) && !entity.IsRole(toks[e-1].Lower) {
		e--
	}
	return e
}

func onlySoft(toks []text.Token) bool {
	for i := range toks {
		if !softWords[toks[i].Lower] {
			return false
		}
	}
	return true
}

// gapHas reports whether the text between tokens k-1 and k of s holds any
// of the characters in chars.
func gapHas(s *text.Sentence, k int, chars string) bool {
	if k <= 0 || k >= len(s.Tokens) {
		return false
	}
	return strings.ContainsAny(s.Norm[s.Tokens[k-1].End:s.Tokens[k].Start], chars)
}

// phraseAfter reads the speaker written after a cue: a name, a pronoun or
// a role phrase starting at token j. Right after a quotation (afterQuote),
// a few words without capitals are taken too: text that lost its capitals
// writes names in lower case.
func (a *analyzer) phraseAfter(si, j int, c *cue, afterQuote bool) {
	s := &a.d.Sentences[si]
	toks := s.Tokens
	if j >= len(toks) || a.tokQuoted(si, j) || gapHas(s, j, `".;:`) {
		return
	}
	skip := j
	if toks[j].Lower == "the" {
		skip = j + 1
	}
	for _, mi := range a.bySent[si] {
		m := &a.ms[mi]
		if (m.TitleTok == j || m.TitleTok == skip || m.Tok == j) && !m.Possessive {
			a.setMention(&c.sp, mi)
			return
		}
		if m.TitleTok > j && m.TitleTok <= j+4 && !m.Possessive && a.isPerson(mi) && modifiersOnly(s, j, m.TitleTok) {
			// "said planetary geologist Rosaly Lopes"
			a.setMention(&c.sp, mi)
			return
		}
	}
	if w := toks[j].Lower; w == "he" || w == "she" {
		c.sp.How, c.pron, c.pronTok = Pronoun, w, j
		c.sp.Start, c.sp.End = a.tokSpan(si, j, j+1)
		return
	}
	e := j
	for e < len(toks) && e-j < 10 && !a.tokQuoted(si, e) {
		if e > j && (gapHas(s, e, `,.;:"()`) || npStop[toks[e].Lower]) {
			break
		}
		e++
	}
	if e > j && (roleStart(&toks[j]) || afterQuote && bareName(toks[j:e])) && !pronouns[toks[j].Lower] {
		c.sp.Role, c.sp.How = s.Norm[toks[j].Start:toks[e-1].End], Direct
		c.sp.Start, c.sp.End = a.tokSpan(si, j, e)
		// "said Shepard's father, Dennis,": the name in apposition.
		if e < len(toks) && gapHas(s, e, ",") {
			for _, mi := range a.bySent[si] {
				m := &a.ms[mi]
				if m.TitleTok == e && !m.Possessive && (m.EndTok >= len(toks) || gapHas(s, m.EndTok, ",.;")) {
					a.setMention(&c.sp, mi)
					return
				}
			}
		}
	}
}

// setMention makes mention mi the speaker sp names directly.
func (a *analyzer) setMention(sp *Speaker, mi int) {
	m := &a.ms[mi]
	sp.Mention, sp.Role, sp.How = mi, "", Direct
	sp.Start, sp.End = m.Start, m.End
}

// tokSpan returns the source byte span of tokens [from, to) of sentence
// si.
func (a *analyzer) tokSpan(si, from, to int) (int, int) {
	s := &a.d.Sentences[si]
	return a.d.Norm.Start(s.NormStart() + s.Tokens[from].Start), a.d.Norm.End(s.NormStart() + s.Tokens[to-1].End)
}

func roleStart(t *text.Token) bool {
	return t.Cap && !t.Stop || determiners[t.Lower] || isRoleWord(t.Lower)
}

// isRoleWord reports whether w names a role: "spokesman", "official".
func isRoleWord(w string) bool { return roleWords[w] }

var roleWords = setOf("spokesman", "spokeswoman", "spokesperson", "official", "officials",
	"aide", "aides", "lawyer", "lawyers", "attorney", "attorneys", "adviser", "advisers",
	"advisor", "source", "sources", "reporter", "reporters", "analyst", "analysts",
	"critics", "diplomat", "diplomats", "investigators", "prosecutors", "lawmakers",
	"senator", "senators", "officers", "witnesses", "experts", "spokesmen", "police",
	"authorities", "residents", "members", "leaders", "democrats", "republicans")

// segment is a run of tokens [a, b) between commas.
type segment struct{ a, b int }

// subjectBefore finds the subject of the verb at token k among tokens
// [lo, k) of sentence si and records it in c. It reports whether it found
// one.
func (a *analyzer) subjectBefore(si, lo, k int, c *cue) bool {
	s := &a.d.Sentences[si]
	toks := s.Tokens
	if k <= lo {
		return false
	}
	cs := lo
	for t := k - 1; t >= lo; t-- {
		if clauseWords[toks[t].Lower] && !toks[t].Cap || toks[t].Lower == "that" {
			cs = t + 1
			break
		}
		if t > lo && gapHas(s, t, `;:"()[]`) {
			cs = t
			break
		}
	}
	if cs >= k {
		return false
	}
	var segs []segment
	start := cs
	for t := cs + 1; t < k; t++ {
		if gapHas(s, t, ",") || strings.Contains(s.Norm[toks[t-1].End:toks[t].Start], " - ") {
			segs = append(segs, segment{start, t})
			start = t
		}
	}
	segs = append(segs, segment{start, k})
	last := &segs[len(segs)-1]
	for last.b > last.a && (softWords[toks[last.b-1].Lower] ||
		strings.HasSuffix(toks[last.b-1].Lower, "ly") && !toks[last.b-1].Cap) {
		last.b--
	}
	roleSet, appositive := false, false
	for i := len(segs) - 1; i >= 0; i-- {
		sg := segs[i]
		for sg.a+1 < sg.b && (conjunctions[toks[sg.a].Lower] || softWords[toks[sg.a].Lower]) {
			sg.a++ // ", and co-author of the study,"; "Recently she announced"
		}
		if sg.a < sg.b && conjunctions[toks[sg.a].Lower] {
			sg.a++
		}
		if sg.b <= sg.a {
			continue
		}
		if roleSet && !appositive {
			return true // "..., and aides said": the role is the subject
		}
		first := toks[sg.a].Lower
		switch {
		case relatives[first]:
			if roleSet {
				return true
			}
			if sg.b-sg.a > 1 && subjectRelative(toks, sg.a) {
				// "Ms. He, who has been married to Xu since 1971,": the
				// subject is the phrase before.
				continue
			}
			if sg.b-sg.a > 1 {
				// "which Trump had called": the subject follows.
				if mi := a.head(si, segment{sg.a + 1, sg.b}); mi >= 0 {
					a.setMention(&c.sp, mi)
					return true
				}
				continue
			}
			// "Mike Lee, who declared": who stands for the phrase before.
			if i > 0 {
				if a.antecedent(si, segs[i-1], sg.a, &c.sp) {
					return true
				}
			}
			continue
		case preps[first] || toks[sg.a].Number:
			if roleSet {
				return true
			}
			if i == len(segs)-1 {
				// "In a statement Gingrich said": an opening phrase
				// without its comma, then the name.
				for _, mi := range a.bySent[si] {
					if m := &a.ms[mi]; m.EndTok == sg.b && m.TitleTok > sg.a && !m.Possessive && a.isPerson(mi) && !m.Weak() {
						a.setMention(&c.sp, mi)
						return true
					}
				}
			}
			continue
		case pronouns[first] && (sg.b-sg.a <= 2 || sg.b-sg.a <= 4 && toks[sg.b-1].Lower == "and"):
			// "he said", "he laughed and said"
			if roleSet {
				return true
			}
			c.sp.How = Pronoun
			c.sp.Start, c.sp.End = a.tokSpan(si, sg.a, sg.a+1)
			if first == "he" || first == "she" {
				c.pron, c.pronTok = first, sg.a
			}
			return true
		}
		if mi := a.head(si, sg); mi >= 0 {
			a.setMention(&c.sp, mi)
			return true
		}
		if !a.roleLike(si, sg) && !(i == len(segs)-1 && sg.a == lo && lo > 0 && bareName(toks[sg.a:sg.b])) {
			if i > 0 && a.phraseLike(si, sg) {
				// An appositive that is no role ("co-author of the
				// study"): the subject comes before it.
				appositive = true
				continue
			}
			return roleSet
		}
		rs, re := a.roleStart(si, sg), sg.b
		for t := rs + 1; t < re; t++ {
			if relatives[toks[t].Lower] {
				re = t
			}
		}
		c.sp.Role, c.sp.How = s.Norm[toks[rs].Start:toks[re-1].End], Direct
		c.sp.Start, c.sp.End = a.tokSpan(si, rs, re)
		roleSet = true
		// An appositive opens with an article, a possessive or a capital:
		// "a member of the committee", "Disney's chairman".
		appositive = determiners[first] && first != "two" && first != "three" && first != "several" &&
			first != "some" && first != "many" && first != "most" && first != "both" ||
			toks[sg.a].Cap || strings.HasSuffix(s.Norm[toks[sg.a].Start:toks[sg.a].End], "'s")
	}
	return roleSet
}

// phraseLike reports whether segment sg can be a descriptive phrase: short,
// without a verb of being, having or speech, and without a subject
// pronoun ("provided he go into exile" is a clause).
func (a *analyzer) phraseLike(si int, sg segment) bool {
	toks := a.d.Sentences[si].Tokens
	if sg.b-sg.a > 12 {
		return false
	}
	for t := sg.a; t < sg.b; t++ {
		if w := toks[t].Lower; auxWords[w] || entity.IsSpeechVerb(w) || clauseWords[w] || subjectPronouns[w] {
			return false
		}
	}
	return true
}

// subjectPronouns are the pronouns that can only be a verb's subject: a
// phrase that holds one holds a clause.
var subjectPronouns = setOf("he", "she", "they", "we", "i")

// subjectRelative reports whether the relative pronoun at toks[k] is its
// clause's subject ("who has been married to Xu"): a verb or an auxiliary
// follows it, so it stands for the phrase before, not for a subject after
// it ("which Trump had called").
func subjectRelative(toks []text.Token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	w := toks[k+1].Lower
	return auxWords[w] && w != "that" || softWords[w] || entity.IsSpeechVerb(w) ||
		!toks[k+1].Cap && strings.HasSuffix(w, "ed")
}

// head returns the mention that heads segment sg of sentence si, or -1: a
// name that is not possessive and not inside a prepositional phrase. When
// several qualify, the one that ends the segment wins ("Trump adviser
// Kellyanne Conway"), else the first ("Pence defended Flynn").
func (a *analyzer) head(si int, sg segment) int {
	toks := a.d.Sentences[si].Tokens
	first, lastEnd := -1, -1
	for _, mi := range a.bySent[si] {
		m := &a.ms[mi]
		if m.TitleTok < sg.a || m.EndTok > sg.b || m.Possessive {
			continue
		}
		if m.Weak() && !(m.TitleTok == sg.a && m.EndTok == sg.b) {
			continue // a capitalized word that opens a sentence
		}
		if !a.isPerson(mi) {
			continue // "Water" in "the Energy and Water think tank"
		}
		inPP := false
		for t := sg.a; t < m.TitleTok; t++ {
			w := toks[t].Lower
			if !toks[t].Cap && (preps[w] && !softWords[w] && !adverbPreps[w] || (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) &&
				!isRoleWord(w) && !entity.IsRoleOrModifier(w)) {
				// In a phrase after a preposition or another word: "a
				// spokesman for Devin Nunes", "a journalist visiting Nice".
				inPP = true
				break
			}
		}
		if inPP {
			continue
		}
		if first < 0 {
			first = mi
		}
		if m.EndTok == sg.b {
			lastEnd = mi
		}
	}
	if lastEnd >= 0 {
		return lastEnd
	}
	return first
}

// modifiersOnly reports whether tokens [from, to) of s are lower-case
// words that can describe a person before a name, with no punctuation
// between them: "planetary geologist", "lead researcher and".
func modifiersOnly(s *text.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		t := &s.Tokens[k]
		if t.Number || t.Stop && t.Lower != "and" || preps[t.Lower] || npStop[t.Lower] && t.Lower != "and" ||
			entity.IsSpeechVerb(t.Lower) || k > from && gapHas(s, k, `,.;:"()`) {
			return false
		}
	}
	return true
}

// bareName reports whether toks, between a quotation and its cue, can be
// a name written without capitals: one to three words, none a function
// word or a number.
func bareName(toks []text.Token) bool {
	if len(toks) == 0 || len(toks) > 3 {
		return false
	}
	for i := range toks {
		if toks[i].Stop || toks[i].Number || pronouns[toks[i].Lower] {
			return false
		}
	}
	return true
}

// isPerson reports whether mention mi shows it names a person: it has a
// first name, a title or a verb of speech, or another mention of the same
// family name in the document has.
func (a *analyzer) isPerson(mi int) bool {
	m := &a.ms[mi]
	return m.First != "" || m.IsPersonLike() || a.person[strings.ToLower(m.Last)] || m.Gender != entity.Unknown
}

// roleLike reports whether segment sg reads as a noun phrase naming a
// speaker: "a senior congressional official", "Mr Flynn's attorney"; not
// a time ("The next day") and not a clause ("a court document filed").
func (a *analyzer) roleLike(si int, sg segment) bool {
	toks := a.d.Sentences[si].Tokens
	if sg.b-sg.a > 12 || !roleStart(&toks[sg.a]) || pronouns[toks[sg.a].Lower] {
		return false
	}
	for t := sg.a; t < sg.b; t++ {
		w := toks[t].Lower
		if relatives[w] && t > sg.a {
			break // "a White House official who spoke anonymously": the role ends there
		}
		if auxWords[w] || entity.IsSpeechVerb(w) || timeWords[w] || subjectPronouns[w] {
			return false
		}
		if t+1 < sg.b && !toks[t].Cap && !preps[w] && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			// A verb with its object: "a court document filed by",
			// "White America embracing Obama".
			n := &toks[t+1]
			if determiners[n.Lower] && !n.Cap || n.Lower == "to" || n.Lower == "by" || n.Cap && !n.Stop && strings.HasSuffix(w, "ing") {
				return false
			}
		}
	}
	return true
}

// timeWords make a phrase a time, not a speaker.
var timeWords = setOf("later", "earlier", "ago", "day", "days", "week", "weeks", "month", "months",
	"year", "years", "minute", "minutes", "hour", "hours", "morning", "afternoon", "evening",
	"night", "moment", "moments", "pause", "while", "then", "meanwhile",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today")

// antecedent sets sp to what the relative pronoun at token rel of sentence
// si stands for: the name that ends segment prev ("Mike Lee, who"), else
// the noun phrase that ends it ("the report, which"); sp's span is the
// pronoun's. It reports whether it found one.
func (a *analyzer) antecedent(si int, prev segment, rel int, sp *Speaker) bool {
	toks := a.d.Sentences[si].Tokens
	for _, mi := range a.bySent[si] {
		if m := &a.ms[mi]; m.EndTok == prev.b && m.TitleTok >= prev.a && !m.Possessive && a.isPerson(mi) {
			a.setMention(sp, mi)
			sp.Start, sp.End = a.tokSpan(si, rel, rel+1)
			return true
		}
	}
	rs := a.roleStart(si, prev)
	if rs < prev.b && determiners[toks[rs].Lower] && a.roleLike(si, segment{rs, prev.b}) {
		s := &a.d.Sentences[si]
		sp.Mention, sp.How = -1, Direct
		sp.Role = s.Norm[toks[rs].Start:toks[prev.b-1].End]
		sp.Start, sp.End = a.tokSpan(si, rel, rel+1)
		return true
	}
	return false
}

// roleStart returns where the role phrase of segment sg starts: at its
// last article that does not follow a preposition, so that "a feat the
// agency" yields "the agency".
func (a *analyzer) roleStart(si int, sg segment) int {
	toks := a.d.Sentences[si].Tokens
	start := sg.a
	for t := sg.a + 1; t < sg.b; t++ {
		switch toks[t].Lower {
		case "a", "an", "the":
			if !preps[toks[t-1].Lower] {
				start = t
			}
		}
	}
	return start
}

// genderOf returns what is known of the sex of the person mention mi
// names: what its title or first name tells, else what the document tells
// of the person it names.
func (a *analyzer) genderOf(mi int) entity.Gender {
	m := &a.ms[mi]
	if m.Gender != entity.Unknown {
		return m.Gender
	}
	if p := a.people.Of(0, mi); p >= 0 {
		return a.people.People()[p].Gender
	}
	return entity.Unknown
}

func compatible(g entity.Gender, pron string) bool {
	switch pron {
	case "he":
		return g != entity.Female
	case "she":
		return g != entity.Male
	}
	return false
}

// resolve finds who "he" or "she" at token tok of sentence si stands for;
// the speaker's Start and End are the pronoun's.
//
// It walks back from the pronoun sentence by sentence, over at most 12
// sentences and the 3 paragraphs before, and takes in each sentence, in
// order: the named speaker of a cue ("Smith said") whose sex does not
// contradict the pronoun, the person named as the subject of the
// sentence, a role the sentence gives as a speaker ("an aide said"), then
// any other person named outside quotations — unless the subject of the
// sentence is the same pronoun, which stands for the same person further
// back. A name counts as a person's when the document gives it a first
// name, a title or a verb of speech somewhere.
func (a *analyzer) resolve(si, tok int, pron string, prev *Quotation) Speaker {
	sp := a.resolveRef(si, tok, pron)
	sp.Start, sp.End = a.tokSpan(si, tok, tok+1)
	return sp
}

func (a *analyzer) resolveRef(si, tok int, pron string) Speaker {
	para := a.d.Sentences[si].Para
	for sj, n := si, 0; sj >= 0 && n < 12 && a.d.Sentences[sj].Para >= para-3; sj, n = sj-1, n+1 {
		limit := len(a.d.Sentences[sj].Tokens)
		if sj == si {
			limit = tok
		}
		same := limit // where the same pronoun is a subject: a name after it is not what it stands for
		role := ""
		cs := a.cues(sj)
		for i := len(cs) - 1; i >= 0; i-- {
			c := &cs[i]
			if c.tok >= limit || c.label {
				continue
			}
			switch {
			case c.sp.Mention >= 0:
				if compatible(a.genderOf(c.sp.Mention), pron) {
					return Speaker{Mention: c.sp.Mention, How: Pronoun}
				}
			case c.pron == pron:
				same = min(same, c.pronTok)
			case c.sp.Role != "" && role == "" && singular(c.sp.Role):
				role = c.sp.Role
			}
		}
		sub, pronSub, subTok := a.sentenceSubject(sj, limit)
		if sub >= 0 && compatible(a.genderOf(sub), pron) {
			return Speaker{Mention: sub, How: Pronoun}
		}
		if role != "" {
			return Speaker{Mention: -1, Role: role, How: Pronoun}
		}
		if pronSub == pron {
			same = min(same, subTok)
		}
		// Other persons named before the pronoun, then possessives
		// ("Palin's posts").
		for _, poss := range [2]bool{false, true} {
			for _, mi := range a.bySent[sj] {
				m := &a.ms[mi]
				if m.Tok >= same {
					break
				}
				if m.Possessive != poss || m.Weak() || !a.isPerson(mi) || a.quoted(m.NormStart) || !compatible(a.genderOf(mi), pron) {
					continue
				}
				return Speaker{Mention: mi, How: Pronoun}
			}
		}
	}
	return Speaker{Mention: -1, How: Pronoun}
}

// singular reports whether a role phrase names one person: "an aide",
// not "aides" or "officials".
func singular(role string) bool {
	f := strings.Fields(strings.ToLower(role))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	switch f[0] {
	case "two", "three", "four", "several", "some", "many", "most", "both", "other", "their":
		return false
	}
	return !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss")
}

// sentenceSubject returns the person named as the subject of sentence si
// (the first clause, after any opening phrase; a name in apposition to a
// role: "Trump's wife, Melania,"), looking at tokens before limit, or -1;
// and the subject pronoun ("he", "she") when the subject is one, with its
// token.
func (a *analyzer) sentenceSubject(si, limit int) (int, string, int) {
	s := &a.d.Sentences[si]
	toks := s.Tokens
	p := 0
	for p < limit {
		w := toks[p].Lower
		if softWords[w] || conjunctions[w] {
			p++
			continue
		}
		if preps[w] || toks[p].Number || a.tokQuoted(si, p) || clauseWords[w] && w != "that" {
			// An opening phrase or clause: the subject comes after its
			// comma.
			q := p + 1
			for q < limit && !gapHas(s, q, ",") {
				q++
			}
			if q >= limit {
				return -1, "", 0
			}
			p = q
			continue
		}
		break
	}
	if p >= limit {
		return -1, "", 0
	}
	if w := toks[p].Lower; w == "he" || w == "she" {
		return -1, w, p
	}
	e := a.nounPhrase(si, p, limit)
	if e == p {
		return -1, "", 0
	}
	mi := a.head(si, segment{p, e})
	if mi < 0 && e < limit && gapHas(s, e, ",") {
		for _, mj := range a.bySent[si] {
			m := &a.ms[mj]
			if m.TitleTok == e && !m.Possessive && (m.EndTok >= len(toks) || gapHas(s, m.EndTok, ",")) {
				mi = mj
				break
			}
		}
	}
	if mi >= 0 && a.quoted(a.ms[mi].NormStart) {
		mi = -1
	}
	return mi, "", 0
}

// workWords come before titles of works: `the book "Fire and Fury"`.
var workWords = setOf("book", "books", "film", "movie", "song", "album", "show", "series",
	"titled", "entitled", "called", "headlined", "column", "article", "essay", "report",
	"documentary", "play", "novel", "poem", "program", "programme", "episode", "hashtag",
	"memoir", "headline", "slogan", "podcast", "newsletter", "bill", "named", "dubbed")

// attribute finds the speakers of the raw quotations and drops scare
// quotes and titles of works.
func (a *analyzer) attribute(raw []Quotation) []Quotation {
	out := make([]Quotation, 0, len(raw))
	for i := range raw {
		q := raw[i]
		var prev *Quotation
		if len(out) > 0 {
			prev = &out[len(out)-1]
		}
		if a.workTitle(&q) {
			continue
		}
		q.Speaker = a.link(a.direct(&q, prev), q.NormStart)
		if !q.Speaker.Known() && q.Speaker.How == Unattributed && prev != nil && prev.Speaker.Known() {
			opensSent := a.opensSentence(&q)
			prevPara := a.d.Sentences[prev.EndSent].Para
			switch {
			case prevPara == q.Para && (opensSent || q.Sent == prev.EndSent && words(q.Text) >= 4):
				q.Speaker = carried(prev.Speaker)
			case prevPara == q.Para-1 && a.opensParagraph(&q) && a.lastInPara(prev, raw):
				q.Speaker = carried(prev.Speaker)
			}
		}
		out = append(out, q)
	}
	// A quotation that opens its sentence without a speaker takes the
	// speaker of the next one in the paragraph: `"A." "B," she said.`
	for i := len(out) - 2; i >= 0; i-- {
		q, next := &out[i], &out[i+1]
		if q.Speaker.How == Unattributed && next.Para == a.d.Sentences[q.EndSent].Para && next.Speaker.How == Direct &&
			next.Sent <= q.EndSent+1 && a.opensSentence(q) {
			q.Speaker = carried(next.Speaker)
		}
	}
	kept := out[:0]
	for _, q := range out {
		if q.Speaker.Known() || q.Speaker.How == Pronoun || words(q.Text) >= 6 {
			kept = append(kept, q)
		}
	}
	return kept
}

func carried(sp Speaker) Speaker {
	sp.How, sp.Cue = Carried, ""
	return sp
}

func words(s string) int { return len(strings.Fields(s)) }

// lastInPara reports whether prev is the last raw quotation of its
// paragraph.
func (a *analyzer) lastInPara(prev *Quotation, raw []Quotation) bool {
	for i := range raw {
		if a.d.Sentences[raw[i].Sent].Para == a.d.Sentences[prev.EndSent].Para && raw[i].NormStart > prev.NormStart {
			return false
		}
	}
	return true
}

// opensSentence reports whether q's opening mark opens its sentence.
func (a *analyzer) opensSentence(q *Quotation) bool {
	s := &a.d.Sentences[q.Sent]
	off := q.NormStart - s.NormStart()
	return strings.TrimLeft(s.Norm[:max(0, min(off, len(s.Norm)))], ` "'([`) == ""
}

// opensParagraph reports whether q opens its paragraph.
func (a *analyzer) opensParagraph(q *Quotation) bool {
	return a.d.Sentences[q.Sent].ParaPos == 0 && a.opensSentence(q)
}

// workTitle reports whether q is the title of a work: a few capitalized
// words after a word such as "book" or "titled".
func (a *analyzer) workTitle(q *Quotation) bool {
	ws := strings.Fields(q.Text)
	if len(ws) > 8 {
		return false
	}
	caps := 0
	for _, w := range ws {
		r := []rune(strings.TrimLeft(w, `'"([`))
		if len(r) == 0 {
			continue
		}
		switch strings.ToLower(string(r)) {
		case "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "from", "or":
			continue
		}
		if r[0] >= 'a' && r[0] <= 'z' {
			return false
		}
		caps++
	}
	if caps == 0 {
		return false
	}
	s := &a.d.Sentences[q.Sent]
	n := 0
	for k := len(s.Tokens) - 1; k >= 0; k-- {
		if s.NormStart()+s.Tokens[k].Start >= q.NormStart {
			continue
		}
		if workWords[s.Tokens[k].Lower] {
			return true
		}
		if n++; n >= 4 {
			break
		}
	}
	return false
}

// direct finds the speaker a quotation's own sentences name: a cue just
// after it ("...," X said; "he said" is resolved to a person), then the
// nearest cue before it in its first sentence (X said "..."), then the
// clause a colon ends before it (`X continued:` at the end of the
// paragraph before), then any cue after it in its last sentence, then the
// next sentence when a question or an exclamation ended the quotation's
// sentence (`"Why?" Trump asked reporters.`), then a name after a dash
// (`"..." - Jane Doe`).
func (a *analyzer) direct(q *Quotation, prev *Quotation) Speaker {
	other := false // "they said", "it says": a speaker that cannot be named
	// 0. The cue of a split quotation: `"...," he said, "..."`.
	if cs := a.cues(q.Sent); len(cs) > 0 {
		st := &a.d.Sentences[q.Sent]
		for i := len(cs) - 1; i >= 0; i-- {
			c := &cs[i]
			if st.NormStart()+st.Tokens[c.tok].Start >= q.NormStart {
				continue
			}
			if a.introduces(q.Sent, c) && c.tok > 0 && a.tokQuoted(q.Sent, c.tok-1) {
				if c.sp.Known() {
					return c.sp
				}
				if c.pron != "" {
					return a.resolve(q.Sent, c.pronTok, c.pron, prev)
				}
			}
			break
		}
	}
	// 1. A cue right after the closing mark, unless a cue and a colon
	// introduce the quotation (`Quell said: "..." The bridge opened,
	// officials said.`, the closing period missing).
	colon, colonOK := a.colonClause(q, prev, false)
	colonOK = colonOK && colon.Known()
	unlessColon := func(sp Speaker) Speaker {
		if colonOK && (sp.Mention != colon.Mention || sp.Role != colon.Role) {
			return colon
		}
		return sp
	}
	es := q.EndSent
	s := &a.d.Sentences[es]
	post := -1
	for k := range s.Tokens {
		if s.NormStart()+s.Tokens[k].Start >= q.NormEnd {
			post = k
			break
		}
	}
	var after []*cue
	if post >= 0 {
		cs := a.cues(es)
		for i := range cs {
			if cs[i].tok >= post {
				after = append(after, &cs[i])
			}
		}
		if len(after) > 0 && after[0].tok-post <= 12 && !a.quotedBetween(es, post, after[0].tok) &&
			!a.clauseBetween(es, post, after[0].tok) && !a.introduces(es, after[0]) &&
			(!strings.HasSuffix(strings.TrimRight(q.Text, `'"`), ".") || a.attributionOnly(es, after[0])) {
			c := after[0]
			if c.sp.Known() {
				return unlessColon(c.sp)
			}
			if c.pron != "" {
				return unlessColon(a.resolve(es, c.pronTok, c.pron, prev))
			}
			other = other || c.sp.How == Pronoun
		}
		if sp, ok := a.dashName(es, post, q); ok {
			return sp
		}
	}
	// 2. The nearest cue before the opening mark.
	ss := q.Sent
	cs := a.cues(ss)
	st := &a.d.Sentences[ss]
	for i := len(cs) - 1; i >= 0; i-- {
		c := &cs[i]
		if st.NormStart()+st.Tokens[c.tok].Start >= q.NormStart {
			continue
		}
		if c.sp.Known() {
			return c.sp
		}
		if c.pron != "" {
			return a.resolve(ss, c.pronTok, c.pron, prev)
		}
		if c.sp.How == Pronoun {
			other = true
			break
		}
	}
	// 3. The clause a colon ends before the opening mark.
	if sp, ok := a.colonIntro(q, prev); ok {
		return sp
	}
	// A name and a colon: `and York: "..."`.
	if mi := a.colonSpeaker(q); mi >= 0 {
		sp := Speaker{Cue: ":"}
		a.setMention(&sp, mi)
		return sp
	}
	// 4. Any cue after the quotation in its last sentence.
	for _, c := range after {
		if c.sp.Known() {
			return c.sp
		}
		if c.pron != "" {
			return a.resolve(es, c.pronTok, c.pron, prev)
		}
		other = other || c.sp.How == Pronoun
	}
	// 5. The next sentence, or a name after a dash there.
	if post < 0 && es+1 < len(a.d.Sentences) {
		if sp, ok := a.nextSentence(q, prev); ok {
			return sp
		}
	}
	if other {
		return Speaker{Mention: -1, How: Pronoun}
	}
	return Speaker{Mention: -1}
}

// attributionOnly reports whether the clause of cue c in sentence si does
// nothing but attribute: the cue and its speaker, then the sentence's end,
// a comma, a quotation or a prepositional phrase ("said in a statement"),
// not an object ("announced his move"). A quotation that ends with a
// period and is followed by more than that ended its sentence.
func (a *analyzer) attributionOnly(si int, c *cue) bool {
	s := &a.d.Sentences[si]
	j := c.end
	if c.sp.Mention >= 0 {
		if m := &a.ms[c.sp.Mention]; m.TitleTok >= c.end {
			j = m.EndTok // "said Jane Doe"
		}
	}
	if j >= len(s.Tokens) || gapHas(s, j, `,.;:"`) || a.tokQuoted(si, j) {
		return true
	}
	w := s.Tokens[j].Lower
	return preps[w] || softWords[w] || timeWords[w] || listenerVerbs[c.word] || w == "that"
}

// nextSentence finds the speaker the sentence after q's last one gives
// when q ends its sentence: a sentence that opens with the speaker and a
// cue after a quotation that ends with a question or an exclamation mark
// (`"Why?" Trump asked reporters.`), or a name after a dash (`"..."` then
// `- Jane Doe, a reader`).
func (a *analyzer) nextSentence(q *Quotation, prev *Quotation) (Speaker, bool) {
	ns := q.EndSent + 1
	n := &a.d.Sentences[ns]
	if len(n.Tokens) == 0 {
		return Speaker{}, false
	}
	if strings.HasPrefix(strings.TrimSpace(n.Norm[:n.Tokens[0].Start]), "-") && n.Para <= a.d.Sentences[q.EndSent].Para+1 {
		return a.dashName(ns, 0, q)
	}
	if n.Para != a.d.Sentences[q.EndSent].Para || !strings.ContainsAny(q.Text[max(0, len(q.Text)-2):], "?!") {
		return Speaker{}, false
	}
	// Only the sentence's first cue can be the attribution.
	cs := a.cues(ns)
	if len(cs) == 0 {
		return Speaker{}, false
	}
	c := cs[0]
	if c.tok > 5 || c.label || a.quotedBetween(ns, 0, c.tok) {
		return Speaker{}, false
	}
	switch {
	case c.pron != "" && c.pronTok == 0:
		return a.resolve(ns, c.pronTok, c.pron, prev), true
	case c.sp.Mention >= 0 && a.ms[c.sp.Mention].TitleTok == 0 && a.ms[c.sp.Mention].EndTok <= c.tok:
		return c.sp, true
	}
	return Speaker{}, false
}

// dashName finds a person named after a dash at token k of sentence si,
// right after quotation q or opening the sentence after it: `"..." - Jane
// Doe`. The name must end its sentence or be followed by a comma.
func (a *analyzer) dashName(si, k int, q *Quotation) (Speaker, bool) {
	s := &a.d.Sentences[si]
	var gap string
	if k == 0 {
		gap = s.Norm[:s.Tokens[0].Start]
	} else {
		gap = s.Norm[s.Tokens[k-1].End:s.Tokens[k].Start]
	}
	if k > 0 && s.NormStart()+s.Tokens[k-1].End > q.NormEnd {
		return Speaker{}, false
	}
	if strings.Trim(gap, ` "'.,!?`) != "-" {
		return Speaker{}, false
	}
	for _, mi := range a.bySent[si] {
		m := &a.ms[mi]
		if m.TitleTok != k || m.Possessive {
			continue
		}
		if m.EndTok < len(s.Tokens) && !gapHas(s, m.EndTok, ",(") {
			break
		}
		sp := Speaker{Cue: "-"}
		a.setMention(&sp, mi)
		return sp, true
	}
	return Speaker{}, false
}

// colonIntro finds the speaker of a quotation that follows a colon: the
// cue of the clause before the colon, else its subject (`Kasich
// resisted: "..."`, `The report concluded:` at the end of the paragraph
// before).
func (a *analyzer) colonIntro(q *Quotation, prev *Quotation) (Speaker, bool) {
	return a.colonClause(q, prev, true)
}

// colonClause is colonIntro; without subject, only a cue of the clause
// before the colon counts (`Quell said: "..."`).
func (a *analyzer) colonClause(q *Quotation, prev *Quotation, subject bool) (Speaker, bool) {
	t := a.d.Norm.Text
	i := q.NormStart - 1
	for i >= 0 && (t[i] == '"' || t[i] == '\'' || isSpace(t[i])) {
		i--
	}
	if i < 0 || t[i] != ':' {
		return Speaker{}, false
	}
	sj := a.sentenceAt(i)
	if sj < 0 || sj < q.Sent-1 || sj > q.Sent {
		return Speaker{}, false
	}
	s := &a.d.Sentences[sj]
	kc := 0
	for kc < len(s.Tokens) && s.NormStart()+s.Tokens[kc].Start < i {
		kc++
	}
	cs := a.cues(sj)
	for j := len(cs) - 1; j >= 0; j-- {
		c := &cs[j]
		if c.tok >= kc {
			continue
		}
		if c.sp.Known() {
			return c.sp, true
		}
		if c.pron != "" {
			return a.resolve(sj, c.pronTok, c.pron, prev), true
		}
		break
	}
	if !subject {
		return Speaker{}, false
	}
	lo := 0
	for k := kc - 1; k >= 0; k-- {
		if a.longQuoted(sj, k) {
			lo = k + 1
			break
		}
	}
	sub, ok := a.clauseSubject(sj, lo, kc)
	if !ok {
		return Speaker{}, false
	}
	if sub.pron != "" {
		return a.resolve(sj, sub.pronTok, sub.pron, prev), true
	}
	sub.sp.Cue = ":"
	return sub.sp, true
}

// longQuoted reports whether token k of sentence si lies in a quotation of
// four words or more, not a scare quote.
func (a *analyzer) longQuoted(si, k int) bool {
	s := &a.d.Sentences[si]
	off := s.NormStart() + s.Tokens[k].Start
	r := a.ranges
	i := sort.Search(len(r), func(i int) bool { return r[i][1] > off })
	return i < len(r) && r[i][0] <= off && words(a.d.Norm.Text[r[i][0]:r[i][1]]) >= 4
}

// colonSpeaker returns the mention of a person whose name ends right
// before a colon and the quotation's opening mark, or -1.
func (a *analyzer) colonSpeaker(q *Quotation) int {
	s := &a.d.Sentences[q.Sent]
	for _, mi := range a.bySent[q.Sent] {
		m := &a.ms[mi]
		if m.NormEnd > q.NormStart || m.Possessive || !a.isPerson(mi) {
			continue
		}
		gap := a.d.Norm.Text[m.NormEnd:q.NormStart]
		if strings.Trim(gap, ` "`) == ":" && m.EndTok <= len(s.Tokens) {
			return mi
		}
	}
	return -1
}

// clauseBetween reports whether tokens [from, to) of sentence si hold a
// word that opens another clause or a sentence end, so that a cue at to
// does not attribute the quotation before from.
func (a *analyzer) clauseBetween(si, from, to int) bool {
	s := &a.d.Sentences[si]
	for k := from; k < to; k++ {
		if clauseWords[s.Tokens[k].Lower] || k > from && gapHas(s, k, ".;:!?") {
			return true
		}
	}
	return false
}

// quotedBetween reports whether a quoted token lies in tokens [from, to)
// of sentence si.
func (a *analyzer) quotedBetween(si, from, to int) bool {
	for k := from; k < to; k++ {
		if a.tokQuoted(si, k) {
			return true
		}
	}
	return false
}

// introduces reports whether cue c opens the next quotation: `Spicer
// responded, "Nope."`.
func (a *analyzer) introduces(si int, c *cue) bool {
	s := &a.d.Sentences[si]
	j := c.end
	if c.kind == verbCue && c.sp.How == Direct && c.sp.Mention >= 0 {
		// "said X, "..."": look past an inverted speaker.
		m := &a.ms[c.sp.Mention]
		if m.TitleTok >= c.end {
			j = m.EndTok
		}
	}
	if j >= len(s.Tokens) {
		return false
	}
	gap := s.Norm[s.Tokens[j-1].End:s.Tokens[j].Start]
	return a.tokQuoted(si, j) && strings.Trim(gap, ` ,:"`) == ""
}

// link names the person a definite description stands for when the text
// has tied the description to a name before normalized offset at: "the
// spokesman" after "spokesman Sean Spicer" or "Sean Spicer, the
// spokesman,", anywhere before in the document. Of the people so
// described, the one named last before at wins. The description is kept
// as the speaker's Role and its span stays the description's. A
// description the text never ties to a name stays as it is, and so does
// an indefinite one ("a spokesman").
func (a *analyzer) link(sp Speaker, at int) Speaker {
	if sp.Mention >= 0 || sp.Role == "" {
		return sp
	}
	ws := strings.Fields(strings.ToLower(sp.Role))
	if len(ws) < 2 || ws[0] != "the" && !strings.HasSuffix(ws[0], "'s") {
		return sp
	}
	var desc []string
	for i, w := range ws[1:] {
		if i > 0 && preps[w] {
			break
		}
		desc = append(desc, expandTitle(strings.Trim(w, ",.")))
	}
	head := desc[len(desc)-1]
	if !singular(head) || !isRoleWord(head) && !entity.IsRole(head) {
		return sp
	}
	described := map[int]bool{} // people, or -1-mention for a mention no person holds
	for mi := range a.ms {
		m := &a.ms[mi]
		if m.NormEnd > at || a.quoted(m.NormStart) || !a.isPerson(mi) {
			continue
		}
		if describes(strings.Fields(strings.ToLower(m.Title)), desc) || describes(a.appositive(mi), desc) {
			described[a.personKey(mi)] = true
		}
	}
	if len(described) == 0 {
		return sp
	}
	atSent := a.sentenceAt(at)
	for mi := len(a.ms) - 1; mi >= 0; mi-- {
		m := &a.ms[mi]
		if m.NormEnd > at || a.quoted(m.NormStart) {
			continue
		}
		if m.Sent < atSent-8 {
			break // named too long ago to be what the description stands for
		}
		if described[a.personKey(mi)] {
			sp.Mention = mi
			return sp
		}
	}
	return sp
}

// personKey returns the index of the person mention mi names, or -1-mi.
func (a *analyzer) personKey(mi int) int {
	if p := a.people.Of(0, mi); p >= 0 {
		return p
	}
	return -1 - mi
}

// compound are words that make another title of the role word after
// them: "vice president", "attorney general".
var compound = setOf("vice", "deputy", "assistant", "associate", "under", "lieutenant", "press",
	"attorney", "surgeon", "secretary", "sergeant", "district", "bank")

// describes reports whether a title or an appositive, as lower-case
// words, describes a person as desc does: it holds desc's last (role)
// word, not as part of another title ("vice president" is no
// "president"), and every modifier of desc ("former", "senior") that the
// lexicon knows.
func describes(title, desc []string) bool {
	head := desc[len(desc)-1]
	found := false
	for i, w := range title {
		w = expandTitle(strings.Trim(w, ",.'"))
		if w != head {
			continue
		}
		if i > 0 {
			prev := expandTitle(strings.Trim(title[i-1], ",."))
			if compound[prev] && !slices.Contains(desc, prev) {
				continue
			}
		}
		found = true
	}
	if !found {
		return false
	}
	for _, w := range title {
		// "the governor" is not "the former governor".
		if w = strings.Trim(w, ",."); (w == "former" || w == "ex" || w == "late") && !slices.Contains(desc, w) {
			return false
		}
	}
	for _, d := range desc[:len(desc)-1] {
		if !entity.IsRoleOrModifier(d) && !compound[d] {
			continue
		}
		ok := false
		for _, w := range title {
			if expandTitle(strings.Trim(w, ",.'")) == d {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// titleWords maps abbreviated titles to the word.
var titleWords = map[string]string{"gov": "governor", "sen": "senator", "rep": "representative",
	"pres": "president", "gen": "general", "sec": "secretary", "lt": "lieutenant", "col": "colonel",
	"atty": "attorney", "amb": "ambassador", "supt": "superintendent", "det": "detective",
	"insp": "inspector", "adm": "admiral", "capt": "captain", "sgt": "sergeant", "cmdr": "commander",
	"prof": "professor", "dr": "doctor", "congressman": "representative", "congresswoman": "representative"}

func expandTitle(w string) string {
	w = strings.TrimSuffix(w, ".")
	if x, ok := titleWords[w]; ok {
		return x
	}
	return w
}

// appositive returns the lower-case words of the appositive after the
// name of mention mi ("Sean Spicer, the White House spokesman,"), or nil.
func (a *analyzer) appositive(mi int) []string {
	m := &a.ms[mi]
	s := &a.d.Sentences[m.Sent]
	if m.EndTok >= len(s.Tokens) || !gapHas(s, m.EndTok, ",") {
		return nil
	}
	if t := &s.Tokens[m.EndTok]; !determiners[t.Lower] && !t.Cap && !entity.IsRoleOrModifier(t.Lower) {
		return nil
	}
	var out []string
	for k := m.EndTok; k < len(s.Tokens) && k < m.EndTok+10; k++ {
		if k > m.EndTok && gapHas(s, k, `,;:"()`) || a.tokQuoted(m.Sent, k) {
			break
		}
		out = append(out, s.Tokens[k].Lower)
	}
	return out
}
