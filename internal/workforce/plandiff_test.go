package workforce

import (
	"reflect"
	"testing"
	"time"
)

func pence(p Pence) *Pence { return &p }

func TestDiffLines(t *testing.T) {
	t.Parallel()
	roles := []Role{{Code: "pharmacist"}, {Code: "paramedic"}}
	q1, q2 := Date(2026, time.April, 1), Date(2026, time.July, 1)
	from := []PlanLine{{RoleCode: "paramedic", QuarterStart: q1, StartersFTE: 1}, {RoleCode: "pharmacist", QuarterStart: q2, StartersFTE: 1},
		{RoleCode: "paramedic", QuarterStart: q2, LeaversFTE: 1}}
	to := []PlanLine{{RoleCode: "paramedic", QuarterStart: q1, StartersFTE: 1}, {RoleCode: "pharmacist", QuarterStart: q2, StartersFTE: 2},
		{RoleCode: "paramedic", QuarterStart: q1, StartersFTE: 1}, {RoleCode: "pharmacist", QuarterStart: q1, StartersFTE: 0.5, AnnualCostPence: pence(4500000)}}
	var got []string
	for _, c := range DiffLines(from, to, roles) {
		before, after := "None", "None"
		if c.Before != nil {
			before = c.Before.String()
		}
		if c.After != nil {
			after = c.After.String()
		}
		got = append(got, c.Cell.Role+" "+c.Cell.Quarter.String()+": "+before+" → "+after)
	}
	want := []string{
		"pharmacist 2026/27 Q1: None → 0.5 starting, 0 leaving at £45,000 a year",
		"pharmacist 2026/27 Q2: 1 starting, 0 leaving → 2 starting, 0 leaving",
		"paramedic 2026/27 Q2: 0 starting, 1 leaving → None",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes %q\nwant    %q", got, want)
	}
}

// TestMergeSave: a refused save put together again. The person opened base and typed
// mine; meanwhile saved was saved. Their changes go on top of saved; where both
// changed a cell differently, the other person's value is named.
func TestMergeSave(t *testing.T) {
	t.Parallel()
	roles := []Role{{Code: "paramedic"}, {Code: "pharmacist"}}
	w := PlanWindowAt(Date(2026, time.May, 1))
	q1, q2, q3 := Date(2026, time.April, 1), Date(2026, time.July, 1), Date(2026, time.October, 1)
	line := func(role string, q time.Time, s float64) PlanLine {
		return PlanLine{RoleCode: role, QuarterStart: q, StartersFTE: s}
	}
	base := []PlanLine{line("paramedic", q1, 1), line("paramedic", q2, 1), line("pharmacist", q1, 1)}
	mine := []PlanLine{line("paramedic", q1, 2), line("paramedic", q2, 3), line("pharmacist", q1, 1), line("pharmacist", q3, 1)}
	saved := []PlanLine{line("paramedic", q1, 1), line("paramedic", q2, 4), line("pharmacist", q1, 5), line("pharmacist", q3, 1)}
	typed := GridInput{}
	for _, l := range mine {
		typed[CellOf(l)] = CellInput{Starters: fteInput(l.StartersFTE) + " "}
	}
	m := MergeSave(typed, mine, base, saved, w, roles)
	cell := func(role string, q time.Time) PlanCell { return PlanCell{role, QuarterOf(q), StreamARRS} }
	wantCells := GridInput{
		cell("paramedic", q1):  {Starters: "2 "}, // mine only
		cell("paramedic", q2):  {Starters: "3 "}, // both, differently
		cell("pharmacist", q1): {Starters: "5"},  // theirs only
		cell("pharmacist", q3): {Starters: "1 "}, // both, alike
	}
	if !reflect.DeepEqual(m.Cells, wantCells) {
		t.Errorf("cells %v\nwant  %v", m.Cells, wantCells)
	}
	if want := map[PlanCell]string{cell("paramedic", q2): "4 starting, 0 leaving"}; !reflect.DeepEqual(m.Theirs, want) {
		t.Errorf("theirs %v", m.Theirs)
	}
	if len(m.Yours) != 3 {
		t.Errorf("yours %v", m.Yours)
	}
}

func TestPlanBaseRoundTrip(t *testing.T) {
	t.Parallel()
	w := PlanWindowAt(Date(2026, time.May, 1))
	lines := []PlanLine{
		{RoleCode: "paramedic", QuarterStart: Date(2026, time.April, 1), StartersFTE: 1.123456, LeaversFTE: 0.5, AnnualCostPence: pence(4500050), Stream: StreamARRS},
		{RoleCode: "pharmacist", QuarterStart: Date(2028, time.October, 1), StartersFTE: 2, Stream: StreamARRS},
		{RoleCode: "gp", QuarterStart: Date(2028, time.October, 1), StartersFTE: 1, Stream: StreamPracticeGP},
		{RoleCode: "pharmacist", QuarterStart: Date(2028, time.October, 1), StartersFTE: 0.5, Stream: StreamOther},
	}
	outside := PlanLine{RoleCode: "paramedic", QuarterStart: Date(2025, time.April, 1), StartersFTE: 1}
	enc := w.EncodeBase(append([]PlanLine{outside}, lines...))
	if got := DecodeBase(enc); !reflect.DeepEqual(got, lines) {
		t.Errorf("%q decodes to %+v", enc, got)
	}
	if got := DecodeBase("paramedic 2026-5 1 0 -;bad;x 2026-1 one 0 -;y 2026-2 1 0 nope;z 2026-2 1 0 - money"); len(got) != 1 || got[0].RoleCode != "y" || got[0].AnnualCostPence != nil {
		t.Errorf("malformed entries: %+v", got)
	}
}
