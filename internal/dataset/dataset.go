// Package dataset reads summarization datasets (stories of several
// documents with human reference summaries) and summaries written for
// them, and turns a story's documents into articles.
package dataset

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallax-news/parallax"
)

// A Story is one dataset item: several documents about one event and one
// or more human-written reference summaries.
type Story struct {
	ID         string
	Documents  []string
	References []string
}

type storyRecord struct {
	ID        json.RawMessage `json:"id"`
	Documents []string        `json:"documents"`
	Summary   *string         `json:"summary"`
	Summaries []string        `json:"summaries"`
}

// Read reads stories from a JSONL file, gzip-compressed or not:
// one {"id", "documents": [...], "summary": "..."} (or "summaries":
// [...] for several references) a line.
func Read(path string) ([]Story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	stories, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return stories, nil
}

// ReadLines calls fn with each non-blank line of the file at path, which
// may be gzip-compressed (told by its first bytes), numbered from 1, until
// fn returns an error; a line may be up to max bytes. Errors name the
// file.
func ReadLines(path string, max int, fn func(line int, b []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := Lines(f, max, fn); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Lines is ReadLines on a reader.
func Lines(r io.Reader, max int, fn func(line int, b []byte) error) error {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return err
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	return jsonLines(br, max, fn)
}

func read(r io.Reader) ([]Story, error) {
	var out []Story
	seen := make(map[string]bool)
	err := Lines(r, 256<<20, func(line int, b []byte) error {
		var rec storyRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		s := Story{ID: rawID(rec.ID), Documents: rec.Documents}
		if s.ID == "" {
			s.ID = fmt.Sprint(line)
		}
		if seen[s.ID] {
			return fmt.Errorf("line %d: story id %s used twice", line, s.ID)
		}
		seen[s.ID] = true
		if rec.Summary != nil {
			s.References = append(s.References, *rec.Summary)
		}
		s.References = append(s.References, rec.Summaries...)
		out = append(out, s)
		return nil
	})
	return out, err
}

// jsonLines calls fn with each non-blank line of r (lines of up to max
// bytes), numbered from 1, until fn returns an error.
func jsonLines(r io.Reader, max int, fn func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), max)
	line := 0
	for sc.Scan() {
		line++
		if b := bytes.TrimSpace(sc.Bytes()); len(b) > 0 {
			if err := fn(line, b); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

// Articles turns the story's documents into articles, skipping empty
// ones; each document's id and outlet are the story id and its index.
func (s *Story) Articles() []parallax.Article {
	var arts []parallax.Article
	for i, d := range s.Documents {
		if strings.TrimSpace(d) == "" {
			continue
		}
		id := fmt.Sprintf("%s-%d", s.ID, i)
		arts = append(arts, parallax.Article{ID: id, Outlet: id, Text: d})
	}
	return arts
}

func rawID(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

// ReadSummaries reads summaries written by --out (or by an outside
// summarizer): one {"id", "summary": [sentence, ...]} a line, keyed by id.
func ReadSummaries(path string) (map[string][]string, error) {
	out := make(map[string][]string)
	err := ReadLines(path, 64<<20, func(line int, b []byte) error {
		var rec struct {
			ID      json.RawMessage `json:"id"`
			Summary []string        `json:"summary"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		out[rawID(rec.ID)] = rec.Summary
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
