package rouge

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Formula selects how ROUGE combines the matches against several reference
// summaries (the reference scorer's -f flag).
type Formula int

const (
	// ModelAverage (-f A) adds the match, reference and peer counts over all
	// references before dividing. Recall is therefore pooled over the
	// references and precision is the mean of the per-reference precisions.
	ModelAverage Formula = iota
	// BestModel (-f B) keeps the counts of the single reference with the
	// highest recall; on ties the earlier reference wins.
	BestModel
)

// String returns the -f letter of the formula.
func (f Formula) String() string {
	switch f {
	case ModelAverage:
		return "A"
	case BestModel:
		return "B"
	}
	return "Formula(" + strconv.Itoa(int(f)) + ")"
}

// Options are the scoring settings of ROUGE-1.5.5. The zero value computes
// ROUGE-L only, with Alpha 0, which weights recall alone; DefaultOptions
// returns the reference scorer's defaults and ParseFlags reads its flags.
type Options struct {
	// MaxN computes ROUGE-1 up to ROUGE-MaxN (-n). Zero computes none.
	MaxN int
	// Stem replaces every token longer than three bytes by its WordNet base
	// form when it has one, and by its Porter stem otherwise (-m).
	Stem bool
	// SkipBigrams computes skip-bigram co-occurrence, ROUGE-S (-2).
	SkipBigrams bool
	// SkipDistance is the largest number of tokens allowed between the two
	// words of a skip-bigram (the value of -2). A negative distance means no
	// limit (ROUGE-S*). It matters only when SkipBigrams is set.
	SkipDistance int
	// SkipUnigrams adds unigrams to the skip-bigrams, giving ROUGE-SU (-u).
	SkipUnigrams bool
	// SkipBoth reports plain ROUGE-S and also ROUGE-SU (-U). SkipUnigrams
	// takes precedence, as in the reference scorer.
	SkipBoth bool
	// NoLCS disables ROUGE-L (-x).
	NoLCS bool
	// WeightFactor, when positive, adds ROUGE-W, the weighted LCS with
	// weight function k^WeightFactor (-w, typically 1.2).
	WeightFactor float64
	// LimitWords keeps only the first LimitWords whitespace-separated words
	// of every summary, counted over its sentences in order (-l). Zero
	// means no limit.
	LimitWords int
	// LimitBytes keeps only the first LimitBytes bytes of every summary,
	// counted over its sentences in order without separators (-b). Zero
	// means no limit. At most one of LimitWords and LimitBytes may be set.
	LimitBytes int
	// Alpha weights precision against recall in the F-measure
	// F = 1/(Alpha/P + (1-Alpha)/R) (-p). 0.5 is the harmonic mean.
	Alpha float64
	// Formula combines several references (-f).
	Formula Formula
}

// DefaultOptions returns the settings the reference scorer uses when given
// no flags: ROUGE-L only, no stemming and no length limit, Alpha 0.5 and
// the model-average formula.
func DefaultOptions() Options {
	return Options{Alpha: 0.5, Formula: ModelAverage}
}

// Validate reports the first setting that the reference scorer would reject
// or that this package does not implement.
func (o Options) Validate() error {
	switch {
	case o.MaxN < 0:
		return fmt.Errorf("rouge: MaxN (-n) is %d, want >= 0", o.MaxN)
	case o.LimitWords < 0:
		return fmt.Errorf("rouge: LimitWords (-l) is %d, want >= 0", o.LimitWords)
	case o.LimitBytes < 0:
		return fmt.Errorf("rouge: LimitBytes (-b) is %d, want >= 0", o.LimitBytes)
	case o.LimitWords > 0 && o.LimitBytes > 0:
		return errors.New("rouge: specify a length limit in words (-l) or in bytes (-b), not both")
	case !(o.Alpha >= 0 && o.Alpha <= 1):
		return fmt.Errorf("rouge: Alpha (-p) is %v, want 0 <= Alpha <= 1", o.Alpha)
	case o.WeightFactor < 0 || o.WeightFactor != o.WeightFactor:
		return fmt.Errorf("rouge: WeightFactor (-w) is %v, want > 0 (or 0 for no ROUGE-W)", o.WeightFactor)
	case o.Formula != ModelAverage && o.Formula != BestModel:
		return fmt.Errorf("rouge: unknown %v", o.Formula)
	}
	return nil
}

// Metric names that the reference scorer prints with its usual flags.
const (
	Rouge1   = "ROUGE-1"
	Rouge2   = "ROUGE-2"
	Rouge3   = "ROUGE-3"
	Rouge4   = "ROUGE-4"
	RougeL   = "ROUGE-L"
	RougeSU4 = "ROUGE-SU4"
)

// StandardMetrics is the fixed list of metrics in the order ROUGE-1.5.5
// prints them, covering the usual flag sets (-n up to 4, ROUGE-L and
// -2 4 -u). Options.Metrics gives the exact list for given options.
var StandardMetrics = []string{Rouge1, Rouge2, Rouge3, Rouge4, RougeL, RougeSU4}

// Metrics returns the names of the metrics these options compute, in the
// order the reference scorer prints them: ROUGE-1 to ROUGE-MaxN, ROUGE-L,
// ROUGE-W-<weight>, then ROUGE-S<distance> and/or ROUGE-SU<distance>
// ("*" instead of the distance when it is unlimited).
func (o Options) Metrics() []string {
	var names []string
	for n := 1; n <= o.MaxN; n++ {
		names = append(names, "ROUGE-"+strconv.Itoa(n))
	}
	if !o.NoLCS {
		names = append(names, RougeL)
	}
	if o.WeightFactor > 0 {
		names = append(names, "ROUGE-W-"+strconv.FormatFloat(o.WeightFactor, 'g', -1, 64))
	}
	if o.SkipBigrams {
		dist := "*"
		if o.SkipDistance >= 0 {
			dist = strconv.Itoa(o.SkipDistance)
		}
		switch {
		case o.SkipUnigrams:
			names = append(names, "ROUGE-SU"+dist)
		case o.SkipBoth:
			names = append(names, "ROUGE-S"+dist, "ROUGE-SU"+dist)
		default:
			names = append(names, "ROUGE-S"+dist)
		}
	}
	return names
}

// ParseFlags reads ROUGE-1.5.5 command-line flags, such as
// strings.Fields("-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d -l 250"),
// with the reference's Getopt::Std conventions: a value may follow its flag
// as the next argument or be attached ("-n2"), and flags without values may
// be bundled ("-ad"). It starts from DefaultOptions. The flags that only
// affect the reference's corpus averages, confidence intervals or output
// (-a, -c, -d, -e, -r, -v, -z) are validated where the reference does and
// otherwise ignored. -t must select sentence-level units (any value but 1
// or 2); -f must be A or B. Options this package does not implement (-s
// stopword removal, -t 1|2 corpus counting, -3 basic elements, -M
// model-only stemming, -h/-H help) and positional arguments are errors.
func ParseFlags(args []string) (Options, error) {
	o := DefaultOptions()
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			if i+1 < len(args) {
				return Options{}, fmt.Errorf("rouge: unexpected argument %q", args[i+1])
			}
			break
		}
		if len(arg) < 2 || arg[0] != '-' {
			return Options{}, fmt.Errorf("rouge: unexpected argument %q", arg)
		}
		rest := arg[1:]
		for rest != "" {
			flag := rest[0]
			rest = rest[1:]
			if !takesValue(flag) {
				if err := o.setSwitch(flag); err != nil {
					return Options{}, err
				}
				continue
			}
			value := rest
			if value == "" {
				if i+1 >= len(args) {
					return Options{}, fmt.Errorf("rouge: flag -%c needs a value", flag)
				}
				i++
				value = args[i]
			}
			if err := o.setValue(flag, value); err != nil {
				return Options{}, err
			}
			rest = ""
		}
	}
	if err := o.Validate(); err != nil {
		return Options{}, err
	}
	return o, nil
}

// takesValue reports whether flag takes a value in the reference's getopts
// specification "ahHb:c:de:f:l:mMn:p:st:r:2:3:w:uUvxz:".
func takesValue(flag byte) bool {
	return strings.IndexByte("bceflnptr23wz", flag) >= 0
}

// setSwitch applies a flag that takes no value.
func (o *Options) setSwitch(flag byte) error {
	switch flag {
	case 'a', 'd', 'v':
		// All systems, per-evaluation output, verbose: output only.
	case 'm':
		o.Stem = true
	case 'u':
		o.SkipUnigrams = true
	case 'U':
		o.SkipBoth = true
	case 'x':
		o.NoLCS = true
	case 's':
		return errors.New("rouge: -s (stopword removal) is not supported")
	case 'M':
		return errors.New("rouge: -M (stemming models only) is not supported")
	case 'h', 'H':
		return fmt.Errorf("rouge: -%c (usage) is not a scoring flag", flag)
	default:
		return fmt.Errorf("rouge: unknown flag -%c", flag)
	}
	return nil
}

// setValue applies a flag that takes a value.
func (o *Options) setValue(flag byte, value string) error {
	atoi := func() (int, error) {
		n, err := strconv.Atoi(value)
		if err != nil {
			return 0, fmt.Errorf("rouge: flag -%c wants an integer, got %q", flag, value)
		}
		return n, nil
	}
	atof := func() (float64, error) {
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return 0, fmt.Errorf("rouge: flag -%c wants a number, got %q", flag, value)
		}
		return x, nil
	}
	var err error
	switch flag {
	case 'n':
		o.MaxN, err = atoi()
	case 'l':
		o.LimitWords, err = atoi()
	case 'b':
		o.LimitBytes, err = atoi()
	case 'p':
		o.Alpha, err = atof()
	case '2':
		o.SkipBigrams = true
		o.SkipDistance, err = atoi()
	case 'w':
		if o.WeightFactor, err = atof(); err == nil && !(o.WeightFactor > 0) {
			err = fmt.Errorf("rouge: ROUGE-W weight factor (-w) is %v, want > 0", o.WeightFactor)
		}
	case 'f':
		switch value {
		case "A":
			o.Formula = ModelAverage
		case "B":
			o.Formula = BestModel
		default:
			err = fmt.Errorf("rouge: scoring formula (-f) is %q, want A or B", value)
		}
	case 'c':
		var cf float64
		if cf, err = atof(); err == nil && !(cf >= 0 && cf <= 100) {
			err = fmt.Errorf("rouge: confidence interval (-c) is %v, want 0 <= CF <= 100", cf)
		}
	case 'r':
		var n int
		if n, err = atoi(); err == nil && n < 0 {
			err = fmt.Errorf("rouge: number of resamples (-r) is %d, want >= 0", n)
		}
	case 't':
		var t int
		if t, err = atoi(); err == nil && (t == 1 || t == 2) {
			err = fmt.Errorf("rouge: -t %d (token counting units) is not supported; per-summary scores use sentence units (-t 0)", t)
		}
	case '3':
		err = errors.New("rouge: -3 (basic elements) is not supported")
	case 'e', 'z':
		// Data directory and input format of the reference's file list.
	}
	return err
}
