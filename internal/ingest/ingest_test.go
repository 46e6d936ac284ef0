package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadDirectoryAndRecords(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.txt", "Second article text.")
	write("a.txt", "First article text.")
	write("sub/c.jsonl", `{"id":"x","url":"https://www.Example.com/a","text":"From a record."}`+"\n"+
		`{"id":"x","outlet":"Other","text":"Same id again."}`+"\n")
	write(".hidden/d.txt", "Hidden.")
	write("notes.md", "Not read.")
	arts, probs := Read(context.Background(), []string{dir}, Options{Outlets: []string{"Alpha", "Beta"}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+"/"+a.Outlet)
	}
	want := "a/Alpha b/Beta x/example.com x~2/Other"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestReadStdin(t *testing.T) {
	arts, probs := Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader(`  {"text":"One."}` + "\n" + `{"text":"Two."}`)})
	if len(probs) != 0 || len(arts) != 2 || arts[0].ID != "stdin-1" || arts[1].ID != "stdin-2" {
		t.Errorf("JSONL on stdin: %+v %v", arts, probs)
	}
	arts, probs = Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader("Plain words.")})
	if len(probs) != 0 || len(arts) != 1 || arts[0].Text != "Plain words." {
		t.Errorf("text on stdin: %+v %v", arts, probs)
	}
	_, probs = Read(context.Background(), []string{"-"}, Options{})
	if len(probs) != 1 {
		t.Errorf("no stdin: %v", probs)
	}
}

func TestProblemsNameInput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.json")
	os.WriteFile(p, []byte(`[{"text": "ok."}, {"title": "no text"}, 3]`), 0o644)
	arts, probs := Read(context.Background(), []string{p, "https://example.org/x", filepath.Join(dir, "none")}, Options{})
	if len(arts) != 1 || len(probs) != 4 {
		t.Fatalf("arts %d, problems %v", len(arts), probs)
	}
	for _, pr := range probs {
		if !errors.Is(pr.Err, ErrInvalid) {
			t.Errorf("%v is not ErrInvalid", pr)
		}
	}
	if !strings.HasPrefix(probs[0].Input, p+":[1]") {
		t.Errorf("record problem names %q", probs[0].Input)
	}
}

func TestLimits(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	os.WriteFile(p, []byte(strings.Repeat("word ", 100)), 0o644)
	_, probs := Read(context.Background(), []string{p}, Options{Limits: Limits{MaxBytes: 100, MaxParagraphWords: 10, MaxRecordsBytes: 100}})
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "over the limit") {
		t.Errorf("problems %v", probs)
	}
}
