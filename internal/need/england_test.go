package need

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// englandWeights are docs/need.md's seven bands: men the age rate ratio, women × 1.21
// (Mukhtar et al. 2018, Table 3); factors by quintile 1.00 to 1.18.
func englandWeights() workforce.NeedWeights {
	rr := []float64{1.88, 1.00, 1.65, 1.88, 2.22, 2.89, 3.97}
	from := []int{0, 5, 15, 25, 45, 65, 75}
	w := workforce.NeedWeights{Deprivation: [5]float64{1.00, 1.03, 1.06, 1.11, 1.18}}
	for i, r := range rr {
		to := -1
		if i+1 < len(from) {
			to = from[i+1] - 1
		}
		w.Age = append(w.Age, workforce.NeedAgeWeight{Label: fmt.Sprint(from[i]), From: from[i], To: to, Male: r, Female: r * 1.21})
	}
	return w
}

// england is a made-up England of the size of November 2025's (6,200 practices, 74 in
// no PCN, 1,297 PCNs), the same for the same seed: lists 1,000 to 30,000; about 2% of
// practices without age data, 1% without a score, 1% without a published list.
func england(seed uint64) (workforce.NeedWeights, []workforce.NeedPractice, []PCNInput) {
	rng := rand.New(rand.NewPCG(seed, 15))
	pcns := make([]PCNInput, 1297)
	for i := range pcns {
		pcns[i] = PCNInput{Code: fmt.Sprintf("U%05d", i), Registered: 1000 + rng.IntN(100000)}
	}
	ps := make([]workforce.NeedPractice, 6200)
	for i := range ps {
		ps[i] = madeUpPractice(rng, i, pcns)
	}
	return englandWeights(), ps, pcns
}

// madeUpPractice is practice i: the first 74 in no PCN, the rest in PCNs at random.
func madeUpPractice(rng *rand.Rand, i int, pcns []PCNInput) workforce.NeedPractice {
	p := workforce.NeedPractice{Code: fmt.Sprintf("P%05d", i), List: 1000 + rng.IntN(29000), ListKnown: true,
		IMD: 5 + rng.Float64()*50, IMDKnown: rng.IntN(100) > 0}
	if i >= 74 {
		p.PCN = pcns[rng.IntN(len(pcns))].Code
	}
	if rng.IntN(50) == 0 {
		return p
	}
	p.Male, p.Female = make([]int, 7), make([]int, 7)
	for b := range 7 {
		share := (0.5 + rng.Float64()) / 7 / 2
		p.Male[b], p.Female[b] = int(share*float64(p.List)), int(share*float64(p.List)*(0.9+0.2*rng.Float64()))
	}
	p.ListKnown = rng.IntN(100) > 0 || p.PCN == ""
	return p
}

// The bar: need for every practice and PCN in England under 100 ms.
func BenchmarkCompute(b *testing.B) {
	w, ps, pcns := england(1)
	for b.Loop() {
		Compute(w, ps, pcns)
	}
}

// Ten peers of one PCN from a Result that has not yet built its features.
func BenchmarkPeers(b *testing.B) {
	w, ps, pcns := england(1)
	r := Compute(w, ps, pcns)
	for b.Loop() {
		fresh := &Result{PCNs: r.PCNs, Weights: r.Weights, peers: &peerCache{}}
		if len(fresh.Peers("U00042", PeerCount)) != PeerCount {
			b.Fatal("no peers")
		}
	}
}
