package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/brief"
	"github.com/parallax-news/parallax/internal/store"
)

// The jobs. Each kind's arguments say how it is unique: River refuses to
// insert a job equal to one still waiting or running, so inserts coalesce.

// active are the states in which a job blocks an equal one.
var active = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateScheduled, rivertype.JobStateRetryable,
}

// queueCluster is the queue of clustering jobs: one worker per process,
// since a step holds the database's one clustering lock anyway.
const queueCluster = "cluster"

// PollArgs poll one feed. One poll per feed at a time: a poll of a feed
// waiting or running makes another a no-op.
type PollArgs struct {
	URL string `json:"url" river:"unique"`
}

// Kind names the job.
func (PollArgs) Kind() string { return "poll_feed" }

// InsertOpts makes the job unique by feed while it waits or runs. A
// failing feed is not retried by River: its backoff is the feed's own.
func (PollArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: active}}
}

// FetchArgs fetch one article page and store its article. A page named by
// a feed entry whose feed carried only a teaser carries what the feed said
// of it, used when the page gives less.
type FetchArgs struct {
	URL       string    `json:"url" river:"unique"`
	Feed      string    `json:"feed,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Text is the feed's own text of the entry, "" when it had none.
	Text string `json:"text,omitempty"`
}

// Kind names the job.
func (FetchArgs) Kind() string { return "fetch_page" }

// InsertOpts makes the job unique by URL, finished jobs included (until
// River cleans them out after a day): a page is fetched once.
func (FetchArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 4, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ClusterArgs cluster the articles waiting for it.
type ClusterArgs struct{}

// Kind names the job.
func (ClusterArgs) Kind() string { return "cluster" }

// InsertOpts coalesces the inserts of one second into one job. The
// uniqueness is by the second and not by state alone, so that a job left
// "running" by a killed process does not block clustering until River
// rescues it.
func (ClusterArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueCluster, MaxAttempts: 10,
		UniqueOpts: river.UniqueOpts{ByPeriod: time.Second, ByState: active}}
}

// BriefArgs rebuild one story's brief.
type BriefArgs struct {
	StoryID string `json:"story_id" river:"unique"`
}

// Kind names the job.
func (BriefArgs) Kind() string { return "rebuild_brief" }

// InsertOpts: see Service.enqueueBriefs, which schedules the job ahead
// and makes it unique within the delay.
func (BriefArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 3} }

// TickArgs run the scheduler once: it queues polls of due feeds,
// clustering when articles wait for it, and briefs left stale.
type TickArgs struct{}

// Kind names the job.
func (TickArgs) Kind() string { return "tick" }

// InsertOpts: a tick that fails is not run again; the next one comes.
func (TickArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 1} }

// worker adapts a method of the service to River, counting what it does.
type worker[T river.JobArgs] struct {
	river.WorkerDefaults[T]
	s       *Service
	timeout time.Duration
	work    func(ctx context.Context, job *river.Job[T]) error
}

func (w *worker[T]) Work(ctx context.Context, job *river.Job[T]) error {
	err := w.work(ctx, job)
	w.s.m.job(job.Kind, err)
	if err != nil {
		var snooze *rivertype.JobSnoozeError
		if !errors.As(err, &snooze) {
			w.s.log.Warn("job failed", "kind", job.Kind, "id", job.ID, "attempt", job.Attempt, "err", err)
		}
	}
	return err
}

func (w *worker[T]) Timeout(*river.Job[T]) time.Duration { return w.timeout }

func (s *Service) riverConfig() *river.Config {
	ws := river.NewWorkers()
	river.AddWorker(ws, &worker[PollArgs]{s: s, timeout: 2 * time.Minute, work: func(ctx context.Context, j *river.Job[PollArgs]) error {
		return s.pollFeed(ctx, j.Args.URL)
	}})
	river.AddWorker(ws, &worker[FetchArgs]{s: s, timeout: 2 * time.Minute, work: func(ctx context.Context, j *river.Job[FetchArgs]) error {
		return s.fetchPage(ctx, j.Args, j.Attempt >= j.MaxAttempts)
	}})
	river.AddWorker(ws, &worker[ClusterArgs]{s: s, timeout: 2 * time.Minute, work: func(ctx context.Context, j *river.Job[ClusterArgs]) error {
		_, err := s.cluster(ctx, 20*time.Second)
		return err
	}})
	river.AddWorker(ws, &worker[BriefArgs]{s: s, timeout: 2 * time.Minute, work: func(ctx context.Context, j *river.Job[BriefArgs]) error {
		return s.rebuildBrief(ctx, j.Args.StoryID)
	}})
	river.AddWorker(ws, &worker[TickArgs]{s: s, timeout: time.Minute, work: func(ctx context.Context, j *river.Job[TickArgs]) error {
		return s.tick(ctx)
	}})
	return &river.Config{
		Logger: slog.New(&minLevel{min: slog.LevelWarn, h: s.log.Handler()}),
		Queues: map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: s.opts.Workers},
			queueCluster:       {MaxWorkers: 1},
		},
		Workers: ws,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(s.opts.Tick), func() (river.JobArgs, *river.InsertOpts) {
				return TickArgs{}, nil
			}, &river.PeriodicJobOpts{RunOnStart: true}),
		},
		JobTimeout:           2 * time.Minute,
		RescueStuckJobsAfter: max(s.opts.RescueAfter, 2*time.Minute+30*time.Second),
		MaxAttempts:          5,
		FetchPollInterval:    500 * time.Millisecond,
	}
}

// minLevel drops records under a level: River reports its routine at
// info, which the service's log does not need.
type minLevel struct {
	min slog.Level
	h   slog.Handler
}

func (m *minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= m.min && m.h.Enabled(ctx, l)
}
func (m *minLevel) Handle(ctx context.Context, r slog.Record) error { return m.h.Handle(ctx, r) }
func (m *minLevel) WithAttrs(as []slog.Attr) slog.Handler {
	return &minLevel{m.min, m.h.WithAttrs(as)}
}
func (m *minLevel) WithGroup(g string) slog.Handler { return &minLevel{m.min, m.h.WithGroup(g)} }

// enqueueCluster queues a clustering job. A failure is only logged: the
// scheduler queues one whenever articles wait unclustered.
func (s *Service) enqueueCluster(ctx context.Context) {
	if _, err := s.q.Insert(ctx, ClusterArgs{}, nil); err != nil {
		s.log.Warn("queueing clustering", "err", err)
	}
}

// enqueueBriefs queues the rebuild of each story's brief, delay from now.
// A story's rebuild is unique within a period of delay, by the time it is
// scheduled for: the articles that join a story while its rebuild waits
// are in that rebuild, and an article that joins while it runs, or after,
// falls in a later period and gets a rebuild of its own.
func (s *Service) enqueueBriefs(ctx context.Context, ids []string, delay time.Duration) error {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(ids) == 0 {
		return nil
	}
	at := s.opts.Now().Add(delay)
	period := max(s.opts.BriefDelay, time.Second)
	params := make([]river.InsertManyParams, 0, len(ids))
	for _, id := range ids {
		params = append(params, river.InsertManyParams{Args: BriefArgs{StoryID: id}, InsertOpts: &river.InsertOpts{
			ScheduledAt: at,
			UniqueOpts:  river.UniqueOpts{ByArgs: true, ByPeriod: period},
		}})
	}
	for len(params) > 0 {
		n := min(len(params), 1000)
		if _, err := s.q.InsertMany(ctx, params[:n]); err != nil {
			return fmt.Errorf("queueing %d brief rebuilds: %w", len(ids), err)
		}
		params = params[n:]
	}
	return nil
}

// cluster clusters the articles waiting for it, a step at a time, for
// about budget; when articles still wait after it, another job is queued.
func (s *Service) cluster(ctx context.Context, budget time.Duration) (int, error) {
	start := time.Now()
	total := 0
	for {
		res, err := s.clusterStep(ctx)
		if errors.Is(err, errNothing) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		total += res.Clustered
		if err := s.enqueueBriefs(ctx, res.Changed, s.opts.BriefDelay); err != nil {
			// The scheduler's sweep of stale briefs catches these.
			s.log.Warn("queueing briefs", "err", err)
		}
		if time.Since(start) > budget {
			s.enqueueCluster(ctx)
			return total, nil
		}
	}
}

// clusterStep takes the clustering lock, replays what other processes
// clustered since this one last did, clusters one batch and saves it.
func (s *Service) clusterStep(ctx context.Context) (step, error) {
	s.clusterMu.Lock()
	defer s.clusterMu.Unlock()
	unlock, err := s.st.LockClustering(ctx)
	if err != nil {
		return step{}, fmt.Errorf("taking the clustering lock: %w", err)
	}
	locked := time.Now()
	defer func() {
		unlock()
		s.m.lockedNanos.Add(int64(time.Since(locked)))
	}()
	if s.cs.broken {
		s.log.Warn("clustering state ran ahead of the store; replaying the log from the start")
		s.cs = newClusterState()
	}
	before := s.cs.mismatches
	n, err := s.cs.replay(ctx, s.st, true)
	if err != nil {
		s.cs.broken = true
		return step{}, err
	}
	s.m.replayed.Add(uint64(n))
	if d := s.cs.mismatches - before; d > 0 {
		s.m.mismatches.Add(uint64(d))
		s.log.Error("replayed articles landed in other stories than stored: clustering is not deterministic", "articles", d)
	}
	start := time.Now()
	res, err := s.cs.step(ctx, s.st, s.opts.ClusterBatch, s.opts.Now().UTC())
	if err != nil {
		if errors.Is(err, store.ErrConflict) {
			s.cs.broken = true
		}
		return res, err
	}
	s.m.clusterSeconds.Observe(time.Since(start).Seconds())
	s.m.clustered.Add(uint64(res.Clustered))
	s.m.memNanos.Add(int64(res.mem))
	return res, nil
}

// ClusterPending clusters every article waiting for it, now, in this
// process, and queues the rebuild of each changed story's brief for a
// running service. It returns the number of articles clustered.
func (s *Service) ClusterPending(ctx context.Context, progress func(clustered int)) (int, error) {
	changed := make(map[string]bool)
	n, err := s.clusterAll(ctx, changed, progress)
	if err != nil {
		return n, err
	}
	return n, s.briefsFor(ctx, changed)
}

// clusterAll clusters until no article waits, noting the changed stories.
func (s *Service) clusterAll(ctx context.Context, changed map[string]bool, progress func(clustered int)) (int, error) {
	total, conflicts := 0, 0
	for {
		res, err := s.clusterStep(ctx)
		if errors.Is(err, errNothing) {
			return total, nil
		}
		if errors.Is(err, store.ErrConflict) && conflicts < 3 {
			// Another process clustered these articles (two processes
			// on one SQLite file do not share a lock): start from the
			// log again.
			conflicts++
			continue
		}
		if err != nil {
			return total, fmt.Errorf("service: clustering: %w", err)
		}
		total += res.Clustered
		for _, id := range res.Changed {
			changed[id] = true
		}
		if progress != nil {
			progress(res.Clustered)
		}
	}
}

// briefsFor queues at once the rebuild of the briefs of these stories.
func (s *Service) briefsFor(ctx context.Context, changed map[string]bool) error {
	ids := make([]string, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if err := s.enqueueBriefs(ctx, ids, 0); err != nil {
		return fmt.Errorf("service: %w", err)
	}
	return nil
}

// LoadAndCluster is Load and ClusterPending at once: articles are
// clustered while the next ones are stored. stored and clustered, when
// set, are told how many more articles each step handled.
func (s *Service) LoadAndCluster(ctx context.Context, articles []store.Article, stored, clustered func(n int)) (LoadReport, int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var rep LoadReport
	var loadErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		rep, loadErr = s.Load(ctx, articles, stored)
		if loadErr != nil {
			cancel()
		}
	}()
	changed := make(map[string]bool)
	total := 0
	for done := false; !done; {
		select {
		case <-loaded:
			done = true // one more round clusters the last articles
		case <-time.After(20 * time.Millisecond):
		}
		n, err := s.clusterAll(ctx, changed, clustered)
		total += n
		if err != nil {
			cancel()
			<-loaded
			if loadErr != nil {
				return rep, total, loadErr
			}
			return rep, total, err
		}
	}
	if loadErr != nil {
		return rep, total, loadErr
	}
	return rep, total, s.briefsFor(ctx, changed)
}

// maxBriefArticles bounds the articles a brief is built from: the latest
// to join a very large story.
const maxBriefArticles = 200

// rebuildBrief builds a story's brief from its stored articles and stores
// it, unless the stored one is as new as the story.
func (s *Service) rebuildBrief(ctx context.Context, id string) error {
	st, err := s.st.Story(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil // merged into another, which has its own rebuild
	}
	if err != nil {
		return fmt.Errorf("reading story %s: %w", id, err)
	}
	if !st.Briefed.IsZero() && !st.Briefed.Before(st.Updated) {
		return nil
	}
	arts, err := s.st.StoryArticles(ctx, id)
	if err != nil {
		return fmt.Errorf("reading story %s's articles: %w", id, err)
	}
	if len(arts) > maxBriefArticles {
		arts = arts[len(arts)-maxBriefArticles:]
	}
	in := make([]parallax.Article, len(arts))
	for i, a := range arts {
		in[i] = a.Article
	}
	start := time.Now()
	b, err := brief.Build(ctx, in, brief.Options{})
	var bad *brief.InvalidArticleError
	switch {
	case errors.Is(err, brief.ErrNoArticles):
		return nil
	case errors.As(err, &bad):
		return river.JobCancel(fmt.Errorf("story %s: %w", id, err))
	case err != nil:
		return fmt.Errorf("story %s: %w", id, err)
	}
	js, err := json.Marshal(b)
	if err != nil {
		return river.JobCancel(fmt.Errorf("story %s: encoding its brief: %w", id, err))
	}
	if err := s.st.PutBrief(ctx, id, st.Updated, js); err != nil {
		return fmt.Errorf("storing story %s's brief: %w", id, err)
	}
	s.m.briefSeconds.Observe(time.Since(start).Seconds())
	return nil
}
