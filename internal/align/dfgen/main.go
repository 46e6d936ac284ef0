// Command dfgen builds the background document-frequency table that package
// align ships (bgdf.tsv.gz): for every stem of a content word, the number
// of news articles that hold it, counted over the evaluation data beside
// the repository. The table lets word weights hold in small stories, where
// frequencies counted inside the story collapse.
//
// Run it from the repository root (go generate ./internal/align does):
//
//	go run ./internal/align/dfgen -shared ../shared -o internal/align/bgdf.tsv.gz
//
// It reads Multi-News validation, DUC 2004 (dev half), the Timeline17
// topics and PolNeAR train: about 25,000 articles. Only stems and counts
// are written, never text. Stems held by fewer than -min articles are left
// out; align treats a stem missing from the table as that rare. The output
// is deterministic for the same data.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/text"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data directory")
	out := flag.String("o", "internal/align/bgdf.tsv.gz", "output file")
	minDF := flag.Int("min", 3, "smallest document frequency kept")
	flag.Parse()
	if err := run(*shared, *out, *minDF); err != nil {
		fmt.Fprintln(os.Stderr, "dfgen:", err)
		os.Exit(1)
	}
}

// sources are the JSONL files read, the field holding each record's
// articles: "documents" (a list) or "text" (one article), and whether the
// text keeps its capitals (Multi-News was lower-cased).
var sources = []struct {
	path, field string
	cased       bool
}{
	{"data/multinews-val.jsonl.gz", "documents", false},
	{"data/duc2004-dev.jsonl.gz", "documents", true},
	{"data/timeline17/EgyptianProtest.jsonl.gz", "text", true},
	{"data/timeline17/H1N1.jsonl.gz", "text", true},
	{"data/timeline17/MJ.jsonl.gz", "text", true},
	{"data/timeline17/haiti.jsonl.gz", "text", true},
	{"data/polnear-train.jsonl.gz", "text", true},
}

// A casing counts how often a stem is written inside a sentence, and how
// often with a capital.
type casing struct{ inside, capital int }

func run(shared, out string, minDF int) error {
	df := make(map[string]int)
	caps := make(map[string]*casing)
	st := text.NewStemmer()
	docs := 0
	for _, src := range sources {
		c := caps
		if !src.cased {
			c = nil
		}
		n, err := count(filepath.Join(shared, src.path), src.field, st, df, c)
		if err != nil {
			return err
		}
		docs += n
	}
	stems := make([]string, 0, len(df))
	for s, n := range df {
		if n >= minDF {
			stems = append(stems, s)
		}
	}
	slices.Sort(stems)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "#docs\t%d\n", docs)
	for _, s := range stems {
		// The third column is the percentage of the stem's uses inside a
		// sentence written with a capital, when seen there often enough.
		if c := caps[s]; c != nil && c.inside >= minInside {
			fmt.Fprintf(w, "%s\t%d\t%d\n", s, df[s], (100*c.capital+c.inside/2)/c.inside)
			continue
		}
		fmt.Fprintf(w, "%s\t%d\n", s, df[s])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "dfgen: %d articles, %d stems (%d kept) -> %s\n", docs, len(df), len(stems), out)
	return nil
}

// articles returns the article texts of a JSONL file: each record's
// "documents" list, or its one "text".
func articles(path, field string) ([]string, error) {
	if field == "documents" {
		stories, err := dataset.Read(path)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, s := range stories {
			out = append(out, s.Documents...)
		}
		return out, nil
	}
	var out []string
	err := dataset.ReadLines(path, 64<<20, func(line int, b []byte) error {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		var t string
		if err := json.Unmarshal(rec[field], &t); err != nil {
			return fmt.Errorf("line %d: %s: %w", line, field, err)
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// minInside is the number of uses inside a sentence a stem needs for its
// casing to be recorded.
const minInside = 5

// count adds the stems of every article in a JSONL file to df and, when
// caps is not nil, their casing inside sentences to caps; it returns the
// number of articles read.
func count(path, field string, st *text.Stemmer, df map[string]int, caps map[string]*casing) (int, error) {
	texts, err := articles(path, field)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range texts {
		if t == "" {
			continue
		}
		n++
		seen := make(map[string]bool)
		for _, tok := range text.Tokenize(text.Normalize(t).Text, st) {
			if tok.Number || tok.Stop || len(tok.Stem) < 2 || seen[tok.Stem] {
				continue
			}
			seen[tok.Stem] = true
			df[tok.Stem]++
		}
		if caps != nil {
			for _, sen := range text.Analyze(t, st).Sentences {
				for i, tok := range sen.Tokens {
					if i == 0 || tok.Number || tok.Stop || len(tok.Stem) < 2 || afterQuote(sen.Norm, tok.Start) {
						continue
					}
					c := caps[tok.Stem]
					if c == nil {
						c = &casing{}
						caps[tok.Stem] = c
					}
					c.inside++
					if tok.Cap {
						c.capital++
					}
				}
			}
		}
	}
	return n, nil
}

// afterQuote reports whether the word at i opens a quotation or follows a
// colon, where a capital says nothing about the word.
func afterQuote(s string, i int) bool {
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i > 0 && (s[i-1] == '"' || s[i-1] == ':' || s[i-1] == '(')
}
