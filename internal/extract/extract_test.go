package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// benchPage is one page of the shared article-extraction benchmark.
type benchPage struct {
	id, url string
	html    []byte
}

// benchPages reads the pages of ../shared/data/article-extraction, in id
// order, or skips.
func benchPages(tb testing.TB) []benchPage {
	tb.Helper()
	dir := sharedtest.Path(tb, "data", "article-extraction")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var gt map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		tb.Fatal(err)
	}
	var pages []benchPage
	for id, v := range gt {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		h, err := io.ReadAll(z)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, benchPage{id, v.URL, h})
	}
	slices.SortFunc(pages, func(a, b benchPage) int { return strings.Compare(a.id, b.id) })
	return pages
}

// checkText fails t unless text is laid out as Article.Text promises.
func checkText(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("text is not valid UTF-8")
	}
	if strings.Contains(text, "\n\n\n") || strings.TrimSpace(text) != text {
		t.Errorf("text has stray blank lines or edges: %.80q", text)
	}
	for _, p := range strings.Split(text, "\n\n") {
		if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n") || strings.Contains(p, "  ") {
			t.Errorf("untidy paragraph %.80q", p)
		}
	}
}

func TestBenchmarkPages(t *testing.T) {
	pages := benchPages(t)
	ctx := context.Background()
	ids := make(map[string]string)
	for _, p := range pages {
		t.Run(p.id[:12], func(t *testing.T) {
			a, err := HTML(ctx, p.html, "text/html", p.url, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, a.Text)
			if len(strings.Fields(a.Text)) < 10 {
				t.Errorf("body of %d words", len(strings.Fields(a.Text)))
			}
			if a.Title == "" || a.Outlet == "" || a.URL == "" || a.Extractor == "" {
				t.Errorf("missing metadata: title %q, outlet %q, url %q, extractor %q", a.Title, a.Outlet, a.URL, a.Extractor)
			}
			if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(a.ID) {
				t.Errorf("id %q", a.ID)
			}
			if other, dup := ids[a.ID]; dup {
				t.Errorf("id %s also given to page %s", a.ID, other)
			}
			ids[a.ID] = p.id
			if a.Published != "" && !validPublished(a.Published) {
				t.Errorf("published %q", a.Published)
			}
		})
	}
}

func validPublished(s string) bool {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// page builds an HTML page around a body of paragraphs written for these
// tests.
func page(head string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head>" + head + "</head><body>\n<nav><a href=/>Home</a> <a href=/world>World</a></nav>\n<article>\n")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article>\n<footer>Copyright the Example Gazette</footer></body></html>\n")
	return b.String()
}

// story is a few paragraphs of the tests' own words, long enough to be
// taken for an article.
var story = []string{
	"The harbour council of Westmere voted on Tuesday evening to rebuild the old stone pier, which storms damaged last winter.",
	"Engineers told the council that the work would take two summers and that fishing boats could use the northern quay meanwhile.",
	"Several residents spoke against the plan, saying the money would be better spent on the town's flood defences.",
	"The mayor said the pier was part of the town's history and that a grant from the regional fund would cover most of the cost.",
	"Construction is expected to begin in the spring, once the tender has been awarded.",
}

func TestParagraphs(t *testing.T) {
	html := page("<title>Pier to be rebuilt</title>",
		"The <b>harbour</b> council of West<i>mere</i> voted on Tuesday evening to rebuild the old stone pier, which storms damaged last winter.",
		"Engineers told the council&nbsp;that the work would take two summers<br>and that fishing boats could use the northern quay meanwhile.",
		story[2], story[3], story[4])
	a, err := HTML(context.Background(), []byte(html), "text/html; charset=utf-8", "https://example.org/pier", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, a.Text)
	want := strings.Join([]string{
		story[0],
		"Engineers told the council that the work would take two summers",
		"and that fishing boats could use the northern quay meanwhile.",
		story[2], story[3], story[4],
	}, "\n\n")
	if diff := cmp.Diff(want, a.Text); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestCharsets(t *testing.T) {
	french := "Le conseil municipal a voté mardi la rénovation du quai : « Ça coûtera cher », a déclaré la maire, née à Besançon."
	japanese_ := "港の古い石の桟橋を再建することが、火曜日の夜に町議会で決まりました。工事は春に始まる予定です。"
	tests := []struct {
		name, contentType, text string
		head                    string
		encode                  func(string) (string, error)
	}{
		{"windows-1252 meta", "", french, `<meta charset="windows-1252">`, charmap.Windows1252.NewEncoder().String},
		{"windows-1252 header", "text/html; charset=windows-1252", french, "", charmap.Windows1252.NewEncoder().String},
		{"iso-8859-1 http-equiv", "", french, `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, charmap.Windows1252.NewEncoder().String},
		{"shift_jis meta", "", japanese_, `<meta charset="Shift_JIS">`, japanese.ShiftJIS.NewEncoder().String},
		{"shift_jis header", "text/html; charset=Shift_JIS", japanese_, "", japanese.ShiftJIS.NewEncoder().String},
		{"shift_jis sniffed", "", japanese_, "", japanese.ShiftJIS.NewEncoder().String},
		{"utf-8 declared latin-1", "", french, `<meta charset="iso-8859-1">`, func(s string) (string, error) { return s, nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := []string{tt.text, tt.text + " " + tt.text, tt.text}
			doc := page(tt.head+"<title>"+string([]rune(tt.text)[:12])+"</title>", paras...)
			enc, err := tt.encode(doc)
			raw := []byte(enc)
			if err != nil {
				t.Fatal(err)
			}
			if tt.name != "utf-8 declared latin-1" && utf8.Valid(raw) {
				t.Fatal("the test page is valid UTF-8; the encoder did nothing")
			}
			a, err := HTML(context.Background(), raw, tt.contentType, "https://example.org/page", Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, a.Text)
			if !strings.Contains(a.Text, tt.text) {
				t.Errorf("text lost its characters:\n got %.200q\nwant %q", a.Text, tt.text)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	tests := []struct {
		name, head, pageURL string
		want                Article // only the metadata fields are compared
	}{
		{
			name: "json-ld time of day",
			head: `<title>Pier to be rebuilt | Example Gazette</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pier to be rebuilt",
"datePublished":"2024-03-05T18:30:00+01:00","author":[{"@type":"Person","name":"Ada Lovelace"},{"@type":"Person","name":"Alan Turing"}],
"publisher":{"@type":"Organization","name":"Example Gazette"}}</script>`,
			pageURL: "https://www.example.org/news/pier?utm=x",
			want: Article{URL: "https://www.example.org/news/pier?utm=x", Outlet: "Example Gazette", SiteName: "Example Gazette",
				Published: "2024-03-05T18:30:00+01:00", Authors: []string{"Ada Lovelace", "Alan Turing"}, Language: "en"},
		},
		{
			name: "json-ld graph, canonical, og:site_name",
			head: `<link rel="canonical" href="https://example.org/news/pier">
<meta property="og:site_name" content="The Gazette">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Other"},
{"@type":["NewsArticle"],"datePublished":"2024-03-05T17:30:00Z","author":{"@type":"Person","name":"Grace Hopper"}}]}</script>`,
			pageURL: "https://m.example.org/p/1",
			want: Article{URL: "https://example.org/news/pier", Outlet: "The Gazette", SiteName: "The Gazette",
				Published: "2024-03-05T17:30:00Z", Authors: []string{"Grace Hopper"}, Language: "en"},
		},
		{
			name: "article:published_time, relative canonical, lang",
			head: `<link rel="canonical" href="/news/pier-2"><meta property="article:published_time" content="2024-03-05T09:15:00-0500">
<meta name="author" content="By Mary Somerville">`,
			pageURL: "http://example.org/x",
			want: Article{URL: "http://example.org/news/pier-2", Outlet: "example.org",
				Published: "2024-03-05T09:15:00-05:00", Authors: []string{"Mary Somerville"}, Language: "en"},
		},
		{
			name: "date only in json-ld, time of day in meta",
			head: `<script type="application/ld+json">{"@type":"Article","datePublished":"2024-03-05"}</script>
<meta property="article:published_time" content="2024-03-05T09:15:00.000Z">`,
			pageURL: "https://www.example.org/a",
			want:    Article{URL: "https://www.example.org/a", Outlet: "example.org", Published: "2024-03-05T09:15:00Z", Language: "en"},
		},
		{
			name:    "date only",
			head:    `<meta name="date" content="2024-03-05">`,
			pageURL: "https://www.example.org/a",
			want:    Article{URL: "https://www.example.org/a", Outlet: "example.org", Published: "2024-03-05", Language: "en"},
		},
		{
			name:    "time element, no offset",
			head:    `<meta http-equiv="content-language" content="en-GB">`,
			pageURL: "https://www.example.org/a",
			want:    Article{URL: "https://www.example.org/a", Outlet: "example.org", Published: "2024-03-05T09:15:00", Language: "en"},
		},
		{
			name:    "invalid canonical, file",
			head:    `<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="ftp://example.org/x">`,
			pageURL: "saved/page.html",
			want:    Article{Language: "en"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := story
			if strings.HasPrefix(tt.name, "time element") {
				paras = append([]string{`<time datetime="2024-03-05T09:15:00" pubdate>5 March</time>`}, story...)
			}
			a, err := HTML(context.Background(), []byte(page(tt.head, paras...)), "", tt.pageURL, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := Article{URL: a.URL, Outlet: a.Outlet, SiteName: a.SiteName, Published: a.Published, Authors: a.Authors, Language: a.Language}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
			key := a.URL
			if key == "" {
				key = a.Text
			}
			if a.ID != StableID(key) {
				t.Errorf("id %s, want StableID(%.40q)", a.ID, key)
			}
		})
	}
}

func TestFormatTime(t *testing.T) {
	tests := []struct {
		in, want string
		hasTime  bool
	}{
		{"2024-03-05T18:30:00+01:00", "2024-03-05T18:30:00+01:00", true},
		{"2024-03-05T18:30:00.123Z", "2024-03-05T18:30:00Z", true},
		{"2024-03-05T18:30:00+0100", "2024-03-05T18:30:00+01:00", true},
		{"2024-03-05 18:30:00", "2024-03-05T18:30:00", true},
		{"2024-03-05T18:30", "2024-03-05T18:30:00", true},
		{"Tue, 05 Mar 2024 18:30:00 +0100", "2024-03-05T18:30:00+01:00", true},
		{"Tue, 05 Mar 2024 18:30:00 GMT", "2024-03-05T18:30:00Z", true},
		{"Tue, 05 Mar 2024 18:30:00 EST", "2024-03-05T18:30:00", true},
		{"2024-03-05", "2024-03-05", false},
		{"March 5, 2024", "2024-03-05", false},
		{"0001-01-01T00:00:00Z", "", false},
		{"yesterday", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, hasTime := formatTime(tt.in)
		if got != tt.want || hasTime != tt.hasTime {
			t.Errorf("formatTime(%q) = %q, %v; want %q, %v", tt.in, got, hasTime, tt.want, tt.hasTime)
		}
	}
}

func TestLanguageDetected(t *testing.T) {
	german := []string{
		"Der Stadtrat hat am Dienstagabend beschlossen, die alte Steinmole im Hafen wieder aufzubauen, die im letzten Winter von Stürmen beschädigt wurde.",
		"Die Ingenieure sagten, dass die Arbeiten zwei Sommer dauern würden und dass die Fischerboote in der Zwischenzeit den nördlichen Kai benutzen könnten.",
		"Mehrere Einwohner sprachen sich gegen den Plan aus und sagten, das Geld wäre besser für den Hochwasserschutz der Stadt ausgegeben.",
	}
	a, err := HTML(context.Background(), []byte(strings.Replace(page("", german...), "<html>", "<html lang=\"\">", 1)), "", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Language != "de" {
		t.Errorf("language %q, want de", a.Language)
	}
	if a.URL != "" || a.Outlet != "" || a.ID != StableID(a.Text) {
		t.Errorf("a page without URL: url %q outlet %q id %q", a.URL, a.Outlet, a.ID)
	}
}

func TestStableID(t *testing.T) {
	// The value is fixed: ids written by one version must match the next.
	if got, want := StableID("https://example.org/news/pier"), "b39567219415acde"; got != want {
		t.Errorf("StableID = %s, want %s", got, want)
	}
}

func TestNotHTML(t *testing.T) {
	pdf := []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	jsonBody := []byte(`{"id": 1, "title": "Pier to be rebuilt", "body": "<p>The harbour council voted.</p>"}`)
	htmlBody := []byte(page("<title>Pier</title>", story...))
	tests := []struct {
		name, contentType string
		body              []byte
		msg               string
	}{
		{"pdf with its type", "application/pdf", pdf, "content type application/pdf"},
		{"pdf behind an html type", "text/html", pdf, "the bytes are application/pdf"},
		{"pdf file", "", pdf, "the bytes are application/pdf"},
		{"png behind an html type", "text/html; charset=utf-8", png, "the bytes are image/png"},
		{"random binary behind an html type", "text/html", random, "application/octet-stream"},
		{"json", "application/json", jsonBody, "content type application/json"},
		{"json behind an html type", "text/html", jsonBody, "the bytes are JSON"},
		{"html behind an image type", "image/jpeg", htmlBody, "content type image/jpeg"},
		{"plain text", "", []byte(strings.Join(story, "\n\n")), "no HTML markup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML(context.Background(), tt.body, tt.contentType, "https://example.org/f", Options{})
			if !errors.Is(err, ErrNotHTML) {
				t.Fatalf("error %v, want ErrNotHTML", err)
			}
			if !strings.HasPrefix(err.Error(), "https://example.org/f: not an HTML page") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestNoArticle(t *testing.T) {
	for _, body := range []string{"", "  \n", "<html><head><title>x</title></head><body></body></html>", "<html><body><nav></nav><script>var x = 1;</script></body></html>"} {
		_, err := HTML(context.Background(), []byte(body), "", "empty.html", Options{})
		if !errors.Is(err, ErrNoArticle) || !strings.HasPrefix(err.Error(), "empty.html: ") {
			t.Errorf("%q: error %v, want ErrNoArticle", body, err)
		}
	}
}

// TestHostile checks that pages built to exhaust a parser fail with a clear
// error, or are extracted.
func TestHostile(t *testing.T) {
	const n = 100_000
	tests := []struct {
		name string
		page string
		o    Options
		want error // nil: extracted or no article, either is fine
	}{
		{"div nested 100,000 deep", "<html><body>" + strings.Repeat("<div>", n) + "deep", Options{}, ErrTooDeep},
		{"closed divs nested 100,000 deep", "<html><body>" + strings.Repeat("<div>", n) + "deep" + strings.Repeat("</div>", n), Options{}, ErrTooDeep},
		{"b nested 100,000 deep", "<html><body><p>" + strings.Repeat("<b>", n) + "deep", Options{}, ErrTooDeep},
		{"tables nested 100,000 deep", "<html><body>" + strings.Repeat("<table><tr><td>", n/3) + "deep", Options{}, ErrTooDeep},
		{"a 100,000 times", "<html><body><p>" + strings.Repeat("<a href=x>link ", n), Options{MaxElements: 2 * n}, nil},
		{"p 100,000 times unclosed", "<html><body>" + strings.Repeat("<p>a line of text ", n), Options{MaxElements: 2 * n}, nil},
		{"li 100,000 times", "<html><body><ul>" + strings.Repeat("<li>item ", n), Options{MaxElements: 2 * n}, nil},
		{"over MaxElements", "<html><body>" + strings.Repeat("<span>x</span>", 2*n), Options{}, ErrTooLarge},
		{"over MaxDepth", "<html><body>" + strings.Repeat("<div>", 100) + strings.Join(story, " "), Options{MaxDepth: 50}, ErrTooDeep},
		{"over MaxBytes", page("", story...), Options{MaxBytes: 100}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := HTML(context.Background(), []byte(tt.page), "text/html", "hostile.html", tt.o)
			took := time.Since(start)
			t.Logf("%v: %v", took.Round(time.Millisecond), err)
			switch {
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("error %v, want %v", err, tt.want)
			case tt.want == nil && err != nil && !errors.Is(err, ErrNoArticle):
				t.Errorf("error %v", err)
			case err == nil:
				checkText(t, a.Text)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "hostile.html: ") {
				t.Errorf("error %q does not name the input", err)
			}
			// How long each takes is measured by BenchmarkHostile, not
			// asserted here: the machines are shared, and the race
			// detector slows the parser tenfold.
		})
	}
}

func TestContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := HTML(ctx, []byte(page("", story...)), "", "p.html", Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestMethods(t *testing.T) {
	doc := []byte(page("<title>Pier to be rebuilt</title>", story...))
	for _, m := range []Method{Auto, Trafilatura, Readability} {
		a, err := HTML(context.Background(), doc, "", "https://example.org/pier", Options{Method: m})
		if err != nil {
			t.Fatalf("%q: %v", m, err)
		}
		want := string(m)
		if m == Auto {
			want = "trafilatura"
		}
		if a.Extractor != want {
			t.Errorf("%q: extractor %q", m, a.Extractor)
		}
		if !strings.Contains(a.Text, story[2]) {
			t.Errorf("%q: text %.100q", m, a.Text)
		}
	}
}

func TestRecord(t *testing.T) {
	a := Article{ID: "x", Published: "2024-03-05T18:30:00+01:00", Text: "t"}
	r := a.Record()
	if r.Published.IsZero() || r.Published.Hour() != 18 {
		t.Errorf("published %v", r.Published)
	}
	a.Published = "2024-03-05"
	if r := a.Record(); r.Published.Day() != 5 {
		t.Errorf("published %v", r.Published)
	}
	// JSON is the record "parallax brief" reads.
	b, err := json.Marshal(&Article{ID: "x", URL: "https://example.org/", Title: "T", Text: "t", Extractor: "trafilatura"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"id":"x","url":"https://example.org/","title":"T","text":"t"`)) {
		t.Errorf("json %s", b)
	}
}

func TestSiteNameAndAuthors(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"Westmere Gazette", "Westmere Gazette"},
		{"https://www.gazette.example", "gazette.example"},
		{"Gazette | News from the coast", "Gazette"},
		{"Gazette - News - Sport", "Gazette"},
		{"  The   Gazette ", "The Gazette"},
	} {
		m := &meta{metas: map[string]string{"og:site_name": tt.raw}}
		if got := m.siteName(); got != tt.want {
			t.Errorf("siteName(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	for _, tt := range []struct {
		byline string
		want   []string
	}{
		{"By Ada Lovelace and Alan Turing", []string{"Ada Lovelace", "Alan Turing"}},
		{"Grace Hopper | The Gazette", []string{"Grace Hopper"}},
		{"Mary Somerville, Gazette.com; BY Emmy Noether", []string{"Mary Somerville", "Emmy Noether"}},
		{"https://gazette.example/staff/ada", nil},
	} {
		m := &meta{metas: map[string]string{"author": tt.byline}}
		if diff := cmp.Diff(tt.want, m.authors()); diff != "" {
			t.Errorf("authors(%q) (-want +got):\n%s", tt.byline, diff)
		}
	}
}
