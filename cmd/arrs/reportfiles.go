package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The files the pages offer for download, written to standard output byte for byte as
// the page sends them (report's file writers): a PCN's plan and its claim schedule, an
// ICB's comparison.

// fileFlags parses a file command's flags: --pcn or --icb (org), --format csv|xlsx and
// the extra ones; code is the organisation's, upper-cased.
func fileFlags(name, org string, args []string, extra func(*flag.FlagSet)) (code string, format report.Format, err error) {
	fs := newFlags(name)
	fs.StringVar(&code, org, "", strings.ToUpper(org)+" code")
	f := fs.String("format", "csv", "csv or xlsx")
	if extra != nil {
		extra(fs)
	}
	if err := parseFlags(fs, args); err != nil {
		return "", "", err
	}
	if code = strings.ToUpper(strings.TrimSpace(code)); code == "" {
		return "", "", fmt.Errorf("%w: %s needs --%s CODE", errUsage, name, org)
	}
	format, err = report.ParseFileFormat(*f)
	return code, format, err
}

// pcnOf is the PCN of the code, or an error naming it.
func pcnOf(ctx context.Context, db *store.DB, code string) (workforce.PCN, error) {
	tree, err := db.Tree(ctx)
	if err != nil {
		return workforce.PCN{}, err
	}
	p, ok := tree.PCN(code)
	if !ok {
		return p, fmt.Errorf("no PCN %s", code)
	}
	return p, nil
}

// reportPlan writes one version of a PCN's plan as the plan page's download: --version
// N (1 is the first version, as the page and the file name number them), else the
// editable version, else the newest.
func (a *app) reportPlan(ctx context.Context, args []string) error {
	var version int
	code, format, err := fileFlags("report plan", "pcn", args, func(fs *flag.FlagSet) {
		fs.IntVar(&version, "version", 0, "version number (default: the editable version, else the newest)")
	})
	if err != nil {
		return err
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := pcnOf(ctx, db, code); err != nil {
		return err
	}
	plans, err := db.PlansByPCN(ctx, code)
	if err != nil {
		return err
	}
	p, err := planVersion(plans, version)
	if err != nil {
		return fmt.Errorf("PCN %s: %w", code, err)
	}
	lines, err := db.PlanLines(ctx, p.ID)
	if err != nil {
		return err
	}
	return report.WritePlan(a.stdout, format, code, lines)
}

// planVersion picks version n (1 the first), or when n is 0 what the plan page downloads
// with no ?version: the editable version, else the newest.
func planVersion(plans workforce.PlanVersions, n int) (workforce.Plan, error) {
	switch {
	case len(plans) == 0:
		return workforce.Plan{}, errors.New("no plan yet")
	case n < 0 || n > len(plans):
		return workforce.Plan{}, fmt.Errorf("no version %d: the plan has versions 1 to %d", n, len(plans))
	case n > 0:
		return plans[len(plans)-n], nil
	}
	p, _ := plans.Base()
	return p, nil
}

// reportCompare writes an ICB's comparison of its PCNs today as its page's download:
// the staff data of the latest census, its PCNs those of the ICB on that day (or with
// --footprints current, today's). An ICB that had no place that day (not formed yet,
// dissolved) has none: the file is the header alone, as the page's, and standard
// error says why.
func (a *app) reportCompare(ctx context.Context, args []string) error {
	footprints := gaps.AsItWas.String()
	code, format, err := fileFlags("report compare", "icb", args, func(fs *flag.FlagSet) {
		fs.StringVar(&footprints, "footprints", footprints, "as-it-was (the ICB's PCNs on the census day) or current (today's)")
	})
	if err != nil {
		return err
	}
	fp, err := gaps.ParseFootprints(footprints)
	if err != nil {
		return fmt.Errorf("--footprints must be as-it-was or current, not %q", footprints)
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	today := workforce.Today(time.Now())
	day, err := db.LatestCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		day = today
	} else if err != nil {
		return err
	}
	tree, err := fp.Tree(ctx, db, day, today)
	if err != nil {
		return err
	}
	if _, ok := tree.ICB(code); !ok {
		// An ICB the planner knows but not on the day has no PCNs to compare: the file
		// is its page's download, the header alone (unknown, not a row of zeros).
		c, known := tree.AnyICB(code)
		if !known {
			return fmt.Errorf("unknown ICB %s", code)
		}
		fmt.Fprintf(a.stderr, "arrs: %s\n", icbAbsence(c, day, fp))
	}
	// Rounds of the pulse past their closing day are sealed first, by the real clock, as
	// the page does before its download, so that the file counts their answers.
	if _, err := db.SealPulseRounds(ctx, today); err != nil {
		return err
	}
	res, err := compare.Compute(ctx, db, gaps.From(db), code, tree.PCNsOf(code), today, time.Time{})
	if err != nil {
		return err
	}
	roles, err := db.Roles(ctx)
	if err != nil {
		return err
	}
	return report.WriteComparison(a.stdout, format, res, roles)
}
