package store

import (
	"fmt"
	"slices"
	"time"
)

// checkClustering validates a clustering step and returns it ready to save:
// stories with their Updated set (now when zero) and times truncated,
// merges resolved to their final story, stories merged away left out of
// Stories.
func checkClustering(c Clustering, now time.Time) (Clustering, error) {
	seen := make(map[string]bool, len(c.Assign))
	seqs := make(map[int64]bool, len(c.Assign))
	for i, a := range c.Assign {
		if a.ArticleID == "" || a.StoryID == "" || a.ClusterSeq <= 0 {
			return c, fmt.Errorf("%w: clustering: assignment %d (%q to %q, seq %d) needs an article, a story and a positive seq",
				ErrInvalid, i+1, clip(a.ArticleID), clip(a.StoryID), a.ClusterSeq)
		}
		if err := checkString("story id", a.StoryID, MaxID); err != nil {
			return c, fmt.Errorf("%w: clustering: assignment %d: %v", ErrInvalid, i+1, err)
		}
		if seen[a.ArticleID] {
			return c, fmt.Errorf("%w: clustering: article %q assigned twice", ErrInvalid, clip(a.ArticleID))
		}
		if seqs[a.ClusterSeq] {
			return c, fmt.Errorf("%w: clustering: cluster seq %d given twice", ErrInvalid, a.ClusterSeq)
		}
		seen[a.ArticleID], seqs[a.ClusterSeq] = true, true
	}
	merged := make(map[string]string, len(c.Merged))
	for from := range c.Merged {
		to, hops := from, 0
		for {
			next, ok := c.Merged[to]
			if !ok {
				break
			}
			to = next
			if hops++; hops > len(c.Merged) || to == from {
				return c, fmt.Errorf("%w: clustering: merges of %q run in a cycle", ErrInvalid, clip(from))
			}
		}
		if from == "" || to == "" {
			return c, fmt.Errorf("%w: clustering: a merge names an empty story", ErrInvalid)
		}
		merged[from] = to
	}
	now = micro(now)
	stories := make([]Story, 0, len(c.Stories))
	for _, s := range c.Stories {
		if _, gone := merged[s.ID]; gone {
			continue
		}
		if err := checkStory(s); err != nil {
			return c, err
		}
		s.Outlets = slices.Clone(s.Outlets)
		if s.Outlets == nil {
			s.Outlets = []string{}
		}
		s.First, s.Last, s.Updated, s.Briefed = micro(s.First), micro(s.Last), micro(s.Updated), time.Time{}
		if s.Updated.IsZero() {
			s.Updated = now
		}
		stories = append(stories, s)
	}
	return Clustering{Assign: c.Assign, Stories: stories, Merged: merged}, nil
}

// checkStory reports a story the store would refuse.
func checkStory(s Story) error {
	if s.ID == "" {
		return fmt.Errorf("%w: clustering: a story has no id", ErrInvalid)
	}
	bad := func(err error) error {
		return fmt.Errorf("%w: clustering: story %q: %v", ErrInvalid, clip(s.ID), err)
	}
	if err := checkString("id", s.ID, MaxID); err != nil {
		return bad(err)
	}
	if err := checkString("headline", s.Headline, MaxTitle); err != nil {
		return bad(err)
	}
	if len(s.Outlets) > 10000 {
		return bad(fmt.Errorf("%d outlets, over the limit of 10000", len(s.Outlets)))
	}
	for _, o := range s.Outlets {
		if err := checkString("outlet", o, maxOutlet); err != nil {
			return bad(err)
		}
	}
	if s.Articles < 0 || s.Reports < 0 {
		return bad(fmt.Errorf("negative count"))
	}
	for _, t := range []struct {
		name string
		t    time.Time
	}{{"first", s.First}, {"last", s.Last}, {"updated", s.Updated}} {
		if err := checkTime(t.name, t.t); err != nil {
			return bad(err)
		}
	}
	return nil
}

// uniq returns the distinct strings of a list in their first order.
func uniq(list []string) []string {
	seen := make(map[string]bool, len(list))
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
