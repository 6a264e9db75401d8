package workforce

import (
	"reflect"
	"testing"
	"time"
)

func TestPlanWindow(t *testing.T) {
	t.Parallel()
	w := PlanWindowAt(Date(2027, time.March, 31))
	if len(w) != 12 || w[0] != (Quarter{2026, 1}) || w[11] != (Quarter{2028, 4}) {
		t.Fatalf("window %v", w)
	}
	in, out := Date(2029, time.March, 31), Date(2029, time.April, 1)
	if !w.Holds(Date(2026, time.April, 1)) || !w.Holds(in) || w.Holds(out) || w.Holds(Date(2026, time.March, 31)) {
		t.Error("Holds")
	}
	lines := []PlanLine{{RoleCode: "a", QuarterStart: Date(2026, time.January, 1)}, {RoleCode: "b", QuarterStart: Date(2026, time.April, 1)}}
	if got := w.Inside(lines); len(got) != 1 || got[0].RoleCode != "b" {
		t.Errorf("Inside: %v", got)
	}
	if got := w.Outside(lines); len(got) != 1 || got[0].RoleCode != "a" {
		t.Errorf("Outside: %v", got)
	}
	if got := (Quarter{2026, 4}).LastDay(); !got.Equal(Date(2027, time.March, 31)) {
		t.Errorf("LastDay: %v", got)
	}
}

// TestReadGrid: what a posted grid becomes, and the message of each wrong field.
func TestReadGrid(t *testing.T) {
	t.Parallel()
	roles := []Role{{Code: "paramedic", Name: "Paramedic", Added: Date(2019, time.April, 1)},
		{Code: "new_role", Name: "New role", Added: Date(2026, time.October, 1)}}
	w := PlanWindowAt(Date(2026, time.May, 1))
	form := map[string]string{
		"s-paramedic-2026-1": " 1.5 ", "l-paramedic-2026-1": "0.25", "c-paramedic-2026-1": "£45,000.50",
		"s-paramedic-2026-2": "0", // typed, but says nothing: kept as typed, no line
		"s-paramedic-2026-3": "x", "l-paramedic-2026-3": "-1", "c-paramedic-2026-3": "5000",
		"s-paramedic-2026-4": "51",
		"s-new_role-2026-2":  "1",
		"s-new_role-2026-3":  "0.1234567",
	}
	typed, lines, problems := ReadGrid(func(f string) string { return form[f] }, GridRows(roles, nil, false), w)
	if len(typed) != 6 || typed[PlanCell{"paramedic", Quarter{2026, 1}, StreamARRS}] != (CellInput{"1.5", "0.25", "£45,000.50"}) {
		t.Errorf("typed: %v", typed)
	}
	cost := Pence(4500050)
	want := []PlanLine{
		{RoleCode: "paramedic", QuarterStart: Date(2026, time.April, 1), StartersFTE: 1.5, LeaversFTE: 0.25, AnnualCostPence: &cost, Stream: StreamARRS},
		{RoleCode: "new_role", QuarterStart: Date(2026, time.October, 1), StartersFTE: 0.123457, Stream: StreamARRS},
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("lines %+v\nwant  %+v", lines, want)
	}
	wantProblems := Problems{ // in page order: by quarter, then role
		{"s-new_role-2026-2", "New role, 2026/27 Q2: the role joined ARRS on 1 October 2026, after the quarter starts; plan it from a later quarter"},
		{"s-paramedic-2026-3", "Paramedic, 2026/27 Q3: enter starters as a number of FTE, like 1 or 0.6"},
		{"l-paramedic-2026-3", "Paramedic, 2026/27 Q3: leavers must be 0 or more"},
		{"c-paramedic-2026-3", "Paramedic, 2026/27 Q3: the annual cost must be between £10,000 and £250,000 for one WTE"},
		{"s-paramedic-2026-4", "Paramedic, 2026/27 Q4: starters must be 50 FTE or less"},
	}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("problems %v\nwant     %v", problems, wantProblems)
	}
	if s, l := Flows(lines, func(k PlanCell) bool { return k.Quarter == Quarter{2026, 1} }); s-l != 1.25 {
		t.Errorf("net: %v", s-l)
	}
}

func TestPlanCells(t *testing.T) {
	t.Parallel()
	cost := Pence(4500050)
	w := PlanWindowAt(Date(2026, time.May, 1))
	lines := []PlanLine{{RoleCode: "paramedic", QuarterStart: Date(2026, time.July, 1), StartersFTE: 1, AnnualCostPence: &cost},
		{RoleCode: "paramedic", QuarterStart: Date(2020, time.July, 1), StartersFTE: 1}}
	got := w.Cells(lines)
	if len(got) != 1 || got[PlanCell{"paramedic", Quarter{2026, 2}, StreamARRS}] != (CellInput{"1", "", "45000.50"}) {
		t.Errorf("cells %v", got)
	}
	if PlanTooLong(lines, 2) != "" || PlanTooLong(lines, 1) == "" {
		t.Error("PlanTooLong")
	}
}
