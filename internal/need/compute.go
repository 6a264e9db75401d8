package need

import "github.com/arrs-planner/arrs/internal/workforce"

// Compute works out need for every practice and PCN (every PCN of the day, those with
// no member practice included), as PLANNING.md ("Need and fair comparison") and
// docs/need.md define it: raw need per practice from age-sex weights and the national
// deprivation quintile's factor, then one scale k so that Σ need over the PCNs equals Σ
// their registered lists. A practice belongs to a PCN only when that PCN is among pcns;
// practices in none are worked out (k × raw) but left out of k and of every sum. Sums
// run in the order of the inputs, so the same inputs give the same bits.
func Compute(w workforce.NeedWeights, practices []workforce.NeedPractice, pcns []PCNInput) *Result {
	q := nationalQuintiles(w, practices)
	inPCN := make(map[string]bool, len(pcns))
	for _, p := range pcns {
		inPCN[p.Code] = true
	}
	r := &Result{Cuts: q.cuts, Weights: w, Practices: make(map[string]PracticeNeed, len(practices)), peers: &peerCache{}}
	raws := make([]PracticeNeed, len(practices))
	for i, p := range practices {
		raws[i] = practiceRaw(w, q, p)
	}
	r.Scale = scale(raws, inPCN)
	for i := range raws {
		if raws[i].AgeData {
			raws[i].Need = r.Scale * raws[i].Raw
		}
		r.Practices[raws[i].Code] = raws[i]
	}
	r.sumPCNs(practices, raws, pcns)
	return r
}

// scale is k = Σ lists ÷ Σ raw over the PCNs' member practices with age data; 1 when
// none has any (nothing to normalise against).
func scale(raws []PracticeNeed, inPCN map[string]bool) float64 {
	var list, raw float64
	for _, p := range raws {
		if p.AgeData && inPCN[p.PCN] {
			list += float64(p.List)
			raw += p.Raw
		}
	}
	if !(raw > 0) {
		return 1
	}
	return list / raw
}
