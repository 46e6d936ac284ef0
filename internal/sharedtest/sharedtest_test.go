package sharedtest

import "testing"

func TestSeeds(t *testing.T) {
	arts := Seeds(t)
	if len(arts) != 3 {
		t.Fatalf("%d seed articles, want 3", len(arts))
	}
	for _, a := range arts {
		if a.ID == "" || a.ID != a.Outlet || len(a.Text) == 0 {
			t.Errorf("seed %+v", a.ID)
		}
	}
}

func TestPathSkipsWhenAbsent(t *testing.T) {
	skipped := false
	t.Run("absent", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Path(t, "no-such-folder-here")
		t.Error("Path returned for a missing folder")
	})
	if !skipped {
		t.Fatal("Path did not skip the test for a missing folder")
	}
}
