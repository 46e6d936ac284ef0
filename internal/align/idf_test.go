package align

import (
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

func TestBackgroundIDF(t *testing.T) {
	idf := BackgroundIDF()
	st := text.NewStemmer()
	common, ok := idf(st.Stem("said"))
	if !ok {
		t.Fatalf("idf(%q): not in the table", st.Stem("said"))
	}
	rare, ok := idf(st.Stem("earthquake"))
	if !ok {
		t.Fatalf("idf(%q): not in the table", st.Stem("earthquake"))
	}
	if !(common < rare) {
		t.Errorf("idf(said) = %.2f, idf(earthquake) = %.2f: want said lighter", common, rare)
	}
	unknown, ok := idf("qzxqzxqzx")
	if ok || unknown < rare || math.IsInf(unknown, 0) {
		t.Errorf("idf of an unknown stem = %.2f, %v: want the highest, not known", unknown, ok)
	}
}

func TestCommonWord(t *testing.T) {
	st := text.NewStemmer()
	for w, want := range map[string]bool{"rights": true, "people": true, "election": true,
		"Clinton": false, "Smith": false, "Zyxwvut": false} {
		if got := CommonWord(st.Stem(strings.ToLower(w))); got != want {
			t.Errorf("CommonWord(%q) = %v, want %v", w, got, want)
		}
	}
}
