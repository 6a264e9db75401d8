package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func (a *app) report(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: report needs workforce, gaps, plan, funding, claims, cashflow, compare, need or integration", errUsage)
	}
	switch args[0] {
	case "workforce":
		return a.reportWorkforce(ctx, args[1:])
	case "gaps":
		return a.reportGaps(ctx, args[1:])
	case "plan":
		return a.reportPlan(ctx, args[1:])
	case "funding":
		return a.reportFunding(ctx, args[1:])
	case "claims":
		return a.reportClaims(ctx, args[1:])
	case "cashflow":
		return a.reportCashflow(ctx, args[1:])
	case "compare":
		return a.reportCompare(ctx, args[1:])
	case "need":
		return a.reportNeed(ctx, args[1:])
	case "integration":
		return a.reportIntegration(ctx, args[1:])
	}
	return fmt.Errorf("%w: unknown report %q", errUsage, args[0])
}

// reportFlags are the flags the reports share.
type reportFlags struct {
	level      workforce.Level
	at         time.Time
	format     report.Format
	footprints gaps.Footprints
}

// parseReportFlags parses a report's flags; a report a page also offers as a file
// (download) takes --format xlsx too.
func parseReportFlags(name string, args []string, download bool, extra func(*flag.FlagSet)) (reportFlags, error) {
	fs := newFlags(name)
	level := fs.String("level", "england", "england, region, icb or pcn")
	at := fs.String("at", "", "date YYYY-MM-DD (default: the latest census date)")
	formats := []report.Format{report.CSV, report.Table, report.JSON}
	if download {
		formats = append(formats, report.XLSX)
	}
	format := fs.String("format", "csv", report.FormatList(formats...))
	footprints := fs.String("footprints", gaps.AsItWas.String(), "as-it-was (the ICBs of the day) or current (today's ICBs)")
	if extra != nil {
		extra(fs)
	}
	var rf reportFlags
	if err := parseFlags(fs, args); err != nil {
		return rf, err
	}
	var err error
	if rf.footprints, err = gaps.ParseFootprints(*footprints); err != nil {
		return rf, fmt.Errorf("--footprints must be as-it-was or current, not %q", *footprints)
	}
	l, ok := workforce.ParseLevel(*level)
	if !ok {
		return rf, fmt.Errorf("--level must be england, region, icb or pcn, not %q", *level)
	}
	rf.level = l
	if rf.format, err = report.ParseFormat(*format, formats...); err != nil {
		return rf, err
	}
	if *at != "" {
		if rf.at, err = workforce.ParseDate(*at); err != nil {
			return rf, fmt.Errorf("--at must be a date YYYY-MM-DD, not %q", *at)
		}
		if err := checkAt(rf.at, workforce.Today(time.Now())); err != nil {
			return rf, err
		}
	}
	return rf, nil
}

func (a *app) reportWorkforce(ctx context.Context, args []string) error {
	rf, err := parseReportFlags("report workforce", args, false, nil)
	if err != nil {
		return err
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if rf.at.IsZero() {
		if rf.at, err = db.LatestCensus(ctx); errors.Is(err, store.ErrNotFound) {
			return errors.New("no workforce imported yet: run arrs import nwrs FILE or arrs seed demo, or give --at")
		} else if err != nil {
			return err
		}
	}
	areas, err := rf.footprints.Areas(ctx, db, rf.at, workforce.Today(time.Now()))
	if err != nil {
		return err
	}
	if rf.footprints.IsCurrent() {
		fmt.Fprintf(a.stderr, "arrs: FTE in post on %s summed into today's ICBs\n", rf.at.Format(workforce.DateLayout))
	}
	start, err := db.FirstCensus(ctx)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if planning.Known(rf.at, start) {
		return report.WriteWorkforce(a.stdout, rf.format, report.WorkforceRows(areas.Level(rf.level)))
	}
	// Before the data start the records describe no one: no data, never 0; England's
	// row takes the national monthly series (PLANNING.md, "Known and unknown").
	var series *workforce.AreaFTE
	if rf.level == workforce.LevelEngland {
		if series, err = nationalEngland(ctx, db, areas.England, rf.at); err != nil {
			return err
		}
	}
	if series != nil {
		fmt.Fprintf(a.stderr, "arrs: %s is before the data start (%s): England's row is NHS England's published national series for %s\n",
			rf.at.Format(workforce.DateLayout), start.Format(workforce.DateLayout), planning.CensusNeeded(rf.at).Format(workforce.DateLayout))
	} else {
		fmt.Fprintf(a.stderr, "arrs: %s is before the data start (%s): no data; the census of %s would be needed\n",
			rf.at.Format(workforce.DateLayout), start.Format(workforce.DateLayout), planning.CensusNeeded(rf.at).Format(workforce.DateLayout))
	}
	return report.WriteWorkforce(a.stdout, rf.format, report.UnknownWorkforceRows(areas.Level(rf.level), series))
}

// nationalEngland is England's workforce on day from the national monthly series, or
// nil when the series lacks the month.
func nationalEngland(ctx context.Context, db *store.DB, england workforce.AreaFTE, day time.Time) (*workforce.AreaFTE, error) {
	points, err := db.NationalSeries(ctx)
	if err != nil {
		return nil, err
	}
	mapping, err := db.NWRSRoleMap(ctx)
	if err != nil {
		return nil, err
	}
	e, ok := report.NationalEngland(england, points, planning.CensusNeeded(day), mapping)
	if !ok {
		return nil, nil
	}
	return &e, nil
}

// parseAsOf reads an --as-of flag: zero when it is not given (the latest census, once
// the database is open: orLatestCensus), else a date no later than today.
func parseAsOf(text string, today time.Time) (time.Time, error) {
	if text == "" {
		return time.Time{}, nil
	}
	asOf, err := workforce.ParseDate(text)
	if err != nil {
		return time.Time{}, fmt.Errorf("--as-of must be a date YYYY-MM-DD, not %q", text)
	}
	return asOf, checkDay("--as-of", asOf, today)
}

// orLatestCensus is asOf, or the latest census's day when asOf is zero (a one-line
// reason before any import).
func orLatestCensus(ctx context.Context, db *store.DB, asOf time.Time) (time.Time, error) {
	if !asOf.IsZero() {
		return asOf, nil
	}
	asOf, err := db.LatestCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return asOf, errors.New("no workforce imported yet: run arrs import nwrs FILE or arrs seed demo, or give --as-of")
	}
	return asOf, err
}
