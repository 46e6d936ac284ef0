package eval

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval/rouge"
)

// A StoryResult is one story's summary and scores.
type StoryResult struct {
	ID      string
	Summary []string
	Scores  rouge.Scores
	// Err is why the story has no summary, if it has none.
	Err error
}

// A Result is a method's run over a dataset.
type Result struct {
	Method  string
	Words   int
	Stories []StoryResult
	// Recall and F hold, per metric, the mean over stories with a 95%
	// bootstrap interval.
	Recall, F map[string]Interval
	Metrics   []string
	// Elapsed is the wall-clock time spent summarizing (not scoring), and
	// Workers the number of stories summarized at once.
	Elapsed time.Duration
	Workers int
	// Failed counts stories the method gave no summary for.
	Failed int
}

// StoriesPerSecond is the summarizing throughput.
func (r *Result) StoriesPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(len(r.Stories)) / r.Elapsed.Seconds()
}

// BootstrapRounds is the number of resamples for intervals and tests.
const BootstrapRounds = 1000

// Run summarizes every story with m within words, then scores every
// summary against the story's references with scorer. Stories are
// summarized by workers goroutines at once (0 means GOMAXPROCS). A story
// whose summary fails scores zero and is counted in Failed.
func Run(ctx context.Context, stories []dataset.Story, m Method, words int, scorer *rouge.Scorer, workers int) (*Result, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{Method: m.Name(), Words: words, Stories: make([]StoryResult, len(stories)),
		Metrics: scorer.Metrics(), Workers: workers}
	start := time.Now()
	parallel(len(stories), workers, func(i int) {
		if ctx.Err() != nil {
			return
		}
		s := &stories[i]
		sum, err := safeSummarize(ctx, m, s, words)
		res.Stories[i] = StoryResult{ID: s.ID, Summary: sum, Err: err}
	})
	res.Elapsed = time.Since(start)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	parallel(len(stories), workers, func(i int) {
		s := &stories[i]
		res.Stories[i].Scores = scorer.Score(res.Stories[i].Summary, referenceSentences(s))
	})
	res.Recall, res.F = make(map[string]Interval), make(map[string]Interval)
	for _, name := range res.Metrics {
		r, f := make([]float64, len(stories)), make([]float64, len(stories))
		for i, sr := range res.Stories {
			r[i], f[i] = sr.Scores[name].Recall, sr.Scores[name].F
		}
		res.Recall[name] = Bootstrap(r, 0.95, BootstrapRounds, 1)
		res.F[name] = Bootstrap(f, 0.95, BootstrapRounds, 2)
	}
	for _, sr := range res.Stories {
		if sr.Err != nil {
			res.Failed++
		}
	}
	return res, nil
}

// safeSummarize runs a method on one story and turns a panic into an
// error naming the story, so one bad story cannot stop a run.
func safeSummarize(ctx context.Context, m Method, s *dataset.Story, words int) (sum []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("story %s: %s panicked: %v", s.ID, m.Name(), r)
		}
	}()
	sum, err = m.Summarize(ctx, s, words)
	if err != nil {
		err = fmt.Errorf("story %s: %w", s.ID, err)
	}
	return sum, err
}

// parallel calls f(i) for every i in [0, n) on workers goroutines.
func parallel(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
