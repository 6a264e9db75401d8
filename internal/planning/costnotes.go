package planning

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// CostNotes say how many staff records and plan lines are estimated at the cap (no
// cost recorded), claimed against their band's cap, counted at full cost for want of
// a cap, or left out for want of both (PLANNING.md: "excluding N records", never £0).
// They are the one wording of these notes: the plan page and the planning template
// both show them.
func CostNotes(costs map[LineKind]CostCounts) []string {
	var notes []string
	for _, k := range []LineKind{LineStaff, LinePlan} {
		what := func(n int) string { return linesOf(k, n) }
		c := costs[k]
		if c.Assumed > 0 {
			notes = append(notes, what(c.Assumed)+" "+Agree(c.Assumed, "has", "have")+" no cost recorded: estimated at the cap.")
		}
		if c.FromBand > 0 {
			notes = append(notes, what(c.FromBand)+" "+Agree(c.FromBand, "is", "are")+" claimed against the cap of the role's Agenda for Change band: no newer cap of the role's own is held.")
		}
		if c.Uncapped > 0 {
			notes = append(notes, what(c.Uncapped)+" "+Agree(c.Uncapped, "is", "are")+" in a role with no cap held: the cost is counted in full.")
		}
		if c.Uncosted > 0 {
			notes = append(notes, "Excluding "+what(c.Uncosted)+" with neither a cost nor a cap.")
		}
	}
	return notes
}

// linesOf counts lines of a kind, with thousands separators as pages write counts:
// "1 staff record", "3 plan lines".
func linesOf(k LineKind, n int) string {
	one, many := "staff record", "staff records"
	if k == LinePlan {
		one, many = "plan line", "plan lines"
	}
	return workforce.Thousands(strconv.Itoa(n)) + " " + Agree(n, one, many)
}

// Agree is the word that agrees with a count, without the count: the singular for
// exactly one, the plural otherwise (web/ui.Agree for the screens).
func Agree(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
