package timex

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
)

// LoadLabelled reads the labelled set in dir (labels.jsonl and docs.jsonl,
// as in testdata/dates) and the texts it labels from shared, the directory
// of the shared data (seeds/ and data/): the seed articles, Multi-News
// validation documents ("story id/document index") and timeline17
// articles with their publication dates. Documents come in the order of
// docs.jsonl, each with its labels.
func LoadLabelled(dir, shared string) ([]LabelledDoc, error) {
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		return nil, err
	}
	labels, err := ReadLabels(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	var docs []LabelledDoc
	index := make(map[string]int)
	err = dataset.ReadLines(filepath.Join(dir, "docs.jsonl"), 1<<16, func(n int, line []byte) error {
		var d struct{ Set, Doc string }
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		index[d.Set+"\x00"+d.Doc] = len(docs)
		docs = append(docs, LabelledDoc{Set: d.Set, Doc: d.Doc})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range labels {
		i, ok := index[l.Set+"\x00"+l.Doc]
		if !ok {
			return nil, fmt.Errorf("timex: label of %s %s, a document not in docs.jsonl", l.Set, l.Doc)
		}
		docs[i].Labels = append(docs[i].Labels, l)
	}
	// The texts, read from each dataset once.
	want := make(map[string]map[string]int) // file -> doc id -> index
	for i, d := range docs {
		switch d.Set {
		case "seeds":
			b, err := os.ReadFile(filepath.Join(shared, "seeds", d.Doc+".txt"))
			if err != nil {
				return nil, err
			}
			docs[i].Text = string(b)
			continue
		case "multinews":
			add(want, filepath.Join(shared, "data", "multinews-val.jsonl.gz"), d.Doc, i)
		case "timeline17":
			topic, _, _ := strings.Cut(d.Doc, "_")
			add(want, filepath.Join(shared, "data", "timeline17", topic+".jsonl.gz"), d.Doc, i)
		default:
			return nil, fmt.Errorf("timex: labelled document %s: unknown set %q", d.Doc, d.Set)
		}
	}
	for file, ids := range want {
		err := dataset.ReadLines(file, 1<<26, func(n int, line []byte) error {
			var rec struct {
				ID        json.RawMessage `json:"id"`
				Documents []string        `json:"documents"`
				Published string          `json:"published"`
				Text      string          `json:"text"`
			}
			if err := json.Unmarshal(line, &rec); err != nil {
				return fmt.Errorf("line %d: %w", n, err)
			}
			id := strings.Trim(string(rec.ID), `"`)
			if rec.Documents != nil {
				for k, text := range rec.Documents {
					if i, ok := ids[id+"/"+strconv.Itoa(k)]; ok {
						docs[i].Text = text
					}
				}
				return nil
			}
			if i, ok := ids[id]; ok {
				docs[i].Text = rec.Text
				ref, err := time.Parse("2006-01-02", rec.Published)
				if err != nil {
					return fmt.Errorf("line %d: %w", n, err)
				}
				docs[i].Ref = ref
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, d := range docs {
		if d.Text == "" {
			return nil, fmt.Errorf("timex: labelled document %s %s: no text found under %s", d.Set, d.Doc, shared)
		}
		for _, l := range d.Labels {
			if l.End > len(d.Text) {
				return nil, fmt.Errorf("timex: label [%d,%d) of %s %s is past its text (%d bytes)", l.Start, l.End, d.Set, d.Doc, len(d.Text))
			}
		}
	}
	return docs, nil
}

func add(m map[string]map[string]int, file, doc string, i int) {
	if m[file] == nil {
		m[file] = make(map[string]int)
	}
	m[file][doc] = i
}
