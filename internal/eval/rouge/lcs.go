package rouge

import (
	"math"
	"math/bits"
)

// lcsHits returns the summary-level union-LCS hits of the peer LCS units in
// sc against reference m: the ROUGE-L hit count, or with weighted the ROUGE-W
// weighted hit sum. V is the vocabulary size of the prepared references.
//
// As in ROUGE-1.5.5, each reference unit is aligned with every peer unit;
// the reference tokens on any of the backtracked LCS paths form the union
// LCS of that unit. A token of the union counts as a hit only while both the
// reference and the peer have unused occurrences of it left in their n-gram
// texts, which keeps ROUGE-L from exceeding ROUGE-1. The marks of one unit
// do not depend on the order of the peer units, so the peer units form the
// outer loop and each one's match masks are built once.
func (s *Scorer) lcsHits(m *model, sc *scratch, V int, weighted bool) (int, float64) {
	sc.mask = grow(sc.mask, m.unitLen)
	if len(sc.pm) < V {
		sc.pm = make([]uint64, V)
		sc.stamp = make([]uint32, V)
		sc.stampGen = 0
	}
	start := 0
	for _, end := range sc.unitEnds {
		peer := sc.unitIDs[start:end]
		start = end
		if len(peer) == 0 {
			continue
		}
		if !weighted && len(peer) <= 64 {
			for j, t := range peer {
				if t >= 0 {
					sc.pm[t] |= 1 << uint(j)
				}
			}
			off := 0
			for _, unit := range m.units {
				markLCSBits(unit, peer, sc.pm, sc.mask[off:off+len(unit)], sc)
				off += len(unit)
			}
			for _, t := range peer {
				if t >= 0 {
					sc.pm[t] = 0
				}
			}
			continue
		}
		// Mark the peer unit's tokens, to skip reference units sharing none.
		sc.stampGen++
		if sc.stampGen == 0 {
			clear(sc.stamp)
			sc.stampGen = 1
		}
		for _, t := range peer {
			if t >= 0 {
				sc.stamp[t] = sc.stampGen
			}
		}
		off := 0
		for _, unit := range m.units {
			mask := sc.mask[off : off+len(unit)]
			off += len(unit)
			shared := false
			for _, t := range unit {
				if sc.stamp[t] == sc.stampGen {
					shared = true
					break
				}
			}
			switch {
			case !shared:
			case weighted:
				s.markWLCS(unit, peer, mask, sc)
			default:
				markLCS(unit, peer, mask, sc)
			}
		}
	}

	sc.modelRem = append(sc.modelRem[:0], m.unigrams...)
	sc.peerRem = append(sc.peerRem[:0], sc.peerUni...)
	hits, whits := 0, 0.0
	off := 0
	for _, unit := range m.units {
		mask := sc.mask[off : off+len(unit)]
		off += len(unit)
		run := 0
		for j, t := range unit {
			if !mask[j] || sc.modelRem[t] <= 0 || sc.peerRem[t] <= 0 {
				continue
			}
			sc.modelRem[t]--
			sc.peerRem[t]--
			hits++
			if weighted {
				// ROUGE-W credits a run of consecutive hits when the next
				// token is off the LCS or the unit ends; a token on the LCS
				// whose count is used up neither extends nor ends the run.
				run++
				if j+1 == len(unit) || !mask[j+1] {
					whits += math.Pow(float64(run), s.opts.WeightFactor)
					run = 0
				}
			}
		}
	}
	return hits, whits
}

// markLCS computes the longest common subsequence of model and peer and
// marks in mask the model positions on the path ROUGE-1.5.5 backtracks:
// from the end, diagonally on a match, else up (dropping a model token) when
// that keeps at least as long an LCS as going left, else left.
func markLCS(model, peer []int32, mask []bool, sc *scratch) {
	m, n := len(model), len(peer)
	w := n + 1
	sc.dp = grow(sc.dp, (m+1)*w)
	c := sc.dp
	for i := 1; i <= m; i++ {
		up, row := c[(i-1)*w:i*w], c[i*w:(i+1)*w]
		_, _ = up[n], row[n]
		mt := model[i-1]
		for j, pt := range peer {
			v := max(up[j+1], row[j])
			if pt == mt {
				v = up[j] + 1
			}
			row[j+1] = v
		}
	}
	// Moving up or left keeps the LCS length of the remaining prefixes, a
	// diagonal step lowers it by one, and no match is left once it is 0.
	for i, j, rest := m, n, c[m*w+n]; rest > 0; {
		switch {
		case model[i-1] == peer[j-1]:
			i--
			j--
			mask[i] = true
			rest--
		case c[(i-1)*w+j] >= c[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}

// markLCSBits does what markLCS does for a peer unit of at most 64 tokens,
// with the bit-parallel LCS of Allison and Dix (1986) as formulated by
// Hyyrö (2004). pm[t] has bit j set when peer[j] is token t. Row i of the
// DP table is kept as a bit vector whose zero bits mark the columns where
// the row's LCS length grows, so any entry is a population count and the
// reference's backtrack can be replayed exactly.
func markLCSBits(model, peer []int32, pm []uint64, mask []bool, sc *scratch) {
	m, n := len(model), len(peer)
	if cap(sc.rows) < m+1 {
		sc.rows = make([]uint64, m+1)
	}
	rows := sc.rows[:m+1]
	v := ^uint64(0)
	rows[0] = v
	for i, t := range model {
		u := v & pm[t]
		v = (v + u) | (v - u)
		rows[i+1] = v
	}
	// lcs returns the DP entry c[i][j]: the LCS length of model[:i] and peer[:j].
	lcs := func(i, j int) int { return bits.OnesCount64(^rows[i] & lowBits(j)) }
	for i, j, rest := m, n, lcs(m, n); rest > 0; {
		switch {
		case model[i-1] == peer[j-1]:
			i--
			j--
			mask[i] = true
			rest--
		case lcs(i-1, j) >= lcs(i, j-1):
			i--
		default:
			j--
		}
	}
}

// lowBits returns a word with the low j bits set, 0 <= j <= 64.
func lowBits(j int) uint64 {
	if j >= 64 {
		return ^uint64(0)
	}
	return 1<<uint(j) - 1
}

// markWLCS is markLCS for the weighted LCS of ROUGE-W, where extending a run
// of k consecutive matches adds (k+1)^w - k^w.
func (s *Scorer) markWLCS(model, peer []int32, mask []bool, sc *scratch) {
	m, n := len(model), len(peer)
	w := n + 1
	sc.wdp = grow(sc.wdp, (m+1)*w)
	sc.wlen = grow(sc.wlen, (m+1)*w)
	c, l := sc.wdp, sc.wlen
	f := s.opts.WeightFactor
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			at := i*w + j
			switch {
			case model[i-1] == peer[j-1]:
				k := l[at-w-1]
				c[at] = c[at-w-1] + math.Pow(float64(k+1), f) - math.Pow(float64(k), f)
				l[at] = k + 1
			case c[at-w] >= c[at-1]:
				c[at] = c[at-w]
			default:
				c[at] = c[at-1]
			}
		}
	}
	for i, j := m, n; i > 0 && j > 0; {
		switch {
		case model[i-1] == peer[j-1]:
			i--
			j--
			mask[i] = true
		case c[(i-1)*w+j] >= c[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}
