package funding

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func day(s string) time.Time {
	d, err := workforce.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// addStaff inserts a staff record by hand and returns its id. cost 0 is NULL (not
// known); role "" is staff outside ARRS; funded "true" is the ARRS stream, "false"
// other money (the PCN pays for itself), "" as the role says.
func addStaff(t *testing.T, db *store.DB, pcn, role, ident string, fte float64, start, end string, cost int64, band string, funded string) int64 {
	t.Helper()
	q := func(s string) string {
		if s == "" {
			return "NULL"
		}
		return "'" + s + "'"
	}
	costSQL := "NULL"
	if cost > 0 {
		costSQL = fmt.Sprint(cost)
	}
	staffRole := ""
	if role == "" {
		staffRole = "Practice Manager"
	}
	var id int64
	err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`
		INSERT INTO staff (pcn_code, role_code, staff_role, source, unique_identifier, fte, start_date, end_date,
			annual_cost_pence, band, funding_stream)
		VALUES ('%s', %s, '%s', 'manual', '%s', %v, '%s', %s, %s, '%s', %s) RETURNING id`,
		pcn, q(role), staffRole, ident, fte, start, q(end), costSQL, band, q(map[string]string{"true": "arrs", "false": "other"}[funded])), &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func pence(p workforce.Pence) *workforce.Pence { return &p }

// fixture is the demo PCN U60057's 2025/26, as of 30 November 2025, written out by
// hand (rate £26.631; claims = min(cost, cap) × FTE / 12 × days in post / days in
// month, rounded per record per month):
//
//	w = 10,000 (in force on 1 January 2025): entitlement 2,663.1p × 10,000 = 26,631,000p
//
//	CP-PART  clinical pharmacist 0.8 FTE, £60,000 (under the £66,972 cap), from
//	         11 June 2025 — part-month proration: June 20 of 30 days:
//	         6,000,000 × 0.8 / 12 × 20/30 = 266,666.67 → 266,667; July–March
//	         400,000 × 9 = 3,600,000; total 3,866,667; cost the same, 0 above the cap
//	CC-MID   care coordinator 1.0, £36,000, all year — the cap changes mid-year: an
//	         admin adds £35,000 from 1 October 2025 over £33,396 (from 2023-07-01):
//	         April–September 3,339,600 / 12 = 278,300 × 6 = 1,669,800;
//	         October–March 3,500,000 / 12 = 291,666.67 → 291,667 × 6 = 1,750,002;
//	         total 3,419,802; cost 300,000 × 12 = 3,600,000; above 180,198
//	PA-NOCAP physician associate 0.5, £50,000 — no cap of its own: band 7's £66,972,
//	         flagged "cap from band"; under it: 5,000,000 × 0.5 / 12 = 208,333.33 →
//	         208,333 × 12 = 2,499,996; cost the same, 0 above
//	CP-ABOVE clinical pharmacist 1.0, £70,000 — cost above the cap: claims
//	         6,697,200 / 12 = 558,100 × 12 = 6,697,200; cost 7,000,000 / 12 =
//	         583,333.33 → 583,333 × 12 = 6,999,996; above 302,796
//	PT-NOCOST pharmacy technician 1.0, no cost recorded: the £43,352 cap, flagged
//	         "cost assumed": 4,335,200 / 12 = 361,266.67 → 361,267 × 12 = 4,335,204;
//	         above not known (0)
//	GPN-B6   general practice nurse band 6, £55,000, from 1 April 2025: the
//	         "experienced" cap £53,319: 444,325 × 12 = 5,331,900; cost 458,333.33 →
//	         458,333 × 12 = 5,499,996; above 168,096
//	PARA-NONE paramedic 1.0, no cost and no cap of its own: estimated at band 7's
//	         £66,972: 558,100 × 12 = 6,697,200, flagged both ways
//	SELF     clinical pharmacist the PCN pays itself (arrs_funded false), and
//	         a practice manager (outside ARRS): not claimed
//	committed = 3,866,667 + 3,419,802 + 2,499,996 + 6,697,200 + 4,335,204 + 5,331,900
//	          + 6,697,200 = 32,847,969
//	plan (submitted: the current plan): 2 clinical pharmacists from 1 January 2026 at
//	         £55,000: 5,500,000 × 2 / 12 = 916,666.67 → 916,667 × 3 = 2,750,001;
//	         a care coordinator from 1 October 2025 (before the as-of date: already in
//	         the staff records): nothing; a paramedic leaving on 1 January, no cost
//	         on the line and no paramedic in post with one: the cap, 558,100 × 3 =
//	         1,674,300 off
//	planned  = 2,750,001 − 1,674,300 = 1,075,701
//	headroom = 26,631,000 − 32,847,969 − 1,075,701 = −7,292,670: over-committed by
//	           7,292,670, no underspend; above the caps 180,198 + 302,796 + 168,096
//	           = 651,090
//	April committed: 278,300 + 208,333 + 558,100 + 361,267 + 444,325 + 558,100
//	= 2,408,425; June adds CP-PART's 266,667: 2,675,092; October: 400,000 + 291,667
//	+ 208,333 + 558,100 + 361,267 + 444,325 + 558,100 = 2,821,792; January planned
//	916,667 − 558,100 = 358,567
type fixture struct {
	db  *store.DB
	ids map[string]int64
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	db := dbtest.New(t)
	ctx := context.Background()
	f := fixture{db: db, ids: map[string]int64{}}
	const pcn = "U60057"
	f.ids["CP-PART"] = addStaff(t, db, pcn, "clinical_pharmacist", "CP-PART", 0.8, "2025-06-11", "", 6000000, "", "")
	f.ids["CC-MID"] = addStaff(t, db, pcn, "care_coordinator", "CC-MID", 1, "2020-01-01", "", 3600000, "", "")
	f.ids["PA-NOCAP"] = addStaff(t, db, pcn, "physician_associate", "PA-NOCAP", 0.5, "2024-01-01", "", 5000000, "", "")
	f.ids["CP-ABOVE"] = addStaff(t, db, pcn, "clinical_pharmacist", "CP-ABOVE", 1, "2023-01-01", "", 7000000, "", "true")
	f.ids["PT-NOCOST"] = addStaff(t, db, pcn, "pharmacy_technician", "PT-NOCOST", 1, "2023-01-01", "", 0, "", "")
	f.ids["GPN-B6"] = addStaff(t, db, pcn, "general_practice_nurse", "GPN-B6", 1, "2025-04-01", "", 5500000, "6", "")
	f.ids["PARA-NONE"] = addStaff(t, db, pcn, "paramedic", "PARA-NONE", 1, "2024-01-01", "", 0, "", "")
	addStaff(t, db, pcn, "clinical_pharmacist", "SELF", 1, "2023-01-01", "", 6000000, "", "false")
	addStaff(t, db, pcn, "", "PM", 1, "2023-01-01", "", 5000000, "", "")
	// A record that ended before the year: no line.
	addStaff(t, db, pcn, "clinical_pharmacist", "GONE", 1, "2022-01-01", "2025-03-01", 6000000, "", "")
	by := store.Actor{Name: "test"}
	if _, err := db.AddRoleCap(ctx, workforce.Cap{RoleCode: "care_coordinator", EffectiveFrom: day("2025-10-01"), Pence: 3500000}, by); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpsertPopulations(ctx, "pops.csv", []workforce.Population{
		{PCNCode: pcn, EffectiveDate: day("2025-01-01"), Weighted: 10000},
		{PCNCode: pcn, EffectiveDate: day("2025-06-01"), Weighted: 11000}, // after 1 January 2025: not 2025/26's
		{PCNCode: pcn, EffectiveDate: day("2026-01-01"), Weighted: 12000}, // 2026/27's
	}, by); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReplaceDrafts(ctx, "plan.csv", []workforce.PlanLine{
		{PCNCode: pcn, RoleCode: "clinical_pharmacist", QuarterStart: day("2026-01-01"), StartersFTE: 2, AnnualCostPence: pence(5500000)},
		{PCNCode: pcn, RoleCode: "care_coordinator", QuarterStart: day("2025-10-01"), StartersFTE: 1},
		{PCNCode: pcn, RoleCode: "paramedic", QuarterStart: day("2026-01-01"), LeaversFTE: 1},
	}, by); err != nil {
		t.Fatal(err)
	}
	p, err := db.EditablePlan(ctx, pcn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: pcn, PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: by}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f fixture) pcns(t *testing.T, codes ...string) []workforce.PCN {
	t.Helper()
	tree, err := f.db.Tree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make([]workforce.PCN, len(codes))
	for i, c := range codes {
		p, ok := tree.PCN(c)
		if !ok {
			t.Fatalf("no PCN %s", c)
		}
		out[i] = p
	}
	return out
}

func TestCompute(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	res, err := Compute(context.Background(), f.db, Request{PCNs: f.pcns(t, "U60057", "U47425"),
		Years: []workforce.FinancialYear{2025, 2026}, AsOf: day("2025-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	y, ok := res.For("U60057", 2025)
	if !ok {
		t.Fatal("no 2025/26 for U60057")
	}
	fu := y.Funding
	checks := []struct {
		name      string
		got, want workforce.Pence
	}{
		{"entitlement", fu.EntitlementPence, 26631000},
		{"committed", fu.CommittedPence, 32847969},
		{"planned", fu.PlannedPence, 1075701},
		{"headroom", fu.HeadroomPence, -7292670},
		{"over-committed", y.OverCommittedPence(), 7292670},
		{"underspend", y.UnderspendPence(), 0},
		{"above the caps", y.AbovePence(), 651090},
		{"April committed", y.CommittedByMonth[0], 2408425},
		{"June committed", y.CommittedByMonth[2], 2675092},
		{"October committed", y.CommittedByMonth[6], 2821792},
		{"January planned", y.PlannedByMonth[9], 358567},
		{"December planned", y.PlannedByMonth[8], 0},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if y.Population != 10000 || y.PopulationIsListSize || y.Year.RateAssumed() {
		t.Errorf("population %v (list size %v), rate assumed %v", y.Population, y.PopulationIsListSize, y.Year.RateAssumed())
	}
	// Staff lists every stream's records: the seven ARRS ones, and the clinical
	// pharmacist the PCN pays for itself (other money: its cost, nothing claimed).
	staff := map[string]StaffFunding{}
	for _, s := range y.Staff {
		if s.Stream == workforce.StreamARRS {
			staff[s.Record.UniqueIdentifier] = s
		} else if s.Record.UniqueIdentifier != "SELF" || s.Stream != workforce.StreamOther || s.ClaimTotal != 0 || s.CostTotal != 6000000 {
			t.Errorf("%s on %s: claims %d, cost %d", s.Record.UniqueIdentifier, s.Stream, s.ClaimTotal, s.CostTotal)
		}
	}
	if len(staff) != 7 {
		t.Errorf("%d ARRS staff lines, want 7: %v", len(staff), keys(staff))
	}
	lines := []struct {
		ident                 string
		claims, cost, above   workforce.Pence
		cap                   workforce.Pence
		uncapped, assumed, ch bool
		band                  bool
	}{
		{"CP-PART", 3866667, 3866667, 0, 6697200, false, false, false, false},
		{"CC-MID", 3419802, 3600000, 180198, 3500000, false, false, true, false},
		{"PA-NOCAP", 2499996, 2499996, 0, 6697200, false, false, false, true},
		{"CP-ABOVE", 6697200, 6999996, 302796, 6697200, false, false, false, false},
		{"PT-NOCOST", 4335204, 0, 0, 4335200, false, true, false, false},
		{"GPN-B6", 5331900, 5499996, 168096, 5331900, false, false, false, false},
		{"PARA-NONE", 6697200, 0, 0, 6697200, false, true, false, true},
	}
	for _, c := range lines {
		s := staff[c.ident]
		if s.ClaimTotal != c.claims || s.CostTotal != c.cost || s.AbovePence() != c.above || s.CapPence != c.cap ||
			s.Uncapped != c.uncapped || s.CostAssumed != c.assumed || s.CapChanged != c.ch || s.CapFromBand != c.band {
			t.Errorf("%s: claims %d cost %d above %d cap %d uncapped %v assumed %v changed %v; want %+v",
				c.ident, s.ClaimTotal, s.CostTotal, s.AbovePence(), s.CapPence, s.Uncapped, s.CostAssumed, s.CapChanged, c)
		}
	}
	if part := staff["CP-PART"]; part.ClaimPence[1] != 0 || part.ClaimPence[2] != 266667 || part.ClaimPence[3] != 400000 || part.InPost[1] {
		t.Errorf("CP-PART by month: %v, in post %v", part.ClaimPence, part.InPost)
	}
	if mid := staff["CC-MID"]; mid.ClaimPence[5] != 278300 || mid.ClaimPence[6] != 291667 {
		t.Errorf("CC-MID September %d, October %d; want 278300, 291667", mid.ClaimPence[5], mid.ClaimPence[6])
	}
	if roles := y.NoCapRoles(); len(roles) != 0 {
		t.Errorf("no-cap roles %v, want none: every role has its band's", roles)
	}
	if roles := y.BandRoles(); len(roles) != 2 || roles[0] != "paramedic" || roles[1] != "physician_associate" {
		t.Errorf("band-cap roles %v", roles)
	}
	if s, p := y.CostsAssumed(); s != 2 || p != 1 || y.Uncosted() != 0 {
		t.Errorf("costs assumed: staff %d, plan %d, uncosted %d; want 2, 1, 0", s, p, y.Uncosted())
	}
	if len(y.Plan) != 2 || y.Plan[0].TotalPence != 2750001 || y.Plan[1].TotalPence != -1674300 || !y.Plan[1].Leavers {
		t.Errorf("plan lines %+v", y.Plan)
	}
}

// The next year and a network with no weighted population, in the same call:
//
//	U60057 2026/27: w = 12,000 (in force on 1 January 2026); no 2026/27 rate is held,
//	so 2025/26's £26.631 stands in, flagged: 2,663.1p × 12,000 = 31,957,200p; the
//	plan's January 2026 starters claim all year: 916,667 × 12 = 11,000,004p, less
//	the paramedic leaver at band 7's £66,972 (no 2026/27 cap yet): 558,100 × 12 =
//	6,697,200p; planned 4,302,804p
//	U47425 2025/26: no weighted population: its registered list, 34,100, stands in,
//	flagged: 2,663.1p × 34,100 = 90,811,710p; no staff or plan: headroom the same
func TestComputeNextYearAndListSize(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	res, err := Compute(context.Background(), f.db, Request{PCNs: f.pcns(t, "U60057", "U47425"),
		Years: []workforce.FinancialYear{2025, 2026}, AsOf: day("2025-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	next, _ := res.For("U60057", 2026)
	if next.Funding.EntitlementPence != 31957200 || next.Population != 12000 || !next.Year.RateAssumed() || next.Year.RateYear != 2025 {
		t.Errorf("2026/27: entitlement %d, w %v, rate assumed %v from %v", next.Funding.EntitlementPence, next.Population, next.Year.RateAssumed(), next.Year.RateYear)
	}
	// The January 2026 starters and leaver (after the as-of date) are still planned
	// spend, now for the whole year.
	if next.Funding.PlannedPence != 4302804 {
		t.Errorf("2026/27 planned %d, want 4302804", next.Funding.PlannedPence)
	}
	other, _ := res.For("U47425", 2025)
	if !other.PopulationIsListSize || other.Population != 34100 || other.Funding.EntitlementPence != 90811710 || other.Funding.HeadroomPence != 90811710 {
		t.Errorf("U47425: list size %v, w %v, entitlement %d, headroom %d", other.PopulationIsListSize, other.Population, other.Funding.EntitlementPence, other.Funding.HeadroomPence)
	}
	if len(res.PCN("U47425")) != 2 || len(res.Years) != 2 {
		t.Errorf("years: %d for U47425, %d in all", len(res.PCN("U47425")), len(res.Years))
	}
}

// Planned spend is the current plan's only (PLANNING.md, "Drafts stay private"): a
// newer draft of 10 clinical pharmacists from January 2026 changes no figure until it
// is submitted.
func TestComputeLeavesDraftsOut(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	req := Request{PCNs: f.pcns(t, "U60057"), Years: []workforce.FinancialYear{2025}, AsOf: day("2025-11-30")}
	planned := func() workforce.Pence {
		t.Helper()
		res, err := Compute(ctx, f.db, req)
		if err != nil {
			t.Fatal(err)
		}
		y, _ := res.For("U60057", 2025)
		return y.Funding.PlannedPence
	}
	if _, err := f.db.ReplaceDrafts(ctx, "plan.csv", []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: day("2026-01-01"), StartersFTE: 10, AnnualCostPence: pence(5500000)},
	}, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	if got := planned(); got != 1075701 {
		t.Errorf("planned with a newer draft %d, want the submitted plan's 1075701", got)
	}
	// Asked for drafts (`arrs report funding --drafts`), the draft counts:
	// 5,500,000 × 10 / 12 = 4,583,333.33 → 4,583,333 × 3 = 13,749,999.
	req.Drafts = true
	if got := planned(); got != 13749999 {
		t.Errorf("planned with drafts %d, want the draft's 13749999", got)
	}
	req.Drafts = false
	p, err := f.db.EditablePlan(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: store.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
	// 5,500,000 × 10 / 12 = 4,583,333.33 → 4,583,333 × 3 = 13,749,999.
	if got := planned(); got != 13749999 {
		t.Errorf("planned once the draft is submitted %d, want 13749999", got)
	}
}

// The claim schedule is one row per record per month in post: CP-PART from June (10
// rows), the six others all year (72); the pharmacy technician and the paramedic have
// no annual cost (estimated at the cap), the paramedic's and the physician associate's
// cap is band 7's.
func TestClaims(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	res, err := Compute(context.Background(), f.db, Request{PCNs: f.pcns(t, "U60057"), Years: []workforce.FinancialYear{2025}, AsOf: day("2025-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	y, _ := res.For("U60057", 2025)
	rows := y.Claims()
	if len(rows) != 82 {
		t.Fatalf("%d rows, want 82", len(rows))
	}
	var sum workforce.Pence
	flags := map[string]string{}
	for _, r := range rows {
		sum += *r.ClaimablePence
		flags[r.Staff] = r.Flag
		if r.Staff == "CP-PART" && r.Month.Equal(day("2025-06-01")) && (*r.ClaimablePence != 266667 || *r.AnnualCostPence != 6000000 ||
			*r.CapPence != 6697200 || r.FTE != 0.8 || r.Share != 1 || r.Stream != "arrs" || r.PCN != "U60057") {
			t.Errorf("CP-PART June: %+v", r)
		}
		if r.Staff == "PT-NOCOST" && r.AnnualCostPence != nil {
			t.Errorf("PT-NOCOST has an annual cost: %d", *r.AnnualCostPence)
		}
	}
	want := map[string]string{"CP-PART": "", "PT-NOCOST": FlagEstimated, "PARA-NONE": FlagEstimated, "PA-NOCAP": FlagBandCap}
	for staff, flag := range want {
		if flags[staff] != flag {
			t.Errorf("%s flagged %q, want %q", staff, flags[staff], flag)
		}
	}
	if sum != y.Funding.CommittedPence {
		t.Errorf("claims sum to %d, committed %d", sum, y.Funding.CommittedPence)
	}
}

func TestLabel(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rec  store.FundingRecord
		want string
	}{
		{store.FundingRecord{Staff: workforce.Staff{ID: 7, UniqueIdentifier: "ABC123", Source: workforce.SourceNWRSStaff}}, "ABC123"},
		{store.FundingRecord{Staff: workforce.Staff{ID: 8, Source: workforce.SourceNWRSContracted}}, "Contracted services, record 8"},
		{store.FundingRecord{Staff: workforce.Staff{ID: 9, Source: workforce.SourceManual}}, "Record 9"},
	}
	for _, c := range cases {
		if got := Label(c.rec); got != c.want {
			t.Errorf("Label = %q, want %q", got, c.want)
		}
	}
}

func keys(m map[string]StaffFunding) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
