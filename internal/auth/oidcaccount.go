package auth

import (
	"context"
	"fmt"

	"github.com/coreos/go-oidc/v3/oidc"
)

// OIDCRefusalKind is why a single sign-on did not complete, as the server answers it.
type OIDCRefusalKind int

const (
	// OIDCBadCallback is a callback that finishes no flow in progress, or that brings
	// the provider's error (400).
	OIDCBadCallback OIDCRefusalKind = iota
	// OIDCRefused is a provider's answer, or the account it names, refused (403).
	OIDCRefused
	// OIDCDown is a provider that does not answer (503).
	OIDCDown
)

// OIDCRefusal is a single sign-on that did not complete: a message for the person on
// the sign-in page, and the reason, for the log only.
type OIDCRefusal struct {
	Kind    OIDCRefusalKind
	Message string
	Reason  string
}

func (e OIDCRefusal) Error() string { return e.Reason }

func (p *OIDC) refuse(kind OIDCRefusalKind, msg, format string, args ...any) OIDCRefusal {
	return OIDCRefusal{Kind: kind, Message: msg, Reason: fmt.Sprintf(format, args...)}
}

// The messages of a refused single sign-on. One message for every refused account,
// whether unknown or deactivated: users are added by admins, never by signing in.
func (p *OIDC) noAccount() string {
	return "You signed in with " + p.Name() + ", but there is no active ARRS Planner account for you. Ask your ARRS Planner administrator to add you."
}

func (p *OIDC) didNotWork() string {
	return "Signing in with " + p.Name() + " did not work. Try again, or sign in with your email address and password."
}

func (p *OIDC) down() string {
	return p.Name() + " is not answering at the moment. Try again later, or sign in with your email address and password."
}

// account finds the active account of the token: by the subject linked at an
// earlier sign-in, else by email.
func (p *OIDC) account(ctx context.Context, accounts Accounts, tok *oidc.IDToken) (User, error) {
	u, found, err := accounts.UserByOIDCSubject(ctx, tok.Subject)
	switch {
	case err != nil:
		return u, err
	case found && u.Active:
		return u, nil
	case found:
		return u, p.refuse(OIDCRefused, p.noAccount(), "subject %q belongs to deactivated user %d", tok.Subject, u.ID)
	}
	return p.accountByEmail(ctx, accounts, tok)
}

// accountByEmail finds the active account of the token's verified email, and links
// the token's subject to it. An account already linked to another subject is refused:
// its email now names someone else at the provider.
func (p *OIDC) accountByEmail(ctx context.Context, accounts Accounts, tok *oidc.IDToken) (User, error) {
	var c OIDCClaims
	if err := tok.Claims(&c); err != nil {
		return User{}, p.refuse(OIDCRefused, p.didNotWork(), "ID token claims: %v", err)
	}
	email, err := NormaliseEmail(c.Email)
	if err != nil {
		return User{}, p.refuse(OIDCRefused, p.noAccount(), "subject %q: email %q missing or malformed", tok.Subject, c.Email)
	}
	if !c.Verified() {
		return User{}, p.refuse(OIDCRefused, p.noAccount(), "subject %q: email %q not verified (email_verified %v)", tok.Subject, c.Email, c.EmailVerified)
	}
	u, found, err := accounts.UserByEmail(ctx, email)
	if err != nil {
		return u, err
	}
	if !found || !u.Active {
		return u, p.refuse(OIDCRefused, p.noAccount(), "no active user with email %q", email)
	}
	linked, err := accounts.LinkOIDCSubject(ctx, u, tok.Subject)
	if err == nil && !linked {
		err = p.refuse(OIDCRefused, p.noAccount(), "user %d is linked to another subject than %q", u.ID, tok.Subject)
	}
	return u, err
}
