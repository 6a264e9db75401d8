package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// reportNeed writes the need report (PLANNING.md, "Need report"): one row per area of
// --level, by code, with registered patients, need, observed and expected ARRS FTE on
// min(--at, --as-of), the ratio and its funnel limits, as needreport.Compute works
// them out for the pages. --format xlsx writes the page's download (/need.xlsx).
func (a *app) reportNeed(ctx context.Context, args []string) error {
	var asOfText string
	rf, err := parseReportFlags("report need", args, true, func(fs *flag.FlagSet) {
		fs.StringVar(&asOfText, "as-of", "", "date YYYY-MM-DD the staff data describes (default: the latest census date)")
	})
	if err != nil {
		return err
	}
	today := workforce.Today(time.Now())
	asOf, err := parseAsOf(asOfText, today)
	if err != nil {
		return err
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if asOf, err = orLatestCensus(ctx, db, asOf); err != nil {
		return err
	}
	opts := needreport.Options{Level: rf.level, At: rf.at, AsOf: asOf}
	if rf.footprints.IsCurrent() {
		if opts.Tree, err = rf.footprints.Tree(ctx, db, needreport.DayOf(rf.at, asOf, time.Time{}), today); err != nil {
			return err
		}
	}
	rep, err := needreport.Compute(ctx, db, opts)
	if err != nil {
		return err
	}
	if err := a.noteNeed(ctx, db, rep, rf.footprints.IsCurrent()); err != nil {
		return err
	}
	rows := rep.Rows(rf.level)
	if rf.format == report.XLSX {
		return report.WriteNeedFile(a.stdout, rf.format, rows)
	}
	return report.WriteNeed(a.stdout, rf.format, rows)
}

// checkDay refuses a day outside workforce.DescribableDays, naming the flag.
func checkDay(flagName string, d, today time.Time) error {
	first, last := workforce.DescribableDays(today)
	switch {
	case d.Before(first):
		return fmt.Errorf("%s %s is before %s, the first day of the structure of PCNs the planner knows",
			flagName, d.Format(workforce.DateLayout), first.Format(dateLong))
	case d.After(last):
		return fmt.Errorf("%s %s is after %s, the last day of the plan window (this financial year and the next two)",
			flagName, d.Format(workforce.DateLayout), last.Format(dateLong))
	}
	return nil
}

// noteNeed says on standard error what the report stands on: the day, the weights'
// sources, the PCNs whose list stands in for need, and no data before the data start.
func (a *app) noteNeed(ctx context.Context, db *store.DB, rep *needreport.Report, current bool) error {
	day := rep.Day.Format(workforce.DateLayout)
	fmt.Fprintf(a.stderr, "arrs: need-adjusted population and ARRS FTE in post on %s (staff data as of %s)\n", day, rep.AsOf.Format(workforce.DateLayout))
	if current {
		fmt.Fprintf(a.stderr, "arrs: the PCNs of %s summed into today's ICBs\n", day)
	}
	if res := rep.Need; res != nil {
		w := res.Weights
		fmt.Fprintf(a.stderr, "arrs: age-sex weights: %s; deprivation factors: %s\n", sourceName(w.AgeSource), sourceName(w.DepSource))
		if n := res.NoAgeData; n > 0 {
			fmt.Fprintf(a.stderr, "arrs: %d of %d PCNs have no practice with age data on %s: their registered list stands in for need (denominator list)\n",
				n, len(res.PCNs), day)
		}
	}
	if rep.Known {
		return nil
	}
	start, err := db.FirstCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(a.stderr, "arrs: no census is imported: observed and expected FTE are no data (empty)\n")
		return nil
	} else if err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "arrs: %s is before the data start (%s): observed and expected FTE are no data (empty); the census of %s would be needed\n",
		day, start.Format(workforce.DateLayout), planning.CensusNeeded(rep.Day).Format(workforce.DateLayout))
	return nil
}

// sourceName is a need source in a few words: its title (else its citation) and its
// address.
func sourceName(s workforce.NeedSource) string {
	name := s.Title
	if name == "" {
		name = s.Citation
	}
	if name == "" {
		name = "source not recorded"
	}
	if s.URL != "" {
		name += " (" + s.URL + ")"
	}
	return name
}
