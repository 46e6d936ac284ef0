package timeline

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/text"
	"github.com/parallax-news/parallax/internal/timex"
)

// Defaults of Options.
const (
	// DefaultDates is the number of days of a timeline.
	DefaultDates = 10
	// DefaultPerDate is the number of sentences per day.
	DefaultPerDate = 1
	// LeadSentences is how many sentences from the start of an article
	// are candidates for its publication day when they name no date.
	LeadSentences = 5
	// PublishedWeight is what an article published on a day adds to the
	// day's score; an article that names the day adds 1.
	PublishedWeight = 0.5
	// TopicWeight mixes a candidate's similarity to the whole topic (the
	// mean of every sentence) into its similarity to the day's centroid,
	// so that a day's sentence is about the topic and not about a story
	// that only shares the day.
	TopicWeight = 0.5
	// Redundancy is the cosine similarity at or above which a sentence
	// repeats one already chosen.
	Redundancy = 0.5
	// ReportSimilarity is the cosine similarity at or above which another
	// article's candidate for the same day reports a chosen sentence.
	ReportSimilarity = 0.35
	// MinWords and MaxWords bound the length of a sentence worth showing.
	MinWords, MaxWords = 6, 60
)

// Options control Build.
type Options struct {
	// Dates is the number of days (DefaultDates when 0 or less).
	Dates int
	// PerDate is the number of sentences per day (DefaultPerDate when 0
	// or less).
	PerDate int
	// From and To, when not zero, bound the days of the timeline and the
	// publication dates of the articles read (both days included).
	From, To time.Time
}

func (o Options) withDefaults() Options {
	if o.Dates <= 0 {
		o.Dates = DefaultDates
	}
	if o.PerDate <= 0 {
		o.PerDate = DefaultPerDate
	}
	return o
}

// A Timeline is the dated account of a topic.
type Timeline struct {
	// Entries are the chosen days in time order.
	Entries []Entry `json:"entries"`
	// Articles is the number of articles read, and Undated the number of
	// them without a publication date (whose relative dates stay unknown).
	Articles int `json:"articles"`
	Undated  int `json:"undated,omitempty"`
}

// An Entry is one day of a timeline.
type Entry struct {
	// Date is the day, at Day precision.
	Date timex.Date `json:"-"`
	// Score is the day's salience: articles naming it plus PublishedWeight
	// per article published on it.
	Score float64 `json:"score"`
	// Mentions counts the articles that name the day, Published those
	// published on it.
	Mentions  int `json:"mentions"`
	Published int `json:"published"`
	// Sentences tell what happened, in the articles' words.
	Sentences []Sentence `json:"sentences"`
	// Articles are the IDs of the articles that report the chosen
	// sentences' information for this day, and Outlets their outlets,
	// both sorted.
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets,omitempty"`
}

// MarshalJSON writes the entry with its date and precision as strings
// ("2009-06-25", "day").
func (e Entry) MarshalJSON() ([]byte, error) {
	type plain Entry
	return json.Marshal(struct {
		Date      string `json:"date"`
		Precision string `json:"precision"`
		plain
	}{e.Date.String(), e.Date.Precision.String(), plain(e)})
}

// A Sentence is a sentence chosen for a day.
type Sentence struct {
	// Span locates the sentence in its article; Text is exactly those
	// bytes.
	parallax.Span
	Text string `json:"text"`
	// Outlet is the article's outlet, when known.
	Outlet string `json:"outlet,omitempty"`
	// When locates the date expression that dates the sentence, in the
	// same article; it is nil when the sentence is dated by its article's
	// publication.
	When *parallax.Span `json:"when,omitempty"`
	// Score is the sentence's weighted similarity to the day's centroid.
	Score float64 `json:"score"`
}

// term is a weighted word of a sentence vector.
type term struct {
	id int32
	w  float32
}

// vec is a sparse vector with terms sorted by id and unit length.
type vec []term

func dot(a, b vec) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id == b[j].id:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}

// sent is a candidate sentence.
type sent struct {
	art        int // index into the articles
	start, end int // byte range in the article's text
	words      int
	terms      []int32 // term ids, repeated as often as they occur
	v          vec     // TF-IDF vector, filled once the idf is known
}

// cand is a sentence's candidacy for a day.
type cand struct {
	s    int32 // index into the sentences
	when [2]int32
	pub  bool // dated by publication, not by a date it names
}

// day numbers count days from 1970-01-01.
func dayOf(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func dateOfDay(n int64) timex.Date {
	t := time.Unix(n*86400, 0).UTC()
	return timex.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: timex.Day}
}

// corpus is the analysed input.
type corpus struct {
	arts   []parallax.Article
	first  []int // the sentences of article i are sents[first[i]:first[i+1]]
	sents  []sent
	topic  vec
	vocab  map[string]int32
	df     []int32
	byDay  map[int64][]cand
	mDocs  map[int64]int // articles naming the day
	pDocs  map[int64]int // articles published on the day
	read   int
	undate int
}

// Build writes the timeline of a topic's articles.
func Build(articles []parallax.Article, opts Options) Timeline {
	opts = opts.withDefaults()
	c := analyse(articles, opts)
	tl := Timeline{Articles: c.read, Undated: c.undate}
	days := c.rankDays(opts)
	var chosen []vec
	for _, d := range days {
		if len(tl.Entries) == opts.Dates {
			break
		}
		e, ok := c.entry(d, opts.PerDate, &chosen)
		if ok {
			tl.Entries = append(tl.Entries, e)
		}
	}
	slices.SortFunc(tl.Entries, func(a, b Entry) int { return a.Date.Time().Compare(b.Date.Time()) })
	return tl
}

// inRange reports whether day n lies within the options' bounds.
func inRange(n int64, o Options) bool {
	if !o.From.IsZero() && n < dayOf(o.From) {
		return false
	}
	if !o.To.IsZero() && n > dayOf(o.To) {
		return false
	}
	return true
}

// analyse reads every article once: sentences, tokens, date expressions,
// candidates and document frequencies.
func analyse(articles []parallax.Article, opts Options) *corpus {
	c := &corpus{vocab: make(map[string]int32), byDay: make(map[int64][]cand),
		mDocs: make(map[int64]int), pDocs: make(map[int64]int)}
	st := text.NewStemmer()
	seen := make(map[int32]bool)
	for _, a := range articles {
		dated := !a.Published.IsZero()
		var pub int64
		if dated {
			pub = dayOf(a.Published)
			if !inRange(pub, opts) {
				continue
			}
		}
		c.read++
		if !dated {
			c.undate++
		}
		ai := len(c.arts)
		c.arts = append(c.arts, a)
		c.first = append(c.first, len(c.sents))
		doc := text.Analyze(a.Text, st)
		exprs := timex.Find(a.Text, a.Published)
		clear(seen)
		named := make(map[int64]bool)
		k := 0 // next expression
		for si := range doc.Sentences {
			ds := &doc.Sentences[si]
			s := sent{art: ai, start: ds.Start, end: ds.End, words: ds.Words()}
			for _, t := range ds.Tokens {
				if t.Stop || len(t.Stem) < 2 {
					continue
				}
				id, ok := c.vocab[t.Stem]
				if !ok {
					id = int32(len(c.vocab))
					c.vocab[t.Stem] = id
					c.df = append(c.df, 0)
				}
				s.terms = append(s.terms, id)
				if !seen[id] {
					seen[id] = true
					c.df[id]++
				}
			}
			idx := int32(len(c.sents))
			c.sents = append(c.sents, s)
			for k < len(exprs) && exprs[k].End <= ds.Start {
				k++
			}
			var days []int64
			for j := k; j < len(exprs) && exprs[j].Start < ds.End; j++ {
				e := exprs[j]
				if e.Start < ds.Start || e.Date.Precision < timex.Day || e.Date.Year == 0 {
					continue
				}
				n := dayOf(e.Date.Time())
				if !inRange(n, opts) || slices.Contains(days, n) {
					continue
				}
				days = append(days, n)
				c.byDay[n] = append(c.byDay[n], cand{s: idx, when: [2]int32{int32(e.Start), int32(e.End)}})
				named[n] = true
			}
			if len(days) == 0 && dated && si < LeadSentences {
				for back := int64(0); back < 2; back++ {
					if inRange(pub-back, opts) {
						c.byDay[pub-back] = append(c.byDay[pub-back], cand{s: idx, pub: true})
					}
				}
			}
		}
		for n := range named {
			c.mDocs[n]++
		}
		if dated {
			c.pDocs[pub]++
		}
	}
	c.first = append(c.first, len(c.sents))
	c.weigh()
	sum := make(map[int32]float64)
	for i := range c.sents {
		for _, t := range c.sents[i].v {
			sum[t.id] += float64(t.w)
		}
	}
	c.topic = fromMap(sum)
	return c
}

// weigh turns every sentence's terms into a unit TF-IDF vector, with the
// smoothed idf 1 + ln((1+N)/(1+df)) over the N articles read, so that a
// word every article uses still counts a little in a small input.
func (c *corpus) weigh() {
	n := float64(max(len(c.arts), 1))
	idf := make([]float32, len(c.df))
	for i, df := range c.df {
		idf[i] = float32(1 + math.Log((1+n)/(1+float64(df))))
	}
	for i := range c.sents {
		s := &c.sents[i]
		ids := slices.Clone(s.terms)
		slices.Sort(ids)
		var v vec
		for _, id := range ids {
			if len(v) > 0 && v[len(v)-1].id == id {
				v[len(v)-1].w += idf[id]
				continue
			}
			v = append(v, term{id, idf[id]})
		}
		normalize(v)
		s.v = v
		s.terms = nil
	}
}

func normalize(v vec) {
	ss := 0.0
	for _, t := range v {
		ss += float64(t.w) * float64(t.w)
	}
	if ss == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(ss))
	for i := range v {
		v[i].w *= inv
	}
}

// rankDays orders the days that have candidates by score, then by the
// number of articles naming them, then by date.
func (c *corpus) rankDays(opts Options) []int64 {
	days := make([]int64, 0, len(c.byDay))
	for n := range c.byDay {
		days = append(days, n)
	}
	score := func(n int64) float64 { return float64(c.mDocs[n]) + PublishedWeight*float64(c.pDocs[n]) }
	slices.SortFunc(days, func(a, b int64) int {
		if r := cmp.Compare(score(b), score(a)); r != 0 {
			return r
		}
		if r := cmp.Compare(c.mDocs[b], c.mDocs[a]); r != 0 {
			return r
		}
		return cmp.Compare(a, b)
	})
	return days
}

// centroid is the day's PM-Mean centroid: the mean vector of the
// candidates that name the day plus the mean of those dated by
// publication, on the terms both hold; when they share no term, or one
// kind is missing, the sum of the means.
func (c *corpus) centroid(cands []cand) vec {
	ment, pub := make(map[int32]float64), make(map[int32]float64)
	var nm, np int
	for _, k := range cands {
		m := ment
		if k.pub {
			m, np = pub, np+1
		} else {
			nm++
		}
		for _, t := range c.sents[k.s].v {
			m[t.id] += float64(t.w)
		}
	}
	sum := make(map[int32]float64)
	shared := nm > 0 && np > 0
	if shared {
		for id, w := range ment {
			if pw, ok := pub[id]; ok {
				sum[id] = w/float64(nm) + pw/float64(np)
			}
		}
	}
	if len(sum) == 0 {
		for id, w := range ment {
			sum[id] += w / float64(max(nm, 1))
		}
		for id, w := range pub {
			sum[id] += w / float64(max(np, 1))
		}
	}
	return fromMap(sum)
}

// scored is a candidate with its centrality.
type scored struct {
	cand
	score float64
}

// entry chooses the sentences of day n. chosen holds the vectors of the
// sentences chosen so far, for every day, and grows.
func (c *corpus) entry(n int64, perDate int, chosen *[]vec) (Entry, bool) {
	cands := c.byDay[n]
	cen := c.centroid(cands)
	var list []scored
	seen := make(map[int32]bool, len(cands))
	for _, k := range cands {
		s := &c.sents[k.s]
		if seen[k.s] || s.words < MinWords || s.words > MaxWords || len(s.v) == 0 {
			continue
		}
		seen[k.s] = true
		w := (1-TopicWeight)*dot(s.v, cen) + TopicWeight*dot(s.v, c.topic)
		list = append(list, scored{k, w})
	}
	slices.SortStableFunc(list, func(a, b scored) int {
		if r := cmp.Compare(b.score, a.score); r != 0 {
			return r
		}
		return cmp.Compare(a.s, b.s)
	})
	e := Entry{Date: dateOfDay(n), Mentions: c.mDocs[n], Published: c.pDocs[n]}
	e.Score = float64(e.Mentions) + PublishedWeight*float64(e.Published)
	var picked []scored
	for _, k := range list {
		if len(picked) == perDate || k.score <= 0 {
			break
		}
		v := c.sents[k.s].v
		if slices.ContainsFunc(*chosen, func(o vec) bool { return dot(v, o) >= Redundancy }) {
			continue
		}
		*chosen = append(*chosen, v)
		picked = append(picked, k)
	}
	if len(picked) == 0 {
		return Entry{}, false
	}
	arts := make(map[int]bool)
	for _, k := range picked {
		s := &c.sents[k.s]
		a := &c.arts[s.art]
		out := Sentence{Span: parallax.Span{Source: a.ID, Start: s.start, End: s.end},
			Text: a.Text[s.start:s.end], Outlet: a.Outlet, Score: k.score}
		if !k.pub {
			out.When = &parallax.Span{Source: a.ID, Start: int(k.when[0]), End: int(k.when[1])}
		}
		e.Sentences = append(e.Sentences, out)
		arts[s.art] = true
	}
	// Other articles report the entry when one of their candidates for
	// the day is close to a chosen sentence.
	for _, k := range list {
		s := &c.sents[k.s]
		if arts[s.art] {
			continue
		}
		for _, p := range picked {
			if dot(s.v, c.sents[p.s].v) >= ReportSimilarity {
				arts[s.art] = true
				break
			}
		}
	}
	ids := make([]int, 0, len(arts))
	for i := range arts {
		ids = append(ids, i)
	}
	slices.Sort(ids)
	outlets := make(map[string]bool)
	for _, i := range ids {
		e.Articles = append(e.Articles, c.arts[i].ID)
		if o := c.arts[i].Outlet; o != "" && !outlets[o] {
			outlets[o] = true
			e.Outlets = append(e.Outlets, o)
		}
	}
	slices.Sort(e.Articles)
	slices.Sort(e.Outlets)
	return e, true
}
