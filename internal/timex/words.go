package timex

var (
	months = map[string]int{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	}
	fullMonth = [...]string{"", "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}

	// weekdays holds time.Weekday numbers.
	weekdays = map[string]int{
		"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
	}
	fullWeekday = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

	partOfDay = set("morning", "afternoon", "evening", "night")

	seasons = set("spring", "summer", "fall", "autumn", "winter")

	// monthCues are the words after which a month name alone is a month.
	monthCues = set("in", "since", "until", "till", "by", "from", "during", "before", "after",
		"through", "throughout", "of", "mid", "last", "next", "this", "early", "late", "between")

	// yearCues are the words after which a four-digit number is a year.
	yearCues = set("in", "since", "until", "till", "by", "from", "during", "before", "after",
		"through", "throughout", "of", "early", "late", "mid", "circa", "year", "around", "between")

	// futureCues are the words that make a clause tell the future.
	futureCues = set("will", "ll", "shall", "would", "scheduled", "expected", "plan", "plans", "planned",
		"due", "upcoming", "going", "set", "aim", "aims", "intend", "intends", "hope", "hopes", "hoped", "hoping")

	// reporting verbs end the look back for a tense: in "said on Thursday
	// it would", the day dates the saying.
	reporting = set("said", "says", "told", "announced", "reported", "stated", "wrote", "tweeted", "added")

	numberWords = map[string]int{
		"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
		"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		// Counts with no value: found, never resolved.
		"several": 0, "few": 0, "many": 0, "some": 0,
	}

	zones = set("gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pt", "pst", "pdt",
		"ct", "cst", "cdt", "mt", "mst", "mdt", "jst", "ist")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
