// Package parallax holds the domain types of Parallax: the articles it reads
// and the sourced brief it writes about one story.
//
// Parallax reads several outlets' reports of the same event and writes one
// account in which every sentence is taken from the articles and cites every
// outlet that reports its information, with byte offsets back to the exact
// words. The types here carry no behaviour beyond validation; the pipeline
// that fills them lives in package brief, and the stages it calls live under
// internal/.
package parallax
