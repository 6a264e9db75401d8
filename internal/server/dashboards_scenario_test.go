package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The scenario behind the dashboard and comparison tests: the demo PCN U60057 and
// U79722, both of the demo ICB QOC, with a handful of staff records, a plan, two
// supervisors and two sites, on 23 November 2026 (capNow, 2026/27 Q3). Every figure
// the tests check is worked out by hand below from these records; docs/dashboards.md
// says which rule each step applies.
//
// STAFF RECORDS (the NWRS census of November 2025: A = 30 Nov 2025, when its records
// start; "r5" is entered by hand)
//
//	U60057  r1 pharmacist 1.0, r2 pharmacist 0.6 (clinical_pharmacist)
//	        r3 care coordinator 1.0, r4 manager 1.0 (outside ARRS)
//	        r5 care coordinator 0.4, 1 Oct 2025 to 15 Jan 2027 (the first day out of post)
//	U79722  r7 care coordinator 0.8
//	every other PCN of England: none.
//
// WEIGHTED POPULATIONS from 1 Jan 2025: U60057 100,000, U79722 50,000; every other
// PCN's registered list stands in (Nov 2025 lists: England 63,706,897, of which
// U60057 105,122 and U79722 26,390), so Σw = 63,706,897 − 105,122 − 26,390 + 150,000
// = 63,725,385.
//
// IN POST AND FAIR SHARE (the default target: T = 26,000 additional FTE, baseline 31
// Mar 2019, when nobody here was in post, so baseline(p) = 0)
//
//	U60057  in_post(A) = r1 + r2 + r3 + r5 = 1 + 0.6 + 1 + 0.4 = 3.0 FTE
//	        (pharmacist 1.6: 53%, care coordinator 1.4: 47%)
//	        per 10,000 need-adjusted patients: no practice data here, so need is the
//	        registered list: 3.0 ÷ 105,122 × 10,000 = 0.285 → 0.29 (docs/need.md)
//	        fair share: 26,000 × 100,000 ÷ 63,725,385 = 40.800067 → 40.8
//	        reached: (3.0 − 0) ÷ 40.800067 = 0.073529 → 7%
//	U79722  in_post(A) = 0.8; per 10,000 0.16; fair share 20.400034; reached 3.9%
//	England every other PCN has 0 in post: per 10,000 and reached 0, rank 1 of n =
//	        1,297, decile ceil(10 × 1 ÷ 1,297) = 1. U79722 ranks 1,296th and U60057
//	        1,297th on both measures: deciles ceil(12,960 ÷ 1,297) = 10 and 10.
//
// PLAN of U60057: version 1, accepted (the current plan)
//
//	2026/27 Q4 (1 Jan 2027)  pharmacist   +1 starter, £60,000 a year
//	2027/28 Q2 (1 Jul 2027)  care coord.  +0.5 starters, 0.4 leavers, £30,000 a year
//
// and version 2, a newer draft of 10 paramedics in 2026/27 Q4, which is not the current
// plan: no figure may count it. U79722 has no plan.
//
// PROJECTION of U60057 on each quarter's last day d of the plan's window (2026/27 Q1
// to 2028/29 Q4): 3.0 + net starters of lines in (A, d] − 3.0 × 0.10 × days(A, d) ÷ 365
//
//	30 Jun 2026 (212 days): 3.0 − 0.174247 = 2.825753 → 2.8, with or without the plan
//	31 Mar 2027 (486 days): without 3.0 − 0.399452 = 2.600548 → 2.6; with +1 → 3.6
//	31 Mar 2029 (1,217 days): without 3.0 − 1.000274 = 1.999726 → 2.0;
//	                          with +1 + 0.5 − 0.4 = +1.1 → 3.099726 → 3.1
//
// FUNDING (as of A; no 2026/27 rate is published, so 2025/26's £26.631 stands in; w on
// 1 January before the year: 100,000; records without a cost are claimed at the cap:
// pharmacist £66,972, care coordinator £33,396)
//
//	2026/27 entitlement 26.631 × 100,000 = £2,663,100.00
//	        committed r1 66,972 × 1.0 ÷ 12 = 5,581.00 × 12 = 66,972.00
//	                  r2 66,972 × 0.6 ÷ 12 = 3,348.60 × 12 = 40,183.20
//	                  r3 33,396 × 1.0 ÷ 12 = 2,783.00 × 12 = 33,396.00
//	                  r5 33,396 × 0.4 ÷ 12 = 1,113.20 × 9 (Apr–Dec) = 10,018.80,
//	                     + Jan 1,113.20 × 14 ÷ 31 days = 502.74: 10,521.54
//	                  = £151,072.74
//	        planned   pharmacist 60,000 ÷ 12 = 5,000 × 3 (Jan–Mar) = £15,000.00
//	        headroom  2,663,100.00 − 151,072.74 − 15,000.00 = £2,497,027.26
//	2027/28 committed r1 + r2 + r3 = £140,551.20 (r5 has gone)
//	        planned   pharmacist 5,000 × 12 = 60,000 + care coord. 30,000 × 0.5 ÷ 12
//	                  = 1,250 × 9 (Jul–Mar) = 11,250, less its leavers 30,000 × 0.4
//	                  ÷ 12 = 1,000 × 9 = 9,000: £62,250.00
//	        headroom  2,663,100.00 − 140,551.20 − 62,250.00 = £2,460,298.80
//	Pages show whole pounds (£2,460,299), files the pence.
//	U79722 2026/27: 26.631 × 50,000 = 1,331,550.00 − r7 33,396 × 0.8 ÷ 12 = 2,226.40
//	        × 12 = 26,716.80: headroom £1,304,833.20
//
// SUPERVISION of U60057 today. Needing clinical supervision: the pharmacists r1, r2
// (care coordinators need none): 2.
//
//	Dr Ahmed, GP, 0.2 FTE, 4 hours a month: r1 clinical 3 h, r2 educational 2 h
//	Ms Patel, pharmacist, 1.0 FTE, 10 hours a month: no links
//
//	coverage: r1 has a clinical link, r2 only an educational one: 1 of 2 (50%)
//	Dr Ahmed: 5 h ÷ 4 h = 125%, overloaded; trainees: r2 (educational link) 1, places
//	4 × 0.2 = 0.8: over the ratio. Ms Patel 0%. Trainees 1 of 0.8 + 4.0 = 4.8 places.
//	GP sessions: 5 h ÷ (37.5 ÷ 9) = 1.2 a month.
//	U79722: nobody needs supervision: 0 of 0, 100%.
//
// ROOMS of U60057 today (sessions a week per WTE: pharmacist 8, care coordinator 4)
//
//	sites: Riverside 12 + Abbey 8 = 20 available
//	needed now: 1.6 × 8 + 1.4 × 4 = 12.8 + 5.6 = 18.4: not short
//	with the plan, at the start of each of the 12 quarters after today's:
//	2026/27 Q4 +1 pharmacist × 8 = 26.4: short 6.4 (the first quarter short)
//	2027/28 Q2 +0.5 care coordinator × 4 = 28.4: short 8.4, to 2029/30 Q3
//	U79722: no sites: needed 0.8 × 4 = 3.2, short 3.2 now and with the plan.
//
// LEAVING by 23 Feb 2027 (3 months on): r5, last day in post 14 Jan 2027, 0.4 ARRS FTE.
type dashScenario struct {
	r1, r2, r5 int64
	ahmed      int64
	v1, v2     workforce.Plan
}

// scenarioNWRS is the census of November 2025 of the scenario.
const scenarioNWRS = `Data_source,CENSUS_YEAR,CENSUS_MONTH,PCN_CODE,PCN_NAME,SUB_ICB_CODE,SUB_ICB_NAME,ICB_CODE,ICB_NAME,COMM_REGION_CODE,COMM_REGION_NAME,STAFF_GROUP,STAFF_ROLE,DETAILED_STAFF_ROLE,FTE,UNIQUE_IDENTIFIER
NWRS Staff,2025,11,U60057,SHREWSBURY PCN,M2L0M,"NHS Shropshire, Telford and Wrekin ICB - M2L0M",QOC,"NHS Shropshire, Telford and Wrekin ICB",Y60,Midlands,Other Direct Patient Care staff,Pharmacists,Pharmacist,1,900001
NWRS Staff,2025,11,U60057,SHREWSBURY PCN,M2L0M,"NHS Shropshire, Telford and Wrekin ICB - M2L0M",QOC,"NHS Shropshire, Telford and Wrekin ICB",Y60,Midlands,Other Direct Patient Care staff,Pharmacists,Pharmacist,0.6,900002
NWRS Staff,2025,11,U60057,SHREWSBURY PCN,M2L0M,"NHS Shropshire, Telford and Wrekin ICB - M2L0M",QOC,"NHS Shropshire, Telford and Wrekin ICB",Y60,Midlands,Other Direct Patient Care staff,Care Coordinators,Care Coordinator,1,900003
NWRS Staff,2025,11,U60057,SHREWSBURY PCN,M2L0M,"NHS Shropshire, Telford and Wrekin ICB - M2L0M",QOC,"NHS Shropshire, Telford and Wrekin ICB",Y60,Midlands,Other Admin/Non-clinical staff,Managers,Manager,1,900004
NWRS Staff,2025,11,U79722,SHROPSHIRE RURAL ALLIANCE PCN,M2L0M,"NHS Shropshire, Telford and Wrekin ICB - M2L0M",QOC,"NHS Shropshire, Telford and Wrekin ICB",Y60,Midlands,Other Direct Patient Care staff,Care Coordinators,Care Coordinator,0.8,900007
`

const scenarioPopulations = "pcn_code,weighted_population,effective_date\nU60057,100000,2025-01-01\nU79722,50000,2025-01-01\n"

func addDashScenario(t *testing.T, e *capEnv) dashScenario {
	t.Helper()
	ctx := context.Background()
	if _, err := ingest.NWRS(ctx, e.db, "census.csv", strings.NewReader(scenarioNWRS), capBy, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Populations(ctx, e.db, "pops.csv", strings.NewReader(scenarioPopulations), capBy, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	var sc dashScenario
	sc.r1, sc.r2 = staffByIdentifier(t, e, "900001"), staffByIdentifier(t, e, "900002")
	sc.r5 = e.staff("U60057", "care_coordinator", 0.4, "2025-10-01", "2027-01-15")
	sc.v1 = scenarioAcceptedPlan(t, e)
	capDraft(t, e, []workforce.PlanLine{{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: capDay(t, "2027-01-01"), StartersFTE: 10}})
	v2, err := e.db.EditablePlan(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	sc.v2 = v2
	sc.ahmed = scenarioSupervision(t, e, sc)
	for name, n := range map[string]float64{"Riverside": 12, "Abbey": 8} {
		if _, err := e.db.CreateSite(ctx, workforce.Site{PCNCode: "U60057", Name: name, SessionsPerWeek: n}, capBy); err != nil {
			t.Fatal(err)
		}
	}
	return sc
}

// scenarioAcceptedPlan makes U60057's plan and takes it through the workflow to
// accepted.
func scenarioAcceptedPlan(t *testing.T, e *capEnv) workforce.Plan {
	t.Helper()
	ctx := context.Background()
	pence := func(p workforce.Pence) *workforce.Pence { return &p }
	capDraft(t, e, []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: capDay(t, "2027-01-01"), StartersFTE: 1, AnnualCostPence: pence(6_000_000)},
		{PCNCode: "U60057", RoleCode: "care_coordinator", QuarterStart: capDay(t, "2027-07-01"), StartersFTE: 0.5, LeaversFTE: 0.4, AnnualCostPence: pence(3_000_000)},
	})
	p, err := e.db.EditablePlan(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []workforce.PlanAction{workforce.ActionSubmit, workforce.ActionSignOff, workforce.ActionAccept} {
		// One person per move: the workflow keeps the submitter, the director and the reviewer apart.
		moved, err := e.db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: a, By: store.Actor{Name: string(a) + "-" + capBy.Name}})
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		p = moved.After
	}
	return p
}

// scenarioSupervision adds Dr Ahmed with his two links and Ms Patel with none.
func scenarioSupervision(t *testing.T, e *capEnv, sc dashScenario) int64 {
	t.Helper()
	ctx := context.Background()
	ahmed, err := e.db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: "U60057", Name: "Dr Ahmed", Profession: "GP", FTE: 0.2, HoursPerMonth: 4}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: "U60057", Name: "Ms Patel", Profession: "Pharmacist", FTE: 1, HoursPerMonth: 10}, capBy); err != nil {
		t.Fatal(err)
	}
	for _, l := range []workforce.SupervisionLink{
		{PCNCode: "U60057", SuperviseeID: sc.r1, SupervisorID: ahmed.ID, Kind: workforce.SupervisionClinical, HoursPerMonth: 3, Start: capDay(t, "2026-01-01")},
		{PCNCode: "U60057", SuperviseeID: sc.r2, SupervisorID: ahmed.ID, Kind: workforce.SupervisionEducational, HoursPerMonth: 2, Start: capDay(t, "2026-01-01")},
	} {
		if _, err := e.db.CreateSupervisionLink(ctx, l, capBy); err != nil {
			t.Fatal(err)
		}
	}
	return ahmed.ID
}

// staffByIdentifier is the id of the record with an NWRS identifier.
func staffByIdentifier(t *testing.T, e *capEnv, ident string) int64 {
	t.Helper()
	var id int64
	if err := e.db.QueryRowForTest(context.Background(), `SELECT id FROM staff WHERE unique_identifier = '`+ident+`'`, &id); err != nil {
		t.Fatal(err)
	}
	return id
}
