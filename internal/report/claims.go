package report

import (
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// pounds writes an amount that may be unknown: pounds with 2 decimals, or empty.
func pounds(p *workforce.Pence) string {
	if p == nil {
		return ""
	}
	return p.Decimal()
}

// poundsValue is pounds for JSON: a number, or null.
func poundsValue(p *workforce.Pence) any {
	if p == nil {
		return nil
	}
	return p.Pounds()
}

var claimColumns = []column[funding.Claim]{
	{"pcn_code", str(func(r funding.Claim) string { return r.PCN }), func(r funding.Claim) any { return r.PCN }},
	{"staff_record", str(func(r funding.Claim) string { return r.Staff }), func(r funding.Claim) any { return r.Staff }},
	{"role_code", str(func(r funding.Claim) string { return r.Role }), func(r funding.Claim) any { return r.Role }},
	{"stream", str(func(r funding.Claim) string { return r.Stream }), func(r funding.Claim) any { return r.Stream }},
	{"month", str(func(r funding.Claim) string { return r.Month.Format("2006-01") }), func(r funding.Claim) any { return r.Month.Format("2006-01") }},
	{"fte", func(r funding.Claim, places int) string { return workforce.FormatFTE(r.FTE, places) },
		func(r funding.Claim) any { return workforce.Round(r.FTE, 6) }},
	{"annual_cost_gbp", str(func(r funding.Claim) string { return pounds(r.AnnualCostPence) }),
		func(r funding.Claim) any { return poundsValue(r.AnnualCostPence) }},
	{"cap_gbp", str(func(r funding.Claim) string { return pounds(r.CapPence) }), func(r funding.Claim) any { return poundsValue(r.CapPence) }},
	{"share", str(func(r funding.Claim) string { return strconv.FormatFloat(r.Share, 'f', -1, 64) }),
		func(r funding.Claim) any { return r.Share }},
	{"claimable_gbp", str(func(r funding.Claim) string { return pounds(r.ClaimablePence) }),
		func(r funding.Claim) any { return poundsValue(r.ClaimablePence) }},
	{"flag", str(func(r funding.Claim) string { return r.Flag }), func(r funding.Claim) any { return r.Flag }},
}

// WriteClaims writes a claim schedule (PLANNING.md, "Claims report": pcn_code,
// staff_record, role_code, stream, month, fte, annual_cost_gbp, cap_gbp, share,
// claimable_gbp, flag): money in pounds with 2 decimals, exact to the penny, FTE with 2
// (6 in JSON), an unknown amount empty. Text cells are written as given: a caller
// offering the file for download escapes them first.
func WriteClaims(w io.Writer, f Format, rows []funding.Claim) error {
	return write(w, f, claimColumns, rows)
}
