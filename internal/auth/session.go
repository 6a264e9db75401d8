package auth

import "time"

// Session limits (OWASP ASVS 3.3: idle and absolute timeouts for a level 2 application).
const (
	IdleTimeout     = 30 * time.Minute
	AbsoluteTimeout = 12 * time.Hour
	// SeenResolution is how stale "last seen" may get before it is written again, so
	// that a busy user does not cost a session write per request.
	SeenResolution = time.Minute
)

// Session is when a signed-in session began and when it was last used: what the
// timeouts are judged on, against the server's clock.
type Session struct {
	Created, Seen time.Time
}

// Expired reports whether the session has passed its idle or absolute timeout.
func (s Session) Expired(now time.Time) bool {
	return now.Sub(s.Created) >= AbsoluteTimeout || now.Sub(s.Seen) >= IdleTimeout
}

// SeenStale reports whether "last seen" is due to be written again.
func (s Session) SeenStale(now time.Time) bool { return now.Sub(s.Seen) >= SeenResolution }
