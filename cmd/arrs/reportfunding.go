package main

import (
	"context"
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
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
	stream := fs.String("stream", funding.StreamARRS, "funding stream: arrs, practice_gp or other")
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
	st, ok := workforce.ParseStream(*stream)
	if !ok {
		return fmt.Errorf("--stream must be arrs, practice_gp or other, not %q", *stream)
	}
	return a.writeFunding(ctx, fundingQuery{level: l, year: year, stream: st, drafts: *drafts}, today, f)
}

// fundingQuery is what `arrs report funding` is asked for.
type fundingQuery struct {
	level  workforce.Level
	year   workforce.FinancialYear
	stream workforce.Stream
	drafts bool
}

// writeFunding computes every PCN's year and writes the rows of the level.
func (a *app) writeFunding(ctx context.Context, q fundingQuery, today time.Time, f report.Format) error {
	year := q.year
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
	res, err := funding.Compute(ctx, db, funding.Request{PCNs: tree.PCNs, Years: []workforce.FinancialYear{year}, AsOf: asOf, Drafts: q.drafts,
		AllPractices: q.stream == workforce.StreamPracticeGP})
	if err != nil {
		return err
	}
	rows := funding.Areas(res, tree, q.level, year, q.stream)
	if q.stream == workforce.StreamPracticeGP {
		a.notePracticeGP(res, year, rows)
	}
	return report.WriteFunding(a.stdout, f, rows)
}

// notePracticeGP says on standard error what the practice GP scheme's figures stand
// on: the registered list for the adjusted population, a rate of an earlier year, the
// practices left out for want of a list.
func (a *app) notePracticeGP(res *funding.Result, year workforce.FinancialYear, rows []funding.AreaYear) {
	pounds, from, known := res.PracticeGPRate(year)
	switch {
	case !known:
		fmt.Fprintf(a.stderr, "arrs: no practice GP scheme rate is held for %s or before: entitlements and headroom are not known (empty)\n", year)
	case from != year:
		fmt.Fprintf(a.stderr, "arrs: no practice GP scheme rate is held for %s: %s's £%v stands in\n", year, from, pounds)
	}
	fmt.Fprintln(a.stderr, "arrs: each practice's registered list on 1 January before the year stands in for its adjusted population")
	noList := 0
	for _, r := range rows {
		noList += r.NoList
	}
	if noList > 0 && known {
		fmt.Fprintf(a.stderr, "arrs: entitlements are excluding %d %s with no registered list\n", noList, planning.Agree(noList, "practice", "practices"))
	}
}

// yearFlag reads --year, the financial year containing today when not given.
func yearFlag(text string, today time.Time) (workforce.FinancialYear, error) {
	if text == "" {
		return workforce.FinancialYearOf(today), nil
	}
	y, err := workforce.ParseFinancialYear(text)
	if err != nil {
		return 0, fmt.Errorf("--year must be a financial year such as 2025/26 or 2026/27, not %q", text)
	}
	return y, nil
}
