// Package sharedtest lets tests and benchmarks read the shared data that
// lives beside the repository (../shared: the seed articles and the
// evaluation data), and skip with a message when it is absent. The data is
// other people's writing and is never copied into the repository.
package sharedtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// Path returns the path of ../shared/parts... beside the module root, or
// skips the test when it does not exist. It looks upward from the working
// directory (the package under test) for the directory holding go.mod.
func Path(tb testing.TB, parts ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatalf("sharedtest: no go.mod above the working directory")
		}
		dir = up
	}
	p := filepath.Join(append([]string{filepath.Dir(dir), "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent (the shared data lives beside the repository): %v", p, err)
	}
	return p
}

// SeedFiles returns the paths of the seed articles, in name order.
func SeedFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(Path(tb, "seeds"), "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no seed articles found (%v)", err)
	}
	return files
}

// Seeds returns the seed articles as a user passes them: the ID and the
// outlet are the file name without ".txt", the text is the file's bytes.
func Seeds(tb testing.TB) []parallax.Article {
	tb.Helper()
	var arts []parallax.Article
	for _, f := range SeedFiles(tb) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		arts = append(arts, parallax.Article{ID: id, Outlet: id, Text: string(b)})
	}
	return arts
}
