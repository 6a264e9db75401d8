package report

import (
	"bytes"
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
)

// The integration report (PLANNING.md, "Integration report"): one row per area, by
// code, with its ARRS staff in post on the as-of date, the count of each warning of
// package integration and the answers to its PCNs' latest closed rounds of the pulse.
// A count the records cannot give (a warning no PCN of the area keeps the records of,
// the answers of an area with no closed round) is an empty cell, "no data" in the
// table and null in JSON, never 0.

// integrationCount is the column of a warning's count, empty when it is not known.
func integrationCount(w integration.Warning) column[integrationreport.Row] {
	return column[integrationreport.Row]{
		name: string(w),
		text: func(r integrationreport.Row, places int) string {
			n, ok := r.Counts.Value(w)
			return countOrNoData(n, ok, places)
		},
		value: func(r integrationreport.Row) any {
			if n, ok := r.Counts.Value(w); ok {
				return n
			}
			return nil
		},
	}
}

// countOrNoData is a count, or no data when it is not known.
func countOrNoData(n int, known bool, places int) string {
	if !known {
		return noData(places)
	}
	return strconv.Itoa(n)
}

// integrationPulse is the column of the answers to the PCNs' latest closed rounds,
// empty where none has closed.
var integrationPulse = column[integrationreport.Row]{
	name: "pulse_responses",
	text: func(r integrationreport.Row, places int) string {
		return countOrNoData(r.PulseResponses, r.PulseKnown, places)
	},
	value: func(r integrationreport.Row) any {
		if !r.PulseKnown {
			return nil
		}
		return r.PulseResponses
	},
}

var integrationColumns = func() []column[integrationreport.Row] {
	cols := []column[integrationreport.Row]{
		{"level", str(func(r integrationreport.Row) string { return string(r.Level) }), func(r integrationreport.Row) any { return string(r.Level) }},
		{"code", str(func(r integrationreport.Row) string { return r.Code }), func(r integrationreport.Row) any { return r.Code }},
		{"name", str(func(r integrationreport.Row) string { return r.Name }), func(r integrationreport.Row) any { return r.Name }},
		{"arrs_staff", str(func(r integrationreport.Row) string { return strconv.Itoa(r.Counts.ARRSStaff) }),
			func(r integrationreport.Row) any { return r.Counts.ARRSStaff }},
	}
	for _, w := range integration.Warnings {
		cols = append(cols, integrationCount(w))
	}
	return append(cols, integrationPulse)
}()

// IntegrationHeader is the integration report's columns, in order.
func IntegrationHeader() []string {
	out := make([]string, len(integrationColumns))
	for i, c := range integrationColumns {
		out[i] = c.name
	}
	return out
}

// WriteIntegration writes the integration report as CSV, the table or JSON:
// level,code,name,arrs_staff,no_supervisor,over_two_practices,appraisal_overdue,
// no_records_access,no_service,pulse_responses, one line per row in the order given
// (integrationreport.Rows gives them by code).
func WriteIntegration(w io.Writer, f Format, rows []integrationreport.Row) error {
	return write(w, f, integrationColumns, rows)
}

// integrationSheet is the integration report's workbook: level, code and name are text.
var integrationSheet = sheet{name: "Integration", text: map[string]bool{"level": true, "code": true, "name": true}}

// WriteIntegrationFile writes the integration report as a download and `arrs report
// integration --format xlsx`: the CSV of WriteIntegration with codes and names escaped
// against formula injection, or its cells as XLSX. f is CSV or XLSX.
func WriteIntegrationFile(w io.Writer, f Format, rows []integrationreport.Row) error {
	escaped := make([]integrationreport.Row, len(rows))
	for i, r := range rows {
		r.Name, r.Code = escapeFormula(r.Name), escapeFormula(r.Code)
		escaped[i] = r
	}
	var csvData bytes.Buffer
	if err := WriteIntegration(&csvData, CSV, escaped); err != nil {
		return err
	}
	return integrationSheet.write(w, f, csvData.Bytes())
}
