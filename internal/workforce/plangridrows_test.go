package workforce

import (
	"reflect"
	"testing"
	"time"
)

var streamRoles = []Role{
	{Code: "paramedic", Name: "Paramedic", Added: Date(2021, time.April, 1)},
	{Code: "gp", Name: "GP within 2 years of CCT", Added: Date(2024, time.October, 1)},
}

// The ARRS cells keep the names they had before the streams (the browser tests and
// plan.js read them); a cell on another stream adds it.
func TestPlanCellFieldsByStream(t *testing.T) {
	t.Parallel()
	q := Quarter{2026, 1}
	for _, c := range []struct {
		cell PlanCell
		want string
	}{
		{PlanCell{"gp", q, ""}, "s-gp-2026-1"},
		{PlanCell{"gp", q, StreamARRS}, "s-gp-2026-1"},
		{PlanCell{"gp", q, StreamPracticeGP}, "s-gp-2026-1-practice_gp"},
		{PlanCell{"paramedic", q, StreamOther}, "s-paramedic-2026-1-other"},
	} {
		if got := c.cell.Field(CellStarters); got != c.want {
			t.Errorf("%+v: %q, want %q", c.cell, got, c.want)
		}
	}
	names := RoleNames(streamRoles)
	if got := (PlanCell{"gp", q, StreamPracticeGP}).RoleName(names); got != "GP — practice GP scheme" {
		t.Errorf("practice GP: %q", got)
	}
	if got := (PlanCell{"paramedic", q, StreamOther}).RoleName(names); got != "Paramedic — other money" {
		t.Errorf("other money: %q", got)
	}
	if got := (PlanCell{"paramedic", q, ""}).RoleName(names); got != "Paramedic" {
		t.Errorf("ARRS: %q", got)
	}
}

// The rows: every role on the ARRS, the GP on the practice scheme, then the roles on
// other money the plan holds lines of (every role when asked).
func TestGridRows(t *testing.T) {
	t.Parallel()
	names := func(rows []GridRow) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.Name())
		}
		return out
	}
	if got := names(GridRows(streamRoles, nil, false)); !reflect.DeepEqual(got, []string{"Paramedic", "GP within 2 years of CCT", "GP — practice GP scheme"}) {
		t.Errorf("no lines: %q", got)
	}
	lines := []PlanLine{{RoleCode: "gp", QuarterStart: Date(2027, time.April, 1), StartersFTE: 1, Stream: StreamOther}}
	if got := names(GridRows(streamRoles, lines, false)); !reflect.DeepEqual(got, []string{"Paramedic", "GP within 2 years of CCT", "GP — practice GP scheme", "GP within 2 years of CCT — other money"}) {
		t.Errorf("a GP on other money: %q", got)
	}
	if got := GridRows(streamRoles, nil, true); len(got) != 5 || got[3].Stream != StreamOther || got[3].Role.Code != "paramedic" {
		t.Errorf("every row: %q", names(got))
	}
	// A posted cell of an other-money row not in the plan yet is read (a refused save's
	// input shown again).
	w := PlanWindowAt(Date(2026, time.May, 1)).Year(2026)
	has := func(f string) bool { return f == "c-paramedic-2026-3-other" }
	if got := PostedRows(streamRoles, nil, false, has, w); len(got) != 4 || got[3] != (GridRow{streamRoles[0], StreamOther}) {
		t.Errorf("posted rows: %q", names(got))
	}
}

// A GP on the practice scheme and one on the ARRS in the same quarter are two lines;
// the scheme's row refuses a quarter before 1 April 2026, naming the scheme.
func TestReadGridStreams(t *testing.T) {
	t.Parallel()
	w := PlanWindowAt(Date(2026, time.February, 1))
	form := map[string]string{
		"s-gp-2026-2": "1", "c-gp-2026-2": "100000",
		"s-gp-2026-2-practice_gp": "2", "c-gp-2026-2-practice_gp": "120000",
		"s-paramedic-2026-2-other": "0.5",
		"s-gp-2025-4-practice_gp":  "1",
	}
	rows := GridRows(streamRoles, nil, true)
	typed, lines, problems := ReadGrid(func(f string) string { return form[f] }, rows, w)
	q := Date(2026, time.July, 1)
	want := []PlanLine{
		{RoleCode: "gp", QuarterStart: q, StartersFTE: 1, AnnualCostPence: pence(10000000), Stream: StreamARRS},
		{RoleCode: "gp", QuarterStart: q, StartersFTE: 2, AnnualCostPence: pence(12000000), Stream: StreamPracticeGP},
		{RoleCode: "paramedic", QuarterStart: q, StartersFTE: 0.5, Stream: StreamOther},
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("lines %+v\nwant  %+v", lines, want)
	}
	if len(typed) != 4 || typed[PlanCell{"gp", Quarter{2026, 2}, StreamPracticeGP}].Starters != "2" {
		t.Errorf("typed %v", typed)
	}
	wantProblems := Problems{{"s-gp-2025-4-practice_gp", "GP — practice GP scheme, 2025/26 Q4: the practice GP scheme starts on 1 April 2026, after the quarter starts; plan it from 2026/27"}}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("problems %v", problems)
	}
	// Each stream's line is its own cell: the one of the ARRS changed, the scheme's
	// removed.
	after := []PlanLine{{RoleCode: "gp", QuarterStart: q, StartersFTE: 1.5, AnnualCostPence: pence(10000000), Stream: StreamARRS}, want[2]}
	var got []string
	for _, c := range DiffLines(lines, after, streamRoles) {
		got = append(got, c.Cell.RoleName(RoleNames(streamRoles))+" "+c.Cell.Quarter.String())
	}
	if !reflect.DeepEqual(got, []string{"GP within 2 years of CCT 2026/27 Q2", "GP — practice GP scheme 2026/27 Q2"}) {
		t.Errorf("changes %q", got)
	}
}

// A save replaces the quarters it edits on the rows it shows: a line of a row not
// shown (a role on other money, the rows of other money hidden) is kept.
func TestGridSaveKeepsRowsNotShown(t *testing.T) {
	t.Parallel()
	today := Date(2026, time.May, 1)
	w := PlanWindowAt(today)
	q := Date(2026, time.July, 1)
	arrs := PlanLine{RoleCode: "paramedic", QuarterStart: q, StartersFTE: 1, Stream: StreamARRS}
	scheme := PlanLine{RoleCode: "gp", QuarterStart: q, StartersFTE: 1, Stream: StreamPracticeGP}
	other := PlanLine{RoleCode: "paramedic", QuarterStart: q, StartersFTE: 2, Stream: StreamOther}
	rows := GridRows(streamRoles, nil, false) // the other-money row not shown
	got := w.Edits(today, []FinancialYear{2026}).GridSave(nil, []PlanLine{arrs, scheme, other}, rows)
	if !reflect.DeepEqual(got, []PlanLine{other}) {
		t.Errorf("saved %+v, want the other-money line alone", got)
	}
}
