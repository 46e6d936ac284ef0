package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/text"
)

// checkHTML returns an error wrapping ErrNotHTML when the content type or
// the bytes say the page is not an HTML (or XHTML) document. An empty or
// generic content type (a saved file, application/octet-stream, text/plain)
// leaves the decision to the bytes.
func checkHTML(page []byte, contentType string) error {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch {
		case mt == "text/html", mt == "application/xhtml+xml",
			mt == "application/octet-stream", mt == "binary/octet-stream",
			mt == "text/plain", mt == "application/x-unknown", mt == "application/unknown":
		default:
			return fmt.Errorf("%w: content type %s", ErrNotHTML, mt)
		}
	}
	head := page[:min(len(page), 512)]
	switch sniffed := http.DetectContentType(head); {
	case strings.HasPrefix(sniffed, "text/html"), strings.HasPrefix(sniffed, "text/xml"):
	case strings.HasPrefix(sniffed, "text/plain"):
		// http.DetectContentType calls any text without a leading tag
		// plain; a page may open with a comment, a script or white space
		// past the sniffed window, so look for markup.
		if binary(page) {
			return fmt.Errorf("%w: binary data", ErrNotHTML)
		}
		if looksJSON(page) {
			return fmt.Errorf("%w: the bytes are JSON", ErrNotHTML)
		}
		if !hasMarkup(page) {
			return fmt.Errorf("%w: no HTML markup", ErrNotHTML)
		}
	default:
		return fmt.Errorf("%w: the bytes are %s", ErrNotHTML, strings.TrimSuffix(strings.SplitN(sniffed, ";", 2)[0], " "))
	}
	if binary(page) {
		return fmt.Errorf("%w: binary data", ErrNotHTML)
	}
	return nil
}

// binary reports bytes no text page holds: NUL and most other C0
// controls, when they are more than a stray one in the first 8 KiB.
// UTF-16 pages (which hold NULs) are recognised by their byte-order mark.
func binary(page []byte) bool {
	if bytes.HasPrefix(page, []byte{0xfe, 0xff}) || bytes.HasPrefix(page, []byte{0xff, 0xfe}) {
		return false
	}
	head := page[:min(len(page), 8<<10)]
	bad := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			bad++
		}
	}
	return bad > 0 && bad*100 >= len(head) || bytes.IndexByte(head, 0) >= 0
}

// looksJSON reports a body that is a JSON object or array.
func looksJSON(page []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(page, []byte("\xef\xbb\xbf")))
	return len(t) > 0 && (t[0] == '{' || t[0] == '[') && json.Valid(t)
}

// hasMarkup reports whether the page holds an HTML tag in its first 64 KiB.
func hasMarkup(page []byte) bool {
	head := bytes.ToLower(page[:min(len(page), 64<<10)])
	for _, tag := range []string{"<html", "<head", "<body", "<!doctype html", "<p", "<div", "<article", "<title", "<meta", "<br", "<h1", "<h2", "<span", "<a ", "<table", "<section", "<main"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}

// decode converts page to UTF-8 with text.ToUTF8, which reads valid UTF-8
// as UTF-8 whatever the page declares, then the byte-order mark, the
// header, the <meta> element and the bytes. A page that is not UTF-8 and
// declares no encoding anywhere is first checked for the common Japanese,
// Chinese, Korean and Cyrillic encodings, which ToUTF8's default
// (windows-1252) would garble.
func decode(page []byte, contentType string) ([]byte, string, error) {
	if !utf8.Valid(page) {
		if _, name, certain := charset.DetermineEncoding(page, contentType); !certain && name == "windows-1252" &&
			!bytes.Contains(bytes.ToLower(page[:min(len(page), 4096)]), []byte("charset")) {
			if cs := sniffCharset(page); cs != "" {
				contentType = "text/html; charset=" + cs
			}
		}
	}
	return text.ToUTF8(page, contentType)
}

// sniffed are the encodings sniffCharset may report: multi-byte East Asian
// ones and Cyrillic ones, which a Latin default garbles completely.
var sniffed = map[string]bool{
	"Shift_JIS": true, "EUC-JP": true, "ISO-2022-JP": true, "GB18030": true, "Big5": true,
	"EUC-KR": true, "ISO-2022-KR": true, "ISO-2022-CN": true, "windows-1251": true, "KOI8-R": true,
}

// sniffCharset guesses the encoding of a page that declares none, or
// returns "".
func sniffCharset(page []byte) string {
	if !hasHighBit(page) {
		return ""
	}
	r, err := chardet.NewHtmlDetector().DetectBest(page[:min(len(page), 64<<10)])
	if err != nil || r.Confidence < 50 || !sniffed[r.Charset] {
		return ""
	}
	return r.Charset
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
