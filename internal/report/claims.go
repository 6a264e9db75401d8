package report

import (
	"io"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var claimColumns = []column[funding.Claim]{
	{"staff", str(func(r funding.Claim) string { return r.Staff }), func(r funding.Claim) any { return r.Staff }},
	{"role", str(func(r funding.Claim) string { return r.Role }), func(r funding.Claim) any { return r.Role }},
	{"month", str(func(r funding.Claim) string { return r.Month.Format("2006-01") }), func(r funding.Claim) any { return r.Month.Format("2006-01") }},
	{"fte", func(r funding.Claim, places int) string { return workforce.FormatFTE(r.FTE, places) },
		func(r funding.Claim) any { return workforce.Round(r.FTE, 6) }},
	{"actual_cost_gbp", str(func(r funding.Claim) string {
		if r.ActualCostPence == nil {
			return ""
		}
		return r.ActualCostPence.Decimal()
	}), func(r funding.Claim) any {
		if r.ActualCostPence == nil {
			return nil
		}
		return r.ActualCostPence.Pounds()
	}},
	{"claimable_gbp", str(func(r funding.Claim) string { return r.ClaimablePence.Decimal() }),
		func(r funding.Claim) any { return r.ClaimablePence.Pounds() }},
}

// WriteClaims writes a claim schedule (the columns of claimColumns: staff, role, month,
// fte, actual_cost_gbp, claimable_gbp): money in pounds with 2 decimals, FTE with 2 (6
// in JSON), an unknown actual cost empty. Text cells are written as given: a caller
// offering the file for download escapes them first.
func WriteClaims(w io.Writer, f Format, rows []funding.Claim) error {
	return write(w, f, claimColumns, rows)
}
