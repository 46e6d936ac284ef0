package cluster

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

func TestIsArticle(t *testing.T) {
	prose := "The city council voted on Tuesday to close the old library on Main Street after a survey found cracks in its walls. " +
		"Council members said the building would stay shut until engineers finish their work next spring. " +
		"Residents who use the library can borrow books from a van that will stop in the square twice a week, the mayor said."
	tests := []struct {
		name string
		text string
		ok   bool
		why  string
	}{
		{"prose", prose, true, ""},
		{"prose with chrome around it", "Breaking news emails get breaking news alerts and special reports. " + prose + "\n\nSubscribe to our newsletter", true, ""},
		{"empty", " \n\t ", false, WhyEmpty},
		{"a line", "See more of the city library on Facebook", false, WhyLittle},
		{"a tagline", "Gain a global perspective on the news with curated analysis from journalists in 50 countries covering politics, business and more.", false, WhyLittle},
		{"an archive notice", "These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to. " +
			"That way, as the pages that are referenced are changed or taken from the web, a link to the version that was live when the page was written will be preserved. " +
			"Then the Internet Archive hopes that references to these archived pages will be put in place of a link that would be otherwise be broken.", false, "archive notice"},
		{"video player chrome", "Rating is available when the video has been rented. This feature is not available right now. Please try again later. " +
			"The interactive transcript could not be loaded. Rating is available when the video has been rented. This feature is not available right now. Please try again later.", false, "prompt"},
		{"repeated widgets", strings.Repeat("Join the conversation on our page and tell us which stories matter to you and your family today. ", 6) +
			"We read every message.", false, WhyRepeated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := IsArticle(tt.text)
			if ok != tt.ok || why != tt.why {
				t.Errorf("IsArticle = %v, %q; want %v, %q", ok, why, tt.ok, tt.why)
			}
		})
	}
}

// TestDUCAreArticles checks that wire articles pass: the rules set apart
// pages, not news. Two DUC texts are a one-sentence update with an
// editor's pickup mark ("Mitch - once, 2nd graf pvs"): near-empty.
func TestDUCAreArticles(t *testing.T) {
	stories, err := dataset.Read(sharedtest.Path(t, "data", "duc2004-dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	n, bad := 0, 0
	for _, s := range stories {
		for _, a := range s.Articles() {
			n++
			if ok, why := IsArticle(a.Text); !ok {
				t.Logf("%s: %s: %.100s", a.ID, why, a.Text)
				if why != WhyLittle || len(strings.Fields(a.Text)) > 60 {
					bad++
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d DUC articles taken for non-articles", bad, n)
	}
}
