package workforce

import (
	"reflect"
	"testing"
	"time"
)

// TestQuarterEnded: a quarter has ended on the day after its last day, not on it.
func TestQuarterEnded(t *testing.T) {
	t.Parallel()
	q := Quarter{2026, 2} // 1 July to 30 September 2026
	for _, c := range []struct {
		today time.Time
		want  bool
	}{
		{Date(2026, time.September, 30), false},
		{Date(2026, time.October, 1), true},
		{Date(2026, time.July, 1), false},
		{Date(2027, time.January, 5), true},
	} {
		if got := QuarterEnded(q, c.today); got != c.want {
			t.Errorf("on %s: ended %v, want %v", c.today.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestPlanWindowSplit(t *testing.T) {
	t.Parallel()
	w := PlanWindowAt(Date(2026, time.December, 7))
	past, open := w.Split(Date(2026, time.December, 7))
	if !reflect.DeepEqual(past, PlanWindow{{2026, 1}, {2026, 2}}) || len(open) != 10 || open[0] != (Quarter{2026, 3}) {
		t.Errorf("7 December 2026: past %v, open %v", past, open)
	}
	if past, open := w.Split(Date(2026, time.April, 1)); len(past) != 0 || len(open) != 12 {
		t.Errorf("1 April 2026: past %v, open %d", past, len(open))
	}
	// Holds of an empty window holds nothing, so an empty past keeps no line.
	if past.Holds(Date(2026, time.October, 1)) || !past.Holds(Date(2026, time.July, 1)) {
		t.Error("past Holds")
	}
}

// TestPastChanges: on 7 December 2026, Q1 and Q2 of 2026/27 are read-only. A posted
// cell of theirs that says what the plan already holds passes; one that differs,
// clears a line, or cannot be read is refused with a message naming the quarter; a
// cell not posted is kept.
func TestPastChanges(t *testing.T) {
	t.Parallel()
	roles := []Role{{Code: "paramedic", Name: "Paramedic", Added: Date(2019, time.April, 1)},
		{Code: "dietitian", Name: "Dietitian", Added: Date(2019, time.April, 1)}}
	today := Date(2026, time.December, 7)
	past, _ := PlanWindowAt(today).Split(today)
	cost := Pence(4500000)
	old := []PlanLine{
		{RoleCode: "paramedic", QuarterStart: Date(2026, time.April, 1), StartersFTE: 1, AnnualCostPence: &cost},
		{RoleCode: "dietitian", QuarterStart: Date(2026, time.April, 1), StartersFTE: 0.5},
		{RoleCode: "dietitian", QuarterStart: Date(2026, time.July, 1), LeaversFTE: 1},
	}
	check := func(form map[string]string) Problems {
		return past.PastChanges(func(f string) string { return form[f] }, func(f string) bool { _, ok := form[f]; return ok }, GridRows(roles, nil, false), old)
	}
	if ps := check(map[string]string{}); ps != nil {
		t.Errorf("nothing posted: %v", ps)
	}
	same := map[string]string{"s-paramedic-2026-1": "1", "c-paramedic-2026-1": "£45,000", "l-dietitian-2026-2": "1.0", "s-paramedic-2026-2": ""}
	if ps := check(same); ps != nil {
		t.Errorf("the same values posted: %v", ps)
	}
	changed := map[string]string{
		"s-paramedic-2026-1": "2", "c-paramedic-2026-1": "45000", // changed starters
		"s-dietitian-2026-1": "",  // cleared a line
		"s-paramedic-2026-2": "x", // cannot be read
		"s-paramedic-2026-3": "4", // an open quarter: not this check's
	}
	want := Problems{
		{"s-paramedic-2026-1", "Paramedic, 2026/27 Q1: the quarter ended on 30 June 2026, so its line cannot be changed in the editor; upload a plan file to correct a past quarter"},
		{"s-dietitian-2026-1", "Dietitian, 2026/27 Q1: the quarter ended on 30 June 2026, so its line cannot be changed in the editor; upload a plan file to correct a past quarter"},
		{"s-paramedic-2026-2", "Paramedic, 2026/27 Q2: the quarter ended on 30 September 2026, so its line cannot be changed in the editor; upload a plan file to correct a past quarter"},
	}
	if ps := check(changed); !reflect.DeepEqual(ps, want) {
		t.Errorf("changes:\n got %v\nwant %v", ps, want)
	}
}
