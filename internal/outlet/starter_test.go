package outlet

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite feeds/outlets.csv and starter.csv from feeds/starter.opml")

// The starter table is made from the starter feed list: the two files
// agree, and the embedded copy is the file users see.
func TestStarterTableFromOPML(t *testing.T) {
	opml := filepath.Join("..", "..", "feeds", "starter.opml")
	shipped := filepath.Join("..", "..", "feeds", "outlets.csv")
	f, err := os.Open(opml)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := FromOPML(f)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := WriteCSV(&want, ps); err != nil {
		t.Fatal(err)
	}
	if *update {
		for _, p := range []string{shipped, "starter.csv"} {
			if err := os.WriteFile(p, want.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range []string{shipped, "starter.csv"} {
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want.String(), string(got)); d != "" {
			t.Errorf("%s disagrees with %s (go test ./internal/outlet -run StarterTable -update rewrites it) (-want +got):\n%s", p, opml, d)
		}
	}
	if len(ps) != 65 {
		t.Errorf("%d outlets in the starter table, want the 65 of the feed list", len(ps))
	}
	got := Starter()
	if d := cmp.Diff(ps, got); d != "" {
		t.Errorf("Starter() differs from the list (-want +got):\n%s", d)
	}
	for _, p := range got {
		if p.Country == "" || p.Ownership == "" || len(p.Domains) == 0 {
			t.Errorf("%s: country %q, ownership %q, domains %v: each must be given", p.Name, p.Country, p.Ownership, p.Domains)
		}
	}
}
