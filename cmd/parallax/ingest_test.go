package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// TestIngest loads a JSONL file, a text file, an OPML file and a bad input
// into a fresh database: the articles are stored and clustered, the feeds
// added, the bad input reported by name, and a second run stores nothing
// twice.
func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jsonl := write("a.jsonl", `{"id":"a1","outlet":"One","title":"Storm hits coast","text":"A storm hit the coast on Monday, flooding roads and cutting power to thousands of homes."}
{"id":"a2","outlet":"Two","title":"Coast storm","text":"Thousands of homes lost power when a storm hit the coast on Monday and flooded roads."}
{"id":"a3","outlet":"Three","text":""}
`)
	txt := write("b.txt", "The city council approved the budget on Tuesday after a long debate about school funding.")
	opml := write("feeds.opml", `<?xml version="1.0"?><opml version="2.0"><body><outline text="Local" xmlUrl="https://example.org/feed.xml"/></body></opml>`)
	missing := filepath.Join(dir, "missing.txt")

	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"ingest", "--db", db, jsonl, txt, opml, missing}, nil, &stdout, &stderr)
	if !errors.Is(err, errPartial) {
		t.Fatalf("ingest: %v, want errPartial\n%s", err, stderr.String())
	}
	out := stderr.String()
	for _, want := range []string{"3 stored, 0 duplicates, 2 skipped; 3 clustered; 1 feeds added", "skipped " + missing, "a.jsonl:3"} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
	stderr.Reset()
	if err := run(context.Background(), []string{"ingest", "--db", db, jsonl + "x"}, nil, &stdout, &stderr); err == nil {
		t.Errorf("ingest of a missing file succeeded")
	}
	stderr.Reset()
	if err := run(context.Background(), []string{"ingest", "--db", db, txt}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "0 stored, 1 duplicates") {
		t.Errorf("second ingest: %s", stderr.String())
	}

	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != 3 || c.Unclustered != 0 || c.Feeds != 1 || c.Stories < 2 {
		t.Errorf("counts %+v", c)
	}
	if err := run(context.Background(), []string{"ingest", "--db", db}, nil, &stdout, &stderr); err == nil {
		t.Errorf("ingest without inputs succeeded")
	}
}
