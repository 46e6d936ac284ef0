package service

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/store"
)

// IngestArticles stores article records and queues their clustering. It
// returns once they are committed. A record the store would refuse fails
// the call, naming it, before anything is stored: callers taking records
// from outside check them one by one first (store.Check).
func (s *Service) IngestArticles(ctx context.Context, articles []store.Article) ([]store.Put, error) {
	for i := range articles {
		if err := store.Check(articles[i]); err != nil {
			return nil, fmt.Errorf("service: record %d: %w", i+1, err)
		}
	}
	puts, err := s.st.PutArticles(ctx, articles)
	if err != nil {
		return nil, fmt.Errorf("service: storing %d articles: %w", len(articles), err)
	}
	s.m.counted(puts)
	s.enqueueCluster(ctx)
	return puts, nil
}

// IngestURL queues the fetch and extraction of one article page. It
// returns once the job is committed; a page already fetched in the last
// day is not fetched again.
func (s *Service) IngestURL(ctx context.Context, url string) error {
	if store.CanonicalURL(url) == "" {
		return fmt.Errorf("service: %w: %q is not an absolute http or https URL", store.ErrInvalid, clipURL(url))
	}
	if _, err := s.q.Insert(ctx, FetchArgs{URL: url}, nil); err != nil {
		return fmt.Errorf("service: queueing the fetch of %s: %w", url, err)
	}
	return nil
}

// FeedAdded queues a poll of a newly added feed.
func (s *Service) FeedAdded(ctx context.Context, url string) error {
	if _, err := s.q.Insert(ctx, PollArgs{URL: url}, nil); err != nil {
		return fmt.Errorf("service: queueing a poll of %s: %w", url, err)
	}
	return nil
}

// A LoadReport says what Load did.
type LoadReport struct {
	// Stored counts the articles that were new, Duplicates those already
	// stored (by canonical URL or text).
	Stored, Duplicates int
}

// loadBatch is how many articles Load stores in one transaction.
const loadBatch = 500

// Load stores many articles, in transactions of a few hundred, and
// returns what became of them; progress, when set, is told after each
// transaction how many more articles were handled. Records must pass
// store.Check. It does not cluster them: ClusterPending does, or a
// running service's scheduler.
func (s *Service) Load(ctx context.Context, articles []store.Article, progress func(n int)) (LoadReport, error) {
	var rep LoadReport
	for len(articles) > 0 {
		n := min(len(articles), loadBatch)
		puts, err := s.st.PutArticles(ctx, articles[:n])
		if err != nil {
			return rep, fmt.Errorf("service: storing articles: %w", err)
		}
		s.m.counted(puts)
		for _, p := range puts {
			if p.Created {
				rep.Stored++
			} else {
				rep.Duplicates++
			}
		}
		if progress != nil {
			progress(n)
		}
		articles = articles[n:]
	}
	if rep.Stored > 0 {
		s.enqueueCluster(ctx)
	}
	return rep, nil
}

func clipURL(u string) string {
	if len(u) > 200 {
		return u[:200] + "…"
	}
	return u
}
