package funding

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/jackc/pgx/v5"
)

// addStreamStaff inserts a staff record on a stream (practice: the claiming practice
// of a practice-scheme GP, else "") and returns its id.
func addStreamStaff(t *testing.T, db *store.DB, pcn, role, ident string, fte float64, start string, cost int64, band string, stream workforce.Stream, practice string) int64 {
	t.Helper()
	practiceSQL := "NULL"
	if practice != "" {
		practiceSQL = "'" + practice + "'"
	}
	var id int64
	err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`
		INSERT INTO staff (pcn_code, role_code, staff_role, source, unique_identifier, fte, start_date, annual_cost_pence, band,
			funding_stream, practice_code)
		VALUES ('%s', '%s', '', 'manual', '%s', %v, '%s', %d, '%s', '%s', %s) RETURNING id`,
		pcn, role, ident, fte, start, cost, band, stream, practiceSQL), &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// practicesOf makes U60057's member practices, whatever the reference data holds:
// ZZ0001 ABBEY SURGERY (6,000 patients on 1 November 2025), ZZ0002 BORDER SURGERY
// (3,000) and ZZ0003 CASTLE SURGERY (1,000), in QOC; ZZ0009 OUTSIDE SURGERY (500) in
// no PCN; and ZZ0005 LONDON SURGERY (2,000) in the first London PCN by code.
func practicesOf(t *testing.T, url string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `
		DELETE FROM practice_patients WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_deprivation WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_spans WHERE pcn_code = 'U60057';
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BORDER SURGERY', 'SY2 2BB'), ('ZZ0003', 'CASTLE SURGERY', 'SY3 3CC'),
			('ZZ0009', 'OUTSIDE SURGERY', 'SY9 9ZZ'), ('ZZ0005', 'LONDON SURGERY', 'E1 1AA');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, x.pcn, s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001', 'U60057'), ('ZZ0002', 'U60057'), ('ZZ0003', 'U60057'), ('ZZ0009', NULL)) AS x(code, pcn)
		CROSS JOIN LATERAL (SELECT sub_icb_code, icb_code FROM sub_icb_spans
		                    WHERE icb_code = 'QOC' AND valid_to IS NULL ORDER BY 1 LIMIT 1) s;
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT 'ZZ0005', p.pcn_code, p.sub_icb_code, p.icb_code, date '2019-07-01'
		FROM pcn_spans p JOIN icbs i ON i.code = p.icb_code
		WHERE i.region_code = 'Y56' AND p.valid_to IS NULL AND p.sub_icb_code IS NOT NULL ORDER BY p.pcn_code LIMIT 1;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 6000), ('ZZ0002', '2025-11-01', 'ALL', 'ALL', 3000),
			('ZZ0003', '2025-11-01', 'ALL', 'ALL', 1000), ('ZZ0009', '2025-11-01', 'ALL', 'ALL', 500),
			('ZZ0005', '2025-11-01', 'ALL', 'ALL', 2000)`); err != nil {
		t.Fatal(err)
	}
}

// streamsFixture is U60057 in 2026/27 with two GPs from 1 April 2026 (no census, no
// plan), worked by hand:
//
//	GP-PRACTICE practice GP scheme, 1.0 FTE, £120,000, naming the first member practice
//	            (by name): under the scheme's £152,900 cap (not London), share 1:
//	            12,000,000 / 12 = 1,000,000 a month, 12,000,000 a year, all the
//	            practice's committed claims
//	GP-ARRS     ARRS, 0.5 FTE, £100,000: under the GP cap (£105,882 from 2025-04-01):
//	            10,000,000 × 0.5 / 12 = 416,666.67 → 416,667 a month, 5,000,004 a year
//
// Each member practice's entitlement is round(£4.57 × its list on 1 January 2026 ×
// 100) = 457 × list pence (the November 2025 extract, the latest before the day).
type streamsFixture struct {
	db               *store.DB
	members          []store.MemberPractice
	gpPractice, arrs int64
	pcn              workforce.PCN
}

func newStreamsFixture(t *testing.T) streamsFixture {
	t.Helper()
	db, url := dbtest.NewWithURL(t)
	ctx := context.Background()
	practicesOf(t, url)
	members, err := db.PracticesOfPCN(ctx, "U60057", day("2026-01-01"))
	if err != nil || len(members) < 2 {
		t.Fatalf("members of U60057: %v, %v", members, err)
	}
	f := streamsFixture{db: db, members: members}
	f.gpPractice = addStreamStaff(t, db, "U60057", "gp", "GP-PRACTICE", 1, "2026-04-01", 12000000, "", workforce.StreamPracticeGP, members[0].Code)
	f.arrs = addStreamStaff(t, db, "U60057", "gp", "GP-ARRS", 0.5, "2026-04-01", 10000000, "", workforce.StreamARRS, "")
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.pcn, _ = tree.PCN("U60057")
	return f
}

// insert runs an INSERT … RETURNING one number.
func (f streamsFixture) insert(t *testing.T, sql string) {
	t.Helper()
	var id int64
	if err := f.db.QueryRowForTest(context.Background(), sql, &id); err != nil {
		t.Fatal(err)
	}
}

// claimsOf is the claim rows of the staff record a claim names staff.
func claimsOf(y PCNYear, staff string) []Claim {
	var out []Claim
	for _, r := range y.Claims() {
		if r.Staff == staff {
			out = append(out, r)
		}
	}
	return out
}

func (f streamsFixture) compute(t *testing.T, req Request) PCNYear {
	t.Helper()
	req.PCNs, req.AsOf = []workforce.PCN{f.pcn}, day("2025-11-30")
	if req.Years == nil {
		req.Years = []workforce.FinancialYear{2026}
	}
	res, err := Compute(context.Background(), f.db, req)
	if err != nil {
		t.Fatal(err)
	}
	y, _ := res.For("U60057", req.Years[0])
	return y
}

// A practice-scheme GP counts against the practice it names, not the ARRS; each member
// practice's entitlement is 457 × its list.
func TestPracticeGPEntitlementAndClaims(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	y := f.compute(t, Request{})
	if !y.PracticeGPRateKnown || y.PracticeGPRateYear != 2026 || y.PracticeGP.RatePounds != 4.57 {
		t.Errorf("rate %v of %v (known %v)", y.PracticeGP.RatePounds, y.PracticeGPRateYear, y.PracticeGPRateKnown)
	}
	if len(y.Practices) != len(f.members) || len(y.PracticeGP.Practices) != len(f.members) {
		t.Fatalf("%d practices, scheme %d; want the %d members", len(y.Practices), len(y.PracticeGP.Practices), len(f.members))
	}
	var entitlement workforce.Pence
	byCode := map[string]planning.PracticeGPPractice{}
	for _, p := range y.PracticeGP.Practices {
		byCode[p.Practice.Code] = p
	}
	for _, m := range f.members {
		p, ok := byCode[m.Code]
		want := workforce.Pence(457 * m.Patients)
		if !ok || !m.PatientsKnown || !p.Known || p.EntitlementPence != want || p.Practice.List != m.Patients {
			t.Errorf("%s: %+v, want entitlement %d (list %d)", m.Code, p, want, m.Patients)
		}
		entitlement += want
	}
	claiming := byCode[f.members[0].Code]
	checks := []struct {
		name      string
		got, want workforce.Pence
	}{
		{"scheme entitlement", y.PracticeGP.EntitlementPence, entitlement},
		{"scheme committed", y.PracticeGP.CommittedPence, 12000000},
		{"scheme headroom", y.PracticeGP.HeadroomPence, entitlement - 12000000},
		{"practice committed", claiming.CommittedPence, 12000000},
		{"practice headroom", claiming.HeadroomPence, claiming.EntitlementPence - 12000000},
		{"funding's scheme committed", y.Funding.PracticeGP.CommittedPence, 12000000},
		{"ARRS committed", y.Funding.CommittedPence, 5000004},
		{"ARRS April", y.CommittedByMonth[0], 416667},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	sums := map[string]workforce.Pence{}
	for _, r := range y.Claims() {
		sums[r.Stream] += *r.ClaimablePence
		if r.Stream == "practice_gp" && (*r.CapPence != 15290000 || r.Share != 1) {
			t.Errorf("practice-scheme claim %+v: want the £152,900 cap, share 1", r)
		}
	}
	if sums["arrs"] != 5000004 || sums["practice_gp"] != 12000000 {
		t.Errorf("claims by stream %v", sums)
	}
}

// Moving the practice-scheme GP to the ARRS (a what-if, nothing written): the ARRS
// claims min(£120,000, £105,882) = 882,350 a month, 10,588,200 a year, so its headroom
// falls by that; the scheme's rises by 12,000,000. The cash flow (lag 2) now pays the
// GP's 1,000,000 a month and receives 882,350 from June: the position at the end of
// month m moves by 882,350 × max(0, m − 1) − 1,000,000 × (m + 1).
func TestMoveGPBetweenStreams(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	before := f.compute(t, Request{})
	move := &Move{StaffID: f.gpPractice, From: workforce.StreamPracticeGP, To: workforce.StreamARRS}
	after := f.compute(t, Request{Move: move})
	if d := before.Funding.HeadroomPence - after.Funding.HeadroomPence; d != 10588200 {
		t.Errorf("ARRS headroom fell by %d, want 10588200", d)
	}
	if d := after.PracticeGP.HeadroomPence - before.PracticeGP.HeadroomPence; d != 12000000 {
		t.Errorf("scheme headroom rose by %d, want 12000000", d)
	}
	if before.CashFlow.Lag != planning.DefaultPaymentLag {
		t.Errorf("lag %d, want the default", before.CashFlow.Lag)
	}
	for m := range 12 {
		want := workforce.Pence(882350*max(0, m-1) - 1000000*(m+1))
		if d := after.CashFlow.Months[m].Position - before.CashFlow.Months[m].Position; d != want {
			t.Errorf("month %d: position moved by %d, want %d", m, d, want)
		}
	}
	if again := f.compute(t, Request{}); again.Funding.HeadroomPence != before.Funding.HeadroomPence {
		t.Error("the what-if changed what is stored")
	}
	// And back: the ARRS GP to the scheme, naming a practice that is not a member.
	bad := &Move{StaffID: f.arrs, To: workforce.StreamPracticeGP, Practice: "Y99999"}
	if _, err := Compute(context.Background(), f.db, Request{PCNs: []workforce.PCN{f.pcn}, Years: []workforce.FinancialYear{2026}, Move: bad}); !isRequestError(err) {
		t.Errorf("a move to a practice outside the PCN: %v", err)
	}
}

func isRequestError(err error) bool {
	var re *RequestError
	return errors.As(err, &re)
}

// The plan's GP starters of 2026/27 Q2 (1 WTE at £110,000, lines given as Request.Plan)
// moved to the practice scheme: the ARRS planned falls by 105,882/12 = 882,350 × 9 =
// 7,941,150; the scheme's planned rises by 110,000/12 = 916,666.67 → 916,667 × 9 =
// 8,250,003 (a plan line names no practice: the PCN's, not a practice's).
func TestMovePlanLines(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	lines := []workforce.PlanLine{{PCNCode: "U60057", RoleCode: "gp", QuarterStart: day("2026-07-01"), StartersFTE: 1, AnnualCostPence: pence(11000000)}}
	req := Request{Plan: map[string][]workforce.PlanLine{"U60057": lines}}
	before := f.compute(t, req)
	req.Move = &Move{Role: "gp", Quarter: day("2026-07-01"), To: workforce.StreamPracticeGP}
	after := f.compute(t, req)
	if before.Funding.PlannedPence != 7941150 || after.Funding.PlannedPence != 0 {
		t.Errorf("ARRS planned %d, then %d; want 7941150, then 0", before.Funding.PlannedPence, after.Funding.PlannedPence)
	}
	if before.PracticeGP.PlannedPence != 0 || after.PracticeGP.PlannedPence != 8250003 {
		t.Errorf("scheme planned %d, then %d; want 0, then 8250003", before.PracticeGP.PlannedPence, after.PracticeGP.PlannedPence)
	}
	if lines[0].Stream != "" {
		t.Error("the what-if changed the caller's lines")
	}
	req.Move.Quarter = day("2026-10-01")
	if _, err := Compute(context.Background(), f.db, Request{PCNs: []workforce.PCN{f.pcn}, Years: []workforce.FinancialYear{2026}, Plan: req.Plan, Move: req.Move}); !isRequestError(err) {
		t.Errorf("a move of lines that do not exist: %v", err)
	}
}

// A mental health practitioner (band 6, £40,000, from 1 April 2026) is claimed at 50%
// until the PCN's written agreement raises it to 100% from 1 October 2026:
// 4,000,000 / 12 = 333,333.33: April–September × 0.5 = 166,666.67 → 166,667 × 6 =
// 1,000,002; October–March 333,333 × 6 = 1,999,998; 3,000,000 in all.
func TestShareAgreementFromMidYear(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	addStreamStaff(t, f.db, "U60057", "mental_health_practitioner", "MHP", 1, "2026-04-01", 4000000, "6", workforce.StreamARRS, "")
	f.insert(t, `
		INSERT INTO share_agreements (pcn_code, role_code, share, valid_from, agreed_on, party, recorded_by)
		VALUES ('U60057', 'mental_health_practitioner', 1, '2026-10-01', '2026-09-15', 'The trust', 'test') RETURNING id`)
	y := f.compute(t, Request{})
	var claims workforce.Pence
	for _, r := range claimsOf(y, "MHP") {
		want := 0.5
		if !r.Month.Before(day("2026-10-01")) {
			want = 1
		}
		if r.Share != want {
			t.Errorf("%s share %v, want %v", r.Month.Format("2006-01"), r.Share, want)
		}
		claims += *r.ClaimablePence
	}
	if claims != 3000000 {
		t.Errorf("MHP claims %d, want 3000000", claims)
	}
	if y.Funding.CommittedPence != 5000004+3000000 {
		t.Errorf("ARRS committed %d", y.Funding.CommittedPence)
	}
}

// The cash flow takes the ICB's lag (here set to 4), else Request.Lag; claims earned
// in month m arrive in m + lag, and the position is received less paid, from 0.
func TestCashFlowLag(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	var code string
	if err := f.db.QueryRowForTest(context.Background(), `UPDATE icbs SET payment_lag_months = 4 WHERE code = '`+f.pcn.ICBCode+`' RETURNING code`, &code); err != nil {
		t.Fatal(err)
	}
	three := 3
	for _, c := range []struct {
		lag  *int
		want int
	}{{nil, 4}, {&three, 3}} {
		y := f.compute(t, Request{Lag: c.lag})
		cf := y.CashFlow
		if cf.Lag != c.want {
			t.Errorf("lag %d, want %d", cf.Lag, c.want)
		}
		var received, paid workforce.Pence
		for m, month := range cf.Months {
			received, paid = received+month.Received, paid+month.CostsPaid
			if month.Position != received-paid {
				t.Errorf("lag %d, month %d: position %d, received − paid %d", c.want, m, month.Position, received-paid)
			}
			var want workforce.Pence
			if m >= c.want {
				want = cf.Months[m-c.want].Earned
			}
			if month.Received != want {
				t.Errorf("lag %d, month %d: received %d, want %d", c.want, m, month.Received, want)
			}
		}
		// The ARRS GP: 416,667 earned and 416,667 paid (£100,000 × 0.5 under the cap).
		if cf.Months[0].Earned != 416667 || cf.Months[0].CostsPaid != 416667 {
			t.Errorf("April: earned %d, paid %d", cf.Months[0].Earned, cf.Months[0].CostsPaid)
		}
	}
	seven := 7
	if _, err := Compute(context.Background(), f.db, Request{PCNs: []workforce.PCN{f.pcn}, Years: []workforce.FinancialYear{2026}, Lag: &seven}); !isRequestError(err) {
		t.Errorf("a lag of 7: %v", err)
	}
}

// A role a commissioner approved for U60057 is claimable there, from its approval; a
// neighbour's record cannot name the same approval (the database refuses it,
// staff_approved_role_pcn_fkey; planning's TestApprovedRoleNotNeighbour covers one
// given all the same): a paramedic-like "Emergency care practitioner", cap £50,000,
// approved from 1 July 2026, 1.0 FTE at £60,000 from 1 April: July–March 5,000,000 /
// 12 = 416,666.67 → 416,667 × 9 = 3,750,003.
func TestApprovedRoleOnlyItsPCN(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	ctx := context.Background()
	var approval int64
	if err := f.db.QueryRowForTest(ctx, `
		INSERT INTO approved_roles (pcn_code, name, cap_pence, valid_from, approved_by)
		VALUES ('U60057', 'Emergency care practitioner', 5000000, '2026-07-01', 'icb.lead@example.nhs.uk') RETURNING id`, &approval); err != nil {
		t.Fatal(err)
	}
	add := func(pcn string) error {
		var id int64
		return f.db.QueryRowForTest(ctx, fmt.Sprintf(`
			INSERT INTO staff (pcn_code, staff_role, source, unique_identifier, fte, start_date, annual_cost_pence, funding_stream, approved_role_id)
			VALUES ('%s', 'Emergency care practitioner', 'manual', 'ECP-%s', 1, '2026-04-01', 6000000, 'arrs', %d) RETURNING id`, pcn, pcn, approval), &id)
	}
	if err := add("U60057"); err != nil {
		t.Fatal(err)
	}
	if err := add("U47425"); err == nil {
		t.Error("a neighbour's record naming U60057's approval was stored")
	}
	tree, err := f.db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	neighbour, _ := tree.PCN("U47425")
	res, err := Compute(ctx, f.db, Request{PCNs: []workforce.PCN{f.pcn, neighbour}, Years: []workforce.FinancialYear{2026}, AsOf: day("2025-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	own, _ := res.For("U60057", 2026)
	other, _ := res.For("U47425", 2026)
	if own.Funding.CommittedPence != 5000004+3750003 {
		t.Errorf("U60057 committed %d, want 8750007", own.Funding.CommittedPence)
	}
	if other.Funding.CommittedPence != 0 {
		t.Errorf("U47425 committed %d, want 0: the approval is U60057's", other.Funding.CommittedPence)
	}
	months := 0
	for _, r := range own.Claims() {
		if r.Staff == "ECP-U60057" {
			months++
			if r.Month.Before(day("2026-07-01")) || *r.CapPence != 5000000 || r.Share != 1 || r.Role != "" {
				t.Errorf("approved claim %+v", r)
			}
		}
	}
	if months != 9 || len(other.Claims()) != 0 {
		t.Errorf("%d approved months, neighbour %d claims; want 9 and 0", months, len(other.Claims()))
	}
}

// The practice split divides the PCN's costs (its ARRS and other-money posts) and its
// ARRS claims between its members, to the penny.
func TestPracticeSplit(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	addStreamStaff(t, f.db, "U60057", "care_coordinator", "CC-OTHER", 1, "2026-04-01", 3000000, "", workforce.StreamOther, "")
	y := f.compute(t, Request{})
	costs, reimbursed := y.SplitTotals()
	// The ARRS GP costs 5,000,004 (its claims too), the care coordinator on other
	// money 3,000,000; the practice-scheme GP is its practice's own.
	if costs != 5000004+3000000 || reimbursed != 5000004 {
		t.Fatalf("split totals %d, %d", costs, reimbursed)
	}
	if !y.Split.Known || y.Split.Agreed || len(y.Split.Parts) != len(f.members) {
		t.Fatalf("split %+v", y.Split)
	}
	var c, r workforce.Pence
	for _, p := range y.Split.Parts {
		c, r = c+p.CostsPence, r+p.ReimbursedPence
	}
	if c != costs || r != reimbursed {
		t.Errorf("parts add up to %d and %d, want %d and %d", c, r, costs, reimbursed)
	}
	if y.Funding.Other.CommittedPence != 3000000 {
		t.Errorf("other money committed %d, want its cost 3000000", y.Funding.Other.CommittedPence)
	}
}

// Compute reads each table once, however many PCNs: England's 1,297 and one PCN give
// the same figures for that PCN, practices and cash flow included.
func TestComputeManyIsComputeOne(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	tree, err := f.db.Tree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compute(context.Background(), f.db, Request{PCNs: tree.PCNsOf(f.pcn.ICBCode), Years: []workforce.FinancialYear{2026}, AsOf: day("2025-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	many, _ := res.For("U60057", 2026)
	one := f.compute(t, Request{})
	if many.PracticeGP.HeadroomPence != one.PracticeGP.HeadroomPence || many.CashFlow.LowPence() != one.CashFlow.LowPence() ||
		len(many.Practices) != len(one.Practices) || many.Funding.HeadroomPence != one.Funding.HeadroomPence {
		t.Errorf("with the ICB's PCNs %+v, alone %+v", many.PracticeGP, one.PracticeGP)
	}
}

// A practice-scheme GP of a London practice (ZZ0005, 2,000 patients) is claimed
// against London's cap: £160,000 over £155,698: 15,569,800 / 12 = 1,297,483.33 →
// 1,297,483 × 12 = 15,569,796; the practice's entitlement 457 × 2,000 = 914,000.
func TestPracticeGPLondonCap(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	ctx := context.Background()
	var code string
	if err := f.db.QueryRowForTest(ctx, `SELECT pcn_code FROM practice_spans WHERE practice_code = 'ZZ0005'`, &code); err != nil {
		t.Fatal(err)
	}
	addStreamStaff(t, f.db, code, "gp", "GP-LONDON", 1, "2026-04-01", 16000000, "", workforce.StreamPracticeGP, "ZZ0005")
	tree, err := f.db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tree.PCN(code)
	res, err := Compute(ctx, f.db, Request{PCNs: []workforce.PCN{p}, Years: []workforce.FinancialYear{2026}, AsOf: day("2025-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	y, _ := res.For(code, 2026)
	var london planning.PracticeGPPractice
	for _, pr := range y.PracticeGP.Practices {
		if pr.Practice.Code == "ZZ0005" {
			london = pr
		}
	}
	if !london.Practice.London || london.EntitlementPence != 914000 || london.CommittedPence != 15569796 {
		t.Errorf("%s's London practice: %+v", code, london)
	}
}

// A GP on the practice scheme since 1 October 2025, before the scheme began (1 April
// 2026, its first cap): 2025/26 is worked as if the GP were on the ARRS, whichever
// stream the record names now. £96,000 under the ARRS GP cap (£105,882): 9,600,000 /
// 12 = 800,000p a month, October–March 4,800,000p, claim rows of stream arrs at the
// ARRS cap. 2026/27's cash flow receives February's and March's 800,000p in April and
// May (lag 2) either way; from 2026/27 the GP is the practice's (£152,900 cap).
func TestPracticeGPBeforeTheScheme(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	early := addStreamStaff(t, f.db, "U60057", "gp", "GP-EARLY", 1, "2025-10-01", 9600000, "", workforce.StreamPracticeGP, f.members[0].Code)
	years := []workforce.FinancialYear{2025, 2026}
	onScheme := f.compute(t, Request{Years: years})
	move := &Move{StaffID: early, From: workforce.StreamPracticeGP, To: workforce.StreamARRS}
	onARRS := f.compute(t, Request{Years: years, Move: move})
	if onScheme.Funding.CommittedPence != 4800000 || onARRS.Funding.CommittedPence != 4800000 || onScheme.Funding.PracticeGP != (planning.StreamTotals{}) {
		t.Errorf("2025/26 ARRS committed %d (on the ARRS %d), scheme %+v; want 4,800,000 and nothing on the scheme",
			onScheme.Funding.CommittedPence, onARRS.Funding.CommittedPence, onScheme.Funding.PracticeGP)
	}
	if onScheme.PracticeGPInForce || onScheme.CommittedByMonth != onARRS.CommittedByMonth {
		t.Errorf("2025/26: scheme in force %v; months %v, on the ARRS %v", onScheme.PracticeGPInForce, onScheme.CommittedByMonth, onARRS.CommittedByMonth)
	}
	rows, arrsRows := onScheme.Claims(), onARRS.Claims()
	if len(rows) != 6 || len(arrsRows) != 6 {
		t.Fatalf("%d and %d claim rows in 2025/26, want 6", len(rows), len(arrsRows))
	}
	for i, r := range rows {
		if r.Stream != StreamARRS || *r.CapPence != 10588200 || r.Share != 1 || *r.ClaimablePence != 800000 || *arrsRows[i].ClaimablePence != 800000 {
			t.Errorf("2025/26 claim %+v", r)
		}
	}
	next := func(req Request) PCNYear {
		req.Years = []workforce.FinancialYear{2026}
		return f.compute(t, req)
	}
	scheme26, arrs26 := next(Request{}), next(Request{Move: move})
	if !scheme26.PracticeGPInForce || scheme26.PracticeGP.CommittedPence != 12000000+9600000 {
		t.Errorf("2026/27 scheme in force %v, committed %d; want 21,600,000", scheme26.PracticeGPInForce, scheme26.PracticeGP.CommittedPence)
	}
	for m := range 2 {
		if s, a := scheme26.CashFlow.Months[m].Received, arrs26.CashFlow.Months[m].Received; s != 800000 || a != 800000 {
			t.Errorf("2026/27 month %d received %d (on the ARRS %d), want 800,000", m, s, a)
		}
	}
}

// The claim schedule lists the cap and share each month's claim was worked from: an
// approved role's rows only in the months the approval covers, at its cap, as the
// claims are (TestApprovedRoleOnlyItsPCN); a GP whose ARRS cap rises mid-year (a new
// £110,000 cap from 1 October 2026) at £120,000: April–September 105,882 / 12 =
// 882,350p at the old cap, October–March 110,000 / 12 = 916,666.67 → 916,667p at the
// new; the record's cap changed in the year.
func TestClaimRowsUseTheClaimsCap(t *testing.T) {
	t.Parallel()
	f := newStreamsFixture(t)
	addStreamStaff(t, f.db, "U60057", "gp", "GP-RISE", 1, "2026-04-01", 12000000, "", workforce.StreamARRS, "")
	f.insert(t, `INSERT INTO role_caps (role_code, variant, effective_from, cap_pence) VALUES ('gp', '', '2026-10-01', 11000000) RETURNING 1`)
	y := f.compute(t, Request{})
	var sum workforce.Pence
	for _, r := range claimsOf(y, "GP-RISE") {
		wantCap, wantClaim := workforce.Pence(10588200), workforce.Pence(882350)
		if !r.Month.Before(day("2026-10-01")) {
			wantCap, wantClaim = 11000000, 916667
		}
		if *r.CapPence != wantCap || *r.ClaimablePence != wantClaim {
			t.Errorf("%s: cap %d claim %d, want %d and %d", r.Month.Format("2006-01"), *r.CapPence, *r.ClaimablePence, wantCap, wantClaim)
		}
		sum += *r.ClaimablePence
	}
	if sum != 6*882350+6*916667 {
		t.Errorf("GP-RISE claims %d, want 10,794,102", sum)
	}
	for _, s := range y.Staff {
		if s.Record.UniqueIdentifier == "GP-RISE" && (!s.CapChanged || s.CapPence != 11000000) {
			t.Errorf("GP-RISE cap %d changed %v", s.CapPence, s.CapChanged)
		}
	}
}
