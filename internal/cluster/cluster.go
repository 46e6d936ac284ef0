package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// DefaultWindow is how long a story stays open after its latest article,
// in publication time.
const DefaultWindow = 7 * 24 * time.Hour

// Options control clustering. The zero value is ready to use.
type Options struct {
	// Window is how long after its latest dated article a story can still
	// be joined, in publication time; 0 means DefaultWindow, a negative
	// value no limit. Undated articles ignore it.
	Window time.Duration
	// Threshold is the least similarity (0 to 1) at which an article joins
	// a story; 0 means DefaultThreshold.
	Threshold float64
	// Check, when set, decides which texts are articles instead of the
	// built-in rule (IsArticle, run on the texts that need it; see New).
	// What is not an article is set apart as a story of its own that
	// nothing joins.
	Check func(text string) (ok bool, reason string)
	// Prior, when set, gives the inverse document frequency ln(N/df) of a
	// word's stem (internal/text's stems) in a large background of news,
	// and whether the background knows the stem; align.BackgroundIDF is
	// one. The stream's document frequencies then start from pseudo
	// articles drawn from it, so that word weights hold in a pile of a few
	// articles; the stream's own counts take over as it grows.
	Prior func(stem string) (idf float64, known bool)
}

// DefaultThreshold is the similarity at which an article joins a story by
// default, set on half of Multi-News validation and on DUC 2004 dev
// (docs/EVALUATION.md).
const DefaultThreshold = 0.22

// params are the knobs of the similarity and the search.
type params struct {
	threshold float64 // join when the best similarity reaches this
	merge     float64 // merge two stories whose centroids reach this
	weights   termWeights
	query     int     // an article looks up its this many heaviest terms
	postings  int     // in the latest this many open stories of each term
	compare   int     // and compares itself in full with this many of them
	keep      int     // a story's centroid keeps this many heaviest terms
	short     int     // a text of fewer words is read by the text stage
	pseudo    float64 // with a prior, the number of pseudo articles
}

var defaultParams = params{
	threshold: DefaultThreshold,
	merge:     0.5,
	weights:   termWeights{name: 2, title: 2, lead: 2, leadWords: 30},
	query:     8,
	postings:  32,
	compare:   8,
	keep:      300,
	short:     100,
	pseudo:    500,
}

// A Story is a group of articles about one event.
type Story struct {
	// ID numbers the story in the order stories were started, from 0.
	ID int
	// Articles are the indexes of its articles (in the order of Add, or
	// in the input of Group), in arrival order; IDs are their Article.IDs.
	Articles []int
	IDs      []string
	// Title is the most representative headline: the title closest to the
	// story's words among its articles' titles; "" when none has one.
	Title string
	// Central is the index of the article with that title; when no article
	// has a title, of the one whose opening words are closest to the
	// story's words.
	Central int
	// First and Last are the earliest and latest publication times of its
	// dated articles; zero when none is dated.
	First, Last time.Time
	// Aside is set when the story is one text set apart as not an article:
	// it says why (see IsArticle).
	Aside string
}

// A Clusterer groups a stream of articles into stories, online: each
// article joins the most similar open story, if it is similar enough, or
// starts a new one (see the package documentation). Feed it articles in
// publication order. It is not safe for concurrent use.
type Clusterer struct {
	p      params
	window int64 // nanoseconds; <0: none
	check  func(string) (bool, string)
	// checkDrop is the built-in check, which also returns the byte ranges
	// of the text that are not the article.
	checkDrop func(text string, drop [][2]int) (bool, string, [][2]int)
	v         *vocab

	arts      []artRec
	stories   []*story
	hot       []hot     // story -> what a search reads of it, kept dense
	post      [][]int32 // term -> stories that got it, in the order they did
	stale     int       // postings entries of merged or closed stories
	total     int       // postings entries
	clock     int64     // the latest publication time seen
	quiet     timeHeap  // dated open stories by latest time, to close them
	sentences map[uint64]struct{}

	// scratch
	toks   []token
	buf    []byte
	run    []int32
	drop   [][2]int
	hashes []uint64
	tc     termCounter
	vec    []entry
	merged []entry
	query  []entry
	gen    uint32
	cands  []int32
	out    []candidate
}

type artRec struct {
	// a is the article with only its opening kept of its text (what the
	// headline of an untitled story reads), so a long stream does not
	// hold every text it has seen.
	a     parallax.Article
	story int32 // the story it joined or started (follow merges)
}

// hot is what a search reads of a story for every postings entry, kept
// in one dense array (reading the story itself would cost a cache miss
// each).
type hot struct {
	first, last int64   // as in story
	acc         float32 // weight shared with the current query
	gen         uint32  // the query that acc belongs to
	open        bool    // has terms, not merged, not closed
}

type story struct {
	id          int32
	members     []int32 // arrival indexes
	vec         []entry // sum of the members' unit vectors, by term
	norm        float32 // norm of vec under the idf, at its last change
	first, last int64   // span of the dated members (Unix ns); 0: none
	merged      int32   // the story it merged into, or -1
	closed      bool    // quiet for longer than the window: out of the index
	posted      int     // postings entries pointing at it
	aside       string
}

// An entry is a weighted term of an article or a story.
type entry struct {
	term int32
	w    float32
}

type candidate struct {
	story int32
	sim   float64
}

// New returns a Clusterer.
func New(opts Options) *Clusterer {
	p := defaultParams
	if opts.Threshold > 0 {
		p.threshold = opts.Threshold
	}
	return newWith(opts, p)
}

func newWith(opts Options, p params) *Clusterer {
	c := &Clusterer{p: p, v: newVocab(opts.Prior, p.pseudo), check: opts.Check, sentences: make(map[uint64]struct{})}
	c.checkDrop = (&Checker{st: c.v.stemmer}).check
	switch {
	case opts.Window == 0:
		c.window = int64(DefaultWindow)
	case opts.Window < 0:
		c.window = -1
	default:
		c.window = int64(opts.Window)
	}
	return c
}

// Len returns the number of articles added.
func (c *Clusterer) Len() int { return len(c.arts) }

// Add adds the next article of the stream and returns the story it joined
// or started. Stories can merge later: StoryOf tells where an article is
// now.
func (c *Clusterer) Add(a parallax.Article) int {
	idx := int32(len(c.arts))
	kept := a
	kept.Text = strings.Clone(opening(a.Text))
	c.arts = append(c.arts, artRec{a: kept, story: -1})
	t := int64(0)
	if !a.Published.IsZero() {
		t = max(a.Published.UnixNano(), 1)
	}
	c.toks, c.buf = c.v.tokenize(a.Text, c.toks[:0], c.buf)
	ok, why := true, ""
	c.drop = c.drop[:0]
	switch {
	case c.check != nil:
		ok, why = c.check(a.Text)
	case c.suspect(c.toks):
		ok, why, c.drop = c.checkDrop(a.Text, c.drop)
	}
	if !ok {
		s := c.newStory(idx, t)
		s.aside = why
		return int(s.id)
	}
	if t > c.clock {
		c.clock = t
		c.closeQuiet()
	}
	vec := c.vector(a)
	if len(vec) == 0 {
		return int(c.newStory(idx, t).id)
	}
	cands := c.candidates(vec, t, -1)
	th := c.p.threshold
	if len(cands) == 0 || cands[0].sim < th {
		s := c.newStory(idx, t)
		c.addVec(s, vec)
		return int(s.id)
	}
	s := c.stories[cands[0].story]
	s.members = append(s.members, idx)
	c.arts[idx].story = s.id
	c.span(s, t)
	c.addVec(s, vec)
	for _, o := range cands[1:] {
		if o.sim < th {
			break
		}
		s = c.maybeMerge(s, c.stories[o.story])
	}
	return int(s.id)
}

// StoryOf returns the story that the i-th added article is in now.
func (c *Clusterer) StoryOf(i int) int {
	s := c.arts[i].story
	for c.stories[s].merged >= 0 {
		s = c.stories[s].merged
	}
	c.arts[i].story = s
	return int(s)
}

func (c *Clusterer) newStory(idx int32, t int64) *story {
	s := &story{id: int32(len(c.stories)), members: []int32{idx}, merged: -1}
	c.stories = append(c.stories, s)
	c.hot = append(c.hot, hot{})
	c.arts[idx].story = s.id
	c.span(s, t)
	return s
}

// sharedWords is the least number of words of a sentence that, seen in an
// earlier text, marks a text as sharing words with it.
const sharedWords = 6

// suspect reports whether a text, as tokens, needs the text stage's
// reading to tell whether it is an article and which parts of it are not:
// when it is short, or when it repeats a sentence of an earlier text (page
// chrome, notices and boilerplate are the same words on many pages). It
// remembers the text's sentences.
func (c *Clusterer) suspect(toks []token) bool {
	c.hashes = sentenceHashes(toks, sharedWords, c.hashes[:0])
	shared := false
	for _, h := range c.hashes {
		if _, ok := c.sentences[h]; ok {
			shared = true
		} else {
			c.sentences[h] = struct{}{}
		}
	}
	return shared || len(toks) < c.p.short
}

// span extends a story's time span to t and keeps it in the heap of
// stories that will close.
func (c *Clusterer) span(s *story, t int64) {
	if t == 0 {
		return
	}
	if s.first == 0 || t < s.first {
		s.first = t
	}
	if t > s.last {
		if s.last == 0 && c.window >= 0 {
			c.quiet.push(s.id, t)
		}
		s.last = t
	}
	c.hot[s.id].first, c.hot[s.id].last = s.first, s.last
}

// closeQuiet takes out of the index the stories whose latest article is
// older than the window before the clock.
func (c *Clusterer) closeQuiet() {
	if c.window < 0 {
		return
	}
	for c.quiet.len() > 0 {
		id, last := c.quiet.peek()
		s := c.stories[id]
		if s.merged >= 0 || s.closed {
			c.quiet.pop()
			continue
		}
		if s.last != last {
			// It grew since: queue it again at its latest time.
			c.quiet.pop()
			c.quiet.push(id, s.last)
			continue
		}
		if c.clock-last <= c.window {
			return
		}
		c.quiet.pop()
		s.closed = true
		s.vec = nil
		c.hot[s.id].open = false
		c.retire(s)
	}
}

// retire counts a story's postings as stale and compacts the index when
// half of it is stale, so that the index stays linear in the open
// stories.
func (c *Clusterer) retire(s *story) {
	c.stale += s.posted
	s.posted = 0
	if c.stale < 1024 || 2*c.stale <= c.total {
		return
	}
	total := 0
	for t, ps := range c.post {
		out := ps[:0]
		for _, id := range ps {
			if st := c.stories[id]; st.merged < 0 && !st.closed {
				out = append(out, id)
			}
		}
		if len(out) == 0 {
			out = nil
		}
		c.post[t] = out
		total += len(out)
	}
	c.total, c.stale = total, 0
}

// open reports whether a story can take an article published at t (0:
// undated).
func (c *Clusterer) open(h *hot, t int64) bool {
	if !h.open {
		return false
	}
	if t == 0 || h.last == 0 || c.window < 0 {
		return true
	}
	return t-h.last <= c.window && h.first-t <= c.window
}

// vector returns the unit term vector (without idf) of the article whose
// tokens are in c.toks, sorted by term, leaving out the tokens in c.drop,
// and counts its terms in the document frequencies.
func (c *Clusterer) vector(a parallax.Article) []entry {
	v, tw := c.v, c.p.weights
	c.tc.reset()
	toks := dropTokens(c.toks, c.drop)
	cased := isCased(toks)
	c.run = v.countTerms(&c.tc, toks, 1, a.Title == "", cased, tw, c.run)
	if a.Title != "" {
		c.toks, c.buf = v.tokenize(a.Title, c.toks[:0], c.buf)
		c.run = v.countTerms(&c.tc, c.toks, tw.title, false, cased, tw, c.run)
	}
	vec := c.vec[:0]
	var norm float64
	for _, t := range c.tc.terms {
		n := c.tc.count[t]
		w := n
		if n > 1 {
			w = float32(1 + math.Log(float64(n)))
		}
		vec = append(vec, entry{t, w})
		norm += float64(w) * float64(w)
	}
	if len(vec) == 0 {
		return nil
	}
	v.count(c.tc.terms)
	inv := float32(1 / math.Sqrt(norm))
	for i := range vec {
		vec[i].w *= inv
	}
	slices.SortFunc(vec, func(a, b entry) int { return cmp.Compare(a.term, b.term) })
	c.vec = vec
	return vec
}

// dropTokens removes the tokens that start inside one of the byte ranges.
func dropTokens(toks []token, drop [][2]int) []token {
	if len(drop) == 0 {
		return toks
	}
	slices.SortFunc(drop, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	out := toks[:0]
	k := 0
	for _, tk := range toks {
		at := int(tk.start)
		for k < len(drop) && drop[k][1] <= at {
			k++
		}
		if k < len(drop) && drop[k][0] <= at {
			continue
		}
		out = append(out, tk)
	}
	return out
}

// candidates returns the open stories, but skip, most similar to vec,
// most similar first.
func (c *Clusterer) candidates(vec []entry, t int64, skip int32) []candidate {
	v := c.v
	// The query: the heaviest terms that an earlier article had, by
	// weight and idf, kept sorted in a short list.
	q := c.query[:0]
	var anorm float64
	for _, e := range vec {
		w := e.w * v.idf(e.term)
		anorm += float64(w) * float64(w)
		if v.df[e.term] < 2 || int(e.term) >= len(c.post) {
			continue
		}
		q = insertTop(q, entry{e.term, w}, c.p.query)
	}
	c.query = q
	anorm = math.Sqrt(anorm)
	// The stories sharing weight with the query.
	c.gen++
	if c.gen == 0 { // wrapped
		for i := range c.hot {
			c.hot[i].gen = 0
		}
		c.gen = 1
	}
	cands := c.cands[:0]
	for _, e := range q {
		ps := c.post[e.term]
		seen := 0
		for k := len(ps) - 1; k >= 0 && seen < c.p.postings; k-- {
			id := ps[k]
			h := &c.hot[id]
			if id == skip || !c.open(h, t) {
				continue
			}
			seen++
			if h.gen != c.gen {
				h.gen = c.gen
				h.acc = 0
				cands = append(cands, id)
			}
			h.acc += e.w
		}
	}
	c.cands = cands
	// The ones sharing the most, compared in full.
	out := c.out[:0]
	for _, id := range cands {
		out = insertTopCand(out, candidate{id, float64(c.hot[id].acc)}, c.p.compare)
	}
	for i := range out {
		s := c.stories[out[i].story]
		out[i].sim = c.cosine(vec, anorm, s.vec, float64(s.norm))
	}
	slices.SortFunc(out, func(a, b candidate) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		return cmp.Compare(a.story, b.story)
	})
	c.out = out
	return out
}

// insertTop inserts e into top, kept sorted by weight (heaviest first,
// ties by term) and at most n long.
func insertTop(top []entry, e entry, n int) []entry {
	i := len(top)
	for i > 0 && (top[i-1].w < e.w || top[i-1].w == e.w && top[i-1].term > e.term) {
		i--
	}
	if i >= n {
		return top
	}
	if len(top) < n {
		top = append(top, entry{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = e
	return top
}

// insertTopCand is insertTop for candidates (ties by story).
func insertTopCand(top []candidate, e candidate, n int) []candidate {
	i := len(top)
	for i > 0 && (top[i-1].sim < e.sim || top[i-1].sim == e.sim && top[i-1].story > e.story) {
		i--
	}
	if i >= n {
		return top
	}
	if len(top) < n {
		top = append(top, candidate{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = e
	return top
}

// cosine returns the idf-weighted cosine of two sorted vectors with the
// given idf-weighted norms.
func (c *Clusterer) cosine(a []entry, anorm float64, b []entry, bnorm float64) float64 {
	if anorm == 0 || bnorm == 0 {
		return 0
	}
	var dot float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			idf := c.v.idf(a[i].term)
			dot += a[i].w * b[j].w * idf * idf
			i++
			j++
		}
	}
	return float64(dot) / (anorm * bnorm)
}

// addVec adds vec to the story's centroid, posts the story under the
// terms new to it, keeps the heaviest terms and updates the norm.
func (c *Clusterer) addVec(s *story, vec []entry) {
	m := c.merged[:0]
	i, j := 0, 0
	for i < len(s.vec) || j < len(vec) {
		switch {
		case j == len(vec) || i < len(s.vec) && s.vec[i].term < vec[j].term:
			m = append(m, s.vec[i])
			i++
		case i == len(s.vec) || vec[j].term < s.vec[i].term:
			m = append(m, vec[j])
			c.postTerm(vec[j].term, s)
			j++
		default:
			m = append(m, entry{s.vec[i].term, s.vec[i].w + vec[j].w})
			i++
			j++
		}
	}
	c.merged = m
	s.vec = append(s.vec[:0], m...)
	c.hot[s.id].open = s.merged < 0 && !s.closed && len(s.vec) > 0
	if len(s.vec) > 2*c.p.keep {
		c.trim(s)
	}
	var n float64
	for _, e := range s.vec {
		w := float64(e.w * c.v.idf(e.term))
		n += w * w
	}
	s.norm = float32(math.Sqrt(n))
}

func (c *Clusterer) postTerm(t int32, s *story) {
	if int(t) >= len(c.post) {
		c.post = append(c.post, make([][]int32, int(t)+1-len(c.post))...)
	}
	c.post[t] = append(c.post[t], s.id)
	s.posted++
	c.total++
}

// trim keeps a story's heaviest terms, by weight and idf. (The story stays
// posted under the terms it loses; a search that finds it through one of
// them compares it in full all the same.)
func (c *Clusterer) trim(s *story) {
	slices.SortFunc(s.vec, func(a, b entry) int {
		wa, wb := a.w*c.v.idf(a.term), b.w*c.v.idf(b.term)
		if c := cmp.Compare(wb, wa); c != 0 {
			return c
		}
		return cmp.Compare(a.term, b.term)
	})
	s.vec = s.vec[:c.p.keep]
	slices.SortFunc(s.vec, func(a, b entry) int { return cmp.Compare(a.term, b.term) })
}

// maybeMerge merges stories a and b when their centroids have converged,
// and returns the story that goes on: the larger, or between equals the
// older.
func (c *Clusterer) maybeMerge(a, b *story) *story {
	if a == b || b.merged >= 0 || a.merged >= 0 || !c.open(&c.hot[b.id], 0) {
		return a
	}
	if c.cosine(a.vec, float64(a.norm), b.vec, float64(b.norm)) < c.p.merge {
		return a
	}
	if len(b.members) > len(a.members) || len(b.members) == len(a.members) && b.id < a.id {
		a, b = b, a
	}
	members := make([]int32, 0, len(a.members)+len(b.members))
	members = append(append(members, a.members...), b.members...)
	slices.Sort(members)
	a.members = members
	b.members = nil
	b.merged = a.id
	if b.first != 0 {
		c.span(a, b.first)
		c.span(a, b.last)
	}
	c.addVec(a, b.vec)
	b.vec = nil
	c.hot[b.id].open = false
	c.retire(b)
	return a
}

// Stories returns the stories, in the order they were started, each with
// its articles in arrival order. A story that merged into another is not
// listed: its articles are in the other.
func (c *Clusterer) Stories() []Story {
	var out []Story
	for _, s := range c.stories {
		if s.merged >= 0 {
			continue
		}
		st := Story{ID: int(s.id), Aside: s.aside}
		for _, m := range s.members {
			st.Articles = append(st.Articles, int(m))
			st.IDs = append(st.IDs, c.arts[m].a.ID)
		}
		if s.first != 0 {
			st.First, st.Last = time.Unix(0, s.first).UTC(), time.Unix(0, s.last).UTC()
		}
		st.Title, st.Central = c.headline(s)
		out = append(out, st)
	}
	return out
}

// headline picks the story's most representative title and its central
// article: among the members with a title, the one whose title is closest
// to the story's terms; without titles, the one whose opening words are;
// ties go to the earliest.
func (c *Clusterer) headline(s *story) (string, int) {
	if len(s.members) == 1 || len(s.vec) == 0 {
		m := s.members[0]
		return c.arts[m].a.Title, int(m)
	}
	titled := false
	for _, m := range s.members {
		titled = titled || c.arts[m].a.Title != ""
	}
	central, best := s.members[0], -1.0
	for _, m := range s.members {
		a := c.arts[m].a
		h := a.Title
		if !titled {
			h = opening(a.Text)
		} else if h == "" {
			continue
		}
		if sim := c.headlineSim(h, s); sim > best {
			central, best = m, sim
		}
	}
	return c.arts[central].a.Title, int(central)
}

// opening returns about the first 200 bytes of a text, cut at a space.
func opening(t string) string {
	if len(t) <= 200 {
		return t
	}
	for i := 200; i > 100; i-- {
		if t[i] == ' ' || t[i] == '\n' {
			return t[:i]
		}
	}
	return t[:200]
}

// headlineSim returns the cosine of a headline's terms with the story's.
func (c *Clusterer) headlineSim(h string, s *story) float64 {
	v := c.v
	c.tc.reset()
	c.toks, c.buf = v.tokenize(h, c.toks[:0], c.buf)
	c.run = v.countTerms(&c.tc, c.toks, 1, false, isCased(c.toks), c.p.weights, c.run)
	vec := c.vec[:0]
	var norm float64
	for _, t := range c.tc.terms {
		w := c.tc.count[t] * v.idf(t)
		vec = append(vec, entry{t, c.tc.count[t]})
		norm += float64(w) * float64(w)
	}
	slices.SortFunc(vec, func(a, b entry) int { return cmp.Compare(a.term, b.term) })
	c.vec = vec
	return c.cosine(vec, math.Sqrt(norm), s.vec, float64(s.norm))
}
