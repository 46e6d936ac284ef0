package rouge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeExceptionDir writes the four exception files with the given
// contents (missing keys are left out) into a temporary directory.
func writeExceptionDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadExceptionsOrder(t *testing.T) {
	dir := writeExceptionDir(t, map[string]string{
		"adj.exc":  "better good well\nbigger big\n",
		"adv.exc":  "better well\n\n",
		"noun.exc": "geese goose\n",
		"verb.exc": "went go\n",
	})
	exc, err := LoadExceptions(dir)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"better": "well", "bigger": "big", "geese": "goose", "went": "go"} {
		if got, ok := exc.Lookup(in); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := exc.Lookup("goose"); ok {
		t.Error("Lookup(goose) found a base form")
	}
	if exc.Len() != 4 {
		t.Errorf("Len() = %d, want 4", exc.Len())
	}
}

func TestLoadExceptionsErrors(t *testing.T) {
	ok := "a b\n"
	tests := []struct {
		name    string
		files   map[string]string
		wantErr string
	}{
		{"missing file", map[string]string{"adj.exc": ok, "adv.exc": ok, "verb.exc": ok}, "noun.exc is missing"},
		{"one field", map[string]string{"adj.exc": ok, "adv.exc": ok, "noun.exc": "x y\nlonely\n", "verb.exc": ok}, "noun.exc:2: malformed line"},
		{"leading space", map[string]string{"adj.exc": " a b\n", "adv.exc": ok, "noun.exc": ok, "verb.exc": ok}, "adj.exc:1: malformed line"},
	}
	for _, tt := range tests {
		dir := writeExceptionDir(t, tt.files)
		_, err := LoadExceptions(dir)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: LoadExceptions error %v, want one containing %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestFindExceptionsDir(t *testing.T) {
	if conformanceDirOrEmpty() == "" {
		t.Skip("shared/data/rouge-conformance not found above the package directory")
	}
	dir, err := FindExceptionsDir()
	if err != nil {
		t.Fatal(err)
	}
	exc, err := LoadExceptions(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := exc.Lookup("better"); got != "well" {
		t.Errorf("Lookup(better) = %q, want well (adv.exc replaces adj.exc)", got)
	}

	old := DefaultExceptionsDir
	DefaultExceptionsDir = filepath.Join("no", "such", "dir")
	defer func() { DefaultExceptionsDir = old }()
	if _, err := FindExceptionsDir(); err == nil {
		t.Error("FindExceptionsDir found a nonexistent directory")
	}
}
