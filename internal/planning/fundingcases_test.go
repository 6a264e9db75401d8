package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// bandCaps are the band caps the cases below use (DOMAIN.md, "Caps follow Agenda for
// Change bands"), with a role's own older cap beside them.
var bandCaps = NewCaps([]workforce.Cap{
	{RoleCode: "first_contact_physiotherapist", EffectiveFrom: day("2023-07-01"), Pence: 6234000},
	{RoleCode: "clinical_pharmacist", EffectiveFrom: day("2025-04-01"), Pence: 6697200},
}, []workforce.BandCap{
	{Band: "7", EffectiveFrom: day("2025-04-01"), Pence: 6697200},
	{Band: "7", EffectiveFrom: day("2024-10-01"), Pence: 6583800},
	{Band: "5", EffectiveFrom: day("2025-04-01"), Pence: 4335200},
	{Band: "4", EffectiveFrom: day("2023-07-01"), Pence: 3339600},
})

func TestCapsOnBand(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		s    workforce.Staff
		d    string
		want CapOn
	}{
		{"own cap newest", workforce.Staff{RoleCode: "clinical_pharmacist"}, "2025-06-01", CapOn{Pence: 6697200, Known: true, Band: "7"}},
		{"own cap older than the band's", workforce.Staff{RoleCode: "first_contact_physiotherapist"}, "2025-06-01",
			CapOn{Pence: 6697200, Known: true, FromBand: true, Band: "7"}},
		{"own cap newer than the band's then", workforce.Staff{RoleCode: "first_contact_physiotherapist"}, "2024-06-01",
			CapOn{Pence: 6234000, Known: true, Band: "7"}},
		{"no own cap", workforce.Staff{RoleCode: "paramedic"}, "2024-11-01", CapOn{Pence: 6583800, Known: true, FromBand: true, Band: "7"}},
		{"mental health, band 7 post", workforce.Staff{RoleCode: "mental_health_practitioner", Band: "7"}, "2025-06-01",
			CapOn{Pence: 6697200, Known: true, FromBand: true, Band: "7"}},
		{"mental health, no band", workforce.Staff{RoleCode: "mental_health_practitioner"}, "2025-06-01",
			CapOn{Pence: 4335200, Known: true, FromBand: true, Band: "5", BandAssumed: true}},
		{"no cap at all", workforce.Staff{RoleCode: "gp"}, "2025-06-01", CapOn{Band: "GP"}},
	}
	for _, c := range cases {
		if got := bandCaps.On(c.s, day(c.d)); got != c.want {
			t.Errorf("%s: On = %+v, want %+v", c.name, got, c.want)
		}
	}
}

// Hand-worked 2025/26 lines (issue 11's cases), as of 30 November 2025.
func TestYearFundingCases(t *testing.T) {
	t.Parallel()
	staff := []workforce.Staff{
		// 0: paramedic, no cost: estimated at band 7's £66,972: 558,100p × 12 = 6,697,200p.
		{RoleCode: "paramedic", FTE: 1, Start: day("2020-01-01")},
		// 1: physio at £70,000: band 7's £66,972 is newer than its own £62,340.
		{RoleCode: "first_contact_physiotherapist", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 7000000},
		// 2: a GP with no cost and (here) no cap: left out, counted.
		{RoleCode: "gp", FTE: 1, Start: day("2020-01-01")},
		// 3: care coordinator at £30,000 (under band 4's cap) ending 16 May (out of post from then): April
		//    250,000p; May 15 of 31 days: 120,967.74 → 120,968p; total 370,968p.
		{RoleCode: "care_coordinator", FTE: 1, Start: day("2020-01-01"), End: day("2025-05-16"), AnnualCostPence: 3000000},
		// 4: 0.8 FTE at £55,000: 366,666.67 → 366,667p × 12 = 4,400,004p (£44,000.04).
		{RoleCode: "clinical_pharmacist", FTE: 0.8, Start: day("2020-01-01"), AnnualCostPence: 5500000},
		// 5: a pharmacist at £65,000 in post on the as-of date: with 4, the average
		//    cost of the role is (55,000 + 65,000) / 2 = £60,000. 541,666.67 → 541,667p
		//    × 12 = 6,500,004p.
		{RoleCode: "clinical_pharmacist", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 6500000},
	}
	plan := []workforce.PlanLine{
		// 0: 0.5 pharmacist leaving on 1 January, no cost: the average £60,000,
		//    6,000,000 × 0.5 / 12 = 250,000p × 3 = 750,000p off.
		{RoleCode: "clinical_pharmacist", QuarterStart: day("2026-01-01"), LeaversFTE: 0.5},
		// 1: a care coordinator leaving on 1 January, no cost, none in post: band 4's
		//    £33,396, 278,300p × 3 = 834,900p off, estimated.
		{RoleCode: "care_coordinator", QuarterStart: day("2026-01-01"), LeaversFTE: 1},
	}
	f := YearFunding(FundingInputs{Year: 2025, Staff: staff, Plan: plan, AsOf: day("2025-11-30"), Caps: bandCaps})
	want := []struct {
		total                       workforce.Pence
		assumed, fromBand, uncosted bool
	}{
		{6697200, true, true, false},
		{6697200, false, true, false},
		{0, false, false, true},
		{370968, false, true, false},
		{4400004, false, false, false},
		{6500004, false, false, false},
		{-750000, false, false, false},
		{-834900, true, true, false},
	}
	if len(f.Lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(f.Lines), len(want))
	}
	for i, w := range want {
		l := f.Lines[i]
		if l.TotalPence != w.total || l.CostAssumed != w.assumed || l.CapFromBand != w.fromBand || l.Uncosted != w.uncosted {
			t.Errorf("line %d: total %d assumed %v band %v uncosted %v; want %+v", i, l.TotalPence, l.CostAssumed, l.CapFromBand, l.Uncosted, w)
		}
	}
	if m := f.Lines[4].MonthPence; m[0] != 366667 || m[11] != 366667 {
		t.Errorf("0.8 FTE at £55,000: months %v, want 366667 each", m)
	}
	if f.Lines[3].MonthPence[1] != 120968 || f.Lines[3].MonthPence[2] != 0 {
		t.Errorf("ending mid-May: %v", f.Lines[3].MonthPence)
	}
	committed := workforce.Pence(6697200 + 6697200 + 370968 + 4400004 + 6500004)
	if f.CommittedPence != committed || f.PlannedPence != -1584900 {
		t.Errorf("committed %d planned %d; want %d, -1584900", f.CommittedPence, f.PlannedPence, committed)
	}
	if c := CountCosts(f.Lines); c[LineStaff] != (CostCounts{Assumed: 1, Uncosted: 1, FromBand: 3}) {
		t.Errorf("staff counts %+v", c[LineStaff])
	}
}

// A mental health practitioner with no band in 2026/27: band 5's £43,352 at 50%,
// 4,335,200 × 0.5 / 12 = 180,633.33 → 180,633p a month, 2,167,596p a year.
func TestMentalHealthShare(t *testing.T) {
	t.Parallel()
	s := workforce.Staff{RoleCode: "mental_health_practitioner", FTE: 1, Start: day("2020-01-01"), AnnualCostPence: 5000000}
	f := YearFunding(FundingInputs{Year: 2026, Staff: []workforce.Staff{s}, AsOf: day("2026-11-30"), Caps: bandCaps})
	if l := f.Lines[0]; l.TotalPence != 2167596 || !l.BandAssumed || !l.CapFromBand {
		t.Errorf("line %+v, want 2167596 at an assumed band 5", l)
	}
	// In 2025/26 the share is 100%: 361,266.67 → 361,267p a month.
	f = YearFunding(FundingInputs{Year: 2025, Staff: []workforce.Staff{s}, AsOf: day("2025-11-30"), Caps: bandCaps})
	if f.Lines[0].MonthPence[0] != 361267 {
		t.Errorf("2025/26 April %d, want 361267", f.Lines[0].MonthPence[0])
	}
}
