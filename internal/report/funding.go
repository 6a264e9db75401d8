package report

import (
	"io"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var fundingColumns = []column[funding.AreaYear]{
	{"level", str(func(r funding.AreaYear) string { return string(r.Level) }), func(r funding.AreaYear) any { return string(r.Level) }},
	{"code", str(func(r funding.AreaYear) string { return r.Code }), func(r funding.AreaYear) any { return r.Code }},
	{"name", str(func(r funding.AreaYear) string { return r.Name }), func(r funding.AreaYear) any { return r.Name }},
	{"financial_year", str(func(r funding.AreaYear) string { return r.Year.String() }), func(r funding.AreaYear) any { return r.Year.String() }},
	{"entitlement_gbp", str(func(r funding.AreaYear) string { return r.Entitlement.Decimal() }), func(r funding.AreaYear) any { return r.Entitlement.Pounds() }},
	{"committed_gbp", str(func(r funding.AreaYear) string { return knownPence(r, r.Committed) }), func(r funding.AreaYear) any { return knownPounds(r, r.Committed) }},
	{"planned_gbp", str(func(r funding.AreaYear) string { return r.Planned.Decimal() }), func(r funding.AreaYear) any { return r.Planned.Pounds() }},
	{"headroom_gbp", str(func(r funding.AreaYear) string { return knownPence(r, r.Headroom) }), func(r funding.AreaYear) any { return knownPounds(r, r.Headroom) }},
	{"estimated_records", str(func(r funding.AreaYear) string { return strconv.Itoa(r.Estimated) }), func(r funding.AreaYear) any { return r.Estimated }},
	{"uncosted_records", str(func(r funding.AreaYear) string { return strconv.Itoa(r.Uncosted) }), func(r funding.AreaYear) any { return r.Uncosted }},
	{"staff_data_from", str(partialFrom), func(r funding.AreaYear) any { return partialFrom(r) }},
}

// knownPence is a committed or headroom figure, empty when the year starts before the
// staff data: its earlier months are not known, never £0 (PLANNING.md, "Known and
// unknown").
func knownPence(r funding.AreaYear, p workforce.Pence) string {
	if r.Partial {
		return ""
	}
	return p.Decimal()
}

// knownPounds is knownPence for JSON: null when not known.
func knownPounds(r funding.AreaYear, p workforce.Pence) any {
	if r.Partial {
		return nil
	}
	return p.Pounds()
}

// partialFrom is the census the staff data starts at when the year begins before it
// (committed and headroom are then empty), else empty.
func partialFrom(r funding.AreaYear) string {
	if !r.Partial {
		return ""
	}
	return r.DataStart.Format(time.DateOnly)
}

// WriteFunding writes the funding report (PLANNING.md, "Funding report"): one row per
// area for the year, sorted by code, pounds with 2 decimals exact to the penny.
func WriteFunding(w io.Writer, f Format, rows []funding.AreaYear) error {
	return write(w, f, fundingColumns, rows)
}
