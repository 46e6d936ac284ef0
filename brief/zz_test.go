package brief

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestZZScores(t *testing.T) {
	f := os.Getenv("ZZ_FILE")
	if f == "" {
		t.Skip()
	}
	fh, _ := os.Open(f)
	var arts []parallax.Article
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a parallax.Article
		json.Unmarshal(sc.Bytes(), &a)
		arts = append(arts, a)
	}
	st := Analyze(context.Background(), arts)
	p := st.Align.Params()
	for u := range st.Align.Units {
		un := st.Align.Units[u]
		txt := arts[un.Doc].Text[un.Start:un.End]
		if !strings.Contains(txt, os.Getenv("ZZ_CLAIM")) {
			continue
		}
		fmt.Printf("%s: %q\n", arts[un.Doc].ID, txt)
		for _, e := range st.Align.Support(u) {
			v := e.Units[0]
			fmt.Printf("  -> %s score %.2f same %v sim %.2f feats %.2f\n     %q\n", arts[e.Doc].ID, p.Score(e.Pair), p.Same(e.Pair), st.Align.Sim(u, v), e.Pair.Features(), arts[e.Doc].Text[st.Align.Units[v].Start:st.Align.Units[v].End])
		}
	}
}
