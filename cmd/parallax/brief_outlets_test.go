package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// TestBriefOutlets: --outlets reads a table, reports its bad rows by file,
// line and field and goes on; articles match their profiles by URL or
// name, and the brief says which kinds of outlets carry each statement.
// Without --outlets, the starter table applies; a table that cannot be
// read is an error naming the file.
func TestBriefOutlets(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "arts.jsonl")
	recs := `{"id":"a1","outlet":"Dam Daily","url":"https://news.damdaily.example/a","text":"The new river dam opened on Monday after ten years of work. Officials said the dam will power 40,000 homes."}
{"id":"a2","outlet":"River Radio","text":"After ten years of work the river dam opened on Monday. The dam will power 40,000 homes, officials said."}
`
	table := filepath.Join(dir, "outlets.csv")
	csv := "name,domains,country,ownership,labels\n" +
		"The Dam Daily Paper,damdaily.example,US,private,\n" +
		"River Radio,,UK,public broadcaster,\n" +
		"Broken,co.uk,XX,private,\n"
	for p, b := range map[string]string{arts: recs, table: csv} {
		if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runMain(t, "", "brief", "--format", "json", "--outlets", table, arts)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	if want := "parallax: outlets: " + table + `:4: domains: "co.uk" is a public suffix`; !strings.Contains(errs, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errs)
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Framing) != 2 || b.Framing[0].Profile == nil || b.Framing[0].Profile.Name != "The Dam Daily Paper" ||
		b.Framing[1].Profile == nil || b.Framing[1].Profile.Ownership != "public broadcaster" {
		t.Fatalf("framing profiles: %+v", b.Framing)
	}
	if got, want := b.Summary[0].CarriedBy, "reported by 1 private outlet, 1 public broadcaster (UK, US)"; got != want {
		t.Errorf("carried by %q, want %q", got, want)
	}

	// The starter table by default: these outlets are not in it.
	_, out, _ = runMain(t, "", "brief", "--format", "json", arts)
	b = parallax.Brief{}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if b.Framing[0].Profile != nil || b.Summary[0].CarriedBy != "" {
		t.Errorf("the starter table matched outlets it does not list")
	}

	code, _, errs = runMain(t, "", "brief", "--outlets", filepath.Join(dir, "none.csv"), arts)
	if code == exitOK || !strings.Contains(errs, "none.csv") {
		t.Errorf("a missing table: exit %d, stderr %q", code, errs)
	}
}
