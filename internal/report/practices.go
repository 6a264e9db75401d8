package report

import (
	"bytes"
	"io"
	"strconv"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// maybeMoney is a column of pounds that may be unknown (empty; null in JSON).
func maybeMoney[T any](name string, get func(T) *workforce.Pence) column[T] {
	return column[T]{name, str(func(r T) string { return pounds(get(r)) }), func(r T) any { return poundsValue(get(r)) }}
}

var practiceColumns = []column[funding.PracticeRow]{
	{"pcn_code", str(func(r funding.PracticeRow) string { return r.PCN }), func(r funding.PracticeRow) any { return r.PCN }},
	{"practice_code", str(func(r funding.PracticeRow) string { return r.Code }), func(r funding.PracticeRow) any { return r.Code }},
	{"practice_name", str(func(r funding.PracticeRow) string { return r.Name }), func(r funding.PracticeRow) any { return r.Name }},
	{"financial_year", str(func(r funding.PracticeRow) string { return r.Year.String() }), func(r funding.PracticeRow) any { return r.Year.String() }},
	{"basis", str(func(r funding.PracticeRow) string { return r.Basis }), func(r funding.PracticeRow) any { return r.Basis }},
	{"share_percent", str(percent), func(r funding.PracticeRow) any { return percentValue(r) }},
	{"list_size", str(listSize), func(r funding.PracticeRow) any { return orNil(r.List) }},
	maybeMoney("costs_gbp", func(r funding.PracticeRow) *workforce.Pence { return r.CostsPence }),
	maybeMoney("reimbursed_gbp", func(r funding.PracticeRow) *workforce.Pence { return r.ReimbursedPence }),
	maybeMoney("net_gbp", func(r funding.PracticeRow) *workforce.Pence { return r.NetPence }),
	maybeMoney("practice_gp_entitlement_gbp", func(r funding.PracticeRow) *workforce.Pence { return r.PracticeGPEntitlementPence }),
	maybeMoney("practice_gp_committed_gbp", func(r funding.PracticeRow) *workforce.Pence { return r.PracticeGPCommittedPence }),
}

// orNil is a value that may be unknown, for JSON: the value, or null.
func orNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func listSize(r funding.PracticeRow) string {
	if r.List == nil {
		return ""
	}
	return strconv.Itoa(*r.List)
}

// percent is the practice's share with up to 4 decimals, as agreed percentages are
// kept; empty when there is no split.
func percent(r funding.PracticeRow) string {
	if r.Percent == nil {
		return ""
	}
	return strconv.FormatFloat(workforce.Round(*r.Percent, 4), 'f', -1, 64)
}

func percentValue(r funding.PracticeRow) any {
	if r.Percent == nil {
		return nil
	}
	return workforce.Round(*r.Percent, 4)
}

// WritePractices writes how a PCN's costs and reimbursements divide between its member
// practices, one row per practice per year (funding.PCNYear.PracticeRows): pcn_code,
// practice_code, practice_name, financial_year, basis (list or agreed), share_percent,
// list_size, costs_gbp, reimbursed_gbp, net_gbp (costs − reimbursed),
// practice_gp_entitlement_gbp, practice_gp_committed_gbp. An unknown value is empty
// (null in JSON).
func WritePractices(w io.Writer, f Format, rows []funding.PracticeRow) error {
	return write(w, f, practiceColumns, rows)
}

// practiceSheet is the practices' workbook: codes, names and the basis are text.
var practiceSheet = sheet{name: "Practices", text: map[string]bool{"pcn_code": true, "financial_year": true, "practice_code": true,
	"practice_name": true, "basis": true}}

// WritePracticesFile writes the practices' rows as the funding page's download: the
// CSV of WritePractices, or its cells as XLSX; codes and names escaped against formula
// injection.
func WritePracticesFile(w io.Writer, f Format, rows []funding.PracticeRow) error {
	escaped := make([]funding.PracticeRow, len(rows))
	for i, r := range rows {
		r.Code, r.Name = escapeFormula(r.Code), escapeFormula(r.Name)
		escaped[i] = r
	}
	var csvData bytes.Buffer
	if err := WritePractices(&csvData, CSV, escaped); err != nil {
		return err
	}
	return practiceSheet.write(w, f, csvData.Bytes())
}
