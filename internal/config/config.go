// Package config reads ARRS Planner's settings from the environment once, validates
// them, and passes them down as a value: no package reads the environment itself.
package config

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// LocalDatabaseURL is the project-local cluster that `make run` starts.
const LocalDatabaseURL = "postgres://arrs@127.0.0.1:54329/arrs?sslmode=disable"

// Config holds every setting.
type Config struct {
	DatabaseURL string // DATABASE_URL, default LocalDatabaseURL
	Addr        string // ADDR, default :8080
	// Dev (ARRS_DEV=1) serves plain-HTTP localhost: cookies without Secure, no HSTS.
	Dev bool
	// ProxyHeader (ARRS_PROXY_HEADER, e.g. X-Forwarded-For) names the header in which a
	// trusted reverse proxy passes the client's address; empty when serving directly.
	ProxyHeader string
	// PublicURL (ARRS_PUBLIC_URL, e.g. https://planner.example) is the address people
	// reach the planner at, scheme and host only, for the links it prints (the pulse's
	// single-use links); empty: the address of the request that prints them. It is
	// https, or http only in development (Dev): a printed link over plain HTTP would
	// send its single-use token in the clear.
	PublicURL string
	// OIDC is the optional single sign-on; off when its variables are unset.
	OIDC OIDC
	// ServerTiming (ARRS_SERVER_TIMING=1) times every request's SQL and sends it in a
	// Server-Timing header, for the scale benchmark; off by default, since it tells
	// anyone who asks how long the database took.
	ServerTiming bool
	// MemoryLimit (ARRS_MEMORY_LIMIT, e.g. 192MiB; "off" for none) is the Go runtime's
	// soft memory limit in bytes (runtime/debug.SetMemoryLimit), default
	// DefaultMemoryLimit: the collector works harder as the heap nears it rather than
	// let the process grow to twice its live data. 0 is no limit. A GOMEMLIMIT set in
	// the environment wins (the runtime reads it itself).
	MemoryLimit int64
}

// DefaultMemoryLimit bounds a national deployment's server (issue 17): its kept figures
// and England's inputs are some 120 MiB at 60 censuses when quiet and up to ~500 MiB
// while saves come in (older copies still in use), and two password checks at once
// 128 MiB for a moment. A limit below what is in use makes the collector run almost
// without pause (up to half the CPU), so the default sits above the busy figure.
const DefaultMemoryLimit = 512 << 20

// OIDC configures single sign-on through an OpenID Connect provider, such as NHS Care
// Identity Service 2 or NHSmail. Users still have to exist in ARRS Planner: signing
// in this way never creates one.
type OIDC struct {
	Issuer       string // ARRS_OIDC_ISSUER, the provider's issuer URL
	ClientID     string // ARRS_OIDC_CLIENT_ID
	ClientSecret string // ARRS_OIDC_CLIENT_SECRET
	RedirectURL  string // ARRS_OIDC_REDIRECT_URL, this server's /login/callback
	Name         string // ARRS_OIDC_NAME, the button's label, default "NHS login"
}

// Enabled reports whether single sign-on is configured.
func (o OIDC) Enabled() bool { return o.Issuer != "" }

// FromEnv reads the environment through getenv (os.Getenv in production).
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{DatabaseURL: getenv("DATABASE_URL"), Addr: getenv("ADDR"), ProxyHeader: getenv("ARRS_PROXY_HEADER")}
	if c.DatabaseURL == "" {
		c.DatabaseURL = LocalDatabaseURL
	}
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	if v := getenv("ARRS_DEV"); v != "" {
		dev, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("ARRS_DEV must be 1 or 0, not %q", v)
		}
		c.Dev = dev
	}
	if v := getenv("ARRS_SERVER_TIMING"); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("ARRS_SERVER_TIMING must be 1 or 0, not %q", v)
		}
		c.ServerTiming = on
	}
	var err error
	if c.MemoryLimit, err = memoryLimit(getenv("ARRS_MEMORY_LIMIT")); err != nil {
		return c, err
	}
	if c.PublicURL, err = publicURL(getenv("ARRS_PUBLIC_URL"), c.Dev); err != nil {
		return c, err
	}
	c.OIDC, err = oidcFromEnv(getenv)
	return c, err
}

// memoryLimit reads ARRS_MEMORY_LIMIT as GOMEMLIMIT is written: a number of bytes with
// an optional unit B, KiB, MiB, GiB or TiB; "off" or 0 for none; empty for the default.
func memoryLimit(raw string) (int64, error) {
	switch raw {
	case "":
		return DefaultMemoryLimit, nil
	case "off":
		return 0, nil
	}
	num, shift := raw, 0
	for i, unit := range []string{"TiB", "GiB", "MiB", "KiB", "B"} {
		if n, ok := strings.CutSuffix(raw, unit); ok {
			num, shift = n, 10*(4-i)
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("ARRS_MEMORY_LIMIT must be a size such as 192MiB (B, KiB, MiB, GiB, TiB) or off, not %q", raw)
	}
	return n << shift, nil
}

// publicURL checks ARRS_PUBLIC_URL: empty, or an absolute https URL (http too in
// development) of a scheme and host (and port) only, returned without a trailing
// slash, so that a path appended to it is the address of that page.
func publicURL(raw string, dev bool) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return "", fmt.Errorf("ARRS_PUBLIC_URL must be a scheme and host only, such as https://planner.example, not %q", raw)
	}
	if u.Scheme == "http" && !dev {
		return "", fmt.Errorf("ARRS_PUBLIC_URL must be an https address outside development (ARRS_DEV=1): "+
			"a printed pulse link over http would send its token in the clear, not %q", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

// Warnings are what the server should say once at start-up about settings that work
// but may not be what was meant: outside development with no ARRS_PUBLIC_URL, the
// pulse's printed links take their address from the request that prints them (its
// Host header, which a proxy may rewrite).
func (c Config) Warnings() []string {
	if c.PublicURL == "" && !c.Dev {
		return []string{"ARRS_PUBLIC_URL is not set: the pulse's printed links use the host of the request that prints them " +
			"(its Host header); set it to the planner's https address, such as https://planner.example"}
	}
	return nil
}

// oidcFromEnv reads single sign-on all or nothing: a half-configured provider is a
// mistake to report at start, not a button that fails when someone presses it.
func oidcFromEnv(getenv func(string) string) (OIDC, error) {
	vars := []string{"ARRS_OIDC_ISSUER", "ARRS_OIDC_CLIENT_ID", "ARRS_OIDC_CLIENT_SECRET", "ARRS_OIDC_REDIRECT_URL"}
	var missing []string
	for _, v := range vars {
		if getenv(v) == "" {
			missing = append(missing, v)
		}
	}
	if len(missing) == len(vars) {
		return OIDC{}, nil
	}
	if len(missing) > 0 {
		return OIDC{}, fmt.Errorf("single sign-on is half configured: set %s too, or unset every ARRS_OIDC_ variable", strings.Join(missing, ", "))
	}
	o := OIDC{Issuer: getenv("ARRS_OIDC_ISSUER"), ClientID: getenv("ARRS_OIDC_CLIENT_ID"), ClientSecret: getenv("ARRS_OIDC_CLIENT_SECRET"),
		RedirectURL: getenv("ARRS_OIDC_REDIRECT_URL"), Name: getenv("ARRS_OIDC_NAME")}
	if o.Name == "" {
		o.Name = "NHS login"
	}
	if err := absoluteURL("ARRS_OIDC_ISSUER", o.Issuer); err != nil {
		return OIDC{}, err
	}
	return o, absoluteURL("ARRS_OIDC_REDIRECT_URL", o.RedirectURL)
}

func absoluteURL(name, raw string) error {
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%s must be an absolute http(s) URL, not %q", name, raw)
	}
	return nil
}

// Load is FromEnv(os.Getenv).
func Load() (Config, error) { return FromEnv(os.Getenv) }
