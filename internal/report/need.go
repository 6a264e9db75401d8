package report

import (
	"bytes"
	"io"
	"math"
	"strconv"

	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The need report (PLANNING.md, "Need report"): one row per area, sorted by code.
// registered_patients is a count of patients, written whole; need_population and the
// FTE columns 2 decimals in CSV (1 in the table); the ratio and its limits 4 decimals
// in both, since a ratio near 1 needs more than 2 to tell PCNs apart. A figure the
// data cannot give (observed and expected before the data start; the ratio, limits
// and flag of an area with no expected FTE) is an empty cell, "no data" in the table
// and null in JSON, never 0.

// ratioPlaces is the decimals of the ratio and its limits, in CSV and the table.
const ratioPlaces = 4

// needKnown reports whether observed and expected FTE are known on the row's day.
func needKnown(r needreport.Row) bool { return r.Known }

// needHasRatio reports whether the row has a ratio, its limits and its flag.
func needHasRatio(r needreport.Row) bool { return r.Known && r.HasRatio }

// needFTE is a column of FTE, or of need in patients: places as the report asks (2
// for CSV, 1 for the table), 6 in JSON; empty when has is false.
func needFTE(name string, get func(needreport.Row) float64, has func(needreport.Row) bool) column[needreport.Row] {
	return column[needreport.Row]{
		name: name,
		text: func(r needreport.Row, places int) string {
			if !has(r) {
				return noData(places)
			}
			return workforce.FormatFTE(get(r), places)
		},
		value: func(r needreport.Row) any {
			if !has(r) {
				return nil
			}
			return workforce.Round(get(r), 6)
		},
	}
}

// needRatio is a column of the ratio or one of its limits: 4 decimals in CSV and the
// table, 6 in JSON; empty when the row has no ratio.
func needRatio(name string, get func(needreport.Row) float64) column[needreport.Row] {
	return column[needreport.Row]{
		name: name,
		text: func(r needreport.Row, places int) string {
			if !needHasRatio(r) {
				return noData(places)
			}
			return workforce.FormatFTE(get(r), ratioPlaces)
		},
		value: func(r needreport.Row) any {
			if !needHasRatio(r) {
				return nil
			}
			return workforce.Round(get(r), 6)
		},
	}
}

// registered is a count of patients, whole (an area's sum of lists is whole).
func registered(r needreport.Row) int64 { return int64(math.Round(r.Registered)) }

func always(needreport.Row) bool { return true }

var needColumns = []column[needreport.Row]{
	{"level", str(func(r needreport.Row) string { return string(r.Level) }), func(r needreport.Row) any { return string(r.Level) }},
	{"code", str(func(r needreport.Row) string { return r.Code }), func(r needreport.Row) any { return r.Code }},
	{"name", str(func(r needreport.Row) string { return r.Name }), func(r needreport.Row) any { return r.Name }},
	{"registered_patients", str(func(r needreport.Row) string { return strconv.FormatInt(registered(r), 10) }),
		func(r needreport.Row) any { return registered(r) }},
	needFTE("need_population", func(r needreport.Row) float64 { return r.Need }, always),
	{"denominator", str(func(r needreport.Row) string { return string(r.Denominator) }), func(r needreport.Row) any { return string(r.Denominator) }},
	needFTE("observed_fte", func(r needreport.Row) float64 { return r.Observed }, needKnown),
	needFTE("expected_fte", func(r needreport.Row) float64 { return r.Expected }, needKnown),
	needRatio("ratio", func(r needreport.Row) float64 { return r.Ratio }),
	needRatio("lower_95", func(r needreport.Row) float64 { return r.Limits.Lower95 }),
	needRatio("upper_95", func(r needreport.Row) float64 { return r.Limits.Upper95 }),
	needRatio("lower_998", func(r needreport.Row) float64 { return r.Limits.Lower998 }),
	needRatio("upper_998", func(r needreport.Row) float64 { return r.Limits.Upper998 }),
	{"outside_998", func(r needreport.Row, places int) string {
		switch {
		case !needHasRatio(r):
			return noData(places)
		case r.Outside998:
			return "1"
		}
		return "0"
	}, func(r needreport.Row) any {
		if !needHasRatio(r) {
			return nil
		}
		return r.Outside998
	}},
}

// NeedHeader is the need report's columns, in order.
func NeedHeader() []string {
	out := make([]string, len(needColumns))
	for i, c := range needColumns {
		out[i] = c.name
	}
	return out
}

// WriteNeed writes the need report (PLANNING.md, "Need report") as CSV, the table or
// JSON: level,code,name,registered_patients,need_population,denominator,observed_fte,
// expected_fte,ratio,lower_95,upper_95,lower_998,upper_998,outside_998, one line per
// row in the order given (needreport.Report.Rows gives them by code).
func WriteNeed(w io.Writer, f Format, rows []needreport.Row) error {
	return write(w, f, needColumns, rows)
}

// needSheet is the need report's workbook: level, code, name and denominator are text.
var needSheet = sheet{name: "Need", text: map[string]bool{"level": true, "code": true, "name": true, "denominator": true}}

// WriteNeedFile writes the need report as the pages' download (/need.csv, /need.xlsx)
// and `arrs report need --format xlsx`: the CSV of WriteNeed with codes and names
// escaped against formula injection, or its cells as XLSX. f is CSV or XLSX.
func WriteNeedFile(w io.Writer, f Format, rows []needreport.Row) error {
	escaped := make([]needreport.Row, len(rows))
	for i, r := range rows {
		r.Name, r.Code = escapeFormula(r.Name), escapeFormula(r.Code)
		escaped[i] = r
	}
	var csvData bytes.Buffer
	if err := WriteNeed(&csvData, CSV, escaped); err != nil {
		return err
	}
	return needSheet.write(w, f, csvData.Bytes())
}
