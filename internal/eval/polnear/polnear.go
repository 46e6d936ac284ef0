// Package polnear measures Parallax's quotations and speakers on PolNeAR
// (Newell, Margolin and Ruths, LREC 2018), a corpus of US political news
// in which people marked every attribution: its source (who), its cue
// ("said") and its content, as code-point offsets into the article.
//
// Score runs quote.Find on every article and compares what it finds with
// the attributions whose content is a direct quotation (PolNeAR's
// direct_quote: the content starts and ends with a quotation mark) and
// that have a source. The measures, all over letters and digits so that
// quotation marks, spaces and punctuation do not count:
//
//   - Recall: the share of gold quotations whose content a single found
//     quotation covers: at least half of the content's letters and digits
//     (over its fragments; the attribution that interrupts a split quote is
//     not content) lie inside the found quotation's parts.
//   - Speaker accuracy: among recalled gold quotations, the share whose
//     covering quotation has the gold speaker. It is right when the speaker
//     is known (a name, a role, or a pronoun resolved to a person) and
//     either the words the finder attributed the quotation to (the name,
//     the pronoun or the role phrase, Speaker.Start and End) overlap the
//     gold source span, or the family name of the person the finder
//     resolved the speaker to is a word of the gold source text. A
//     quotation left without a speaker is wrong.
//   - Pronoun sources (gold source "he", "she", ...) are reported apart;
//     for them the gold says nothing of whom the pronoun stands for, so
//     a silver check is given too: the resolved person's family name is a
//     word of the nearest earlier gold source that is no pronoun.
//   - Precision: the share of found quotations at least half of whose
//     letters and digits lie inside the content of some gold attribution
//     of any kind (direct, mixed or indirect, with or without a source).
//
// The New York Times articles set quotations between two pairs of
// apostrophes, which PolNeAR's direct_quote flag leaves out; the same
// measures over those contents are reported apart (Result.Wire).
//
// Articles are split into a tune part (about 70%) and a check part by the
// FNV-1a hash of their id, so the split never changes.
package polnear

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/text"
)

// An Article is one PolNeAR article with its attributions.
type Article struct {
	ID           string        `json:"id"`
	Publisher    string        `json:"publisher"`
	Text         string        `json:"text"`
	Attributions []Attribution `json:"attributions"`
}

// An Attribution is one attribution relation. Offsets count code points.
type Attribution struct {
	ID           string   `json:"id"`
	SourceText   *string  `json:"source_text"`
	SourceSpans  [][2]int `json:"source_spans"`
	ContentSpans [][2]int `json:"content_spans"`
	DirectQuote  bool     `json:"direct_quote"`
}

// Read reads PolNeAR articles from a JSONL file, gzip-compressed or not.
func Read(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	arts, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("polnear: %s: %w", path, err)
	}
	return arts, nil
}

func read(r io.Reader) ([]Article, error) {
	var out []Article
	err := dataset.Lines(r, 64<<20, func(line int, b []byte) error {
		var a Article
		if err := json.Unmarshal(b, &a); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// The parts of the corpus.
const (
	Tune  = "tune"
	Check = "check"
)

// PartOf returns the part an article belongs to: Tune for 7 in 10 of the
// values of the FNV-1a hash of its id, else Check.
func PartOf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%10 < 7 {
		return Tune
	}
	return Check
}

// Counts are the tallies of one group of articles.
type Counts struct {
	Articles int
	// Gold is the number of gold direct quotations with a source;
	// Recalled those a found quotation covers; Right those whose speaker
	// is right; Unattributed the recalled ones left without a speaker.
	Gold, Recalled, Right, Unattributed int
	// PronGold, PronRecalled and PronRight are the same for gold sources
	// that are pronouns; PronSilver counts recalled ones whose resolved
	// person is the nearest earlier named gold source.
	PronGold, PronRecalled, PronRight, PronSilver int
	// Found is the number of quotations found; Matched those that lie in
	// some gold attribution's content.
	Found, Matched int
}

func (c *Counts) add(o Counts) {
	c.Articles += o.Articles
	c.Gold += o.Gold
	c.Recalled += o.Recalled
	c.Right += o.Right
	c.Unattributed += o.Unattributed
	c.PronGold += o.PronGold
	c.PronRecalled += o.PronRecalled
	c.PronRight += o.PronRight
	c.PronSilver += o.PronSilver
	c.Found += o.Found
	c.Matched += o.Matched
}

// Recall returns Recalled/Gold.
func (c Counts) Recall() float64 { return ratio(c.Recalled, c.Gold) }

// Accuracy returns Right/Recalled.
func (c Counts) Accuracy() float64 { return ratio(c.Right, c.Recalled) }

// PronAccuracy returns PronRight/PronRecalled.
func (c Counts) PronAccuracy() float64 { return ratio(c.PronRight, c.PronRecalled) }

// Precision returns Matched/Found.
func (c Counts) Precision() float64 { return ratio(c.Matched, c.Found) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// A Record is one gold quotation, or one found quotation that matches no
// gold content. Offsets are source bytes; -1 when there is none.
type Record struct {
	Article   string `json:"article"`
	Publisher string `json:"publisher"`
	Part      string `json:"part"`
	// Gold is the attribution's id, "" for a found quotation that lies in
	// no gold content.
	Gold       string `json:"gold"`
	GoldStart  int    `json:"gold_start"`
	GoldEnd    int    `json:"gold_end"`
	GoldSource [2]int `json:"gold_source"`
	Pronoun    bool   `json:"pronoun_source,omitempty"`
	// QuoteStart and QuoteEnd are the found quotation's span.
	QuoteStart int `json:"quote_start"`
	QuoteEnd   int `json:"quote_end"`
	// Speaker is the found speaker's span and name (the resolved person's
	// canonical name, or the role); How tells how it was found.
	Speaker     [2]int `json:"speaker"`
	SpeakerName string `json:"speaker_name,omitempty"`
	How         string `json:"how,omitempty"`
	Recalled    bool   `json:"recalled"`
	Right       bool   `json:"right"`
}

// A Result is the outcome of Score.
type Result struct {
	// Parts holds the counts of the tune part, the check part and "all".
	Parts map[string]Counts
	// Publishers holds the counts of each publisher over both parts.
	Publishers map[string]Counts
	// Wire holds, over both parts, the counts of the gold quotations set
	// in two apostrophes (''...'', as The New York Times writes them),
	// which PolNeAR does not flag as direct quotes: the same measures
	// over contents that open and close with two apostrophes.
	Wire Counts
	// Records lists one Record per gold quotation and per unmatched found
	// quotation, in article order.
	Records []Record
}

// Score runs the quote finder over arts and compares it with the gold
// attributions. part selects Tune, Check or "" for both.
func Score(arts []Article, part string) *Result {
	res := &Result{Parts: map[string]Counts{}, Publishers: map[string]Counts{}}
	st := text.NewStemmer()
	for i := range arts {
		a := &arts[i]
		p := PartOf(a.ID)
		if part != "" && part != p {
			continue
		}
		c, recs := scoreArticle(a, p, st, false)
		res.Records = append(res.Records, recs...)
		w, _ := scoreArticle(a, p, st, true)
		res.Wire.add(w)
		for _, k := range []string{p, "all"} {
			v := res.Parts[k]
			v.add(c)
			res.Parts[k] = v
		}
		v := res.Publishers[a.Publisher]
		v.add(c)
		res.Publishers[a.Publisher] = v
	}
	return res
}

// PublisherNames returns the publisher names of r, sorted.
func (r *Result) PublisherNames() []string {
	var out []string
	for p := range r.Publishers {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

var pronounSources = map[string]bool{"he": true, "she": true, "they": true, "i": true,
	"we": true, "it": true, "you": true, "him": true, "her": true, "them": true}

func scoreArticle(a *Article, part string, st *text.Stemmer, wire bool) (Counts, []Record) {
	src := a.Text
	byteAt := codePointOffsets(src)
	conv := func(cp int) int {
		if cp < 0 {
			return 0
		}
		if cp >= len(byteAt) {
			return len(src)
		}
		return byteAt[cp]
	}
	d := text.Analyze(src, st)
	ms := entity.Find(d)
	qs := quote.Find(d, ms)
	people := entity.Resolve([][]entity.Mention{ms})
	c := Counts{Articles: 1, Found: len(qs)}
	if wire {
		c.Found = 0
	}

	// Every gold content, in bytes, for precision.
	inGold := make([]bool, len(src)+1)
	for _, at := range a.Attributions {
		for _, sp := range at.ContentSpans {
			for b := conv(sp[0]); b < conv(sp[1]); b++ {
				inGold[b] = true
			}
		}
	}
	var recs []Record
	speakerName := func(sp quote.Speaker) (name, last string) {
		if sp.Mention < 0 {
			return sp.Role, ""
		}
		if p := people.Of(0, sp.Mention); p >= 0 {
			pp := people.People()[p]
			return pp.Name, pp.Last
		}
		return ms[sp.Mention].Name, ms[sp.Mention].Last
	}
	for qi := range qs {
		q := &qs[qi]
		in, all := 0, 0
		forLetters(src, q.Start, q.End, func(b int) {
			if inParts(q, b) {
				all++
				if inGold[b] {
					in++
				}
			}
		})
		if wire {
			continue
		}
		if 2*in >= all && all > 0 {
			c.Matched++
			continue
		}
		name, _ := speakerName(q.Speaker)
		recs = append(recs, Record{Article: a.ID, Publisher: a.Publisher, Part: part,
			GoldStart: -1, GoldEnd: -1, GoldSource: [2]int{-1, -1},
			QuoteStart: q.Start, QuoteEnd: q.End, Speaker: [2]int{q.Speaker.Start, q.Speaker.End},
			SpeakerName: name, How: q.Speaker.How.String()})
	}

	lastNamed := "" // the nearest earlier gold source that is no pronoun
	for _, at := range a.Attributions {
		if at.SourceText == nil || len(at.SourceSpans) == 0 {
			continue
		}
		srcText := strings.ToLower(strings.TrimSpace(*at.SourceText))
		pron := pronounSources[srcText]
		if direct := at.DirectQuote; wire && !wireQuote(src, at, conv) || !wire && !direct {
			if !pron {
				lastNamed = srcText
			}
			continue
		}
		gs, ge := conv(at.SourceSpans[0][0]), conv(at.SourceSpans[len(at.SourceSpans)-1][1])
		r := Record{Article: a.ID, Publisher: a.Publisher, Part: part, Gold: at.ID,
			GoldSource: [2]int{gs, ge}, Pronoun: pron, QuoteStart: -1, QuoteEnd: -1, Speaker: [2]int{-1, -1}}
		if len(at.ContentSpans) > 0 {
			r.GoldStart, r.GoldEnd = conv(at.ContentSpans[0][0]), conv(at.ContentSpans[len(at.ContentSpans)-1][1])
		}
		c.Gold++
		if pron {
			c.PronGold++
		}
		// The found quotation that covers most of the content.
		best, bestIn, total := -1, 0, 0
		for _, sp := range at.ContentSpans {
			forLetters(src, conv(sp[0]), conv(sp[1]), func(int) { total++ })
		}
		for qi := range qs {
			q := &qs[qi]
			in := 0
			for _, sp := range at.ContentSpans {
				forLetters(src, max(conv(sp[0]), q.Start), min(conv(sp[1]), q.End), func(b int) {
					if inParts(q, b) {
						in++
					}
				})
			}
			if in > bestIn {
				best, bestIn = qi, in
			}
		}
		if best >= 0 && total > 0 && 2*bestIn >= total {
			q := &qs[best]
			c.Recalled++
			r.Recalled = true
			r.QuoteStart, r.QuoteEnd = q.Start, q.End
			sp := q.Speaker
			r.Speaker = [2]int{sp.Start, sp.End}
			name, last := speakerName(sp)
			r.SpeakerName, r.How = name, sp.How.String()
			words := wordSet(srcText)
			switch {
			case !sp.Known():
				c.Unattributed++
			case sp.End > sp.Start && sp.Start < ge && gs < sp.End,
				last != "" && words[lastWord(last)]:
				r.Right = true
				c.Right++
			}
			if pron {
				c.PronRecalled++
				if r.Right {
					c.PronRight++
				}
				if last != "" && wordSet(lastNamed)[lastWord(last)] {
					c.PronSilver++
				}
			}
		}
		if !pron {
			lastNamed = srcText
		}
		recs = append(recs, r)
	}
	return c, recs
}

// codePointOffsets returns the byte offset of every code point of s, and
// len(s) after the last.
func codePointOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// forLetters calls fn with the byte offset of every letter or digit of
// src[from:to].
func forLetters(src string, from, to int, fn func(int)) {
	from, to = max(from, 0), min(to, len(src))
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(src[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			fn(i)
		}
		i += size
	}
}

// inParts reports whether source byte b lies in one of q's parts.
func inParts(q *quote.Quotation, b int) bool {
	for _, p := range q.Parts {
		if b >= p.Start && b < p.End {
			return true
		}
	}
	return false
}

// wordSet returns the words of s, lower case, without a possessive.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '-'
	}) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
		out[w] = true
	}
	return out
}

// lastWord returns the last word of a family name, lower case: "blasio"
// for "de Blasio".
func lastWord(last string) string {
	f := strings.Fields(strings.ToLower(last))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// wireQuote reports whether the content of at, stripped, opens and closes
// with two apostrophes or two backticks, the wire's quotation marks.
func wireQuote(src string, at Attribution, conv func(int) int) bool {
	if len(at.ContentSpans) == 0 {
		return false
	}
	s := strings.TrimSpace(src[conv(at.ContentSpans[0][0]):conv(at.ContentSpans[len(at.ContentSpans)-1][1])])
	return (strings.HasPrefix(s, "''") || strings.HasPrefix(s, "``")) && strings.HasSuffix(s, "''")
}
