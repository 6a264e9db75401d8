package rooms

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The check names the first quarter short with the plan and takes the last quarter's
// shortfall, the largest; a role missing from the catalogue is shown by its code.
func TestNewCheck(t *testing.T) {
	t.Parallel()
	q := workforce.QuarterOf(workforce.Date(2027, 1, 1))
	quarters := planning.RoomsQuarters{
		{Quarter: q, StartersFTE: 1, Rooms: planning.Rooms{Available: 20, NeededWithPlan: 18}},
		{Quarter: q.Next(), Rooms: planning.Rooms{Available: 20, NeededWithPlan: 22, ShortWithPlan: 2}},
	}
	c := NewCheck(true, planning.Rooms{Available: 20, NeededInPost: 10}, quarters)
	if c.Available != 20 || c.NeededNow != 10 || c.ShortNow != 0 || c.ShortWithPlan != 2 || c.FirstShort != "2027/28 Q1" || len(c.Quarters) != 2 {
		t.Errorf("check %+v", c)
	}
	if r := c.Quarters[0]; r.Quarter != "2026/27 Q4" || r.Starters != 1 || r.Needed != 18 || r.Short != 0 {
		t.Errorf("first quarter %+v", r)
	}
	rows := NeedRows([]planning.RoomNeed{{Role: "paramedic", FTE: 2, SessionsPerWTE: 4, Sessions: 8}, {Role: "other", FTE: 1}},
		map[string]string{"paramedic": "Paramedic"})
	if len(rows) != 2 || rows[0].Role != "Paramedic" || rows[0].Sessions != 8 || rows[1].Role != "other" {
		t.Errorf("needs %+v", rows)
	}
}
