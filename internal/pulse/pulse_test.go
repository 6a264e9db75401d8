package pulse

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

const (
	pharmacy = workforce.GroupPharmacy
	fcp      = workforce.GroupFirstContact
	pcare    = workforce.GroupPersonalisedCare
	nursing  = workforce.GroupNursing
	other    = workforce.GroupOther
	merged   = workforce.GroupMerged
)

// answers makes n answers of group g, every score s and comment c (when not "").
func answers(g workforce.RoleGroup, n, s int, c string) []workforce.PulseAnswer {
	out := make([]workforce.PulseAnswer, n)
	for i := range out {
		out[i] = workforce.PulseAnswer{RoundID: 1, PCNCode: "U1", RoleGroup: g, Scores: [4]int{s, s, s, s}, Comment: c}
	}
	return out
}

func TestTally(t *testing.T) {
	t.Parallel()
	var tl Tally
	tl.Add(workforce.PulseAnswer{Scores: [4]int{5, 1, 3, 4}, Comment: "zebra"})
	tl.Add(workforce.PulseAnswer{Scores: [4]int{4, 2, 3, 2}})
	tl.Add(workforce.PulseAnswer{Scores: [4]int{1, 5, 3, 4}, Comment: "apple"})
	tl.Add(workforce.PulseAnswer{Scores: [4]int{2, 2, 3, 4}, Comment: "  "})
	tl.Add(workforce.PulseAnswer{Scores: [4]int{6, 2, 3, 4}, Comment: "off the scale"}) // not counted
	tl.Add(workforce.PulseAnswer{Scores: [4]int{0, 2, 3, 4}})                           // not counted
	if tl.N != 4 || tl.Sum != [4]int{12, 10, 12, 14} || tl.Agree != [4]int{2, 1, 0, 3} {
		t.Fatalf("tally %+v", tl)
	}
	if !slices.Equal(tl.Comments, []string{"apple", "zebra"}) {
		t.Errorf("comments %q, want sorted, blank left out", tl.Comments)
	}
	// Item 0: 12 / 4 = 3; 2 of 4 agree = 50%. Item 3: 14 / 4 = 3.5; 3 of 4 = 75%.
	for _, c := range []struct {
		i           int
		mean, agree float64
	}{{0, 3, 50}, {1, 2.5, 25}, {2, 3, 0}, {3, 3.5, 75}} {
		m, ok1 := tl.Mean(c.i)
		a, ok2 := tl.PercentAgree(c.i)
		if !ok1 || !ok2 || math.Abs(m-c.mean) > 1e-9 || math.Abs(a-c.agree) > 1e-9 {
			t.Errorf("item %d: mean %v agree %v, want %v %v", c.i, m, a, c.mean, c.agree)
		}
	}
	if _, ok := (Tally{}).Mean(0); ok {
		t.Error("mean of no answers is defined")
	}
	if _, ok := (Tally{}).PercentAgree(0); ok {
		t.Error("% agree of no answers is defined")
	}
	if _, ok := tl.Mean(4); ok {
		t.Error("mean of item 4 is defined")
	}

	var o Tally
	o.Add(workforce.PulseAnswer{Scores: [4]int{5, 5, 5, 5}, Comment: "banana"})
	sum := tl.Plus(o)
	if sum.N != 5 || sum.Sum[0] != 17 || sum.Agree[0] != 3 || !slices.Equal(sum.Comments, []string{"apple", "banana", "zebra"}) {
		t.Errorf("plus %+v", sum)
	}
	if !slices.Equal(tl.Comments, []string{"apple", "zebra"}) {
		t.Errorf("Plus changed its operand: %q", tl.Comments)
	}
}

// groups is a result's cells as "group:n". A merged cell's groups follow from the
// sizes a case built: those with answers that no cell shows alone.
func groups(r PCNResult) []string {
	var out []string
	for _, c := range r.Cells {
		out = append(out, fmt.Sprintf("%s:%d", c.Group, c.Tally.N))
	}
	return out
}

func TestForPCN(t *testing.T) {
	t.Parallel()
	join := func(parts ...[]workforce.PulseAnswer) []workforce.PulseAnswer { return slices.Concat(parts...) }
	cases := []struct {
		name   string
		in     []workforce.PulseAnswer
		shown  bool
		merged bool
		cells  []string
	}{
		{"none", nil, false, false, nil},
		{"four in all", answers(pharmacy, 4, 5, ""), false, true, nil},
		{"one group of five", answers(pharmacy, 5, 5, ""), true, false, []string{"pharmacy:5"}},
		// The case: the 4 cannot be shown beside the 6 (6 = 10 − 4 would give
		// it away), so the 6 joins it and only the total is shown.
		{"four beside six", join(answers(pharmacy, 6, 5, ""), answers(nursing, 4, 1, "")), true, true, nil},
		{"two small groups make five", join(answers(pharmacy, 7, 5, ""), answers(nursing, 3, 1, ""), answers(other, 2, 2, "")), true, true,
			[]string{"pharmacy:7", "merged:5"}}, // nursing 3 and other 2
		// Merged 4: the smallest shown group (6 of first contact) joins; pharmacy's 9 stays.
		{"smallest shown joins", join(answers(pharmacy, 9, 5, ""), answers(fcp, 6, 4, ""), answers(nursing, 4, 1, "")), true, true,
			[]string{"pharmacy:9", "merged:10"}}, // first contact 6 and nursing 4
		// Two shown groups of 6: the later (nursing) joins the merged cell.
		{"tie: later joins", join(answers(pharmacy, 6, 5, ""), answers(nursing, 6, 4, ""), answers(other, 1, 1, "")), true, true,
			[]string{"pharmacy:6", "merged:7"}}, // nursing 6 and other 1
		{"all shown", join(answers(pharmacy, 5, 5, ""), answers(pcare, 8, 3, "")), true, false,
			[]string{"pharmacy:5", "personalised_care:8"}},
		// A group the planner does not know is counted as other roles.
		{"unknown group", join(answers(pharmacy, 5, 5, ""), answers("retired_group", 5, 3, "")), true, false,
			[]string{"pharmacy:5", "other:5"}},
	}
	for _, c := range cases {
		r := ForPCN(c.in, 20)
		if r.Shown != c.shown || r.Merged != c.merged || !slices.Equal(groups(r), c.cells) {
			t.Errorf("%s: shown %v merged %v cells %v, want %v %v %v", c.name, r.Shown, r.Merged, groups(r), c.shown, c.merged, c.cells)
		}
		if r.Responses != len(c.in) || r.LinksIssued != 20 {
			t.Errorf("%s: %d of %d", c.name, r.Responses, r.LinksIssued)
		}
		if !r.Shown && (r.Total.N != 0 || r.Total.Comments != nil) {
			t.Errorf("%s: a total not shown carries %+v", c.name, r.Total)
		}
	}
}

func TestForPCNComments(t *testing.T) {
	t.Parallel()
	in := slices.Concat(answers(pharmacy, 5, 5, "b"), answers(nursing, 2, 1, "z"), answers(other, 3, 2, "a"), answers(pharmacy, 1, 5, "a"))
	r := ForPCN(in, 11)
	if len(r.Cells) != 2 {
		t.Fatalf("cells %v", groups(r))
	}
	if want := []string{"a", "b", "b", "b", "b", "b"}; !slices.Equal(r.Cells[0].Tally.Comments, want) {
		t.Errorf("pharmacy comments %q, want %q", r.Cells[0].Tally.Comments, want)
	}
	if want := []string{"a", "a", "a", "z", "z"}; !slices.Equal(r.Cells[1].Tally.Comments, want) {
		t.Errorf("merged comments %q, want %q", r.Cells[1].Tally.Comments, want)
	}
	if !slices.IsSorted(r.Total.Comments) || len(r.Total.Comments) != 11 {
		t.Errorf("total comments %q", r.Total.Comments)
	}
}

// TestForPCNCannotBeDifferenced tries many PCNs' answer sets (group sizes 0 to 12 in
// each of the five groups, from a fixed pseudo-random sequence) and checks what an
// attacker could subtract: every shown cell holds 5 or more, and the shown cells
// partition the total exactly, so the total less any set of shown cells is itself a
// sum of shown cells, 0 or 5 or more, and no group under 5 can be recovered.
func TestForPCNCannotBeDifferenced(t *testing.T) {
	t.Parallel()
	seed := uint32(16)
	next := func() int { // a linear congruential generator: the same sets every run
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % 13
	}
	var hidden, totalOnly, withMerged int // the kinds of case met, so the loop tests something
	for round := range 5000 {
		var in []workforce.PulseAnswer
		sizes := map[workforce.RoleGroup]int{}
		for gi, g := range workforce.RoleGroups {
			n := next()
			sizes[g] = n
			in = append(in, answers(g, n, 1+(round+gi)%5, "")...)
		}
		r := ForPCN(in, len(in))
		if r.Responses != len(in) {
			t.Fatalf("%v: %d responses", sizes, r.Responses)
		}
		if !r.Shown {
			if len(in) >= workforce.PulseMinGroup || len(r.Cells) > 0 || r.Total.N != 0 {
				t.Fatalf("%v: not shown, total %d, cells %v", sizes, r.Total.N, groups(r))
			}
			hidden++
			continue
		}
		if r.Total.N != len(in) || r.Total.N < workforce.PulseMinGroup {
			t.Fatalf("%v: total %d", sizes, r.Total.N)
		}
		if len(r.Cells) == 0 {
			totalOnly++
			continue // only the total: nothing to subtract from it
		}
		if r.Cells[len(r.Cells)-1].Group == merged {
			withMerged++
		}
		// A group's own cell holds exactly its answers; the merged cell, last and at
		// most one, holds the answers of every other group that has any.
		var sum Tally
		var alone []workforce.RoleGroup
		mergedN, mergedCells := 0, 0
		for i, c := range r.Cells {
			if c.Tally.N < workforce.PulseMinGroup {
				t.Fatalf("%v: cell %s holds %d", sizes, c.Group, c.Tally.N)
			}
			switch {
			case c.Group == merged:
				mergedCells++
				mergedN = c.Tally.N
				if i != len(r.Cells)-1 {
					t.Fatalf("%v: the merged cell is not last: %v", sizes, groups(r))
				}
			case slices.Contains(alone, c.Group):
				t.Fatalf("%v: %s in two cells", sizes, c.Group)
			case c.Tally.N != sizes[c.Group]:
				t.Fatalf("%v: cell %s holds %d", sizes, c.Group, c.Tally.N)
			default:
				alone = append(alone, c.Group)
			}
			sum = sum.Plus(c.Tally)
		}
		rest := 0
		for _, g := range workforce.RoleGroups {
			if !slices.Contains(alone, g) {
				rest += sizes[g]
			}
		}
		if mergedCells > 1 || rest != mergedN {
			t.Fatalf("%v: %d merged cells holding %d, want the %d answers of the groups not shown alone", sizes, mergedCells, mergedN, rest)
		}
		if sum.N != r.Total.N || sum.Sum != r.Total.Sum || sum.Agree != r.Total.Agree {
			t.Fatalf("%v: cells %+v do not add up to the total %+v", sizes, sum, r.Total)
		}
		// Every subset of shown cells, taken from the total, leaves 0 or 5 or more.
		for mask := 0; mask < 1<<len(r.Cells); mask++ {
			rest := r.Total.N
			for i, c := range r.Cells {
				if mask&(1<<i) != 0 {
					rest -= c.Tally.N
				}
			}
			if rest != 0 && rest < workforce.PulseMinGroup {
				t.Fatalf("%v: total less cells %b leaves %d", sizes, mask, rest)
			}
		}
	}
	if hidden == 0 || totalOnly == 0 || withMerged < 100 {
		t.Errorf("cases met: %d hidden, %d total only, %d with a merged cell", hidden, totalOnly, withMerged)
	}
}

func TestPoolOf(t *testing.T) {
	t.Parallel()
	big := ForPCN(answers(pharmacy, 6, 5, "x"), 10)
	mid := ForPCN(answers(nursing, 5, 1, ""), 10)
	small := ForPCN(answers(other, 4, 3, "secret"), 10)
	p := PoolOf([]PCNResult{big, small, mid})
	if !p.Shown() || p.PCNs != 2 || p.LeftOut != 1 || p.Tally.N != 11 {
		t.Fatalf("pool %+v", p)
	}
	// The pool less the shown PCNs is nothing: the PCN of 4 cannot be recovered.
	rest := p.Tally.N - big.Total.N - mid.Total.N
	restSum := p.Tally.Sum[0] - big.Total.Sum[0] - mid.Total.Sum[0]
	if rest != 0 || restSum != 0 || slices.Contains(p.Tally.Comments, "secret") {
		t.Errorf("pool less the shown PCNs: %d answers, sum %d, comments %q", rest, restSum, p.Tally.Comments)
	}
	// Item 0: (6×5 + 5×1) / 11.
	if m, ok := p.Tally.Mean(0); !ok || math.Abs(m-35.0/11) > 1e-9 {
		t.Errorf("pooled mean %v", m)
	}
	if q := PoolOf([]PCNResult{small}); q.Shown() || q.LeftOut != 1 || q.Tally.N != 0 {
		t.Errorf("pool of a suppressed PCN alone %+v", q)
	}
}
