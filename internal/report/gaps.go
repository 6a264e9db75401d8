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
// half away from zero after clearing binary noise), 6 in JSON.
func fte(name string, get func(GapRow) float64) column[GapRow] {
	return column[GapRow]{
		name:  name,
		text:  func(r GapRow, places int) string { return workforce.FormatFTE(get(r), places) },
		value: func(r GapRow) any { return workforce.Round(get(r), 6) },
	}
}

// FormatPopulation writes a weighted population as a whole number when it is one and
// with up to 3 decimals (the precision the database keeps) when not: 45415, 45415.5.
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
	{"weighted_population", str(func(r GapRow) string { return FormatPopulation(r.WeightedPopulation) }),
		func(r GapRow) any { return workforce.Round(r.WeightedPopulation, 3) }},
	fte("target_fte", func(r GapRow) float64 { return r.TargetFTE }),
	fte("baseline_fte", func(r GapRow) float64 { return r.BaselineFTE }),
	fte("in_post_fte", func(r GapRow) float64 { return r.InPostFTE }),
	fte("projected_fte", func(r GapRow) float64 { return r.ProjectedFTE }),
	fte("additional_fte", func(r GapRow) float64 { return r.AdditionalFTE }),
	fte("gap_fte", func(r GapRow) float64 { return r.GapFTE }),
	fte("shortfall_fte", func(r GapRow) float64 { return r.ShortfallFTE }),
	{"pcns_short", str(func(r GapRow) string { return strconv.Itoa(r.PCNsShort) }), func(r GapRow) any { return r.PCNsShort }},
}

// WriteGaps writes the gap report (PLANNING.md, "Gap report"):
// level,code,name,weighted_population,target_fte,baseline_fte,in_post_fte,projected_fte,
// additional_fte,gap_fte,shortfall_fte,pcns_short.
func WriteGaps(w io.Writer, f Format, rows []GapRow) error {
	return write(w, f, gapColumns, rows)
}
