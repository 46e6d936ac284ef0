package feed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestBackoff(t *testing.T) {
	s := DefaultSchedule
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{0, 0}, {1, 5 * time.Minute}, {2, 10 * time.Minute}, {3, 20 * time.Minute},
		{8, 640 * time.Minute}, {9, 1280 * time.Minute}, {10, 24 * time.Hour}, {1000, 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := s.Backoff(tt.failures); got != tt.want {
			t.Errorf("Backoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
	if got := (Schedule{}).Backoff(2); got != 10*time.Minute {
		t.Errorf("zero schedule: Backoff(2) = %v", got)
	}
}

func TestFeedStateSchedule(t *testing.T) {
	t0 := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	f := &FeedState{URL: "https://f.example/rss"}
	if !f.Due(t0) {
		t.Fatal("a new feed is not due")
	}
	f.Failed(t0, DefaultSchedule, errors.New("boom"))
	f.Failed(t0, DefaultSchedule, errors.New("boom again"))
	if f.Failures != 2 || f.LastError != "boom again" || !f.NextAttempt.Equal(t0.Add(10*time.Minute)) {
		t.Errorf("after two failures: %+v", f)
	}
	if f.Due(t0.Add(9*time.Minute)) || !f.Due(t0.Add(10*time.Minute)) {
		t.Error("backoff not respected")
	}
	hourly := Schedule{Interval: time.Hour}
	f.Succeeded(t0.Add(10*time.Minute), hourly, `"v1"`, "Tue, 05 Mar 2024 12:00:00 GMT")
	if f.Failures != 0 || f.LastError != "" || f.ETag != `"v1"` || !f.NextAttempt.Equal(t0.Add(70*time.Minute)) {
		t.Errorf("after success: %+v", f)
	}
	jittered := Schedule{Base: time.Minute, Jitter: func(d time.Duration) time.Duration { return d + time.Second }}
	f.Failed(t0, jittered, errors.New("x"))
	if !f.NextAttempt.Equal(t0.Add(time.Minute + time.Second)) {
		t.Errorf("jitter not applied: %v", f.NextAttempt)
	}
}

func TestRemember(t *testing.T) {
	f := &FeedState{}
	f.Remember([]string{"a", "b", "c"}, []string{"a", "b"}) // c failed: not handled
	if !f.HasSeen("a") || !f.HasSeen("b") || f.HasSeen("c") {
		t.Fatalf("seen = %v", f.Seen)
	}
	// Many polls later a still stays (present); b, gone, ages out only
	// once KeepAbsent newer absent ids exist.
	var handled []string
	for i := range KeepAbsent {
		handled = append(handled, fmt.Sprint("n", i))
	}
	f.Remember(append([]string{"a"}, handled...), handled)
	if !f.HasSeen("b") {
		t.Fatal("b forgotten too early")
	}
	f.Remember([]string{"a"}, nil)
	if !f.HasSeen("a") || f.HasSeen("b") || len(f.Seen) != 1+KeepAbsent {
		t.Errorf("after cap: a=%v b=%v len=%d", f.HasSeen("a"), f.HasSeen("b"), len(f.Seen))
	}
	for range 10 {
		f.Remember([]string{"a"}, nil)
	}
	if !f.HasSeen("a") {
		t.Error("a present id was forgotten")
	}
}

func TestStatePersistence(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s, err := LoadState(dir)
	if err != nil || len(s.Feeds) != 0 {
		t.Fatalf("missing state: %v %+v", err, s)
	}
	t0 := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	f := s.Feed("https://f.example/rss")
	f.Succeeded(t0, DefaultSchedule, `W/"x"`, "")
	f.Remember([]string{"1", "2"}, []string{"1", "2"})
	g := s.Feed("https://g.example/atom")
	g.Failed(t0, DefaultSchedule, errors.New("https://g.example/atom: 500 Internal Server Error"))
	s.Pages = map[string]string{"https://g.example/": "https://g.example/atom"}
	if err := s.Save(dir); err != nil {
		t.Fatal(err)
	}
	got, err := LoadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("reloaded state (-saved +loaded):\n%s", diff)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != StateFile {
		t.Errorf("state directory holds %v, want only %s", entries, StateFile)
	}
}

func TestStateCorrupt(t *testing.T) {
	for name, content := range map[string]string{
		"truncated":     `{"version":1,"feeds":{"https://f.example/":{"url":"x"`,
		"not json":      "hello",
		"wrong version": `{"version":99,"feeds":{}}`,
		"null feed":     `{"version":1,"feeds":{"https://f.example/":null}}`,
		"trailing":      `{"version":1,"feeds":{}} {}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, StateFile)
			if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadState(dir)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), file) {
				t.Errorf("error %v, want ErrCorrupt naming %s", err, file)
			}
			if b, _ := os.ReadFile(file); string(b) != content {
				t.Error("the corrupt file was changed")
			}
		})
	}
}
