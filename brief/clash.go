package brief

import (
	"slices"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
)

// A sentence does not support the one it conflicts with.
//
// When the brief reports that two outlets give different numbers for the
// same fact ("two yachts" and "three yachts" missing), each side's
// sentences report the fact with the other value: citing one side as the
// other's evidence would tell the reader that outlet gave a number it did
// not. Names spelled two ways are not such a conflict (the fact is the
// same), so only number conflicts part their sides.

// opposed maps each unit on a side of a number conflict to the units on
// the other sides.
func (s *Story) opposed(conflicts []parallax.Conflict) map[int][]int {
	out := make(map[int][]int)
	for _, c := range conflicts {
		if c.Kind != "number" {
			continue
		}
		sides := make([][]int, len(c.Sides))
		for i, side := range c.Sides {
			for _, sp := range side.Statement.Evidence {
				if u := s.Unit(sp); u >= 0 {
					sides[i] = append(sides[i], u)
				}
			}
		}
		for i := range sides {
			for j := range sides {
				if i == j {
					continue
				}
				for _, u := range sides[i] {
					out[u] = append(out[u], sides[j]...)
				}
			}
		}
	}
	return out
}

// dropOpposed removes from a unit's evidence what its conflicts oppose.
func dropOpposed(u int, ev []align.Evidence, opp map[int][]int) []align.Evidence {
	against := opp[u]
	if len(against) == 0 {
		return ev
	}
	return slices.DeleteFunc(slices.Clone(ev), func(e align.Evidence) bool {
		return slices.ContainsFunc(e.Units, func(v int) bool { return slices.Contains(against, v) })
	})
}

// opposition returns the story's number-conflict sides at the default
// threshold, found once, for Cite.
func (s *Story) opposition() map[int][]int {
	if s.opp == nil {
		matches := s.Align.AllMatches(Options{}.withDefaults().Threshold)
		s.opp = s.opposed(s.conflicts(matches))
	}
	return s.opp
}
