// Package text is Parallax's news-aware text pipeline: it normalizes an
// article's text without losing the way back to the original bytes, drops
// boilerplate lines (photo credits, share prompts, teasers) and wire and
// web residue (editors' notes, bylines, captions, agency tags, time
// stamps; see residue.go), keeps titles and datelines as metadata, splits
// the body into sentences, and splits sentences into tokens with stems and
// stop-word marks. Whatever is left out is recorded with the reason.
//
// Every Sentence and Token carries byte offsets into the text as it was
// read, so whatever is built from them can point back at the exact words.
//
// The pipeline is:
//
//	Normalize   curly and wire quotes, dashes, odd spaces -> ASCII, with an offset map
//	Analyze     paragraphs -> boilerplate / title / dateline / residue -> sentences
//	Tokens      words, numbers and names with stems and stop-word marks
package text
