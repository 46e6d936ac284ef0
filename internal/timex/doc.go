// Package timex finds date and time expressions in English news text and
// resolves them against the article's publication time.
//
// Find returns, for each expression, its byte range in the text, the
// calendar value it names and the precision of that value (a year, a
// month, a day, or a day and a time of day):
//
//	"March 15, 2017", "15 March 2017", "Sept. 24", "2017-03-15"   days
//	"3/15/2017" (only with a four-digit year; M/D unless the first number exceeds 12)
//	"February 2017", "in February", "mid-July", "last September"    months
//	"in 2016", "since 1998", "the 2016 election", "2016's"          years
//	"on Thursday", "yesterday", "tonight", "two weeks ago"          days, relative
//	"last week", "last month", "earlier this year"                  the week's month, months, years
//	"at 3 p.m.", "14:30 GMT" next to a day                          a day and a time of day
//
// Relative expressions (Expr.Relative) need the reference date. When the
// reference is zero they are still reported, with Precision Unknown: a
// value is never guessed. A day or a month written without a year ("March
// 15", "in July") is not relative in that sense: its month and day are
// known, and its Year is 0, meaning "year unknown" (String gives "--03-15"
// or "--07"). When the reference is known, the year is the reference's, or
// the one before when the date would otherwise fall after the reference
// (news tells what has happened), or the one after when the clause speaks
// of the future ("will meet in January"). Weekdays resolve the same way:
// "on Thursday" is the latest Thursday on or before the reference day,
// "will meet on Thursday" the next one after it, "last Thursday" the
// latest one before it.
//
// Left out on purpose: decades ("the 1990s"), seasons, "now" and
// "recently", bare four-digit numbers without a word that makes them a
// year ("2016 votes", "1600 Pennsylvania Avenue", "2,016 people"), bare
// ordinals ("the 31st"), impossible dates ("February 30", which is not
// reported) and years outside 1000-2999. A time of day next to no day is
// reported with Precision Unknown.
//
// "Last week", "this week" and "N weeks ago" name a week; as the package
// has no week precision, "last week" and "this week" resolve to the month
// when the whole week (Monday to Sunday) lies in one month and stay
// Unknown otherwise, and "N weeks ago" resolves to the day 7N days before
// the reference.
//
// LoadLabelled and Score measure Find on the labelled set of
// testdata/dates (see its README); "parallax eval dates" prints the scores.
package timex
