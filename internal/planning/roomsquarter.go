package planning

import (
	"cmp"
	"slices"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// RoomsQuarter is the room check at the start of one quarter: the staff in post on
// the as-of date and the plan's starters up to and including that quarter, against the
// sessions available.
type RoomsQuarter struct {
	Quarter workforce.Quarter
	// StartersFTE are the FTE the plan starts in this quarter alone.
	StartersFTE float64
	Rooms
}

// RoomsByQuarter is RoomsFor at the start of each of the n quarters after the one
// containing in.AsOf (in.At is ignored): staff in post on AsOf, plus the starters of
// plan lines whose quarter starts in (AsOf, that quarter's start]. A line of the
// quarter under way when AsOf falls inside it is taken to be in the staff data
// already, as in every projection. Needs only grow, since leavers are not taken off
// (see RoomsFor), so the last quarter's shortfall is the largest.
func RoomsByQuarter(in RoomInputs, n int) RoomsQuarters {
	out := make(RoomsQuarters, 0, n)
	q := workforce.QuarterOf(in.AsOf).Next()
	for range n {
		in.At = q.Start()
		rq := RoomsQuarter{Quarter: q, Rooms: RoomsFor(in)}
		for _, l := range in.Plan {
			if l.RoleCode != "" && l.QuarterStart.Equal(in.At) {
				rq.StartersFTE += l.StartersFTE
			}
		}
		out = append(out, rq)
		q = q.Next()
	}
	return out
}

// RoomsQuarters is the room check quarter by quarter, in order (RoomsByQuarter).
type RoomsQuarters []RoomsQuarter

// FirstShort is the first quarter short of sessions with the plan; ok is false when
// none is.
func (qs RoomsQuarters) FirstShort() (q workforce.Quarter, ok bool) {
	for _, r := range qs {
		if r.ShortWithPlan > 0 {
			return r.Quarter, true
		}
	}
	return q, false
}

// ShortWithPlan is the shortfall of the last quarter checked, the largest: needs only
// grow as the plan starts people, and sites are those of the day.
func (qs RoomsQuarters) ShortWithPlan() float64 {
	if len(qs) == 0 {
		return 0
	}
	return qs[len(qs)-1].ShortWithPlan
}

// RoomNeed is the room sessions a week the staff in post in one role need.
type RoomNeed struct {
	Role           string
	FTE            float64
	SessionsPerWTE float64
	Sessions       float64 // FTE × SessionsPerWTE
}

// RoomNeedsByRole breaks RoomsFor's NeededInPost down by role, in role code order:
// the ARRS staff in post on min(At, AsOf) (AsOf when At is zero), each role's FTE
// times its sessions per WTE. The sessions sum to NeededInPost.
func RoomNeedsByRole(in RoomInputs) []RoomNeed {
	day := in.AsOf
	if !in.At.IsZero() {
		day = earlier(in.At, in.AsOf)
	}
	byRole := map[string]*RoomNeed{}
	for _, s := range in.Staff {
		if !s.IsARRS() || !s.InPost(day) {
			continue
		}
		n, ok := byRole[s.RoleCode]
		if !ok {
			n = &RoomNeed{Role: s.RoleCode, SessionsPerWTE: SessionsPerWTE(in.SessionsPerWTE, s.RoleCode)}
			byRole[s.RoleCode] = n
		}
		n.FTE += s.FTE
		n.Sessions += s.FTE * n.SessionsPerWTE
	}
	out := make([]RoomNeed, 0, len(byRole))
	for _, n := range byRole {
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b RoomNeed) int { return cmp.Compare(a.Role, b.Role) })
	return out
}
