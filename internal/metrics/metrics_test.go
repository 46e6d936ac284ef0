package metrics

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	r := New()
	r.Counter(`parallax_jobs_total{kind="poll"}`, "Jobs done.").Add(3)
	r.Counter(`parallax_jobs_total{kind="fetch"}`, "Jobs done.").Inc()
	r.Gauge("parallax_articles", "Articles stored.", func() float64 { return 42 })
	h := r.Histogram(`parallax_request_seconds{route="story"}`, "Request latency.")
	h.Observe(0.003)
	h.Observe(0.2)
	h.Observe(20)
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"# TYPE parallax_articles gauge\nparallax_articles 42\n",
		"# HELP parallax_jobs_total Jobs done.\n# TYPE parallax_jobs_total counter\n",
		`parallax_jobs_total{kind="fetch"} 1` + "\n",
		`parallax_jobs_total{kind="poll"} 3` + "\n",
		`parallax_request_seconds_bucket{route="story",le="0.0025"} 0` + "\n",
		`parallax_request_seconds_bucket{route="story",le="0.005"} 1` + "\n",
		`parallax_request_seconds_bucket{route="story",le="0.25"} 2` + "\n",
		`parallax_request_seconds_bucket{route="story",le="+Inf"} 3` + "\n",
		`parallax_request_seconds_count{route="story"} 3` + "\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Count(got, "# TYPE parallax_jobs_total") != 1 {
		t.Errorf("family header repeated:\n%s", got)
	}
	if r.Counter(`parallax_jobs_total{kind="poll"}`, "").Value() != 3 {
		t.Error("Counter did not return the existing series")
	}
}
