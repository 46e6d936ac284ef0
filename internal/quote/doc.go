// Package quote finds what the documents of a story quote, who said it,
// and which sources carried each statement: the quote ledger.
//
// Find reads one analysed document. A quotation is the text between
// double quotation marks in a paragraph (normalization has made every
// quotation mark a straight '"'); a paragraph whose quotation is not closed
// goes on into the next paragraph when that one opens with a mark, as
// newspapers set long quotations. Each quotation gets the speaker its
// sentences give, found with the few regular patterns of news writing:
//
//	"...," X said            "...," said X          X said: "..."
//	X said "..."             X said no "reasonable person" would ...
//	... according to X       X told CNN "..."       X wrote in a tweet
//	X tweeted that Y "..."   X, a member of ..., has said "..."
//	When asked by X if "...", Y responded, "..."
//
// The speaker of a cue verb is its subject: the name that heads the clause
// before the verb, looking past appositives, possessives ("Flynn's lawyer
// Robert Kelner") and prepositional phrases ("a spokesman for Devin Nunes"
// is a role, not Nunes). A role phrase is kept as the speaker when no name
// is given. "He said" and "she said" go to the speaker of the previous
// quotation in the same or the previous paragraph, else to the nearest
// person named before them whose sex does not contradict the pronoun. A
// quotation with no cue that follows an attributed one in its paragraph
// keeps that speaker. Short quotations without any attribution (scare
// quotes) and capitalized titles after words such as "book" are dropped.
//
// Reports lists the sentences that attribute speech without quoting it;
// Ledger uses them to find sources that paraphrase a quote.
//
// Ledger groups the quotations of all documents of a story into
// parallax.Quote entries, with speakers resolved across documents by
// package entity, each source marked as carrying the quote verbatim,
// altered or paraphrased.
package quote
