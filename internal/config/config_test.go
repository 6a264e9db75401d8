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
// trailing slash, and https outside development; anything else stops the server with
// the variable named.
func TestPublicURL(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil || c.PublicURL != "" {
		t.Errorf("unset: %q, %v; want empty (the request's host)", c.PublicURL, err)
	}
	for in, want := range map[string]string{
		"https://planner.example":       "https://planner.example",
		"https://planner.example/":      "https://planner.example",
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
	// Plain HTTP only in development: a printed link would carry its token in the clear.
	if _, err := FromEnv(env(map[string]string{"ARRS_PUBLIC_URL": "http://planner.example"})); err == nil ||
		!strings.Contains(err.Error(), "must be an https address outside development") {
		t.Errorf("http outside development: %v; want a refusal", err)
	}
	if _, err := FromEnv(env(map[string]string{"ARRS_PUBLIC_URL": "http://planner.example", "ARRS_DEV": "0"})); err == nil {
		t.Error("http with ARRS_DEV=0: accepted; want a refusal")
	}
	c, err = FromEnv(env(map[string]string{"ARRS_PUBLIC_URL": "http://localhost:8080/", "ARRS_DEV": "1"}))
	if err != nil || c.PublicURL != "http://localhost:8080" {
		t.Errorf("http in development: %q, %v; want http://localhost:8080", c.PublicURL, err)
	}
}

// Outside development with no public address the server warns once at start-up that
// printed links use the request's host; set, or in development, it says nothing.
func TestWarnings(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		want int
	}{
		{"unset, live", nil, 1},
		{"unset, development", map[string]string{"ARRS_DEV": "1"}, 0},
		{"set, live", map[string]string{"ARRS_PUBLIC_URL": "https://planner.example"}, 0},
	} {
		cfg, err := FromEnv(env(c.env))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := cfg.Warnings(); len(got) != c.want || (c.want == 1 && !strings.Contains(got[0], "ARRS_PUBLIC_URL is not set")) {
			t.Errorf("%s: warnings %q, want %d", c.name, got, c.want)
		}
	}
}

// Server-Timing is off unless asked for, and a value that is not a boolean is refused.
func TestServerTiming(t *testing.T) {
	for raw, want := range map[string]bool{"": false, "0": false, "1": true, "true": true} {
		c, err := FromEnv(env(map[string]string{"ARRS_SERVER_TIMING": raw}))
		if err != nil || c.ServerTiming != want {
			t.Errorf("ARRS_SERVER_TIMING=%q: %v, %v; want %v", raw, c.ServerTiming, err, want)
		}
	}
	if _, err := FromEnv(env(map[string]string{"ARRS_SERVER_TIMING": "yes"})); err == nil {
		t.Error("ARRS_SERVER_TIMING=yes: accepted; want a refusal")
	}
}

func TestMemoryLimit(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]int64{"": DefaultMemoryLimit, "off": 0, "0": 0, "1000": 1000, "512B": 512,
		"64KiB": 64 << 10, "192MiB": 192 << 20, "1GiB": 1 << 30, "2TiB": 2 << 40} {
		c, err := FromEnv(func(k string) string { return map[string]string{"ARRS_MEMORY_LIMIT": raw}[k] })
		if err != nil || c.MemoryLimit != want {
			t.Errorf("ARRS_MEMORY_LIMIT=%q: %d, %v; want %d", raw, c.MemoryLimit, err, want)
		}
	}
	for _, raw := range []string{"192MB", "-1", "lots", "1.5GiB", "99999999TiB", "MiB"} {
		if _, err := FromEnv(func(k string) string { return map[string]string{"ARRS_MEMORY_LIMIT": raw}[k] }); err == nil {
			t.Errorf("ARRS_MEMORY_LIMIT=%q: no error", raw)
		}
	}
}
