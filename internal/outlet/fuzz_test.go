package outlet

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRead: any table is read without a panic; every profile kept has a
// name, canonical domains no other profile has, and fields within the
// limits; every problem names the file and a line of it.
func FuzzRead(f *testing.F) {
	f.Add([]byte("name,domains,country,ownership,labels\nBBC News,bbc.com;bbc.co.uk,UK,public broadcaster,a;b\n"))
	f.Add([]byte("labels,name\n;;,x\n\"a\"\"b\",y\n"))
	f.Add([]byte("name\n\"open\n"))
	f.Add([]byte("name,domains\nA,co.uk;com;..;xn--mnchen-3ya.de;MÜNCHEN.de\n"))
	f.Add([]byte(`[{"name":"RT","domains":["rt.com"],"labels":["x"]},{"name":1},{"x":2}]`))
	f.Add([]byte(" [ {\"name\": \"A\"}\n, 3, null, [] ]"))
	f.Add([]byte("[{\"name\": \"A\"},\n{\"name\": "))
	f.Add(starterCSV)
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, probs, err := Read(bytes.NewReader(b), "fuzz.csv")
		if err != nil && len(ps) > 0 {
			t.Fatalf("profiles %v returned with the error %v", ps, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "outlets: fuzz.csv") {
			t.Errorf("error %q does not name the file", err)
		}
		lines := 1 + bytes.Count(b, []byte("\n"))
		for _, p := range probs {
			if p.File != "fuzz.csv" || p.Line < 1 || p.Line > lines {
				t.Errorf("problem %v: file or line out of the table's %d lines", p, lines)
			}
		}
		domains := map[string]bool{}
		names := map[string]bool{}
		for _, p := range ps {
			if p.Name == "" || len(p.Name) > MaxField || names[nameKey(p.Name)] {
				t.Errorf("profile name %q empty, too long or given twice", p.Name)
			}
			names[nameKey(p.Name)] = true
			for _, d := range p.Domains {
				if c, err := Domain(d); err != nil || c != d || domains[d] {
					t.Errorf("domain %q of %q is not canonical (%q, %v) or given twice", d, p.Name, c, err)
				}
				domains[d] = true
			}
		}
		tab := New(ps)
		for _, p := range ps {
			if got, ok := tab.Match(p.Name, ""); !ok || got.Name != p.Name {
				t.Errorf("the table does not find %q by its name (got %q)", p.Name, got.Name)
			}
			for _, d := range p.Domains {
				if got, ok := tab.Match("", "https://www."+d+"/a"); !ok || got.Name != p.Name {
					t.Errorf("the table does not find %q by its domain %s (got %q)", p.Name, d, got.Name)
				}
			}
		}
	})
}
