// Package outlet reads tables of outlet profiles (name, web domains,
// country, kind of ownership, labels) and tells which profile an article's
// outlet has: by its URL's domain, else by its outlet name.
//
// A table is CSV with the header name,domains,country,ownership,labels
// (domains and labels separated by ";") or a JSON list of objects with
// those keys, domains and labels as lists. Read reports each bad row as a
// Problem naming the file, the line and the field, skips it and goes on;
// only a table it cannot read at all (too large, no header, broken JSON)
// is an error. Starter returns the table shipped with Parallax for the
// outlets of feeds/starter.opml; FromOPML makes it from that list.
//
// The profiles are facts of public record. The package rates no outlet.
package outlet

import (
	"net/url"
	"strings"

	"github.com/parallax-news/parallax"
)

// A Table finds the profile of an article's outlet. The zero value and nil
// match nothing.
type Table struct {
	profiles []parallax.OutletProfile
	byDomain map[string]int // domain -> index in profiles
	byName   map[string]int // name key -> index in profiles
}

// New returns the table of profiles. When two profiles claim one domain or
// one name, the first keeps it.
func New(profiles []parallax.OutletProfile) *Table {
	t := &Table{profiles: profiles, byDomain: map[string]int{}, byName: map[string]int{}}
	for i, p := range profiles {
		for _, d := range p.Domains {
			d = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
			if _, dup := t.byDomain[d]; !dup && d != "" {
				t.byDomain[d] = i
			}
		}
		if k := nameKey(p.Name); k != "" {
			if _, dup := t.byName[k]; !dup {
				t.byName[k] = i
			}
		}
	}
	return t
}

// Len returns the number of profiles.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.profiles)
}

// Profiles returns the table's profiles. The slice must not be modified.
func (t *Table) Profiles() []parallax.OutletProfile {
	if t == nil {
		return nil
	}
	return t.profiles
}

// Match returns the profile of the outlet of an article with the given
// outlet name and URL. The URL decides when its host is a profile's
// domain or under one (news.example.com is under example.com; the
// longest domain that fits wins); else the name, compared without case,
// spacing or a leading "The"; else a name that is itself a host name
// ("www.example.com"). ok is false when no profile fits.
func (t *Table) Match(name, rawURL string) (p parallax.OutletProfile, ok bool) {
	if t == nil || len(t.profiles) == 0 {
		return p, false
	}
	if i, ok := t.byHost(hostOf(rawURL)); ok {
		return t.profiles[i], true
	}
	if i, ok := t.byName[nameKey(name)]; ok && nameKey(name) != "" {
		return t.profiles[i], true
	}
	if h := strings.TrimSpace(name); strings.Contains(h, ".") && !strings.ContainsAny(h, " \t") {
		if i, ok := t.byHost(hostOf("http://" + strings.TrimPrefix(strings.TrimPrefix(h, "https://"), "http://"))); ok {
			return t.profiles[i], true
		}
	}
	return p, false
}

// MatchName returns the profile whose name is name, compared as Match
// compares names.
func (t *Table) MatchName(name string) (p parallax.OutletProfile, ok bool) {
	if t == nil {
		return p, false
	}
	if i, ok := t.byName[nameKey(name)]; ok && nameKey(name) != "" {
		return t.profiles[i], true
	}
	return p, false
}

// Names returns the profiles' names, in table order.
func (t *Table) Names() []string {
	if t == nil {
		return nil
	}
	out := make([]string, len(t.profiles))
	for i, p := range t.profiles {
		out[i] = p.Name
	}
	return out
}

// byHost finds the profile of host: the host itself, then each domain it
// is under, the longest first.
func (t *Table) byHost(host string) (int, bool) {
	for host != "" {
		if i, ok := t.byDomain[host]; ok {
			return i, true
		}
		dot := strings.IndexByte(host, '.')
		if dot < 0 {
			break
		}
		host = host[dot+1:]
		if !strings.Contains(host, ".") {
			break // a top-level domain names no outlet
		}
	}
	return 0, false
}

// hostOf returns the lower-case host of an absolute URL, without port or
// trailing dot, or "".
func hostOf(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// nameKey folds an outlet name for comparison: lower case, single spaces,
// no leading "the".
func nameKey(name string) string {
	k := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	return strings.TrimPrefix(k, "the ")
}
