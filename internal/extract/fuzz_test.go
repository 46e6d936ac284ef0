package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHTML checks that no page makes HTML panic, and that whatever it
// returns is a tidy, valid UTF-8 article or one of its errors.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(page("<title>Pier</title>", story...)), "text/html")
	f.Add([]byte(page(`<meta charset="shift_jis"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05T18:30:00+0100","author":{"name":"A"}}</script>`, "\x82\xa0\x82\xa2 text", story[0])), "")
	f.Add([]byte("<html><body><table><tr><td>a<td>b<tr><td>c</table><pre>x\ny</pre><br><br>"+strings.Repeat("<div>", 40)), "text/html; charset=windows-1252")
	f.Add([]byte("%PDF-1.4\n"), "application/pdf")
	f.Add([]byte("\xef\xbb\xbf<p>\x00\xff\xfe</p>"), "")
	f.Add([]byte(`<link rel=canonical href="//x"><meta property="og:site_name" content=" "><time datetime="2024-13-45" pubdate>`), "text/html")
	f.Fuzz(func(t *testing.T, b []byte, contentType string) {
		a, err := HTML(context.Background(), b, contentType, "fuzz.html", Options{MaxBytes: 1 << 20})
		if err != nil {
			if !errors.Is(err, ErrNotHTML) && !errors.Is(err, ErrNoArticle) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTooDeep) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.html: ") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		for _, s := range []string{a.Text, a.Title, a.Outlet, a.URL, a.Published, a.SiteName, a.Language, strings.Join(a.Authors, "")} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if a.Text == "" || strings.Contains(a.Text, "\n\n\n") || strings.TrimSpace(a.Text) != a.Text {
			t.Fatalf("untidy text %q", a.Text)
		}
		if a.Published != "" && !validPublished(a.Published) {
			t.Fatalf("published %q", a.Published)
		}
		if len(a.ID) != 16 {
			t.Fatalf("id %q", a.ID)
		}
	})
}
