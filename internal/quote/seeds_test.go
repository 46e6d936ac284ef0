package quote

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// seeds returns the seed articles, by ID, and the story's documents, or
// skips the test.
func seeds(tb testing.TB) (map[string]string, []Doc) {
	tb.Helper()
	files := sharedtest.SeedFiles(tb)
	st := text.NewStemmer()
	srcs := map[string]string{}
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		srcs[id] = string(b)
		docs = append(docs, Doc{ID: id, Doc: text.Analyze(string(b), st)})
	}
	return srcs, docs
}

const (
	seed0 = "000_25cd7b8efd0045a1"
	seed1 = "001_73f322a9ff8e64d5"
	seed2 = "002_1a29c09ba1c270ad"
)

func TestSeedsLedger(t *testing.T) {
	srcs, docs := seeds(t)
	ledger := Ledger(docs)
	for _, q := range ledger {
		t.Logf("%-32s %v %v %q", q.Speaker, short(q.Sources), q.Forms, q.Text)
		for i, e := range q.Evidence {
			if q.Forms[i] == Paraphrased {
				t.Logf("%32s paraphrased in %s: %q", "", short([]string{e.Source}), srcs[e.Source][e.Start:e.End])
			}
		}
	}

	// Every entry names its speaker; every span lies in its source, and
	// a quoting source's span holds words of the quote.
	for _, q := range ledger {
		if q.Speaker == "" {
			t.Errorf("entry %q has no speaker", q.Text)
		}
		if len(q.Sources) != len(q.Evidence) || len(q.Sources) != len(q.Forms) {
			t.Fatalf("entry %q: %d sources, %d spans, %d forms", q.Text, len(q.Sources), len(q.Evidence), len(q.Forms))
		}
		for i, e := range q.Evidence {
			src, ok := srcs[e.Source]
			if !ok || e.Source != q.Sources[i] || e.Start < 0 || e.End > len(src) || e.Start >= e.End {
				t.Fatalf("entry %q: span %+v is not in source %s", q.Text, e, q.Sources[i])
			}
			got := wordsOf(src[e.Start:e.End])
			switch q.Forms[i] {
			case Verbatim:
				if !containsRun(wordsOf(q.Text), got) && !containsRun(got, wordsOf(q.Text)) {
					t.Errorf("entry %q: verbatim span in %s reads %q", q.Text, e.Source, src[e.Start:e.End])
				}
			case Shortened, Reworded, Indirect:
				if len(got) == 0 {
					t.Errorf("entry %q: %s span in %s holds no words", q.Text, q.Forms[i], e.Source)
				}
			case Paraphrased:
				if !slices.ContainsFunc(docOf(docs, e.Source).Sentences, func(s text.Sentence) bool {
					return s.Start == e.Start && s.End == e.End
				}) {
					t.Errorf("entry %q: paraphrase span in %s is not a sentence", q.Text, e.Source)
				}
			}
		}
		if q.Forms[0] != Verbatim && q.Forms[0] != Indirect {
			t.Errorf("entry %q: the first source carries it %s, not verbatim", q.Text, q.Forms[0])
		}
	}

	// The statements a careful reader finds in the seeds.
	checks := []struct {
		speaker, words string
		sources        []string
		forms          [][]string // allowed forms per source
	}{
		{"Donald Trump", "witch hunt (excuse for big election loss)",
			[]string{seed0, seed1, seed2},
			[][]string{{Verbatim, Shortened}, {Verbatim, Shortened}, {Paraphrased}}},
		{"Robert Kelner", "reasonable person",
			[]string{seed0, seed1}, [][]string{{Verbatim}, {Reworded}}},
		{"Michael Flynn", "When you are given immunity",
			[]string{seed1}, [][]string{{Verbatim}}},
		{"Sean Spicer", "Nope", []string{seed2}, [][]string{{Verbatim}}},
		{"Adam Schiff", "We should first acknowledge", []string{seed1}, [][]string{{Verbatim}}},
		{"Angus King", "This is not a witch hunt", []string{seed0}, [][]string{{Verbatim}}},
		{"Angus King", "To continue to deny that", []string{seed0}, [][]string{{Verbatim}}},
		{"Jack Langer", "had a preliminary conversation", []string{seed1}, [][]string{{Verbatim}}},
		{"Robert Kelner", "General Flynn certainly has a story", []string{seed1}, [][]string{{Verbatim}}},
	}
	for _, c := range checks {
		var hits []parallax.Quote
		for _, q := range ledger {
			if strings.Contains(q.Text, c.words) {
				hits = append(hits, q)
			}
		}
		if len(hits) != 1 {
			t.Errorf("%d entries hold %q, want 1", len(hits), c.words)
			continue
		}
		q := hits[0]
		if q.Speaker != c.speaker {
			t.Errorf("entry %q: speaker %q, want %q", c.words, q.Speaker, c.speaker)
		}
		got := slices.Clone(q.Sources)
		slices.Sort(got)
		if diff := cmp.Diff(c.sources, got); diff != "" {
			t.Errorf("entry %q: sources (-want +got):\n%s", c.words, diff)
			continue
		}
		for i, id := range q.Sources {
			allowed := c.forms[slices.Index(c.sources, id)]
			if !slices.Contains(allowed, q.Forms[i]) {
				t.Errorf("entry %q: %s carries it %s, want one of %v", c.words, id, q.Forms[i], allowed)
			}
		}
	}
	// Angus King is quoted by 000 only, Nope and Schiff each by one source.
	for _, q := range ledger {
		if q.Speaker == "Angus King" && !slices.Equal(q.Sources, []string{seed0}) {
			t.Errorf("Angus King entry %q carried by %v", q.Text, q.Sources)
		}
	}

	golden(t, filepath.Join("testdata", "seeds.golden"), describe(ledger))
}

// describe writes the ledger without the articles' words: speakers (names
// in full, roles as "(role)"), sources, forms and offsets.
func describe(ledger []parallax.Quote) string {
	var b strings.Builder
	for _, q := range ledger {
		speaker := q.Speaker
		if speaker != "" && !unicode.IsUpper([]rune(speaker)[0]) {
			speaker = "(role)"
		}
		fmt.Fprintf(&b, "%s\t%d words", speaker, len(wordsOf(q.Text)))
		for i, e := range q.Evidence {
			fmt.Fprintf(&b, "\t%s %s %d-%d", short([]string{e.Source})[0], q.Forms[i], e.Start, e.End)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got), run with -update after review:\n%s", path, diff)
	}
}

func short(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i], _, _ = strings.Cut(id, "_")
	}
	return out
}

func docOf(docs []Doc, id string) *text.Document {
	for _, d := range docs {
		if d.ID == id {
			return d.Doc
		}
	}
	return nil
}

// wordsOf returns the lower-case words of s.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// containsRun reports whether run occurs in words as a contiguous run.
func containsRun(words, run []string) bool {
	if len(run) == 0 {
		return false
	}
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func BenchmarkLedgerSeeds(b *testing.B) {
	_, docs := seeds(b)
	for b.Loop() {
		for i := range docs {
			docs[i].Mentions = nil
		}
		Ledger(docs)
	}
}

func BenchmarkFindSeeds(b *testing.B) {
	_, docs := seeds(b)
	for i := range docs {
		docs[i].Mentions = nil
	}
	ms := make([][]entity.Mention, len(docs))
	for i, d := range docs {
		ms[i] = entity.Find(d.Doc)
	}
	for b.Loop() {
		for i, d := range docs {
			Find(d.Doc, ms[i])
		}
	}
}

// BenchmarkLedger300 measures the ledger of a 300-article story made of
// the seeds one hundred times over (every quote has a hundred carriers).
func BenchmarkLedger300(b *testing.B) {
	_, seedDocs := seeds(b)
	var docs []Doc
	for i := 0; len(docs) < 300; i++ {
		d := seedDocs[i%len(seedDocs)]
		docs = append(docs, Doc{ID: fmt.Sprintf("%03d", i), Doc: d.Doc})
	}
	for b.Loop() {
		for i := range docs {
			docs[i].Mentions = nil
		}
		Ledger(docs)
	}
}
