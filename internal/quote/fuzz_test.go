package quote

import (
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/text"
)

// checkQuotations fails t when a quotation or a report of d is malformed.
func checkQuotations(t *testing.T, src string, d *text.Document, ms []entity.Mention) {
	t.Helper()
	for _, q := range Find(d, ms) {
		if q.Start < 0 || q.End > len(src) || q.Start >= q.End || len(q.Parts) == 0 {
			t.Fatalf("quotation %q: span [%d, %d) out of %d bytes", q.Text, q.Start, q.End, len(src))
		}
		for _, p := range q.Parts {
			if p.Start < q.Start || p.End > q.End || p.Start >= p.End ||
				p.NormStart < 0 || p.NormEnd > len(d.Norm.Text) || p.NormStart >= p.NormEnd {
				t.Fatalf("quotation %q: part %+v out of bounds", q.Text, p)
			}
		}
		if q.Sent < 0 || q.EndSent < q.Sent || q.EndSent >= len(d.Sentences) {
			t.Fatalf("quotation %q: sentences %d-%d of %d", q.Text, q.Sent, q.EndSent, len(d.Sentences))
		}
		if q.Speaker.Mention >= len(ms) {
			t.Fatalf("quotation %q: speaker mention %d of %d", q.Text, q.Speaker.Mention, len(ms))
		}
	}
	for _, r := range Reports(d, ms) {
		if r.Sent < 0 || r.Sent >= len(d.Sentences) || r.Cue < 0 || r.Cue >= len(d.Sentences[r.Sent].Tokens) {
			t.Fatalf("report %+v out of bounds", r)
		}
	}
}

// checkLedger fails t when a ledger entry is malformed.
func checkLedger(t *testing.T, srcs map[string]string, ledger []parallax.Quote) {
	t.Helper()
	for _, q := range ledger {
		if len(q.Sources) == 0 || len(q.Sources) != len(q.Evidence) || len(q.Forms) != len(q.Sources) {
			t.Fatalf("entry %q: %d sources, %d spans, %d forms", q.Text, len(q.Sources), len(q.Evidence), len(q.Forms))
		}
		if len(q.Speakers) != len(q.Sources) || q.Changes != nil && len(q.Changes) != len(q.Sources) {
			t.Fatalf("entry %q: %d sources, %d speakers, %d changes", q.Text, len(q.Sources), len(q.Speakers), len(q.Changes))
		}
		inside := func(sp parallax.Span) bool {
			src, ok := srcs[sp.Source]
			return ok && sp.Start >= 0 && sp.End <= len(src) && sp.Start < sp.End &&
				utf8.RuneStart(src[sp.Start]) && (sp.End == len(src) || utf8.RuneStart(src[sp.End]))
		}
		for i, e := range q.Evidence {
			if e.Source != q.Sources[i] || !inside(e) {
				t.Fatalf("entry %q: span %+v out of bounds or off rune boundaries", q.Text, e)
			}
		}
		for i, cs := range q.Changes {
			if cs != nil && q.Forms[i] != Reworded {
				t.Fatalf("entry %q: changes for a %s source", q.Text, q.Forms[i])
			}
			for _, c := range cs {
				if c.From == nil && c.To == nil {
					t.Fatalf("entry %q: an empty change", q.Text)
				}
				if c.From != nil && (c.From.Source != q.Sources[0] || !inside(*c.From) || srcs[c.From.Source][c.From.Start:c.From.End] != c.FromText) {
					t.Fatalf("entry %q: change from %+v does not read %q", q.Text, c.From, c.FromText)
				}
				if c.To != nil && (c.To.Source != q.Sources[i] || !inside(*c.To) || srcs[c.To.Source][c.To.Start:c.To.End] != c.ToText) {
					t.Fatalf("entry %q: change to %+v does not read %q", q.Text, c.To, c.ToText)
				}
			}
		}
	}
}

// FuzzLedger builds the ledger of two texts and checks every span, every
// change and its words.
func FuzzLedger(f *testing.F) {
	f.Add(`Hale's lawyer Ann Roe said no "reasonable person" would talk in "such a hostile setting."`,
		`Ann Roe said no "reasonable person" who has a lawyer would answer.`)
	f.Add(`"He thinks he should go out and tell his story," Mr Cole said.`,
		`"He thinks that he should go up there and do what he has to do," Cole stated.`)
	f.Add(`"The plant will bring two thousand jobs to the valley," Jane Cole said.`,
		`"The plant will bring two thousand jobs to the valley," Tom Ward said. Ward said no.`)
	f.Add("“One café — two,” Ann Lee said.", "“One café, three,” Ann Lee said ‘no’.")
	st := text.NewStemmer()
	f.Fuzz(func(t *testing.T, x, y string) {
		if !utf8.ValidString(x) || !utf8.ValidString(y) {
			return
		}
		docs := []Doc{{ID: "a", Doc: text.Analyze(x, st)}, {ID: "b", Doc: text.Analyze(y, st)}}
		checkLedger(t, map[string]string{"a": x, "b": y}, Ledger(docs))
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will appeal," Smith said. "And win." He said "so".`,
		"Ann Lee said: \u201cOne.\n\n\u201cTwo,\u201d she said. \u201cThree",
		`A spokesman for John Hale, the chairman, said "no deal". When asked by a reporter if "yes", Hale responded, "Nope."`,
		`" spaced " said x. 5'11" tall "" "" " ", according to.`,
		"\"\n\n\"\n\n\"a\n\n\"b\" c said",
		`He [Trump] said "a [b] c" and [ "d`,
		"'We don't know the '90s,' Ann Lee said. The Joneses' car 'was red' '",
		"``One,'' he said, ``two `three' four.''' \u2014 Ann Lee\n\nLee continued:\n\n\u00abYes\u00bb",
		"\u201cA,\u201c said B. \u201dC\u201d (R-Utah) said, who told: \u2018x\u2019",
	} {
		f.Add(s)
	}
	st := text.NewStemmer()
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		d := text.Analyze(src, st)
		ms := entity.Find(d)
		checkQuotations(t, src, d, ms)
		checkLedger(t, map[string]string{"a": src, "b": src},
			Ledger([]Doc{{ID: "a", Doc: d, Mentions: ms}, {ID: "b", Doc: d}}))
	})
}

// TestMultiNews runs the ledger over real, messy stories (lower-cased,
// tokenizer-spaced text) and checks every span.
func TestMultiNews(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the Multi-News run in short mode")
	}
	all, err := dataset.Read(sharedtest.Path(t, "data", "multinews-val.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	st := text.NewStemmer()
	quotes, stories := 0, 0
	for _, rec := range all[:min(len(all), 300)] {
		stories++
		srcs := map[string]string{}
		var docs []Doc
		for i, s := range rec.Documents {
			id := strconv.Itoa(i)
			srcs[id] = s
			d := text.Analyze(s, st)
			ms := entity.Find(d)
			checkQuotations(t, s, d, ms)
			docs = append(docs, Doc{ID: id, Doc: d, Mentions: ms})
		}
		ledger := Ledger(docs)
		checkLedger(t, srcs, ledger)
		quotes += len(ledger)
	}
	t.Logf("%d stories, %d ledger entries", stories, quotes)
}
