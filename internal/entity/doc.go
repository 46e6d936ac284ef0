// Package entity finds the people a story names and groups the ways its
// documents name them.
//
// Find reads one analysed document and returns its person-name mentions:
// runs of capitalized words ("Michael Flynn", "George W. Bush", "Ludwig van
// Beethoven") with the honorific, title or role written before them kept
// apart ("Mr", "Gen.", "President", "former US national security
// adviser"). It leaves out what capitals alone do not make a name: function
// words and other words that open a sentence, months and days, countries,
// states and cities, nationalities and parties, and organisations (a run
// holding "Committee", "Department", "House", "Journal" and the like).
// Every mention carries source byte offsets of the name alone, without its
// title or a possessive "'s", and hints for other stages: Speaks (a verb of
// speech goes with it) and IsPersonLike.
//
// Resolve groups the mentions of all the documents of a story into
// people. It matches family names, and first names when both sides have
// one: equal, a nickname of the same formal name ("Mike" and "Michael"),
// or an initial. Two different full names with one family name are two
// people; a bare family name ("Flynn", "Mr Flynn") goes to the one named
// most often with a first name in the same document, then in the story.
// Each person's canonical name is the fullest form seen, without titles.
//
// The word lists (titles, roles, first names, nicknames, places,
// organisation words) are small and written for English news; they are in
// lexicon.go.
package entity
