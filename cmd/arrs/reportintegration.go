package main

import (
	"context"
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// reportIntegration writes the integration report (PLANNING.md, "Integration
// report"): one row per area of --level, by code, with its ARRS staff in post on the
// as-of date (--as-of, else the latest census) and the count of each warning, links,
// appraisals and the three-month rule judged today, as the pages count them
// (integrationreport.Rows), and the answers to its PCNs' latest closed rounds of the
// pulse. A count no PCN of the area keeps the records of is an empty cell. It takes
// no --at: the warnings are of today, not of a day in the plan.
func (a *app) reportIntegration(ctx context.Context, args []string) error {
	fs := newFlags("report integration")
	level := fs.String("level", "england", "england, region, icb or pcn")
	asOfText := fs.String("as-of", "", "date YYYY-MM-DD the staff data describes (default: the latest census date)")
	formats := []report.Format{report.CSV, report.Table, report.JSON, report.XLSX}
	format := fs.String("format", "csv", report.FormatList(formats...))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, ok := workforce.ParseLevel(*level)
	if !ok {
		return fmt.Errorf("--level must be england, region, icb or pcn, not %q", *level)
	}
	f, err := report.ParseFormat(*format, formats...)
	if err != nil {
		return err
	}
	today := workforce.Today(time.Now())
	asOf, err := parseAsOf(*asOfText, today)
	if err != nil {
		return err
	}
	return a.writeIntegration(ctx, l, asOf, today, f)
}

// writeIntegration opens the database, resolves the as-of date and writes the rows.
func (a *app) writeIntegration(ctx context.Context, level workforce.Level, asOf, today time.Time, f report.Format) error {
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if asOf, err = orLatestCensus(ctx, db, asOf); err != nil {
		return err
	}
	// Rounds of the pulse past their closing day are sealed first, by the real clock,
	// so that their answers count (the report itself writes nothing).
	if _, err := db.SealPulseRounds(ctx, today); err != nil {
		return err
	}
	rows, err := integrationreport.Rows(ctx, db, level, asOf, today)
	if err != nil {
		return err
	}
	a.noteIntegration(rows, asOf, today)
	if f == report.XLSX {
		return report.WriteIntegrationFile(a.stdout, f, rows)
	}
	return report.WriteIntegration(a.stdout, f, rows)
}

// noteIntegration says on standard error what the report stands on: the two days, and
// how many PCNs keep no records, whose counts are no data rather than 0.
func (a *app) noteIntegration(rows []integrationreport.Row, asOf, today time.Time) {
	fmt.Fprintf(a.stderr, "arrs: ARRS staff in post on %s (staff data); supervision links, appraisals and the three-month rule judged on %s\n",
		asOf.Format(workforce.DateLayout), today.Format(workforce.DateLayout))
	var all integration.Counts
	for _, r := range rows {
		all.Add(r.Counts)
	}
	if all.NoRecordPCNs > 0 || all.NoSupervisionPCNs > 0 {
		fmt.Fprintf(a.stderr, "arrs: of %d PCNs, %d keep no integration records and %d record no supervision: their counts are no data (empty), not 0\n",
			all.PCNs, all.NoRecordPCNs, all.NoSupervisionPCNs)
	}
}
