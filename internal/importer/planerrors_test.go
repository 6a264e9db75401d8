package importer

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/sheettest"
)

const planHead = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"

// wantRows is where and why each wrong row of a file is refused.
type wantRow struct {
	line   int
	column string
	reason string
}

func checkRows(t *testing.T, err error, want []wantRow) *RowErrors {
	t.Helper()
	var all *RowErrors
	if !errors.As(err, &all) {
		t.Fatalf("want *RowErrors, got %T %v", err, err)
	}
	rows := all.Rows()
	if len(rows) != len(want) || all.Count() != len(want) {
		t.Fatalf("got %d rows (count %d), want %d: %q", len(rows), all.Count(), len(want), all.Lines())
	}
	for i, w := range want {
		r := rows[i]
		if r.Line != w.line || !strings.EqualFold(r.Column, w.column) || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("error %d: %q, want line %d, column %q, reason containing %q", i, r.Error(), w.line, w.column, w.reason)
		}
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("the message must be one line: %q", err)
	}
	return all
}

// A plan file with five mistakes is refused with all five, in the file's order, each
// naming its line, column and value; the good lines around them change nothing.
func TestReadPlansReportsEveryWrongRow(t *testing.T) {
	t.Parallel()
	text := planHead +
		"U60057,clinical_pharmacist,2026/27 Q1,1,0,\n" +
		"U60057,clinical_pharmacist,2026/27 Q2,-1,0,\n" +
		"U60057,pharmacist,2026/27 Q2,1,0,\n" +
		"U60057,paramedic,2026/27 Q2,1,lots,\n" +
		"U60057,paramedic,2026/27 Q3,1,0,\n" +
		"U60057,paramedic,2026/27 Q4,1,0,250000.01\n" +
		"U60057,clinical_pharmacist,2026/27 Q1,2,0,\n" +
		"U60057,paramedic,2026/27 Q5,1,0,\n"
	plan, err := ReadPlans("five.csv", strings.NewReader(text), known)
	if plan != nil {
		t.Error("a refused file must return no lines")
	}
	all := checkRows(t, err, []wantRow{
		{3, "starters_fte", "is negative (-1)"},
		{4, "role_code", `unknown role code "pharmacist"`},
		{5, "leavers_fte", `found "lots"`},
		{7, "annual_cost_gbp", "is 250000.01"},
		{8, "quarter", "2026/27 Q1 of clinical_pharmacist is a duplicate of line 2"},
		{9, "quarter", "YYYY/YY Qn"},
	})
	if got := err.Error(); !strings.HasPrefix(got, "five.csv: 6 errors, the first: line 3, column starters_fte: is negative") {
		t.Errorf("Error(): %q", got)
	}
	if got := all.Lines()[1]; got != `five.csv: line 4, column role_code: unknown role code "pharmacist" (use the ARRS role codes, e.g. clinical_pharmacist)` {
		t.Errorf("a line for stderr names the file: %q", got)
	}
	if got := all.Items()[0]; got != "Line 3, column starters_fte: is negative (-1)" {
		t.Errorf("an item for a page leaves the file out: %q", got)
	}
	var row *RowError
	if !errors.As(err, &row) || row.Line != 3 {
		t.Errorf("errors.As finds the first row: %v", row)
	}
}

// Past MaxRowErrors wrong rows, the rest are counted, not listed.
func TestReadPlansListsAtMostMaxRowErrors(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(planHead)
	for i := range MaxRowErrors + 23 {
		b.WriteString("U60057,clinical_pharmacist,2026/27 Q1," + strconv.Itoa(-1-i) + ",0,\n")
	}
	_, err := ReadPlans("many.csv", strings.NewReader(b.String()), known)
	var all *RowErrors
	if !errors.As(err, &all) || len(all.Rows()) != MaxRowErrors || all.More != 23 || all.Count() != MaxRowErrors+23 {
		t.Fatalf("got %v", err)
	}
	lines := all.Lines()
	if last := lines[len(lines)-1]; last != "and 23 more errors (only the first 100 are listed)" {
		t.Errorf("last line %q", last)
	}
	if !strings.HasPrefix(err.Error(), "many.csv: 123 errors, the first: line 2,") {
		t.Errorf("Error(): %q", err)
	}
}

// A limit passed stops the read at once and is reported alone, whatever wrong rows
// came before it.
func TestReadPlansLimitStopsAlone(t *testing.T) {
	t.Parallel()
	long := planHead + "U60057,clinical_pharmacist,2026/27 Q1,-1,0,\n" +
		"U60057,clinical_pharmacist,2026/27 Q2," + strings.Repeat("1", MaxLineBytes+10) + ",0,\n"
	_, err := ReadPlans("long.csv", strings.NewReader(long), known)
	var limit *LimitError
	var rows *RowErrors
	if !errors.As(err, &limit) || limit.Limit != LimitLineLength || errors.As(err, &rows) {
		t.Errorf("a line too long after a wrong row: %T %v", err, err)
	}
	cell := planHead + "U60057,clinical_pharmacist,2026/27 Q1,-1,0,\n" +
		"U60057,clinical_pharmacist,2026/27 Q2," + strings.Repeat("1", MaxCellChars+1) + ",0,\n"
	if _, err := ReadPlans("cell.csv", strings.NewReader(cell), known); !errors.As(err, &limit) || limit.Limit != LimitCellLength {
		t.Errorf("a cell too long after a wrong row: %T %v", err, err)
	}
}

// A wrong row of a workbook names its row of the sheet; every wrong row is reported.
func TestReadPlanWorkbookReportsEveryWrongRow(t *testing.T) {
	t.Parallel()
	data := sheettest.Build(t, [][]any{
		{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp"},
		{"U60057", "paramedic", "2026/27 Q2", 1, 0, nil},
		{"U60057", "paramedic", "2026/27 Q3", "lots", 0, nil},
		nil,
		{"U60057", "paramedic", "2026/27 Q4", 1, 0, 9000},
	})
	_, err := ReadPlanWorkbook("bad.xlsx", bytes.NewReader(data), known)
	all := checkRows(t, err, []wantRow{{3, "starters_fte", `found "lots"`}, {5, "annual_cost_gbp", "is 9000"}})
	if got := all.Lines()[1]; !strings.HasPrefix(got, "bad.xlsx: row 5, column annual_cost_gbp:") {
		t.Errorf("a sheet's row: %q", got)
	}
}

// A row reaching past the person's networks is among the wrong rows, and still a
// *ScopeError to the server (a security event).
func TestReadPlansScopeAmongWrongRows(t *testing.T) {
	t.Parallel()
	mine := known
	mine.PCNs = map[string]bool{"U60057": true, "U79722": false}
	text := planHead + "U60057,paramedic,2026/27 Q2,-1,0,\n" + "U79722,paramedic,2026/27 Q2,1,0,\n"
	_, err := ReadPlans("scope.csv", strings.NewReader(text), mine)
	checkRows(t, err, []wantRow{{2, "starters_fte", "negative"}, {3, "pcn_code", "not one of the networks you may change"}})
	var scope *ScopeError
	if !errors.As(err, &scope) || scope.Line != 3 {
		t.Errorf("the scope error is found: %v", scope)
	}
}

// A plan file's annual cost is bounded as the plan page's grid and a staff record's
// are (workforce.MaxAnnualCostPence): £250,000 is accepted, £250,001 refused.
func TestReadPlansCostLimitIsTheForms(t *testing.T) {
	t.Parallel()
	for cost, ok := range map[string]bool{"250000": true, "250000.00": true, "250001": false, "250000.01": false, "10000": true, "9999.99": false} {
		_, err := ReadPlans("cost.csv", strings.NewReader(planHead+"U60057,paramedic,2026/27 Q2,1,0,"+cost+"\n"), known)
		if ok != (err == nil) || (err != nil && !strings.Contains(err.Error(), "between £10,000 and £250,000")) {
			t.Errorf("cost %s: %v", cost, err)
		}
	}
}
