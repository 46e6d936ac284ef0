// Package feed reads web feeds and the lists people keep of them: RSS
// (0.9x, 1.0 and 2.0), Atom and JSON Feed documents through gofeed, feed
// links announced by a page's <link rel="alternate">, and OPML
// subscription lists, read and written.
//
// It also keeps what a poller must remember between polls of a feed: the
// HTTP validators for a conditional request, the ids of the entries
// already seen, and when the feed is next due, with exponential backoff
// after failures. State holds that for every feed and persists in one JSON
// file in a directory, replaced atomically.
//
// The package does no I/O on the network: callers fetch the bytes (with
// internal/fetch) and hand them over. Every parser here bounds what it
// reads and never panics on hostile input.
package feed
