package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// attempts is the throttle's count in memory, as the store keeps it in Postgres.
type attempts struct{ at map[string][]time.Time }

func (a *attempts) RecordLoginAttempt(_ context.Context, keys ...string) (time.Time, error) {
	now := time.Now()
	for _, k := range keys {
		a.at[k] = append(a.at[k], now)
	}
	return now, nil
}

func (a *attempts) LoginFailures(_ context.Context, key string, since time.Time) (int, error) {
	n := 0
	for _, t := range a.at[key] {
		if t.After(since) {
			n++
		}
	}
	return n, nil
}

func (a *attempts) ForgetLoginAttempts(_ context.Context, ipKey, accountKey string, at time.Time) error {
	delete(a.at, accountKey)
	for i, t := range a.at[ipKey] {
		if t.Equal(at) {
			a.at[ipKey] = append(a.at[ipKey][:i], a.at[ipKey][i+1:]...)
			break
		}
	}
	return nil
}

// users are accounts in memory, by email.
type users map[string]User

func (u users) UserByEmail(_ context.Context, email string) (User, bool, error) {
	if email == "broken@test.nhs.uk" {
		return User{}, false, errors.New("database unreachable")
	}
	found, ok := u[email]
	return found, ok, nil
}

func (u users) UserByOIDCSubject(context.Context, string) (User, bool, error) {
	return User{}, false, nil
}

func (u users) LinkOIDCSubject(context.Context, User, string) (bool, error) { return true, nil }

func TestSignIn(t *testing.T) {
	t.Parallel()
	cheap := Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	hash, err := HashPassword("right password", cheap)
	if err != nil {
		t.Fatal(err)
	}
	accounts := users{
		"manager@test.nhs.uk": {ID: 1, Email: "manager@test.nhs.uk", PasswordHash: hash, Active: true},
		"gone@test.nhs.uk":    {ID: 2, Email: "gone@test.nhs.uk", PasswordHash: hash},
		"sso@test.nhs.uk":     {ID: 3, Email: "sso@test.nhs.uk", Active: true},
	}
	long := strings.Repeat("a", 300) + "@test.nhs.uk"
	cases := []struct {
		email, password string
		refused         string
		account, shown  string // the account logged, the email shown again
	}{
		{" Manager@Test.nhs.uk", "right password", "", "manager@test.nhs.uk", " Manager@Test.nhs.uk"},
		{"manager@test.nhs.uk", "wrong password", ReasonBadPassword, "manager@test.nhs.uk", "manager@test.nhs.uk"},
		{"nobody@test.nhs.uk", "right password", ReasonUnknown, "nobody@test.nhs.uk", "nobody@test.nhs.uk"},
		{"gone@test.nhs.uk", "right password", ReasonInactive, "gone@test.nhs.uk", "gone@test.nhs.uk"},
		{"sso@test.nhs.uk", "", ReasonSSOOnly, "sso@test.nhs.uk", "sso@test.nhs.uk"},
		{"not an email", "right password", ReasonBadEmail, "not an email", "not an email"},
		{long, "right password", ReasonTooLong, long, long[:254]},
		{"manager@test.nhs.uk", strings.Repeat("p", MaxSignInPasswordBytes+1), ReasonTooLong, "manager@test.nhs.uk", "manager@test.nhs.uk"},
	}
	for _, c := range cases {
		g := NewGate(&attempts{at: map[string][]time.Time{}}, 254)
		res, err := g.SignIn(context.Background(), accounts, Credentials{Email: c.email, Password: c.password, IP: "192.0.2.1"}, time.Now())
		if err != nil {
			t.Fatalf("%q: %v", c.email, err)
		}
		if res.Refused != c.refused || res.Account != c.account || res.Email != c.shown {
			t.Errorf("%q: refused %q for %q, shown %q; want %q for %q, shown %q", c.email, res.Refused, res.Account, res.Email, c.refused, c.account, c.shown)
		}
		if c.refused == "" && res.User.ID != 1 {
			t.Errorf("%q: signed in %+v", c.email, res.User)
		}
	}
	if _, err := NewGate(&attempts{at: map[string][]time.Time{}}, 254).SignIn(context.Background(), accounts, Credentials{Email: "broken@test.nhs.uk"}, time.Now()); err == nil {
		t.Error("a store that cannot answer must fail the sign-in, not refuse it")
	}
}

// TestSignInThrottle: the attempt after the limit is refused unchecked, and reported
// as the lockout once; a success takes its own attempt back.
func TestSignInThrottle(t *testing.T) {
	t.Parallel()
	counted := &attempts{at: map[string][]time.Time{}}
	g := NewGate(counted, 254)
	ctx, now := context.Background(), time.Now()
	wrong := Credentials{Email: "nobody@test.nhs.uk", Password: "guess", IP: "192.0.2.1"}
	for range MaxAccountFailures {
		if res, _ := g.SignIn(ctx, users{}, wrong, now); res.Refused != ReasonUnknown {
			t.Fatalf("under the limit: %q", res.Refused)
		}
	}
	res, _ := g.SignIn(ctx, users{}, wrong, now)
	if res.Refused != ReasonThrottled || res.Throttle != (Throttle{Scope: ThrottleAccount, Count: MaxAccountFailures + 1}) || !res.Throttle.Lockout() {
		t.Errorf("over the limit: %+v", res)
	}
	if res, _ := g.SignIn(ctx, users{}, wrong, now); res.Refused != ReasonThrottled || res.Throttle.Lockout() {
		t.Errorf("the lockout is reported once: %+v", res)
	}
	if res, _ := g.SignIn(ctx, users{}, wrong, now.Add(ThrottleWindow+time.Minute)); res.Refused != ReasonUnknown {
		t.Errorf("after the window: %q", res.Refused)
	}
	a, err := g.Begin(ctx, "192.0.2.9", "someone@test.nhs.uk", now)
	if err != nil || g.Succeeded(ctx, a) != nil || len(counted.at["ip:192.0.2.9"]) != 0 || len(counted.at["account:someone@test.nhs.uk"]) != 0 {
		t.Errorf("a success keeps its attempt: %v %v", err, counted.at)
	}
}

// TestSignInBusy: with every slot taken, a sign-in is refused as busy, unchecked.
func TestSignInBusy(t *testing.T) {
	t.Parallel()
	g := NewGate(&attempts{at: map[string][]time.Time{}}, 254)
	for range verifySlots {
		if _, err := g.Slot(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := g.SignIn(ctx, users{}, Credentials{Email: "manager@test.nhs.uk", Password: "x", IP: "192.0.2.1"}, time.Now())
	if err != nil || res.Refused != ReasonBusy {
		t.Errorf("busy: %q %v", res.Refused, err)
	}
}
