// Package brief turns several outlets' articles about one event into one
// sourced account, a parallax.Brief.
//
// Build runs the pipeline: each article's text is analysed (normalized,
// cleaned of boilerplate, split into sentences and tokens), sentences of
// different articles that report the same information are aligned, and
// from that alignment come the summary (sentences chosen for importance and
// for how many outlets support them, each citing every outlet that reports
// its information), what all outlets agree on, what only one reports, where
// aligned reports conflict, and the quote ledger.
package brief
