package planning

import (
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// InPostFTE is in_post(p, d) for a PCN's records: the ARRS FTE in post on day d.
// Records outside ARRS (Role "") are left out; the caller passes one PCN's records.
func InPostFTE(staff []workforce.Staff, d time.Time) float64 {
	var sum float64
	for _, s := range staff {
		if s.IsARRS() && s.InPost(d) {
			sum += s.FTE
		}
	}
	return sum
}

// InPostByRole is in_post(p, r, d) for every ARRS role with FTE in post on day d.
func InPostByRole(staff []workforce.Staff, d time.Time) map[string]float64 {
	byRole := make(map[string]float64)
	for _, s := range staff {
		if s.IsARRS() && s.InPost(d) {
			byRole[s.RoleCode] += s.FTE
		}
	}
	return byRole
}
