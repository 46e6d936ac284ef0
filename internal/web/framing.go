package web

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/render"
)

// The story page's framing: how each outlet tells the story.

// A framingView is one outlet's framing on the story page.
type framingView struct {
	Num       int
	Outlet    string
	Profile   string // "state-controlled, Russia", or ""
	Lead      string
	LeadCite  citeView
	Verbs     string // "said 11 (Sean Spicer 3, ...); told 1 (...)"
	Hedges    string
	Voices    []voiceView
	Unheard   []unheardView
	Credits   []creditView
	LeavesOut []stmtView
	OnlyHere  []stmtView
	// MoreLeftOut and MoreOnlyHere count the statements not shown.
	MoreLeftOut, MoreOnlyHere int
	// MoreUnheard counts the voices others quote that are not listed.
	MoreUnheard int
}

// In a story of hundreds of outlets, every outlet leaves out the same
// widely reported statements, each carried by hundreds of articles:
// listing them all, with all their citations, for every outlet makes a
// page of megabytes. The framing shows at most this many statements per
// list and this many citations per statement or voice; the rest is
// counted ("and 40 more").
// The page shows the framing of at most framingOutlets outlets, as the
// matrix shows at most 40.
const (
	framingStatements = 8
	framingCites      = 5
	framingOutlets    = 40
)

type voiceView struct {
	Speaker string
	Share   string
	Quotes  int
	Words   int
}

type unheardView struct {
	Speaker string
	By      []citeView
	More    int // citations not shown
}

type creditView struct {
	Name string
	Cue  string
	Cite citeView
}

// framingViews makes the page's framing from the brief; cite makes a
// citation of a source's span, stmt a statement's view.
func framingViews(b *parallax.Brief, cite func(string, *parallax.Span) citeView, stmt func(string, parallax.Statement) stmtView) []framingView {
	var out []framingView
	for _, f := range b.Framing {
		fv := framingView{Outlet: oneLine(f.Outlet), Lead: oneLine(f.LeadText)}
		fv.LeadCite = cite(f.Source, render.LeadSpan(f))
		fv.Num, fv.Outlet = fv.LeadCite.Num, fv.LeadCite.Outlet
		fv.Profile = render.ProfileText(f.Profile)
		var verbs []string
		for _, v := range f.Verbs {
			var who []string
			for _, s := range v.Speakers {
				who = append(who, fmt.Sprintf("%s %d", speakerName(s.Name), s.Count))
			}
			verbs = append(verbs, fmt.Sprintf("%s %d (%s)", oneLine(v.Verb), v.Count, strings.Join(who, ", ")))
		}
		fv.Verbs = strings.Join(verbs, "; ")
		count := map[string]int{}
		var words []string
		for _, h := range f.Hedges {
			if count[h.Word] == 0 {
				words = append(words, h.Word)
			}
			count[h.Word]++
		}
		var hedges []string
		for _, w := range words {
			hedges = append(hedges, fmt.Sprintf("%s %d", oneLine(w), count[w]))
		}
		fv.Hedges = strings.Join(hedges, ", ")
		for _, v := range f.Voices {
			fv.Voices = append(fv.Voices, voiceView{Speaker: speakerName(v.Speaker), Share: fmt.Sprintf("%.0f%%", 100*v.Share),
				Quotes: v.Quotes, Words: v.Words})
		}
		for i, u := range f.Unheard {
			if i == framingStatements {
				fv.MoreUnheard = len(f.Unheard) - i
				break
			}
			uv := unheardView{Speaker: oneLine(u.Speaker)}
			for _, id := range u.QuotedBy {
				if len(uv.By) == framingCites {
					uv.More++
					continue
				}
				uv.By = append(uv.By, cite(id, nil))
			}
			fv.Unheard = append(fv.Unheard, uv)
		}
		for _, c := range f.Credits {
			sp := c.Span
			fv.Credits = append(fv.Credits, creditView{Name: oneLine(c.Name), Cue: oneLine(c.Cue), Cite: cite(f.Source, &sp)})
		}
		fv.LeavesOut, fv.MoreLeftOut = shortList(f.LeavesOut, stmt)
		fv.OnlyHere, fv.MoreOnlyHere = shortList(f.OnlyHere, stmt)
		out = append(out, fv)
	}
	return out
}

// speakerName shows a speaker, "unattributed" for none.
func speakerName(s string) string {
	if s = oneLine(s); s == "" {
		return "unattributed"
	}
	return s
}

// shortList makes the views of at most framingStatements statements, each
// with at most framingCites citations, and counts the statements left out.
func shortList(sts []parallax.Statement, stmt func(string, parallax.Statement) stmtView) ([]stmtView, int) {
	var out []stmtView
	for i, st := range sts {
		if i == framingStatements {
			return out, len(sts) - i
		}
		v := stmt("", st)
		if len(v.Cites) > framingCites {
			v.MoreCites = len(v.Cites) - framingCites
			v.Cites = v.Cites[:framingCites]
		}
		out = append(out, v)
	}
	return out, 0
}
