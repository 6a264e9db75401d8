package main

import (
	"context"
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// reportFunding writes the funding report (PLANNING.md, "Command line"): one row per
// area of --level for --year, the sum of its PCNs' figures as their funding pages
// work them out (funding.Compute as of funding.AsOf), to the penny.
func (a *app) reportFunding(ctx context.Context, args []string) error {
	fs := newFlags("report funding")
	level := fs.String("level", "england", "england, region, icb or pcn")
	yearText := fs.String("year", "", "financial year, e.g. 2026/27 (default: this year)")
	stream := fs.String("stream", funding.StreamARRS, "funding stream: arrs")
	drafts := fs.Bool("drafts", false, "count each PCN's draft plan instead of its current plan")
	format := fs.String("format", "csv", "csv, table or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, ok := workforce.ParseLevel(*level)
	if !ok {
		return fmt.Errorf("--level must be england, region, icb or pcn, not %q", *level)
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		return err
	}
	today := workforce.Today(time.Now())
	year, err := yearFlag(*yearText, today)
	if err != nil {
		return err
	}
	switch {
	case *stream != funding.StreamARRS:
		return fmt.Errorf("--stream %q: only arrs is worked out so far (practice_gp and other are not yet)", *stream)
	}
	return a.writeFunding(ctx, l, year, today, *drafts, f)
}

// writeFunding computes every PCN's year and writes the rows of the level.
func (a *app) writeFunding(ctx context.Context, l workforce.Level, year workforce.FinancialYear, today time.Time, drafts bool, f report.Format) error {
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	// ICBs change on 1 April, the first day of a financial year: the year's structure
	// is that of its first day.
	tree, err := db.TreeOn(ctx, year.Start())
	if err != nil {
		return err
	}
	asOf, _, err := funding.AsOf(ctx, db, today)
	if err != nil {
		return err
	}
	res, err := funding.Compute(ctx, db, funding.Request{PCNs: tree.PCNs, Years: []workforce.FinancialYear{year}, AsOf: asOf, Drafts: drafts})
	if err != nil {
		return err
	}
	return report.WriteFunding(a.stdout, f, funding.Areas(res, tree, l, year))
}

// yearFlag reads --year, the financial year containing today when not given.
func yearFlag(text string, today time.Time) (workforce.FinancialYear, error) {
	if text == "" {
		return workforce.FinancialYearOf(today), nil
	}
	y, err := workforce.ParseFinancialYear(text)
	if err != nil {
		return 0, fmt.Errorf("--year must be a financial year such as 2026/27, not %q", text)
	}
	return y, nil
}
