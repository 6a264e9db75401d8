package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// pcnYearFlags are the flags of the reports of one PCN's year (claims, cash flow):
// --pcn CODE, --year (default: the financial year containing today) and --format
// (csv, table, json, or xlsx as the page downloads it).
type pcnYearFlags struct {
	code   string
	year   workforce.FinancialYear
	format report.Format
}

// parsePCNYearFlags parses them, and the report's own (extra). readYear reads --year
// when given (nil: any financial year, yearFlag).
func parsePCNYearFlags(name string, args []string, today time.Time, extra func(*flag.FlagSet),
	readYear func(string) (workforce.FinancialYear, error)) (pcnYearFlags, error) {
	var f pcnYearFlags
	fs := newFlags(name)
	fs.StringVar(&f.code, "pcn", "", "PCN code")
	yearText := fs.String("year", "", "financial year, e.g. 2026/27 (default: this year)")
	format := fs.String("format", "csv", "csv, table, json or xlsx")
	if extra != nil {
		extra(fs)
	}
	if err := parseFlags(fs, args); err != nil {
		return f, err
	}
	if f.code = strings.ToUpper(strings.TrimSpace(f.code)); f.code == "" {
		return f, fmt.Errorf("%w: %s needs --pcn CODE", errUsage, name)
	}
	var err error
	switch {
	case *yearText == "" || readYear == nil:
		f.year, err = yearFlag(*yearText, today)
	default:
		f.year, err = readYear(*yearText)
	}
	if err != nil {
		return f, err
	}
	if f.format, err = report.ParseFormat(*format, report.CSV, report.Table, report.JSON, report.XLSX); err != nil {
		return f, err
	}
	return f, nil
}

// pcnYear works out one PCN's year for a report of it as its pages do: as of
// funding.AsOf, with the request's lag and uplift.
func (a *app) pcnYear(ctx context.Context, f pcnYearFlags, today time.Time, req funding.Request) (funding.PCNYear, error) {
	db, err := a.open(ctx)
	if err != nil {
		return funding.PCNYear{}, err
	}
	defer db.Close()
	p, err := pcnOf(ctx, db, f.code)
	if err != nil {
		return funding.PCNYear{}, err
	}
	if req.AsOf, _, err = funding.AsOf(ctx, db, today); err != nil {
		return funding.PCNYear{}, err
	}
	req.PCNs, req.Years = []workforce.PCN{p}, []workforce.FinancialYear{f.year}
	res, err := funding.Compute(ctx, db, req)
	if err != nil {
		return funding.PCNYear{}, err
	}
	y, _ := res.For(p.Code, f.year)
	return y, nil
}

// writeRows writes a report's rows: as the page's download (file) for CSV and XLSX,
// else as a table or JSON (plain).
func writeRows[T any](w io.Writer, f report.Format, rows []T, file, plain func(io.Writer, report.Format, []T) error) error {
	if f == report.CSV || f == report.XLSX {
		return file(w, f, rows)
	}
	return plain(w, f, rows)
}

// reportClaims writes a PCN's monthly claim schedule of one financial year as the
// funding page's download (CSV or XLSX; or a table or JSON), worked out as of
// funding.AsOf: a row per staff record per month it claims for, on the ARRS or the
// practice GP scheme, with its stream and reimbursement share (funding.PCNYear.Claims).
func (a *app) reportClaims(ctx context.Context, args []string) error {
	today := workforce.Today(time.Now())
	f, err := parsePCNYearFlags("report claims", args, today, nil, nil)
	if err != nil {
		return err
	}
	y, err := a.pcnYear(ctx, f, today, funding.Request{})
	if err != nil {
		return err
	}
	return writeRows(a.stdout, f.format, y.Claims(), report.WriteClaimsFile, report.WriteClaims)
}
