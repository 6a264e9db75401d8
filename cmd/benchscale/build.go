package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/scale"
)

// runBuild is `benchscale build`: it builds (or finds up to date) the scale templates,
// one per census count, and prints what each holds. With -csv DIR it only writes the
// generated censuses as the CSV files the importer reads, for a look or a manual import.
//
//	go run ./cmd/benchscale build [-censuses "1 60"] [-admin URL] [-csv DIR]
//
// The admin URL defaults to SCALE_ADMIN_URL, then TEST_DATABASE_URL; SCALE_REBUILD=1
// rebuilds even templates that are up to date.
func runBuild(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	counts := fs.String("censuses", envOr("SCALE_CENSUSES", "1 60"), "census counts to build templates of")
	admin := fs.String("admin", envOr("SCALE_ADMIN_URL", os.Getenv("TEST_DATABASE_URL")), "URL of a database on the cluster, as a superuser")
	csvDir := fs.String("csv", "", "write the generated censuses to this folder instead")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *csvDir != "" {
		return writeCensuses(*csvDir)
	}
	ns, err := parseCounts(*counts)
	if err != nil {
		return err
	}
	if *admin == "" {
		return fmt.Errorf("build: no admin URL: set -admin, SCALE_ADMIN_URL or TEST_DATABASE_URL (scripts/pg.sh url postgres)")
	}
	t0 := time.Now()
	logf := func(f string, a ...any) { fmt.Printf("%6.1fs  %s\n", time.Since(t0).Seconds(), fmt.Sprintf(f, a...)) }
	names, err := scale.EnsureTemplates(ctx, *admin, ns, logf)
	if err != nil {
		return err
	}
	for _, n := range ns {
		b, err := scale.ReadBuild(ctx, *admin, names[n])
		if err != nil {
			return err
		}
		fmt.Printf("%s: %d censuses, %d staff rows; first import %d rows in %.0f ms, last %d rows in %.0f ms; built in %.1f s\n",
			names[n], b.Censuses, b.StaffRows, b.FirstRows, ms(b.FirstImport), b.LastRows, ms(b.LastImport), b.Took.Seconds())
	}
	fmt.Printf("done in %.1f s\n", time.Since(t0).Seconds())
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// parseCounts reads census counts such as "1 60".
func parseCounts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Fields(s) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > scale.DefaultParams.Months+1 {
			return nil, fmt.Errorf("build: census count %q: a number from 1 to %d", f, scale.DefaultParams.Months+1)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("build: no census counts")
	}
	return out, nil
}

// writeCensuses writes the 59 generated censuses into dir.
func writeCensuses(dir string) error {
	ref, err := refdata.Load()
	if err != nil {
		return err
	}
	h, _, err := scale.National(ref)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range h.Len() {
		f, err := os.Create(filepath.Join(dir, scale.FileName(h.Censuses[i])))
		if err != nil {
			return err
		}
		err = h.WriteCSV(f, i)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d censuses to %s\n", h.Len(), dir)
	return nil
}
