package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestEvalDates(t *testing.T) {
	shared := filepath.Dir(sharedtest.Path(t, "data"))
	var out, errb bytes.Buffer
	labels := filepath.Join("..", "..", "testdata", "dates")
	if err := runEvalDates(context.Background(), []string{"--labels", labels, "--shared", shared, "--errors"}, &out, &errb); err != nil {
		t.Fatalf("eval dates: %v (%s)", err, errb.String())
	}
	s := out.String()
	t.Log("\n" + s)
	for _, want := range []string{"33 labelled documents, 128 labelled expressions", "\ntune ", "\ncheck ", "\nall "} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if err := runEvalDates(context.Background(), []string{"--labels", t.TempDir(), "--shared", shared}, &out, &errb); err == nil {
		t.Error("no error for a directory without labels")
	}
}
