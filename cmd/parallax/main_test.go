package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// runMain runs the program as a user would and returns its exit code,
// standard output and standard error.
func runMain(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	code := exitCode(err, &errb)
	return code, out.String(), errb.String()
}

func seedFiles(t *testing.T) []string {
	t.Helper()
	return sharedtest.SeedFiles(t)
}

func TestBriefSeeds(t *testing.T) {
	files := seedFiles(t)
	for _, format := range []string{"markdown", "json", "html"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := runMain(t, "", append([]string{"brief", "--format", format}, files...)...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			if !strings.Contains(out, "immunity") {
				t.Errorf("output does not mention the story:\n%.500s", out)
			}
		})
	}
}

func TestBriefFlagsAfterInputs(t *testing.T) {
	files := seedFiles(t)
	code, out, errs := runMain(t, "", append(append([]string{"brief"}, files...), "--format", "json", "--words", "60")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	words := 0
	for _, s := range b.Summary {
		words += len(strings.Fields(s.Text))
	}
	if words == 0 || words > 60 {
		t.Errorf("summary of %d words with --words 60", words)
	}
}

func TestBriefOutletsAndStdin(t *testing.T) {
	files := seedFiles(t)
	text, _ := os.ReadFile(files[1])
	code, out, errs := runMain(t, string(text), "brief", "--format", "json",
		"--outlet", "NBC-ish", files[0], "--outlet", "BBC-ish", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Sources) != 2 || b.Sources[0].Outlet != "NBC-ish" || b.Sources[1].Outlet != "BBC-ish" || b.Sources[1].ID != "stdin" {
		t.Errorf("sources = %+v", b.Sources)
	}
}

func TestBriefJSONL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "arts.jsonl")
	recs := `{"id":"a1","url":"https://www.example.org/x","title":"Dam opens","published":"2024-05-01","text":"The new dam opened on Monday after ten years of work. Officials said it will power 40,000 homes."}
not json at all
{"id":"a2","outlet":"River Times","text":"The dam opened on Monday. It will power 40,000 homes, officials said. Critics said the cost rose to $2 billion."}
{"id":"a3","outlet":"Nobody"}
`
	if err := os.WriteFile(path, []byte(recs), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runMain(t, "", "brief", "--format", "json", path)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, errs)
	}
	for _, want := range []string{"arts.jsonl:2", "not a JSON article record", "arts.jsonl:4", `no "text"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	var b parallax.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Sources) != 2 || b.Sources[0].Outlet != "example.org" || b.Sources[0].Title != "Dam opens" ||
		b.Sources[0].Published != "2024-05-01T00:00:00Z" || b.Sources[1].Outlet != "River Times" {
		t.Errorf("sources = %+v", b.Sources)
	}
}

// TestBadInputs gives the brief one good article among bad ones: each bad
// one is named with what is wrong, the brief is still written, and the exit
// code says that inputs were skipped.
func TestBadInputs(t *testing.T) {
	files := seedFiles(t)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := bytes.Repeat([]byte("All work and no play makes a dull story. "), 50<<20/41+1)
	longPara := bytes.Repeat([]byte("word "), 100000)
	bad := []struct {
		path, why string
	}{
		{write("empty.txt", nil), "empty"},
		{write("binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary")), "binary data"},
		{write("latin1.txt", []byte("Caf\xe9 society met on Monday.")), "not valid UTF-8"},
		{write("huge.txt", huge), "over the limit"},
		{write("para.txt", longPara), "a paragraph of 100000 words"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
	}
	args := []string{"brief", files[0]}
	for _, b := range bad {
		args = append(args, b.path)
	}
	args = append(args, files[1])
	code, out, errs := runMain(t, "", args...)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, errs)
	}
	for _, b := range bad {
		found := false
		for _, line := range strings.Split(errs, "\n") {
			if strings.Contains(line, b.path) && strings.Contains(line, b.why) {
				found = true
			}
		}
		if !found {
			t.Errorf("stderr does not say %s is %q:\n%s", b.path, b.why, errs)
		}
	}
	if !strings.Contains(out, "## Summary") || !strings.Contains(out, "immunity") {
		t.Errorf("no brief from the good inputs:\n%s", out)
	}
	if strings.Contains(errs, "panic") {
		t.Errorf("panic: %s", errs)
	}
}

func TestNoUsableInput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "empty.txt")
	os.WriteFile(p, nil, 0o644)
	code, _, errs := runMain(t, "", "brief", p)
	if code != exitFailure || !strings.Contains(errs, "no article could be read") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"brief"}, {"brief", "--format", "pdf", "x"}, {"brief", "--words", "0", "x"}} {
		if code, _, _ := runMain(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, out, _ := runMain(t, "", "help"); code != exitOK || !strings.Contains(out, "parallax brief") {
		t.Errorf("help: exit %d", code)
	}
}
