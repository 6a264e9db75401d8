package auth

import (
	"testing"
	"time"
)

func TestSessionTimeouts(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		seen, now time.Duration // after the sign-in
		expired   bool
	}{
		{"just signed in", 0, 0, false},
		{"idle for 29 minutes", 0, 29 * time.Minute, false},
		{"idle for 30 minutes", 0, IdleTimeout, true},
		{"busy for 11 hours 59 minutes", 11*time.Hour + 50*time.Minute, 11*time.Hour + 59*time.Minute, false},
		{"busy for 12 hours", 12*time.Hour - time.Minute, AbsoluteTimeout, true},
	}
	for _, c := range cases {
		s := Session{Created: start, Seen: start.Add(c.seen)}
		if got := s.Expired(start.Add(c.now)); got != c.expired {
			t.Errorf("%s: expired %v, want %v", c.name, got, c.expired)
		}
	}
	s := Session{Created: start, Seen: start}
	if s.SeenStale(start.Add(59*time.Second)) || !s.SeenStale(start.Add(SeenResolution)) {
		t.Error("last seen is written again once a minute")
	}
}
