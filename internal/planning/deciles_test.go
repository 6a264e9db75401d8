package planning

import (
	"math"
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestDeciles(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	cases := []struct {
		name   string
		values []float64
		want   []int
	}{
		// n = 10, all different: rank r is decile r.
		{"ten values", []float64{3, 1, 2, 10, 9, 8, 7, 6, 5, 4}, []int{3, 1, 2, 10, 9, 8, 7, 6, 5, 4}},
		// n = 20: decile = ceil(10 × rank ÷ 20) = ceil(rank ÷ 2): ranks 1 and 2 are
		// decile 1, ranks 19 and 20 decile 10.
		{"twenty values", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
			[]int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10}},
		// Ties share the lowest rank: sorted 1, 5, 5, 5 (n = 4). The 1 has rank 1,
		// ceil(10 ÷ 4) = 3; each 5 has rank 2, ceil(20 ÷ 4) = 5 (not 8 or 10).
		{"ties", []float64{5, 1, 5, 5}, []int{5, 3, 5, 5}},
		// Many PCNs with none in post share decile 1; the others rank above them:
		// sorted 0, 0, 0, 0, 0, 2, 4, 6, 8, 9 (n = 10). The zeros have rank 1, decile 1;
		// 2 has rank 6, decile 6; 9 has rank 10, decile 10. Deciles 2–5 are empty.
		{"a block of zeros", []float64{0, 0, 0, 0, 0, 2, 4, 6, 8, 9}, []int{1, 1, 1, 1, 1, 6, 7, 8, 9, 10}},
		// A NaN is no value: decile 0, and n = 3. Ranks 1, 2, 3: ceil(10/3) = 4,
		// ceil(20/3) = 7, ceil(30/3) = 10.
		{"nothing to measure", []float64{nan, 7, 3, 5}, []int{0, 10, 4, 7}},
		// One value is the highest, so decile 10.
		{"one value", []float64{42}, []int{10}},
		{"none", nil, []int{}},
		// Binary noise does not split a tie: 0.1 + 0.2 is 0.30000000000000004.
		{"noise", []float64{0.1 + 0.2, 0.3}, []int{5, 5}},
		// Negative values (fewer in post than on the baseline) rank lowest.
		{"negative", []float64{-0.5, 0.25, 1.5, 0}, []int{3, 8, 10, 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Deciles(c.values); !slices.Equal(got, c.want) {
				t.Errorf("Deciles(%v) = %v, want %v", c.values, got, c.want)
			}
		})
	}
}

func TestDecileRanges(t *testing.T) {
	t.Parallel()
	values := []float64{0, 0, 0, 0, 0, 2, 4, 6, 8, 9, math.NaN()}
	r := DecileRanges(values, Deciles(values))
	want := map[int]DecileRange{
		1:  {Decile: 1, Count: 5, Low: 0, High: 0},
		2:  {Decile: 2},
		6:  {Decile: 6, Count: 1, Low: 2, High: 2},
		10: {Decile: 10, Count: 1, Low: 9, High: 9},
	}
	if len(r) != 10 {
		t.Fatalf("%d ranges, want 10", len(r))
	}
	for d, w := range want {
		if r[d-1] != w {
			t.Errorf("decile %d: %+v, want %+v", d, r[d-1], w)
		}
	}
}

func TestPerTenThousandAndFairShareReached(t *testing.T) {
	t.Parallel()
	// 49.0 FTE for 105,122 patients: 49 ÷ 105,122 × 10,000 = 4.661251…
	if v, ok := PerTenThousand(49, 105122); !ok || math.Abs(v-4.661251) > 1e-6 {
		t.Errorf("PerTenThousand = %v %v", v, ok)
	}
	if _, ok := PerTenThousand(3, 0); ok {
		t.Error("a population of 0 has nothing to measure against")
	}
	// 6 additional FTE of a fair share of 8: 0.75.
	if v, ok := FairShareReached(6, 8); !ok || v != 0.75 {
		t.Errorf("FairShareReached = %v %v", v, ok)
	}
	if v, ok := FairShareReached(-1, 4); !ok || v != -0.25 {
		t.Errorf("fewer than on the baseline: %v %v", v, ok)
	}
	if _, ok := FairShareReached(2, 0); ok {
		t.Error("a fair share of 0 has nothing to reach")
	}
}

func TestRoleMix(t *testing.T) {
	t.Parallel()
	// 3 + 1 + 1 + 0 = 5 FTE: pharmacist 0.6, then the two 1s by role code; a role at 0
	// is left out.
	got := RoleMix(map[string]float64{"paramedic": 1, "clinical_pharmacist": 3, "care_coordinator": 1, "dietitian": 0})
	want := []RoleShare{{"clinical_pharmacist", 3, 0.6}, {"care_coordinator", 1, 0.2}, {"paramedic", 1, 0.2}}
	if !slices.Equal(got, want) {
		t.Errorf("RoleMix = %v, want %v", got, want)
	}
	if len(RoleMix(nil)) != 0 {
		t.Error("no roles, no mix")
	}
}

func TestInPostByPCNRole(t *testing.T) {
	t.Parallel()
	staff := []workforce.Staff{
		{PCNCode: "A", RoleCode: "paramedic", FTE: 1, Start: day("2024-01-01")},
		{PCNCode: "A", RoleCode: "paramedic", FTE: 0.5, Start: day("2024-01-01"), End: day("2025-11-30")}, // left on the day
		{PCNCode: "A", RoleCode: "", FTE: 1, Start: day("2024-01-01")},                                    // outside ARRS
		{PCNCode: "B", RoleCode: "care_coordinator", FTE: 0.4, Start: day("2025-11-30")},                  // starts on the day
		{PCNCode: "B", RoleCode: "care_coordinator", FTE: 1, Start: day("2025-12-01")},                    // not yet
	}
	got := InPostByPCNRole(staff, day("2025-11-30"))
	if len(got) != 2 || got["A"]["paramedic"] != 1 || len(got["A"]) != 1 || got["B"]["care_coordinator"] != 0.4 {
		t.Errorf("InPostByPCNRole = %v", got)
	}
	if tot := InPostByPCN(staff, day("2025-11-30")); len(tot) != 2 || tot["A"] != 1 || tot["B"] != 0.4 {
		t.Errorf("InPostByPCN = %v", tot)
	}
}
