package eval

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/ingest"
)

// A CitationLabel is one judged pair: a claim (a sentence a brief may show)
// and a sentence of another article, with whether that sentence reports
// the claim's information. Only ids, offsets and labels are kept, never
// the sentences.
type CitationLabel struct {
	// Set names the data: "duc2004-dev", "multinews-val" or "seeds".
	Set string `json:"set"`
	// Story is the story's id in its set ("" for the seeds).
	Story string `json:"story"`
	// Claim and Cand are the two sentences.
	Claim Ref `json:"claim"`
	Cand  Ref `json:"cand"`
	// Label is 1 when Cand reports Claim's information, else 0.
	Label int `json:"label"`
	// Note says, in the judge's words, why, when it was not obvious.
	Note string `json:"note,omitempty"`
}

// A Ref is a byte range of one article, named by its id.
type Ref struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Part tells whether a story belongs to the part used to tune ("tune") or
// to the part kept to check ("check"): a fixed split by hash.
func Part(set, story string) string {
	h := fnv.New32a()
	h.Write([]byte(set + "/" + story))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

// ReadCitationLabels reads a labelled set, one CitationLabel a line.
func ReadCitationLabels(path string) ([]CitationLabel, error) {
	var out []CitationLabel
	err := dataset.ReadLines(path, 1<<20, func(line int, b []byte) error {
		var l CitationLabel
		if err := json.Unmarshal(b, &l); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if l.Label != 0 && l.Label != 1 {
			return fmt.Errorf("line %d: label %d is not 0 or 1", line, l.Label)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// StoryLoader reads the stories a labelled set names from the shared data
// directory, each once.
type StoryLoader struct {
	Shared   string
	sets     map[string]map[string][]parallax.Article
	analyzed map[string]*brief.Story
}

// Story returns a story of a set analysed, each once.
func (l *StoryLoader) Story(ctx context.Context, set, story string) (*brief.Story, error) {
	if st, ok := l.analyzed[set+"/"+story]; ok {
		return st, nil
	}
	arts, err := l.Articles(ctx, set, story)
	if err != nil {
		return nil, err
	}
	if l.analyzed == nil {
		l.analyzed = make(map[string]*brief.Story)
	}
	st := brief.Analyze(ctx, arts)
	l.analyzed[set+"/"+story] = st
	return st, nil
}

// Articles returns the articles of a story of a set.
func (l *StoryLoader) Articles(ctx context.Context, set, story string) ([]parallax.Article, error) {
	if l.sets == nil {
		l.sets = make(map[string]map[string][]parallax.Article)
	}
	stories, ok := l.sets[set]
	if !ok {
		var err error
		if stories, err = l.load(ctx, set); err != nil {
			return nil, err
		}
		l.sets[set] = stories
	}
	arts, ok := stories[story]
	if !ok {
		return nil, fmt.Errorf("eval: set %s has no story %q", set, story)
	}
	return arts, nil
}

func (l *StoryLoader) load(ctx context.Context, set string) (map[string][]parallax.Article, error) {
	out := make(map[string][]parallax.Article)
	switch set {
	case "seeds":
		files, err := filepath.Glob(filepath.Join(l.Shared, "seeds", "*.txt"))
		if err != nil || len(files) == 0 {
			return nil, fmt.Errorf("eval: no seed articles in %s", filepath.Join(l.Shared, "seeds"))
		}
		slices.Sort(files)
		arts, problems := ingest.Read(ctx, files, ingest.Options{})
		if len(problems) > 0 {
			return nil, problems[0]
		}
		out[""] = arts
	case "duc2004-dev", "multinews-val":
		stories, err := dataset.Read(filepath.Join(l.Shared, "data", set+".jsonl.gz"))
		if err != nil {
			return nil, err
		}
		for i := range stories {
			out[stories[i].ID] = stories[i].Articles()
		}
	default:
		return nil, fmt.Errorf("eval: unknown set %q", set)
	}
	return out, nil
}

// CitationResult is the outcome of checking the brief's citations against
// a labelled set.
type CitationResult struct {
	// Pairs counts the labelled pairs, and Pair the decision on each pair
	// read alone: cited (the brief cites that very sentence for that
	// claim) against the label.
	Pairs int    `json:"pairs"`
	Pair  Binary `json:"pair"`
	// Outlets counts (claim, other article) cases with at least one judged
	// sentence. A citation is correct when the brief cites the article for
	// the claim with evidence judged to report it, wrong when its
	// evidence was judged not to, and unjudged when no label covers its
	// evidence. A case is supported when some judged sentence of the
	// article reports the claim; recall is the share of supported cases
	// the brief cites with correct evidence.
	Outlets   int `json:"outlets"`
	Correct   int `json:"correct"`
	Wrong     int `json:"wrong"`
	Unjudged  int `json:"unjudged"`
	Supported int `json:"supported"`
	Recalled  int `json:"recalled"`
	// Misses lists the wrong and unjudged citations and the supported
	// cases missed, for reading.
	Misses []CitationMiss `json:"misses,omitempty"`
}

// Precision is the share of judged citations that are correct.
func (r *CitationResult) Precision() float64 { return div(r.Correct, r.Correct+r.Wrong) }

// Recall is the share of supported cases cited with correct evidence.
func (r *CitationResult) Recall() float64 { return div(r.Recalled, r.Supported) }

// A CitationMiss is one citation or missed case to read.
type CitationMiss struct {
	Kind     string `json:"kind"` // "wrong", "unjudged" or "missed"
	Set      string `json:"set"`
	Story    string `json:"story"`
	Claim    Ref    `json:"claim"`
	Evidence []Ref  `json:"evidence,omitempty"`
}

// CitationOptions choose what Citations measures.
type CitationOptions struct {
	// Part is "tune", "check" or "" for all stories.
	Part string
	// Params, when not nil, replaces the decision's knobs.
	Params *align.Params
	// Cosine, when above 0, measures the decision Parallax used before the
	// same-information decision instead: an article is cited with its
	// sentence most similar to the claim when their cosine reaches Cosine.
	Cosine float64
}

// Citations checks, for every claim of the labelled set, the evidence the
// brief cites from each other article against the labels.
func Citations(ctx context.Context, labels []CitationLabel, loader *StoryLoader, opts CitationOptions) (*CitationResult, error) {
	part, params := opts.Part, opts.Params
	type caseKey struct {
		set, story string
		claim      Ref
		article    string
	}
	type storyKey struct{ set, story string }
	var keys []caseKey
	cases := make(map[caseKey][]CitationLabel)
	for _, l := range labels {
		if part != "" && Part(l.Set, l.Story) != part {
			continue
		}
		k := caseKey{l.Set, l.Story, l.Claim, l.Cand.Article}
		if _, ok := cases[k]; !ok {
			keys = append(keys, k)
		}
		cases[k] = append(cases[k], l)
	}
	res := &CitationResult{}
	set := make(map[storyKey]bool)
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st, err := loader.Story(ctx, k.set, k.story)
		if err != nil {
			return nil, err
		}
		if sk := (storyKey{k.set, k.story}); !set[sk] {
			p := align.DefaultParams
			if params != nil {
				p = *params
			}
			st.Align.SetParams(p)
			set[sk] = true
		}
		claim := parallax.Span{Source: k.claim.Article, Start: k.claim.Start, End: k.claim.End}
		var cited []parallax.Span
		if opts.Cosine > 0 {
			cited = citeByCosine(st, claim, k.article, opts.Cosine)
		} else {
			cited = st.Cite(claim, k.article)
		}
		var evidence []Ref
		for _, sp := range cited {
			evidence = append(evidence, Ref{sp.Source, sp.Start, sp.End})
		}
		res.Outlets++
		supported, judged, positive := false, false, false
		for _, l := range cases[k] {
			res.Pairs++
			hit := false
			for _, e := range evidence {
				if overlaps(e, l.Cand) {
					hit = true
				}
			}
			res.Pair.Add(l.Label == 1, hit)
			if l.Label == 1 {
				supported = true
			}
			if hit {
				judged = true
				positive = positive || l.Label == 1
			}
		}
		if supported {
			res.Supported++
		}
		miss := func(kind string) {
			res.Misses = append(res.Misses, CitationMiss{Kind: kind, Set: k.set, Story: k.story, Claim: k.claim, Evidence: evidence})
		}
		switch {
		case len(evidence) == 0:
			if supported {
				miss("missed")
			}
		case !judged:
			res.Unjudged++
			miss("unjudged")
		case positive:
			res.Correct++
			if supported {
				res.Recalled++
			}
		default:
			res.Wrong++
			miss("wrong")
		}
	}
	return res, nil
}

// citeByCosine cites, for the claim at span claim, the sentence of the
// article named article most similar to it, when their cosine reaches min.
func citeByCosine(st *brief.Story, claim parallax.Span, article string, min float64) []parallax.Span {
	u := st.Unit(claim)
	if u < 0 {
		return nil
	}
	for _, m := range st.Align.Matches(u, min) {
		if sp := st.Span(m.Unit); sp.Source == article {
			return []parallax.Span{sp}
		}
	}
	return nil
}

// overlaps reports whether two ranges of one article overlap by at least
// half of the shorter one.
func overlaps(a, b Ref) bool {
	if a.Article != b.Article {
		return false
	}
	o := min(a.End, b.End) - max(a.Start, b.Start)
	return o > 0 && 2*o >= min(a.End-a.Start, b.End-b.Start)
}

// A CitationCandidate is a pair to judge, with the sentences and their
// context for the judge to read. Candidates are written outside the
// repository; only the judged labels enter it.
type CitationCandidate struct {
	CitationLabel
	ClaimText   string `json:"claim_text"`
	ClaimBefore string `json:"claim_before,omitempty"`
	CandText    string `json:"cand_text"`
	CandBefore  string `json:"cand_before,omitempty"`
	CandAfter   string `json:"cand_after,omitempty"`
}

// CitationCandidates proposes pairs to judge for one story: for up to
// claims of the brief's summary sentences, and up to others articles each,
// the sentences of that article most alike by cosine and most covering
// the claim by the same-information measure (whether or not the decision
// accepts them), so that both what the brief cites and what it might miss
// get judged.
func CitationCandidates(ctx context.Context, set, story string, arts []parallax.Article, claims, others, perArticle int) ([]CitationCandidate, error) {
	st := brief.Analyze(ctx, arts)
	b, err := st.Brief(ctx, brief.Options{})
	if err != nil {
		return nil, err
	}
	var out []CitationCandidate
	n := 0
	for _, item := range b.Summary {
		if n == claims {
			break
		}
		n++
		claim := item.Evidence[0]
		cands := st.Candidates(claim, perArticle)
		// Take the others articles with the strongest candidates,
		// cycling through the rest so each is judged somewhere.
		slices.SortStableFunc(cands, func(x, y brief.Candidate) int { return cmp.Compare(y.Strength, x.Strength) })
		seen := make(map[string]bool)
		for _, c := range cands {
			if !seen[c.Span.Source] && len(seen) == others {
				continue
			}
			seen[c.Span.Source] = true
			out = append(out, candidate(st, set, story, claim, c.Span))
		}
	}
	return out, nil
}

func candidate(st *brief.Story, set, story string, claim, cand parallax.Span) CitationCandidate {
	c := CitationCandidate{CitationLabel: CitationLabel{
		Set: set, Story: story,
		Claim: Ref{claim.Source, claim.Start, claim.End},
		Cand:  Ref{cand.Source, cand.Start, cand.End},
	}}
	c.ClaimText, c.ClaimBefore, _ = st.Context(claim)
	c.CandText, c.CandBefore, c.CandAfter = st.Context(cand)
	return c
}
