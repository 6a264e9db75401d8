package report

import (
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/funding"
)

var fundingColumns = []column[funding.AreaYear]{
	{"level", str(func(r funding.AreaYear) string { return string(r.Level) }), func(r funding.AreaYear) any { return string(r.Level) }},
	{"code", str(func(r funding.AreaYear) string { return r.Code }), func(r funding.AreaYear) any { return r.Code }},
	{"name", str(func(r funding.AreaYear) string { return r.Name }), func(r funding.AreaYear) any { return r.Name }},
	{"financial_year", str(func(r funding.AreaYear) string { return r.Year.String() }), func(r funding.AreaYear) any { return r.Year.String() }},
	{"entitlement_gbp", str(func(r funding.AreaYear) string { return r.Entitlement.Decimal() }), func(r funding.AreaYear) any { return r.Entitlement.Pounds() }},
	{"committed_gbp", str(func(r funding.AreaYear) string { return r.Committed.Decimal() }), func(r funding.AreaYear) any { return r.Committed.Pounds() }},
	{"planned_gbp", str(func(r funding.AreaYear) string { return r.Planned.Decimal() }), func(r funding.AreaYear) any { return r.Planned.Pounds() }},
	{"headroom_gbp", str(func(r funding.AreaYear) string { return r.Headroom.Decimal() }), func(r funding.AreaYear) any { return r.Headroom.Pounds() }},
	{"estimated_records", str(func(r funding.AreaYear) string { return strconv.Itoa(r.Estimated) }), func(r funding.AreaYear) any { return r.Estimated }},
	{"uncosted_records", str(func(r funding.AreaYear) string { return strconv.Itoa(r.Uncosted) }), func(r funding.AreaYear) any { return r.Uncosted }},
}

// WriteFunding writes the funding report (PLANNING.md, "Funding report"): one row per
// area for the year, sorted by code, pounds with 2 decimals exact to the penny.
func WriteFunding(w io.Writer, f Format, rows []funding.AreaYear) error {
	return write(w, f, fundingColumns, rows)
}
