package report

import (
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// GapRow is one line of the gap report: an area's row of planning's gap report with
// the area's name.
type GapRow struct {
	Name string
	planning.Gap
}

// GapRows names the rows of one level of a gap report, keeping their order (by code).
func GapRows(rows []planning.Gap, name func(workforce.Level, string) string) []GapRow {
	out := make([]GapRow, len(rows))
	for i, g := range rows {
		out[i] = GapRow{Name: name(g.Level, g.Code), Gap: g}
	}
	return out
}

// fte is a column of FTE: 2 decimals in CSV, 1 in the table (workforce.FormatFTE rounds
// half away from zero after clearing binary noise), 6 in JSON. A figure the data
// cannot give (unknown reports so) is never written as 0 (PLANNING.md, "Known and
// unknown"): an empty CSV cell, "no data" in the table, null in JSON.
func fte(name string, get func(GapRow) float64, unknown func(planning.Unknown) bool) column[GapRow] {
	return column[GapRow]{
		name: name,
		text: func(r GapRow, places int) string {
			if unknown(r.Unknown) {
				return noData(places)
			}
			return workforce.FormatFTE(get(r), places)
		},
		value: func(r GapRow) any {
			if unknown(r.Unknown) {
				return nil
			}
			return workforce.Round(get(r), 6)
		},
	}
}

// tablePlaces is the decimals the table writes (CSV writes 2): how noData tells them
// apart.
const tablePlaces = 1

// noData is how an unknown figure is written: "no data" in the table, an empty CSV cell.
func noData(places int) string {
	if places == tablePlaces {
		return "no data"
	}
	return ""
}

// Which figures each FTE column needs known.
var (
	known            = func(planning.Unknown) bool { return false }
	inPostUnknown    = func(u planning.Unknown) bool { return u.InPostUnknown }
	baselineUnknown  = func(u planning.Unknown) bool { return u.BaselineUnknown }
	projectedUnknown = func(u planning.Unknown) bool { return u.ProjectedUnknown }
	gapUnknown       = planning.Unknown.GapUnknown
	shortfallUnknown = func(u planning.Unknown) bool { return u.ShortfallUnknown }
	noReturnUnknown  = func(u planning.Unknown) bool { return u.InPostUnknown || u.NationalSeries }
)

// FormatPopulation writes a weighted population as a whole number when it is one and
// with up to 3 decimals (the precision the database keeps) when not: 45415, 45415.5.
// The comparison file writes its populations so; the gap report writes 2 decimals.
func FormatPopulation(w float64) string {
	r := workforce.Round(w, 3)
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

var gapColumns = []column[GapRow]{
	{"level", str(func(r GapRow) string { return string(r.Level) }), func(r GapRow) any { return r.Level }},
	{"code", str(func(r GapRow) string { return r.Code }), func(r GapRow) any { return r.Code }},
	{"name", str(func(r GapRow) string { return r.Name }), func(r GapRow) any { return r.Name }},
	// weighted_population is the w used (an imported weighted population, a registered
	// list or a need-adjusted population standing in): 2 decimals in CSV like every
	// figure, 1 in the table, 3 in JSON (the precision an import keeps).
	{"weighted_population", func(r GapRow, places int) string { return workforce.FormatFTE(r.WeightedPopulation, places) },
		func(r GapRow) any { return workforce.Round(r.WeightedPopulation, 3) }},
	fte("target_fte", func(r GapRow) float64 { return r.TargetFTE }, known),
	fte("baseline_fte", func(r GapRow) float64 { return r.BaselineFTE }, baselineUnknown),
	fte("in_post_fte", func(r GapRow) float64 { return r.InPostFTE }, inPostUnknown),
	fte("projected_fte", func(r GapRow) float64 { return r.ProjectedFTE }, projectedUnknown),
	fte("additional_fte", func(r GapRow) float64 { return r.AdditionalFTE }, gapUnknown),
	fte("gap_fte", func(r GapRow) float64 { return r.GapFTE }, gapUnknown),
	fte("shortfall_fte", func(r GapRow) float64 { return r.ShortfallFTE }, shortfallUnknown),
	{"pcns_short", func(r GapRow, places int) string {
		if r.ShortfallUnknown {
			return noData(places)
		}
		return strconv.Itoa(r.PCNsShort)
	}, func(r GapRow) any {
		if r.ShortfallUnknown {
			return nil
		}
		return r.PCNsShort
	}},
	// no_return extends PLANNING.md's columns (readers find columns by name): the PCNs
	// counted 0 FTE for want of a census return, 1 or 0 on a PCN's row; unknown with
	// the in-post day, or where England's in post is the national series instead.
	{"no_return", func(r GapRow, places int) string {
		if noReturnUnknown(r.Unknown) {
			return noData(places)
		}
		return strconv.Itoa(r.NoReturnPCNs)
	}, func(r GapRow) any {
		if noReturnUnknown(r.Unknown) {
			return nil
		}
		return r.NoReturnPCNs
	}},
}

// WriteGaps writes the gap report (PLANNING.md, "Gap report"):
// level,code,name,weighted_population,target_fte,baseline_fte,in_post_fte,projected_fte,
// additional_fte,gap_fte,shortfall_fte,pcns_short, and no_return (the PCNs of the row
// that made no return for the census, PLANNING.md "No return").
func WriteGaps(w io.Writer, f Format, rows []GapRow) error {
	return write(w, f, gapColumns, rows)
}
