package store

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// TextHash returns the hex SHA-256, cut to 128 bits (32 hex digits), of
// text normalized so that copies differing only in form hash alike: Unicode
// NFC, case folded, every run of white space one space, none at either end.
func TextHash(text string) string {
	h := sha256.Sum256(normalizeText(text))
	return hex.EncodeToString(h[:16])
}

// normalizeText is the text TextHash hashes.
func normalizeText(text string) []byte {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	out := make([]byte, 0, len(text))
	space := false
	if ascii {
		// The common case, without the Unicode machinery: ASCII is in NFC
		// and folds to lower case.
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch c {
			case ' ', '\t', '\n', '\v', '\f', '\r':
				space = len(out) > 0
				continue
			}
			if space {
				out = append(out, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
		}
		return out
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = cases.Fold().String(norm.NFC.String(text))
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// trackingParams are query parameters that only say where a reader came
// from; CanonicalURL drops them, as it drops every utm_ parameter.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true,
}

// CanonicalURL returns the form of an http or https URL under which
// articles are deduplicated: scheme and host in lower case, no user
// information, no default port, no fragment, no tracking parameters
// (utm_*, fbclid, gclid and a few like them), and "/" for an empty path.
// The remaining query parameters keep their order and their escapes; a
// byte that may not stand bare in a query (a space, a control character,
// a stray "%") is percent-encoded, so the form is its own canonical form.
// It returns "" for anything that is not an absolute http or https URL.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	// Bytes that are not UTF-8 would come back as replacement characters,
	// three bytes each, and the result would not be its own canonical form.
	if raw == "" || len(raw) > maxURL || !utf8.ValidString(raw) {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" || u.Opaque != "" {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" || !strings.Contains(host, ":") && slices.Contains(strings.Split(host, "."), "") {
		return "" // no host, or an empty label: "..", ".example", "a..b"
	}
	port := u.Port()
	if scheme == "http" && port == "80" || scheme == "https" && port == "443" {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	var kept []string
	if u.RawQuery != "" {
		for _, p := range strings.Split(u.RawQuery, "&") {
			if p == "" {
				continue
			}
			key, _, _ := strings.Cut(p, "=")
			if k, err := url.QueryUnescape(key); err == nil {
				key = k
			}
			key = strings.ToLower(key)
			if strings.HasPrefix(key, "utm_") || trackingParams[key] {
				continue
			}
			kept = append(kept, escapeQueryPart(p))
		}
	}
	s := scheme + "://" + host + path
	if len(kept) > 0 {
		s += "?" + strings.Join(kept, "&")
	}
	return s
}

// escapeQueryPart percent-encodes the bytes of one query parameter that
// may not stand bare in a URL's query, keeping valid escapes and every
// other byte as they are, so "a+b" and "a%2Bb" stay different.
func escapeQueryPart(p string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte(c)
		case c > ' ' && c < 0x7f && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' && c != '}' && c != '#':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// derivedIDs returns the ids an article without one may take, shortest
// first: prefixes of the hash of its canonical URL when it has one, else
// of its text hash. A later one is used only when an earlier one is
// taken by another article.
func derivedIDs(canonical, hash string) []string {
	src := hash
	if canonical != "" {
		h := sha256.Sum256([]byte(canonical))
		src = hex.EncodeToString(h[:16])
	}
	return []string{src[:16], src[:24], src}
}
