package cluster

// timeHeap is a min-heap of stories by their latest publication time,
// ties by story id, so stories close in a fixed order.
type timeHeap struct {
	ids   []int32
	times []int64
}

func (h *timeHeap) len() int { return len(h.ids) }

func (h *timeHeap) less(i, j int) bool {
	return h.times[i] < h.times[j] || h.times[i] == h.times[j] && h.ids[i] < h.ids[j]
}

func (h *timeHeap) swap(i, j int) {
	h.ids[i], h.ids[j] = h.ids[j], h.ids[i]
	h.times[i], h.times[j] = h.times[j], h.times[i]
}

func (h *timeHeap) push(id int32, t int64) {
	h.ids = append(h.ids, id)
	h.times = append(h.times, t)
	for i := len(h.ids) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.swap(i, p)
		i = p
	}
}

func (h *timeHeap) peek() (int32, int64) { return h.ids[0], h.times[0] }

func (h *timeHeap) pop() {
	n := len(h.ids) - 1
	h.swap(0, n)
	h.ids, h.times = h.ids[:n], h.times[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(l, m) {
			m = l
		}
		if r < n && h.less(r, m) {
			m = r
		}
		if m == i {
			return
		}
		h.swap(i, m)
		i = m
	}
}
