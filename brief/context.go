package brief

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/text"
)

// A summary sentence is read out of its article. One that leans on the
// sentence before it ("His lawyer said...", "But the move...", a quotation
// whose speaker is only "he") tells the reader something false when the
// sentence before it in the summary is about something else. The selector
// shows such a sentence only right after the sentence it leans on (see
// select.go); filler (no comment, could not be reached, credits) it never
// shows.

// backOpeners are first words that point back at what was said before.
var backOpeners = map[string]bool{
	// pronouns
	"he": true, "she": true, "it": true, "they": true, "his": true, "her": true,
	"its": true, "their": true, "him": true, "them": true, "we": false,
	// demonstratives
	"this": true, "these": true, "those": true, "that": true, "such": true,
	// connectives
	"but": true, "and": true, "also": true, "however": true, "still": true, "yet": true,
	"so": true, "meanwhile": true, "then": true, "which": true, "instead": true,
	"moreover": true, "furthermore": true, "besides": true, "thus": true,
	"therefore": true, "nevertheless": true, "nonetheless": true, "otherwise": true,
	"likewise": true, "similarly": true, "indeed": true, "hence": true,
	// quantities of something named before
	"another": true, "others": true, "neither": true, "either": true, "both": true,
}

// backHeads are nouns that, after an opening "The", usually name something
// the sentence before introduced: "The move", "The company", "The two".
var backHeads = map[string]bool{
	"move": true, "company": true, "firm": true, "decision": true, "pair": true,
	"couple": true, "latter": true, "former": true, "same": true, "two": true,
	"three": true, "four": true, "both": true,
}

// eventHeads are nouns for a happening or a text that, after an opening
// "The" and with nothing after them that says which one ("The call helped
// the Yankees", not "The call by the umpire"), name one the sentence
// before told of.
var eventHeads = map[string]bool{
	"call": true, "attack": true, "shooting": true, "killing": true, "bombing": true,
	"blast": true, "explosion": true, "crash": true, "incident": true, "accident": true,
	"announcement": true, "agreement": true, "deal": true, "plan": true, "proposal": true,
	"ruling": true, "verdict": true, "vote": true, "meeting": true, "talks": true,
	"visit": true, "trip": true, "letter": true, "statement": true, "remarks": true,
	"comments": true, "bill": true, "measure": true, "change": true, "offer": true,
	"request": true, "raid": true, "arrest": true, "broadcast": true, "report": true,
	"interview": true, "speech": true,
}

// postModifiers open what follows a noun to say which one it is.
var postModifiers = map[string]bool{
	"of": true, "by": true, "in": true, "on": true, "at": true, "for": true, "from": true,
	"with": true, "between": true, "to": true, "that": true, "which": true, "who": true,
	"over": true, "against": true, "near": true, "about": true, "into": true, "involving": true,
}

// personal pronouns that need a person or group named before them.
var personPronouns = map[string]bool{
	"he": true, "she": true, "him": true, "his": true, "her": true,
	"they": true, "them": true, "their": true,
}

// speechVerbs do not name anyone a pronoun could stand for.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "noted": true,
	"stated": true, "according": true, "asked": true, "explained": true, "wrote": true,
	"declared": true, "insisted": true, "argued": true, "continued": true, "replied": true,
	"recalled": true, "warned": true, "acknowledged": true, "announced": true,
}

// dependsOnContext reports whether a sentence cannot be read without the
// sentence before it in its article: it opens with a pronoun, a
// demonstrative or a connective pointing back, or with "The" and a noun
// that names something introduced before; a personal pronoun in it (outside
// quotation marks) has no one named before or after it in the sentence; or
// it is a quotation that does not say who speaks: bare, or a part of a
// quotation running over several sentences.
func dependsOnContext(sen *text.Sentence) bool {
	toks := sen.Tokens
	if len(toks) == 0 {
		return true
	}
	first := toks[0].Lower
	if backOpeners[first] && !expletiveIt(toks) {
		return true
	}
	if first == "the" && len(toks) > 1 && backHeads[toks[1].Lower] {
		return true
	}
	if first == "the" && len(toks) > 2 && eventHeads[toks[1].Lower] && !postModifiers[toks[2].Lower] &&
		!strings.Contains(sen.Norm[toks[1].End:toks[2].Start], ",") {
		return true
	}
	n := strings.TrimSpace(sen.Norm)
	marks := strings.Count(n, `"`)
	startsQ, endsQ := strings.HasPrefix(n, `"`), strings.HasSuffix(n, `"`)
	switch {
	case marks == 2 && startsQ && endsQ:
		return true // a bare quotation: no speaker
	case marks%2 == 1 && (startsQ || endsQ):
		return true // the start or the end of a longer quotation
	}
	return danglingPronoun(sen)
}

// expletiveIt reports whether a sentence opens with an "it" that stands
// for nothing before it: "It is not clear whether...", "It was unclear
// how...".
func expletiveIt(toks []text.Token) bool {
	if len(toks) < 3 || toks[0].Lower != "it" {
		return false
	}
	k := 1
	switch toks[k].Lower {
	case "is", "was", "remains", "remained", "seems", "seemed", "appears", "appeared":
		k++
	default:
		return false
	}
	if k < len(toks) && toks[k].Lower == "not" {
		k++
	}
	if k < len(toks) && (toks[k].Lower == "yet" || toks[k].Lower == "immediately" || toks[k].Lower == "still") {
		k++
	}
	return k < len(toks) && expletiveAdjectives[toks[k].Lower]
}

var expletiveAdjectives = map[string]bool{
	"clear": true, "unclear": true, "known": true, "unknown": true, "likely": true,
	"unlikely": true, "possible": true, "impossible": true, "expected": true,
	"believed": true, "thought": true, "estimated": true, "hoped": true, "feared": true,
	"reported": true, "understood": true, "necessary": true, "important": true,
	"hard": true, "difficult": true, "easy": true, "true": true,
}

// danglingPronoun reports whether a personal pronoun outside quotation
// marks has no content word before it and no capitalized name after it,
// outside quotation marks: `"...," he said.`
func danglingPronoun(sen *text.Sentence) bool {
	outside := make([]bool, len(sen.Tokens))
	q, last := 0, 0
	for i, t := range sen.Tokens {
		q += strings.Count(sen.Norm[last:t.Start], `"`)
		last = t.Start
		outside[i] = q%2 == 0
	}
	content := false
	for i, t := range sen.Tokens {
		if !outside[i] {
			continue
		}
		if personPronouns[t.Lower] && !content {
			named := false
			for j := i + 1; j < len(sen.Tokens) && !named; j++ {
				u := sen.Tokens[j]
				named = outside[j] && u.Cap && !u.Stop && !speechVerbs[u.Lower]
			}
			if !named {
				return true
			}
		}
		if !t.Stop && !t.Number && !speechVerbs[t.Lower] {
			content = true
		}
	}
	return false
}

// fillerPatterns match sentences that carry no news: an unanswered call,
// a credit, a pointer elsewhere, a programme note.
var fillerPatterns = regexp.MustCompile(strings.Join([]string{
	`\b(was|were|is|are|could not be|couldn't be)( not)? (immediately )?(available|reached) (for|to) comment`,
	`\bnot immediately available\b`,
	`\b(could not|couldn't|can't|cannot) (immediately )?be (immediately )?reached\b`,
	`\b(did not|didn't|does not|doesn't|do not|don't|has not|hasn't|have not|haven't|had not|hadn't) (immediately )?(return|respond to|reply to|answer)( [a-z]+){0,2} (calls?|messages?|e-?mails?|requests?|inquiries|phone)`,
	`\b(declined|refused|would not|wouldn't|will not|won't|did not|didn't) (immediately )?(to )?(comment|discuss|elaborate)\b`,
	`\bno (immediate )?comment (from|was)\b`,
	`\bneither\b.*\b(would|could|did) (immediately )?comment\b`,
	`\b(seeking|requesting|for) comment\b.*\b(not|n't|no)\b`,
	`\bcontributed (to )?this (report|story|article)\b`,
	`\b(reporting|writing|editing|additional reporting) by [a-z]`,
	`^for (more|further) (information|details)\b`,
	`\b(click here|sign up|subscribe to|follow (us|him|her|them) on)\b`,
	`\b(this|the) (story|article|report) (has been|was|will be) (updated|corrected)\b`,
	`\bcheck back\b`,
	`\b(is|are) scheduled to (air|be broadcast|appear on)\b`,
	`\b(will|to) (air|be broadcast|be televised|be streamed) (live )?(at|on)\b`,
}, "|"))

// fillerWords holds, for every one of fillerPatterns, a word it cannot
// match without: a sentence with none of them is not filler, and the
// patterns, slow on every sentence of a large story, are not run on it.
var fillerWords = []string{"comment", "available", "reached", "return", "respond", "reply",
	"answer", "discuss", "elaborate", "contributed", "ing by ", "for more", "for further",
	"click here", "sign up", "subscribe", "follow ", "updated", "corrected", "check back",
	"scheduled", " air ", "broadcast", "televised", "streamed"}

// filler reports whether a sentence is one no summary should show: one
// of fillerPatterns, a question (a reader's prompt, a heading of a
// questions-and-answers page: a question reports nothing), or a heading
// in capitals.
func filler(sen *text.Sentence) bool {
	if question(sen.Norm) || shouted(sen.Norm) {
		return true
	}
	low := strings.ToLower(strings.Join(strings.Fields(sen.Norm), " "))
	for _, w := range fillerWords {
		if strings.Contains(low, w) {
			return fillerPatterns.MatchString(low)
		}
	}
	return false
}

// question reports whether a sentence ends with a question mark, closing
// quotation marks and brackets aside.
func question(s string) bool {
	s = strings.TrimRight(s, " \"')]\u201d\u2019")
	return strings.HasSuffix(s, "?")
}

// shouted reports whether a sentence of three words or more is written in
// capitals: four letters in five or more are upper case.
func shouted(s string) bool {
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 12 && len(strings.Fields(s)) >= 3 && 5*upper >= 4*letters
}
