package auth

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// SignInFailed is the one message for every failed password sign-in, so that it
// never tells which of email or password was wrong, or whether an account exists.
const SignInFailed = "Enter a correct email address and password"

// MaxSignInPasswordBytes bounds the password a sign-in hashes: the policy allows 64
// characters (at most 256 bytes of UTF-8); older passwords get room to spare.
const MaxSignInPasswordBytes = 1024

// The reasons a password check fails, for the security log only: the person is told
// SignInFailed, or to wait when throttled or busy.
const (
	ReasonBadEmail    = "malformed_email"
	ReasonTooLong     = "too_long"
	ReasonUnknown     = "unknown_account"
	ReasonInactive    = "inactive_account"
	ReasonSSOOnly     = "no_password_set"
	ReasonBadPassword = "bad_password"
	ReasonThrottled   = "throttled"
	ReasonBusy        = "busy"
)

// Credentials are what a sign-in form sends, and the client's address it came from.
type Credentials struct {
	Email, Password, IP string
}

// SignIn is a password sign-in's outcome.
type SignIn struct {
	// User is the account signed in, when Refused is "".
	User User
	// Email is the address to show in the form again: as typed, clipped to the
	// longest an account's can be.
	Email string
	// Account is the account named, for the log: normalised when it is an email
	// address, else as typed (clipped).
	Account string
	// Refused is why the sign-in failed (Reason…), "" when it succeeded.
	Refused string
	// Throttle is the limit passed, when Refused is ReasonThrottled.
	Throttle Throttle
}

// SignIn checks a password sign-in: counted by the throttle, verified in a slot,
// spending the same time whether or not the account exists. A success takes its own
// attempt back. The error is a failure to decide, never a refusal.
func (g *Gate) SignIn(ctx context.Context, accounts Accounts, c Credentials, now time.Time) (SignIn, error) {
	email, emailReason := c.Email, ""
	normalised, err := NormaliseEmail(email)
	if err != nil {
		emailReason = ReasonBadEmail
	}
	if len(email) > g.maxEmail {
		email, emailReason = workforce.Clip(email, g.maxEmail), ReasonTooLong
	}
	if len(c.Password) > MaxSignInPasswordBytes {
		// No password this long can have been set: refused like a wrong one, unhashed.
		c.Password, emailReason = "", ReasonTooLong
	}
	res := SignIn{Email: email, Account: normalised}
	if normalised == "" {
		res.Account = email
	}
	account := ""
	if emailReason == "" {
		account = normalised
	}
	a, err := g.Begin(ctx, c.IP, account, now)
	if err != nil || a.Throttle.Scope != "" {
		res.Refused, res.Throttle = ReasonThrottled, a.Throttle
		return res, err
	}
	release, err := g.Slot(ctx)
	if err != nil {
		res.Refused = ReasonBusy
		return res, nil
	}
	res.User, res.Refused, err = checkPassword(ctx, accounts, normalised, emailReason, c.Password)
	release()
	if err != nil || res.Refused != "" {
		return res, err
	}
	return res, g.Succeeded(ctx, a)
}

// checkPassword verifies the password of the account the email names, spending the
// same time whether or not there is one; the reason is empty when it matched.
func checkPassword(ctx context.Context, accounts Accounts, email, emailReason, password string) (User, string, error) {
	if emailReason != "" {
		VerifyNothing(password)
		return User{}, emailReason, nil
	}
	u, found, err := accounts.UserByEmail(ctx, email)
	switch {
	case err != nil:
		return u, "", err
	case !found:
		VerifyNothing(password)
		return u, ReasonUnknown, nil
	case !u.Active:
		VerifyNothing(password)
		return u, ReasonInactive, nil
	case u.PasswordHash == "":
		VerifyNothing(password)
		return u, ReasonSSOOnly, nil
	}
	ok, err := VerifyPassword(password, u.PasswordHash)
	if err != nil || ok {
		return u, "", err
	}
	return u, ReasonBadPassword, nil
}
