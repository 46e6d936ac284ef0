package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// toUTF8 decodes a feed document to UTF-8 and removes the encoding from
// its XML declaration, so that the XML parser reads it as it is. The
// encoding is the byte-order mark's, else the XML declaration's, else the
// charset of contentType, else UTF-8 when the bytes are valid UTF-8, else
// windows-1252 (what browsers assume of unlabelled Western pages).
func toUTF8(b []byte, contentType string) ([]byte, error) {
	label := ""
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		b, label = b[3:], "utf-8"
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		label = "utf-16be"
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		label = "utf-16le"
	}
	if label == "" {
		label = declEncoding(b)
	}
	if label == "" && contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			label = strings.TrimSpace(params["charset"])
		}
	}
	if label == "" {
		if utf8.Valid(b) {
			return dropDeclEncoding(b), nil
		}
		label = "windows-1252"
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("unknown character encoding %q", label)
	}
	if name != "utf-8" {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return nil, fmt.Errorf("decoding %s: %w", name, err)
		}
		b = out
		// A UTF-16 document keeps its byte-order mark after decoding.
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return dropDeclEncoding(b), nil
}

var declRE = regexp.MustCompile(`^\s*<\?xml[^>]*?\?>`)
var encRE = regexp.MustCompile(`encoding\s*=\s*["']\s*([A-Za-z0-9._:\-]+)\s*["']`)

// declEncoding returns the encoding named by b's XML declaration, or "".
func declEncoding(b []byte) string {
	d := declRE.Find(b[:min(len(b), 512)])
	if d == nil {
		return ""
	}
	if m := encRE.FindSubmatch(d); m != nil {
		return string(m[1])
	}
	return ""
}

// dropDeclEncoding replaces b's XML declaration, if any, with one that
// names no encoding.
func dropDeclEncoding(b []byte) []byte {
	loc := declRE.FindIndex(b[:min(len(b), 512)])
	if loc == nil || !encRE.Match(b[loc[0]:loc[1]]) {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, `<?xml version="1.0"?>`...)
	return append(out, b[loc[1]:]...)
}

// capXML cuts an RSS or Atom document after its limit-th entry, closing
// the elements still open there, and returns how many entries it cut.
// Documents within the limit are returned as they are, after a scan for
// entry tags that costs far less than parsing.
func capXML(b []byte, limit int) ([]byte, int, error) {
	total := countEntryTags(b)
	if total <= limit {
		return b, 0, nil
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []string
	entryDepth, n := -1, 0
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			return b, 0, nil // fewer entries than tags that looked like them
		}
		if err != nil {
			return nil, 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if entryDepth < 0 && len(stack) > 0 && (t.Name.Local == "item" || t.Name.Local == "entry") {
				n++
				if n > limit {
					out := make([]byte, 0, off+64)
					out = append(out, b[:off]...)
					for i := len(stack) - 1; i >= 0; i-- {
						out = append(out, "</"+stack[i]+">"...)
					}
					return out, max(total-limit, 1), nil
				}
				entryDepth = len(stack)
			}
			name := t.Name.Local
			if t.Name.Space != "" {
				name = t.Name.Space + ":" + name
			}
			stack = append(stack, name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if len(stack) <= entryDepth {
				entryDepth = -1
			}
		}
	}
}

// countEntryTags counts the start tags named item or entry (with any
// prefix): at least the number of entries in the document.
func countEntryTags(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		k := i
		for k < len(b) && isNameByte(b[k]) {
			k++
		}
		if k == i || k == len(b) {
			continue
		}
		name := b[i:k]
		if c := bytes.LastIndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		if string(name) != "item" && string(name) != "entry" {
			continue
		}
		switch b[k] {
		case ' ', '\t', '\r', '\n', '>', '/':
			n++
		}
	}
	return n
}

func isNameByte(c byte) bool {
	return c == ':' || c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// capJSON keeps the first limit items of a JSON Feed and returns how many
// it dropped. A document with no more objects than the limit cannot hold
// more items and is returned as it is.
func capJSON(b []byte, limit int) ([]byte, int, error) {
	if bytes.Count(b, []byte{'{'}) <= limit+1 {
		return b, 0, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, 0, errors.New("JSON Feed is not a JSON object")
	}
	var out bytes.Buffer
	out.WriteByte('{')
	dropped := 0
	for i := 0; dec.More(); i++ {
		tok, err := dec.Token()
		if err != nil {
			return nil, 0, err
		}
		key, _ := tok.(string)
		if i > 0 {
			out.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		out.Write(k)
		out.WriteByte(':')
		if key != "items" {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, 0, err
			}
			out.Write(raw)
			continue
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return nil, 0, errors.New(`JSON Feed "items" is not an array`)
		}
		out.WriteByte('[')
		for n := 0; dec.More(); n++ {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, 0, err
			}
			if n >= limit {
				dropped++
				continue
			}
			if n > 0 {
				out.WriteByte(',')
			}
			out.Write(raw)
		}
		if _, err := dec.Token(); err != nil {
			return nil, 0, err
		}
		out.WriteByte(']')
	}
	out.WriteByte('}')
	return out.Bytes(), dropped, nil
}
