// Package config reads ARRS Planner's settings from the environment once, validates
// them, and passes them down as a value: no package reads the environment itself.
package config

import (
	"fmt"
	"os"
	"strconv"
)

// LocalDatabaseURL is the project-local cluster that `make run` starts.
const LocalDatabaseURL = "postgres://arrs@127.0.0.1:54329/arrs?sslmode=disable"

// Config holds every setting.
type Config struct {
	DatabaseURL string // DATABASE_URL, default LocalDatabaseURL
	Addr        string // ADDR, default :8080
	// Dev (ARRS_DEV=1) serves plain-HTTP localhost: cookies without Secure, no HSTS.
	Dev bool
}

// FromEnv reads the environment through getenv (os.Getenv in production).
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{DatabaseURL: getenv("DATABASE_URL"), Addr: getenv("ADDR")}
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
	return c, nil
}

// Load is FromEnv(os.Getenv).
func Load() (Config, error) { return FromEnv(os.Getenv) }
