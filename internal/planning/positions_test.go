package planning

import (
	"math"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Three PCNs on 30 Nov 2025: A with 3 FTE, B with 1, C with none in post. Per 10,000
// of the denominator given: A 3 × 10,000 ÷ 12,000 = 2.5, B 1 × 10,000 ÷ 40,000 = 0.25,
// C 0; deciles over those three only (D, absent from the map, has no rate). The share
// reached keeps the report's w(p) whatever the denominator: A (3 − 0) ÷ 6 = 0.5.
func TestEnglandPositionsPer(t *testing.T) {
	t.Parallel()
	asOf := workforce.Date(2025, 11, 30)
	start := workforce.Date(2025, 1, 1)
	in := Inputs{AsOf: asOf, Target: workforce.Target{Name: "T"}, Staff: []workforce.Staff{
		{PCNCode: "A", RoleCode: "paramedic", FTE: 2, Start: start},
		{PCNCode: "A", RoleCode: "clinical_pharmacist", FTE: 1, Start: start},
		{PCNCode: "B", RoleCode: "paramedic", FTE: 1, Start: start},
		{PCNCode: "B", RoleCode: "paramedic", FTE: 5, Start: asOf.AddDate(0, 0, 1)}, // starts after A
	}}
	r := Report{PCNs: []Gap{
		{Code: "A", WeightedPopulation: 10000, TargetFTE: 6},
		{Code: "B", WeightedPopulation: 20000, TargetFTE: 4, ListSizePCNs: 1},
		{Code: "C", WeightedPopulation: 30000, TargetFTE: 2},
		{Code: "D", WeightedPopulation: 30000, TargetFTE: 2},
	}}
	pos := EnglandPositionsPer(r, in, map[string]float64{"A": 12000, "B": 40000, "C": 5000})
	a, b, c, d := pos.ByPCN["A"], pos.ByPCN["B"], pos.ByPCN["C"], pos.ByPCN["D"]
	for name, v := range map[string][2]float64{
		"A per 10k": {a.Per10k, 2.5}, "B per 10k": {b.Per10k, 0.25}, "C per 10k": {c.Per10k, 0},
		"A of": {a.Per10kOf, 12000}, "A population": {a.Population, 10000}, "A reached": {a.Reached, 0.5},
		"A in post": {a.InPost, 3}, "B in post": {b.InPost, 1},
	} {
		if math.Abs(v[0]-v[1]) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, v[0], v[1])
		}
	}
	if d.HasPer10k || d.Per10kDecile != 0 || !d.HasReached || pos.MeasuredPer10k != 3 || pos.MeasuredReached != 4 {
		t.Errorf("D, absent from the denominators: %+v; %d and %d measured", d, pos.MeasuredPer10k, pos.MeasuredReached)
	}
	// Ranks 3, 2, 1 of n = 3: deciles ⌈10 × 3 ÷ 3⌉ = 10, ⌈20 ÷ 3⌉ = 7, ⌈10 ÷ 3⌉ = 4.
	if a.Per10kDecile != 10 || b.Per10kDecile != 7 || c.Per10kDecile != 4 || !b.ListSize {
		t.Errorf("deciles %d %d %d, B on its list %v", a.Per10kDecile, b.Per10kDecile, c.Per10kDecile, b.ListSize)
	}
	// EnglandPositions divides by w(p): A 3 × 10,000 ÷ 10,000 = 3.
	if old := EnglandPositions(r, in).ByPCN["A"]; math.Abs(old.Per10k-3) > 1e-9 || old.Per10kOf != 10000 || !EnglandPositions(r, in).ByPCN["D"].HasPer10k {
		t.Errorf("on w(p): %+v", old)
	}
}
