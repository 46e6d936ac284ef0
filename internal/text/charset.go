package text

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// ToUTF8 converts a downloaded or saved page to UTF-8. The encoding is
// taken, in order, from a byte-order mark, the charset parameter of
// contentType (which may be empty), a <meta> element or XML declaration
// near the start, and finally from sniffing the bytes, as browsers do. It
// returns the text, the name of the encoding it was read as, and an error
// only when the bytes cannot be decoded at all. Bytes that are not valid
// in the encoding become U+FFFD, so the result is always valid UTF-8.
//
// Bytes that are valid UTF-8 and hold characters beyond ASCII are read as
// UTF-8 whatever is declared: a page saved or served with a stale
// declaration is common, while text in a legacy single-byte encoding is
// almost never valid UTF-8 by accident.
func ToUTF8(b []byte, contentType string) ([]byte, string, error) {
	if nonASCII(b) && utf8.Valid(b) {
		return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), "utf-8", nil
	}
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	if name == "utf-8" {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		if utf8.Valid(b) {
			return b, name, nil
		}
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), name, nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, name, fmt.Errorf("decoding %s: %w", name, err)
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), name, nil
}

func nonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
