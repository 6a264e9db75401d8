package planning

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// englandInputs builds a synthetic England the size of the real one, the same every
// run: 7 regions, 42 ICBs, 1,297 PCNs, 25 roles, about 30,000 staff records and a
// 12-quarter plan line for every PCN and role (389,100 lines).
func englandInputs() Inputs {
	rng := rand.New(rand.NewPCG(2025, 11))
	roles := make([]string, 25)
	rates := make(map[string]float64)
	for i := range roles {
		roles[i] = fmt.Sprintf("role_%02d", i)
		if i%3 == 0 {
			rates[roles[i]] = 0.05 + 0.01*float64(i%7)
		}
	}
	in := Inputs{
		Target:        workforce.Target{Name: "bench", FTE: 26000, Baseline: day("2019-03-31"), Deadline: day("2029-03-31")},
		AsOf:          day("2025-11-30"),
		At:            day("2029-03-31"),
		Today:         day("2026-01-15"),
		AttritionRate: rates,
	}
	first := (workforce.Quarter{Year: 2026, N: 1}).Start()
	for p := range 1297 {
		icb := p % 42
		pcn := PCN{Code: fmt.Sprintf("U%05d", 10000+p), ICB: fmt.Sprintf("Q%02d", icb),
			Region: fmt.Sprintf("Y%02d", 56+icb%7), Population: 20000 + rng.Float64()*80000}
		in.PCNs = append(in.PCNs, pcn)
		for range 13 + rng.IntN(21) { // 13 to 33 records, 23 on average
			s := workforce.Staff{PCNCode: pcn.Code, RoleCode: roles[rng.IntN(len(roles))], FTE: 0.2 + rng.Float64()*0.8,
				Start: day("2018-01-01").AddDate(0, 0, rng.IntN(2900))}
			if rng.IntN(5) == 0 {
				s.RoleCode = "" // PCN staff outside ARRS
			}
			if rng.IntN(4) == 0 {
				s.End = s.Start.AddDate(0, 0, 30+rng.IntN(1500))
			}
			in.Staff = append(in.Staff, s)
		}
		for _, role := range roles {
			for q := range 12 {
				in.Plan = append(in.Plan, workforce.PlanLine{PCNCode: pcn.Code, RoleCode: role, QuarterStart: first.AddDate(0, 3*q, 0),
					StartersFTE: float64(rng.IntN(3)) * 0.5, LeaversFTE: float64(rng.IntN(2)) * 0.5, AnnualCostPence: pence(5000000)})
			}
		}
	}
	return in
}

// BenchmarkEngland times the whole England gap report: every PCN's gap and the roll-ups
// to ICB, region and England. The inputs are built before the timer starts.
func BenchmarkEngland(b *testing.B) {
	in := englandInputs()
	b.ReportMetric(float64(len(in.Staff)), "staff")
	b.ReportMetric(float64(len(in.Plan)), "lines")
	for b.Loop() {
		r := GapReport(in)
		if len(r.PCNs) != 1297 || len(r.ICBs) != 42 || len(r.Regions) != 7 {
			b.Fatalf("%d PCNs, %d ICBs, %d regions", len(r.PCNs), len(r.ICBs), len(r.Regions))
		}
	}
}
