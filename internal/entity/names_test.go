package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/text"
)

func TestNames(t *testing.T) {
	tests := []struct {
		src  string
		want []string // "text=kind"
	}{
		{"White House spokesman Sean Spicer said the Senate Intelligence Committee met in Moscow.",
			[]string{"White House=organization", "Senate Intelligence Committee=organization", "Moscow=place"}},
		{"The FBI and the Justice Department questioned him in New York on Monday.",
			[]string{"FBI=organization", "Justice Department=organization", "New York=place"}},
		{"He told the House intelligence committee that Russia's officials lied.",
			[]string{"House intelligence committee=organization", "Russia=place"}},
		{"US House Intelligence Committee Chairman Devin Nunes spoke.",
			[]string{"House Intelligence Committee=organization"}},
		{"Russian officials met Democratic leaders. However, nothing came of it.", nil},
		{"The Federal Bureau of Investigation works on Wall Street with USA Today.",
			[]string{"Federal Bureau of Investigation=organization", "Wall Street=place", "USA Today=organization"}},
	}
	st := text.NewStemmer()
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			d := text.Analyze(tt.src, st)
			var got []string
			for _, n := range Names(d, Find(d)) {
				if tt.src[n.Start:n.End] != n.Text {
					t.Errorf("name %q: span reads %q", n.Text, tt.src[n.Start:n.End])
				}
				got = append(got, n.Text+"="+n.Kind.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Names (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGroupNames(t *testing.T) {
	st := text.NewStemmer()
	var all [][]Name
	for _, src := range []string{
		"The Federal Bureau of Investigation opened a case. The Senate Intelligence Committee met.",
		"The FBI declined to comment. The Senate intelligence committee said little to the FBI.",
	} {
		d := text.Analyze(src, st)
		all = append(all, Names(d, Find(d)))
	}
	var got []string
	for _, th := range GroupNames(all) {
		got = append(got, th.Name+" "+th.Kind.String()+" "+strings.Join(th.Forms, "|")+" "+string(rune('0'+len(th.Refs))))
	}
	want := []string{
		"Federal Bureau of Investigation organization Federal Bureau of Investigation|FBI 3",
		"Senate Intelligence Committee organization Senate Intelligence Committee|Senate intelligence committee 2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GroupNames (-want +got):\n%s", diff)
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		src  string
		want []string // "name: role / org / of [words]"
	}{
		{"White House spokesman Sean Spicer said no.", []string{"Sean Spicer: spokesman / White House /  [White House spokesman]"}},
		{"Flynn's lawyer Robert Kelner said no.", []string{"Robert Kelner: lawyer /  / Flynn [Flynn's lawyer]"}},
		{"Gen. Mike Flynn resigned.", []string{"Mike Flynn: General /  /  [Gen.]"}},
		{"Mr Flynn declined to comment.", nil},
		{"Michael Flynn, the former director of the Defense Intelligence Agency, resigned.",
			[]string{"Michael Flynn: former director / Defense Intelligence Agency /  [former director of the Defense Intelligence Agency]"}},
		{"Devin Nunes, the Republican chairman of the House intelligence committee, said so.",
			[]string{"Devin Nunes: Republican chairman / House intelligence committee /  [Republican chairman of the House intelligence committee]"}},
		{"Adam Schiff, of California, said so.", nil},
	}
	st := text.NewStemmer()
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			d := text.Analyze(tt.src, st)
			ms := Find(d)
			var got []string
			for _, r := range Roles(d, ms) {
				of := ""
				if r.Of >= 0 {
					of = ms[r.Of].Name
				}
				got = append(got, ms[r.Mention].Name+": "+r.Role+" / "+r.Org+" / "+of+" ["+tt.src[r.Start:r.End]+"]")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecase(t *testing.T) {
	cased := "Dan Brown wrote a novel. Brown lives in Exeter, his publisher Random House said."
	lower := "The da vinci code author dan brown has topped the list again. Readers in paris and london " +
		"bought the book, and brown said he was pleased. Mr. langdon is the hero of the book, which sold " +
		"more copies than any other novel this year, its publisher said on monday in a statement to the press."
	other := "It was a quiet week for the charity shops of the country, which sold many books to readers " +
		"who were looking for something to read on the beach, and the volunteers said they were pleased with it. " +
		"next year they hope to do as well, or better, if the weather holds and the shops stay open."
	st := text.NewStemmer()
	docs := []*text.Document{text.Analyze(cased, st), text.Analyze(lower, st), text.Analyze(other, st)}
	if Lowercased(docs[0]) || !Lowercased(docs[1]) || !Lowercased(docs[2]) {
		t.Fatalf("Lowercased = %v %v %v, want false true true", Lowercased(docs[0]), Lowercased(docs[1]), Lowercased(docs[2]))
	}
	got := Recase(docs)
	if got[0] != "" || got[2] != "" {
		t.Errorf("Recase changed a cased text or one without names: %q, %q", got[0], got[2])
	}
	want := "The da vinci code author Dan Brown has topped the list again. Readers in Paris and London " +
		"bought the book, and Brown said he was pleased. Mr. Langdon is the hero of the book, which sold " +
		"more copies than any other novel this year, its publisher said on monday in a statement to the press."
	if got[1] != want {
		t.Errorf("Recase:\n got %q\nwant %q", got[1], want)
	}
	// The restored text finds the person under one name.
	ms := [][]Mention{Find(docs[0]), Find(text.Analyze(got[1], st))}
	tab := Resolve(ms)
	var names []string
	for _, p := range tab.People() {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff([]string{"Dan Brown", "Langdon"}, names); diff != "" {
		t.Errorf("people after Recase (-want +got):\n%s", diff)
	}
}

// BenchmarkNamesRoles measures Names and Roles on 300 articles (the seeds
// one hundred times over), their mentions found beforehand.
func BenchmarkNamesRoles(b *testing.B) {
	_, docs := seeds(b)
	var story []*text.Document
	for len(story) < 300 {
		story = append(story, docs...)
	}
	ms := make([][]Mention, len(story))
	for i, d := range story {
		ms[i] = Find(d)
	}
	all := make([][]Name, len(story))
	for b.Loop() {
		for i, d := range story {
			all[i] = Names(d, ms[i])
			Roles(d, ms[i])
		}
		GroupNames(all)
	}
}

// BenchmarkRecase measures Recase on a story of 30 lower-cased articles
// and one that keeps its capitals.
func BenchmarkRecase(b *testing.B) {
	srcs, _ := seeds(b)
	st := text.NewStemmer()
	docs := []*text.Document{text.Analyze(srcs[0], st)}
	for len(docs) < 31 {
		for _, s := range srcs {
			docs = append(docs, text.Analyze(strings.ToLower(s), st))
		}
	}
	for b.Loop() {
		Recase(docs)
	}
}
