package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "d.jsonl")
	data := `{"id": 7, "documents": ["A. B."], "summary": "A."}
{"id": "x", "documents": ["C."], "summaries": ["C.", "D."]}

`
	os.WriteFile(p, []byte(data), 0o644)
	got, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "7" || len(got[0].References) != 1 || got[1].ID != "x" || len(got[1].References) != 2 {
		t.Fatalf("got %+v", got)
	}
	os.WriteFile(p, []byte(`{"id": 1, "documents": []}`+"\n"+`{"id": 1, "documents": []}`), 0o644)
	if _, err := Read(p); err == nil || !strings.Contains(err.Error(), "used twice") {
		t.Errorf("duplicate ids: err = %v", err)
	}
}

func TestArticles(t *testing.T) {
	s := Story{ID: "9", Documents: []string{"One.", "  ", "Two."}}
	arts := s.Articles()
	if len(arts) != 2 || arts[0].ID != "9-0" || arts[1].ID != "9-2" || arts[1].Outlet != "9-2" || arts[1].Text != "Two." {
		t.Errorf("articles %+v", arts)
	}
}

func TestReadSummaries(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.jsonl")
	os.WriteFile(p, []byte(`{"id": 3, "summary": ["A.", "B."]}`+"\n\n"+`{"id": "x", "summary": []}`+"\n"), 0o644)
	got, err := ReadSummaries(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got["3"]) != 2 || got["3"][1] != "B." || got["x"] == nil {
		t.Errorf("summaries %q", got)
	}
	os.WriteFile(p, []byte(`{"id": 3, "summary": ["A."]}`+"\n"+`{"id": 4, "summary": "not a list"}`+"\n"), 0o644)
	if _, err := ReadSummaries(p); err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad line: err = %v, want the path and line 2", err)
	}
}
