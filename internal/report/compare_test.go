package report

import (
	"bytes"
	"testing"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/rooms"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// An undefined measure is an empty cell, and so are the supervision and rooms of a PCN
// with none recorded (U1); recorded (U2), they are the figures; the plan is its newest version in the
// workflow; roles follow the fixed columns. The need columns are the row's line of the
// need report as WriteNeed writes them: none for U1 (no report), U2 below its 99.8%
// limits with its rate on need; U3 has no age data, so its rate is on its list, and
// its day is before the data start (no expected FTE, no ratio, no flag). The integration
// columns come last: U1 keeps no records (its counts empty, its 2 ARRS staff counted),
// U2 keeps supervision but no integration record and has a closed round of the pulse,
// U3 keeps both.
func TestWriteComparison(t *testing.T) {
	t.Parallel()
	superseded := store.PlanVersion{NumberedPlan: store.NumberedPlan{Plan: workforce.Plan{Status: workforce.PlanSuperseded}, Number: 3}}
	submitted := store.PlanVersion{NumberedPlan: store.NumberedPlan{Plan: workforce.Plan{Status: workforce.PlanSubmitted}, Number: 2}}
	known := map[integration.Warning]bool{}
	for _, w := range integration.Warnings {
		known[w] = true
	}
	res := &compare.Result{Rows: []compare.Row{
		{PCN: workforce.PCN{Code: "U1", Name: "=A PCN"}, Position: planning.Position{Population: 1000, InPost: 1.005, ByRole: map[string]float64{"paramedic": 2}},
			Headroom: -150, Integration: integration.Counts{ARRSStaff: 2}},
		{PCN: workforce.PCN{Code: "U2", Name: "B"}, Position: planning.Position{ListSize: true, HasPer10k: true, Per10k: 3.456, Per10kDecile: 4},
			Coverage: planning.Coverage{Needing: 2, Covered: 1, Share: 0.5}, SupervisionRecorded: true,
			Rooms: rooms.Figures{Sites: []workforce.Site{{Name: "Main"}}}, Versions: []store.PlanVersion{superseded, submitted},
			HasNeed: true, Need: needreport.Row{Registered: 10000.4, Need: 12345.678, Denominator: need.Need, Known: true, Observed: 1,
				Expected: 4.005, HasRatio: true, Ratio: 0.24968789, Outside998: true,
				Limits: need.Limits{Lower95: 0.3, Upper95: 1.9, Lower998: 0.251, Upper998: 2.5}},
			Integration: integration.Counts{ARRSStaff: 3, Known: map[integration.Warning]bool{integration.NoSupervisor: true},
				Count: map[integration.Warning]int{integration.NoSupervisor: 1, integration.NoService: 2}},
			Pulse: compare.Pulse{Known: true, Responses: 7, LinksIssued: 9}},
		{PCN: workforce.PCN{Code: "U3", Name: "C"}, HasNeed: true, Need: needreport.Row{Registered: 900, Need: 900, Denominator: need.List},
			Integration: integration.Counts{ARRSStaff: 4, Known: known, Count: map[integration.Warning]int{integration.OverTwoPractices: 1,
				integration.AppraisalOverdue: 2, integration.NoRecordsAccess: 3, integration.NoService: 4}},
			Pulse: compare.Pulse{Known: true}},
	}}
	var b bytes.Buffer
	if err := WriteComparison(&b, CSV, res, []workforce.Role{{Code: "paramedic"}}); err != nil {
		t.Fatal(err)
	}
	want := "code,name,weighted_population,list_size_stands_in,arrs_fte,arrs_fte_per_10k,per_10k_england_decile," +
		"denominator,registered_patients,need_population,expected_fte,ratio,lower_998,upper_998,flag_998,fair_share_fte," +
		"fair_share_reached_pct,fair_share_england_decile,headroom_gbp,supervision_needing,supervision_covered,supervision_coverage_pct," +
		"room_sessions_available,room_sessions_short_now,room_sessions_short_with_plan,first_quarter_short,plan_version,plan_status,waiting_for,paramedic_fte," +
		"arrs_staff,no_supervisor,over_two_practices,appraisal_overdue,no_records_access,no_service,pulse_responses\n" +
		"U1,'=A PCN,1000,no,1.01,,,need,,,,,,,,0.00,,,-1.50,0,,,,,,,,none,,2.00,2,,,,,,\n" +
		"U2,B,0,yes,0.00,3.46,4,need,10000,12345.68,4.01,0.2497,0.2510,2.5000,below,0.00,,,0.00,2,1,50.0,0.00,0.00,0.00,,Version 2,submitted,\"The clinical director, to sign it off\",0.00,3,1,,,,,7\n" +
		"U3,C,0,no,0.00,,,list,900,900.00,,,,,,0.00,,,0.00,0,,,,,,,,none,,0.00,4,0,1,2,3,4,0\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
