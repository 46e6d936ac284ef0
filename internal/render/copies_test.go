package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

func TestCopiesShown(t *testing.T) {
	b := &parallax.Brief{
		Title: "Mill burns",
		Sources: []parallax.Source{
			{ID: "a", Outlet: "Wire"}, {ID: "b", Outlet: "Gazette"}, {ID: "c", Outlet: "Post"},
			{ID: "d", Outlet: "Daily"}, {ID: "e", Outlet: "Other", SetAside: "not about this story"},
		},
		Summary: []parallax.Statement{}, Agreed: []parallax.Statement{}, Exclusive: map[string][]parallax.Statement{},
		Reports: 2,
		Copies:  []parallax.CopyGroup{{Sources: []string{"a", "c", "d"}, Shared: []float64{0.876, 1}}},
	}
	tests := []struct {
		name string
		b    func() *parallax.Brief
		md   string // the line under the title, "" for none
		html []string
	}{
		{"copies", func() *parallax.Brief { return b },
			"4 outlets, 2 independent reports. [3] Post and [4] Daily copy [1] Wire: 88% and 100% of their words are in [1].",
			[]string{"Parallax brief · 4 outlets, 2 independent reports</p>", `<p class="note copies">[3] Post and [4] Daily copy [1] Wire: 88% and 100% of their words are in [1].</p>`}},
		{"one copy", func() *parallax.Brief {
			c := *b
			c.Reports = 3
			c.Copies = []parallax.CopyGroup{{Sources: []string{"a", "c"}, Shared: []float64{0.5}}}
			return &c
		}, "4 outlets, 3 independent reports. [3] Post copies [1] Wire: 50% of its words are in [1].", nil},
		{"no copies", func() *parallax.Brief {
			c := *b
			c.Reports, c.Copies = 4, nil
			return &c
		}, "4 outlets, 4 independent reports.", []string{"4 outlets, 4 independent reports</p>"}},
		{"reports not counted", func() *parallax.Brief {
			c := *b
			c.Reports, c.Copies = 0, nil
			return &c
		}, "", []string{"Parallax brief · 4 outlets</p>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var md bytes.Buffer
			if err := Markdown(&md, tt.b()); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(md.String(), "\n")
			got := lines[2]
			if tt.md == "" && !strings.HasPrefix(got, "## ") || tt.md != "" && got != tt.md {
				t.Errorf("Markdown under the title:\n got %q\nwant %q", got, tt.md)
			}
			var page bytes.Buffer
			if err := HTML(&page, tt.b(), nil); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.html {
				if !strings.Contains(page.String(), want) {
					t.Errorf("HTML lacks %q", want)
				}
			}
		})
	}
}
