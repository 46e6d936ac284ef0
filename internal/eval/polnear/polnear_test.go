package polnear

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestScore runs the quote finder over the PolNeAR articles and checks
// that the figures are sane: every gold quotation is counted once, the
// parts add up, and recall, speaker accuracy and precision are well above
// chance. Quality itself is reported by `parallax eval quotes`.
func TestScore(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the PolNeAR run in short mode")
	}
	arts, err := Read(sharedtest.Path(t, "data", "polnear-train.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	res := Score(arts, "")
	all, tune, check := res.Parts["all"], res.Parts[Tune], res.Parts[Check]
	if all.Articles != len(arts) || tune.Articles+check.Articles != all.Articles {
		t.Errorf("articles: all %d, tune %d, check %d of %d", all.Articles, tune.Articles, check.Articles, len(arts))
	}
	if share := float64(tune.Articles) / float64(all.Articles); share < 0.6 || share > 0.8 {
		t.Errorf("tune part holds %.2f of the articles, want about 0.7", share)
	}
	if tune.Gold+check.Gold != all.Gold || all.Gold < 1000 {
		t.Errorf("gold quotations: all %d, tune %d, check %d", all.Gold, tune.Gold, check.Gold)
	}
	for name, c := range map[string]Counts{"all": all, Tune: tune, Check: check} {
		if c.Recalled > c.Gold || c.Right > c.Recalled || c.PronRight > c.PronRecalled || c.Matched > c.Found {
			t.Errorf("%s: counts out of order: %+v", name, c)
		}
		if c.Recall() < 0.5 || c.Accuracy() < 0.5 || c.Precision() < 0.5 {
			t.Errorf("%s: recall %.2f, speaker accuracy %.2f, precision %.2f: not sane", name, c.Recall(), c.Accuracy(), c.Precision())
		}
	}
	gold := 0
	for _, r := range res.Records {
		if r.Gold == "" {
			if r.QuoteStart < 0 || r.QuoteEnd <= r.QuoteStart {
				t.Fatalf("unmatched quotation record without a span: %+v", r)
			}
			continue
		}
		gold++
		if r.GoldStart < 0 || r.GoldEnd <= r.GoldStart || r.Recalled != (r.QuoteStart >= 0) {
			t.Fatalf("bad record %+v", r)
		}
	}
	if gold != all.Gold {
		t.Errorf("%d gold records, %d gold quotations", gold, all.Gold)
	}
}

// TestPartOf checks that the split is stable and deterministic.
func TestPartOf(t *testing.T) {
	for _, id := range []string{"a", "nyt_2016-09-16_x", "politico_2016-01-05_y"} {
		if p := PartOf(id); p != PartOf(id) || p != Tune && p != Check {
			t.Errorf("PartOf(%q) = %q", id, p)
		}
	}
}

// TestRead reads a small record with code-point offsets and checks that
// they are turned into byte offsets in Score.
func TestRead(t *testing.T) {
	// "é" is two bytes: the gold content [14, 41) in code points is
	// [15, 42) in bytes.
	src := `{"id":"x","publisher":"p","text":"Café owner Ana Ortiz said: \"We will open in May.\"",` +
		`"attributions":[{"id":"E1","source_text":"Ana Ortiz","source_spans":[[11,20]],` +
		`"content_spans":[[27,49]],"direct_quote":true}]}`
	arts, err := read(strings.NewReader(src + "\n"))
	if err != nil || len(arts) != 1 {
		t.Fatalf("read: %v, %d articles", err, len(arts))
	}
	res := Score(arts, "")
	c := res.Parts["all"]
	if c.Gold != 1 || c.Recalled != 1 || c.Right != 1 || c.Found != 1 || c.Matched != 1 {
		t.Errorf("counts %+v, want one gold quotation found with its speaker", c)
	}
	r := res.Records[0]
	if got := arts[0].Text[r.GoldSource[0]:r.GoldSource[1]]; got != "Ana Ortiz" {
		t.Errorf("gold source bytes %v read %q", r.GoldSource, got)
	}
	if got := arts[0].Text[r.Speaker[0]:r.Speaker[1]]; got != "Ana Ortiz" {
		t.Errorf("speaker bytes %v read %q", r.Speaker, got)
	}
}
