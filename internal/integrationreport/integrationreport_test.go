package integrationreport_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/integration"
	"github.com/arrs-planner/arrs/internal/integrationreport"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	by = store.Actor{Name: "test"}
	// today is the day links, appraisals and the three-month rule are judged; asOf the
	// day the staff data describes (before the ICB changes of April 2026).
	today = workforce.Date(2026, 6, 15)
	asOf  = workforce.Date(2026, 3, 31)
)

// The PCNs of the scenario: Shrewsbury and Wrekin in Shropshire, Telford and Wrekin ICB
// (QOC), North Sedgemoor in Somerset ICB (QSL).
const (
	shrewsbury = "U60057" // keeps integration records and supervision
	wrekin     = "U13205" // keeps neither: every count is no data
	sedgemoor  = "U00760" // records supervision only
)

// scenario holds the staff ids by name.
type scenario map[string]int64

// seed builds the scenario, on 15 June 2026 with staff data as of 31 March 2026:
//
//	Shrewsbury (three member practices ZZ0001–3; supervisors Ahmed and Brown)
//	  pharm  clinical pharmacist from 1 Jun 2024: based at all three practices; last
//	         appraisal 14 Jun 2025, so due 14 Jun 2026, yesterday; clinical link from
//	         Ahmed in force (and one from Brown, ended)  → over_two_practices, appraisal_overdue
//	  para   paramedic from 15 Feb 2026, four months: inducted, no records access; an
//	         educational link only                        → no_supervisor, no_records_access
//	  care   care coordinator from 16 Jun 2025, no record saved → no_records_access, no_service
//	  coach  health and wellbeing coach from 1 Jan 2025: two practices, appraisal due
//	         today, everything recorded                  → none
//	  left   clinical pharmacist who left on 1 Jan 2026: not in post
//	  couns  a counsellor outside ARRS: not counted
//	Wrekin   pharmacist from 1 Jan 2025, nothing recorded
//	Sedgemoor pharmacist from 1 Jan 2025 whose clinical link ended 1 Jan 2026 (Cole) → no_supervisor
func seed(t *testing.T) (*store.DB, scenario) {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	ctx := context.Background()
	memberPractices(t, dbURL)
	sc := scenario{}
	for name, s := range map[string]workforce.Staff{
		"pharm": {PCNCode: shrewsbury, RoleCode: "clinical_pharmacist", Start: workforce.Date(2024, 6, 1)},
		"para":  {PCNCode: shrewsbury, RoleCode: "paramedic", Start: today.AddDate(0, -4, 0)},
		"care":  {PCNCode: shrewsbury, RoleCode: "care_coordinator", Start: workforce.Date(2025, 6, 16)},
		"coach": {PCNCode: shrewsbury, RoleCode: "health_wellbeing_coach", Start: workforce.Date(2025, 1, 1)},
		"left":  {PCNCode: shrewsbury, RoleCode: "clinical_pharmacist", Start: workforce.Date(2024, 1, 1), End: workforce.Date(2026, 1, 1)},
		"couns": {PCNCode: shrewsbury, StaffRole: "Practice-based counsellor", Start: workforce.Date(2024, 1, 1)},
		"wrek":  {PCNCode: wrekin, RoleCode: "clinical_pharmacist", Start: workforce.Date(2025, 1, 1)},
		"sedg":  {PCNCode: sedgemoor, RoleCode: "clinical_pharmacist", Start: workforce.Date(2025, 1, 1)},
	} {
		s.FTE = 1
		if s.StaffRole == "" {
			s.StaffRole = s.RoleCode
		}
		rec, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: s}, by)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sc[name] = rec.ID
	}
	for _, r := range []workforce.IntegrationRecord{
		{StaffID: sc["pharm"], Practices: []string{"ZZ0001", "ZZ0002", "ZZ0003"}, InductionOn: workforce.Date(2024, 6, 3),
			RecordsAccessOn: workforce.Date(2024, 6, 3), LastAppraisalOn: workforce.Date(2025, 6, 14), ServiceCode: "structured_medication_reviews"},
		{StaffID: sc["para"], Practices: []string{"ZZ0001"}, InductionOn: today.AddDate(0, -4, 1), ServiceCode: "same_day_access"},
		{StaffID: sc["coach"], Practices: []string{"ZZ0001", "ZZ0002"}, InductionOn: workforce.Date(2025, 1, 2),
			RecordsAccessOn: workforce.Date(2025, 1, 2), NextAppraisalDue: today, ServiceCode: "social_prescribing"},
		{StaffID: sc["left"], ServiceCode: "other"},
	} {
		r.PCNCode = shrewsbury
		if _, err := db.SaveIntegrationRecord(ctx, r, today, by); err != nil {
			t.Fatalf("integration record of %d: %v", r.StaffID, err)
		}
	}
	sup := func(pcn, name string) int64 {
		s, err := db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: pcn, Name: name, Profession: "GP", FTE: 1, HoursPerMonth: 8, Active: true}, by)
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	ahmed, brown, cole := sup(shrewsbury, "Ahmed"), sup(shrewsbury, "Brown"), sup(sedgemoor, "Cole")
	for _, l := range []workforce.SupervisionLink{
		{PCNCode: shrewsbury, SuperviseeID: sc["pharm"], SupervisorID: ahmed, Kind: workforce.SupervisionClinical, Start: workforce.Date(2024, 6, 1)},
		{PCNCode: shrewsbury, SuperviseeID: sc["pharm"], SupervisorID: brown, Kind: workforce.SupervisionClinical,
			Start: workforce.Date(2024, 6, 1), End: workforce.Date(2025, 1, 1)},
		{PCNCode: shrewsbury, SuperviseeID: sc["para"], SupervisorID: ahmed, Kind: workforce.SupervisionEducational, Start: today.AddDate(0, -4, 0)},
		{PCNCode: sedgemoor, SuperviseeID: sc["sedg"], SupervisorID: cole, Kind: workforce.SupervisionClinical,
			Start: workforce.Date(2025, 1, 1), End: workforce.Date(2026, 1, 1)},
	} {
		l.HoursPerMonth = 2
		if _, err := db.CreateSupervisionLink(ctx, l, by); err != nil {
			t.Fatal(err)
		}
	}
	return db, sc
}

// memberPractices makes ZZ0001–ZZ0003 Shrewsbury's member practices (the reference data
// of the test template has none).
func memberPractices(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BRIDGE SURGERY', 'SY2 2BB'), ('ZZ0003', 'CASTLE SURGERY', 'SY3 3CC');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, 'U60057', s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001'), ('ZZ0002'), ('ZZ0003')) AS x(code)
		CROSS JOIN LATERAL (SELECT sub_icb_code, icb_code FROM sub_icb_spans
		                    WHERE icb_code = 'QOC' AND valid_to IS NULL ORDER BY 1 LIMIT 1) s`)
	if err != nil {
		t.Fatal(err)
	}
}

// counts is a Counts written as the report would: -1 for no data.
func counts(c integration.Counts) map[integration.Warning]int {
	out := map[integration.Warning]int{}
	for _, w := range integration.Warnings {
		n, ok := c.Value(w)
		if !ok {
			n = -1
		}
		out[w] = n
	}
	return out
}

func want(ns, o2p, ao, nra, nsvc int) map[integration.Warning]int {
	return map[integration.Warning]int{integration.NoSupervisor: ns, integration.OverTwoPractices: o2p,
		integration.AppraisalOverdue: ao, integration.NoRecordsAccess: nra, integration.NoService: nsvc}
}

func equal(a, b map[integration.Warning]int) bool {
	for _, w := range integration.Warnings {
		if a[w] != b[w] {
			return false
		}
	}
	return true
}

// Each warning with a hand-made case: three practices; an appraisal due yesterday (due
// today is not overdue); a starter of four months without records access; no
// supervisor where only an educational link is in force (and a clinical one ended);
// no service where no record is saved. Staff out of post or outside ARRS are not
// listed; people are by role name, then id.
func TestIntegrationOfPCN(t *testing.T) {
	t.Parallel()
	db, sc := seed(t)
	got, err := integrationreport.OfPCN(context.Background(), db, shrewsbury, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	wantPeople := []struct {
		name, role string
		warnings   []integration.Warning
		due        time.Time
		sups       []string
	}{
		{"care", "Care coordinator", []integration.Warning{integration.NoRecordsAccess, integration.NoService}, workforce.Date(2026, 6, 16), nil},
		{"pharm", "Clinical pharmacist", []integration.Warning{integration.OverTwoPractices, integration.AppraisalOverdue},
			workforce.Date(2026, 6, 14), []string{"Ahmed"}},
		{"coach", "Health and wellbeing coach", nil, today, nil},
		{"para", "Paramedic", []integration.Warning{integration.NoSupervisor, integration.NoRecordsAccess}, workforce.Date(2027, 2, 15), nil},
	}
	if len(got.People) != len(wantPeople) {
		t.Fatalf("%d people, want %d: %+v", len(got.People), len(wantPeople), got.People)
	}
	for i, w := range wantPeople {
		p := got.People[i]
		if p.Staff.ID != sc[w.name] || p.RoleName != w.role || !slices.Equal(p.Warnings, w.warnings) ||
			!p.AppraisalDue.Equal(w.due) || !slices.Equal(p.ClinicalSupervisors, w.sups) {
			t.Errorf("person %d: %d %q warnings %v due %s supervisors %v; want %s (%d) %q %v %s %v", i, p.Staff.ID, p.RoleName,
				p.Warnings, p.AppraisalDue.Format(time.DateOnly), p.ClinicalSupervisors, w.name, sc[w.name], w.role, w.warnings,
				w.due.Format(time.DateOnly), w.sups)
		}
	}
	if c := got.Counts; c.ARRSStaff != 4 || !equal(counts(c), want(1, 1, 1, 2, 1)) || c.NoRecordPCNs != 0 || c.NoSupervisionPCNs != 0 {
		t.Errorf("counts %+v", c)
	}
	if got.People[0].HasRecord || got.People[1].Record.ServiceCode != "structured_medication_reviews" {
		t.Errorf("records: care %v, pharm %+v", got.People[0].HasRecord, got.People[1].Record)
	}

	// Where the PCN keeps no records, every count is no data, and the person carries no
	// warning the records would be needed for.
	none, err := integrationreport.OfPCN(context.Background(), db, wrekin, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(none.People) != 1 || len(none.People[0].Warnings) != 0 || none.Counts.ARRSStaff != 1 ||
		!equal(counts(none.Counts), want(-1, -1, -1, -1, -1)) || none.Counts.NoRecordPCNs != 1 || none.Counts.NoSupervisionPCNs != 1 {
		t.Errorf("Wrekin: %+v", none)
	}
	sup, err := integrationreport.OfPCN(context.Background(), db, sedgemoor, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(sup.People) != 1 || !slices.Equal(sup.People[0].Warnings, []integration.Warning{integration.NoSupervisor}) ||
		!equal(counts(sup.Counts), want(1, -1, -1, -1, -1)) {
		t.Errorf("Sedgemoor: %+v", sup)
	}
}

// CountsOf gives each PCN what OfPCN counts, for several at once.
func TestIntegrationCountsOf(t *testing.T) {
	t.Parallel()
	db, _ := seed(t)
	ctx := context.Background()
	all, err := integrationreport.CountsOf(ctx, db, []string{shrewsbury, wrekin, sedgemoor}, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	for pcn, w := range map[string]map[integration.Warning]int{
		shrewsbury: want(1, 1, 1, 2, 1), wrekin: want(-1, -1, -1, -1, -1), sedgemoor: want(1, -1, -1, -1, -1),
	} {
		one, err := integrationreport.OfPCN(ctx, db, pcn, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		if c := all[pcn]; !equal(counts(c), w) || c.ARRSStaff != one.Counts.ARRSStaff || !equal(counts(one.Counts), w) {
			t.Errorf("%s: CountsOf %+v, OfPCN %+v, want %v", pcn, c, one.Counts, w)
		}
	}
}

// pulseRound opens a round of the PCN from opened to closes with n links and answers
// the first a of them on the day it opens: its closing day passes before today.
func pulseRound(t *testing.T, db *store.DB, pcn string, opened, closes time.Time, n, a int) {
	t.Helper()
	ctx := context.Background()
	groups := slices.Repeat([]workforce.RoleGroup{workforce.GroupPharmacy}, n)
	_, links, err := db.OpenPulseRound(ctx, pcn, opened, closes, groups, by)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links[:a] {
		if err := db.AnswerPulse(ctx, l.Token, workforce.PulseAnswer{Scores: [4]int{4, 4, 3, 5}}, opened); err != nil {
			t.Fatal(err)
		}
	}
}

// An area sums the known counts of its PCNs; a count no PCN of it knows is no data;
// arrs_staff counts everyone. England's row sums every PCN. Pulse responses are those
// of each PCN's latest closed round, known where a PCN of the area has one, 0 when
// nobody answered. Closed means sealed, and the report seals nothing: a round past its
// day counts once something at the edge (a page, `arrs report integration`) seals it.
func TestIntegrationRows(t *testing.T) {
	t.Parallel()
	db, _ := seed(t)
	ctx := context.Background()
	pulseRound(t, db, shrewsbury, workforce.Date(2026, 4, 1), workforce.Date(2026, 4, 20), 4, 3)
	if _, err := db.SealPulseRounds(ctx, workforce.Date(2026, 4, 25)); err != nil {
		t.Fatal(err)
	}
	pulseRound(t, db, shrewsbury, workforce.Date(2026, 5, 1), workforce.Date(2026, 5, 20), 4, 2)
	pulseRound(t, db, sedgemoor, workforce.Date(2026, 5, 1), workforce.Date(2026, 5, 20), 2, 0)
	unsealed, err := integrationreport.Rows(ctx, db, workforce.LevelPCN, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range unsealed {
		if r.Code == shrewsbury && (!r.PulseKnown || r.PulseResponses != 3) || r.Code == sedgemoor && r.PulseKnown {
			t.Errorf("before the seal %s %+v: want only the sealed round (Shrewsbury's 3 answers)", r.Code, r)
		}
	}
	if n, err := db.SealPulseRounds(ctx, today); err != nil || n != 2 {
		t.Fatalf("the report sealed a round, or sealing failed: %d left to seal, %v", n, err)
	}
	rows := func(level workforce.Level) map[string]integrationreport.Row {
		t.Helper()
		rs, err := integrationreport.Rows(ctx, db, level, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSortedFunc(rs, func(a, b integrationreport.Row) int { return strings.Compare(a.Code, b.Code) }) {
			t.Errorf("%s rows not by code", level)
		}
		out := map[string]integrationreport.Row{}
		for _, r := range rs {
			if r.Level != level {
				t.Errorf("%s row %s has level %s", level, r.Code, r.Level)
			}
			out[r.Code] = r
		}
		return out
	}
	tree, err := db.TreeOn(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	pcns := rows(workforce.LevelPCN)
	if len(pcns) != len(tree.PCNs) {
		t.Errorf("%d PCN rows, the tree has %d PCNs", len(pcns), len(tree.PCNs))
	}
	if r := pcns[shrewsbury]; r.Name != "SHREWSBURY PCN" || r.Counts.ARRSStaff != 4 || !equal(counts(r.Counts), want(1, 1, 1, 2, 1)) ||
		!r.PulseKnown || r.PulseResponses != 2 {
		t.Errorf("Shrewsbury row %+v, want the 2 answers of its latest closed round", r)
	}
	if r := pcns[sedgemoor]; !r.PulseKnown || r.PulseResponses != 0 {
		t.Errorf("Sedgemoor row %+v, want 0 answers, known", r)
	}
	if r := pcns[wrekin]; r.PulseKnown {
		t.Errorf("Wrekin row %+v, want no pulse data", r)
	}
	icbs := rows(workforce.LevelICB)
	qoc, qsl := icbs["QOC"], icbs["QSL"]
	if qoc.Counts.ARRSStaff != 5 || !equal(counts(qoc.Counts), want(1, 1, 1, 2, 1)) || qoc.Counts.PCNs != len(tree.PCNsOf("QOC")) ||
		qoc.Counts.NoRecordPCNs != qoc.Counts.PCNs-1 || qoc.Name == "" || !qoc.PulseKnown || qoc.PulseResponses != 2 {
		t.Errorf("QOC %+v", qoc)
	}
	if qsl.Counts.ARRSStaff != 1 || !equal(counts(qsl.Counts), want(1, -1, -1, -1, -1)) || !qsl.PulseKnown || qsl.PulseResponses != 0 {
		t.Errorf("QSL %+v", qsl)
	}
	for code, r := range icbs {
		if code != "QOC" && code != "QSL" && (r.PulseKnown || r.Counts.ARRSStaff != 0 || !equal(counts(r.Counts), want(-1, -1, -1, -1, -1))) {
			t.Errorf("%s keeps nothing: %+v", code, r)
		}
	}
	if len(icbs) != len(tree.ICBs) {
		t.Errorf("%d ICB rows, the tree has %d ICBs", len(icbs), len(tree.ICBs))
	}
	regions := rows(workforce.LevelRegion)
	qocRegion, _ := tree.ICB("QOC")
	if r := regions[qocRegion.RegionCode]; r.Counts.ARRSStaff != 5 || !equal(counts(r.Counts), want(1, 1, 1, 2, 1)) || r.Name == "" {
		t.Errorf("region %s %+v", qocRegion.RegionCode, r)
	}
	england := rows(workforce.LevelEngland)
	e, ok := england[workforce.EnglandCode]
	if !ok || len(england) != 1 || e.Name != "England" || e.Counts.ARRSStaff != 6 || !equal(counts(e.Counts), want(2, 1, 1, 2, 1)) ||
		e.Counts.PCNs != len(tree.PCNs) || e.Counts.NoRecordPCNs != len(tree.PCNs)-1 || e.Counts.NoSupervisionPCNs != len(tree.PCNs)-2 ||
		!e.PulseKnown || e.PulseResponses != 2 {
		t.Errorf("England %+v", e)
	}
}

// Clinical supervisors are named by supervisor, in the order of the links: two
// supervisors of one name are both named, one supervisor of two links once; links of
// another kind, ended or not yet begun are not.
func TestClinicalSupervisors(t *testing.T) {
	t.Parallel()
	today := workforce.Date(2026, 6, 1)
	sups := []workforce.Supervisor{{ID: 1, Name: "Dr Smith"}, {ID: 2, Name: "Dr Smith"}, {ID: 3, Name: "Dr Jones"}, {ID: 4, Name: "Dr Lee"}}
	link := func(staff, sup int64, kind workforce.SupervisionKind, start, end time.Time) workforce.SupervisionLink {
		return workforce.SupervisionLink{SuperviseeID: staff, SupervisorID: sup, Kind: kind, Start: start, End: end}
	}
	began := workforce.Date(2025, 1, 1)
	links := []workforce.SupervisionLink{
		link(10, 3, workforce.SupervisionClinical, began, time.Time{}),
		link(10, 1, workforce.SupervisionClinical, began, time.Time{}),
		link(10, 3, workforce.SupervisionClinical, began, time.Time{}),
		link(10, 2, workforce.SupervisionClinical, began, time.Time{}),
		link(10, 4, workforce.SupervisionEducational, began, time.Time{}),
		link(11, 4, workforce.SupervisionClinical, began, today),
		link(11, 1, workforce.SupervisionClinical, today.AddDate(0, 0, 1), time.Time{}),
		link(12, 4, workforce.SupervisionClinical, today, time.Time{}),
	}
	got := integrationreport.ClinicalSupervisors(sups, links, today)
	if want := []string{"Dr Jones", "Dr Smith", "Dr Smith"}; !slices.Equal(got[10], want) {
		t.Errorf("staff 10: %v, want %v", got[10], want)
	}
	if len(got[11]) != 0 {
		t.Errorf("staff 11, a link ended and one not begun: %v", got[11])
	}
	if want := []string{"Dr Lee"}; !slices.Equal(got[12], want) {
		t.Errorf("staff 12, a link from today: %v, want %v", got[12], want)
	}
}

// Records starting after the as-of date (a manager adds them by hand before a census
// carries them) are listed apart, up to three months after today and not ended by
// today, by start: judged by the same rules on day today, not counted. A clinical link
// recorded ahead of today is named by its first day.
func TestIntegrationLater(t *testing.T) {
	t.Parallel()
	db, sc := seed(t)
	ctx := context.Background()
	for name, s := range map[string]workforce.Staff{
		"may":  {RoleCode: "paramedic", Start: workforce.Date(2026, 5, 1)},
		"sept": {RoleCode: "care_coordinator", Start: today.AddDate(0, integrationreport.LaterMonths, 0)},
		"oct":  {RoleCode: "care_coordinator", Start: today.AddDate(0, integrationreport.LaterMonths, 1)},
		"gone": {RoleCode: "paramedic", Start: workforce.Date(2026, 4, 10), End: today},
		"stay": {RoleCode: "clinical_pharmacist", Start: workforce.Date(2026, 4, 10), End: today.AddDate(0, 0, 1)},
	} {
		s.PCNCode, s.StaffRole, s.FTE = shrewsbury, s.RoleCode, 1
		rec, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: s}, by)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sc[name] = rec.ID
	}
	sups, err := db.SupervisorsOfPCN(ctx, shrewsbury)
	if err != nil || len(sups) == 0 {
		t.Fatal(sups, err)
	}
	linkFrom := workforce.Date(2026, 7, 1)
	for _, start := range []time.Time{workforce.Date(2026, 8, 1), linkFrom} {
		if _, err := db.CreateSupervisionLink(ctx, workforce.SupervisionLink{PCNCode: shrewsbury, SuperviseeID: sc["may"], SupervisorID: sups[0].ID,
			Kind: workforce.SupervisionClinical, HoursPerMonth: 2, Start: start}, by); err != nil {
			t.Fatal(err)
		}
	}
	got, err := integrationreport.OfPCN(ctx, db, shrewsbury, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range got.Later {
		ids = append(ids, e.Staff.ID)
	}
	if want := []int64{sc["stay"], sc["may"], sc["sept"]}; !slices.Equal(ids, want) {
		t.Fatalf("later %v, want stay, may, sept %v", ids, want)
	}
	if !got.LaterUntil.Equal(workforce.Date(2026, 9, 15)) {
		t.Errorf("later until %s", got.LaterUntil.Format(time.DateOnly))
	}
	may := got.Later[1]
	if !slices.Equal(may.Warnings, []integration.Warning{integration.NoSupervisor, integration.NoService}) ||
		!may.SupervisionFrom.Equal(linkFrom) || !may.AppraisalDue.Equal(workforce.Date(2027, 5, 1)) {
		t.Errorf("the paramedic from May: warnings %v, link from %s, appraisal due %s", may.Warnings,
			may.SupervisionFrom.Format(time.DateOnly), may.AppraisalDue.Format(time.DateOnly))
	}
	if c := got.Counts; c.ARRSStaff != 4 || !equal(counts(c), want(1, 1, 1, 2, 1)) || len(got.People) != 4 {
		t.Errorf("the later starters are counted: %+v, %d people", c, len(got.People))
	}
	for _, p := range got.People {
		if !p.SupervisionFrom.IsZero() {
			t.Errorf("%d: a link from %s", p.Staff.ID, p.SupervisionFrom)
		}
	}
}

// The first clinical link after today, by supervisee: not one in force, not another
// kind.
func TestNextClinicalLinks(t *testing.T) {
	t.Parallel()
	today := workforce.Date(2026, 6, 1)
	links := []workforce.SupervisionLink{
		{SuperviseeID: 1, Kind: workforce.SupervisionClinical, Start: today.AddDate(0, 2, 0)},
		{SuperviseeID: 1, Kind: workforce.SupervisionClinical, Start: today.AddDate(0, 0, 1)},
		{SuperviseeID: 1, Kind: workforce.SupervisionEducational, Start: today.AddDate(0, 0, 1)},
		{SuperviseeID: 2, Kind: workforce.SupervisionClinical, Start: today},
		{SuperviseeID: 3, Kind: workforce.SupervisionEducational, Start: today.AddDate(0, 1, 0)},
	}
	got := integrationreport.NextClinicalLinks(links, today)
	if len(got) != 1 || !got[1].Equal(today.AddDate(0, 0, 1)) {
		t.Errorf("next links %v", got)
	}
}
