package config

import (
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestOIDCAllOrNothing(t *testing.T) {
	full := map[string]string{
		"ARRS_OIDC_ISSUER":        "https://idp.example",
		"ARRS_OIDC_CLIENT_ID":     "arrs",
		"ARRS_OIDC_CLIENT_SECRET": "secret",
		"ARRS_OIDC_REDIRECT_URL":  "https://planner.example/login/callback",
	}
	c, err := FromEnv(env(nil))
	if err != nil || c.OIDC.Enabled() {
		t.Errorf("no variables: %+v, %v; want single sign-on off", c.OIDC, err)
	}
	c, err = FromEnv(env(full))
	if err != nil || !c.OIDC.Enabled() || c.OIDC.Name != "NHS login" || c.OIDC.ClientID != "arrs" {
		t.Errorf("all variables: %+v, %v", c.OIDC, err)
	}
	half := map[string]string{"ARRS_OIDC_ISSUER": full["ARRS_OIDC_ISSUER"], "ARRS_OIDC_CLIENT_ID": "arrs", "ARRS_OIDC_NAME": "NHSmail"}
	_, err = FromEnv(env(half))
	if err == nil || !strings.Contains(err.Error(), "ARRS_OIDC_CLIENT_SECRET, ARRS_OIDC_REDIRECT_URL") || strings.Contains(err.Error(), "ARRS_OIDC_CLIENT_ID,") {
		t.Errorf("half configured: %v; want an error naming exactly the missing variables", err)
	}
	full["ARRS_OIDC_REDIRECT_URL"] = "/login/callback"
	if _, err := FromEnv(env(full)); err == nil || !strings.Contains(err.Error(), "ARRS_OIDC_REDIRECT_URL") {
		t.Errorf("relative redirect URL: %v", err)
	}
}

// ARRS_PUBLIC_URL is optional; when set it is a scheme and host only, kept without a
// trailing slash; anything else stops the server with the variable named.
func TestPublicURL(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil || c.PublicURL != "" {
		t.Errorf("unset: %q, %v; want empty (the request's host)", c.PublicURL, err)
	}
	for in, want := range map[string]string{
		"https://planner.example":       "https://planner.example",
		"https://planner.example/":      "https://planner.example",
		"http://localhost:8080":         "http://localhost:8080",
		"https://planner.example:8443/": "https://planner.example:8443",
	} {
		c, err := FromEnv(env(map[string]string{"ARRS_PUBLIC_URL": in}))
		if err != nil || c.PublicURL != want {
			t.Errorf("%q: %q, %v; want %q", in, c.PublicURL, err, want)
		}
	}
	for _, bad := range []string{"planner.example", "/pulse", "ftp://planner.example", "https://planner.example/app",
		"https://planner.example/?x=1", "https://planner.example/#top", "https://user:pw@planner.example", "https://"} {
		if _, err := FromEnv(env(map[string]string{"ARRS_PUBLIC_URL": bad})); err == nil || !strings.Contains(err.Error(), "ARRS_PUBLIC_URL") {
			t.Errorf("%q: %v; want a refusal naming ARRS_PUBLIC_URL", bad, err)
		}
	}
}
