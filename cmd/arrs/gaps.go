package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// reportGaps writes the gap report: one row per area of the level, or the rows of an
// ICB's PCNs (--icb), by code. --format xlsx writes the gaps page's download.
func (a *app) reportGaps(ctx context.Context, args []string) error {
	var target, asOf, icb, denominator string
	var drafts bool
	rf, err := parseReportFlags("report gaps", args, true, func(fs *flag.FlagSet) {
		fs.StringVar(&icb, "icb", "", "ICB code: its PCNs' rows, as its page downloads them (in place of --level)")
		fs.StringVar(&target, "target", "", "target name (default: the default target)")
		fs.StringVar(&asOf, "as-of", "", "date YYYY-MM-DD the staff data describes (default: the latest census date)")
		fs.StringVar(&denominator, need.Param, string(need.List), "what stands in where no weighted population is in force: list (registered list size) or need (need-adjusted population)")
		fs.BoolVar(&drafts, "drafts", false, "count each PCN's latest plan version, drafts too, instead of its current plan (not the official figures)")
	})
	if err != nil {
		return err
	}
	opts := gaps.Options{Target: target, At: rf.at, Today: workforce.Today(time.Now()), Drafts: drafts, Footprints: rf.footprints}
	if opts.Denominator, err = need.ParseDenominator(denominator, need.List); err != nil {
		return fmt.Errorf("--denominator must be list or need, not %q", denominator)
	}
	if asOf != "" {
		if opts.AsOf, err = workforce.ParseDate(asOf); err != nil {
			return fmt.Errorf("--as-of must be a date YYYY-MM-DD, not %q", asOf)
		}
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := gaps.Compute(ctx, db, opts)
	if errors.Is(err, gaps.ErrNoCensus) {
		return errors.New("no workforce imported yet: run arrs import nwrs FILE or arrs seed demo, or give --as-of")
	} else if err != nil {
		return err
	}
	if drafts {
		fmt.Fprintln(a.stderr, "arrs: --drafts counts each PCN's latest plan version, drafts too: these are not the official figures")
	}
	if n := res.ListSizePCNs(); n > 0 {
		fmt.Fprintf(a.stderr, "arrs: %d of %d PCNs have no weighted population in force on %s: their %s stands in\n",
			n, res.England.PCNs, res.AsOf.Format(workforce.DateLayout), res.Denominator.Name())
		if m := res.NeedListPCNs; m > 0 {
			fmt.Fprintf(a.stderr, "arrs: %d of them have no practice with age data on %s: their registered list is their need\n",
				m, res.AsOf.Format(workforce.DateLayout))
		}
	}
	rows := res.Rows(rf.level)
	if icb != "" {
		var ok bool
		code := strings.ToUpper(icb)
		if rows, ok = res.PCNsOfICB(code); !ok {
			if c, known := res.Tree.AnyICB(code); known {
				return errors.New(icbAbsence(c, res.At, rf.footprints))
			}
			return fmt.Errorf("unknown ICB %s", code)
		}
	}
	if rf.format == report.XLSX {
		return report.WriteGapsFile(a.stdout, rf.format, report.GapRows(rows, res.Name))
	}
	return report.WriteGaps(a.stdout, rf.format, report.GapRows(rows, res.Name))
}
