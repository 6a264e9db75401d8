package gaps

import (
	"context"
	"math"
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
)

// U79722's positions on A = 30 Nov 2025 (see TestComputeOnePCNByHand): in post 11.78,
// w(p) 50,000, so 2.356 per 10,000; its fair share 23.549587 on a baseline of 2.5, so
// (11.78 − 2.5) ÷ 23.549587 = 39.4% reached. Every PCN has a population (a weighted one
// or its list), so each is ranked per 10,000; a PCN without a weighted population is
// flagged.
func TestPositions(t *testing.T) {
	t.Parallel()
	res, err := Compute(context.Background(), seeded(t), Options{Target: "Test target"})
	if err != nil {
		t.Fatal(err)
	}
	pos := res.Positions()
	if res.Positions() != pos {
		t.Error("the positions are worked out again on a second call")
	}
	me := pos.ByPCN[pcn]
	want := map[string][2]float64{
		"in post":    {me.InPost, inPostAtA},
		"population": {me.Population, population},
		"per 10k":    {me.Per10k, inPostAtA / population * 10000},
		"fair share": {me.FairShare, 23.549587},
		"baseline":   {me.Baseline, extraFTE},
		"reached":    {me.Reached, (inPostAtA - extraFTE) / 23.549587},
	}
	for name, v := range want {
		if math.Abs(v[0]-v[1]) > 1e-6 {
			t.Errorf("%s = %.6f, want %.6f", name, v[0], v[1])
		}
	}
	var byRole float64
	for _, fte := range me.ByRole {
		byRole += fte
	}
	if math.Abs(byRole-inPostAtA) > 1e-9 || me.ListSize || !me.HasPer10k || !me.HasReached {
		t.Errorf("U79722: %+v", me)
	}
	if me.Per10kDecile < 1 || me.Per10kDecile > 10 || me.ReachedDecile < 1 || me.ReachedDecile > 10 {
		t.Errorf("deciles %d and %d", me.Per10kDecile, me.ReachedDecile)
	}
	if other := pos.ByPCN["U24883"]; !other.ListSize || !other.HasPer10k {
		t.Errorf("U24883, with no weighted population: %+v", other)
	}
	if pos.MeasuredPer10k != len(res.PCNs) || !pos.AsOf.Equal(res.AsOf) || pos.TargetName != "Test target" {
		t.Errorf("%d of %d PCNs ranked per 10,000, as of %s, target %q", pos.MeasuredPer10k, len(res.PCNs), pos.AsOf, pos.TargetName)
	}
	counted := 0
	for _, r := range pos.Per10k {
		counted += r.Count
	}
	if counted != pos.MeasuredPer10k {
		t.Errorf("England's per-10,000 deciles hold %d PCNs, want %d", counted, pos.MeasuredPer10k)
	}
	// A report made by hand, without Compute, works them out on each call.
	bare := &Result{Report: planning.Report{}}
	if bare.Positions() == nil {
		t.Error("no positions for a report made by hand")
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	rows := []planning.Gap{{Code: "A", TargetFTE: 1}, {Code: "B", TargetFTE: 2}}
	if g, ok := Find(rows, "B"); !ok || g.TargetFTE != 2 {
		t.Errorf("B: %+v %v", g, ok)
	}
	if g, ok := Find(rows, "C"); ok || g.Code != "C" || g.TargetFTE != 0 {
		t.Errorf("C: %+v %v", g, ok)
	}
}
