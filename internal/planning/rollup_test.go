package planning

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestRollupHand(t *testing.T) {
	t.Parallel()
	// gapInputs' two PCNs in one ICB: P1 short by 3.2, P2 over its share by 0.2.
	// The area's gap nets them (3.2 − 0.2 = 3.0); its shortfall does not (3.2).
	months := 396 * 12 / 365.25
	area := Gap{PCNs: 2, ListSizePCNs: 1, WeightedPopulation: 100000,
		TargetFTE: 10, BaselineFTE: 1.5, InPostFTE: 5, ProjectedFTE: 8.5, AdditionalFTE: 7,
		GapFTE: 3, ShortfallFTE: 3.2, PCNsShort: 1, MonthsLeft: months, RequiredPace: 3.2 / months}
	r := GapReport(gapInputs())
	icb, region, england := area, area, area
	icb.Level, icb.Code, icb.Region = workforce.LevelICB, "I1", "R1"
	region.Level, region.Code = workforce.LevelRegion, "R1"
	england.Level, england.Code = workforce.LevelEngland, workforce.EnglandCode
	if len(r.ICBs) != 1 || len(r.Regions) != 1 || len(r.PCNs) != 2 {
		t.Fatalf("rows: %d ICBs, %d regions, %d PCNs", len(r.ICBs), len(r.Regions), len(r.PCNs))
	}
	checkGap(t, r.ICBs[0], icb)
	checkGap(t, r.Regions[0], region)
	checkGap(t, r.England, england)
	if rows := r.Rows(workforce.LevelEngland); len(rows) != 1 || rows[0].Code != workforce.EnglandCode {
		t.Errorf("Rows(england) = %v", rows)
	}
}

func TestRollupEmpty(t *testing.T) {
	t.Parallel()
	r := GapReport(Inputs{Target: workforce.Target{FTE: 10}})
	if r.England.Code != workforce.EnglandCode || r.England.PCNs != 0 || len(r.ICBs) != 0 {
		t.Errorf("empty England = %+v", r)
	}
}

// randomEngland builds a seeded England of n PCNs in a few ICBs and regions, with
// staff, plans, zero populations and PCNs far over their share.
func randomEngland(rng *rand.Rand, n int) Inputs {
	in := Inputs{
		Target:        workforce.Target{FTE: 100 + rng.Float64()*1000, Baseline: day("2019-03-31"), Deadline: day("2027-03-31")},
		AsOf:          day("2025-11-30"),
		At:            day("2025-01-01").AddDate(0, 0, rng.IntN(900)),
		Today:         day("2025-06-01").AddDate(0, 0, rng.IntN(900)),
		AttritionRate: map[string]float64{"r0": 0.2, "r1": 0},
	}
	roles := []string{"r0", "r1", "r2", ""}
	for i := range n {
		p := PCN{Code: fmt.Sprintf("U%05d", i), ICB: fmt.Sprintf("I%d", rng.IntN(5)),
			Population: float64(rng.IntN(3)) * rng.Float64() * 100000, PopulationIsListSize: rng.IntN(4) == 0}
		p.Region = "R" + p.ICB[1:2]
		if p.ICB == "I4" || p.ICB == "I3" {
			p.Region = "R3"
		}
		in.PCNs = append(in.PCNs, p)
		for range rng.IntN(30) {
			s := workforce.Staff{PCNCode: p.Code, RoleCode: roles[rng.IntN(len(roles))], FTE: rng.Float64() * 1.2,
				Start: day("2018-01-01").AddDate(0, 0, rng.IntN(3000))}
			if rng.IntN(3) == 0 {
				s.End = s.Start.AddDate(0, 0, 1+rng.IntN(1500))
			}
			in.Staff = append(in.Staff, s)
		}
		for q := range 12 {
			start := (workforce.Quarter{Year: 2025, N: 1}).Start().AddDate(0, 3*q, 0)
			in.Plan = append(in.Plan, workforce.PlanLine{PCNCode: p.Code, RoleCode: roles[rng.IntN(len(roles))], QuarterStart: start,
				StartersFTE: rng.Float64() * 3, LeaversFTE: rng.Float64() * 2})
		}
	}
	return in
}

// referenceGap recomputes a PCN's row from the one-PCN formulas, slowly and directly.
func referenceGap(in Inputs, p PCN, total float64) Gap {
	var staff []workforce.Staff
	var plan []workforce.PlanLine
	for _, s := range in.Staff {
		if s.PCNCode == p.Code {
			staff = append(staff, s)
		}
	}
	for _, l := range in.Plan {
		if l.PCNCode == p.Code {
			plan = append(plan, l)
		}
	}
	at := in.at()
	g := Gap{Code: p.Code, TargetFTE: FairShare(in.Target.FTE, p.Population, total),
		BaselineFTE:  InPostFTE(staff, in.Target.Baseline) + p.BaselineExtra,
		InPostFTE:    InPostFTE(staff, earlier(at, in.AsOf)),
		ProjectedFTE: Projected(staff, plan, in.AttritionRate, in.AsOf, at)}
	g.AdditionalFTE = g.ProjectedFTE - g.BaselineFTE
	g.GapFTE = g.TargetFTE - g.AdditionalFTE
	g.ShortfallFTE = math.Max(g.GapFTE, 0)
	return g
}

// Every PCN row matches the one-PCN formulas, and every area's figures are the sums of
// its PCNs': shortfall the sum of PCN shortfalls, pcns_short the count of PCNs short.
func TestRollupSumsProperty(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 40 {
		in := randomEngland(rng, 1+rng.IntN(60))
		r := GapReport(in)
		total := totalPopulation(in.PCNs)
		want := map[workforce.Level]map[string]*Gap{workforce.LevelICB: {}, workforce.LevelRegion: {}, workforce.LevelEngland: {}}
		for _, p := range in.PCNs {
			ref := referenceGap(in, p, total)
			got := rowByCode(r.PCNs, p.Code)
			for _, f := range [][2]float64{{got.TargetFTE, ref.TargetFTE}, {got.BaselineFTE, ref.BaselineFTE},
				{got.InPostFTE, ref.InPostFTE}, {got.ProjectedFTE, ref.ProjectedFTE}, {got.GapFTE, ref.GapFTE},
				{got.ShortfallFTE, ref.ShortfallFTE}} {
				if !near(f[0], f[1]) {
					t.Fatalf("trial %d %s: row %+v, reference %+v", trial, p.Code, got, ref)
				}
			}
			for level, code := range map[workforce.Level]string{workforce.LevelICB: p.ICB, workforce.LevelRegion: p.Region, workforce.LevelEngland: workforce.EnglandCode} {
				if want[level][code] == nil {
					want[level][code] = &Gap{}
				}
				want[level][code].add(got)
			}
		}
		for level, areas := range want {
			rows := r.Rows(level)
			if len(rows) != len(areas) {
				t.Fatalf("trial %d: %d %s rows, want %d", trial, len(rows), level, len(areas))
			}
			for _, row := range rows {
				w := areas[row.Code]
				if !near(row.TargetFTE, w.TargetFTE) || !near(row.BaselineFTE, w.BaselineFTE) ||
					!near(row.InPostFTE, w.InPostFTE) || !near(row.ProjectedFTE, w.ProjectedFTE) ||
					!near(row.AdditionalFTE, w.AdditionalFTE) || !near(row.GapFTE, w.GapFTE) ||
					!near(row.ShortfallFTE, w.ShortfallFTE) || row.PCNsShort != w.PCNsShort ||
					!near(row.WeightedPopulation, w.WeightedPopulation) || row.PCNs != w.PCNs {
					t.Fatalf("trial %d %s %s: %+v, want sums %+v", trial, level, row.Code, row, *w)
				}
			}
		}
		// Shares add up to T over England (when anyone has a population), and the
		// shortfall is never less than the netted gap.
		if total > 0 && !near(r.England.TargetFTE, in.Target.FTE) {
			t.Fatalf("trial %d: England target %v, want %v", trial, r.England.TargetFTE, in.Target.FTE)
		}
		if r.England.ShortfallFTE < r.England.GapFTE-1e-9 {
			t.Fatalf("trial %d: shortfall %v < gap %v", trial, r.England.ShortfallFTE, r.England.GapFTE)
		}
	}
}

func rowByCode(rows []Gap, code string) Gap {
	for _, g := range rows {
		if g.Code == code {
			return g
		}
	}
	return Gap{}
}
