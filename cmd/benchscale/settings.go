package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/scale"
)

// settings are a run's knobs, from the environment:
//
//	SCALE_CENSUSES  census counts, one run each, the smallest first ("1 60")
//	SCALE_WRITES    write rates per second, one measured phase each ("0 2 5")
//	SCALE_SECONDS   length of each phase (20)
//	SCALE_CLIENTS   concurrent signed-in readers (20)
//	SCALE_COLD      single cold requests per page for the cold SQL median (5)
//	SCALE_ICB       the ICB whose pages are read (QHM); writes go to PCNs outside it
//	SCALE_ADMIN_URL a database URL on the cluster as a superuser (else TEST_DATABASE_URL)
//	SCALE_TEMPLATE  a database to clone for every census count instead of building the
//	                scale templates (e.g. one with `arrs seed demo`, to try the driver)
//	SCALE_BIN       the arrs binary to serve with (else `go build -o bin/arrs`)
type settings struct {
	censuses, writes []int
	phase            time.Duration
	clients, cold    int
	icb              string
	adminURL         string
	template         string
	bin              string
}

// settingsFromEnv reads the settings, each bounded.
func settingsFromEnv(getenv func(string) string) (settings, error) {
	or := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	s := settings{icb: strings.ToUpper(or("SCALE_ICB", "QHM")), adminURL: or("SCALE_ADMIN_URL", getenv("TEST_DATABASE_URL")),
		template: getenv("SCALE_TEMPLATE"), bin: getenv("SCALE_BIN")}
	var err error
	if s.censuses, err = ints("SCALE_CENSUSES", or("SCALE_CENSUSES", "1 60"), 1, scale.DefaultParams.Months+1); err != nil {
		return s, err
	}
	if s.writes, err = ints("SCALE_WRITES", or("SCALE_WRITES", "0 2 5"), 0, 50); err != nil {
		return s, err
	}
	seconds, err := one("SCALE_SECONDS", or("SCALE_SECONDS", "20"), 1, 600)
	if err != nil {
		return s, err
	}
	s.phase = time.Duration(seconds) * time.Second
	if s.clients, err = one("SCALE_CLIENTS", or("SCALE_CLIENTS", "20"), 1, 200); err != nil {
		return s, err
	}
	if s.cold, err = one("SCALE_COLD", or("SCALE_COLD", "5"), 1, 50); err != nil {
		return s, err
	}
	if s.adminURL == "" {
		return s, fmt.Errorf("no database: set SCALE_ADMIN_URL or TEST_DATABASE_URL (scripts/pg.sh url postgres)")
	}
	return s, nil
}

// ints reads a list of whole numbers from lo to hi, such as "0 2 5".
func ints(name, raw string, lo, hi int) ([]int, error) {
	var out []int
	for _, f := range strings.Fields(raw) {
		n, err := one(name, f, lo, hi)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s is empty", name)
	}
	return out, nil
}

func one(name, raw string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s: %q is not a whole number from %d to %d", name, raw, lo, hi)
	}
	return n, nil
}
