//go:build !unix

package main

// maxRSSKiB is unknown on this system.
func maxRSSKiB() int64 { return 0 }
