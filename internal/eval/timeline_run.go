package eval

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/timeline"
)

// A TimelineRequest is what a timeline method is asked for under the
// standard protocol (Ghalandari and Ifrim 2020): as many days as the
// reference timeline has, as many sentences per day as its mean (rounded),
// and only days within the reference's first and last day.
type TimelineRequest struct {
	Dates, PerDate int
	From, To       time.Time
}

// A TimelineMethod writes a timeline of a topic's articles.
type TimelineMethod func(articles []parallax.Article, req TimelineRequest) Timeline

// TimelineMethodNames lists the timeline methods NewTimelineMethod knows.
var TimelineMethodNames = []string{"parallax", "baseline"}

// NewTimelineMethod returns the named timeline method: "parallax"
// (timeline.Build) or "baseline" (timeline.PublicationBaseline).
func NewTimelineMethod(name string) (TimelineMethod, error) {
	var build func([]parallax.Article, timeline.Options) timeline.Timeline
	switch name {
	case "parallax":
		build = timeline.Build
	case "baseline":
		build = timeline.PublicationBaseline
	default:
		return nil, fmt.Errorf("eval: unknown timeline method %q (want parallax or baseline)", name)
	}
	return func(arts []parallax.Article, req TimelineRequest) Timeline {
		tl := build(arts, timeline.Options{Dates: req.Dates, PerDate: req.PerDate, From: req.From, To: req.To})
		return FromTimeline(tl)
	}, nil
}

// FromTimeline turns a built timeline into the form the metrics read.
func FromTimeline(tl timeline.Timeline) Timeline {
	out := make(Timeline, 0, len(tl.Entries))
	for _, e := range tl.Entries {
		d := TimelineDay{Date: e.Date.Time()}
		for _, s := range e.Sentences {
			d.Sentences = append(d.Sentences, s.Text)
		}
		out = append(out, d)
	}
	return out
}

// A TimelineRun is one predicted timeline scored against one reference.
type TimelineRun struct {
	Topic  string `json:"topic"`
	Source string `json:"source"`
	// Dates and PerDate are what was asked, Got the days predicted.
	Dates   int            `json:"dates"`
	PerDate int            `json:"per_date"`
	Got     int            `json:"got"`
	Scores  TimelineScores `json:"scores"`
	// Predicted is the predicted timeline.
	Predicted Timeline `json:"-"`
}

// A TimelineTopicResult holds a topic's runs, one per reference timeline,
// and their mean.
type TimelineTopicResult struct {
	Topic    string         `json:"topic"`
	Articles int            `json:"articles"`
	Runs     []TimelineRun  `json:"runs"`
	Mean     TimelineScores `json:"mean"`
}

// A TimelineResult is a method's run over a timeline dataset.
type TimelineResult struct {
	Method string `json:"method"`
	// WholeSpan reports that days were chosen from the articles' whole
	// span rather than within the reference's.
	WholeSpan bool                  `json:"whole_span"`
	Topics    []TimelineTopicResult `json:"topics"`
	// Mean is over every run (topic and reference), as the protocol
	// averages: precision and recall are averaged and F is computed from
	// the means.
	Mean TimelineScores `json:"mean"`
	Runs int            `json:"runs"`
	// Articles counts the articles read over all runs, and Seconds the
	// time spent building timelines (not scoring).
	Articles          int     `json:"articles"`
	Seconds           float64 `json:"seconds"`
	ArticlesPerSecond float64 `json:"articles_per_second"`
}

// RunTimelines builds, for every topic and every reference timeline of it,
// a timeline with m under the standard protocol and scores it against that
// reference with scorer. With wholeSpan, the method is not told the
// reference's first and last day and may choose any day: a stricter test
// of date selection than the protocol's, which on timelines whose days
// fill their span leaves little to choose.
func RunTimelines(ctx context.Context, topics []TimelineTopic, method string, m TimelineMethod, scorer *TimelineScorer, wholeSpan bool) (*TimelineResult, error) {
	res := &TimelineResult{Method: method, WholeSpan: wholeSpan}
	var all []TimelineScores
	var spent time.Duration
	for _, t := range topics {
		tr := TimelineTopicResult{Topic: t.Name, Articles: len(t.Articles)}
		var scores []TimelineScores
		for _, ref := range t.References {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			from, to := ref.Span()
			req := TimelineRequest{Dates: len(ref.Days), PerDate: ref.MeanSentences(), From: from, To: to}
			if wholeSpan {
				req.From, req.To = time.Time{}, time.Time{}
			}
			start := time.Now()
			pred := m(t.Articles, req)
			spent += time.Since(start)
			res.Articles += len(t.Articles)
			run := TimelineRun{Topic: t.Name, Source: ref.Source, Dates: req.Dates, PerDate: req.PerDate,
				Got: len(pred), Scores: scorer.Score(pred, ref.Days), Predicted: pred}
			tr.Runs = append(tr.Runs, run)
			scores = append(scores, run.Scores)
		}
		tr.Mean = MeanTimelineScores(scores)
		all = append(all, scores...)
		res.Topics = append(res.Topics, tr)
	}
	res.Runs = len(all)
	res.Mean = MeanTimelineScores(all)
	res.Seconds = spent.Seconds()
	if res.Seconds > 0 {
		res.ArticlesPerSecond = float64(res.Articles) / res.Seconds
	}
	return res, nil
}

// MeanTimelineScores averages precision and recall of every score over
// the runs and computes F from the means, as the evaluation script of
// Ghalandari and Ifrim (2020) does.
func MeanTimelineScores(runs []TimelineScores) TimelineScores {
	var out TimelineScores
	if len(runs) == 0 {
		return out
	}
	n := float64(len(runs))
	mean := func(get func(*TimelineScores) PRF) PRF {
		var p, r float64
		for i := range runs {
			v := get(&runs[i])
			p += v.Precision
			r += v.Recall
		}
		return newPRF(p/n, r/n)
	}
	out.Date = mean(func(s *TimelineScores) PRF { return s.Date })
	out.Concat.R1 = mean(func(s *TimelineScores) PRF { return s.Concat.R1 })
	out.Concat.R2 = mean(func(s *TimelineScores) PRF { return s.Concat.R2 })
	out.Agreement.R1 = mean(func(s *TimelineScores) PRF { return s.Agreement.R1 })
	out.Agreement.R2 = mean(func(s *TimelineScores) PRF { return s.Agreement.R2 })
	out.Align.R1 = mean(func(s *TimelineScores) PRF { return s.Align.R1 })
	out.Align.R2 = mean(func(s *TimelineScores) PRF { return s.Align.R2 })
	return out
}
