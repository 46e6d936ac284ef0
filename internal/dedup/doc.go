// Package dedup finds copies of one report among articles: a wire story
// reprinted word for word or under another headline, trimmed to its first
// paragraphs, with its paragraphs moved, with another ending, with a byline,
// share prompts or a copyright notice added, or lightly copy-edited.
//
// An article is reduced to a Sketch of its word shingles (runs of Shingle
// words after folding case, punctuation, white space and typographic
// quotes):
//
//   - an exact hash of its folded words, so texts that differ only in
//     spelling of white space, case, punctuation or quotation marks are
//     found at once;
//   - a MinHash signature (Hashes values) cut into Bands bands of Rows
//     values each: two articles that agree on every value of one band are
//     candidates (locality-sensitive hashing, after Broder 1997 and Indyk
//     and Motwani 1998);
//   - a bottom-k sample of its shingles (the Sample smallest shingle
//     hashes), which estimates how much of one article the other holds.
//
// A candidate pair is a copy when most of one article's shingles are found
// in the other: containment, not Jaccard resemblance, so that a report cut
// to its first half is still a copy of the whole. Shingles inside quotation
// marks do not count towards it, so that two independent reports quoting
// the same long statement are not copies: outlets share quotations, copies
// share the reporter's own words.
//
// Index is the online form: each article added is compared only with the
// articles that share one of its buckets (the newest BucketCap of each), so
// its cost does not grow with the number of articles indexed, and each
// indexed article keeps only its band keys and its sample. Groups is the
// batch form for one story: the copy groups as parallax.CopyGroup values.
//
// Everything is deterministic: the hash functions are fixed, and results
// are sorted.
package dedup
