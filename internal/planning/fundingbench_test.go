package planning

import (
	"math/rand/v2"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// largePCN is a PCN the size of the largest: 150 staff records and a 12-quarter plan
// in every role, the same every run.
func largePCN() FundingInputs {
	rng := rand.New(rand.NewPCG(14, 2026))
	roles := []string{"clinical_pharmacist", "care_coordinator", "paramedic", "gp", "mental_health_practitioner",
		"social_prescribing_link_worker", "first_contact_physiotherapist", "general_practice_nurse"}
	in := FundingInputs{Year: 2026, RatePounds: 27.3, Population: 120000, AsOf: day("2026-11-30"), Caps: bandCaps}
	for i := range 150 {
		s := workforce.Staff{ID: int64(i), RoleCode: roles[rng.IntN(len(roles))], FTE: 0.2 + rng.Float64()*0.8,
			Start: day("2020-01-01").AddDate(0, 0, rng.IntN(2500)), AnnualCostPence: workforce.Pence(3000000 + rng.IntN(5000000))}
		if rng.IntN(4) == 0 {
			s.End = s.Start.AddDate(0, 0, 30+rng.IntN(1500))
		}
		in.Staff = append(in.Staff, s)
	}
	first := (workforce.Quarter{Year: 2026, N: 1}).Start()
	for _, role := range roles {
		for q := range 12 {
			in.Plan = append(in.Plan, workforce.PlanLine{RoleCode: role, QuarterStart: first.AddDate(0, 3*q, 0),
				StartersFTE: 0.5, LeaversFTE: 0.5, AnnualCostPence: pence(5000000)})
		}
	}
	return in
}

// BenchmarkYearFunding times one year of the largest PCN's funding.
func BenchmarkYearFunding(b *testing.B) {
	in := largePCN()
	for b.Loop() {
		if f := YearFunding(in); len(f.Lines) == 0 {
			b.Fatal("no lines")
		}
	}
}
