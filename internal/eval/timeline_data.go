package eval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
)

// A TimelineTopic is one topic of a timeline summarization dataset: its
// articles and the timelines journalists wrote about it.
type TimelineTopic struct {
	Name       string
	Articles   []parallax.Article
	References []ReferenceTimeline
}

// A ReferenceTimeline is one outlet's published timeline of a topic.
type ReferenceTimeline struct {
	// Source names the outlet that published it.
	Source string
	// Days are its dated summaries, one per date, in date order; each
	// entry's text is split into sentences.
	Days Timeline
}

// MeanSentences is the mean number of sentences per date, rounded to the
// nearest integer (halves to even, as Python's round in the protocol's
// script) and at least 1: the sentences per date a prediction gets under
// the standard protocol.
func (r *ReferenceTimeline) MeanSentences() int {
	if len(r.Days) == 0 {
		return 1
	}
	n := 0
	for _, d := range r.Days {
		n += len(d.Sentences)
	}
	k := int(math.RoundToEven(float64(n) / float64(len(r.Days))))
	return max(k, 1)
}

// Span returns the first and last day of the timeline.
func (r *ReferenceTimeline) Span() (first, last time.Time) {
	if len(r.Days) == 0 {
		return time.Time{}, time.Time{}
	}
	return r.Days[0].Date, r.Days[len(r.Days)-1].Date
}

// LoadTimeline17 reads the Timeline17 topics kept in dir (the layout of
// ../shared/data/timeline17): <topic>.jsonl.gz holds the topic's articles
// {"id","published":"YYYY-MM-DD","title","text"} and timelines.jsonl the
// reference timelines {"topic","source","entries":[{"date","text"}]}.
// topics selects topics by name; empty means every topic that has both
// articles and a timeline, in name order. An article's outlet is read
// from its id ("MJ_bbc/114" is from "bbc"). Entries of one timeline that
// share a date are merged into one day.
func LoadTimeline17(dir string, topics []string) ([]TimelineTopic, error) {
	refs, err := readReferenceTimelines(filepath.Join(dir, "timelines.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(topics) == 0 {
		for name := range refs {
			if _, err := os.Stat(filepath.Join(dir, name+".jsonl.gz")); err == nil {
				topics = append(topics, name)
			}
		}
		slices.Sort(topics)
		if len(topics) == 0 {
			return nil, fmt.Errorf("eval: %s: no topic has both articles and a timeline", dir)
		}
	}
	var out []TimelineTopic
	for _, name := range topics {
		if len(refs[name]) == 0 {
			return nil, fmt.Errorf("eval: %s: topic %q has no reference timeline", dir, name)
		}
		arts, err := readTimelineArticles(filepath.Join(dir, name+".jsonl.gz"))
		if err != nil {
			return nil, err
		}
		out = append(out, TimelineTopic{Name: name, Articles: arts, References: refs[name]})
	}
	return out, nil
}

type timelineRecord struct {
	Topic   string `json:"topic"`
	Source  string `json:"source"`
	Entries []struct {
		Date string `json:"date"`
		Text string `json:"text"`
	} `json:"entries"`
}

func readReferenceTimelines(path string) (map[string][]ReferenceTimeline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	out := make(map[string][]ReferenceTimeline)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec timelineRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", path, line, err)
		}
		byDay := make(map[time.Time][]string)
		for _, e := range rec.Entries {
			d, err := time.Parse("2006-01-02", strings.TrimSpace(e.Date))
			if err != nil {
				return nil, fmt.Errorf("eval: %s:%d: entry date %q: %w", path, line, e.Date, err)
			}
			for _, r := range text.SplitText(e.Text) {
				if s := strings.TrimSpace(e.Text[r[0]:r[1]]); s != "" {
					byDay[d] = append(byDay[d], s)
				}
			}
		}
		ref := ReferenceTimeline{Source: rec.Source}
		for d, sents := range byDay {
			ref.Days = append(ref.Days, TimelineDay{Date: d, Sentences: sents})
		}
		slices.SortFunc(ref.Days, func(a, b TimelineDay) int { return a.Date.Compare(b.Date) })
		out[rec.Topic] = append(out[rec.Topic], ref)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	for _, refs := range out {
		slices.SortFunc(refs, func(a, b ReferenceTimeline) int { return strings.Compare(a.Source, b.Source) })
	}
	return out, nil
}

type timelineArticle struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// readTimelineArticles reads a gzip-compressed JSONL file of dated
// articles, skipping none: an article without a valid date is an error,
// since the dataset has a date for every article.
func readTimelineArticles(path string) ([]parallax.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	dec := json.NewDecoder(bufio.NewReader(zr))
	var out []parallax.Article
	for n := 1; ; n++ {
		var rec timelineArticle
		if err := dec.Decode(&rec); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("eval: %s: record %d: %w", path, n, err)
		}
		pub, err := time.Parse("2006-01-02", rec.Published)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: record %d (%s): published %q: %w", path, n, rec.ID, rec.Published, err)
		}
		out = append(out, parallax.Article{ID: rec.ID, Outlet: outletOfID(rec.ID), Title: rec.Title, Published: pub, Text: rec.Text})
	}
	return out, nil
}

// outletOfID reads the outlet from a Timeline17 id such as "MJ_bbc/114".
func outletOfID(id string) string {
	dir, _, ok := strings.Cut(id, "/")
	if !ok {
		return ""
	}
	if i := strings.LastIndexByte(dir, '_'); i >= 0 {
		return dir[i+1:]
	}
	return ""
}
