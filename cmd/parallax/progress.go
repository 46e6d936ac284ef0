package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// A progress shows how far a long command has got, on standard error, only
// when that is a terminal: piped or redirected output gets nothing extra.
// The zero value and nil show nothing.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns a bar counting to total (or counting up when total is
// -1) if w is a terminal, else a progress that shows nothing.
func newProgress(w io.Writer, total int, what string) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(what),
		progressbar.OptionThrottle(100_000_000), // redraw at most ten times a second
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)}
}

// Add counts n more items done.
func (p *progress) Add(n int) {
	if p != nil && p.bar != nil {
		p.bar.Add(n)
	}
}

// AddTotal raises the total by n, for work found along the way.
func (p *progress) AddTotal(n int) {
	if p != nil && p.bar != nil {
		p.bar.ChangeMax(p.bar.GetMax() + n)
	}
}

// Done clears the bar.
func (p *progress) Done() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}
