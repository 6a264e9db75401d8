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
	maybeMoney("entitlement_gbp", funding.AreaYear.KnownEntitlement),
	maybeMoney("committed_gbp", funding.AreaYear.KnownCommitted),
	maybeMoney("planned_gbp", func(r funding.AreaYear) *workforce.Pence { return &r.Planned }),
	maybeMoney("headroom_gbp", funding.AreaYear.KnownHeadroom),
	{"estimated_records", str(func(r funding.AreaYear) string { return strconv.Itoa(r.Estimated) }), func(r funding.AreaYear) any { return r.Estimated }},
	{"uncosted_records", str(func(r funding.AreaYear) string { return strconv.Itoa(r.Uncosted) }), func(r funding.AreaYear) any { return r.Uncosted }},
	{"staff_data_from", str(partialFrom), func(r funding.AreaYear) any { return partialFrom(r) }},
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
// area for the year, sorted by code, pounds with 2 decimals exact to the penny. What
// is not known is empty (null in JSON), never 0: committed and headroom in a year
// that starts before the staff data, the practice GP scheme's entitlement and
// headroom with no rate or no practice's list; other money has no headroom.
func WriteFunding(w io.Writer, f Format, rows []funding.AreaYear) error {
	return write(w, f, fundingColumns, rows)
}
