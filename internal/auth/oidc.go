package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/arrs-planner/arrs/internal/config"
)

// Single sign-on through OpenID Connect (NHS CIS2, NHSmail), as its relying party:
// the authorisation code flow with PKCE. What the callback must check (OIDCFlow) is
// kept by the caller between Start and Finish: the server keeps it in the session,
// in Postgres, so that any instance can finish a flow another one started.

const (
	// OIDCFlowTimeout is how long signing in at the provider may take.
	OIDCFlowTimeout = 10 * time.Minute
	// oidcHTTPTimeout bounds each call to the provider: discovery, keys, code exchange.
	oidcHTTPTimeout = 10 * time.Second
)

// OIDC is the configured provider. It is discovered at first use, not at start, so
// that the server starts, and password sign-in works, while the provider is down.
type OIDC struct {
	cfg    config.OIDC
	client *http.Client

	mu       sync.Mutex
	oauth    *oauth2.Config // nil until discovered; a failed discovery is tried again
	verifier *oidc.IDTokenVerifier
}

// NewOIDC is nil when single sign-on is off.
func NewOIDC(cfg config.OIDC) *OIDC {
	if !cfg.Enabled() {
		return nil
	}
	return &OIDC{cfg: cfg, client: &http.Client{Timeout: oidcHTTPTimeout}}
}

// Name labels the provider for people; empty when single sign-on is off.
func (p *OIDC) Name() string {
	if p == nil {
		return ""
	}
	return p.cfg.Name
}

// provider discovers the provider's endpoints and keys once.
func (p *OIDC) provider(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.oauth != nil {
		return p.oauth, p.verifier, nil
	}
	ctx, cancel := context.WithTimeout(p.context(ctx), oidcHTTPTimeout)
	defer cancel()
	prov, err := oidc.NewProvider(ctx, p.cfg.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("discovering %s: %w", p.cfg.Issuer, err)
	}
	p.oauth = &oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, RedirectURL: p.cfg.RedirectURL,
		Endpoint: prov.Endpoint(), Scopes: []string{oidc.ScopeOpenID, oidc.ScopeEmail}}
	// The verifier checks signature, issuer, expiry and that the token is for us
	// (audience); the nonce is checked against the flow by Finish.
	p.verifier = prov.Verifier(&oidc.Config{ClientID: p.cfg.ClientID})
	return p.oauth, p.verifier, nil
}

// context carries the client with its timeout to go-oidc and oauth2.
func (p *OIDC) context(ctx context.Context) context.Context { return oidc.ClientContext(ctx, p.client) }

// OIDCFlow is a single sign-on in progress: what the callback is checked against.
type OIDCFlow struct {
	State    string // against forged callbacks (CSRF)
	Nonce    string // against replayed ID tokens
	Verifier string // PKCE: a stolen code is useless without it
	Started  time.Time
}

// Start begins a flow: the provider's address to send the browser to, and the flow
// to keep until the callback. The error is an OIDCRefusal when the provider is down.
func (p *OIDC) Start(ctx context.Context, now time.Time) (string, OIDCFlow, error) {
	oc, _, err := p.provider(ctx)
	if err != nil {
		return "", OIDCFlow{}, p.refuse(OIDCDown, p.down(), "%v", err)
	}
	f := OIDCFlow{State: rand.Text(), Nonce: rand.Text(), Verifier: oauth2.GenerateVerifier(), Started: now}
	return oc.AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier)), f, nil
}

// OIDCCallback is what the provider sends the browser back with.
type OIDCCallback struct {
	Code, State, Error, ErrorDescription string
}

// Finish checks the callback against the flow, exchanges its code for an ID token
// naming the person, and returns the active account it signs in. A refusal is an
// OIDCRefusal; any other error a failure to decide.
func (p *OIDC) Finish(ctx context.Context, accounts Accounts, f OIDCFlow, cb OIDCCallback, now time.Time) (User, error) {
	if cb.Error != "" {
		return User{}, p.refuse(OIDCBadCallback, p.didNotWork(), "the provider answered %q: %q", cb.Error, cb.ErrorDescription)
	}
	if f.State == "" || subtle.ConstantTimeCompare([]byte(f.State), []byte(cb.State)) != 1 {
		return User{}, p.refuse(OIDCBadCallback, "Signing in with "+p.Name()+" was not started from this page, or has already finished. Start again.", "no flow in the session, or its state does not match")
	}
	if now.Sub(f.Started) > OIDCFlowTimeout {
		return User{}, p.refuse(OIDCBadCallback, "Signing in with "+p.Name()+" took longer than 10 minutes. Start again.", "flow started at %s", f.Started)
	}
	tok, err := p.idToken(ctx, f, cb.Code)
	if err != nil {
		return User{}, err
	}
	return p.account(ctx, accounts, tok)
}

// idToken exchanges the code (with the PKCE verifier) and verifies the ID token that
// comes back: signature, issuer, audience, expiry, and the flow's nonce.
func (p *OIDC) idToken(ctx context.Context, f OIDCFlow, code string) (*oidc.IDToken, error) {
	oc, verifier, err := p.provider(ctx)
	if err != nil {
		return nil, p.refuse(OIDCDown, p.down(), "%v", err)
	}
	tok, err := oc.Exchange(p.context(ctx), code, oauth2.VerifierOption(f.Verifier))
	var retrieve *oauth2.RetrieveError
	if errors.As(err, &retrieve) {
		return nil, p.refuse(OIDCRefused, p.didNotWork(), "code exchange refused: %v", err)
	}
	if err != nil {
		return nil, p.refuse(OIDCDown, p.down(), "code exchange: %v", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil, p.refuse(OIDCRefused, p.didNotWork(), "no id_token in the token response")
	}
	idt, err := verifier.Verify(p.context(ctx), raw)
	if err != nil {
		return nil, p.refuse(OIDCRefused, p.didNotWork(), "ID token: %v", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.Nonce)) != 1 {
		return nil, p.refuse(OIDCRefused, p.didNotWork(), "ID token nonce does not match the flow's")
	}
	return idt, nil
}
