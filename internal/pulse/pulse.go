// Package pulse works out what may be shown of an anonymous pulse round (issue 16;
// docs/integration.md, "The pulse"): tallies of answers, and the suppression that
// keeps every shown figure a sum of at least workforce.PulseMinGroup answers, so that
// no group under 5 can be read directly or recovered by subtracting one shown figure
// from another. It is pure: answers in, cells out.
//
// The rule. Within a PCN's round, a role group is shown when it has at least 5 answers;
// smaller groups are merged into one cell ("Smaller groups combined") and, while that
// cell has 1 to 4 answers, the smallest shown group joins it; when the whole PCN has
// fewer than 5 answers nothing but the count of answers is shown. So the shown cells
// partition the PCN's answers and each holds 5 or more. Above a PCN (an ICB, England)
// the averages pool only the PCNs whose totals are shown: a suppressed PCN adds
// nothing to any figure, so no difference between shown figures isolates it.
//
// Choices the rule leaves open. The smallest shown group to join the merged cell is
// the one with the fewest answers; among equals, the one later in
// workforce.RoleGroups' order (so the groups pages show first stay shown). When every
// group ends in the merged cell, that cell would equal the total, so Cells is empty
// and only the total is shown. A group with no answers is in no cell. An answer with
// a score outside 1 to 5 (which the store's checks rule out) is counted nowhere, not
// even in Responses; an answer of a group the planner no longer knows is counted under
// workforce.GroupOther, as RoleGroupOf counts every role it does not name.
package pulse

import (
	"slices"
	"strings"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Tally sums answers: how many, the sum of each item's scores and how many agreed
// (4 or 5) with each item, and the comments (sorted, so that their order says
// nothing of when they came).
type Tally struct {
	N        int
	Sum      [4]int
	Agree    [4]int
	Comments []string
}

// valid reports whether every score of a is on the scale, 1 to 5.
func valid(a workforce.PulseAnswer) bool {
	for _, s := range a.Scores {
		if s < 1 || s > len(workforce.PulseScale) {
			return false
		}
	}
	return true
}

// Add counts one answer; an answer with a score outside 1 to 5 is not counted. A
// comment that is not blank is kept, in sorted place.
func (t *Tally) Add(a workforce.PulseAnswer) {
	if !valid(a) {
		return
	}
	t.N++
	for i, s := range a.Scores {
		t.Sum[i] += s
		if s >= 4 {
			t.Agree[i]++
		}
	}
	if strings.TrimSpace(a.Comment) != "" {
		at, _ := slices.BinarySearch(t.Comments, a.Comment)
		t.Comments = slices.Insert(t.Comments, at, a.Comment)
	}
}

// Plus is t and o together (neither is changed).
func (t Tally) Plus(o Tally) Tally {
	out := Tally{N: t.N + o.N}
	for i := range out.Sum {
		out.Sum[i] = t.Sum[i] + o.Sum[i]
		out.Agree[i] = t.Agree[i] + o.Agree[i]
	}
	if n := len(t.Comments) + len(o.Comments); n > 0 {
		out.Comments = make([]string, 0, n)
		out.Comments = append(append(out.Comments, t.Comments...), o.Comments...)
		slices.Sort(out.Comments)
	}
	return out
}

// Mean is item i's mean score (1–5); undefined (0, false) for no answers.
func (t Tally) Mean(i int) (float64, bool) {
	if t.N == 0 || i < 0 || i >= len(t.Sum) {
		return 0, false
	}
	return float64(t.Sum[i]) / float64(t.N), true
}

// PercentAgree is the share of answers agreeing with item i, in per cent.
func (t Tally) PercentAgree(i int) (float64, bool) {
	if t.N == 0 || i < 0 || i >= len(t.Agree) {
		return 0, false
	}
	return float64(t.Agree[i]) * 100 / float64(t.N), true
}

// Cell is a shown figure: one role group, or several merged, and their tally. A merged
// cell does not say which groups it holds: that would tell that a hidden group answered.
type Cell struct {
	Group workforce.RoleGroup // GroupMerged for a merged cell
	Tally Tally
}

// PCNResult is what may be shown of one PCN's round.
type PCNResult struct {
	// Responses is how many answered (always shown: a count says nothing of anyone's
	// answer) of LinksIssued.
	Responses, LinksIssued int
	// Shown is false when fewer than PulseMinGroup answered: no score, no comment.
	Shown bool
	// Total is the PCN's tally, zero unless Shown.
	Total Tally
	// Cells are the shown groups (a merged cell last), partitioning Total; empty when
	// only the total may be shown.
	Cells []Cell
	// Merged says whether any group was merged or left out, for the page to say so.
	Merged bool
}

// ForPCN applies the rule to one round's answers (all of one PCN and round).
func ForPCN(answers []workforce.PulseAnswer, linksIssued int) PCNResult {
	byGroup := map[workforce.RoleGroup]*Tally{}
	var total Tally
	for _, a := range answers {
		if !valid(a) {
			continue
		}
		g := a.RoleGroup
		if !g.Valid() {
			g = workforce.GroupOther
		}
		if byGroup[g] == nil {
			byGroup[g] = &Tally{}
		}
		byGroup[g].Add(a)
		total.Add(a)
	}
	res := PCNResult{Responses: total.N, LinksIssued: linksIssued}
	if total.N < workforce.PulseMinGroup {
		res.Merged = total.N > 0
		return res
	}
	res.Shown, res.Total = true, total
	shown, merged := split(byGroup)
	res.Merged = len(merged) > 0
	if len(shown) == 0 {
		return res
	}
	for _, g := range shown {
		res.Cells = append(res.Cells, Cell{Group: g, Tally: *byGroup[g]})
	}
	if len(merged) > 0 {
		cell := Cell{Group: workforce.GroupMerged}
		for _, g := range merged {
			cell.Tally = cell.Tally.Plus(*byGroup[g])
		}
		res.Cells = append(res.Cells, cell)
	}
	return res
}

// split sorts the groups with answers into those shown alone and those merged, each
// in workforce.RoleGroups' order, by the rule of the package comment.
func split(byGroup map[workforce.RoleGroup]*Tally) (shown, merged []workforce.RoleGroup) {
	mergedN := 0
	for _, g := range workforce.RoleGroups {
		switch t := byGroup[g]; {
		case t == nil:
		case t.N >= workforce.PulseMinGroup:
			shown = append(shown, g)
		default:
			merged = append(merged, g)
			mergedN += t.N
		}
	}
	for mergedN > 0 && mergedN < workforce.PulseMinGroup && len(shown) > 0 {
		smallest := len(shown) - 1 // later first among equals
		for i := len(shown) - 2; i >= 0; i-- {
			if byGroup[shown[i]].N < byGroup[shown[smallest]].N {
				smallest = i
			}
		}
		g := shown[smallest]
		shown = slices.Delete(shown, smallest, smallest+1)
		merged = append(merged, g)
		mergedN += byGroup[g].N
	}
	slices.SortFunc(merged, func(a, b workforce.RoleGroup) int {
		return slices.Index(workforce.RoleGroups, a) - slices.Index(workforce.RoleGroups, b)
	})
	return shown, merged
}

// Pool is an area's average: the tallies of the PCNs shown, pooled, and how many PCNs
// it pools and how many were left out because their results are not shown.
type Pool struct {
	Tally         Tally
	PCNs, LeftOut int
}

// PoolOf pools PCN results, counting only those shown: a PCN whose total is not shown
// adds nothing but one to LeftOut.
func PoolOf(results []PCNResult) Pool {
	var p Pool
	for _, r := range results {
		if !r.Shown {
			p.LeftOut++
			continue
		}
		p.Tally = p.Tally.Plus(r.Total)
		p.PCNs++
	}
	return p
}

// Shown reports whether the pool may be shown (it pools at least one shown PCN, so
// at least PulseMinGroup answers).
func (p Pool) Shown() bool { return p.PCNs > 0 }
