package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// cashStaff are a PCN's two posts: a pharmacist at £60,000 all year (under the £66,972
// cap: 500,000p a month, cost and claim alike) and a care coordinator at £35,000 (above
// the £33,396 cap: costs 291,666.67 → 291,667p, claims 278,300p a month) who leaves on
// 1 October 2026.
var cashStaff = []workforce.Staff{
	{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 6000000},
	{RoleCode: "care_coordinator", FTE: 1, Start: day("2020-01-01"), End: day("2026-10-01"), AnnualCostPence: 3500000},
}

// cashInputs are 2026/27's lines and, with prev, 2025/26's (both posts all year:
// 778,300p earned in each of February and March 2026).
func cashInputs(prev bool, u *Uplift) CashFlowInputs {
	in := CashFlowInputs{Year: 2026, Lag: 2, Uplift: u,
		Lines: YearFunding(FundingInputs{Year: 2026, Staff: cashStaff, AsOf: day("2026-11-30"), Caps: streamCaps}).Lines}
	if prev {
		in.Prev = YearFunding(FundingInputs{Year: 2025, Staff: cashStaff, AsOf: day("2025-11-30"), Caps: streamCaps}).Lines
	}
	return in
}

// The cash low point with a 2-month lag, 2026/27. Earned 778,300p a month April–
// September and 500,000p after; costs 791,667p and 500,000p. Received: April and May
// the previous year's February and March (778,300p each), June–November April–
// September's 778,300p, December–March 500,000p.
//
//	net:      April–September 778,300 − 791,667 = −13,367; October and November
//	          778,300 − 500,000 = +278,300; December–March 0
//	position: −13,367, −26,734, −40,101, −53,468, −66,835, −80,202 (September, the
//	          low point), 198,098, 476,398, 476,398 …
//
// Without the previous year's claims April and May receive nothing: −791,667,
// −1,583,334, then −13,367 a month to September's −1,636,802 (1,556,600p lower, the
// two months of 778,300p).
func TestCashFlowLowPoint(t *testing.T) {
	t.Parallel()
	c := CashFlowYear(cashInputs(true, nil))
	wantPos := [12]workforce.Pence{-13367, -26734, -40101, -53468, -66835, -80202, 198098, 476398, 476398, 476398, 476398, 476398}
	for m, w := range wantPos {
		if c.Months[m].Position != w {
			t.Errorf("month %d position %d, want %d", m, c.Months[m].Position, w)
		}
	}
	if c.Low != 5 || c.LowPence() != -80202 || !c.Months[5].Month.Equal(day("2026-09-01")) {
		t.Errorf("low point %d (%d)", c.Low, c.LowPence())
	}
	if m := c.Months[0]; m.Received != 778300 || m.Earned != 778300 || m.CostsPaid != 791667 || m.Net != -13367 {
		t.Errorf("April %+v", m)
	}
	if m := c.Months[8]; m.Received != 500000 || m.Earned != 500000 || m.CostsPaid != 500000 {
		t.Errorf("December %+v", m)
	}
	c = CashFlowYear(cashInputs(false, nil))
	if c.Months[0].Position != -791667 || c.Months[1].Position != -1583334 || c.Low != 5 || c.LowPence() != -1636802 {
		t.Errorf("no previous year: %d, %d, low %d at %d", c.Months[0].Position, c.Months[1].Position, c.LowPence(), c.Low)
	}
}

// A backdated 3.3% uplift confirmed in August (Month 4), each month worked afresh from
// the raised annual cost (rounded once):
//   - Pharmacist: £60,000 × 1.033 = 6,198,000p a year, under the £66,972 cap: costs
//     and claims 6,198,000 / 12 = 516,500p a month.
//   - Care coordinator: £35,000 × 1.033 = 3,615,500p a year: costs 3,615,500 / 12 =
//     301,291.67 → 301,292p a month; claimed at the cap, min(3,615,500, 3,339,600) /
//     12 = 278,300p, as before.
//
// April–July as before (costs 791,667p, earned 778,300p). August: costs 516,500 +
// 301,292 = 817,792p plus four months' arrears 4 × ((516,500 − 500,000) + (301,292 −
// 291,667)) = 4 × 26,125 = 104,500p, 922,292p; earned 794,800p plus 4 × 16,500 =
// 66,000p arrears, 860,800p. September costs 817,792p, earns 794,800p; October–March
// 516,500p each.
//
//	received: 778,300 April–September; October 860,800; November 794,800; then 516,500
//	net:      −13,367 × 4; August −143,992; September −39,492; October +344,300;
//	          November +278,300; then 0
//	position: −13,367, −26,734, −40,101, −53,468, −197,460, −236,952 (the low point),
//	          107,348, 385,648 …
//
// The year earns 7,867,800p = 12 × 516,500 + 6 × 278,300 and pays 8,005,752p = 12 ×
// 516,500 + 6 × 301,292: the raised figures of every month.
func TestCashFlowBackdatedUplift(t *testing.T) {
	t.Parallel()
	c := CashFlowYear(cashInputs(true, &Uplift{Percent: 3.3, Month: 4}))
	wantPos := [12]workforce.Pence{-13367, -26734, -40101, -53468, -197460, -236952, 107348, 385648, 385648, 385648, 385648, 385648}
	var earned, paid workforce.Pence
	for m, w := range wantPos {
		if c.Months[m].Position != w {
			t.Errorf("month %d position %d, want %d", m, c.Months[m].Position, w)
		}
		earned += c.Months[m].Earned
		paid += c.Months[m].CostsPaid
	}
	if m := c.Months[4]; m.CostsPaid != 922292 || m.Earned != 860800 || m.Received != 778300 {
		t.Errorf("August %+v", m)
	}
	if c.Low != 5 || c.LowPence() != -236952 || earned != 7867800 || paid != 8005752 {
		t.Errorf("low %d at %d; earned %d paid %d", c.LowPence(), c.Low, earned, paid)
	}
	// At 0% nothing changes; confirmed in April there are no arrears.
	if CashFlowYear(cashInputs(true, &Uplift{Percent: 0, Month: 6})).Months != CashFlowYear(cashInputs(true, nil)).Months {
		t.Error("a 0% uplift changed the cash flow")
	}
	if m := CashFlowYear(cashInputs(true, &Uplift{Percent: 3.3})).Months[0]; m.CostsPaid != 817792 || m.Earned != 794800 {
		t.Errorf("April uplift: %+v", m)
	}
}

// One month (April, 30 days) under a 3.3% uplift, worked from the annual figures:
// cost′ = round(cost × 1.033); new cost = cost′ × FTE / 12, new claim = min(cost′, cap)
// × share × FTE / 12, each rounded once.
func TestUpliftMonth(t *testing.T) {
	t.Parallel()
	capOf := func(p workforce.Pence) CapOn { return CapOn{Pence: p, Known: true} }
	one := func(cost workforce.Pence, c CapOn, share, fte float64) *FundingLine {
		l := &FundingLine{CostPence: cost, FTE: fte}
		l.Months[0] = LineMonth{Cap: c, Share: share, InPost: 30, ClaimDays: 30, Days: 30}
		if share == 0 { // other money
			l.Months[0].ClaimDays = 0
		}
		return l
	}
	estimated := one(0, capOf(3339600), 1, 1)
	estimated.MonthPence[0] = 278300 // 3,339,600 / 12
	leavers := one(3000000, capOf(3339600), 1, 0.5)
	leavers.Leavers = true
	cases := []struct {
		name        string
		l           *FundingLine
		claim, cost workforce.Pence
	}{
		// A 50% MHP at £55,000 under the band 7 cap: cost′ 5,681,500; claim 5,681,500 ×
		// 0.5 / 12 = 236,729.17 → 236,729 (raising the rounded monthly claim, 229,167 +
		// round(15,125 × 0.5), would give 236,730); cost 473,458.33 → 473,458.
		{"half share", one(5500000, capOf(6697200), 0.5, 1), 236729, 473458},
		// Crossing the cap: £65,400 → 6,755,820, held to 6,697,200: 558,100; cost
		// 562,985.
		{"crossing the cap", one(6540000, capOf(6697200), 1, 1), 558100, 562985},
		// Above the cap already: £70,000 → 7,231,000; claim 558,100 as before; cost
		// 602,583.33 → 602,583.
		{"above the cap", one(7000000, capOf(6697200), 1, 1), 558100, 602583},
		// No cap known: £60,000 → 6,198,000 in full, 516,500.
		{"no cap", one(6000000, CapOn{}, 1, 1), 516500, 516500},
		// Leavers, 0.5 FTE at £30,000: 3,099,000 × 0.5 / 12 = 129,125, negative.
		{"leavers", leavers, -129125, -129125},
		// Estimated at the £33,396 cap: the claim stands on the cap, 278,300 as before;
		// the cost on round(3,339,600 × 1.033) = round(3,449,806.8) = 3,449,807: 287,483.92
		// → 287,484.
		{"estimated at the cap", estimated, 278300, 287484},
		// Other money at £30,000: nothing claimed; cost 3,099,000 / 12 = 258,250.
		{"other money", one(3000000, capOf(3339600), 0, 1), 0, 258250},
		// Uncosted: neither a cost nor a cap, nothing changes.
		{"uncosted", one(0, CapOn{}, 1, 1), 0, 0},
	}
	for _, c := range cases {
		if claim, cost := (Uplift{Percent: 3.3}).month(c.l, 0); claim != c.claim || cost != c.cost {
			t.Errorf("%s: claim %d cost %d, want %d and %d", c.name, claim, cost, c.claim, c.cost)
		}
	}
}

// A part month at part time, through YearFunding: a pharmacist at 0.6 FTE from 18 April
// 2026 (13 of April's 30 days) at £45,678.91, under a 2.75% uplift: cost′ = 4,567,891 ×
// 1.0275 = 4,693,508.0025 → 4,693,508; April's claim and cost 4,693,508 × 0.6 × 13 /
// 360 = 101,692.67 → 101,693; May's 4,693,508 × 0.6 / 12 = 234,675.4 → 234,675. With
// the uplift confirmed in April the cash flow earns and pays them.
func TestUpliftPartMonth(t *testing.T) {
	t.Parallel()
	s := workforce.Staff{RoleCode: "clinical_pharmacist", FTE: 0.6, Start: day("2026-04-18"), AnnualCostPence: 4567891}
	lines := YearFunding(FundingInputs{Year: 2026, Staff: []workforce.Staff{s}, AsOf: day("2026-11-30"), Caps: streamCaps}).Lines
	c := CashFlowYear(CashFlowInputs{Year: 2026, Lag: 2, Lines: lines, Uplift: &Uplift{Percent: 2.75}})
	if m := c.Months[0]; m.Earned != 101693 || m.CostsPaid != 101693 {
		t.Errorf("April %+v", m)
	}
	if m := c.Months[1]; m.Earned != 234675 || m.CostsPaid != 234675 {
		t.Errorf("May %+v", m)
	}
}

// The lag is held to 0–6; an uncosted line is counted; other streams are passed over;
// with a lag of 0 the claims arrive in the month earned.
func TestCashFlowBounds(t *testing.T) {
	t.Parallel()
	in := cashInputs(true, nil)
	in.Lines = append(in.Lines, FundingLine{Stream: workforce.StreamARRS, Uncosted: true},
		FundingLine{Stream: workforce.StreamPracticeGP, MonthPence: [12]workforce.Pence{1000}, CostMonthPence: [12]workforce.Pence{1000}})
	in.Lag = 0
	c := CashFlowYear(in)
	if c.Excluded != 1 || c.Months[0].Received != 778300 || c.Months[0].CostsPaid != 791667 || c.Lag != 0 {
		t.Errorf("lag 0: %+v, excluded %d", c.Months[0], c.Excluded)
	}
	in.Lag = 9
	if c := CashFlowYear(in); c.Lag != MaxPaymentLag || c.Months[5].Received != 778300 || c.Months[6].Received != 778300 {
		t.Errorf("lag 9 held to %d: %+v", c.Lag, c.Months[6])
	}
}
