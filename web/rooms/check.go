package rooms

import (
	"github.com/arrs-planner/arrs/internal/planning"
)

// NewCheck is the room check as the sites page and the dashboard show it: now (now,
// the staff in post) and at the start of each quarter with the plan. recorded is false
// when the PCN has no site recorded: what is available, and so short, is not known.
func NewCheck(recorded bool, now planning.Rooms, quarters planning.RoomsQuarters) Check {
	c := Check{NoSites: !recorded, Available: now.Available, NeededNow: now.NeededInPost, ShortNow: now.ShortWithoutPlan,
		ShortWithPlan: quarters.ShortWithPlan(), FirstShort: FirstShort(quarters)}
	for _, q := range quarters {
		c.Quarters = append(c.Quarters, QuarterRow{Quarter: q.Quarter.String(), Starters: q.StartersFTE,
			Needed: q.NeededWithPlan, Available: q.Available, Short: q.ShortWithPlan})
	}
	return c
}

// FirstShort names the first quarter short of sessions with the plan, "" if none.
func FirstShort(quarters planning.RoomsQuarters) string {
	if q, ok := quarters.FirstShort(); ok {
		return q.String()
	}
	return ""
}

// NeedRows are the sessions the staff in post need, role by role, each role named by
// names (its code when the catalogue lacks it).
func NeedRows(needs []planning.RoomNeed, names map[string]string) []NeedRow {
	var out []NeedRow
	for _, n := range needs {
		role := names[n.Role]
		if role == "" {
			role = n.Role
		}
		out = append(out, NeedRow{Role: role, FTE: n.FTE, PerWTE: n.SessionsPerWTE, Sessions: n.Sessions})
	}
	return out
}
