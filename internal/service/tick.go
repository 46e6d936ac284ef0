package service

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/parallax-news/parallax/internal/store"
)

// How far back the sweep of stale briefs looks: at a process's first
// sweep a day, later a few minutes before the previous sweep.
const (
	sweepEvery    = 30 * time.Second
	sweepFirst    = 24 * time.Hour
	sweepOverlap  = 5 * time.Minute
	feedsEvery    = 10 * time.Second
	sweepMaxPages = 50
)

// tick is the scheduler, run by River every Options.Tick on one process
// (River's elected leader inserts it): it queues clustering when articles
// wait for it (their own job was lost, or coalesced with one that had
// already looked), polls of the feeds that are due, and rebuilds of
// briefs older than their story that no job is going to rebuild.
func (s *Service) tick(ctx context.Context) error {
	c, err := s.st.Counts(ctx)
	if err != nil {
		return fmt.Errorf("counting: %w", err)
	}
	s.m.unclustered.Store(c.Unclustered)
	if c.Unclustered > 0 {
		s.enqueueCluster(ctx)
	}
	now := s.opts.Now()
	s.sweepMu.Lock()
	pollFeeds := c.Feeds > 0 && now.Sub(s.feedsAt) >= feedsEvery
	if pollFeeds {
		s.feedsAt = now
	}
	sweep := now.Sub(s.swept) >= sweepEvery
	since := now.Add(-sweepFirst)
	if !s.swept.IsZero() {
		since = s.swept.Add(-sweepOverlap)
	}
	if sweep {
		s.swept = now
	}
	s.sweepMu.Unlock()
	if pollFeeds {
		if err := s.pollDue(ctx, now); err != nil {
			return err
		}
	}
	if sweep {
		return s.sweepBriefs(ctx, since, now, 2*s.opts.BriefDelay+10*time.Second)
	}
	return nil
}

// recover queues, when a process starts, what a process that died may
// have left undone: clustering of the articles waiting for it, and the
// rebuild of every brief older than its story (of the stories updated
// in the last day), whatever its age, since the job that was to rebuild
// it may have died with the process. A rebuild queued twice costs one
// read: a brief as new as its story is not built again.
func (s *Service) recover(ctx context.Context) {
	c, err := s.st.Counts(ctx)
	if err != nil {
		s.log.Warn("counting at start", "err", err)
		return
	}
	if c.Unclustered > 0 {
		s.enqueueCluster(ctx)
	}
	now := s.opts.Now()
	if err := s.sweepBriefs(ctx, now.Add(-sweepFirst), now, 0); err != nil {
		s.log.Warn("looking for stale briefs at start", "err", err)
	}
}

// pollDue queues a poll of every feed that is due.
func (s *Service) pollDue(ctx context.Context, now time.Time) error {
	feeds, err := s.st.Feeds(ctx)
	if err != nil {
		return fmt.Errorf("reading feeds: %w", err)
	}
	var polls []river.InsertManyParams
	for _, f := range feeds {
		if due(f, now) {
			polls = append(polls, river.InsertManyParams{Args: PollArgs{URL: f.URL}})
		}
	}
	if len(polls) == 0 {
		return nil
	}
	if _, err := s.q.InsertMany(ctx, polls); err != nil {
		return fmt.Errorf("queueing %d polls: %w", len(polls), err)
	}
	return nil
}

// sweepBriefs queues a rebuild of the briefs older than their story among
// the stories updated since, that have waited longer than minAge: a
// process that died between saving a clustering step and queueing its
// rebuilds, or while a rebuild ran, leaves such stories behind.
func (s *Service) sweepBriefs(ctx context.Context, since, now time.Time, minAge time.Duration) error {
	var stale []string
	cursor := ""
	for range sweepMaxPages {
		page, err := s.st.Stories(ctx, store.StoryQuery{Since: since, Limit: 500, Cursor: cursor})
		if err != nil {
			return fmt.Errorf("listing stories updated since %s: %w", since.UTC().Format(time.RFC3339), err)
		}
		for _, st := range page.Stories {
			if st.Briefed.Before(st.Updated) && now.Sub(st.Updated) >= minAge {
				stale = append(stale, st.ID)
			}
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if len(stale) > 0 {
		s.log.Info("queueing stale briefs", "stories", len(stale))
	}
	return s.enqueueBriefs(ctx, stale, 0)
}
