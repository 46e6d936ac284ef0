package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefEvidence: --evidence prints, under a summary item, the words of
// each cited outlet with its name.
func TestBriefEvidence(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "arts.jsonl")
	recs := `{"id":"a1","outlet":"Dam Daily","text":"The new river dam opened on Monday after ten years of work. Officials said the dam will power 40,000 homes."}
{"id":"a2","outlet":"River Times","text":"After ten years of work the river dam opened on Monday. The dam will power 40,000 homes, officials said."}
`
	if err := os.WriteFile(path, []byte(recs), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMain(t, "", "brief", "--evidence", path)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errs)
	}
	for _, want := range []string{"  - [1] Dam Daily: ", "  - [2] River Times: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, plain, _ := runMain(t, "", "brief", path)
	if strings.Contains(plain, "River Times: ") {
		t.Errorf("output without --evidence prints evidence:\n%s", plain)
	}
}
