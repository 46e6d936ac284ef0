package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

// pollState is what the store keeps of a feed between polls: feed's own
// state (validators, entries seen, schedule and backoff) and, when the
// subscription names a page, the feed discovered on it.
type pollState struct {
	feed.FeedState
	Discovered string `json:"discovered,omitempty"`
}

func readPollState(f store.Feed) (*pollState, error) {
	ps := &pollState{}
	if len(f.State) > 0 {
		if err := json.Unmarshal(f.State, ps); err != nil {
			return nil, fmt.Errorf("feed %s: stored state: %w", f.URL, err)
		}
	}
	ps.URL = f.URL
	return ps, nil
}

const (
	feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"
	pageAccept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
	// teaserWords: an entry whose feed text is shorter is a teaser, and
	// its page is fetched (as ingest.PollFeeds decides).
	teaserWords = 120
)

// due reports whether a feed is due for a poll at now.
func due(f store.Feed, now time.Time) bool {
	ps, err := readPollState(f)
	return err != nil || ps.Due(now)
}

// pollFeed polls one feed once, if it is still followed and due: entries
// with their text become articles at once, teasers become fetch jobs. The
// articles and jobs are committed before the entries are marked seen, so
// a crash between the two makes the next poll see them again, and the
// store and the jobs' uniqueness make that harmless.
func (s *Service) pollFeed(ctx context.Context, feedURL string) error {
	feeds, err := s.st.Feeds(ctx)
	if err != nil {
		return fmt.Errorf("reading feeds: %w", err)
	}
	var sub *store.Feed
	for i := range feeds {
		if feeds[i].URL == feedURL {
			sub = &feeds[i]
		}
	}
	if sub == nil {
		return nil // no longer followed
	}
	ps, err := readPollState(*sub)
	if err != nil {
		s.log.Warn("starting the feed's state afresh", "feed", feedURL, "err", err)
		ps = &pollState{FeedState: feed.FeedState{URL: feedURL}}
	}
	now := s.opts.Now()
	if !ps.Due(now) {
		return nil // another process polled it
	}
	target := cmpOr(ps.Discovered, feedURL)
	f, resp, err := s.getFeed(ctx, target, &ps.FeedState)
	if err == nil && f == nil && resp != nil && !resp.NotModified && ps.Discovered == "" {
		// A page: poll the feed it announces.
		links := feed.Discover(resp.Body, resp.URL)
		if len(links) == 0 {
			err = fmt.Errorf("%s: a page that announces no feed", feedURL)
		} else {
			ps.Discovered = links[0].URL
			f, resp, err = s.getFeed(ctx, ps.Discovered, &ps.FeedState)
		}
	} else if err == nil && f == nil && !resp.NotModified {
		err = fmt.Errorf("%s: %w: not a feed", target, feed.ErrInvalid)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // interrupted, not the feed's fault: no backoff
		}
		s.m.fetchErrors.Inc()
		ps.Failed(now, s.schedule, err)
		var se *fetch.StatusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			ps.PutOff(now, s.schedule, se.RetryAfter)
		}
		s.log.Info("feed failed", "feed", feedURL, "failures", ps.Failures, "next", ps.NextAttempt.UTC().Format(time.RFC3339), "err", err)
		return s.saveFeedState(ctx, feedURL, ps)
	}
	if resp.NotModified {
		ps.Succeeded(now, s.schedule, resp.ETag, resp.LastModified)
		return s.saveFeedState(ctx, feedURL, ps)
	}

	outlet := f.Outlet(sub.Title)
	var arts []store.Article
	var fetches []river.InsertManyParams
	var present, handled []string
	for _, e := range f.Entries {
		present = append(present, e.ID)
		if ps.HasSeen(e.ID) {
			continue
		}
		handled = append(handled, e.ID)
		text := feed.PlainText(e.Content)
		if sum := feed.PlainText(e.Summary); countWords(sum) > countWords(text) {
			text = sum
		}
		a := store.Article{Article: parallax.Article{URL: e.URL, Outlet: outlet, Title: e.Title, Published: e.Published, Text: text}, Feed: target}
		if countWords(text) < teaserWords && e.URL != "" {
			fetches = append(fetches, river.InsertManyParams{Args: FetchArgs{URL: e.URL, Feed: target, Outlet: outlet, Title: e.Title, Published: e.Published, Text: text}})
			continue
		}
		if err := store.Check(a); err != nil {
			s.log.Info("feed entry skipped", "feed", target, "entry", e.ID, "err", err)
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) > 0 {
		puts, err := s.st.PutArticles(ctx, arts)
		if err != nil {
			return fmt.Errorf("storing %d entries of %s: %w", len(arts), target, err)
		}
		s.m.counted(puts)
		s.enqueueCluster(ctx)
	}
	if len(fetches) > 0 {
		if _, err := s.q.InsertMany(ctx, fetches); err != nil {
			return fmt.Errorf("queueing %d pages of %s: %w", len(fetches), target, err)
		}
	}
	ps.Remember(present, handled)
	ps.Succeeded(now, s.schedule, resp.ETag, resp.LastModified)
	s.log.Info("feed polled", "feed", feedURL, "entries", len(f.Entries), "new", len(handled), "stored", len(arts), "pages", len(fetches))
	return s.saveFeedState(ctx, feedURL, ps)
}

// getFeed downloads and parses a feed conditionally. A page that is not a
// feed gives a nil feed and the response.
func (s *Service) getFeed(ctx context.Context, u string, fs *feed.FeedState) (*feed.Feed, *fetch.Response, error) {
	resp, err := s.opts.Client.Get(ctx, fetch.Request{URL: u, ETag: fs.ETag, LastModified: fs.LastModified, Accept: feedAccept})
	if err != nil {
		return nil, nil, err
	}
	if resp.NotModified {
		return nil, resp, nil
	}
	f, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	if err != nil {
		if resp.IsHTML() {
			return nil, resp, nil
		}
		return nil, nil, err
	}
	if f.Dropped > 0 {
		s.log.Info("feed cut", "feed", u, "dropped", f.Dropped, "limit", feed.MaxEntries)
	}
	return f, resp, nil
}

func (s *Service) saveFeedState(ctx context.Context, feedURL string, ps *pollState) error {
	b, err := json.Marshal(ps)
	if err != nil {
		return fmt.Errorf("feed %s: encoding its state: %w", feedURL, err)
	}
	if err := s.st.SaveFeedState(ctx, feedURL, b); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("feed %s: saving its state: %w", feedURL, err)
	}
	return nil
}

// fetchPage downloads and extracts one page and stores its article. A
// page that cannot be read for good (refused, not found, not an article)
// is given up at once; one that failed otherwise is tried again by River,
// and on the last attempt the feed's own text, when there is one, is
// stored instead.
func (s *Service) fetchPage(ctx context.Context, args FetchArgs, last bool) error {
	x, err := s.readPage(ctx, args.URL)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		s.m.fetchErrors.Inc()
		permanent := isPermanent(err)
		if !permanent && !last {
			return err
		}
		if args.Text == "" {
			if permanent {
				return river.JobCancel(err)
			}
			return err
		}
		s.log.Info("page unreadable; storing the feed's text", "url", args.URL, "err", err)
	}
	a := store.Article{Article: parallax.Article{URL: args.URL, Outlet: args.Outlet, Title: args.Title, Published: args.Published, Text: args.Text}, Feed: args.Feed}
	if x != nil && countWords(x.Text) > countWords(args.Text) {
		r := x.Record()
		a.Text = r.Text
		if r.URL != "" {
			a.URL = r.URL
		}
		if a.Title == "" {
			a.Title = strings.TrimSpace(r.Title)
		}
		if a.Published.IsZero() {
			a.Published = r.Published
		}
		if a.Outlet == "" {
			a.Outlet = r.Outlet
		}
	}
	if err := store.Check(a); err != nil {
		return river.JobCancel(fmt.Errorf("%s: %w", args.URL, err))
	}
	puts, err := s.st.PutArticles(ctx, []store.Article{a})
	if err != nil {
		return fmt.Errorf("storing %s: %w", args.URL, err)
	}
	s.m.counted(puts)
	s.enqueueCluster(ctx)
	return nil
}

// readPage downloads one page and extracts its article.
func (s *Service) readPage(ctx context.Context, u string) (*extract.Article, error) {
	resp, err := s.opts.Client.Get(ctx, fetch.Request{URL: u, Accept: pageAccept})
	if err != nil {
		return nil, err
	}
	return extract.HTML(ctx, resp.Body, resp.Header.Get("Content-Type"), resp.URL, extract.Options{})
}

// isPermanent reports whether a fetch or extraction failure will not go
// away by trying again: a refused address or scheme, a 4xx answer other
// than 408 and 429, a page that is not an article.
func isPermanent(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code >= 400 && se.Code < 500 && se.Code != 408 && se.Code != 429
	}
	for _, e := range []error{fetch.ErrScheme, fetch.ErrBlocked, fetch.ErrTooLarge, fetch.ErrRedirects, extract.ErrNotHTML, extract.ErrNoArticle, extract.ErrTooLarge, extract.ErrTooDeep} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func countWords(s string) int { return len(strings.Fields(s)) }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
