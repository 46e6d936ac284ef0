package render

import (
	"embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/parallax-news/parallax"
)

// maxPeopleShown caps the people the Markdown and HTML lists name one by
// one; beyond it, only people mentioned twice or quoted are named.
const maxPeopleShown = 30

// ShownPeople returns the persons of b to list one by one (all of them up
// to 30, else those mentioned twice or quoted), and the names of its
// organizations and places, in the brief's order.
func ShownPeople(b *parallax.Brief) (persons []parallax.Person, orgs, places []string) {
	var all []parallax.Person
	for _, p := range b.People {
		switch p.Kind {
		case "organization":
			orgs = append(orgs, oneLine(p.Name))
		case "place":
			places = append(places, oneLine(p.Name))
		default:
			all = append(all, p)
		}
	}
	if len(all) <= maxPeopleShown {
		return all, orgs, places
	}
	for _, p := range all {
		if len(p.Mentions) > 1 || len(p.QuotedBy) > 0 {
			persons = append(persons, p)
		}
	}
	return persons, orgs, places
}

// RoleText describes a person's role for readers: "spokesman (White
// House)", "lawyer of Michael Flynn".
func RoleText(r parallax.Role) string {
	s := oneLine(r.Role)
	if r.Organization != "" {
		s += " (" + oneLine(r.Organization) + ")"
	}
	if r.Of != "" {
		s += " of " + oneLine(r.Of)
	}
	return s
}

// writePeople writes the People section: each person with roles, other
// names and the outlets that quote them, then the organizations and places.
func writePeople(sb *strings.Builder, b *parallax.Brief, cite func([]string) string) {
	sb.WriteString("\n## People\n\n")
	persons, orgs, places := ShownPeople(b)
	if len(persons) == 0 && len(orgs) == 0 && len(places) == 0 {
		sb.WriteString("No person, organization or place was found.\n")
		return
	}
	for _, p := range persons {
		line := "- **" + oneLine(p.Name) + "**"
		var roles []string
		for _, r := range p.Roles {
			roles = append(roles, RoleText(r)+" "+cite(r.Sources))
		}
		if len(roles) > 0 {
			line += " — " + strings.Join(roles, "; ")
		}
		if len(p.Aliases) > 0 {
			var as []string
			for _, a := range p.Aliases {
				as = append(as, `"`+oneLine(a)+`"`)
			}
			line += " — also " + strings.Join(as, ", ")
		}
		if len(p.QuotedBy) > 0 {
			line += " — quoted by " + cite(p.QuotedBy)
		}
		sb.WriteString(line + "\n")
	}
	if n := len(b.People) - len(persons) - len(orgs) - len(places); n > 0 {
		fmt.Fprintf(sb, "- and %d more %s named once\n", n, plural(n, "person"))
	}
	if len(orgs) > 0 {
		fmt.Fprintf(sb, "\nOrganizations: %s.\n", strings.Join(orgs, ", "))
	}
	if len(places) > 0 {
		fmt.Fprintf(sb, "\nPlaces: %s.\n", strings.Join(places, ", "))
	}
}

// QuoteKindLabel names a quote ledger entry's kind for readers ("partial
// quotation", "indirect speech, the outlet's words"); "" for a whole
// quotation.
func QuoteKindLabel(kind string) string {
	switch kind {
	case parallax.QuotePartial:
		return "partial quotation"
	case parallax.QuoteIndirect:
		return "indirect speech, the outlet's words"
	}
	return ""
}

// QuoteFlagText says what a ledger entry's flag means for q, naming
// sources by their numbers in num.
func QuoteFlagText(q parallax.Quote, flag string, num map[string]int) string {
	switch flag {
	case parallax.FlagSpeakerConflict:
		var who []string
		for i, id := range q.Sources {
			if i < len(q.Speakers) && q.Speakers[i] != "" {
				who = append(who, fmt.Sprintf("[%d] %s", num[id], oneLine(q.Speakers[i])))
			}
		}
		return "outlets give these words to different people: " + strings.Join(who, ", ")
	case parallax.FlagQuotedByOne:
		return "only one outlet puts these words in quotation marks; the others paraphrase"
	}
	return flag
}

// WordChangeText describes one passage a source words differently:
// `"a" became "b"`, `"a" left out`, `"b" added`.
func WordChangeText(c parallax.WordChange) string {
	from, to := oneLine(c.FromText), oneLine(c.ToText)
	switch {
	case c.From != nil && c.To != nil:
		return `"` + from + `" became "` + to + `"`
	case c.From != nil:
		return `"` + from + `" left out`
	}
	return `"` + to + `" added`
}

// writeQuotes writes the quote ledger: each entry with its speaker, kind,
// text and carriers with their forms; under a reworded carrier the changed
// words; under a flagged entry what the flag means.
func writeQuotes(sb *strings.Builder, b *parallax.Brief, num map[string]int) {
	sb.WriteString("\n## Quotes\n\n")
	if len(b.Quotes) == 0 {
		sb.WriteString("No attributed quotation was found.\n")
	}
	for _, q := range b.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		var carried []string
		for i, id := range q.Sources {
			form := ""
			if i < len(q.Forms) && q.Forms[i] != parallax.FormVerbatim && q.Forms[i] != parallax.FormIndirect {
				form = " " + q.Forms[i]
			}
			carried = append(carried, fmt.Sprintf("[%d]%s", num[id], form))
		}
		text := oneLine(q.Text)
		if q.Kind == "" || q.Kind == parallax.QuoteWhole {
			text = `"` + strings.Trim(text, `"“”`) + `"`
		}
		label := ""
		if l := QuoteKindLabel(q.Kind); l != "" {
			label = " (" + l + ")"
		}
		fmt.Fprintf(sb, "- **%s**%s: %s %s\n", oneLine(speaker), label, text, strings.Join(carried, ", "))
		for i, cs := range q.Changes {
			if len(cs) == 0 || i >= len(q.Sources) {
				continue
			}
			var parts []string
			for _, c := range cs {
				parts = append(parts, WordChangeText(c))
			}
			fmt.Fprintf(sb, "  - [%d] words changed: %s\n", num[q.Sources[i]], strings.Join(parts, "; "))
		}
		for _, f := range q.Flags {
			fmt.Fprintf(sb, "  - note: %s\n", QuoteFlagText(q, f, num))
		}
	}
}

// The HTML page's view of the people and the ledger.

type htmlPerson struct {
	Name     string
	Roles    []htmlRole
	Aliases  string
	QuotedBy []htmlCite
}

type htmlRole struct {
	Text  string
	Cites []htmlCite
}

type htmlPeople struct {
	Persons []htmlPerson
	More    int
	Orgs    string
	Places  string
}

type htmlLedger struct {
	Speaker string
	Named   bool
	Kind    string // the kind's label, "" for a whole quotation
	Whole   bool   // the text is the quoted words: the page sets the marks
	Text    string
	Carried []htmlCarried
	Changes []htmlChanges
	Notes   []string
}

type htmlChanges struct {
	Cite  htmlCite
	Items []string
}

// people returns the page's People section.
func (pb *pageBuilder) people(b *parallax.Brief) htmlPeople {
	persons, orgs, places := ShownPeople(b)
	hp := htmlPeople{Orgs: strings.Join(orgs, ", "), Places: strings.Join(places, ", ")}
	hp.More = len(b.People) - len(persons) - len(orgs) - len(places)
	for _, p := range persons {
		h := htmlPerson{Name: oneLine(p.Name)}
		for _, r := range p.Roles {
			hr := htmlRole{Text: RoleText(r)}
			for i, id := range r.Sources {
				hr.Cites = append(hr.Cites, pb.cite(id, evidence(r.Evidence, i)))
			}
			h.Roles = append(h.Roles, hr)
		}
		var as []string
		for _, a := range p.Aliases {
			as = append(as, oneLine(a))
		}
		h.Aliases = strings.Join(as, ", ")
		for _, id := range p.QuotedBy {
			h.QuotedBy = append(h.QuotedBy, pb.cite(id, nil))
		}
		hp.Persons = append(hp.Persons, h)
	}
	return hp
}

// ledger returns the page's quote ledger.
func (pb *pageBuilder) ledger(b *parallax.Brief) []htmlLedger {
	num := make(map[string]int, len(b.Sources))
	for i, s := range b.Sources {
		num[s.ID] = i + 1
	}
	var out []htmlLedger
	for _, q := range b.Quotes {
		hq := htmlLedger{Speaker: oneLine(q.Speaker), Kind: QuoteKindLabel(q.Kind)}
		hq.Whole = hq.Kind == ""
		hq.Text = oneLine(q.Text)
		if hq.Whole {
			hq.Text = strings.Trim(hq.Text, `"“”`)
		}
		hq.Named = hq.Speaker != ""
		if !hq.Named {
			hq.Speaker = "Unattributed"
		}
		for i, id := range q.Sources {
			c := htmlCarried{htmlCite: pb.cite(id, evidence(q.Evidence, i))}
			if i < len(q.Forms) {
				c.Form = q.Forms[i]
			}
			hq.Carried = append(hq.Carried, c)
			if i < len(q.Changes) && len(q.Changes[i]) > 0 {
				hc := htmlChanges{Cite: c.htmlCite}
				for _, ch := range q.Changes[i] {
					hc.Items = append(hc.Items, WordChangeText(ch))
				}
				hq.Changes = append(hq.Changes, hc)
			}
		}
		for _, f := range q.Flags {
			hq.Notes = append(hq.Notes, QuoteFlagText(q, f, num))
		}
		out = append(out, hq)
	}
	return out
}

//go:embed page/people.html
var peopleFS embed.FS

// The People section and the ledger are templates of their own file,
// parsed into the page's template set.
func init() {
	template.Must(pageTemplate.ParseFS(peopleFS, "page/people.html"))
}
