package auth

import (
	"context"
	"errors"
	"time"
)

// Attempts is the store's count of password checks per key (a client address, an
// account), kept there so that the throttle holds across instances.
type Attempts interface {
	// RecordLoginAttempt counts an attempt against each key and returns its time.
	RecordLoginAttempt(ctx context.Context, keys ...string) (time.Time, error)
	// LoginFailures counts the attempts against a key since a time.
	LoginFailures(ctx context.Context, key string, since time.Time) (int, error)
	// ForgetLoginAttempts takes back a successful attempt from its address and
	// forgets the account's failures.
	ForgetLoginAttempts(ctx context.Context, ipKey, accountKey string, at time.Time) error
}

const (
	// verifySlots bounds concurrent password checks: each argon2id verification holds
	// 64 MiB, so a burst of sign-ins must queue rather than exhaust memory. Two keep
	// the server within its memory (docs/operations.md, ARRS_MEMORY_LIMIT) and lose no
	// throughput: a check is CPU-bound on two threads (p=2), and more checks at once
	// than cores only take longer each.
	verifySlots = 2
	// slotWait is how long a check queues for a slot before the service is busy.
	slotWait = 5 * time.Second
)

// ErrBusy is a password check that found no slot in time.
var ErrBusy = errors.New("too many sign-ins at once")

// Gate is what every password check goes through, a sign-in's or a password
// change's: counted by the throttle first, then verified in one of a few slots.
type Gate struct {
	attempts Attempts
	slots    chan struct{}
	maxEmail int
}

// NewGate counts attempts in the store; maxEmail is the longest email address an
// account can have (workforce.MaxEmailLength), in bytes.
func NewGate(attempts Attempts, maxEmail int) *Gate {
	return &Gate{attempts: attempts, slots: make(chan struct{}, verifySlots), maxEmail: maxEmail}
}

// Attempt is one password check as the throttle counted it.
type Attempt struct {
	ipKey, accountKey string
	at                time.Time
	// Throttle is the limit the attempt passed: when it passed one, the password is
	// not checked.
	Throttle Throttle
}

// Begin counts an attempt against the client's address and the account ("" when the
// email is malformed) before the password is checked, so that parallel guesses
// cannot all slip under the limit, and reports the limit it passed, if any.
func (g *Gate) Begin(ctx context.Context, ip, account string, now time.Time) (Attempt, error) {
	a := Attempt{ipKey: "ip:" + ip}
	keys := []string{a.ipKey}
	if account != "" {
		a.accountKey = "account:" + account
		keys = append(keys, a.accountKey)
	}
	at, err := g.attempts.RecordLoginAttempt(ctx, keys...)
	if err != nil {
		return a, err
	}
	a.at = at
	a.Throttle, err = g.throttle(ctx, a, now)
	return a, err
}

// throttle is the limit the attempt (already counted) passes (Throttled), with its count.
func (g *Gate) throttle(ctx context.Context, a Attempt, now time.Time) (Throttle, error) {
	since := now.Add(-ThrottleWindow)
	account := 0
	if a.accountKey != "" {
		var err error
		if account, err = g.attempts.LoginFailures(ctx, a.accountKey, since); err != nil {
			return Throttle{}, err
		}
	}
	ip, err := g.attempts.LoginFailures(ctx, a.ipKey, since)
	if err != nil {
		return Throttle{}, err
	}
	switch scope := Throttled(account, ip); scope {
	case ThrottleAccount:
		return Throttle{Scope: scope, Count: account}, nil
	case ThrottleIP:
		return Throttle{Scope: scope, Count: ip}, nil
	}
	return Throttle{}, nil
}

// Succeeded takes a successful check's attempt back.
func (g *Gate) Succeeded(ctx context.Context, a Attempt) error {
	return g.attempts.ForgetLoginAttempts(ctx, a.ipKey, a.accountKey, a.at)
}

// Slot waits (up to slotWait) for a password-checking slot; release gives it back.
// The error is ErrBusy, or the context's.
func (g *Gate) Slot(ctx context.Context) (release func(), err error) {
	t := time.NewTimer(slotWait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, nil
	case <-t.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
