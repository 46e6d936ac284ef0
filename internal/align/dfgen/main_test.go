package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// The shipped table is what dfgen makes from the shared data with the text
// pipeline as committed: a change to tokens or stems must regenerate it
// (go generate ./internal/align).
func TestTableIsUpToDate(t *testing.T) {
	data := sharedtest.Path(t, "data")
	if testing.Short() {
		t.Skip("reads 17,498 articles")
	}
	out := filepath.Join(t.TempDir(), "bgdf.tsv.gz")
	if err := run(filepath.Dir(data), out, 3); err != nil {
		t.Fatal(err)
	}
	got, want := unzip(t, out), unzip(t, filepath.Join("..", "bgdf.tsv.gz"))
	if !bytes.Equal(got, want) {
		t.Errorf("internal/align/bgdf.tsv.gz is stale: run go generate ./internal/align")
	}
}

func unzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
