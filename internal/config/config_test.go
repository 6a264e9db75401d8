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
