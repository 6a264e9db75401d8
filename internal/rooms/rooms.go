// Package rooms answers one question: has a PCN the room sessions its staff need, now
// and quarter by quarter as its plan starts people (PLANNING.md, "Supervision and
// rooms")? It gathers the PCN's sites, its staff in post and its current plan from the
// store and works out the sessions needed against those available with package
// planning. The sites page, the clinical director's dashboard and the ICB comparison
// share it, so that a figure reads the same wherever it is shown.
//
// Sites are kept by hand and change from day to day, so the day is the caller's (the
// pages: today, or ?at=), not the last census date. The plan is the current plan
// (store.CurrentPlanLinesOfPCN): a draft's lines never count.
package rooms

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Quarters is how far ahead the plan is checked: three years, as far as the plan's
// grid reaches.
const Quarters = 12

// Figures is a PCN's rooms on one day: its sites and plan, and what planning works out.
type Figures struct {
	Sites []workforce.Site
	// Plan is the lines of the current plan; none when the PCN has no plan.
	Plan []workforce.PlanLine
	// Now is the sessions available and needed by the staff in post on the day.
	Now planning.Rooms
	// Needs is the sessions needed by the staff in post, by role.
	Needs []planning.RoomNeed
	// Quarters is the check at the start of each of the next Quarters quarters, with
	// the plan's starters.
	Quarters planning.RoomsQuarters
}

// OfPCN gathers a PCN's sites, its staff in post on day d and its current plan, and
// works out its rooms.
func OfPCN(ctx context.Context, db *store.DB, pcn string, d time.Time) (Figures, error) {
	roles, err := db.Roles(ctx)
	if err != nil {
		return Figures{}, err
	}
	sites, err := db.SitesOfPCN(ctx, pcn)
	if err != nil {
		return Figures{}, err
	}
	staff, err := db.StaffInPost(ctx, pcn, d)
	if err != nil {
		return Figures{}, err
	}
	lines, err := db.CurrentPlanLinesOfPCN(ctx, pcn)
	if err != nil {
		return Figures{}, err
	}
	return Compute(sites, staff, lines, roles, d), nil
}

// Compute works out a PCN's rooms on day d from its sites, its staff (those in post on
// d count) and its current plan's lines; each role's sessions per WTE is the role
// catalogue's. The ICB comparison calls it for each PCN of an ICB, from the ICB's
// records read at once.
func Compute(sites []workforce.Site, staff []workforce.Staff, lines []workforce.PlanLine, roles []workforce.Role, d time.Time) Figures {
	in := planning.RoomInputs{Sites: sites, Staff: staff, Plan: lines, AsOf: d, At: d,
		SessionsPerWTE: make(map[string]float64, len(roles))}
	for _, role := range roles {
		in.SessionsPerWTE[role.Code] = role.RoomSessionsPerWTE
	}
	return Figures{Sites: sites, Plan: lines, Now: planning.RoomsFor(in), Needs: planning.RoomNeedsByRole(in),
		Quarters: planning.RoomsByQuarter(in, Quarters)}
}
