package align

import (
	"math"
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
