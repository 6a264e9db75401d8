package auth

import "time"

// Sign-in throttling (OWASP ASVS 2.2.1): attempts are counted per account and per
// client address over a window (the store keeps them, so that the limits hold across
// instances); one more than the limit of either is refused without checking the
// password. A successful sign-in takes its own attempt back.
const (
	ThrottleWindow     = 15 * time.Minute
	MaxAccountFailures = 5
	MaxIPFailures      = 30
)

// The scopes a throttle counts in.
const (
	ThrottleAccount = "account"
	ThrottleIP      = "ip"
)

// ThrottleLimit is the number of attempts a scope allows in a window.
func ThrottleLimit(scope string) int {
	if scope == ThrottleIP {
		return MaxIPFailures
	}
	return MaxAccountFailures
}

// Throttled is the scope whose limit this attempt passes, given the attempts counted
// in the window for the account (none when the email is malformed) and the address,
// or "" when neither does.
func Throttled(accountAttempts, ipAttempts int) string {
	switch {
	case accountAttempts > MaxAccountFailures:
		return ThrottleAccount
	case ipAttempts > MaxIPFailures:
		return ThrottleIP
	}
	return ""
}

// Throttle is the limit an attempt passed: its scope and the attempts counted in the
// window, or the zero Throttle when it passed none.
type Throttle struct {
	Scope string
	Count int
}

// Lockout reports whether this attempt is the one that engaged the throttle (one
// more than its limit): the security log records the lockout once, then each refusal.
func (t Throttle) Lockout() bool { return t.Scope != "" && t.Count == ThrottleLimit(t.Scope)+1 }
