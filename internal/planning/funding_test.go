package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// testCaps are the published caps the funding tests use (DOMAIN.md), in pence.
var testCaps = NewCaps([]workforce.Cap{
	{RoleCode: "clinical_pharmacist", EffectiveFrom: day("2024-10-01"), Pence: 6583800},
	{RoleCode: "clinical_pharmacist", EffectiveFrom: day("2025-04-01"), Pence: 6697200},
	{RoleCode: "care_coordinator", EffectiveFrom: day("2023-07-01"), Pence: 3339600}, // listed out of order
	{RoleCode: "care_coordinator", EffectiveFrom: day("2023-04-01"), Pence: 3174600},
	{RoleCode: "general_practice_nurse", EffectiveFrom: day("2025-04-01"), Pence: 4335200},
	{RoleCode: "general_practice_nurse", Variant: "experienced", EffectiveFrom: day("2025-04-01"), Pence: 5331900},
}, nil)

func TestCapsOn(t *testing.T) {
	t.Parallel()
	cases := []struct {
		role, variant, d string
		want             workforce.Pence
		ok               bool
	}{
		{"care_coordinator", "", "2023-03-31", 0, false}, // before the first known cap
		{"care_coordinator", "", "2023-04-01", 3174600, true},
		{"care_coordinator", "", "2023-06-30", 3174600, true},
		{"care_coordinator", "", "2023-07-01", 3339600, true}, // the uplift's first day
		{"care_coordinator", "", "2030-01-01", 3339600, true},
		{"general_practice_nurse", "experienced", "2025-06-01", 5331900, true},
		{"general_practice_nurse", "", "2025-06-01", 4335200, true},
		{"physician_associate", "", "2025-06-01", 0, false}, // no published cap
	}
	for _, c := range cases {
		s := workforce.Staff{RoleCode: c.role}
		if c.variant == "experienced" {
			s.Band = "6"
		}
		got := testCaps.On(s, day(c.d))
		if got.Pence != c.want || got.Known != c.ok || got.FromBand {
			t.Errorf("On(%s, %q, %s) = %+v; want %d, %v", c.role, c.variant, c.d, got, c.want, c.ok)
		}
	}
}

func TestEntitlement(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rate, population float64
		want             workforce.Pence
	}{
		{22.671, 5, 11336},            // 11335.5p: half a penny, away from zero
		{26.631, 45415, 120944687},    // 2663.1 × 45,415 = 120,944,686.5p → 120,944,687p
		{22.894, 10000.25, 22894572},  // 2289.4 × 10,000.25 = 22,894,572.35p
		{26.631, 10000, 26631000},     // £266,310.00
		{26.631, 0, 0},                // no population, no money
		{22.671, 12345.678, 27988887}, // 2267.1 × 12,345.678 = 27,988,886.5938p
	}
	for _, c := range cases {
		if got := Entitlement(c.rate, c.population); got != c.want {
			t.Errorf("Entitlement(%v, %v) = %d, want %d", c.rate, c.population, got, c.want)
		}
	}
}

func TestMonthlyClaim(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name                string
		cost, cap           workforce.Pence
		capKnown            bool
		share, fte          float64
		daysIn, daysInMonth int
		want                workforce.Pence
		basis               Basis
	}{
		// £60,000 under the £66,972 cap, 0.8 FTE, in post 11–30 June (20 of 30 days):
		// 6,000,000 × 0.8 / 12 × 20/30 = 266,666.67p → 266,667p.
		{"part month", 6000000, 6697200, true, 1, 0.8, 20, 30, 266667, Basis{Pence: 6000000}},
		// £70,000 over the cap: 6,697,200 / 12 = 558,100p.
		{"cost above cap", 7000000, 6697200, true, 1, 1, 31, 31, 558100, Basis{Pence: 6697200}},
		// No cap for the role: the actual cost, flagged. 5,000,000 × 0.5 / 12 = 208,333.33p.
		{"no cap known", 5000000, 0, false, 1, 0.5, 30, 30, 208333, Basis{Pence: 5000000, Uncapped: true}},
		// No cost recorded: the cap stands in, flagged. 3,339,600 / 12 = 278,300p.
		{"cost unknown", 0, 3339600, true, 1, 1, 31, 31, 278300, Basis{Pence: 3339600, Estimated: true}},
		// Neither known: left out, flagged uncosted.
		{"nothing known", 0, 0, false, 1, 1, 31, 31, 0, Basis{Uncosted: true}},
		// NWRS's 6-place FTE: 6,697,200 × 0.946667 / 12 = 528,334.8527p → 528,335p.
		{"nwrs fte", 7000000, 6697200, true, 1, 0.946667, 30, 30, 528335, Basis{Pence: 6697200}},
		{"not in post", 7000000, 6697200, true, 1, 1, 0, 30, 0, Basis{Pence: 6697200}},
		// A mental health practitioner at 50%: 4,335,200 × 0.5 × 1 / 12 = 180,633.33p.
		{"half share", 5000000, 4335200, true, 0.5, 1, 30, 30, 180633, Basis{Pence: 4335200}},
		// 0.8 FTE at £55,000: 5,500,000 × 0.8 / 12 = 366,666.67p → £3,666.67 a month.
		{"0.8 at 55000", 5500000, 6697200, true, 1, 0.8, 31, 31, 366667, Basis{Pence: 5500000}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := ClaimBasis(c.cost, CapOn{Pence: c.cap, Known: c.capKnown})
			got := MonthlyClaim(b.Pence, c.share, c.fte, c.daysIn, c.daysInMonth)
			if got != c.want || b != c.basis {
				t.Errorf("claim %d, basis %+v; want %d, %+v", got, b, c.want, c.basis)
			}
		})
	}
}

// A cap that changes mid-year applies from the first day of the month it is in force:
// care coordinator 2023/24, cost £35,000 (above both caps), 1.0 FTE all year.
// April–June at £31,746: 3,174,600 / 12 = 264,550p × 3 = 793,650p;
// July–March at £33,396: 3,339,600 / 12 = 278,300p × 9 = 2,504,700p; total 3,298,350p.
func TestCapChangesMidYear(t *testing.T) {
	t.Parallel()
	f := YearFunding(FundingInputs{
		Year:  2023,
		Staff: []workforce.Staff{{RoleCode: "care_coordinator", FTE: 1, Start: day("2022-01-01"), AnnualCostPence: 3500000}},
		AsOf:  day("2023-11-30"),
		Caps:  testCaps,
	})
	if len(f.Lines) != 1 {
		t.Fatalf("%d lines, want 1", len(f.Lines))
	}
	l := f.Lines[0]
	if l.MonthPence[2] != 264550 || l.MonthPence[3] != 278300 || l.TotalPence != 3298350 || f.CommittedPence != 3298350 {
		t.Errorf("June %d, July %d, total %d, committed %d; want 264550, 278300, 3298350, 3298350",
			l.MonthPence[2], l.MonthPence[3], l.TotalPence, f.CommittedPence)
	}
}

// A PCN's 2025/26 worked through, as of 31 August 2025, rate £26.631, w = 10,000:
//
//	entitlement = 2663.1p × 10,000 = 26,631,000p
//	staff 0: pharmacist 1.0, £60,000, all year: 12 × 500,000 = 6,000,000p
//	staff 1: pharmacist 0.8, £60,000 from 11 June: June 266,667 + 9 × 400,000 = 3,866,667p
//	staff 2: physician associate 0.5, £50,000, no cap (flagged), ends 16 September:
//	         April–August 5 × 208,333 = 1,041,665; September 15/30 days: 104,166.67
//	         → 104,167; total 1,145,832p
//	staff 3: outside ARRS; staff 4: ended before the year — no lines
//	committed = 6,000,000 + 3,866,667 + 1,145,832 = 11,012,499p
//	plan 0: 1 July, before as-of: already in the staff records — no line
//	plan 1: 2 pharmacists from 1 October at £55,000: 5,500,000 × 2 / 12 = 916,666.67
//	        → 916,667 × 6 months = 5,500,002p
//	plan 2: a care coordinator from 1 January, cost unknown: the £33,396 cap,
//	        278,300 × 3 = 834,900p (flagged)
//	plan 3: next year — no line
//	plan 4: a pharmacist leaving on 1 January at £55,000: 5,500,000 / 12 = 458,333.33
//	        → 458,333 × 3 = 1,374,999p off
//	planned = 5,500,002 + 834,900 − 1,374,999 = 4,959,903p
//	headroom = 26,631,000 − 11,012,499 − 4,959,903 = 10,658,598p
func TestYearFunding(t *testing.T) {
	t.Parallel()
	in := FundingInputs{
		Year: 2025, RatePounds: 26.631, Population: 10000, AsOf: day("2025-08-31"), Caps: testCaps,
		Staff: []workforce.Staff{
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 6000000},
			{RoleCode: "clinical_pharmacist", FTE: 0.8, Start: day("2025-06-11"), AnnualCostPence: 6000000},
			{RoleCode: "physician_associate", FTE: 0.5, Start: day("2024-01-01"), End: day("2025-09-16"), AnnualCostPence: 5000000},
			{RoleCode: "", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 4000000},
			{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), End: day("2025-03-01"), AnnualCostPence: 6000000},
		},
		Plan: []workforce.PlanLine{
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2025-07-01"), StartersFTE: 1, AnnualCostPence: pence(5500000)},
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2025-10-01"), StartersFTE: 2, AnnualCostPence: pence(5500000)},
			{RoleCode: "care_coordinator", QuarterStart: day("2026-01-01"), StartersFTE: 1},
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2026-04-01"), StartersFTE: 1, AnnualCostPence: pence(5500000)},
			{RoleCode: "clinical_pharmacist", QuarterStart: day("2026-01-01"), LeaversFTE: 1, AnnualCostPence: pence(5500000)},
		},
	}
	f := YearFunding(in)
	if f.EntitlementPence != 26631000 || f.CommittedPence != 11012499 || f.PlannedPence != 4959903 || f.HeadroomPence != 10658598 {
		t.Errorf("entitlement %d committed %d planned %d headroom %d; want 26631000 11012499 4959903 10658598",
			f.EntitlementPence, f.CommittedPence, f.PlannedPence, f.HeadroomPence)
	}
	want := []struct {
		kind                  LineKind
		index                 int
		total                 workforce.Pence
		uncapped, costAssumed bool
	}{
		{LineStaff, 0, 6000000, false, false},
		{LineStaff, 1, 3866667, false, false},
		{LineStaff, 2, 1145832, true, false},
		{LinePlan, 1, 5500002, false, false},
		{LinePlan, 2, 834900, false, true},
		{LinePlan, 4, -1374999, false, false},
	}
	if len(f.Lines) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(f.Lines), len(want), f.Lines)
	}
	for i, w := range want {
		l := f.Lines[i]
		if l.Kind != w.kind || l.Index != w.index || l.TotalPence != w.total || l.Uncapped != w.uncapped || l.CostAssumed != w.costAssumed {
			t.Errorf("line %d = %+v, want %+v", i, l, w)
		}
	}
	// Part months: staff 1 claims 266,667p in June (index 2), staff 2 104,167p in September.
	if f.Lines[1].MonthPence[2] != 266667 || f.Lines[1].MonthPence[1] != 0 || f.Lines[2].MonthPence[5] != 104167 || f.Lines[2].MonthPence[6] != 0 {
		t.Errorf("part months: %v, %v", f.Lines[1].MonthPence, f.Lines[2].MonthPence)
	}

	// The same PCN with a tenth of the population is over-committed: headroom < 0.
	in.Population = 1000 // entitlement 2,663,100p
	if f := YearFunding(in); f.HeadroomPence != 2663100-11012499-4959903 {
		t.Errorf("over-committed headroom %d, want %d", f.HeadroomPence, 2663100-11012499-4959903)
	}
}

func TestDaysInPost(t *testing.T) {
	t.Parallel()
	june, july := day("2025-06-01"), day("2025-07-01")
	cases := []struct {
		start, end string
		want       int
	}{
		{"2025-06-11", "", 20},           // 11–30 June
		{"2020-01-01", "2025-06-16", 15}, // 1–15 June: out of post from the 16th
		{"2025-06-10", "2025-06-12", 2},
		{"2025-07-01", "", 0},
		{"2020-01-01", "2025-06-01", 0}, // ended on the 1st: not a day in post
	}
	for _, c := range cases {
		s := workforce.Staff{Start: day(c.start)}
		if c.end != "" {
			s.End = day(c.end)
		}
		if got := daysInPost(s, june, july); got != c.want {
			t.Errorf("daysInPost(%s–%s) = %d, want %d", c.start, c.end, got, c.want)
		}
	}
}
