package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// streamCaps are the ARRS caps of the stream cases: the 2025/26 GP cap (£105,882) and
// a pharmacist's £66,972, both still in force in 2026/27.
var streamCaps = NewCaps([]workforce.Cap{
	{RoleCode: "gp", EffectiveFrom: day("2025-04-01"), Pence: 10588200},
	{RoleCode: "clinical_pharmacist", EffectiveFrom: day("2025-04-01"), Pence: 6697200},
	{RoleCode: "care_coordinator", EffectiveFrom: day("2023-07-01"), Pence: 3339600},
}, nil)

// gpSchemeCaps are the practice GP scheme's caps from 1 April 2026 (DOMAIN.md).
var gpSchemeCaps = NewPracticeGPCaps([]workforce.PracticeGPCap{
	{EffectiveFrom: day("2026-04-01"), Pence: 15290000},
	{EffectiveFrom: day("2026-04-01"), London: true, Pence: 15569800},
})

// gpMoveInputs is a PCN in 2026/27 with £273,000 of ARRS (£27.30 × 10,000) and two
// posts in post all year: a GP at £100,000 in practice A81001 on the given stream,
// and a pharmacist at £70,000.
func gpMoveInputs(gp workforce.Stream) FundingInputs {
	return FundingInputs{Year: 2026, RatePounds: 27.30, Population: 10000, AsOf: day("2026-11-30"),
		Caps: streamCaps, PracticeGPCaps: gpSchemeCaps,
		Staff: []workforce.Staff{
			{ID: 1, RoleCode: "gp", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 10000000, Stream: gp, PracticeCode: practiceOf(gp)},
			{ID: 2, RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 7000000},
		}}
}

func practiceOf(s workforce.Stream) string {
	if s == workforce.StreamPracticeGP {
		return "A81001"
	}
	return ""
}

// A GP moved from the ARRS to the practice scheme. Entitlement 2,730 × 10,000 =
// 27,300,000p. The GP: £100,000 is under both the ARRS cap (£105,882) and the scheme's
// (£152,900): 10,000,000 / 12 = 833,333.33 → 833,333p a month, 9,999,996p a year,
// on either stream. The pharmacist: £70,000 above the £66,972 cap, 6,697,200 / 12 =
// 558,100p a month, 6,697,200p a year; costs 7,000,000 / 12 = 583,333.33 → 583,333p.
//
//	              ARRS committed  ARRS headroom   scheme committed
//	GP on ARRS    16,697,196      10,602,804      0
//	GP on scheme   6,697,200      20,602,800      9,999,996
//
// ARRS headroom rises by the GP's claims, 9,999,996p; the scheme's committed rises by
// as much. The scheme's entitlement (£4.57 × lists 8,000 and 2,000): 3,656,000p and
// 914,000p, 4,570,000p for the PCN; its headroom 4,570,000 − 9,999,996 = −5,429,996p,
// A81001's 3,656,000 − 9,999,996 = −6,343,996p.
func TestGPMovedToPracticeScheme(t *testing.T) {
	t.Parallel()
	before := YearFunding(gpMoveInputs(""))
	after := YearFunding(gpMoveInputs(workforce.StreamPracticeGP))
	if before.CommittedPence != 16697196 || before.HeadroomPence != 10602804 || before.PracticeGP != (StreamTotals{}) {
		t.Errorf("GP on ARRS: committed %d headroom %d scheme %+v", before.CommittedPence, before.HeadroomPence, before.PracticeGP)
	}
	if after.CommittedPence != 6697200 || after.HeadroomPence != 20602800 || after.PracticeGP != (StreamTotals{CommittedPence: 9999996}) {
		t.Errorf("GP on the scheme: committed %d headroom %d scheme %+v", after.CommittedPence, after.HeadroomPence, after.PracticeGP)
	}
	gp := after.ByStream(workforce.StreamPracticeGP)
	if len(gp) != 1 || gp[0].Practice != "A81001" || gp[0].MonthPence[0] != 833333 || gp[0].Months[0].Share != 1 {
		t.Fatalf("scheme lines %+v", gp)
	}
	practices := []PracticeInput{
		{Code: "A81002", List: 2000, ListKnown: true}, // given out of order: sorted by code
		{Code: "A81001", List: 8000, ListKnown: true},
	}
	s := PracticeGPYear(4.57, practices, after.Lines, nil)
	if s.EntitlementPence != 4570000 || s.CommittedPence != 9999996 || s.HeadroomPence != -5429996 || s.Unknown != 0 {
		t.Errorf("scheme %+v", s)
	}
	if p := s.Practices[0]; p.Practice.Code != "A81001" || p.EntitlementPence != 3656000 || p.CommittedPence != 9999996 || p.HeadroomPence != -6343996 {
		t.Errorf("A81001 %+v", p)
	}
	if p := s.Practices[1]; p.Practice.Code != "A81002" || p.EntitlementPence != 914000 || p.CommittedPence != 0 {
		t.Errorf("A81002 %+v", p)
	}
}

// The same move in the cash flow (lag 2, nothing earned in 2025/26): the GP costs and
// earns 833,333p a month, the pharmacist costs 583,333p and earns 558,100p.
//
//	GP on ARRS:   costs 1,416,666 a month, earned 1,391,433. April −1,416,666, May
//	              −2,833,332 (nothing received yet), then −25,233 a month: March
//	              −2,833,332 − 10 × 25,233 = −3,085,662, the low point.
//	GP on scheme: costs 583,333, earned 558,100: April −583,333, May −1,166,666, March
//	              −1,166,666 − 252,330 = −1,418,996.
//
// Every month's costs and claims fall by the GP's 833,333p; the low point rises by the
// two months of the GP's costs carried before its claims arrive, 1,666,666p.
func TestGPMovedCashFlow(t *testing.T) {
	t.Parallel()
	cash := func(s workforce.Stream) CashFlow {
		f := YearFunding(gpMoveInputs(s))
		return CashFlowYear(CashFlowInputs{Year: 2026, Lag: 2, Lines: f.Lines}) // the scheme's lines are passed over
	}
	before, after := cash(""), cash(workforce.StreamPracticeGP)
	if m := before.Months[0]; m.CostsPaid != 1416666 || m.Earned != 1391433 || m.Received != 0 || m.Position != -1416666 {
		t.Errorf("April before %+v", m)
	}
	if before.Low != 11 || before.LowPence() != -3085662 || after.Low != 11 || after.LowPence() != -1418996 {
		t.Errorf("low points %d %d, %d %d", before.Low, before.LowPence(), after.Low, after.LowPence())
	}
	for m := range before.Months {
		b, a := before.Months[m], after.Months[m]
		if b.CostsPaid-a.CostsPaid != 833333 || b.Earned-a.Earned != 833333 {
			t.Errorf("month %d: costs fall %d, earned %d; want 833333", m, b.CostsPaid-a.CostsPaid, b.Earned-a.Earned)
		}
	}
}

// A practice-scheme GP above the cap: £160,000 against London's £155,698 (15,569,800 /
// 12 = 1,297,483.33 → 1,297,483p a month) or elsewhere £152,900 (1,274,166.67 →
// 1,274,167p); reimbursed in full, whatever the ARRS cap (£105,882) or share.
func TestPracticeSchemeCapLondon(t *testing.T) {
	t.Parallel()
	gp := workforce.Staff{RoleCode: "gp", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 16000000,
		Stream: workforce.StreamPracticeGP, PracticeCode: "E83001"}
	for _, c := range []struct {
		london    bool
		cap, want workforce.Pence
	}{{true, 15569800, 1297483}, {false, 15290000, 1274167}} {
		in := FundingInputs{Year: 2026, Staff: []workforce.Staff{gp}, AsOf: day("2026-11-30"), Caps: streamCaps,
			PracticeGPCaps: gpSchemeCaps, London: func(p string) bool { return c.london && p == "E83001" }}
		l := YearFunding(in).Lines[0]
		if l.MonthPence[0] != c.want || l.Months[0].Cap != (CapOn{Pence: c.cap, Known: true}) || l.CostMonthPence[0] != 1333333 || l.TotalPence != 12*c.want {
			t.Errorf("London %v: month %d cap %+v cost %d; want %d", c.london, l.MonthPence[0], l.Months[0].Cap, l.CostMonthPence[0], c.want)
		}
	}
}

// Other money: nothing claimable, the costs counted. A care coordinator at £30,000:
// 250,000p a month, 3,000,000p; one with no cost at the £33,396 cap, 278,300p a month,
// 3,339,600p, estimated. A plan line on other money starting 1 January 2027, 0.5 FTE at
// £40,000: 4,000,000 × 0.5 / 12 = 166,666.67 → 166,667p × 3 = 500,001p planned; its
// 0.5 leavers at the same cost take 500,001p off.
func TestOtherMoney(t *testing.T) {
	t.Parallel()
	other := workforce.StreamOther
	in := FundingInputs{Year: 2026, RatePounds: 27.30, Population: 10000, AsOf: day("2026-11-30"), Caps: streamCaps,
		Staff: []workforce.Staff{
			{RoleCode: "care_coordinator", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 3000000, Stream: other},
			{RoleCode: "care_coordinator", FTE: 1, Start: day("2020-01-01"), Stream: other},
			{RoleCode: "", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 3000000}, // outside ARRS: no line
		},
		Plan: []workforce.PlanLine{{RoleCode: "clinical_pharmacist", QuarterStart: day("2027-01-01"), StartersFTE: 0.5, LeaversFTE: 0.5,
			AnnualCostPence: pence(4000000), Stream: other}},
	}
	f := YearFunding(in)
	if f.CommittedPence != 0 || f.PlannedPence != 0 || f.HeadroomPence != 27300000 {
		t.Errorf("ARRS %d %d %d; want nothing committed", f.CommittedPence, f.PlannedPence, f.HeadroomPence)
	}
	if f.Other != (StreamTotals{CommittedPence: 6339600, PlannedPence: 0}) || len(f.Lines) != 4 {
		t.Errorf("other %+v, %d lines", f.Other, len(f.Lines))
	}
	// The estimated line's months stand on the cap (as its cost), claiming nothing.
	if l := f.Lines[1]; !l.CostAssumed || l.CostTotalPence != 3339600 || l.TotalPence != 0 ||
		!sameMonth(l.Months[0], LineMonth{Cap: CapOn{Pence: 3339600, Known: true}, InPost: 30, Days: 30}) {
		t.Errorf("estimated line %+v", l)
	}
	if s, l := f.Lines[2], f.Lines[3]; s.CostTotalPence != 500001 || l.CostTotalPence != -500001 || !l.Leavers || l.CostMonthPence[9] != -166667 {
		t.Errorf("plan lines %+v %+v", s, l)
	}
}

// The costs and caps of an ARRS line by month, and a leavers' line's negated: a care
// coordinator at £35,000, 0.5 FTE, leaving on 1 January 2027 (plan line; cost 3,500,000
// × 0.5 / 12 = 145,833.33 → 145,833p, cap 3,339,600 × 0.5 / 12 = 139,150p a month).
func TestLineCostsAndCaps(t *testing.T) {
	t.Parallel()
	in := FundingInputs{Year: 2026, AsOf: day("2026-11-30"), Caps: streamCaps,
		Plan: []workforce.PlanLine{{RoleCode: "care_coordinator", QuarterStart: day("2027-01-01"), LeaversFTE: 0.5, AnnualCostPence: pence(3500000)}}}
	l := YearFunding(in).Lines[0]
	january := LineMonth{Cap: CapOn{Pence: 3339600, Known: true}, Share: 1, InPost: 31, ClaimDays: 31, Days: 31}
	if l.MonthPence[9] != -139150 || l.CostMonthPence[9] != -145833 || !sameMonth(l.Months[9], january) || l.FTE != 0.5 || !l.Leavers {
		t.Errorf("leavers' January %+v", l)
	}
	if l.CostTotalPence != -437499 || l.TotalPence != -417450 || l.CostMonthPence[8] != 0 || l.Stream != workforce.StreamARRS {
		t.Errorf("leavers' year: cost %d claims %d", l.CostTotalPence, l.TotalPence)
	}
}

// TestPracticeSchemeBeforeItBegan: the scheme starts on 1 April 2026 (its first cap),
// so in 2025/26 a GP recorded on it is an ARRS GP, claimed exactly as one: £100,000
// under the ARRS GP cap £105,882, 10,000,000 / 12 = 833,333.33 → 833,333p a month,
// 9,999,996p, at the GP's national share (1). The 2025/26 figures are the same
// whichever stream the GP is on now: committed 9,999,996 + the pharmacist's 6,697,200
// = 16,697,196p, nothing on the scheme. In 2026/27 the GP is on the scheme: 9,999,996p
// of scheme claims (under the £152,900 cap), and the ARRS committed falls to the
// pharmacist's 6,697,200p.
func TestPracticeSchemeBeforeItBegan(t *testing.T) {
	t.Parallel()
	year := func(y workforce.FinancialYear, s workforce.Stream) Funding {
		in := gpMoveInputs(s)
		in.Year, in.AsOf = y, in.AsOf.AddDate(int(y-2026), 0, 0)
		return YearFunding(in)
	}
	before, onARRS := year(2025, workforce.StreamPracticeGP), year(2025, "")
	if before.CommittedPence != 16697196 || before.PracticeGP != (StreamTotals{}) || before.HeadroomPence != onARRS.HeadroomPence {
		t.Errorf("2025/26: ARRS committed %d (on the ARRS %d), scheme %+v; want 16,697,196 and nothing on the scheme",
			before.CommittedPence, onARRS.CommittedPence, before.PracticeGP)
	}
	gp := before.Lines[0]
	arrsGP := LineMonth{Cap: CapOn{Pence: 10588200, Known: true}, Share: 1, InPost: 30, ClaimDays: 30, Days: 30}
	if gp.Stream != workforce.StreamARRS || gp.Practice != "" || gp.TotalPence != 9999996 || !sameMonth(gp.Months[0], arrsGP) {
		t.Errorf("2025/26 GP line: stream %q practice %q claims %d, April %+v; want an ARRS GP's", gp.Stream, gp.Practice, gp.TotalPence, gp.Months[0])
	}
	after := year(2026, workforce.StreamPracticeGP)
	if after.PracticeGP != (StreamTotals{CommittedPence: 9999996}) || after.CommittedPence != 6697200 ||
		after.Lines[0].Stream != workforce.StreamPracticeGP || after.Lines[0].Months[0].Cap.Pence != 15290000 {
		t.Errorf("2026/27: scheme %+v, ARRS committed %d, GP line %+v", after.PracticeGP, after.CommittedPence, after.Lines[0])
	}
	// A plan line on the scheme is judged the same way: in 2025/26 an ARRS GP line.
	in := gpMoveInputs("")
	in.Year, in.AsOf, in.Staff = 2025, day("2025-11-30"), nil
	in.Plan = []workforce.PlanLine{{RoleCode: "gp", QuarterStart: day("2026-01-01"), StartersFTE: 1, AnnualCostPence: pence(10000000),
		Stream: workforce.StreamPracticeGP}}
	if f := YearFunding(in); f.PlannedPence != 2499999 || f.Lines[0].Stream != workforce.StreamARRS {
		t.Errorf("2025/26 plan line: planned %d on %q; want 3 × 833,333 = 2,499,999 on the ARRS", f.PlannedPence, f.Lines[0].Stream)
	}
}

// The scheme exists in a year when its cap is known on the year's first day.
func TestPracticeGPSchemeInForce(t *testing.T) {
	t.Parallel()
	for y, want := range map[workforce.FinancialYear]bool{2025: false, 2026: true, 2027: true} {
		if got := gpSchemeCaps.InForce(y); got != want {
			t.Errorf("InForce(%v) = %v, want %v", y, got, want)
		}
	}
	if (PracticeGPCaps{}).InForce(2026) {
		t.Error("no caps: the scheme is in force")
	}
}

// sameMonth compares what two months stand on, their caps by amount (not by band).
func sameMonth(a, b LineMonth) bool {
	a.Cap, b.Cap = CapOn{Pence: a.Cap.Pence, Known: a.Cap.Known}, CapOn{Pence: b.Cap.Pence, Known: b.Cap.Known}
	return a == b
}
