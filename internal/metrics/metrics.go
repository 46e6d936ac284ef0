// Package metrics keeps the service's counters, gauges and latency
// histograms and writes them in the Prometheus text exposition format.
//
// It is a few dozen lines instead of a client library because the service
// needs only these three kinds, without labels beyond one fixed set per
// series.
package metrics

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// A Registry holds named series. The zero value is not usable; use New.
type Registry struct {
	mu     sync.Mutex
	series map[string]series
	gauges map[string]func() float64
	help   map[string]string
}

type series interface {
	kind() string
	write(w io.Writer, name string)
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{series: map[string]series{}, gauges: map[string]func() float64{}, help: map[string]string{}}
}

// A Counter only goes up.
type Counter struct{ v atomic.Uint64 }

// Add adds n.
func (c *Counter) Add(n uint64) { c.v.Add(n) }

// Inc adds one.
func (c *Counter) Inc() { c.v.Add(1) }

// Value returns the count.
func (c *Counter) Value() uint64 { return c.v.Load() }

func (c *Counter) kind() string { return "counter" }
func (c *Counter) write(w io.Writer, name string) {
	fmt.Fprintf(w, "%s %d\n", name, c.v.Load())
}

// Counter returns the counter of this name, creating it. A name may carry
// fixed labels: `parallax_jobs_total{kind="poll"}`.
func (r *Registry) Counter(name, help string) *Counter {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.series[name]; ok {
		return s.(*Counter)
	}
	c := &Counter{}
	r.series[name] = c
	r.help[family(name)] = help
	return c
}

// Gauge registers a value read when the metrics are written.
func (r *Registry) Gauge(name, help string, read func() float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gauges[name] = read
	r.help[family(name)] = help
}

// Buckets are the histogram's upper bounds in seconds.
var Buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// A Histogram counts observations in Buckets.
type Histogram struct {
	mu     sync.Mutex
	counts []uint64
	sum    float64
	n      uint64
}

// Observe records one value in seconds.
func (h *Histogram) Observe(v float64) {
	i := sort.SearchFloat64s(Buckets, v)
	h.mu.Lock()
	if i < len(Buckets) {
		h.counts[i]++
	}
	h.sum += v
	h.n++
	h.mu.Unlock()
}

func (h *Histogram) kind() string { return "histogram" }
func (h *Histogram) write(w io.Writer, name string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	base, labels := split(name)
	var cum uint64
	for i, b := range Buckets {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket%s %d\n", base, join(labels, fmt.Sprintf(`le="%g"`, b)), cum)
	}
	fmt.Fprintf(w, "%s_bucket%s %d\n", base, join(labels, `le="+Inf"`), h.n)
	fmt.Fprintf(w, "%s_sum%s %g\n", base, join(labels, ""), h.sum)
	fmt.Fprintf(w, "%s_count%s %d\n", base, join(labels, ""), h.n)
}

// Histogram returns the histogram of this name, creating it.
func (r *Registry) Histogram(name, help string) *Histogram {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.series[name]; ok {
		return s.(*Histogram)
	}
	h := &Histogram{counts: make([]uint64, len(Buckets))}
	r.series[name] = h
	r.help[family(name)] = help
	return h
}

// Write writes every series in the Prometheus text format, families in
// name order.
func (r *Registry) Write(w io.Writer) error {
	r.mu.Lock()
	names := make([]string, 0, len(r.series)+len(r.gauges))
	for n := range r.series {
		names = append(names, n)
	}
	for n := range r.gauges {
		names = append(names, n)
	}
	sort.Strings(names)
	series := make(map[string]series, len(r.series))
	for n, s := range r.series {
		series[n] = s
	}
	gauges := make(map[string]func() float64, len(r.gauges))
	for n, g := range r.gauges {
		gauges[n] = g
	}
	help := make(map[string]string, len(r.help))
	for n, h := range r.help {
		help[n] = h
	}
	r.mu.Unlock()

	var b strings.Builder
	seen := map[string]bool{}
	for _, n := range names {
		f := family(n)
		s, isSeries := series[n]
		if !seen[f] {
			seen[f] = true
			kind := "gauge"
			if isSeries {
				kind = s.kind()
			}
			fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", f, help[f], f, kind)
		}
		if isSeries {
			s.write(&b, n)
			continue
		}
		v := gauges[n]()
		if math.IsNaN(v) {
			continue
		}
		fmt.Fprintf(&b, "%s %g\n", n, v)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func family(name string) string {
	f, _ := split(name)
	return f
}

func split(name string) (string, string) {
	if i := strings.IndexByte(name, '{'); i >= 0 {
		return name[:i], strings.TrimSuffix(name[i+1:], "}")
	}
	return name, ""
}

func join(labels, extra string) string {
	switch {
	case labels == "" && extra == "":
		return ""
	case labels == "":
		return "{" + extra + "}"
	case extra == "":
		return "{" + labels + "}"
	}
	return "{" + labels + "," + extra + "}"
}
