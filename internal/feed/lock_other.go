//go:build !unix

package feed

import (
	"fmt"
	"os"
)

// Lock creates the state directory; on this system two pollers sharing
// one directory are not kept apart.
func Lock(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("feed state: %w", err)
	}
	return func() {}, nil
}
