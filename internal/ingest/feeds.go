package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
)

// A Getter downloads one URL within the limits of the safe client.
type Getter interface {
	Get(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

var _ Getter = (*fetch.Client)(nil)

// ErrBackingOff marks a feed not polled because it failed lately and its
// backoff has not run out.
var ErrBackingOff = errors.New("backing off")

// FeedOptions configure PollFeeds.
type FeedOptions struct {
	// Client downloads feeds and pages; required.
	Client Getter
	// State is the feeds' state, read and updated; required.
	State *feed.State
	// Write makes records durable (written and synced); it is called
	// once per feed with new entries, in input order, before the entries
	// are marked seen. An error stops the poll.
	Write func([]parallax.Article) error
	// Save persists State; it is called after each Write and once at the
	// end. Nil means the caller saves.
	Save func(*feed.State) error
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Schedule decides when feeds are due; the zero value means
	// feed.DefaultSchedule.
	Schedule feed.Schedule
	// Concurrency is how many feeds are polled at once; 0 means 4.
	Concurrency int
	// TeaserWords: an entry whose feed text is shorter is a teaser, and
	// its page is fetched and extracted; 0 means 120.
	TeaserWords int
	// MaxPages bounds the entry pages fetched per feed in one poll; the
	// entries past it wait for the next poll. 0 means 100.
	MaxPages int
	// Progress, when set, is called after each feed is done (polled,
	// failed or skipped) with the number done and the number in all.
	Progress func(done, total int)
}

// A FeedReport says what PollFeeds did.
type FeedReport struct {
	// Polled counts the feeds read, NotModified those answered 304.
	Polled, NotModified int
	// Written counts the records written.
	Written int
	// Pending counts new entries left for a later poll: their page
	// could not be read and the feed had no text for them, or the feed's
	// page budget ran out.
	Pending int
	// Problems are the feeds and entries skipped, each with why.
	Problems []Problem
	// Warnings are things done differently than asked, not skipped: an
	// entry written from the feed's own text because its page could not
	// be extracted, a feed cut at feed.MaxEntries.
	Warnings []Problem
}

// target is one feed to poll, as the user named it.
type target struct {
	input string // the URL as given (a feed, or a page announcing one)
	url   string // the feed's URL, when known; else input
	title string // the subscription's title in an OPML file
}

// PollFeeds polls every due feed named by inputs once, conditionally, and
// writes one article record for each entry not seen before. An input is a
// feed URL, a page URL (the feed it announces is polled; the choice is
// kept in the state), or an OPML file. A feed whose entries are only
// teasers has each new entry's page fetched and extracted. A failing feed
// is reported and backed off while the rest go on; a failing entry is
// reported and the feed goes on.
//
// Records are written in input order, a feed at a time. An entry is
// marked seen only after its record was written, and the state saved
// after each write, so a crash can neither lose an entry nor, once the
// state is saved, write it twice. The returned error is for what stops
// the whole poll: a Write or Save failure, or ctx ending.
func PollFeeds(ctx context.Context, inputs []string, opts FeedOptions) (FeedReport, error) {
	if opts.Client == nil || opts.State == nil || opts.Write == nil {
		return FeedReport{}, errors.New("ingest: PollFeeds needs a Client, a State and a Write")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Schedule.Base == 0 && opts.Schedule.Max == 0 && opts.Schedule.Interval == 0 {
		opts.Schedule = feed.DefaultSchedule
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 4
	}
	if opts.TeaserWords <= 0 {
		opts.TeaserWords = 120
	}
	if opts.MaxPages <= 0 {
		opts.MaxPages = 100
	}
	if opts.State.Pages == nil {
		opts.State.Pages = make(map[string]string)
	}
	p := &poller{opts: opts}
	targets := p.targets(inputs)

	// Poll the due feeds concurrently; commit their results in order. A
	// failed commit stops the polls still running.
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	now := opts.Now()
	results := make([]chan *polled, len(targets))
	sem := make(chan struct{}, opts.Concurrency)
	var wg sync.WaitGroup
	for i, t := range targets {
		if fs, ok := opts.State.Feeds[t.url]; ok && !fs.Due(now) {
			failures := "1 failure"
			if fs.Failures != 1 {
				failures = fmt.Sprintf("%d failures in a row", fs.Failures)
			}
			err := fmt.Errorf("%w after %s until %s (last error: %s)", ErrBackingOff, failures,
				fs.NextAttempt.UTC().Format(time.RFC3339), fs.LastError)
			p.report.Problems = append(p.report.Problems, Problem{Input: t.input, Err: err})
			p.progress(len(targets))
			continue
		}
		results[i] = make(chan *polled, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
				results[i] <- p.poll(ctx, t)
			case <-ctx.Done():
				results[i] <- &polled{t: t, feedURL: t.url, err: ctx.Err()}
			}
		}()
	}
	var err error
	for _, ch := range results {
		if ch == nil {
			continue
		}
		r := <-ch
		if err == nil {
			if err = p.commit(parent, r); err != nil {
				cancel()
			}
		}
		p.progress(len(targets))
	}
	wg.Wait()
	if opts.Save != nil {
		if serr := opts.Save(opts.State); err == nil {
			err = serr
		}
	}
	if err == nil {
		err = parent.Err()
	}
	return p.report, err
}

type poller struct {
	opts   FeedOptions
	mu     sync.Mutex // guards opts.State while feeds are polled
	report FeedReport
	done   int // feeds done, for Progress
}

func (p *poller) progress(total int) {
	p.done++
	if p.opts.Progress != nil {
		p.opts.Progress(p.done, total)
	}
}

// targets reads the inputs into the feeds to poll, each URL once.
func (p *poller) targets(inputs []string) []target {
	var ts []target
	seen := make(map[string]bool)
	add := func(t target) {
		if mapped, ok := p.opts.State.Pages[t.input]; ok {
			t.url = mapped
		}
		if seen[t.url] {
			return
		}
		seen[t.url] = true
		ts = append(ts, t)
	}
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			add(target{input: in, url: in})
			continue
		}
		subs, err := readOPMLFile(in)
		if err != nil {
			p.report.Problems = append(p.report.Problems, Problem{Input: in, Err: err})
			continue
		}
		for _, s := range subs {
			add(target{input: s.FeedURL, url: s.FeedURL, title: s.Title})
		}
	}
	return ts
}

func readOPMLFile(path string) ([]feed.Subscription, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, statError(err)
	}
	defer f.Close()
	subs, err := feed.ReadOPML(f)
	if err != nil {
		return nil, fmt.Errorf("%w: %v (an input is a feed or page URL, or an OPML file)", ErrInvalid, err)
	}
	if len(subs) == 0 {
		return nil, fmt.Errorf("%w: the OPML file lists no feed", ErrInvalid)
	}
	return subs, nil
}

// polled is the outcome of polling one feed, to be committed.
type polled struct {
	t       target
	feedURL string // the state's key
	page    string // the page the feed was discovered on, or ""
	err     error  // the feed failed
	// What a successful poll found.
	notModified        bool
	etag, lastModified string
	records            []newRecord
	present            []string // every entry id in the feed
	done               []string // ids handled without a record
	pending            int      // new entries left for a later poll
	problems, warnings []Problem
}

// newRecord is one new entry's record and the entry id it stands for.
type newRecord struct {
	entryID string
	article parallax.Article
}

const (
	feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"
	pageAccept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
)

// validators returns the feed's conditional-request validators and the
// ids already seen, under the lock.
func (p *poller) validators(feedURL string) (etag, lastModified string, seen map[string]bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	seen = make(map[string]bool)
	fs, ok := p.opts.State.Feeds[feedURL]
	if !ok {
		return "", "", seen
	}
	for id := range fs.Seen {
		seen[id] = true
	}
	return fs.ETag, fs.LastModified, seen
}

// poll reads one feed and builds the records of its new entries. It
// touches the state only to read it.
func (p *poller) poll(ctx context.Context, t target) *polled {
	r := &polled{t: t, feedURL: t.url}
	etag, lm, seen := p.validators(t.url)
	resp, err := p.opts.Client.Get(ctx, fetch.Request{URL: t.url, ETag: etag, LastModified: lm, Accept: feedAccept})
	if err != nil {
		r.err = err
		return r
	}
	if resp.NotModified {
		r.notModified, r.etag, r.lastModified = true, resp.ETag, resp.LastModified
		return r
	}
	f, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	if err != nil && t.url == t.input && resp.IsHTML() {
		// A page: poll the feed it announces instead.
		links := feed.Discover(resp.Body, resp.URL)
		if len(links) == 0 {
			r.err = fmt.Errorf("%w: a page that announces no feed (no <link rel=\"alternate\"> of a feed type)", ErrInvalid)
			return r
		}
		r.page, r.feedURL = t.input, links[0].URL
		etag, lm, seen = p.validators(r.feedURL)
		resp, err = p.opts.Client.Get(ctx, fetch.Request{URL: r.feedURL, ETag: etag, LastModified: lm, Accept: feedAccept})
		if err != nil {
			r.err = fmt.Errorf("the page's feed %s: %w", r.feedURL, err)
			return r
		}
		if resp.NotModified {
			r.notModified, r.etag, r.lastModified = true, resp.ETag, resp.LastModified
			return r
		}
		f, err = feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	}
	if err != nil {
		r.err = err
		return r
	}
	r.etag, r.lastModified = resp.ETag, resp.LastModified
	if f.Dropped > 0 {
		r.warnings = append(r.warnings, Problem{Input: r.feedURL, Err: fmt.Errorf(
			"the feed holds %d entries over the limit of %d; only the first %d were read", f.Dropped, feed.MaxEntries, feed.MaxEntries)})
	}
	outlet := f.Outlet(t.title)
	pages := p.opts.MaxPages
	for _, e := range f.Entries {
		r.present = append(r.present, e.ID)
		if seen[e.ID] {
			continue
		}
		if ctx.Err() != nil {
			r.pending++
			continue
		}
		p.entry(ctx, r, f, e, outlet, &pages)
	}
	return r
}

// entry builds the record of one new entry, fetching its page when the
// feed carries only a teaser.
func (p *poller) entry(ctx context.Context, r *polled, f *feed.Feed, e feed.Entry, outlet string, pages *int) {
	name := e.URL
	if name == "" {
		name = r.feedURL + "#" + e.ID
	}
	text := feed.PlainText(e.Content)
	if s := feed.PlainText(e.Summary); countWords(s) > countWords(text) {
		text = s
	}
	a := parallax.Article{
		ID:        extract.StableID(r.feedURL + "\x00" + e.ID),
		URL:       e.URL,
		Outlet:    outlet,
		Title:     e.Title,
		Published: e.Published,
	}
	if countWords(text) < p.opts.TeaserWords && e.URL != "" {
		if *pages == 0 {
			r.pending++
			return
		}
		*pages--
		page, err := fetchPage(ctx, p.opts.Client, e.URL)
		switch {
		case err == nil && countWords(page.Text) > countWords(text):
			text = page.Text
			if page.URL != "" {
				a.URL = page.URL
			}
			if a.Title == "" {
				a.Title = page.Title
			}
			if a.Published.IsZero() {
				a.Published = page.Record().Published
			}
		case err == nil:
			// The feed's text is the longer: keep it.
		case text != "":
			r.warnings = append(r.warnings, Problem{Input: name, Err: fmt.Errorf(
				"%w; wrote the feed's own text (%d words) instead", withoutURL(err, e.URL), countWords(text))})
		default:
			r.problems = append(r.problems, Problem{Input: name, Err: fmt.Errorf(
				"%w (the feed has no text for it; tried again on the next poll)", withoutURL(err, e.URL))})
			r.pending++
			return
		}
	}
	if text == "" {
		r.problems = append(r.problems, Problem{Input: name, Err: fmt.Errorf("%w: the entry has neither text nor a link", ErrInvalid)})
		r.done = append(r.done, e.ID)
		return
	}
	if err := (&reader{opts: Options{Limits: DefaultLimits}}).check([]byte(text)); err != nil {
		r.problems = append(r.problems, Problem{Input: name, Err: err})
		r.done = append(r.done, e.ID)
		return
	}
	a.Text = text
	r.records = append(r.records, newRecord{entryID: e.ID, article: a})
}

// commit records one feed's poll in the state, writing its new records
// first. It runs on one goroutine, in input order.
func (p *poller) commit(ctx context.Context, r *polled) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.opts.State
	now := p.opts.Now()
	rep := &p.report
	rep.Problems = append(rep.Problems, r.problems...)
	rep.Warnings = append(rep.Warnings, r.warnings...)
	rep.Pending += r.pending
	if r.err != nil {
		if ctx.Err() != nil && errors.Is(r.err, ctx.Err()) {
			// Interrupted, not the feed's fault: no backoff.
			rep.Problems = append(rep.Problems, Problem{Input: r.t.input, Err: r.err})
			return nil
		}
		rep.Problems = append(rep.Problems, Problem{Input: r.t.input, Err: withoutURL(r.err, r.t.input, r.feedURL)})
		fs := st.Feed(r.feedURL)
		fs.Failed(now, p.opts.Schedule, withoutURL(r.err, r.feedURL))
		var se *fetch.StatusError
		if errors.As(r.err, &se) && se.RetryAfter > 0 {
			fs.PutOff(now, p.opts.Schedule, se.RetryAfter)
		}
		return nil
	}
	if r.page != "" {
		st.Pages[r.page] = r.feedURL
	}
	fs := st.Feed(r.feedURL)
	rep.Polled++
	if r.notModified {
		rep.NotModified++
		fs.Succeeded(now, p.opts.Schedule, r.etag, r.lastModified)
		return nil
	}
	// The same feed may have been polled twice in this run (named as a
	// page and as itself): keep only entries still unseen.
	var arts []parallax.Article
	var handled []string
	for _, rec := range r.records {
		if !fs.HasSeen(rec.entryID) {
			arts = append(arts, rec.article)
			handled = append(handled, rec.entryID)
		}
	}
	if len(arts) > 0 {
		if err := p.opts.Write(arts); err != nil {
			return fmt.Errorf("writing records: %w", err)
		}
		rep.Written += len(arts)
	}
	fs.Remember(r.present, append(handled, r.done...))
	etag, lm := r.etag, r.lastModified
	if r.pending > 0 {
		// Entries are left for the next poll: ask for the whole feed then.
		etag, lm = "", ""
	}
	fs.Succeeded(now, p.opts.Schedule, etag, lm)
	if len(arts) > 0 && p.opts.Save != nil {
		if err := p.opts.Save(st); err != nil {
			return err
		}
	}
	return nil
}

func countWords(s string) int { return len(strings.Fields(s)) }

// withoutURL returns err without the leading URL (any of urls) that the fetch,
// extract and feed errors open with, since the report names it already.
func withoutURL(err error, urls ...string) error {
	msg := err.Error()
	for again := true; again; {
		again = false
		for _, u := range urls {
			for _, pre := range []string{u + ": ", "feed: " + u + ": "} {
				if u != "" && strings.HasPrefix(msg, pre) {
					msg, again = msg[len(pre):], true
				}
			}
		}
	}
	return &urlLessError{msg: msg, err: err}
}

// urlLessError is an error told in other words.
type urlLessError struct {
	msg string
	err error
}

func (e *urlLessError) Error() string { return e.msg }
func (e *urlLessError) Unwrap() error { return e.err }
