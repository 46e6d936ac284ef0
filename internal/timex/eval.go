package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"time"
)

// A Label is one date expression a reader found in a labelled document:
// its byte range and the value it names (Date.String form, "" when it
// cannot be resolved). It holds no text of the document.
type Label struct {
	Set      string `json:"set"`
	Doc      string `json:"doc"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Value    string `json:"value"`
	Relative bool   `json:"relative"`
}

// A LabelledDoc is one document of the labelled set with its text and its
// publication time (zero when the dataset gives none).
type LabelledDoc struct {
	Set, Doc string
	Text     string
	Ref      time.Time
	Labels   []Label
}

// Part returns the half of the labelled set a document belongs to, "tune"
// or "check", by the FNV-1a hash of its set and id: errors are read on the
// tune half only.
func Part(set, doc string) string {
	h := fnv.New32a()
	io.WriteString(h, set+"/"+doc)
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

// ReadLabels reads labels, one JSON object a line.
func ReadLabels(r io.Reader) ([]Label, error) {
	var out []Label
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("timex: labels line %d: %w", n, err)
		}
		if _, err := ParseDate(l.Value); err != nil || l.Start < 0 || l.End <= l.Start {
			return nil, fmt.Errorf("timex: labels line %d: bad value %q or range [%d,%d)", n, l.Value, l.Start, l.End)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// Counts are the scores of Find against labels.
type Counts struct {
	Docs int
	// Gold and Found count the labelled and the found expressions;
	// GoldHit and FoundHit those that overlap one of the other side.
	Gold, Found, GoldHit, FoundHit int
	// GoldValues and FoundValues count those with a value (not "");
	// GoldValueHit and FoundValueHit those that overlap one of the other
	// side with exactly the same value.
	GoldValues, FoundValues, GoldValueHit, FoundValueHit int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Docs += o.Docs
	c.Gold += o.Gold
	c.Found += o.Found
	c.GoldHit += o.GoldHit
	c.FoundHit += o.FoundHit
	c.GoldValues += o.GoldValues
	c.FoundValues += o.FoundValues
	c.GoldValueHit += o.GoldValueHit
	c.FoundValueHit += o.FoundValueHit
}

// SpanPrecision is the share of found expressions that overlap a label
// (0 when none was found).
func (c Counts) SpanPrecision() float64 { return ratio(c.FoundHit, c.Found) }

// SpanRecall is the share of labels that overlap a found expression.
func (c Counts) SpanRecall() float64 { return ratio(c.GoldHit, c.Gold) }

// ValuePrecision is the share of found expressions with a value that
// overlap a label of the very same value.
func (c Counts) ValuePrecision() float64 { return ratio(c.FoundValueHit, c.FoundValues) }

// ValueRecall is the share of labels with a value that overlap a found
// expression of the very same value.
func (c Counts) ValueRecall() float64 { return ratio(c.GoldValueHit, c.GoldValues) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// A Miss is an error of Find on a labelled document: a label not found or
// found with another value (Found is the expression found, if any), or an
// expression found where no label is (Label is nil).
type Miss struct {
	Label *Label
	Found *Expr
}

// Score runs Find on d and compares what it finds with d's labels.
func Score(d LabelledDoc) (Counts, []Miss) {
	found := Find(d.Text, d.Ref)
	c := Counts{Docs: 1, Gold: len(d.Labels), Found: len(found)}
	var misses []Miss
	overlap := func(l Label, e Expr) bool { return l.Start < e.End && e.Start < l.End }
	for i := range d.Labels {
		l := &d.Labels[i]
		hit, same := -1, false
		for j, e := range found {
			if overlap(*l, e) {
				hit = j
				if e.Date.String() == l.Value {
					same = true
				}
			}
		}
		if hit >= 0 {
			c.GoldHit++
		}
		if l.Value != "" {
			c.GoldValues++
			if same {
				c.GoldValueHit++
			}
		}
		if hit < 0 || !same {
			m := Miss{Label: l}
			if hit >= 0 {
				m.Found = &found[hit]
			}
			misses = append(misses, m)
		}
	}
	for j := range found {
		e := &found[j]
		hit, same := false, false
		for _, l := range d.Labels {
			if overlap(l, *e) {
				hit = true
				same = same || e.Date.String() == l.Value
			}
		}
		if hit {
			c.FoundHit++
		}
		if e.Date.Precision != Unknown {
			c.FoundValues++
			if same {
				c.FoundValueHit++
			}
		}
		if !hit {
			misses = append(misses, Miss{Found: e})
		}
	}
	return c, misses
}
