// Package quote finds what the documents of a story quote, who said it,
// and which sources carried each statement: the quote ledger.
//
// Find reads one analysed document. A quotation is the text between
// double quotation marks in a paragraph (normalization has made curly
// marks, guillemets and the wire's two backticks and two apostrophes
// straight '"'), or, outside those, between single marks, as British
// writing sets quotations; a single mark between letters ("don't"),
// before a year or an elided word ("the '90s", "'em") or after the "s" of
// a plural before a lower-case word ("the Joneses' car") is an apostrophe.
// Whether a mark opens or closes comes from the characters around it (a
// space before and a word after opens, a word or punctuation before and a
// space after closes), and, when those do not tell, from how the source
// wrote it (“ or ”, ‘ or ’, two backticks). A paragraph whose quotation is
// not closed goes on into the next paragraph when that one opens with a
// mark, as newspapers set long quotations.
//
// Each quotation gets the speaker its sentences give, found with the
// regular patterns of news writing:
//
//	"...," X said            "...," said X          X said: "..."
//	"...," he said, "..."    X said "..."           X said no "reasonable person" would ...
//	... according to X       X told CNN "..."       X wrote in a tweet
//	X tweeted that Y "..."   X, a member of ..., has said "..."
//	X continued:             (the quotation in the next paragraph)
//	X pushed back: "..."     (any clause a colon ends)
//	"..." - X                "Why?" X asked.        X (R-Utah) said
//	X defended it, saying "..."      X, who told reporters: "..."
//	When asked by X if "...", Y responded, "..."
//
// The speaker of a cue verb is its subject: the name that heads the clause
// before the verb, looking past appositives, possessives ("Flynn's lawyer
// Robert Kelner"), party tags and prepositional phrases ("a spokesman for
// Devin Nunes" is a role, not Nunes). A participle (", saying", "by
// telling") takes the subject of the clause it hangs on; after "told" and
// "telling" comes who heard the words, never who said them; "who" stands
// for the name before it. A role phrase is kept as the speaker when no
// name is given; a definite one ("the spokesman", "the former president")
// names the person the text described so before ("spokesman Sean
// Spicer", "Sean Spicer, the spokesman,") when that person was named in
// the last few sentences.
//
// "He" and "she" are resolved walking back sentence by sentence: the named
// speaker of a cue, the person named as a sentence's subject, a role given
// as a speaker, then another person named, whose sex (from titles and
// first names, over every mention of the person) does not contradict the
// pronoun; a sentence whose subject is the same pronoun passes its objects
// over, so that "He met Jones" does not make Jones the speaker. The
// speaker's Start and End are the words the quotation is attributed to: the
// name, the pronoun or the role phrase.
//
// A quotation with no cue that follows an attributed one in its paragraph
// keeps that speaker. A quotation the text attributes to no one stays
// unattributed. Short quotations without any attribution (scare quotes)
// and capitalized titles after words such as "book" are dropped.
//
// Reports lists the sentences that attribute speech without quoting it;
// Ledger uses them to find sources that paraphrase a quote.
//
// Ledger groups the quotations of all documents of a story into
// parallax.Quote entries, with speakers resolved across documents by
// package entity, each source marked as carrying the quote verbatim,
// altered or paraphrased.
//
// `parallax eval quotes` (package internal/eval/polnear) measures quotes
// and speakers on PolNeAR.
package quote
