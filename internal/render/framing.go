package render

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
)

// leadWords is the length of a lead in the framing table.
const leadWords = 12

// carriedNote returns the Markdown note of which kinds of outlets carry a
// statement, " _(only state-controlled outlets report this)_", or "".
func carriedNote(st parallax.Statement) string {
	if st.CarriedBy == "" {
		return ""
	}
	return " _(" + mdCell(st.CarriedBy) + ")_"
}

// writeFraming writes the brief's Framing section in Markdown: a compact
// table, one row per outlet, then each outlet's details. cite numbers
// sources.
func writeFraming(sb *strings.Builder, b *parallax.Brief, num map[string]int, cite func([]string) string) {
	if len(b.Framing) == 0 {
		return
	}
	sb.WriteString("\n## Framing\n\n")
	sb.WriteString("How each outlet tells the story, in its own words: what it says first, the verbs it attributes speech with, " +
		"its hedges, what most other reports carry that it leaves out, what only it reports, whom it quotes and how much, " +
		"and the outlets and documents it credits.\n\n")
	sb.WriteString("| Outlet | Lead | Verbs | Hedges | Leaves out | Only here | Voices | Credits |\n")
	sb.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, f := range b.Framing {
		fmt.Fprintf(sb, "| [%d] %s | %s | %s | %s | %d | %d | %s | %s |\n", num[f.Source], mdCell(framingOutlet(f)),
			mdCell(shortLead(f.LeadText)), mdCell(verbSummary(f.Verbs, 3)), mdCell(hedgeSummary(f.Hedges)),
			len(f.LeavesOut), len(f.OnlyHere), mdCell(voiceSummary(f.Voices, 3)), mdCell(creditSummary(f.Credits)))
	}
	for _, f := range b.Framing {
		fmt.Fprintf(sb, "\n### [%d] %s\n\n", num[f.Source], oneLine(framingOutlet(f)))
		if f.LeadText != "" {
			fmt.Fprintf(sb, "- Lead: %s\n", oneLine(f.LeadText))
		}
		if len(f.Verbs) > 0 {
			var parts []string
			for _, v := range f.Verbs {
				parts = append(parts, fmt.Sprintf("%s (%s)", v.Verb, nameCounts(v.Speakers)))
			}
			fmt.Fprintf(sb, "- Attributes with: %s\n", strings.Join(parts, "; "))
		}
		if len(f.Hedges) > 0 {
			fmt.Fprintf(sb, "- Hedges: %s\n", hedgeSummary(f.Hedges))
		}
		if len(f.Voices) > 0 {
			var parts []string
			for _, v := range f.Voices {
				parts = append(parts, fmt.Sprintf("%s %s (%d %s, %d %s)", voiceName(v.Speaker), percent(v.Share),
					v.Quotes, plural(v.Quotes, "quotation"), v.Words, plural(v.Words, "word")))
			}
			fmt.Fprintf(sb, "- Quotes: %s\n", strings.Join(parts, "; "))
		} else {
			sb.WriteString("- Quotes no one.\n")
		}
		if len(f.Unheard) > 0 {
			var parts []string
			for _, u := range f.Unheard {
				parts = append(parts, oneLine(u.Speaker)+" "+cite(u.QuotedBy))
			}
			fmt.Fprintf(sb, "- Does not quote, as others do: %s\n", strings.Join(parts, ", "))
		}
		if len(f.Credits) > 0 {
			var parts []string
			for _, c := range f.Credits {
				parts = append(parts, fmt.Sprintf("%s (%s)", oneLine(c.Name), c.Cue))
			}
			fmt.Fprintf(sb, "- Credits: %s\n", strings.Join(parts, ", "))
		}
		if len(f.LeavesOut) > 0 {
			sb.WriteString("- Leaves out what most other reports carry:\n")
			for _, st := range f.LeavesOut {
				fmt.Fprintf(sb, "  - %s %s%s\n", oneLine(st.Text), cite(st.Sources), carriedNote(st))
			}
		}
		if len(f.OnlyHere) > 0 {
			sb.WriteString("- Only here:\n")
			for _, st := range f.OnlyHere {
				fmt.Fprintf(sb, "  - %s%s\n", oneLine(st.Text), carriedNote(st))
			}
		}
	}
}

// framingOutlet names an outlet with its profile: "Sputnik
// (state-controlled, Russia)".
func framingOutlet(f parallax.OutletFraming) string {
	name := f.Outlet
	if name == "" {
		name = f.Source
	}
	if facts := ProfileText(f.Profile); facts != "" {
		name += " (" + facts + ")"
	}
	return name
}

// ProfileText returns an outlet profile's facts on one line, ownership,
// country and labels in that order ("state-controlled, Russia"), or ""
// for none.
func ProfileText(p *parallax.OutletProfile) string {
	if p == nil {
		return ""
	}
	var facts []string
	for _, x := range append([]string{p.Ownership, p.Country}, p.Labels...) {
		if x = oneLine(x); x != "" {
			facts = append(facts, x)
		}
	}
	return strings.Join(facts, ", ")
}

// LeadSpan returns the span of an outlet's lead, from its first sentence
// to its last, or nil when it has none.
func LeadSpan(f parallax.OutletFraming) *parallax.Span {
	if len(f.Lead) == 0 {
		return nil
	}
	sp := f.Lead[0]
	sp.End = f.Lead[len(f.Lead)-1].End
	return &sp
}

// shortLead returns the first words of a lead.
func shortLead(s string) string {
	w := strings.Fields(s)
	if len(w) <= leadWords {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:leadWords], " ") + " …"
}

// verbSummary lists the most used verbs with their counts: "said 11,
// told 2, claims 1".
func verbSummary(vs []parallax.VerbUse, n int) string {
	var parts []string
	for i, v := range vs {
		if i == n {
			parts = append(parts, fmt.Sprintf("+%d more", len(vs)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", v.Verb, v.Count))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}

// hedgeSummary counts the hedges by word, in order of first use:
// "alleged 2, could 1".
func hedgeSummary(hs []parallax.Hedge) string {
	var words []string
	count := map[string]int{}
	for _, h := range hs {
		if count[h.Word] == 0 {
			words = append(words, h.Word)
		}
		count[h.Word]++
	}
	if len(words) == 0 {
		return "–"
	}
	var parts []string
	for _, w := range words {
		parts = append(parts, fmt.Sprintf("%s %d", w, count[w]))
	}
	return strings.Join(parts, ", ")
}

// voiceSummary lists the largest voices with their shares: "Angus King
// 55%, Donald Trump 26%".
func voiceSummary(vs []parallax.Voice, n int) string {
	var parts []string
	for i, v := range vs {
		if i == n {
			parts = append(parts, fmt.Sprintf("+%d more", len(vs)-n))
			break
		}
		parts = append(parts, voiceName(v.Speaker)+" "+percent(v.Share))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}

// creditSummary counts the credits by name, in order of first credit:
// "NBC 2, CNN 1, a statement 1".
func creditSummary(cs []parallax.Credit) string {
	var names []string
	count := map[string]int{}
	shown := map[string]string{}
	for _, c := range cs {
		k := strings.ToLower(strings.TrimPrefix(oneLine(c.Name), "the "))
		k = strings.TrimPrefix(k, "the ")
		if count[k] == 0 {
			names = append(names, k)
			shown[k] = oneLine(c.Name)
		}
		count[k]++
	}
	if len(names) == 0 {
		return "–"
	}
	var parts []string
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%s %d", shown[k], count[k]))
	}
	return strings.Join(parts, ", ")
}

func nameCounts(ns []parallax.NameCount) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, fmt.Sprintf("%s %d", voiceName(n.Name), n.Count))
	}
	return strings.Join(parts, ", ")
}

// voiceName shows a speaker, "unattributed" for none.
func voiceName(s string) string {
	if s = oneLine(s); s == "" {
		return "unattributed"
	}
	return s
}

func percent(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

// mdCell makes text safe in a Markdown table cell: one line, pipes
// escaped.
func mdCell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }

// The HTML page's framing.

// An htmlFraming is one outlet's framing on the HTML page.
type htmlFraming struct {
	Num       int
	Outlet    string
	Profile   string // "state-controlled, Russia", or ""
	Lead      string
	LeadCite  htmlCite
	Verbs     []htmlVerb
	Hedges    string
	Voices    []htmlVoice
	Unheard   []htmlUnheard
	Credits   []htmlCredit
	LeavesOut []htmlStatement
	OnlyHere  []htmlStatement
}

type htmlVerb struct {
	Verb     string
	Count    int
	Speakers string
}

type htmlVoice struct {
	Speaker string
	Share   string
	Quotes  int
	Words   int
	Width   string // the bar's width, "55%"
}

type htmlUnheard struct {
	Speaker string
	By      []htmlCite
}

type htmlCredit struct {
	Name string
	Kind string
	Cue  string
	Cite htmlCite
}

// framing makes the page's framing, registering its spans to be marked in
// the source texts.
func (pb *pageBuilder) framing(b *parallax.Brief) []htmlFraming {
	var out []htmlFraming
	for _, f := range b.Framing {
		h := htmlFraming{Outlet: oneLine(f.Outlet), Lead: oneLine(f.LeadText), Hedges: hedgeSummary(f.Hedges)}
		if ps := pb.byID[f.Source]; ps != nil {
			h.Num = ps.num
			h.Outlet = outletName(ps.src)
		}
		h.Profile = ProfileText(f.Profile)
		if sp := LeadSpan(f); sp != nil {
			h.LeadCite = pb.cite(f.Source, sp)
		}
		for _, v := range f.Verbs {
			h.Verbs = append(h.Verbs, htmlVerb{Verb: v.Verb, Count: v.Count, Speakers: nameCounts(v.Speakers)})
		}
		for _, v := range f.Voices {
			h.Voices = append(h.Voices, htmlVoice{Speaker: voiceName(v.Speaker), Share: percent(v.Share), Quotes: v.Quotes,
				Words: v.Words, Width: fmt.Sprintf("%.0f%%", 100*v.Share)})
		}
		for _, u := range f.Unheard {
			hu := htmlUnheard{Speaker: oneLine(u.Speaker)}
			for _, id := range u.QuotedBy {
				hu.By = append(hu.By, pb.cite(id, nil))
			}
			h.Unheard = append(h.Unheard, hu)
		}
		for _, c := range f.Credits {
			sp := c.Span
			h.Credits = append(h.Credits, htmlCredit{Name: oneLine(c.Name), Kind: c.Kind, Cue: c.Cue, Cite: pb.cite(f.Source, &sp)})
		}
		for _, st := range f.LeavesOut {
			h.LeavesOut = append(h.LeavesOut, pb.statement(st))
		}
		for _, st := range f.OnlyHere {
			h.OnlyHere = append(h.OnlyHere, pb.statement(st))
		}
		out = append(out, h)
	}
	return out
}
