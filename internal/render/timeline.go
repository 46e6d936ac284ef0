package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/timex"
)

// writeTimeline writes the brief's Timeline section in Markdown: one line
// per entry, "date — the happening [sources]", the date as the text gives
// it when it could not be placed, and the day it was first reported when
// that is not the day it happened. cite numbers the sources; evidence, when
// not nil, prints each cited outlet's words under the entry.
func writeTimeline(sb *strings.Builder, b *parallax.Brief, cite func([]string) string, evidence func(string, parallax.Statement)) {
	sb.WriteString("\n## Timeline\n\n")
	if len(b.Timeline) == 0 {
		sb.WriteString("No dated happening was found.\n")
		return
	}
	for _, e := range b.Timeline {
		fmt.Fprintf(sb, "- **%s** — %s %s%s\n", timelineDate(e), oneLine(e.Text), cite(e.Sources), reportedNote(e))
		if evidence != nil {
			evidence("  ", parallax.Statement{Text: e.Text, Sources: e.Sources, Evidence: e.Evidence})
		}
	}
}

// timelineDate shows an entry's date for people: "15 March 2017", "March
// 2017", "2016", "15 March 2017, 14:30"; "13 February" or "July" when the
// year is not known; the words of the text, marked as such, when the date
// could not be placed ("Thursday (as written)"). "Since" or "until" comes
// first when the date opens or closes a period.
func timelineDate(e parallax.TimelineEntry) string {
	d, err := timex.ParseDate(e.Date)
	if err != nil || d.Precision == timex.Unknown {
		return oneLine(e.Written) + " (as written)"
	}
	month := ""
	if d.Month >= 1 && d.Month <= 12 {
		month = time.Month(d.Month).String()
	}
	var s string
	switch d.Precision {
	case timex.Year:
		s = fmt.Sprint(d.Year)
	case timex.Month:
		s = month
	default:
		s = fmt.Sprintf("%d %s", d.Day, month)
	}
	if d.Year != 0 && d.Precision != timex.Year {
		s += fmt.Sprintf(" %d", d.Year)
	}
	if d.Precision == timex.Minute {
		s += fmt.Sprintf(", %02d:%02d", d.Hour, d.Minute)
	}
	switch e.Kind {
	case "since":
		s = "since " + s
	case "until":
		s = "until " + s
	}
	return s
}

// reportedNote says when the happening was first reported, when that day
// is known and is not the happening's own: " (reported 31 March 2017)".
func reportedNote(e parallax.TimelineEntry) string {
	t, err := time.Parse(time.RFC3339, e.Reported)
	if err != nil {
		return ""
	}
	day := t.UTC().Format("2006-01-02")
	if strings.HasPrefix(e.Date, day) {
		return ""
	}
	return fmt.Sprintf(" (reported %d %s %d)", t.UTC().Day(), t.UTC().Month(), t.UTC().Year())
}

// An htmlTimelineEntry is one line of the HTML page's timeline.
type htmlTimelineEntry struct {
	Date     string // as shown
	Datetime string // machine-readable, "" when the date is not placed
	Reported string // " (reported ...)" or ""
	htmlStatement
}

// timeline makes the HTML page's timeline entries, registering their
// evidence spans to be marked in the source texts.
func (pb *pageBuilder) timeline(b *parallax.Brief) []htmlTimelineEntry {
	var out []htmlTimelineEntry
	for _, e := range b.Timeline {
		h := htmlTimelineEntry{
			Date:          timelineDate(e),
			Reported:      strings.TrimSpace(reportedNote(e)),
			htmlStatement: pb.statement(parallax.Statement{Text: e.Text, Sources: e.Sources, Evidence: e.Evidence}),
		}
		if d, err := timex.ParseDate(e.Date); err == nil && d.Precision != timex.Unknown && d.Year != 0 {
			h.Datetime = e.Date
		}
		out = append(out, h)
	}
	return out
}
