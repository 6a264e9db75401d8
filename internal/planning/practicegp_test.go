package planning

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestPracticeGPCapsOn(t *testing.T) {
	t.Parallel()
	caps := NewPracticeGPCaps([]workforce.PracticeGPCap{
		{EffectiveFrom: day("2027-04-01"), Pence: 16000000}, // a later rise elsewhere, listed first
		{EffectiveFrom: day("2026-04-01"), Pence: 15290000},
		{EffectiveFrom: day("2026-04-01"), London: true, Pence: 15569800},
	})
	restOnly := NewPracticeGPCaps([]workforce.PracticeGPCap{{EffectiveFrom: day("2026-04-01"), Pence: 15290000}})
	cases := []struct {
		name   string
		caps   PracticeGPCaps
		london bool
		d      string
		want   CapOn
	}{
		{"before the scheme", caps, false, "2026-03-31", CapOn{}},
		{"London before the scheme", caps, true, "2026-03-31", CapOn{}},
		{"first day", caps, false, "2026-04-01", CapOn{Pence: 15290000, Known: true}},
		{"London's first day", caps, true, "2026-04-01", CapOn{Pence: 15569800, Known: true}},
		{"the later rise", caps, false, "2027-06-01", CapOn{Pence: 16000000, Known: true}},
		{"London keeps its own", caps, true, "2027-06-01", CapOn{Pence: 15569800, Known: true}},
		{"no London figure: elsewhere's", restOnly, true, "2026-05-01", CapOn{Pence: 15290000, Known: true}},
		{"none at all", PracticeGPCaps{}, false, "2026-05-01", CapOn{}},
	}
	for _, c := range cases {
		if got := c.caps.On(c.london, day(c.d)); got != c.want {
			t.Errorf("%s: On(%v, %s) = %+v, want %+v", c.name, c.london, c.d, got, c.want)
		}
	}
}

// The scheme over a PCN of three practices, one with no list (left out of the
// entitlement and counted), at £4.57: A81001 (list 6,123) 457 × 6,123 = 2,798,211p,
// A81003 (list 4,000) 1,828,000p; PCN 4,626,211p. A GP in A81003 from 1 October 2026
// at £90,000: 750,000p × 6 = 4,500,000p committed; a plan line of 0.5 GP on the scheme
// from 1 January 2027 at £90,000: 375,000p × 3 = 1,125,000p planned (the PCN's). An
// ARRS GP line is passed over. Headroom 4,626,211 − 4,500,000 − 1,125,000 = −998,789p.
func TestPracticeGPYear(t *testing.T) {
	t.Parallel()
	scheme := workforce.StreamPracticeGP
	in := FundingInputs{Year: 2026, AsOf: day("2026-11-30"), Caps: streamCaps, PracticeGPCaps: gpSchemeCaps,
		Staff: []workforce.Staff{
			{RoleCode: "gp", FTE: 1, Start: day("2026-10-01"), AnnualCostPence: 9000000, Stream: scheme, PracticeCode: "A81003"},
			{RoleCode: "gp", FTE: 1, Start: day("2026-10-01"), AnnualCostPence: 9000000},
		},
		Plan: []workforce.PlanLine{{RoleCode: "gp", QuarterStart: day("2027-01-01"), StartersFTE: 0.5, AnnualCostPence: pence(9000000), Stream: scheme}},
	}
	f := YearFunding(in)
	if f.PracticeGP != (StreamTotals{CommittedPence: 4500000, PlannedPence: 1125000}) {
		t.Errorf("scheme totals %+v", f.PracticeGP)
	}
	practices := []PracticeInput{
		{Code: "A81003", List: 4000, ListKnown: true},
		{Code: "A81002"},
		{Code: "A81001", List: 6123, ListKnown: true},
	}
	s := PracticeGPYear(4.57, practices, f.Lines, nil)
	if s.RatePounds != 4.57 || s.EntitlementPence != 4626211 || s.Unknown != 1 || s.CommittedPence != 4500000 ||
		s.PlannedPence != 1125000 || s.HeadroomPence != -998789 {
		t.Errorf("scheme %+v", s)
	}
	codes := []string{s.Practices[0].Practice.Code, s.Practices[1].Practice.Code, s.Practices[2].Practice.Code}
	if codes[0] != "A81001" || codes[1] != "A81002" || codes[2] != "A81003" {
		t.Errorf("practices in order %v", codes)
	}
	if p := s.Practices[1]; p.Known || p.EntitlementPence != 0 {
		t.Errorf("no list: %+v", p)
	}
	if p := s.Practices[2]; p.EntitlementPence != 1828000 || p.CommittedPence != 4500000 || p.HeadroomPence != -2672000 {
		t.Errorf("A81003 %+v", p)
	}
	// A caller naming the practice its own way.
	byCaller := PracticeGPYear(4.57, practices, f.Lines, func(FundingLine) string { return "A81001" })
	if byCaller.Practices[0].CommittedPence != 4500000 || byCaller.Practices[2].CommittedPence != 0 {
		t.Errorf("staffPractice not used: %+v", byCaller.Practices)
	}
}

// With no rate for the year (0, or none at all) every practice's entitlement is
// unknown, lists or not: Unknown counts all three, nothing is summed, and RateKnown
// tells "no rate" from "no lists". The claims still count: committed 4,500,000p.
func TestPracticeGPYearNoRate(t *testing.T) {
	t.Parallel()
	practices := []PracticeInput{{Code: "A81001", List: 6123, ListKnown: true}, {Code: "A81002"}, {Code: "A81003", List: 4000, ListKnown: true}}
	lines := []FundingLine{{Kind: LineStaff, Stream: workforce.StreamPracticeGP, Practice: "A81003", TotalPence: 4500000}}
	for _, rate := range []float64{0, -1} {
		s := PracticeGPYear(rate, practices, lines, nil)
		if s.RateKnown || s.Unknown != 3 || s.EntitlementPence != 0 || s.CommittedPence != 4500000 {
			t.Errorf("rate %v: %+v", rate, s)
		}
		for _, p := range s.Practices {
			if p.Known || p.EntitlementPence != 0 || p.HeadroomPence != 0 {
				t.Errorf("rate %v: %s known %v entitlement %d", rate, p.Practice.Code, p.Known, p.EntitlementPence)
			}
		}
	}
	if s := PracticeGPYear(4.57, practices, lines, nil); !s.RateKnown || s.Unknown != 1 {
		t.Errorf("with a rate: known %v, unknown %d", s.RateKnown, s.Unknown)
	}
}
