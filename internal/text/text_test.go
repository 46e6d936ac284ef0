package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestNormalizeMapsBack(t *testing.T) {
	src := "He said \u201cno\u201d \u2014 twice\u2026 Flynn\u2019s\u00a0aide\u200b left."
	n := Normalize(src)
	want := `He said "no" - twice... Flynn's aide left.`
	if n.Text != want {
		t.Fatalf("Normalize = %q, want %q", n.Text, want)
	}
	for _, word := range []string{"no", "twice", "Flynn's", "aide", "left"} {
		i := strings.Index(n.Text, word)
		got := src[n.Start(i):n.End(i+len(word))]
		if strings.ReplaceAll(got, "\u2019", "'") != word {
			t.Errorf("span of %q maps to %q", word, got)
		}
	}
	checkRoundTrip(t, n)
	// A span that ends inside an expansion takes the whole character.
	i := strings.Index(n.Text, "...")
	if got := src[n.Start(i):n.End(i+1)]; got != "\u2026" {
		t.Errorf("partial ellipsis maps to %q", got)
	}
}

func TestNormalizeGluedDash(t *testing.T) {
	if got := Normalize("Trump\u2014who").Text; got != "Trump - who" {
		t.Errorf("glued em dash: %q", got)
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One thing happened. Another followed!", []string{"One thing happened.", "Another followed!"}},
		{"titles", "Mr. Flynn met Sen. Warner and Gen. Kelly. They spoke.", []string{"Mr. Flynn met Sen. Warner and Gen. Kelly.", "They spoke."}},
		{"titles 2", "Dr. Lee and Mrs. Lee met Lt. Gov. Smith.", []string{"Dr. Lee and Mrs. Lee met Lt. Gov. Smith."}},
		{"dotted abbreviation", "The U.S. Senate voted. The U.N. agreed.", []string{"The U.S. Senate voted.", "The U.N. agreed."}},
		{"abbreviation ends sentence", "He lives in the U.S. The rest is known.", []string{"He lives in the U.S.", "The rest is known."}},
		{"month", "It began on Jan. 20 in the capital. Nobody came.", []string{"It began on Jan. 20 in the capital.", "Nobody came."}},
		{"initials", "George W. Bush and J. K. Rowling met. It rained.", []string{"George W. Bush and J. K. Rowling met.", "It rained."}},
		{"decimals", "Growth was 2.5 percent. Prices rose 1.2 percent.", []string{"Growth was 2.5 percent.", "Prices rose 1.2 percent."}},
		{"ellipsis", "He paused... Then he left.", []string{"He paused...", "Then he left."}},
		{"ellipsis in quote", `She said "We tried... We failed." Then she left.`, []string{`She said "We tried... We failed."`, "Then she left."}},
		{"quote with attribution", `"We won. We are happy," he said. Nobody else spoke.`, []string{`"We won. We are happy," he said.`, "Nobody else spoke."}},
		{"quote then name", `"It is over!" Trump wrote in a tweet. Aides were quiet.`, []string{`"It is over!" Trump wrote in a tweet.`, "Aides were quiet."}},
		{"two quotes", `"Go," he said. "Now."`, []string{`"Go," he said.`, `"Now."`}},
		{"lower case continues", "It cost $5 vs. $6 at the store. Fine.", []string{"It cost $5 vs. $6 at the store.", "Fine."}},
		{"question", "Why now? Nobody knows.", []string{"Why now?", "Nobody knows."}},
		{"no end", "a fragment without an end", []string{"a fragment without an end"}},
		{"quotation then its reporter", `The chief called it "a disaster." He said the town "must leave now." Nobody moved.`,
			[]string{`The chief called it "a disaster."`, `He said the town "must leave now."`, "Nobody moved."}},
		{"unclosed quotation", `He called it "a win. Fans cheered. The mayor said "it is over," aides said.`,
			[]string{`He called it "a win.`, "Fans cheered.", `The mayor said "it is over," aides said.`}},
		{"quotation runs on", `"We left. "We came back," she said.`, []string{`"We left.`, `"We came back," she said.`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range Split(tt.in) {
				got = append(got, tt.in[r[0]:r[1]])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSplitCapsLongSentences(t *testing.T) {
	p := strings.Repeat("word ", 100000)
	rs := Split(p)
	if len(rs) < 1000 {
		t.Fatalf("got %d sentences, want at least 1000", len(rs))
	}
	for _, r := range rs {
		if n := countWords(p[r[0]:r[1]]); n > MaxSentenceWords {
			t.Fatalf("sentence of %d words", n)
		}
	}
}

func TestAnalyzeBoilerplate(t *testing.T) {
	src := "\u00a9 AP Photo/ Jane Doe Senate Panel Rejects the Plan - Reports\n\n" +
		"WASHINGTON (Agency) \u2014 The panel voted on Friday. It was close.\n\n" +
		"\u00a9 AP Photo/ John Roe / GETTY IMAGES How the Vote Could Change Things\n\n" +
		"Read more: the full story of the vote\n\n" +
		"Lawmakers will meet again next week.\n"
	d := Analyze(src, NewStemmer())
	if d.Title == nil || src[d.Title.Start:d.Title.End] != "Senate Panel Rejects the Plan - Reports" {
		t.Fatalf("title = %+v", d.Title)
	}
	if d.Dateline == nil || src[d.Dateline.Start:d.Dateline.End] != "WASHINGTON (Agency)" {
		t.Fatalf("dateline = %+v", d.Dateline)
	}
	var got []string
	for _, s := range d.Sentences {
		got = append(got, src[s.Start:s.End])
	}
	want := []string{"The panel voted on Friday.", "It was close.", "Lawmakers will meet again next week."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	var why []string
	for _, b := range d.Dropped {
		why = append(why, b.Why)
	}
	if diff := cmp.Diff([]string{"photo credit", "photo credit", "teaser", "prompt"}, why); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
}

func TestAnalyzeFirstSentenceIsNotTitle(t *testing.T) {
	src := "The committee rejected the request on Friday.\n\nIt will meet again."
	d := Analyze(src, NewStemmer())
	if d.Title != nil {
		t.Errorf("a full sentence was taken for a title: %q", d.Title.Text)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("got %d sentences, want 2", len(d.Sentences))
	}
}

func TestTokenize(t *testing.T) {
	toks := Tokenize(`Flynn's U.S. lawyer didn't pay $1,000 or 8.2 percent in Ex-Advisor talks`, NewStemmer())
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Lower+"/"+tk.Stem)
	}
	want := []string{"flynn/flynn", "u.s./us", "lawyer/lawyer", "didn't/didn't", "pay/pay",
		"1,000/1000", "or/or", "8.2/8.2", "percent/percent", "in/in", "ex/ex", "advisor/advisor", "talks/talk"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	if !toks[0].Cap || toks[2].Cap || !toks[3].Stop || !toks[5].Number {
		t.Errorf("flags wrong: %+v", toks[:6])
	}
}

// checkDocument asserts the invariants every analysis must keep.
func checkDocument(t *testing.T, src string, d *Document) {
	t.Helper()
	prev := 0
	for i, s := range d.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(src) {
			t.Fatalf("sentence %d span [%d,%d) out of order or bounds (prev end %d, len %d)", i, s.Start, s.End, prev, len(src))
		}
		if !utf8.ValidString(src[s.Start:s.End]) {
			t.Fatalf("sentence %d cuts a character: %q", i, src[s.Start:s.End])
		}
		prev = s.End
		for _, tk := range s.Tokens {
			if tk.Start < 0 || tk.End > len(s.Norm) || tk.Start >= tk.End {
				t.Fatalf("token span [%d,%d) out of sentence of %d bytes", tk.Start, tk.End, len(s.Norm))
			}
		}
	}
	for _, b := range append(d.Dropped, blocks(d)...) {
		if b.Start < 0 || b.End > len(src) || b.Start > b.End {
			t.Fatalf("block %+v out of bounds", b)
		}
	}
}

func blocks(d *Document) []Block {
	var out []Block
	if d.Title != nil {
		out = append(out, *d.Title)
	}
	if d.Dateline != nil {
		out = append(out, *d.Dateline)
	}
	return out
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Mr. Smith went to Washington. He said \u201chi.\u201d",
		"\u00a9 AP Photo/ A B Title here\n\nWASHINGTON (X) \u2014 Body. More\u2026 text.",
		`"Quote. More," he said. "Next."`,
		"", "\n\n\n", "...", `""""`, "U.S. U.N. a.m. p.m.",
		"CITY, State (AP) _ ``One. Two,'' he said. ``I said `no.''' _ 5'10''",
		"``````''''''' _ _ `'`'",
		// A vertical tab and a line separator alone between two blocks
		// once made a sentence of white space.
		" (AP)\v\u2028\n\n_,(.``'Photo/?Photo/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		d := Analyze(src, NewStemmer())
		checkDocument(t, src, d)
		checkRoundTrip(t, d.Norm)
		// No word of the body is lost: every letter of a sentence, title
		// or dropped block comes from the source, and every non-space
		// source byte outside them is punctuation or a dateline dash.
		covered := make([]bool, len(src))
		for _, s := range d.Sentences {
			if strings.TrimSpace(src[s.Start:s.End]) == "" {
				t.Fatalf("empty sentence at [%d,%d)", s.Start, s.End)
			}
			for i := s.Start; i < s.End; i++ {
				covered[i] = true
			}
		}
		for _, b := range append(d.Dropped, blocks(d)...) {
			for i := b.Start; i < b.End; i++ {
				covered[i] = true
			}
		}
		for i, r := range src {
			if !covered[i] && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				t.Fatalf("%q at %d is in no sentence and no block: %+v", r, i, d)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	arts := sharedtest.Seeds(b)
	b.ReportAllocs()
	for b.Loop() {
		st := NewStemmer()
		for _, a := range arts {
			Analyze(a.Text, st)
		}
	}
}

func TestWebChrome(t *testing.T) {
	src := "The mayor opened the bridge. Get push notifications with news, features and more. " +
		"Learn more\n\nThese crawls are part of an effort to archive pages as they are created.\n\nIt cost a lot."
	d := Analyze(src, NewStemmer())
	var got []string
	for _, s := range d.Sentences {
		got = append(got, src[s.Start:s.End])
	}
	if diff := cmp.Diff([]string{"The mayor opened the bridge.", "It cost a lot."}, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

func TestContractionsKeepTheirS(t *testing.T) {
	toks := Tokenize("It's Flynn's turn, let's see", NewStemmer())
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Lower)
	}
	if diff := cmp.Diff([]string{"it's", "flynn", "turn", "let's", "see"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !toks[0].Stop || !toks[3].Stop {
		t.Errorf("contractions should be stop words: %+v", toks)
	}
}

func TestNormalizeWire(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"quotation", "``We are ready,'' the mayor said.", `"We are ready," the mayor said.`},
		{"nested", "``I said, `Go home.''' She left.", `"I said, 'Go home.'" She left.`},
		{"open pair then nested", "```Maybe' is not an answer,'' he said.", `"'Maybe' is not an answer," he said.`},
		{"inches", "The board is 5'10'' long.", "The board is 5'10'' long."},
		{"inches in a quotation", "``It is 10'' wide,'' she said.", `"It is 10" wide," she said.`},
		{"wire dash", "The river _ swollen by rain _ rose.", "The river - swollen by rain - rose."},
		{"dash opens a line", "Items:\n_ one\n_ two", "Items:\n- one\n- two"},
		{"underscores kept", "snake_case and ___ and x_ y", "snake_case and ___ and x_ y"},
		{"possessive", "The players' union met.", "The players' union met."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.in)
			if n.Text != tt.want {
				t.Fatalf("Normalize(%q) = %q, want %q", tt.in, n.Text, tt.want)
			}
			checkRoundTrip(t, n)
		})
	}
}

// checkRoundTrip asserts that the normalized text's units (runs of bytes
// made from one source piece) map back to source pieces that tile the
// source in order: each unit's source ends where the next one's starts,
// and only invisible characters, which normalizing drops, lie between.
func checkRoundTrip(t *testing.T, n *Normalized) {
	t.Helper()
	src := n.Source()
	prev := 0
	for i := 0; i <= len(n.Text); i++ {
		if i < len(n.Text) && i > 0 && n.Start(i) == n.Start(i-1) {
			continue
		}
		at := len(src)
		if i < len(n.Text) {
			at = n.Start(i)
		}
		if at < prev {
			t.Fatalf("unit at %d starts at source %d, before the previous unit's end %d", i, at, prev)
		}
		if gap := strings.Map(func(r rune) rune {
			switch r {
			case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
				return -1
			}
			return r
		}, src[prev:at]); gap != "" {
			t.Fatalf("source %q between units at %d is lost", gap, i)
		}
		if i < len(n.Text) {
			j := i + 1
			for j < len(n.Text) && n.Start(j) == n.Start(i) {
				j++
			}
			prev = n.End(j)
			if prev <= at || prev > len(src) {
				t.Fatalf("unit [%d,%d) maps to [%d,%d)", i, j, at, prev)
			}
		}
	}
}

func TestNormalizeWireOffsets(t *testing.T) {
	src := "Aides said ``no more,'' and left _ quickly. ``Why?''"
	n := Normalize(src)
	want := `Aides said "no more," and left - quickly. "Why?"`
	if n.Text != want {
		t.Fatalf("Normalize = %q, want %q", n.Text, want)
	}
	tests := []struct{ span, src string }{
		{`"no more,"`, "``no more,''"},
		{`"no`, "``no"},
		{`more,"`, "more,''"},
		{`"`, "``"},
		{`- quickly`, "_ quickly"},
		{`"Why?"`, "``Why?''"},
	}
	for _, tt := range tests {
		i := strings.Index(n.Text, tt.span)
		if got := src[n.Start(i):n.End(i+len(tt.span))]; got != tt.src {
			t.Errorf("span %q maps to %q, want %q", tt.span, got, tt.src)
		}
	}
	// A span that ends at the closing mark ends after both apostrophes.
	if e := n.End(len(n.Text)); e != len(src) {
		t.Errorf("End(len) = %d, want %d", e, len(src))
	}
	i := strings.Index(n.Text, `,"`) + 2
	if got := src[:n.End(i)]; !strings.HasSuffix(got, ",''") {
		t.Errorf("span ending at the closing mark maps to %q", got)
	}
}

func TestSplitWireQuotes(t *testing.T) {
	src := "The dam held for a day. ``It will not last,'' said an engineer, a local man. ``Nobody listens.'' Water rose _ slowly _ all night."
	d := Analyze(src, NewStemmer())
	var got []string
	for _, s := range d.Sentences {
		got = append(got, src[s.Start:s.End])
	}
	want := []string{
		"The dam held for a day.",
		"``It will not last,'' said an engineer, a local man.",
		"``Nobody listens.''",
		"Water rose _ slowly _ all night.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

func TestResidue(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string // sentences
		dropped []string // "why: text"
		dl      string
	}{
		{"pickup", "The bridge fell on Monday. Crews worked all night. The mayor, 3rd graf pvs",
			[]string{"The bridge fell on Monday.", "Crews worked all night."},
			[]string{"editorial note: The mayor, 3rd graf pvs"}, ""},
		{"trim marks", "The panel met. (OPTIONAL TRIM CAN BEGIN HERE) It voted twice. (OPTIONAL TRIM ENDS HERE) It closed.",
			[]string{"The panel met.", "It voted twice.", "It closed."},
			[]string{"editorial note: (OPTIONAL TRIM CAN BEGIN HERE)", "editorial note: (OPTIONAL TRIM ENDS HERE)"}, ""},
		{"more and initials", "The race ended late. Nobody won. (xyz)\n\nMORE",
			[]string{"The race ended late.", "Nobody won."},
			[]string{"editorial note: (xyz)", "editorial note: MORE"}, ""},
		{"correction note", "(Corrects spelling of town in third paragraph) OAKVILLE, Utopia (AP) _ The plant opened. It hired staff.",
			[]string{"The plant opened.", "It hired staff."},
			[]string{"editorial note: (Corrects spelling of town in third paragraph)"}, "OAKVILLE, Utopia (AP)"},
		{"byline and dateline", "By JANE ROE, Associated Press Writer\n\nRIVERTON, Utopia (AP) - The dam held.",
			[]string{"The dam held."}, []string{"byline: By JANE ROE, Associated Press Writer"}, "RIVERTON, Utopia (AP)"},
		{"byline glued to dateline", "By jane roe and john doe riverton ( reuters ) - the dam held for a day and then it broke, and the water ran down the valley to the sea.",
			[]string{"the dam held for a day and then it broke, and the water ran down the valley to the sea."}, []string{"byline: By jane roe and john doe"}, "riverton ( reuters )"},
		{"wire staff byline", "By the Metro Wire Staff\n\nThe dam held.", []string{"The dam held."},
			[]string{"byline: By the Metro Wire Staff"}, ""},
		{"caption then dateline", "A man waves at a parade in a small town on Sunday. (AP Photo/Jane Roe) RIVERTON, Utopia (AP) - The parade was long. Two more were held.",
			[]string{"The parade was long.", "Two more were held."},
			[]string{"photo caption: A man waves at a parade in a small town on Sunday. (AP Photo/Jane Roe)"}, "RIVERTON, Utopia (AP)"},
		{"second dateline", "The vote was close. LAKESIDE, Utopia (AP) - The count went on.",
			[]string{"The vote was close.", "The count went on."}, nil, "LAKESIDE, Utopia (AP)"},
		{"dateline after the first", "HILLTOP (AP) - It rained. LAKESIDE, Utopia (AP) - It snowed.",
			[]string{"It rained.", "It snowed."}, []string{"dateline: LAKESIDE, Utopia (AP) - "}, "HILLTOP (AP)"},
		{"words before a tag in mixed case", "Rain fell on the town, a farmer says (Agency) - Crops were lost.",
			nil, nil, ""},
		{"agency tag", "(CNN) -- The ship sailed at noon.", []string{"The ship sailed at noon."}, []string{"agency tag: (CNN) -- "}, ""},
		{"separator and source note", "The fair closed early. ___ Information from: The Valley Herald, http://example.com",
			[]string{"The fair closed early."},
			[]string{"separator: ___", "editorial note: Information from: The Valley Herald, http://example.com"}, ""},
		{"timestamps", "Posted: Monday, March 2, 2015 7:19 pm EDT Updated: Tuesday, March 3, 2015 9:02 am EDT The shop reopened.",
			[]string{"The shop reopened."},
			[]string{"timestamp: Posted: Monday, March 2, 2015 7:19 pm EDT", "timestamp: Updated: Tuesday, March 3, 2015 9:02 am EDT"}, ""},
		{"a live page's time stamp in brackets", `The crowd grew. (Updated 2:56 p.m. (2156 in Utopia)) The square filled. (Posted 7:25 a.m.) It rained.`,
			[]string{"The crowd grew.", "The square filled.", "It rained."},
			[]string{"timestamp: (Updated 2:56 p.m. (2156 in Utopia))", "timestamp: (Posted 7:25 a.m.)"}, ""},
		{"a page's time stamp and its help link", "2 March 2015 Last updated at 17:57 GMT Help One of the shops reopened. Help is on the way, the mayor said.",
			[]string{"One of the shops reopened.", "Help is on the way, the mayor said."},
			[]string{"timestamp: 2 March 2015 Last updated at 17:57 GMT Help"}, ""},
		{"photo credits", "Photo by Jane Roe/Getty Images The shop reopened on Monday. It sold bread ( john doe/ap ) and cakes. Jane Roe / AP The baker smiled.",
			[]string{"The shop reopened on Monday.", "It sold bread ( john doe/ap ) and cakes.", "The baker smiled."},
			[]string{"photo credit: Photo by Jane Roe/Getty Images", "photo credit: Jane Roe / AP"}, ""},
		{"a slash in prose is no credit", "The vote was 50/50 and the AP/Ipsos poll agreed.", nil, nil, ""},
		{"editor's note", "Editor's note: This story was changed to fix a name. The shop reopened.",
			[]string{"The shop reopened."}, []string{"editorial note: Editor's note: This story was changed to fix a name."}, ""},
		{"contributors", "The shop reopened. Jane Roe and John Doe contributed to this report.",
			[]string{"The shop reopened."}, []string{"editorial note: Jane Roe and John Doe contributed to this report."}, ""},
		{"advertisement label", "The shop reopened. Advertisement Continue reading the main story It sold bread.",
			[]string{"The shop reopened.", "It sold bread."}, []string{"prompt: Advertisement Continue reading the main story"}, ""},
		{"prose kept", "He reported (more or less) the facts. The update with new numbers came at 5:30 p.m. on Monday. She said more.",
			nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.in, NewStemmer())
			checkDocument(t, tt.in, d)
			var got, dropped []string
			for _, s := range d.Sentences {
				got = append(got, tt.in[s.Start:s.End])
			}
			for _, b := range d.Dropped {
				dropped = append(dropped, b.Why+": "+tt.in[b.Start:b.End])
			}
			if tt.want == nil {
				// Nothing is residue: every sentence stays.
				tt.want = nil
				for _, r := range SplitText(tt.in) {
					tt.want = append(tt.want, tt.in[r[0]:r[1]])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dropped, dropped); diff != "" {
				t.Errorf("dropped (-want +got):\n%s", diff)
			}
			dl := ""
			if d.Dateline != nil {
				dl = tt.in[d.Dateline.Start:d.Dateline.End]
			}
			if dl != tt.dl {
				t.Errorf("dateline = %q, want %q", dl, tt.dl)
			}
		})
	}
}

func TestToUTF8(t *testing.T) {
	for _, tc := range []struct {
		name, contentType string
		in                []byte
		want, enc         string
	}{
		{"utf-8 plain", "text/html", []byte("<p>caf\xc3\xa9</p>"), "<p>café</p>", "utf-8"},
		{"bom", "", []byte("\xef\xbb\xbf<p>x</p>"), "<p>x</p>", "utf-8"},
		{"header", "text/html; charset=windows-1252", []byte("<p>\x93quoted\x94 caf\xe9</p>"), "<p>“quoted” café</p>", "windows-1252"},
		{"meta", "text/html", []byte(`<html><head><meta charset="shift_jis"></head><body>` + "\x93\xfa\x96\x7b</body></html>"), `<html><head><meta charset="shift_jis"></head><body>日本</body></html>`, "shift_jis"},
		{"header beats meta", "text/html; charset=utf-8", []byte(`<meta charset="windows-1252"><p>caf` + "\xc3\xa9"), `<meta charset="windows-1252"><p>café`, "utf-8"},
		{"invalid utf-8 repaired", "text/html; charset=utf-8", []byte("a\xffb"), "a\uFFFDb", "utf-8"},
		{"valid utf-8 beats a stale declaration", "text/html; charset=iso-8859-1", []byte("<p>caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d</p>"), "<p>café “x”</p>", "utf-8"},
		{"undeclared utf-8 past the sniffed prefix", "", append([]byte("<html>"+strings.Repeat(" ", 2000)), "caf\xc3\xa9"...), "<html>" + strings.Repeat(" ", 2000) + "café", "utf-8"},
	} {
		got, enc, err := ToUTF8(tc.in, tc.contentType)
		if err != nil || string(got) != tc.want || enc != tc.enc {
			t.Errorf("%s: ToUTF8 = %q, %q, %v; want %q, %q", tc.name, got, enc, err, tc.want, tc.enc)
		}
	}
}
