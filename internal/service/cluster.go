package service

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/store"
)

// replayChunk is how many log entries are read at a time when replaying.
const replayChunk = 2000

// futureSlack: a publication time later than this after the article was
// stored is taken for a mistake, and the article is clustered as undated,
// so one bad date cannot close every open story. The rule reads only what
// is stored, so a replay decides the same.
const futureSlack = 24 * time.Hour

// clusterState is one process's copy of the clustering: an online
// clusterer fed the clustering log in log order, and what the service
// needs to know of each of its stories. Every process that clusters keeps
// one; feeding it the same log in the same order gives the same state
// (the clusterer is deterministic), so a process that replays what others
// clustered decides as they would have. It is not safe for concurrent
// use; Service.clusterMu guards it.
type clusterState struct {
	c    *cluster.Clusterer
	arts []parallax.Article // by the clusterer's arrival index
	// stories are the live stories (not merged away), by the clusterer's
	// story number.
	stories map[int]*storyRec
	// last is the ClusterSeq of the last article added.
	last int64
	// broken is set when the clusterer ran ahead of the store (a save
	// failed after its articles were added): it is rebuilt from the log
	// before it is used again.
	broken bool
	// mismatches counts replayed articles whose story here differs from
	// the stored one: zero unless clustering is not deterministic.
	mismatches int
	sketches   sketchCache
}

// storyRec is what the service keeps of one story of the clusterer.
type storyRec struct {
	id      string // the stored story's id, from its founding article
	members []int  // arrival indexes, ascending
	stored  bool   // the store knows the story
}

func newClusterState() *clusterState {
	return &clusterState{
		c:        cluster.New(cluster.Options{Prior: align.BackgroundIDF()}),
		stories:  make(map[int]*storyRec),
		sketches: make(sketchCache),
	}
}

// StoryID returns the id of the story founded by the article of this id:
// a story keeps the id of the article that started it, whatever joins or
// merges into it later, and a replay of the log gives the same ids.
func StoryID(articleID string) string {
	h := sha256.Sum256([]byte(articleID))
	return "s" + hex.EncodeToString(h[:8])
}

// add feeds one article to the clusterer and records its story; merges are
// found by settle.
func (cs *clusterState) add(a store.Article) int {
	p := a.Article
	if !p.Published.IsZero() && !a.Stored.IsZero() && p.Published.After(a.Stored.Add(futureSlack)) {
		p.Published = time.Time{}
	}
	idx := len(cs.arts)
	cs.arts = append(cs.arts, a.Article)
	s := cs.c.Add(p)
	if r, ok := cs.stories[s]; ok {
		r.members = append(r.members, idx)
	} else {
		cs.stories[s] = &storyRec{id: StoryID(a.ID), members: []int{idx}}
	}
	return idx
}

// settle finds the stories merged away since it last ran, folds their
// members into the stories they joined, and returns the merged-away
// stories that the store knows, by id, with the id of the story each
// joined now. It walks every live story: a pointer or two each, once per
// batch.
func (cs *clusterState) settle(changed map[int]bool) map[string]string {
	var merged map[string]string
	for n, r := range cs.stories {
		to := cs.c.StoryOf(r.members[0])
		if to == n {
			continue
		}
		into := cs.stories[to]
		into.members = append(into.members, r.members...)
		slices.Sort(into.members)
		delete(cs.stories, n)
		if changed != nil {
			changed[to] = true
			delete(changed, n)
		}
		if r.stored {
			if merged == nil {
				merged = make(map[string]string)
			}
			merged[r.id] = into.id
		}
	}
	// A story merged into one that merged away in turn joined the last.
	for from, to := range merged {
		for {
			next, ok := merged[to]
			if !ok {
				break
			}
			to = next
		}
		merged[from] = to
	}
	return merged
}

// replay brings the clusterer up to the end of the stored log. When check
// is set (the caller holds the clustering lock, so the log is complete and
// the stored stories final), each replayed article's story is compared
// with the stored one.
func (cs *clusterState) replay(ctx context.Context, st store.Store, check bool) (int, error) {
	n := 0
	for {
		log, err := st.ClusterLog(ctx, cs.last, replayChunk)
		if err != nil {
			return n, fmt.Errorf("reading the clustering log after %d: %w", cs.last, err)
		}
		if len(log) == 0 {
			return n, nil
		}
		first := len(cs.arts)
		for _, a := range log {
			cs.add(a)
			cs.last = a.ClusterSeq
		}
		cs.settle(nil)
		for _, r := range cs.stories {
			r.stored = true
		}
		if check {
			for i, a := range log {
				if got := cs.stories[cs.c.StoryOf(first+i)].id; got != a.StoryID {
					cs.mismatches++
				}
			}
		}
		n += len(log)
	}
}

// A step is what one clustering step did.
type step struct {
	Clustered int
	// Changed are the ids of the stories that gained articles or facts.
	Changed []string
	// Merged counts the stored stories merged into others.
	Merged int
	// mem is the time spent in memory: the clusterer and the facts.
	mem time.Duration
}

// errNothing: no article waits for clustering.
var errNothing = errors.New("nothing to cluster")

// step clusters up to limit unclustered articles and saves the result. The
// caller holds the clustering lock and has replayed the log.
func (cs *clusterState) step(ctx context.Context, st store.Store, limit int, now time.Time) (step, error) {
	arts, err := st.Unclustered(ctx, limit)
	if err != nil {
		return step{}, fmt.Errorf("reading unclustered articles: %w", err)
	}
	if len(arts) == 0 {
		return step{}, errNothing
	}
	// Publication order within the batch, undated ones after the dated,
	// arrival order among equals.
	slices.SortStableFunc(arts, func(a, b store.Article) int {
		az, bz := a.Published.IsZero(), b.Published.IsZero()
		switch {
		case az && bz:
			return cmp.Compare(a.Seq, b.Seq)
		case az:
			return 1
		case bz:
			return -1
		}
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.Seq, b.Seq))
	})
	cs.broken = true // until the save succeeds
	start := time.Now()
	changed := make(map[int]bool)
	idxs := make([]int, len(arts))
	for i, a := range arts {
		idxs[i] = cs.add(a)
		changed[cs.c.StoryOf(idxs[i])] = true
	}
	merged := cs.settle(changed)
	c := store.Clustering{Merged: merged}
	for i, a := range arts {
		c.Assign = append(c.Assign, store.Assignment{
			ArticleID:  a.ID,
			StoryID:    cs.stories[cs.c.StoryOf(idxs[i])].id,
			ClusterSeq: cs.last + int64(i) + 1,
		})
	}
	ids := make([]int, 0, len(changed))
	for n := range changed {
		ids = append(ids, n)
	}
	slices.Sort(ids)
	res := step{Clustered: len(arts), Merged: len(merged)}
	for _, n := range ids {
		r := cs.stories[n]
		c.Stories = append(c.Stories, cs.facts(r, now))
		res.Changed = append(res.Changed, r.id)
	}
	res.mem = time.Since(start)
	if err := st.SaveClustering(ctx, c); err != nil {
		return step{}, fmt.Errorf("saving the clustering of %d articles: %w", len(arts), err)
	}
	for _, n := range ids {
		cs.stories[n].stored = true
	}
	cs.last += int64(len(arts))
	cs.broken = false
	return res, nil
}
