// Package eval measures Parallax's summaries on real data: it reads a
// summarization dataset, runs a summarization method on every story,
// scores each summary with the faithful ROUGE of package rouge, and reports
// means with bootstrap confidence intervals, speed and memory; it also
// compares two methods story by story with a paired significance test.
package eval
