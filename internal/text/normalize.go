package text

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Normalized is a text rewritten for analysis, with the map back to the
// bytes it came from.
//
// Curly quotes become straight ones, and so do the wire's quotation marks
// (two backticks open a quotation and two apostrophes close it; one
// backtick opens a quotation inside it); dashes become "-" (a dash between
// two words gains spaces so the words stay apart), and so does the wire's
// " _ " dash; the ellipsis character becomes "...", unusual spaces become
// " ", and invisible characters (zero width spaces, soft hyphens, byte
// order marks) are removed.
type Normalized struct {
	// Text is the normalized text.
	Text string
	src  string
	// offs[i] is the offset in src of the rune that produced Text[i].
	offs []int32
	// wide lists, in order of position in Text, the bytes made from more
	// than the one source rune at their offset (`"` from two backticks).
	wide []wideByte
}

// A wideByte is the byte Text[at], made from src[offs[at]:end].
type wideByte struct{ at, end int32 }

// Normalize rewrites src for analysis. src must be valid UTF-8; invalid
// bytes are kept as they are.
func Normalize(src string) *Normalized {
	var b strings.Builder
	b.Grow(len(src))
	offs := make([]int32, 0, len(src)+1)
	emit := func(s string, at int) {
		b.WriteString(s)
		for range len(s) {
			offs = append(offs, int32(at))
		}
	}
	var wide []wideByte
	// emitWide writes the byte c made from src[at:end].
	emitWide := func(c byte, at, end int) {
		wide = append(wide, wideByte{at: int32(b.Len()), end: int32(end)})
		b.WriteByte(c)
		offs = append(offs, int32(at))
	}
	open := false // a wire quotation ("``") is open
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '`':
			// Two backticks open a quotation and one opens a quotation
			// inside it: "``" -> `"`, "`" -> "'".
			k := run(src, i, '`')
			for ; k >= 2; k -= 2 {
				emitWide('"', i, i+2)
				i += 2
				open = true
			}
			if k == 1 {
				emit("'", i)
				i++
			}
			continue
		case c == '\'' && i+1 < len(src) && src[i+1] == '\'':
			// Two apostrophes close a quotation; a third closes a
			// quotation inside it first: "'''" -> "'" + `"`. After a
			// digit, outside a quotation, they are inches (5'10'').
			k := run(src, i, '\'')
			if !open && i > 0 && isDigit(src[i-1]) {
				for range k {
					emit("'", i)
					i++
				}
				continue
			}
			if k%2 == 1 {
				emit("'", i)
				i++
			}
			for ; k >= 2; k -= 2 {
				emitWide('"', i, i+2)
				i += 2
			}
			open = false
			continue
		case c == '_' && (i == 0 || src[i-1] == ' ' || src[i-1] == '\n') && i+1 < len(src) && src[i+1] == ' ':
			// The wire's dash: "the storm _ now a depression _ moved".
			emit("-", i)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			offs = append(offs, int32(i))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4':
			emit("'", i)
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			emit(`"`, i)
		case '\u2013', '\u2014', '\u2015', '\u2212', '\u2012', '\u2010', '\u2011':
			// A dash glued to words on both sides ("Trump—who") would
			// otherwise join them into one token.
			glued := i > 0 && src[i-1] != ' ' && i+size < len(src) && src[i+size] != ' '
			if glued && (r == '\u2014' || r == '\u2015') {
				emit(" - ", i)
			} else {
				emit("-", i)
			}
		case '\u2026':
			emit("...", i)
		case '\u00a0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
			'\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000':
			emit(" ", i)
		case '\u2028', '\u2029', '\u0085':
			emit("\n", i)
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			// invisible: dropped
		default:
			b.WriteString(src[i : i+size])
			for range size {
				offs = append(offs, int32(i))
			}
		}
		i += size
	}
	offs = append(offs, int32(len(src)))
	return &Normalized{Text: b.String(), src: src, offs: offs, wide: wide}
}

// run returns the length of the run of c bytes that starts at src[i].
func run(src string, i int, c byte) int {
	j := i
	for j < len(src) && src[j] == c {
		j++
	}
	return j - i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Source returns the original text.
func (n *Normalized) Source() string { return n.src }

// Start maps a normalized offset that begins a span to the source offset.
func (n *Normalized) Start(i int) int { return int(n.offs[i]) }

// End maps a normalized offset that ends a span to the source offset: the
// end of the source characters that produced the span's last byte, so a
// span never cuts a multi-byte character in two and a span that ends with
// a quotation mark made from two apostrophes ends after both.
func (n *Normalized) End(i int) int {
	if i <= 0 {
		return int(n.offs[0])
	}
	if i >= len(n.Text) {
		return len(n.src)
	}
	if k := sort.Search(len(n.wide), func(k int) bool { return int(n.wide[k].at) >= i-1 }); k < len(n.wide) && int(n.wide[k].at) == i-1 {
		return int(n.wide[k].end)
	}
	last := int(n.offs[i-1])
	_, size := utf8.DecodeRuneInString(n.src[last:])
	return last + size
}
