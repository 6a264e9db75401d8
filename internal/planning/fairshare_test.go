package planning

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestFairShares(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		total float64
		pops  []float64
		want  []float64
	}{
		// Σw = 100,000: 26,000 × 50,000 / 100,000 = 13,000; × 0.3 = 7,800; × 0.2 = 5,200.
		{"proportional", 26000, []float64{50000, 30000, 20000}, []float64{13000, 7800, 5200}},
		// A PCN with no population gets nothing; the others share all of T.
		{"one zero", 30, []float64{0, 10000, 20000}, []float64{0, 10, 20}},
		// With no population anywhere there is nothing to share out: 0, not NaN.
		{"all zero", 30, []float64{0, 0}, []float64{0, 0}},
		{"no target", 0, []float64{1, 2}, []float64{0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pcns := make([]PCN, len(c.pops))
			for i, w := range c.pops {
				pcns[i] = PCN{Code: string(rune('A' + i)), Population: w}
			}
			got := FairShares(c.total, pcns)
			for i := range c.want {
				if math.Abs(got[i]-c.want[i]) > 1e-9 {
					t.Errorf("share %d = %v, want %v", i, got[i], c.want[i])
				}
			}
		})
	}
}

// The shares of all England add up to T, whatever the populations.
func TestFairSharesSumToTarget(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		pcns := make([]PCN, 1+rng.IntN(1500))
		for i := range pcns {
			pcns[i].Population = rng.Float64() * 200000
		}
		total := rng.Float64() * 30000
		var sum float64
		for _, s := range FairShares(total, pcns) {
			sum += s
		}
		if math.Abs(sum-total) > 1e-9*max(1, total) {
			t.Fatalf("%d PCNs: shares sum to %v, want %v", len(pcns), sum, total)
		}
	}
}
