package importer

import (
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// knownGP is known with the GP, the only role of the practice GP scheme.
func knownGP() Known {
	k := known
	k.RoleAdded = maps.Clone(known.RoleAdded)
	k.RoleAdded["gp"] = workforce.Date(2024, time.October, 1)
	return k
}

// The funding_stream column is optional: a file without it, or an empty cell, is the
// ARRS; with it, a GP on the practice GP scheme and one on the ARRS in the same quarter
// are two lines. Its name and values are read in any case.
func TestReadPlansStreams(t *testing.T) {
	t.Parallel()
	without := planHead + "U60057,gp,2026/27 Q2,1,0,\n"
	plan, err := ReadPlans("old.csv", strings.NewReader(without), knownGP())
	if err != nil || len(plan) != 1 || plan[0].Stream != workforce.StreamARRS {
		t.Fatalf("a file without the column: %+v, %v", plan, err)
	}
	with := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp,Funding_Stream\n" +
		"U60057,gp,2026/27 Q2,1,0,,arrs\n" +
		"U60057,gp,2026/27 Q2,2,0,120000,practice_gp\n" +
		"U60057,paramedic,2026/27 Q2,0.5,0,,Other\n" +
		"U60057,paramedic,2026/27 Q3,1,0,,\n"
	plan, err = ReadPlans("streams.csv", strings.NewReader(with), knownGP())
	if err != nil {
		t.Fatal(err)
	}
	want := []workforce.Stream{workforce.StreamARRS, workforce.StreamPracticeGP, workforce.StreamOther, workforce.StreamARRS}
	for i, l := range plan {
		if i >= len(want) || l.Stream != want[i] {
			t.Errorf("line %d: %+v, want the stream %q", i+2, l, want[min(i, len(want)-1)])
		}
	}
	if len(plan) != len(want) || plan[1].StartersFTE != 2 || *plan[1].AnnualCostPence != 12_000_000 {
		t.Errorf("lines %+v", plan)
	}
}

// A wrong stream is named with its row and column; the practice scheme refuses any
// role but the GP, and a quarter before it started; a role, quarter and stream may come
// once. Every wrong row is reported at once.
func TestReadPlansStreamsRefused(t *testing.T) {
	t.Parallel()
	text := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp,funding_stream\n" +
		"U60057,gp,2026/27 Q2,1,0,,practice_gp\n" +
		"U60057,gp,2026/27 Q2,1,0,,core\n" +
		"U60057,paramedic,2026/27 Q2,1,0,,practice_gp\n" +
		"U60057,gp,2025/26 Q4,1,0,,practice_gp\n" +
		"U60057,gp,2026/27 Q2,3,0,,practice_gp\n" +
		"U60057,gp,2026/27 Q2,1,0,,arrs\n"
	plan, err := ReadPlans("streams.csv", strings.NewReader(text), knownGP())
	if plan != nil {
		t.Error("a refused file must return no lines")
	}
	checkRows(t, err, []wantRow{
		{3, "funding_stream", `expected arrs, practice_gp or other, found "core"`},
		{4, "funding_stream", "practice_gp is the practice GP scheme, which pays for GPs only (role_code gp), not paramedic"},
		{5, "quarter", "2025/26 Q4 starts on 2026-01-01, before the practice GP scheme started on 2026-04-01"},
		{6, "quarter", "2026/27 Q2 of gp on practice_gp is a duplicate of line 2 (same PCN, role, quarter and funding stream)"},
	})
}
