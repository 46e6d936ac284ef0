package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what one article may hold. Text matches internal/ingest's
// default limit; the rest are generous bounds on fields that are shown in
// lists and URLs.
const (
	// MaxText is the longest article text stored, in bytes.
	MaxText = 2 << 20
	// MaxTitle is the longest title stored, in bytes.
	MaxTitle = 4 << 10
	// MaxID is the longest article or story id, in bytes.
	MaxID = 256
	// maxURL bounds URL, Feed and Canonical.
	maxURL = 8 << 10
	// maxOutlet bounds Outlet.
	maxOutlet = 512
	// MaxBrief is the largest brief stored, in bytes.
	MaxBrief = 32 << 20
)

// Check reports what is wrong with an article the store would refuse, nil
// when it is fine: text empty or too long, a field that is not valid UTF-8
// or holds a NUL byte, a field over its limit, a publication time outside
// the years 1 to 9999. PutArticles refuses a whole batch with one bad
// article, so a caller handling untrusted records checks each first and
// reports the bad ones apart.
func Check(a Article) error {
	if strings.TrimSpace(a.Text) == "" {
		return fmt.Errorf("%w: article %q: empty text", ErrInvalid, clip(a.ID))
	}
	fields := []struct {
		name, value string
		max         int
	}{
		{"id", a.ID, MaxID},
		{"text", a.Text, MaxText},
		{"title", a.Title, MaxTitle},
		{"url", a.URL, maxURL},
		{"outlet", a.Outlet, maxOutlet},
		{"feed", a.Feed, maxURL},
		{"canonical", a.Canonical, maxURL},
		{"hash", a.Hash, 128},
		{"story id", a.StoryID, MaxID},
	}
	for _, f := range fields {
		if err := checkString(f.name, f.value, f.max); err != nil {
			return fmt.Errorf("%w: article %q: %v", ErrInvalid, clip(a.ID), err)
		}
	}
	if a.Hash != "" && (len(a.Hash) < 16 || strings.Trim(a.Hash, "0123456789abcdef") != "") {
		return fmt.Errorf("%w: article %q: hash %q is not 16 to 128 lower-case hex digits", ErrInvalid, clip(a.ID), clip(a.Hash))
	}
	for _, t := range []struct {
		name string
		t    time.Time
	}{{"published", a.Published}, {"stored", a.Stored}} {
		if err := checkTime(t.name, t.t); err != nil {
			return fmt.Errorf("%w: article %q: %v", ErrInvalid, clip(a.ID), err)
		}
	}
	return nil
}

// checkString reports a string the databases cannot hold or that is over
// max bytes.
func checkString(name, s string, max int) error {
	if len(s) > max {
		return fmt.Errorf("%s is %d bytes, over the limit of %d", name, len(s), max)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", name)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%s holds a NUL byte", name)
	}
	return nil
}

// checkTime reports a time outside the years 1 to 9999 (zero is fine).
func checkTime(name string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%s time %s is outside the years 1 to 9999", name, t.UTC().Format(time.RFC3339))
	}
	return nil
}

// clip shortens a string quoted in an error message.
func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	i := 80
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// A batch is PutArticles' input prepared: checked, normalized, and
// deduplicated within itself.
type batch struct {
	// arts are the articles with Canonical, Hash, ID (a first choice),
	// Stored and times truncated to microseconds.
	arts []Article
	// ids are each article's id choices: the given id first when there is
	// one, then derived ones.
	ids [][]string
	// same[i] is the index of the earlier article in the batch that
	// article i duplicates, or -1.
	same []int
}

// prepare checks and normalizes a batch. now is the Stored time given to
// articles without one.
func prepare(articles []Article, now time.Time) (*batch, error) {
	b := &batch{
		arts: make([]Article, len(articles)),
		ids:  make([][]string, len(articles)),
		same: make([]int, len(articles)),
	}
	byCanon := make(map[string]int)
	byHash := make(map[string]int)
	now = micro(now)
	for i, a := range articles {
		if err := Check(a); err != nil {
			return nil, fmt.Errorf("article %d of %d: %w", i+1, len(articles), err)
		}
		if a.Canonical == "" {
			a.Canonical = CanonicalURL(a.URL)
		}
		if a.Hash == "" {
			a.Hash = TextHash(a.Text)
		}
		if a.Stored.IsZero() {
			a.Stored = now
		}
		a.Stored = micro(a.Stored)
		a.Published = micro(a.Published)
		a.Seq, a.StoryID, a.ClusterSeq = 0, "", 0
		ids := derivedIDs(a.Canonical, a.Hash)
		if a.ID != "" {
			ids = append([]string{a.ID}, ids...)
		}
		a.ID = ids[0]
		b.arts[i], b.ids[i], b.same[i] = a, ids, -1
		if j, ok := byCanon[a.Canonical]; ok && a.Canonical != "" {
			b.same[i] = j
			continue
		}
		if j, ok := byHash[a.Hash]; ok {
			b.same[i] = j
			continue
		}
		if a.Canonical != "" {
			byCanon[a.Canonical] = i
		}
		byHash[a.Hash] = i
	}
	return b, nil
}

// micro returns t in UTC truncated to the microsecond, the precision both
// databases keep; the zero time stays zero.
func micro(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Microsecond)
}

// checkFeed validates a feed to add and returns it with Added set.
func checkFeed(f Feed, now time.Time) (Feed, error) {
	f.URL = strings.TrimSpace(f.URL)
	if CanonicalURL(f.URL) == "" {
		return f, fmt.Errorf("%w: feed %q: not an http or https URL", ErrInvalid, clip(f.URL))
	}
	for _, s := range []struct{ name, v string }{{"url", f.URL}, {"title", f.Title}, {"category", f.Category}} {
		if err := checkString(s.name, s.v, maxURL); err != nil {
			return f, fmt.Errorf("%w: feed %q: %v", ErrInvalid, clip(f.URL), err)
		}
	}
	if err := checkTime("added", f.Added); err != nil {
		return f, fmt.Errorf("%w: feed %q: %v", ErrInvalid, clip(f.URL), err)
	}
	if f.Added.IsZero() {
		f.Added = now
	}
	f.Added = micro(f.Added)
	return f, nil
}

// checkBrief validates a brief to store.
func checkBrief(storyID string, at time.Time, brief []byte) error {
	switch {
	case storyID == "":
		return fmt.Errorf("%w: brief: no story id", ErrInvalid)
	case at.IsZero():
		return fmt.Errorf("%w: brief of story %q: no build time", ErrInvalid, clip(storyID))
	case len(brief) == 0:
		return fmt.Errorf("%w: brief of story %q: empty", ErrInvalid, clip(storyID))
	case len(brief) > MaxBrief:
		return fmt.Errorf("%w: brief of story %q: %d bytes, over the limit of %d", ErrInvalid, clip(storyID), len(brief), MaxBrief)
	case !json.Valid(brief):
		return fmt.Errorf("%w: brief of story %q: not JSON", ErrInvalid, clip(storyID))
	}
	return checkTime("brief", at)
}
