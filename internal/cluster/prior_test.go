package cluster

import (
	"math"
	"testing"
)

// With a prior, idf starts as the background's and moves to the stream's
// as the stream grows.
func TestPriorIDF(t *testing.T) {
	prior := func(stem string) (float64, bool) {
		switch stem {
		case "said":
			return math.Log(1.25), true // in 80% of the background's articles
		case "earthquak":
			return math.Log(1000), true
		}
		return math.Log(10000), false
	}
	v := newVocab(prior, 500)
	term := func(w string) int32 {
		var toks []token
		toks, _ = v.tokenize(w, nil, nil)
		if len(toks) != 1 || toks[0].term < 0 {
			t.Fatalf("tokenize(%q) = %+v", w, toks)
		}
		return toks[0].term
	}
	said, quake, rare, year := term("said"), term("earthquake"), term("zyzzyva"), term("1998")
	if !(v.idf(said) < v.idf(year) && v.idf(year) < v.idf(quake) && v.idf(quake) < v.idf(rare)) {
		t.Errorf("no articles seen: idf said %.2f, 1998 %.2f, earthquake %.2f, unknown %.2f: want that order",
			v.idf(said), v.idf(year), v.idf(quake), v.idf(rare))
	}
	if got, want := float64(v.idf(said)), math.Log(501/(500*0.8+1))+1; math.Abs(got-want) > 1e-5 {
		t.Errorf("idf(said) = %v, want %v", got, want)
	}
	// A stream in which "earthquake" is in every article and "said" in none.
	for range 5000 {
		v.count([]int32{quake})
	}
	if !(v.idf(quake) < v.idf(said)) {
		t.Errorf("after 5,000 articles holding earthquake: idf earthquake %.2f, said %.2f: want the stream to win",
			v.idf(quake), v.idf(said))
	}

	// Without a prior the idf is the stream's alone.
	v = newVocab(nil, 500)
	a, b := term("said"), term("earthquake")
	v.count([]int32{a})
	if got, want := float64(v.idf(b)), math.Log(2)+1; math.Abs(got-want) > 1e-5 {
		t.Errorf("no prior: idf of an unseen term after one article = %v, want %v", got, want)
	}
}
