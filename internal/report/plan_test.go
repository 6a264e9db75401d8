package report

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A downloaded plan uploads back to the same lines, from CSV and from XLSX: FTE keep
// their 6 decimals, costs their pence, an unknown cost stays unknown.
func TestPlanFileRoundTrip(t *testing.T) {
	cost := workforce.Pence(4_800_050)
	lines := []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 4, 1), StartersFTE: 1.234568, LeaversFTE: 0.5, AnnualCostPence: &cost},
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 2},
	}
	known := importer.Known{PCNs: map[string]bool{"U60057": true},
		RoleAdded: map[string]time.Time{"paramedic": workforce.Date(2021, 4, 1), "clinical_pharmacist": workforce.Date(2019, 4, 1)}}
	for _, f := range []Format{CSV, XLSX} {
		var b bytes.Buffer
		if err := WritePlan(&b, f, "U60057", lines); err != nil {
			t.Fatal(err)
		}
		got, err := importer.ReadPlanFile("plan."+string(f), bytes.NewReader(b.Bytes()), known)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !reflect.DeepEqual(got, lines) {
			t.Errorf("%s: read back %+v, want %+v", f, got, lines)
		}
	}
}

// An undefined measure is an empty cell; the plan is its newest version in the
// workflow; roles follow the fixed columns.
func TestWriteComparison(t *testing.T) {
	superseded := store.PlanVersion{NumberedPlan: store.NumberedPlan{Plan: workforce.Plan{Status: workforce.PlanSuperseded}, Number: 3}}
	submitted := store.PlanVersion{NumberedPlan: store.NumberedPlan{Plan: workforce.Plan{Status: workforce.PlanSubmitted}, Number: 2}}
	res := &compare.Result{Rows: []compare.Row{
		{PCN: workforce.PCN{Code: "U1", Name: "=A PCN"}, Position: gaps.Position{Population: 1000, InPost: 1.005, ByRole: map[string]float64{"paramedic": 2}},
			Headroom: -150},
		{PCN: workforce.PCN{Code: "U2", Name: "B"}, Position: gaps.Position{ListSize: true, HasPer10k: true, Per10k: 3.456, Per10kDecile: 4},
			Coverage: planning.Coverage{Needing: 2, Covered: 1, Share: 0.5}, Versions: []store.PlanVersion{superseded, submitted}},
	}}
	var b bytes.Buffer
	if err := WriteComparison(&b, CSV, res, []workforce.Role{{Code: "paramedic"}}); err != nil {
		t.Fatal(err)
	}
	want := "code,name,weighted_population,list_size_stands_in,arrs_fte,arrs_fte_per_10k,per_10k_england_decile,fair_share_fte," +
		"fair_share_reached_pct,fair_share_england_decile,headroom_gbp,supervision_needing,supervision_covered,supervision_coverage_pct," +
		"room_sessions_available,room_sessions_short_now,room_sessions_short_with_plan,first_quarter_short,plan_version,plan_status,waiting_for,paramedic_fte\n" +
		"U1,'=A PCN,1000,no,1.01,,,0.00,,,-1.50,0,0,0.0,0.00,0.00,0.00,,,none,,2.00\n" +
		"U2,B,0,yes,0.00,3.46,4,0.00,,,0.00,2,1,50.0,0.00,0.00,0.00,,Version 2,submitted,\"The clinical director, to sign it off\",0.00\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
