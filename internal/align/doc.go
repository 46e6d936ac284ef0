// Package align finds which sentences of different articles report the same
// information.
//
// Each sentence (and each title read from an article's text) becomes a
// unit: a sparse vector of content terms weighted by how rare they are in
// the story at hand. Terms are stems, mapped through a small lexicon of news
// paraphrases so that "rejected", "rebuffed" and "not on the table" meet,
// and "Mike" meets "Michael". Two units from different articles report the
// same information when the cosine of their vectors reaches a threshold;
// the support of a unit is the set of other articles holding such a match.
//
// Candidate pairs come from an inverted index over the rarer terms, so a
// story of hundreds of articles costs far less than all pairs.
package align
