package brief

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/align"
	"github.com/parallax-news/parallax/internal/text"
)

// DefaultWords is the summary's default word budget.
const DefaultWords = 150

// Options tune a brief. The zero value gives the defaults.
type Options struct {
	// Words is the summary's word budget (whitespace-separated words);
	// 0 means DefaultWords.
	Words int
	// Threshold is the similarity at which two sentences are taken to
	// report the same information; 0 means align.DefaultThreshold.
	Threshold float64
	// MaxAgreed caps the number of agreed statements; 0 means 6.
	MaxAgreed int
	// MaxExclusive caps the number of exclusive statements per source;
	// 0 means 4.
	MaxExclusive int
	// KeepAll briefs every article given. By default an article that
	// shares nothing with the rest of a set of three or more, or that is
	// not an article at all, is left out of the account and listed among
	// the sources with Source.SetAside saying why.
	KeepAll bool
	// Outlets holds the outlet profiles the brief's framing and its
	// statements' CarriedBy lines use. Nil means the starter table shipped
	// with Parallax (the outlets of feeds/starter.opml); an empty, non-nil
	// slice means none.
	Outlets []parallax.OutletProfile
}

func (o Options) withDefaults() Options {
	if o.Words <= 0 {
		o.Words = DefaultWords
	}
	if o.Threshold <= 0 {
		o.Threshold = align.DefaultThreshold
	}
	if o.MaxAgreed <= 0 {
		o.MaxAgreed = 6
	}
	if o.MaxExclusive <= 0 {
		o.MaxExclusive = 4
	}
	return o
}

// ErrNoArticles is returned by Build when it is given no article.
var ErrNoArticles = errors.New("brief: no articles")

// An InvalidArticleError reports an article Build cannot read.
type InvalidArticleError struct {
	ID     string
	Reason string
}

func (e *InvalidArticleError) Error() string {
	return fmt.Sprintf("brief: article %q: %s", e.ID, e.Reason)
}

// Build writes the brief of articles, which must have unique IDs and
// non-empty, valid UTF-8 text. It returns ErrNoArticles for an empty slice
// and an *InvalidArticleError naming the first article it cannot use.
func Build(ctx context.Context, articles []parallax.Article, opts Options) (*parallax.Brief, error) {
	if len(articles) == 0 {
		return nil, ErrNoArticles
	}
	seen := make(map[string]bool, len(articles))
	for _, a := range articles {
		switch {
		case a.ID == "":
			return nil, &InvalidArticleError{ID: a.ID, Reason: "no id"}
		case seen[a.ID]:
			return nil, &InvalidArticleError{ID: a.ID, Reason: "id used twice"}
		case !utf8.ValidString(a.Text):
			return nil, &InvalidArticleError{ID: a.ID, Reason: "text is not valid UTF-8"}
		case strings.TrimSpace(a.Text) == "":
			return nil, &InvalidArticleError{ID: a.ID, Reason: "empty text"}
		}
		seen[a.ID] = true
	}
	var why map[int]string
	if !opts.KeepAll {
		why = aside(articles)
	}
	kept := articles
	if len(why) > 0 {
		kept = make([]parallax.Article, 0, len(articles)-len(why))
		for i, a := range articles {
			if why[i] == "" {
				kept = append(kept, a)
			}
		}
	}
	st := Analyze(ctx, kept)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b, err := st.Brief(ctx, opts)
	if err != nil {
		return nil, err
	}
	for i, a := range articles {
		if why[i] == "" {
			continue
		}
		src := parallax.Source{ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL, SetAside: why[i]}
		if !a.Published.IsZero() {
			src.Published = a.Published.UTC().Format(time.RFC3339)
		}
		b.Sources = append(b.Sources, src)
	}
	return b, nil
}

// A Story is a set of articles analysed and aligned, ready to be briefed or
// summarized. Analyze makes one; its articles and analyses are read-only
// afterwards, and what its methods work out once (names, the quote ledger)
// is kept in it, so one Story is for one goroutine at a time.
type Story struct {
	Articles []parallax.Article
	Docs     []*text.Document
	Align    *align.Story

	nm     *storyNames      // found once by names
	ledger []parallax.Quote // made once by quotes
	qc     quoteCarriers    // found once by quoteCarriers
	opp    map[int][]int    // found once by opposition
}

// Analyze reads and aligns articles, whose texts must be valid UTF-8.
func Analyze(ctx context.Context, articles []parallax.Article) *Story {
	st := text.NewStemmer()
	docs := make([]*text.Document, len(articles))
	for i, a := range articles {
		if ctx.Err() != nil {
			break
		}
		docs[i] = text.Analyze(a.Text, st)
	}
	for i := range docs {
		if docs[i] == nil {
			docs[i] = &text.Document{Norm: text.Normalize("")}
		}
	}
	return &Story{Articles: articles, Docs: docs, Align: align.New(docs)}
}

// Brief writes the story's brief.
func (s *Story) Brief(ctx context.Context, opts Options) (*parallax.Brief, error) {
	opts = opts.withDefaults()
	b := &parallax.Brief{
		Sources:   s.sources(),
		Exclusive: map[string][]parallax.Statement{},
		Agreed:    []parallax.Statement{},
		Conflicts: []parallax.Conflict{},
		Quotes:    []parallax.Quote{},
	}
	// One alignment pass serves every list: the loose matches say what is
	// exclusive, and those at the threshold are the same best matches
	// filtered, since a unit's best match in an article is the same at
	// any threshold it clears.
	loose := s.Align.AllMatches(min(exclusiveThreshold, opts.Threshold))
	matches := atLeast(loose, opts.Threshold)
	b.Title = s.title(matches)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sel := s.selector(matches, defaultParams)
	// Citations come from the same-information decision, which asks more
	// than similarity: that the other sentence carries the claim.
	support := s.quoteBound(s.Align.AllSupport())
	if len(s.Articles) > 1 {
		b.Conflicts = s.conflicts(matches)
		opp := s.opposed(b.Conflicts)
		for u := range opp {
			support[u] = dropOpposed(u, support[u], opp)
		}
	}
	reports := s.copies(b)
	for _, u := range sel.Summarize(opts.Words) {
		b.Summary = append(b.Summary, s.statement(u, support[u]))
	}
	if b.Summary == nil {
		b.Summary = []parallax.Statement{}
	}
	if len(s.Articles) > 1 {
		b.Agreed = s.agreed(sel, support, reports, opts.MaxAgreed)
		for d, list := range s.exclusive(sel, loose, support, reports, opts) {
			b.Exclusive[s.Articles[d].ID] = list
		}
	}
	b.Quotes, b.People = s.people()
	b.Timeline = s.timeline(support, reports)
	citeCopiesTogether(b, s.Articles, reports)
	s.framing(b, loose, support, reports, outletTable(opts.Outlets))
	return b, ctx.Err()
}

// atLeast keeps, of each unit's matches, those at least min similar.
func atLeast(all [][]align.Match, min float64) [][]align.Match {
	out := make([][]align.Match, len(all))
	for u, ms := range all {
		for _, m := range ms {
			if m.Sim >= min {
				out[u] = append(out[u], m)
			}
		}
	}
	return out
}

func (s *Story) sources() []parallax.Source {
	out := make([]parallax.Source, len(s.Articles))
	for i, a := range s.Articles {
		src := parallax.Source{ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL}
		if src.Outlet == "" {
			src.Outlet = a.ID
		}
		if !a.Published.IsZero() {
			src.Published = a.Published.UTC().Format(time.RFC3339)
		}
		d := s.Docs[i]
		if d.Title != nil {
			if src.Title == "" {
				src.Title = strings.Join(strings.Fields(d.Title.Text), " ")
			}
			src.TitleSpan = &parallax.Span{Source: a.ID, Start: d.Title.Start, End: d.Title.End}
		}
		if d.Dateline != nil {
			src.Dateline = d.Dateline.Text
		}
		out[i] = src
	}
	return out
}

// title picks the story's title: the article title most other articles
// support, the first one on a tie.
func (s *Story) title(matches [][]align.Match) string {
	best, bestN := "", -1
	for i, a := range s.Articles {
		t := a.Title
		n := 0
		if d := s.Docs[i]; d.Title != nil {
			if t == "" {
				t = d.Title.Text
			}
			n = len(matches[s.Align.ByDoc[i][0]])
		}
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// statement makes the statement of unit u: its text and every source that
// reports the same information, each with its evidence.
func (s *Story) statement(u int, ev []align.Evidence) parallax.Statement {
	unit := &s.Align.Units[u]
	a := &s.Articles[unit.Doc]
	st := parallax.Statement{
		Text:     a.Text[unit.Start:unit.End],
		Sources:  []string{a.ID},
		Evidence: []parallax.Span{{Source: a.ID, Start: unit.Start, End: unit.End}},
	}
	for _, e := range ev {
		sp := s.evidenceSpan(e)
		st.Sources = append(st.Sources, sp.Source)
		st.Evidence = append(st.Evidence, sp)
	}
	return st
}
