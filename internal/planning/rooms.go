package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// DefaultSessionsPerWTE is a role's room sessions a week per WTE where the reference
// data holds none (PLANNING.md): 4 for care coordinators, social prescribing link
// workers and health and wellbeing coaches, who work partly by phone and in the
// community; 0 for digital and transformation leads, who see no patients; 8 for every
// other role, all face-to-face clinical.
func DefaultSessionsPerWTE(role string) float64 {
	switch role {
	case "care_coordinator", "social_prescribing_link_worker", "health_wellbeing_coach":
		return 4
	case "digital_transformation_lead":
		return 0
	}
	return 8
}

// SessionsPerWTE is the role's sessions from the reference data, else the default.
func SessionsPerWTE(sessions map[string]float64, role string) float64 {
	if n, ok := sessions[role]; ok {
		return n
	}
	return DefaultSessionsPerWTE(role)
}

// RoomInputs is what a PCN's room check needs.
type RoomInputs struct {
	Staff []workforce.Staff    // the PCN's records; Role "" (outside ARRS) needs no ARRS room
	Plan  []workforce.PlanLine // the PCN's current plan
	Sites []workforce.Site     // the PCN's sites
	// SessionsPerWTE is room sessions a week per WTE by role (reference data).
	SessionsPerWTE map[string]float64
	AsOf           time.Time // the day the staff data describes
	At             time.Time // the day the plan is checked at
}

// Rooms compares room sessions a week needed with those available.
type Rooms struct {
	NeededInPost   float64 // Σ FTE × sessions per WTE of the ARRS staff in post
	NeededStarters float64 // the same for the plan's starters
	NeededWithPlan float64 // NeededInPost + NeededStarters
	Available      float64 // Σ the sites' bookable sessions a week
	// ShortWithoutPlan and ShortWithPlan are the sessions lacking, 0 when rooms suffice.
	ShortWithoutPlan float64
	ShortWithPlan    float64
}

// RoomsFor works out a PCN's rooms needed against available (PLANNING.md,
// "Supervision and rooms"), with and without its plan. Staff in post are those on
// min(At, AsOf); planned starters are those of lines whose quarter starts in
// (AsOf, At], the projection's window. Planned leavers and attrition are not taken off:
// rooms must hold the team at its largest, when starters arrive before leavers go.
func RoomsFor(in RoomInputs) Rooms {
	var r Rooms
	day := earlier(in.At, in.AsOf)
	for _, s := range in.Staff {
		if s.IsARRS() && s.InPost(day) {
			r.NeededInPost += s.FTE * SessionsPerWTE(in.SessionsPerWTE, s.RoleCode)
		}
	}
	for _, l := range in.Plan {
		if l.RoleCode != "" && inWindow(l.QuarterStart, in.AsOf, in.At) {
			r.NeededStarters += l.StartersFTE * SessionsPerWTE(in.SessionsPerWTE, l.RoleCode)
		}
	}
	for _, s := range in.Sites {
		r.Available += s.SessionsPerWeek
	}
	r.NeededWithPlan = r.NeededInPost + r.NeededStarters
	r.ShortWithoutPlan = max(0, r.NeededInPost-r.Available)
	r.ShortWithPlan = max(0, r.NeededWithPlan-r.Available)
	return r
}
