package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// The charts are SVG written here by hand, inline in the page: no script,
// no image request. Every piece of text in them passes through esc; the
// colours come from the stylesheet's classes, so the charts follow the
// page's light and dark themes and no style attribute is needed.

// esc escapes s for SVG text or a quoted attribute value.
func esc(s string) string { return template.HTMLEscapeString(s) }

// short cuts s to n characters, marking the cut.
func short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// A matrixRow is one statement of the agreement matrix.
type matrixRow struct {
	Code    string
	Text    string
	Sources []string
}

// A matrixCol is one outlet of the agreement matrix.
type matrixCol struct {
	Name string
}

// Matrix limits: a wider or taller heat map is unreadable; the page says
// what was left out.
const (
	maxMatrixRows = 40
	maxMatrixCols = 40
)

// matrixSVG draws the claims-by-outlets heat map: one row per statement,
// one column per outlet, each cell shaded by the share of the outlet's
// articles that report the statement, a dot where the statement's words
// were taken from. note says what was left out, if anything.
func matrixSVG(rows []matrixRow, cols []matrixCol, b *parallax.Brief) (template.HTML, string) {
	if len(rows) == 0 || len(cols) == 0 {
		return "", ""
	}
	var notes []string
	if len(rows) > maxMatrixRows {
		notes = append(notes, fmt.Sprintf("the first %d of %d statements", maxMatrixRows, len(rows)))
		rows = rows[:maxMatrixRows]
	}
	if len(cols) > maxMatrixCols {
		notes = append(notes, fmt.Sprintf("the %d outlets with the most articles of %d", maxMatrixCols, len(cols)))
	}
	// Outlet of each source, and articles per outlet.
	colOf := map[string]int{}
	for i, c := range cols {
		colOf[c.Name] = i
	}
	srcCol := map[string]int{}
	perCol := make([]int, len(cols))
	for _, s := range b.Sources {
		if s.SetAside != "" {
			continue
		}
		if i, ok := colOf[outletName(s)]; ok {
			srcCol[s.ID] = i
			perCol[i]++
		}
	}
	order := make([]int, len(cols))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return perCol[order[a]] > perCol[order[b]] })
	if len(order) > maxMatrixCols {
		order = order[:maxMatrixCols]
		sort.Ints(order)
	}

	const cell, labelW, headH, padR = 22, 44, 118, 80
	w := max(labelW+len(order)*cell+padR, 340) // room for the legend
	h := headH + len(rows)*cell + 40
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart matrix" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="matrix-t matrix-d">`, w, h, w, h)
	sb.WriteString(`<title id="matrix-t">Claims by outlets</title>`)
	fmt.Fprintf(&sb, `<desc id="matrix-d">%d statements by %d outlets; a cell is darker the more of the outlet's articles report the statement.</desc>`, len(rows), len(order))
	for x, ci := range order {
		cx := labelW + x*cell + cell/2
		fmt.Fprintf(&sb, `<text class="col" transform="translate(%d %d) rotate(-60)">%s<title>%s: %d %s</title></text>`,
			cx+4, headH-6, esc(short(cols[ci].Name, 20)), esc(cols[ci].Name), perCol[ci], plural(perCol[ci], "article", "articles"))
	}
	for y, row := range rows {
		ry := headH + y*cell
		fmt.Fprintf(&sb, `<text class="row" x="%d" y="%d" text-anchor="end">%s<title>%s</title></text>`, labelW-6, ry+cell/2+4, esc(row.Code), esc(row.Text))
		support := make([]int, len(cols))
		seen := map[string]bool{}
		for _, id := range row.Sources {
			if i, ok := srcCol[id]; ok && !seen[id] {
				seen[id] = true
				support[i]++
			}
		}
		origin := -1
		if len(row.Sources) > 0 {
			if i, ok := srcCol[row.Sources[0]]; ok {
				origin = i
			}
		}
		// Empty cells are the row's background; only reported ones are
		// drawn, so a wide story's page stays small.
		fmt.Fprintf(&sb, `<rect class="e" x="%d" y="%d" width="%d" height="%d" rx="2"/>`, labelW+1, ry+1, len(order)*cell-2, cell-2)
		for x, ci := range order {
			cx := labelW + x*cell
			share := 0.0
			if perCol[ci] > 0 {
				share = float64(support[ci]) / float64(perCol[ci])
			}
			tip := fmt.Sprintf("%s · %s: %d of %d %s", row.Code, cols[ci].Name, support[ci], perCol[ci], plural(perCol[ci], "article", "articles"))
			if share > 0 {
				fmt.Fprintf(&sb, `<rect class="c" x="%d" y="%d" width="%d" height="%d" rx="2" fill-opacity="%.2f"><title>%s</title></rect>`, cx+1, ry+1, cell-2, cell-2, 0.25+0.75*share, esc(tip))
			}
			if ci == origin {
				fmt.Fprintf(&sb, `<circle class="origin" cx="%d" cy="%d" r="3.5"><title>%s</title></circle>`, cx+cell/2, ry+cell/2, esc(row.Code+": the words are taken from "+cols[ci].Name))
			}
		}
	}
	ly := headH + len(rows)*cell + 22
	fmt.Fprintf(&sb, `<rect class="e" x="%d" y="%d" width="12" height="12" rx="2"/><text class="legend" x="%d" y="%d">none</text>`, labelW, ly-10, labelW+16, ly)
	fmt.Fprintf(&sb, `<rect class="c" x="%d" y="%d" width="12" height="12" rx="2" fill-opacity="0.45"/><text class="legend" x="%d" y="%d">some</text>`, labelW+56, ly-10, labelW+72, ly)
	fmt.Fprintf(&sb, `<rect class="c" x="%d" y="%d" width="12" height="12" rx="2"/><text class="legend" x="%d" y="%d">all of the outlet’s articles</text>`, labelW+114, ly-10, labelW+130, ly)
	sb.WriteString(`</svg>`)
	note := ""
	if len(notes) > 0 {
		note = "Showing " + strings.Join(notes, " and ") + "."
	}
	return template.HTML(sb.String()), note
}

// bucketSizes are the widths the coverage chart's columns may take.
var bucketSizes = []time.Duration{time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour, 30 * 24 * time.Hour}

// Coverage chart limits.
const (
	maxBuckets         = 48
	maxCoverageOutlets = 20
)

// coverageSVG draws articles per outlet over time: a row per outlet, a
// column per hour (or per longer step when the story is long), each cell
// shaded by its number of articles.
func coverageSVG(arts []datedArticle) template.HTML {
	if len(arts) == 0 {
		return ""
	}
	first, last := arts[0].t, arts[0].t
	perOutlet := map[string]int{}
	for _, a := range arts {
		if a.t.Before(first) {
			first = a.t
		}
		if a.t.After(last) {
			last = a.t
		}
		perOutlet[a.outlet]++
	}
	step := bucketSizes[len(bucketSizes)-1]
	for _, d := range bucketSizes {
		if int(last.Sub(first.Truncate(d))/d)+1 <= maxBuckets {
			step = d
			break
		}
	}
	start := first.Truncate(step)
	n := int(last.Sub(start)/step) + 1
	if n > maxBuckets*8 {
		n = maxBuckets * 8 // a story over years: the rest is cut off
	}
	outlets := make([]string, 0, len(perOutlet))
	for o := range perOutlet {
		outlets = append(outlets, o)
	}
	sort.Slice(outlets, func(i, j int) bool {
		if perOutlet[outlets[i]] != perOutlet[outlets[j]] {
			return perOutlet[outlets[i]] > perOutlet[outlets[j]]
		}
		return outlets[i] < outlets[j]
	})
	other := ""
	if len(outlets) > maxCoverageOutlets {
		outlets = outlets[:maxCoverageOutlets-1]
		other = fmt.Sprintf("%d other outlets", len(perOutlet)-len(outlets))
	}
	rowOf := map[string]int{}
	for i, o := range outlets {
		rowOf[o] = i
	}
	nrows := len(outlets)
	if other != "" {
		nrows++
	}
	grid := make([][]int, nrows)
	for i := range grid {
		grid[i] = make([]int, n)
	}
	most := 0
	for _, a := range arts {
		r, ok := rowOf[a.outlet]
		if !ok {
			r = nrows - 1
		}
		c := int(a.t.Sub(start) / step)
		if c >= n {
			continue
		}
		grid[r][c]++
		most = max(most, grid[r][c])
	}
	labels := append([]string(nil), outlets...)
	if other != "" {
		labels = append(labels, other)
	}

	const labelW, rowH, axisH = 150, 20, 34
	cw := max(6, min(22, 620/n))
	w := labelW + n*cw + 20
	h := nrows*rowH + axisH + 8
	unit := stepName(step)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart coverage" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="coverage-t coverage-d">`, w, h, w, h)
	fmt.Fprintf(&sb, `<title id="coverage-t">Articles per outlet per %s</title>`, esc(unit))
	fmt.Fprintf(&sb, `<desc id="coverage-d">%d dated articles from %s to %s, one row per outlet, one column per %s.</desc>`, len(arts), esc(fmtTime(first)), esc(fmtTime(last)), esc(unit))
	for r, label := range labels {
		y := r * rowH
		fmt.Fprintf(&sb, `<text class="row" x="%d" y="%d" text-anchor="end">%s<title>%s</title></text>`, labelW-6, y+rowH/2+4, esc(short(label, 22)), esc(label))
		fmt.Fprintf(&sb, `<rect class="e" x="%d" y="%d" width="%d" height="%d"/>`, labelW, y+1, n*cw-1, rowH-2)
		for c := 0; c < n; c++ {
			x := labelW + c*cw
			k := grid[r][c]
			if k == 0 {
				continue
			}
			from := start.Add(time.Duration(c) * step)
			tip := fmt.Sprintf("%s, %s: %d %s", label, bucketName(from, step), k, plural(k, "article", "articles"))
			fmt.Fprintf(&sb, `<rect class="c" x="%d" y="%d" width="%d" height="%d" fill-opacity="%.2f"><title>%s</title></rect>`, x, y+1, cw-1, rowH-2, 0.3+0.7*float64(k)/float64(most), esc(tip))
		}
	}
	ay := nrows * rowH
	fmt.Fprintf(&sb, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, labelW, ay+2, labelW+n*cw, ay+2)
	every := max(1, (n+5)/6, (96+cw-1)/cw) // a label every 96 px at least
	for c := 0; c < n; c += every {
		x := labelW + c*cw
		fmt.Fprintf(&sb, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/><text class="tick" x="%d" y="%d">%s</text>`, x, ay+2, x, ay+7, x, ay+20, esc(tickName(start.Add(time.Duration(c)*step), step)))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

func stepName(d time.Duration) string {
	switch {
	case d == time.Hour:
		return "hour"
	case d < 24*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	case d == 24*time.Hour:
		return "day"
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}

func bucketName(from time.Time, step time.Duration) string {
	if step < 24*time.Hour {
		return from.Format("2 Jan 15:04") + "–" + from.Add(step).Format("15:04 UTC")
	}
	return from.Format("2 Jan 2006")
}

func tickName(t time.Time, step time.Duration) string {
	if step < 24*time.Hour {
		return t.Format("2 Jan 15h")
	}
	return t.Format("2 Jan")
}

// timelineSVG draws the timeline's happenings on a time axis: a mark per
// dated happening (a bar across a month or a year), labelled with its row
// in the list below, and the time the story was reported as a band, so
// when things happened stands apart from when they were told. Happenings
// without a year are listed, not drawn.
func timelineSVG(entries []happeningView, reportedFirst, reportedLast time.Time) template.HTML {
	var placed []happeningView
	for _, e := range entries {
		if !e.at.IsZero() {
			placed = append(placed, e)
		}
	}
	if len(placed) == 0 {
		return ""
	}
	first, last := placed[0].at, placed[0].until
	for _, e := range placed {
		first, last = minTime(first, e.at), maxTime(last, e.until)
	}
	if !reportedFirst.IsZero() {
		first, last = minTime(first, reportedFirst), maxTime(last, reportedLast)
	}
	pad := last.Sub(first) / 20
	if pad < time.Hour {
		pad = time.Hour
	}
	first, last = first.Add(-pad), last.Add(pad)
	const w, left, right, rowH = 680, 20, 20, 16
	span := float64(last.Sub(first))
	xOf := func(t time.Time) int {
		return left + int(float64(t.Sub(first))/span*float64(w-left-right))
	}
	// Marks that would touch go on separate rows.
	rowEnd := []int{}
	type mark struct {
		x1, x2, row int
		e           happeningView
	}
	var marks []mark
	for _, e := range placed {
		x1, x2 := xOf(e.at), max(xOf(e.until), xOf(e.at)+6)
		row := 0
		for row < len(rowEnd) && rowEnd[row] > x1 {
			row++
		}
		if row == len(rowEnd) {
			rowEnd = append(rowEnd, 0)
		}
		rowEnd[row] = max(x2, x1+28)
		marks = append(marks, mark{x1, x2, row, e})
	}
	rows := min(len(rowEnd), 12)
	top := 8
	axisY := top + rows*rowH + 30
	h := axisY + 34
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="timeline-t timeline-d">`, w, h, w, h)
	sb.WriteString(`<title id="timeline-t">When things happened, and when they were reported</title>`)
	fmt.Fprintf(&sb, `<desc id="timeline-d">%d dated happenings from %s to %s.</desc>`, len(placed), esc(placed[0].When), esc(placed[len(placed)-1].When))
	if !reportedFirst.IsZero() {
		x1, x2 := xOf(reportedFirst), max(xOf(reportedLast), xOf(reportedFirst)+3)
		fmt.Fprintf(&sb, `<rect class="reported" x="%d" y="%d" width="%d" height="%d"><title>%s</title></rect>`, x1, axisY-12, x2-x1, 12,
			esc("Reported: "+timeSpan(reportedFirst, reportedLast)))
		fmt.Fprintf(&sb, `<text class="legend" x="%d" y="%d">reported</text>`, min(x1, w-right-50), axisY-16)
	}
	fmt.Fprintf(&sb, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, left, axisY, w-right, axisY)
	for i := 0; i <= 4; i++ {
		t := first.Add(time.Duration(float64(last.Sub(first)) * float64(i) / 4))
		x := xOf(t)
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case 4:
			anchor = "end"
		}
		label := t.Format("2 Jan 2006")
		switch d := last.Sub(first); {
		case d < 3*24*time.Hour:
			label = t.Format("2 Jan 15:04")
		case d > 3*365*24*time.Hour:
			label = t.Format("2006")
		}
		fmt.Fprintf(&sb, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/><text class="tick" x="%d" y="%d" text-anchor="%s">%s</text>`, x, axisY, x, axisY+5, x, axisY+20, anchor, esc(label))
	}
	for _, m := range marks {
		if m.row >= rows {
			continue
		}
		y := top + (rows-1-m.row)*rowH
		tip := m.e.Code + " · " + m.e.When + ": " + short(m.e.Text, 200)
		fmt.Fprintf(&sb, `<g><title>%s</title><rect class="c" x="%d" y="%d" width="%d" height="6" rx="3"/><text class="row" x="%d" y="%d">%s</text><line class="stem" x1="%d" y1="%d" x2="%d" y2="%d"/></g>`,
			esc(tip), m.x1, y+8, m.x2-m.x1, m.x1, y+6, esc(m.e.Code), m.x1, y+14, m.x1, axisY)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
