package planning

import (
	"cmp"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// MaxTraineesPerWTE is the roadmap rule: a full-time supervisor takes at most 4
// trainees, pro rata to FTE.
const MaxTraineesPerWTE = 4

// Coverage is the share of in-post staff needing clinical supervision who have it.
type Coverage struct {
	Needing   int
	Covered   int
	Share     float64 // Covered / Needing; 1 when nobody needs supervision
	Uncovered []int64 // IDs of the records without a link, in ID order
}

// SupervisionCoverage is the share of staff in post on day d in roles that need clinical
// supervision with at least one active clinical supervision link (PLANNING.md). The
// share is of people (records), not FTE: a 0.2 FTE pharmacist needs a supervisor as
// much as a full-time one. Only links of kind workforce.SupervisionClinical count.
func SupervisionCoverage(staff []workforce.Staff, links []workforce.SupervisionLink, needsSupervision map[string]bool, d time.Time) Coverage {
	supervised := make(map[int64]bool)
	for _, l := range links {
		if l.Kind == workforce.SupervisionClinical && l.Active(d) {
			supervised[l.SuperviseeID] = true
		}
	}
	var c Coverage
	for _, s := range staff {
		if !s.IsARRS() || !needsSupervision[s.RoleCode] || !s.InPost(d) {
			continue
		}
		c.Needing++
		if supervised[s.ID] {
			c.Covered++
		} else {
			c.Uncovered = append(c.Uncovered, s.ID)
		}
	}
	slices.Sort(c.Uncovered)
	c.Share = 1
	if c.Needing > 0 {
		c.Share = float64(c.Covered) / float64(c.Needing)
	}
	return c
}

// SupervisorLoad is how much of a supervisor's time their links take.
type SupervisorLoad struct {
	SupervisorID   int64
	LinkedHours    float64 // Σ hours per month of the active links
	AvailableHours float64
	// Load is LinkedHours / AvailableHours; over 1 is overloaded. With no available
	// hours Load is 0 and any linked hour overloads.
	Load            float64
	Overloaded      bool
	Trainees        int
	TraineeCapacity float64 // MaxTraineesPerWTE × FTE
	TooManyTrainees bool
}

// SupervisorLoads works out each supervisor's load on day d (PLANNING.md, "Supervision
// and rooms"), in supervisor ID order. A supervisee is one of a supervisor's trainees
// when an active link joins them and either the link is educational or the supervisee's
// role is a trainee role (trainee nursing associate, apprentice physician associate);
// each trainee counts once however many links they have. Links count while active,
// whether or not the supervisee is still in post: a link ends when the caller ends it.
func SupervisorLoads(sups []workforce.Supervisor, staff []workforce.Staff, links []workforce.SupervisionLink, traineeRoles map[string]bool, d time.Time) []SupervisorLoad {
	roleOf := make(map[int64]string, len(staff))
	for _, s := range staff {
		roleOf[s.ID] = s.RoleCode
	}
	active := make(map[int64][]workforce.SupervisionLink)
	for _, l := range links {
		if l.Active(d) {
			active[l.SupervisorID] = append(active[l.SupervisorID], l)
		}
	}
	loads := make([]SupervisorLoad, 0, len(sups))
	for _, sup := range sups {
		loads = append(loads, supervisorLoad(sup, active[sup.ID], roleOf, traineeRoles))
	}
	slices.SortStableFunc(loads, func(a, b SupervisorLoad) int { return cmp.Compare(a.SupervisorID, b.SupervisorID) })
	return loads
}

// supervisorLoad is one supervisor's SupervisorLoad from their active links.
func supervisorLoad(sup workforce.Supervisor, links []workforce.SupervisionLink, roleOf map[int64]string, traineeRoles map[string]bool) SupervisorLoad {
	ld := SupervisorLoad{SupervisorID: sup.ID, AvailableHours: sup.HoursPerMonth,
		TraineeCapacity: MaxTraineesPerWTE * sup.FTE}
	trainees := make(map[int64]bool)
	for _, l := range links {
		ld.LinkedHours += l.HoursPerMonth
		if l.Kind == workforce.SupervisionEducational || traineeRoles[roleOf[l.SuperviseeID]] {
			trainees[l.SuperviseeID] = true
		}
	}
	ld.Trainees = len(trainees)
	// The margin keeps a capacity like 4 × 0.75 = 3 from refusing its third trainee over
	// binary rounding.
	ld.TooManyTrainees = float64(ld.Trainees) > ld.TraineeCapacity+1e-9
	if ld.AvailableHours > 0 {
		ld.Load = ld.LinkedHours / ld.AvailableHours
		ld.Overloaded = ld.Load > 1
	} else {
		ld.Overloaded = ld.LinkedHours > 0
	}
	return ld
}
