package workforce

import (
	"reflect"
	"testing"
	"time"
)

func TestPlanWindowYears(t *testing.T) {
	t.Parallel()
	w := PlanWindowAt(Date(2026, time.December, 7))
	if got := w.Years(); !reflect.DeepEqual(got, []FinancialYear{2026, 2027, 2028}) {
		t.Errorf("years %v", got)
	}
	if got := w.Year(2027); !reflect.DeepEqual(got, PlanWindow{{2027, 1}, {2027, 2}, {2027, 3}, {2027, 4}}) {
		t.Errorf("2027/28: %v", got)
	}
	if got := w.Year(2029); len(got) != 0 {
		t.Errorf("2029/30 is outside, yet %v", got)
	}
	for _, c := range []struct {
		raw  string
		want FinancialYear
		ok   bool
	}{
		{"2026", 2026, true}, {"2028", 2028, true},
		{"2025", 2025, false}, {"2029", 2029, false}, // outside the window
		{"", 0, false}, {"27", 0, false}, {"2027/28", 0, false}, {"+202", 0, false}, {"20270", 0, false}, {"abcd", 0, false},
	} {
		if got, ok := w.ParseYear(c.raw); ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseYear(%q) = %v, %v; want %v, %v", c.raw, got, ok, c.want, c.ok)
		}
	}
}

// TestPlanEdits: on 7 December 2026 a save from the editor showing 2026/27 changes its
// Q3 and Q4 (Q1 and Q2 have ended); showing 2027/28, all four quarters of it.
func TestPlanEdits(t *testing.T) {
	t.Parallel()
	today := Date(2026, time.December, 7)
	w := PlanWindowAt(today)
	for _, c := range []struct {
		years []FinancialYear
		want  PlanWindow
	}{
		{[]FinancialYear{2026}, PlanWindow{{2026, 3}, {2026, 4}}},
		{[]FinancialYear{2027}, PlanWindow{{2027, 1}, {2027, 2}, {2027, 3}, {2027, 4}}},
		{[]FinancialYear{2026, 2028}, PlanWindow{{2026, 3}, {2026, 4}, {2028, 1}, {2028, 2}, {2028, 3}, {2028, 4}}},
		{nil, nil},
	} {
		if got := w.Edits(today, c.years); !reflect.DeepEqual(got, c.want) {
			t.Errorf("years %v: edits %v, want %v", c.years, got, c.want)
		}
	}
	if e := w.Edits(today, []FinancialYear{2026, 2028}); e.Has(Quarter{2027, 2}) || !e.Has(Quarter{2028, 1}) || e.Has(Quarter{2026, 2}) {
		t.Error("Has over quarters that do not follow each other")
	}
}

// TestGridSave: a save from the editor showing one year keeps every line outside the
// quarters it edits as it was (before the window, ended quarters, other years, after
// the window) and takes those quarters from the grid: a line of theirs the grid no
// longer holds is removed.
func TestGridSave(t *testing.T) {
	t.Parallel()
	today := Date(2026, time.December, 7)
	w := PlanWindowAt(today)
	line := func(y, m int, fte float64) PlanLine {
		return PlanLine{RoleCode: "a", QuarterStart: Date(y, time.Month(m), 1), StartersFTE: fte}
	}
	before, after := line(2025, 4, 1), line(2029, 4, 1)
	ended := line(2026, 7, 2)                            // 2026/27 Q2, ended
	open, cleared := line(2026, 10, 3), line(2027, 1, 9) // 2026/27 Q3 and Q4
	next, later := line(2027, 4, 5), line(2028, 10, 6)   // 2027/28 Q1, 2028/29 Q3
	old := []PlanLine{before, ended, open, cleared, next, later, after}
	for _, c := range []struct {
		name  string
		years []FinancialYear
		typed []PlanLine
		want  []PlanLine
	}{
		{"2026/27", []FinancialYear{2026}, []PlanLine{line(2026, 10, 4)},
			[]PlanLine{before, ended, next, later, after, line(2026, 10, 4)}},
		{"2027/28", []FinancialYear{2027}, []PlanLine{line(2027, 7, 7)},
			[]PlanLine{before, ended, open, cleared, later, after, line(2027, 7, 7)}},
		{"2027/28 emptied", []FinancialYear{2027}, nil,
			[]PlanLine{before, ended, open, cleared, later, after}},
		{"2026/27 and 2028/29", []FinancialYear{2026, 2028}, []PlanLine{line(2028, 4, 8)},
			[]PlanLine{before, ended, next, after, line(2028, 4, 8)}},
	} {
		if got := w.Edits(today, c.years).GridSave(c.typed, old, GridRows([]Role{{Code: "a"}}, nil, false)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: saved %v\nwant %v", c.name, got, c.want)
		}
	}
}

// TestGridFlows: the grid's totals count only the cells ReadGrid accepts, the lines a
// save writes. A refused cell (a negative, NaN, over the limit, not a number) is named
// and counts for nothing, whole: its other fields too, as the projection ignores it.
func TestGridFlows(t *testing.T) {
	t.Parallel()
	roles := []Role{{Code: "paramedic", Name: "Paramedic", Added: Date(2019, time.April, 1)},
		{Code: "dietitian", Name: "Dietitian", Added: Date(2019, time.April, 1)}}
	w := PlanWindowAt(Date(2027, time.May, 1)).Year(2027)
	q1 := func(k PlanCell) bool { return k.Quarter == Quarter{2027, 1} }
	for _, c := range []struct {
		value             string
		starters, leavers float64 // of 2027/28 Q1
		problem           string  // the field refused, "" for none
	}{
		{"0.5", 2.5, 0.75, ""},
		{"-3", 2, 0.25, "l-paramedic-2027-1"},
		{"NaN", 2, 0.25, "l-paramedic-2027-1"},
		{"Inf", 2, 0.25, "l-paramedic-2027-1"},
		{"1e9", 2, 0.25, "l-paramedic-2027-1"},
		{"51", 2, 0.25, "l-paramedic-2027-1"},
		{"abc", 2, 0.25, "l-paramedic-2027-1"},
	} {
		form := map[string]string{"s-paramedic-2027-1": "0.5", "l-paramedic-2027-1": c.value, "l-paramedic-2027-2": "0.25",
			"s-dietitian-2027-1": "2", "l-dietitian-2027-1": "0.25"}
		_, lines, problems := ReadGrid(func(f string) string { return form[f] }, GridRows(roles, nil, false), w)
		if s, l := Flows(lines, q1); s != c.starters || l != c.leavers {
			t.Errorf("leavers %q: Q1 totals %v and %v, want %v and %v", c.value, s, l, c.starters, c.leavers)
		}
		if s, l := Flows(lines, func(k PlanCell) bool { return k.Role == "paramedic" }); c.problem != "" && (s != 0 || l != 0.25) {
			t.Errorf("leavers %q: the paramedic's year %v and %v, want 0 and 0.25", c.value, s, l)
		}
		if got := ""; len(problems) > 0 {
			got = problems[0].Field
			if got != c.problem || len(problems) != 1 {
				t.Errorf("leavers %q: problems %v, want %q alone", c.value, problems, c.problem)
			}
		} else if c.problem != "" {
			t.Errorf("leavers %q: no problem, want %q", c.value, c.problem)
		}
	}
	if s, l := Flows(nil, q1); s != 0 || l != 0 {
		t.Errorf("no lines: %v and %v", s, l)
	}
}

func TestGridFields(t *testing.T) {
	t.Parallel()
	g := GridInput{{"paramedic", Quarter{2027, 2}, StreamARRS}: {Starters: "1", Cost: "£45,000"}}
	want := map[string]string{"s-paramedic-2027-2": "1", "l-paramedic-2027-2": "", "c-paramedic-2027-2": "£45,000"}
	if got := g.Fields(); !reflect.DeepEqual(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
}
