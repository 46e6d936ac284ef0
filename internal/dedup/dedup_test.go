package dedup

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax"
)

// wire is a wire report written for these tests, one paragraph a line.
var wire = []string{
	`RIVERTON (Wire) - A freight train carrying grain derailed near the Riverton rail bridge early on Tuesday, spilling twelve cars down the embankment and closing the line between Riverton and Eastfield for at least three days, officials said.`,
	`No one was hurt in the derailment, which happened at about 4:10 a.m. as the train slowed to cross the bridge over the Mill River, according to the county's emergency management office.`,
	`"We are very lucky that this happened at night and that the cars stayed out of the water," said Helen Marsh, the county's emergency manager. "Crews will work around the clock to clear the track, but the bridge has to be inspected before any train crosses it again."`,
	`The railway said in a statement that it was investigating the cause and that passenger services would be replaced by buses until the line reopened.`,
	`Residents of the riverside neighbourhood said they heard a long screech and then a series of crashes that shook their windows. Several families left their homes for a few hours as a precaution.`,
	`The Riverton bridge, built in 1911, was last inspected in March. A state report two years ago said parts of its steel frame needed repair within five years.`,
	`The line carries about forty freight trains and twenty passenger trains a day, most of them between the port at Eastfield and the grain terminals upriver.`,
}

// independent reports the same derailment in other words, quoting the same
// statement at length: an independent report of one event.
var independent = []string{
	`Twelve grain wagons tumbled off the tracks at the approach to the Mill River crossing in Riverton before dawn on Tuesday, and the busy line to Eastfield will stay shut for several days.`,
	`Nobody was injured. Emergency crews reached the site within minutes of the crash, the county said.`,
	`"We are very lucky that this happened at night and that the cars stayed out of the water," said Helen Marsh, the county's emergency manager. "Crews will work around the clock to clear the track, but the bridge has to be inspected before any train crosses it again."`,
	`Passengers will travel by replacement coach for now, the rail operator told reporters, adding that it had opened an inquiry into what went wrong.`,
	`Questions about the century-old bridge are likely to follow: engineers flagged corrosion in its frame in a report published in 2023, and neighbours have long complained about the noise of heavy trains.`,
	`"It sounded like the end of the world," said Tom Ortiz, who lives two streets from the line and took his children to a relative's house until the police said it was safe to return.`,
}

var unrelated = `The city's orchestra will play its first concert in the restored music hall on Saturday, ending a four-year renovation that cost more than the original building. The conductor said the new acoustics were "a revelation" and that the season would open with Mahler. Tickets sold out within an hour of going on sale, and a second performance has been added for Sunday afternoon.`

func para(ps ...string) string { return strings.Join(ps, "\n\n") }

func TestCopyDecision(t *testing.T) {
	original := para(wire...)
	moved := append([]string{wire[0], wire[3], wire[1], wire[2]}, wire[4:]...)
	tests := []struct {
		name string
		a, b string
		copy bool
	}{
		{"identical", original, original, true},
		{"reformatted: case, spaces, curly quotes, line breaks",
			original,
			strings.ToUpper(strings.NewReplacer(`"`, "“", "\n\n", "\n", ", ", ",   ").Replace(original)), true},
		{"wire quotation marks", original, strings.NewReplacer(`"We`, "``We", `water,"`, "water,''", `"Crews`, "``Crews", `again."`, "again.''").Replace(original), true},
		{"trimmed to its first half", original, para(wire[:3]...), true},
		{"trimmed to its lead", original, para(wire[:2]...), true},
		{"re-headlined", "Train derails at Riverton bridge\n\n" + original, "Grain cars spill down embankment as line closes for days\n\n" + original, true},
		{"byline, share prompts, copyright", original,
			"By Jane Doe, Wire reporter\n\nShare this article: Facebook Twitter Email Print\n\n" + original +
				"\n\nCopyright 2024 The Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", true},
		{"paragraphs reordered", original, para(moved...), true},
		{"another ending", original, para(append(wire[:5:5], independent[4], independent[5])...), true},
		{"copy-edited", original, strings.NewReplacer("early on Tuesday", "on Tuesday morning", "at least three days", "three days", "screech", "shriek").Replace(original), true},
		{"trimmed, re-headlined and boilerplate", original,
			"Freight train derails in Riverton\n\n" + para(wire[:4]...) + "\n\nRelated:\n- Bridge repairs delayed again\n- Port traffic at record high", true},
		{"independent report of the same event, same long quotation", original, para(independent...), false},
		{"independent report, the quotation only", para(wire[2:4]...) + "\n\n" + unrelated, para(independent[1:4]...), false},
		{"unrelated", original, unrelated, false},
		{"same boilerplate, different reports",
			"By Jane Doe, Wire reporter\n\n" + unrelated + "\n\nCopyright 2024 The Wire. All rights reserved.",
			"By Jane Doe, Wire reporter\n\n" + para(independent[:2]...) + "\n\nCopyright 2024 The Wire. All rights reserved.", false},
		{"empty texts", "", "  \n", false},
		{"too short to judge, found in a long one", "No one was hurt.", original, false},
		{"short identical texts", "No one was hurt.", "no one was hurt", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := NewSketch(tt.a), NewSketch(tt.b)
			c, cand := Check(b, a)
			if c.Copy != tt.copy {
				t.Errorf("copy = %v (candidate %v), want %v: %+v", c.Copy, cand, tt.copy, c)
			}
			// The decision does not depend on the order.
			if d, _ := Check(a, b); d.Copy != c.Copy {
				t.Errorf("Check(a, b) = %v, Check(b, a) = %v", d.Copy, c.Copy)
			}
		})
	}
}

func TestCompareShares(t *testing.T) {
	whole := NewSketch(para(wire...))
	half := NewSketch(para(wire[:3]...))
	c := Compare(half, whole)
	if !c.Copy || c.Exact || c.Shared != 1 || c.Covered < 0.35 || c.Covered > 0.6 {
		t.Errorf("half against whole: %+v; want a copy, all of the half in the whole, about half of the whole in the half", c)
	}
	if r := Compare(whole, half); r.Shared != c.Covered || r.Covered != c.Shared || r.OwnShared != c.OwnCovered {
		t.Errorf("Compare is not symmetric: %+v and %+v", c, r)
	}
	if c := Compare(whole, whole); !c.Exact || c.Shared != 1 {
		t.Errorf("self: %+v", c)
	}
}

func TestWords(t *testing.T) {
	type w struct {
		word           string
		quoted, furnit bool
	}
	tests := []struct {
		name, text string
		want       []w
	}{
		{"folding", "Don’t PANIC: 1,000 U.S. troops, 8.2%.", []w{{"dont", false, false}, {"panic", false, false}, {"1000", false, false}, {"u", false, false}, {"s", false, false}, {"troops", false, false}, {"82", false, false}}},
		{"straight quotes", `He said "go now." Then left.`, []w{{"he", false, false}, {"said", false, false}, {"go", true, false}, {"now", true, false}, {"then", false, false}, {"left", false, false}}},
		{"wire quotes", "``Stay,'' he said.", []w{{"stay", true, false}, {"he", false, false}, {"said", false, false}}},
		{"curly quotes", "“Stay,” he said.", []w{{"stay", true, false}, {"he", false, false}, {"said", false, false}}},
		{"a quotation ends with its paragraph", "\"One two.\n\nThree four.", []w{{"one", true, false}, {"two", true, false}, {"three", false, false}, {"four", false, false}}},
		{"a headline is furniture", "Train Derails\n\nA train derailed.", []w{{"train", false, true}, {"derails", false, true}, {"a", false, false}, {"train", false, false}, {"derailed", false, false}}},
		{"a copyright notice is furniture", "It rained.\n\n© 2024 Wire. All rights reserved.", []w{{"it", false, false}, {"rained", false, false}, {"2024", false, true}, {"wire", false, true}, {"all", false, true}, {"rights", false, true}, {"reserved", false, true}}},
		{"a wrapped line is not a paragraph", "A train derailed near the bridge and\nspilled its cars.", []w{{"a", false, false}, {"train", false, false}, {"derailed", false, false}, {"near", false, false}, {"the", false, false}, {"bridge", false, false}, {"and", false, false}, {"spilled", false, false}, {"its", false, false}, {"cars", false, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []word
			for _, x := range tt.want {
				want = append(want, word{hash: words(x.word, nil)[0].hash, quoted: x.quoted, furniture: x.furnit})
			}
			got := words(tt.text, nil)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(word{})); diff != "" {
				t.Errorf("words(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExactFolding(t *testing.T) {
	a := NewSketch("The “bridge” was closed — for now.")
	b := NewSketch("the \"BRIDGE\" was closed... for now")
	if a.exact != b.exact {
		t.Error("texts that differ only in case, quotation marks and punctuation hash apart")
	}
	if c := NewSketch("the bridge was not closed for now"); c.exact == a.exact {
		t.Error("different words hash alike")
	}
}

func TestIndex(t *testing.T) {
	x := NewIndex()
	original := para(wire...)
	add := func(id, text string) []string {
		t.Helper()
		ms, err := x.Add(id, text)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, m := range ms {
			ids = append(ids, m.ID)
		}
		return ids
	}
	if got := add("wire", original); got != nil {
		t.Errorf("first article: copies %v", got)
	}
	if got := add("other", para(independent...)); got != nil {
		t.Errorf("independent report: copies %v", got)
	}
	if got := add("unrelated", unrelated); got != nil {
		t.Errorf("unrelated: copies %v", got)
	}
	if got := add("trimmed", para(wire[:3]...)); !cmp.Equal(got, []string{"wire"}) {
		t.Errorf("trimmed copy: copies %v, want [wire]", got)
	}
	if got := add("reprint", "Train derails\n\n"+original); !cmp.Equal(got, []string{"wire", "trimmed"}) {
		t.Errorf("reprint: copies %v, want [wire trimmed] in the order added", got)
	}
	if _, err := x.Add("wire", original); err == nil {
		t.Error("an id added twice is not an error")
	}
	if x.Len() != 5 {
		t.Errorf("Len = %d, want 5", x.Len())
	}
	if !x.Remove("wire") || x.Remove("wire") || x.Len() != 4 {
		t.Error("Remove: wrong result or length")
	}
	if got := add("again", original); !cmp.Equal(got, []string{"trimmed", "reprint"}) {
		t.Errorf("after removing wire: copies %v, want [trimmed reprint]", got)
	}
}

// TestIndexCompacts removes most articles of an index and checks that it
// still finds the copies of those left.
func TestIndexCompacts(t *testing.T) {
	x := NewIndex()
	// Each article is twenty words of its own, drawn from a vocabulary of
	// a thousand.
	text := func(i int) string {
		var sb strings.Builder
		for j := range 20 {
			sb.WriteString("w" + itoa(int(mix64(uint64(i*20+j))%1000)) + " ")
		}
		return sb.String() + "end."
	}
	for i := range 3000 {
		if _, err := x.Add(itoa(i), text(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 2900 {
		x.Remove(itoa(i))
	}
	if len(x.docs) >= 3000 || x.dead > max(1024, x.Len()) {
		t.Errorf("not compacted: %d docs, %d dead, %d live", len(x.docs), x.dead, x.Len())
	}
	ms, _ := x.Add("copy", text(2950))
	if len(ms) != 1 || ms[0].ID != "2950" {
		t.Errorf("copies after compaction: %+v", ms)
	}
}

func itoa(i int) string {
	var b []byte
	if i == 0 {
		return "0"
	}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestGroups(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 12, 0, 0, 0, time.UTC) }
	original := para(wire...)
	arts := []parallax.Article{
		{ID: "reprint", Published: day(3), Text: "Train derails at Riverton\n\n" + original},
		{ID: "other", Published: day(2), Text: para(independent...)},
		{ID: "trimmed", Text: para(wire[:3]...)},
		{ID: "wire", Published: day(2), Text: original},
		{ID: "unrelated", Text: unrelated},
		{ID: "same", Text: unrelated + "\n"},
	}
	got := Groups(arts)
	want := []parallax.CopyGroup{
		// wire is the earliest published of its group.
		// The reprint's headline is not in the wire's text.
		{Sources: []string{"wire", "reprint", "trimmed"}, Shared: []float64{0.983, 1}},
		{Sources: []string{"unrelated", "same"}, Shared: []float64{1}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Groups (-want +got):\n%s", diff)
	}
	if g := Groups(arts[:1]); g != nil {
		t.Errorf("one article: %v", g)
	}
	if g := Groups([]parallax.Article{arts[1], arts[3]}); g != nil {
		t.Errorf("independent reports: %v", g)
	}
}
