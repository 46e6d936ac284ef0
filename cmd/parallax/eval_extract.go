package main

import (
	"context"
	"errors"
	"io"
)

// runEvalExtract is being written in this session (issue 8); this placeholder keeps
// the build whole until it lands.
func runEvalExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("not built yet")
}
