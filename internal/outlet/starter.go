package outlet

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/parallax-news/parallax"
)

// starterCSV is feeds/outlets.csv, kept here to be embedded; a test fails
// when the two differ or when they disagree with feeds/starter.opml.
//
//go:embed starter.csv
var starterCSV []byte

// Starter returns the profiles shipped with Parallax: the outlets of the
// starter feed list (feeds/starter.opml, feeds/outlets.csv) with their
// domains, country and kind of ownership. Each call returns a new slice.
func Starter() []parallax.OutletProfile {
	ps, problems, err := Read(bytes.NewReader(starterCSV), "starter table")
	if err != nil || len(problems) > 0 {
		// The test of the table keeps this from happening.
		panic(fmt.Sprintf("outlet: the embedded starter table is broken: %v %v", err, problems))
	}
	return ps
}

// sharedDomains are registrable domains under which several outlets
// publish (ABC News at abcnews.go.com, The Times of India at
// timesofindia.indiatimes.com): an outlet there is known by its full host.
var sharedDomains = map[string]bool{"go.com": true, "indiatimes.com": true}

// feedHosts are domains that only serve another company's feeds
// (feeds.feedburner.com, Dow Jones's feeds.a.dj.com): no article of the
// outlet is found there.
var feedHosts = map[string]bool{"feedburner.com": true, "dj.com": true}

// FromOPML makes the profiles of the outlets of an OPML feed list such as
// feeds/starter.opml: one per feed outline, in document order, named by
// its title (else its text), with the domains of its site and feed
// addresses (their registrable domains, the full host under a domain
// several outlets share, none for a feed-hosting service), and the
// country and ownership kind its category attribute gives as
// "country/X,ownership/Y". Outlines with the name of an earlier one are
// merged into it.
func FromOPML(r io.Reader) ([]parallax.OutletProfile, error) {
	d := xml.NewDecoder(io.LimitReader(r, MaxBytes))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var out []parallax.OutletProfile
	index := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("outlets: opml: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !strings.EqualFold(se.Name.Local, "outline") {
			continue
		}
		attr := map[string]string{}
		for _, a := range se.Attr {
			attr[strings.ToLower(a.Name.Local)] = strings.TrimSpace(a.Value)
		}
		if attr["xmlurl"] == "" {
			continue
		}
		name := attr["title"]
		if name == "" {
			name = attr["text"]
		}
		p := parallax.OutletProfile{Name: name, Domains: []string{}}
		for _, c := range strings.Split(attr["category"], ",") {
			c = strings.TrimSpace(c)
			if v, ok := strings.CutPrefix(c, "country/"); ok {
				p.Country = v
			} else if v, ok := strings.CutPrefix(c, "ownership/"); ok {
				p.Ownership = v
			}
		}
		for _, u := range []string{attr["htmlurl"], attr["xmlurl"]} {
			if dom := siteDomain(hostOf(u)); dom != "" && !contains(p.Domains, dom) {
				p.Domains = append(p.Domains, dom)
			}
		}
		if i, ok := index[nameKey(name)]; ok {
			for _, dom := range p.Domains {
				if !contains(out[i].Domains, dom) {
					out[i].Domains = append(out[i].Domains, dom)
				}
			}
			continue
		}
		index[nameKey(name)] = len(out)
		out = append(out, p)
	}
	return out, nil
}

// siteDomain returns the domain that stands for a host in a profile.
func siteDomain(host string) string {
	if host == "" {
		return ""
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return ""
	}
	switch {
	case feedHosts[reg]:
		return ""
	case sharedDomains[reg]:
		return strings.TrimPrefix(host, "www.")
	}
	return reg
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WriteCSV writes profiles as a CSV table with the header Columns, domains
// and labels separated by ";".
func WriteCSV(w io.Writer, profiles []parallax.OutletProfile) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for _, p := range profiles {
		if err := cw.Write([]string{p.Name, strings.Join(p.Domains, ";"), p.Country, p.Ownership, strings.Join(p.Labels, ";")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
