// Package rooms answers one question: has a PCN the room sessions its staff need, now
// and quarter by quarter as its plan starts people (PLANNING.md, "Supervision and
// rooms")? It gathers the PCN's sites, its staff in post and its current plan from the
// store and works out the sessions needed against those available with package
// planning. The sites page, the clinical director's dashboard and the ICB comparison
// share it, so that a figure reads the same wherever it is shown.
//
// One clock, one horizon (issue 11): the staff in post are those of the as-of date A,
// the day the staff data describes (the latest census, or ?as_of=), as on every page;
// the sites are those recorded now; the quarters checked are the plan's window
// (workforce.PlanWindowAt today), the quarters the plan, money and supervision cover.
// The plan is the current plan (store.CurrentPlanLinesOfPCN): a draft's lines never
// count.
package rooms

import (
	"context"
	"time"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Figures is a PCN's rooms on one day: its sites and plan, and what planning works out.
type Figures struct {
	Sites []workforce.Site
	// Plan is the lines of the current plan; none when the PCN has no plan.
	Plan []workforce.PlanLine
	// Now is the sessions available and needed by the staff in post on the as-of date.
	Now planning.Rooms
	// Needs is the sessions needed by the staff in post, by role.
	Needs []planning.RoomNeed
	// Quarters is the check at the start of each quarter of the plan's window, with the
	// plan's starters of the quarters after the as-of date.
	Quarters planning.RoomsQuarters
}

// Recorded reports whether the PCN has any site recorded. Without one the sessions
// available are not known, not 0: nothing was entered yet (issue 11), so the pages say
// so instead of a shortfall, and no area figure counts the PCN as 0 available.
func (f Figures) Recorded() bool { return len(f.Sites) > 0 }

// OfPCN gathers a PCN's sites, its staff in post on the as-of date and its current
// plan, and works out its rooms over the plan's window.
func OfPCN(ctx context.Context, db *store.DB, pcn string, asOf time.Time, window workforce.PlanWindow) (Figures, error) {
	roles, err := db.Roles(ctx)
	if err != nil {
		return Figures{}, err
	}
	sites, err := db.SitesOfPCN(ctx, pcn)
	if err != nil {
		return Figures{}, err
	}
	staff, err := db.StaffInPost(ctx, pcn, asOf)
	if err != nil {
		return Figures{}, err
	}
	lines, err := db.CurrentPlanLinesOfPCN(ctx, pcn)
	if err != nil {
		return Figures{}, err
	}
	return Compute(sites, staff, lines, roles, asOf, window), nil
}

// Compute works out a PCN's rooms on the as-of date and at the start of each quarter
// of the window from its sites, its staff (those in post on asOf count) and its
// current plan's lines; each role's sessions per WTE is the role catalogue's. The ICB
// comparison calls it for each PCN of an ICB, from the ICB's records read at once.
func Compute(sites []workforce.Site, staff []workforce.Staff, lines []workforce.PlanLine, roles []workforce.Role, asOf time.Time, window workforce.PlanWindow) Figures {
	in := planning.RoomInputs{Sites: sites, Staff: staff, Plan: lines, AsOf: asOf, At: asOf,
		SessionsPerWTE: make(map[string]float64, len(roles))}
	for _, role := range roles {
		in.SessionsPerWTE[role.Code] = role.RoomSessionsPerWTE
	}
	return Figures{Sites: sites, Plan: lines, Now: planning.RoomsFor(in), Needs: planning.RoomNeedsByRole(in),
		Quarters: byQuarter(in, window)}
}

// byQuarter is planning.RoomsFor at the start of each quarter of the window: the staff
// in post on that day or the as-of date, whichever is earlier, and the starters of the
// plan lines whose quarter starts after the as-of date and no later than it, as every
// projection counts them (PLANNING.md, "Projection").
func byQuarter(in planning.RoomInputs, window workforce.PlanWindow) planning.RoomsQuarters {
	out := make(planning.RoomsQuarters, 0, len(window))
	for _, q := range window {
		in.At = q.Start()
		rq := planning.RoomsQuarter{Quarter: q, Rooms: planning.RoomsFor(in)}
		for _, l := range in.Plan {
			if l.RoleCode != "" && l.QuarterStart.Equal(in.At) && in.At.After(in.AsOf) {
				rq.StartersFTE += l.StartersFTE
			}
		}
		out = append(out, rq)
	}
	return out
}
