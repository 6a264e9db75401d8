package report

import (
	"io"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// ClaimRow is one line of a PCN's monthly claim schedule: one staff record in one
// month it is in post (PLANNING.md, "Funding").
type ClaimRow struct {
	Staff string // what names the record on a claim: NWRS identifier, else the record number
	Role  string // the ARRS role code
	Month time.Time
	FTE   float64
	// ActualCostPence is the month's cost at the record's annual cost, uncapped; nil
	// when no annual cost is recorded (the claim then assumes the cap).
	ActualCostPence *workforce.Pence
	ClaimablePence  workforce.Pence
}

var claimColumns = []column[ClaimRow]{
	{"staff", str(func(r ClaimRow) string { return r.Staff }), func(r ClaimRow) any { return r.Staff }},
	{"role", str(func(r ClaimRow) string { return r.Role }), func(r ClaimRow) any { return r.Role }},
	{"month", str(func(r ClaimRow) string { return r.Month.Format("2006-01") }), func(r ClaimRow) any { return r.Month.Format("2006-01") }},
	{"fte", func(r ClaimRow, places int) string { return workforce.FormatFTE(r.FTE, places) },
		func(r ClaimRow) any { return workforce.Round(r.FTE, 6) }},
	{"actual_cost_gbp", str(func(r ClaimRow) string {
		if r.ActualCostPence == nil {
			return ""
		}
		return r.ActualCostPence.Decimal()
	}), func(r ClaimRow) any {
		if r.ActualCostPence == nil {
			return nil
		}
		return r.ActualCostPence.Pounds()
	}},
	{"claimable_gbp", str(func(r ClaimRow) string { return r.ClaimablePence.Decimal() }),
		func(r ClaimRow) any { return r.ClaimablePence.Pounds() }},
}

// ClaimsHeader is the claim schedule's header row.
const ClaimsHeader = "staff,role,month,fte,actual_cost_gbp,claimable_gbp"

// WriteClaims writes a claim schedule (ClaimsHeader): money in pounds with 2
// decimals, FTE with 2 (6 in JSON), an unknown actual cost empty. Text cells are
// written as given: a caller offering the file for download escapes them first.
func WriteClaims(w io.Writer, f Format, rows []ClaimRow) error {
	return write(w, f, claimColumns, rows)
}
