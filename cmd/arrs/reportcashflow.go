package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// reportCashflow writes a PCN's cash month by month for a financial year (PLANNING.md,
// "Cash flow", "Cash-flow report"): its ARRS claims earned and received (after the
// ICB's payment lag, or --lag), the staff costs paid, the net flow and the cash
// position from 0 on 1 April, as the cash flow page works them out. An optional
// backdated pay award: --uplift PCT (0–20, at most 2 decimal places) confirmed in
// --uplift-month YYYY-MM (a month of the year). The flags are read as the page reads
// its address (funding.ParseYear, ParseLag, ParseUplift, ParseMonth). A figure of a
// month before the staff data is an empty cell, as the page's "not known"
// (funding.CashKnown). Standard error names the low point, or says it is not known.
func (a *app) reportCashflow(ctx context.Context, args []string) error {
	today := workforce.Today(time.Now())
	var lagText, upliftText, monthText string
	f, err := parsePCNYearFlags("report cashflow", args, today, func(fs *flag.FlagSet) {
		fs.StringVar(&lagText, "lag", "", "months between a claim and its payment, 0–6 (default: the ICB's)")
		fs.StringVar(&upliftText, "uplift", "", "a backdated pay award in percent, e.g. 3.3 (optional)")
		fs.StringVar(&monthText, "uplift-month", "", "the month the award is paid, YYYY-MM, with its arrears (with --uplift)")
	}, cashFlowYear(today))
	if err != nil {
		return err
	}
	var req funding.Request
	if req.Lag, err = lagFlag(lagText); err != nil {
		return err
	}
	if req.Uplift, err = upliftFlags(upliftText, monthText, f.year); err != nil {
		return err
	}
	y, err := a.pcnYear(ctx, f, today, req)
	if err != nil {
		return err
	}
	a.noteCashFlow(y)
	return writeRows(a.stdout, f.format, report.CashFlowRows(y), report.WriteCashFlowFile, report.WriteCashFlow)
}

// firstCashFlowYear is the first financial year of the ARRS (2019/20): a cash flow
// before it has nothing to show.
const firstCashFlowYear workforce.FinancialYear = 2019

// cashFlowYear reads --year (funding.ParseYear, as the page reads ?year=): from the
// ARRS's first year to the last of the plan's window (funding.Years: this year and the
// next two).
func cashFlowYear(today time.Time) func(string) (workforce.FinancialYear, error) {
	years := funding.Years(today)
	return func(text string) (workforce.FinancialYear, error) {
		y, err := funding.ParseYear(text, firstCashFlowYear, years[len(years)-1])
		if err != nil {
			return 0, fmt.Errorf("--year %w", err)
		}
		return y, nil
	}
}

// lagFlag reads --lag (funding.ParseLag): nil (the ICB's) when not given.
func lagFlag(text string) (*int, error) {
	if text == "" {
		return nil, nil
	}
	n, err := funding.ParseLag(text)
	if err != nil {
		return nil, fmt.Errorf("--lag %w", err)
	}
	return &n, nil
}

// upliftFlags reads --uplift and --uplift-month, both or neither (funding.ParseUplift
// and ParseMonth, as the page reads them): the award in percent, paid in a month of
// the year.
func upliftFlags(pct, month string, year workforce.FinancialYear) (*planning.Uplift, error) {
	switch {
	case pct == "" && month == "":
		return nil, nil
	case pct == "" || month == "":
		return nil, errors.New("--uplift and --uplift-month go together: the award in percent, and the month it is paid")
	}
	p, err := funding.ParseUplift(pct)
	if err != nil {
		return nil, fmt.Errorf("--uplift %w", err)
	}
	months := year.MonthStarts()
	m, err := funding.ParseMonth(month, months[0], months[11])
	if err != nil {
		return nil, fmt.Errorf("--uplift-month %w", err)
	}
	_, u := funding.UpliftIn(p, m)
	return &u, nil
}

// noteCashFlow says on standard error what the cash flow stands on: its lag, its low
// point (not known when some month is), the lines left out, and the census the staff
// data start at when a month before it leaves cells empty.
func (a *app) noteCashFlow(y funding.PCNYear) {
	c, k := y.CashFlow, y.CashKnown()
	lag := planning.Agree(c.Lag, "1 month", strconv.Itoa(c.Lag)+" months")
	if k.All() {
		low := c.Months[c.Low]
		fmt.Fprintf(a.stderr, "arrs: %s %s, claims paid %s after the month earned: lowest cash position %s at the end of %s\n",
			y.PCN, y.Year.Year, lag, low.Position.Decimal(), low.Month.Format("2006-01"))
	} else {
		fmt.Fprintf(a.stderr, "arrs: %s %s, claims paid %s after the month earned: the staff data start at the census of %s; "+
			"the claims and costs of the months before it are not known (empty cells), nor the cash positions and the lowest\n",
			y.PCN, y.Year.Year, lag, y.DataStart.Format(time.DateOnly))
	}
	if c.Excluded > 0 {
		fmt.Fprintf(a.stderr, "arrs: excluding %d %s with neither a cost nor a cap\n", c.Excluded, planning.Agree(c.Excluded, "line", "lines"))
	}
}
