package feed

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// A Schedule decides when a feed is next due: Interval after a successful
// poll, and after the n-th failure in a row Base·2ⁿ⁻¹, at most Max.
type Schedule struct {
	// Interval is the wait after a successful poll. Zero makes a feed due
	// again at once, for a command run on demand; a service polling on
	// its own sets minutes.
	Interval time.Duration
	// Base is the wait after a first failure; each further failure in a
	// row doubles it, up to Max.
	Base, Max time.Duration
	// Jitter, when set, adjusts every wait (to spread polls of many
	// feeds); nil keeps the schedule deterministic.
	Jitter func(time.Duration) time.Duration
}

// DefaultSchedule polls on demand and backs off from 5 minutes to a day.
var DefaultSchedule = Schedule{Base: 5 * time.Minute, Max: 24 * time.Hour}

// Backoff returns the wait after the given number of failures in a row.
func (s Schedule) Backoff(failures int) time.Duration {
	if failures <= 0 {
		return 0
	}
	base, limit := s.Base, s.Max
	if base <= 0 {
		base = DefaultSchedule.Base
	}
	if limit <= 0 {
		limit = DefaultSchedule.Max
	}
	d := base
	for i := 1; i < failures && d < limit; i++ {
		d *= 2
	}
	return min(d, limit)
}

func (s Schedule) jitter(d time.Duration) time.Duration {
	if s.Jitter == nil {
		return d
	}
	return max(s.Jitter(d), 0)
}

// KeepAbsent is how many ids of entries no longer in a feed a FeedState
// remembers, the most recently seen first. Ids of entries still in the
// feed are always kept.
const KeepAbsent = 500

// FeedState is what polling one feed leaves for the next poll.
type FeedState struct {
	// URL is the feed's address.
	URL string `json:"url"`
	// ETag and LastModified are the validators of the last response, sent
	// back to ask for the feed only if it changed.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// LastPolled is when the feed was last tried, successfully or not.
	LastPolled time.Time `json:"last_polled,omitzero"`
	// Failures counts the failed polls since the last success; LastError
	// says why the last one failed.
	Failures  int    `json:"failures,omitempty"`
	LastError string `json:"last_error,omitempty"`
	// NextAttempt is when the feed is next due.
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	// Polls counts the polls that read the feed's entries.
	Polls int `json:"polls,omitempty"`
	// Seen holds the ids of the entries already handled, each with the
	// number of the last poll (of Polls) that found it in the feed.
	Seen map[string]int `json:"seen,omitempty"`
}

// Due reports whether the feed may be polled at now.
func (f *FeedState) Due(now time.Time) bool { return !now.Before(f.NextAttempt) }

// HasSeen reports whether the entry id was handled before.
func (f *FeedState) HasSeen(id string) bool {
	_, ok := f.Seen[id]
	return ok
}

// Succeeded records a successful poll at now: the failures are forgotten,
// the validators kept for the next conditional request, and the feed is
// next due after the schedule's interval.
func (f *FeedState) Succeeded(now time.Time, s Schedule, etag, lastModified string) {
	f.LastPolled = now
	f.Failures = 0
	f.LastError = ""
	f.ETag, f.LastModified = etag, lastModified
	f.NextAttempt = now.Add(s.jitter(max(s.Interval, 0)))
}

// Failed records a failed poll at now and backs the feed off.
func (f *FeedState) Failed(now time.Time, s Schedule, err error) {
	f.LastPolled = now
	f.Failures++
	f.LastError = "unknown error"
	if err != nil {
		f.LastError = err.Error()
	}
	f.NextAttempt = now.Add(s.jitter(s.Backoff(f.Failures)))
}

// PutOff makes the feed wait at least d after now, as a server's
// Retry-After asks, but never longer than the schedule's Max.
func (f *FeedState) PutOff(now time.Time, s Schedule, d time.Duration) {
	limit := s.Max
	if limit <= 0 {
		limit = DefaultSchedule.Max
	}
	if t := now.Add(min(d, limit)); t.After(f.NextAttempt) {
		f.NextAttempt = t
	}
}

// Remember records a poll that read the feed's entries: handled are the
// ids of the entries handled in this poll, present the ids of every entry
// in the feed. Ids already seen that are still present stay; of the ids
// no longer present, the KeepAbsent most recently seen stay.
func (f *FeedState) Remember(present, handled []string) {
	f.Polls++
	if f.Seen == nil {
		f.Seen = make(map[string]int)
	}
	for _, id := range handled {
		f.Seen[id] = f.Polls
	}
	for _, id := range present {
		if _, ok := f.Seen[id]; ok {
			f.Seen[id] = f.Polls
		}
	}
	type aged struct {
		id   string
		poll int
	}
	var absent []aged
	for id, p := range f.Seen {
		if p < f.Polls {
			absent = append(absent, aged{id, p})
		}
	}
	if len(absent) <= KeepAbsent {
		return
	}
	slices.SortFunc(absent, func(a, b aged) int {
		return cmp.Or(cmp.Compare(b.poll, a.poll), cmp.Compare(a.id, b.id))
	})
	for _, a := range absent[KeepAbsent:] {
		delete(f.Seen, a.id)
	}
}

// StateFile is the name of the state's file in its directory.
const StateFile = "feeds.json"

const stateVersion = 1

// State is the polling state of every feed, kept in a directory.
type State struct {
	// Version is the file format's version.
	Version int `json:"version"`
	// Feeds are the feeds' states by feed address.
	Feeds map[string]*FeedState `json:"feeds"`
	// Pages remembers the feed discovered on a page, by page address.
	Pages map[string]string `json:"pages,omitempty"`
}

// NewState returns an empty state.
func NewState() *State {
	return &State{Version: stateVersion, Feeds: make(map[string]*FeedState)}
}

// Feed returns the state of the feed at url, adding an empty one (due at
// once) when there is none.
func (s *State) Feed(url string) *FeedState {
	if f, ok := s.Feeds[url]; ok {
		return f
	}
	f := &FeedState{URL: url}
	s.Feeds[url] = f
	return f
}

// ErrCorrupt marks a state file that cannot be read.
var ErrCorrupt = errors.New("corrupt feed state")

// ErrLocked: another poller holds the state directory.
var ErrLocked = errors.New("feed state locked")

// LoadState reads the state kept in dir, or returns an empty state when
// there is none yet. A file that cannot be read as a state is an error
// wrapping ErrCorrupt: it is never silently replaced.
func LoadState(dir string) (*State, error) {
	file := filepath.Join(dir, StateFile)
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return NewState(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("feed state: %w", err)
	}
	corrupt := func(why string) error {
		return fmt.Errorf("%w: %s: %s; move it away to start afresh (every entry still in a feed will then be written again)", ErrCorrupt, file, why)
	}
	s := NewState()
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(s); err != nil {
		return nil, corrupt(err.Error())
	}
	if dec.More() {
		return nil, corrupt("data after the state")
	}
	if s.Version != stateVersion {
		return nil, corrupt(fmt.Sprintf("format version %d, want %d", s.Version, stateVersion))
	}
	if s.Feeds == nil {
		s.Feeds = make(map[string]*FeedState)
	}
	for url, f := range s.Feeds {
		if f == nil {
			return nil, corrupt(fmt.Sprintf("feed %q has no state", url))
		}
		f.URL = url
	}
	return s, nil
}

// Save writes the state to dir, creating dir if needed. The file is
// replaced atomically (written to a temporary file, synced, renamed), so a
// crash leaves either the old state or the new one.
func (s *State) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	b = append(b, '\n')
	tmp, err := os.CreateTemp(dir, "."+StateFile+".*")
	if err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(b); err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, StateFile)); err != nil {
		return fmt.Errorf("feed state: %w", err)
	}
	done = true
	if d, err := os.Open(dir); err == nil { // make the rename durable where the system allows
		d.Sync()
		d.Close()
	}
	return nil
}
