package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProgressSilentOffTerminal: output that is not a terminal gets
// nothing from a progress.
func TestProgressSilentOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 10, "pages")
	p.AddTotal(5)
	p.Add(3)
	p.Done()
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	q := newProgress(f, -1, "entries")
	q.Add(1)
	q.Done()
	if st, _ := f.Stat(); buf.Len() != 0 || st.Size() != 0 {
		t.Errorf("progress wrote %d bytes to a buffer and %d to a file", buf.Len(), st.Size())
	}
	var nilp *progress
	nilp.Add(1) // must not panic
}
