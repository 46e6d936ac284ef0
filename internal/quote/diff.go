package quote

// An Op is one change between two word sequences a and b: the words
// a[A:AEnd] are replaced by b[B:BEnd]. A == AEnd for words only added,
// B == BEnd for words only left out.
type Op struct {
	A, AEnd, B, BEnd int
}

// maxCells caps the table of the word alignment; longer middles (after the
// common beginning and end are set aside) count as one change.
const maxCells = 1 << 18

// Diff returns the changes that turn the words a into the words b, in
// order, along a longest common subsequence: nil when they are equal.
// Between two words kept, the words left out and those added make one
// Op. When the parts that differ are too long to align (more than maxCells
// pairs), they are one Op.
func Diff(a, b []string) []Op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(am) == 0 && len(bm) == 0 {
		return nil
	}
	if len(am) == 0 || len(bm) == 0 || len(am)*len(bm) > maxCells {
		return []Op{{A: pre, AEnd: pre + len(am), B: pre, BEnd: pre + len(bm)}}
	}
	// t[i][j] is the length of the longest common subsequence of am[i:]
	// and bm[j:].
	w := len(bm) + 1
	t := make([]int32, (len(am)+1)*w)
	for i := len(am) - 1; i >= 0; i-- {
		for j := len(bm) - 1; j >= 0; j-- {
			switch {
			case am[i] == bm[j]:
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			case t[(i+1)*w+j] >= t[i*w+j+1]:
				t[i*w+j] = t[(i+1)*w+j]
			default:
				t[i*w+j] = t[i*w+j+1]
			}
		}
	}
	var ops []Op
	i, j := 0, 0
	open := false
	var cur Op
	flush := func() {
		if open {
			ops = append(ops, cur)
			open = false
		}
	}
	for i < len(am) || j < len(bm) {
		switch {
		case i < len(am) && j < len(bm) && am[i] == bm[j]:
			flush()
			i++
			j++
			continue
		case j >= len(bm) || i < len(am) && t[(i+1)*w+j] >= t[i*w+j+1]:
			if !open {
				cur, open = Op{A: pre + i, AEnd: pre + i, B: pre + j, BEnd: pre + j}, true
			}
			i++
			cur.AEnd = pre + i
		default:
			if !open {
				cur, open = Op{A: pre + i, AEnd: pre + i, B: pre + j, BEnd: pre + j}, true
			}
			j++
			cur.BEnd = pre + j
		}
	}
	flush()
	return ops
}

// maxIsland is the most words kept between two changes that Coalesce may
// fold into them.
const maxIsland = 3

// Coalesce joins two changes of ops (as Diff returns them for a and b)
// when the words kept between them are at most maxIsland and all of them
// are minor (function words, as minor reports): "would get questioned in
// such a highly politicised" against "who has a lawyer would answer" is
// one change, not two around a shared "a". It returns ops, modified.
func Coalesce(ops []Op, a []string, minor func(string) bool) []Op {
	if len(ops) < 2 {
		return ops
	}
	out := ops[:1]
	for _, op := range ops[1:] {
		last := &out[len(out)-1]
		island := op.A - last.AEnd
		join := island <= maxIsland && island == op.B-last.BEnd
		for k := last.AEnd; join && k < op.A; k++ {
			join = minor(a[k])
		}
		if join {
			last.AEnd, last.BEnd = op.AEnd, op.BEnd
			continue
		}
		out = append(out, op)
	}
	return out
}
