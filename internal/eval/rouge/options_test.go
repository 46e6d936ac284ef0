package rouge

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		flags       string
		want        Options
		wantMetrics []string
	}{
		{
			"-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 250",
			Options{MaxN: 2, Stem: true, SkipBigrams: true, SkipDistance: 4, SkipUnigrams: true, LimitWords: 250, Alpha: 0.5},
			[]string{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"},
		},
		{
			"-n 4 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 100",
			Options{MaxN: 4, Stem: true, LimitWords: 100, Alpha: 0.5},
			[]string{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L"},
		},
		{
			"-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d",
			Options{MaxN: 2, SkipBigrams: true, SkipDistance: 4, SkipUnigrams: true, Alpha: 0.5},
			[]string{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"},
		},
		{
			"-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -b 665",
			Options{MaxN: 2, Stem: true, LimitBytes: 665, Alpha: 0.5},
			[]string{"ROUGE-1", "ROUGE-2", "ROUGE-L"},
		},
		{"", Options{Alpha: 0.5}, []string{"ROUGE-L"}},
		// Getopt::Std forms: attached values, bundled switches, negative
		// values taken as the value of the previous flag.
		{
			"-n4 -adm -2 -1 -U -x -fB -p 0.25 -w 1.2 -e /data -z SPL -v",
			Options{MaxN: 4, Stem: true, SkipBigrams: true, SkipDistance: -1, SkipBoth: true, NoLCS: true, WeightFactor: 1.2, Alpha: 0.25, Formula: BestModel},
			[]string{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-W-1.2", "ROUGE-S*", "ROUGE-SU*"},
		},
		{"-2 0 -u -t 3", Options{SkipBigrams: true, SkipUnigrams: true, Alpha: 0.5}, []string{"ROUGE-L", "ROUGE-SU0"}},
	}
	for _, tt := range tests {
		got, err := ParseFlags(strings.Fields(tt.flags))
		if err != nil {
			t.Errorf("ParseFlags(%q): %v", tt.flags, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseFlags(%q) mismatch (-want +got):\n%s", tt.flags, diff)
		}
		if diff := cmp.Diff(tt.wantMetrics, got.Metrics()); diff != "" {
			t.Errorf("ParseFlags(%q).Metrics() mismatch (-want +got):\n%s", tt.flags, diff)
		}
	}
}

func TestParseFlagsErrors(t *testing.T) {
	for _, flags := range []string{
		"-l 100 -b 665", // both limits
		"-f C",
		"-s",
		"-M",
		"-t 1",
		"-t 2",
		"-3 HM",
		"-h",
		"-q",
		"-n",
		"-n two",
		"-p 1.5",
		"-w 0",
		"-c 101",
		"-r -5",
		"-n 2 config.xml",
		"-n 2 -- config.xml",
		"-n -1",
	} {
		if o, err := ParseFlags(strings.Fields(flags)); err == nil {
			t.Errorf("ParseFlags(%q) = %+v, want an error", flags, o)
		}
	}
}

func TestNewScorerValidates(t *testing.T) {
	for _, o := range []Options{
		{Alpha: -0.1},
		{LimitWords: 10, LimitBytes: 10},
		{MaxN: -1},
		{Formula: Formula(7)},
		{WeightFactor: -1},
	} {
		if _, err := NewScorer(o, Exceptions{}); err == nil {
			t.Errorf("NewScorer(%+v) succeeded, want an error", o)
		}
	}
}
