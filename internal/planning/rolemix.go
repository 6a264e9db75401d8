package planning

import (
	"cmp"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// RoleShare is one role's ARRS FTE in a PCN and its share of the PCN's ARRS FTE.
type RoleShare struct {
	Role  string
	FTE   float64
	Share float64 // FTE ÷ the PCN's ARRS FTE, 0 to 1
}

// RoleMix ranks a PCN's roles by FTE, largest first (ties by role code), each with its
// share of the total; roles with no FTE are left out. byRole is InPostByRole's map.
func RoleMix(byRole map[string]float64) []RoleShare {
	var total float64
	out := make([]RoleShare, 0, len(byRole))
	for role, fte := range byRole {
		if fte > 0 {
			total += fte
			out = append(out, RoleShare{Role: role, FTE: fte})
		}
	}
	for i := range out {
		out[i].Share = out[i].FTE / total
	}
	slices.SortFunc(out, func(a, b RoleShare) int {
		if c := cmp.Compare(b.FTE, a.FTE); c != 0 {
			return c
		}
		return cmp.Compare(a.Role, b.Role)
	})
	return out
}

// InPostByPCNRole is InPostByRole for the records of many PCNs at once: the ARRS FTE in
// post on day d by PCN, then role. Each record is read once.
func InPostByPCNRole(staff []workforce.Staff, d time.Time) map[string]map[string]float64 {
	out := make(map[string]map[string]float64)
	for _, s := range staff {
		if !s.IsARRS() || !s.InPost(d) {
			continue
		}
		byRole, ok := out[s.PCNCode]
		if !ok {
			byRole = make(map[string]float64)
			out[s.PCNCode] = byRole
		}
		byRole[s.RoleCode] += s.FTE
	}
	return out
}

// InPostByPCN is in_post(p, d) for the records of many PCNs at once: the ARRS FTE in
// post on day d by PCN, summed in the records' order.
func InPostByPCN(staff []workforce.Staff, d time.Time) map[string]float64 {
	out := make(map[string]float64)
	for _, s := range staff {
		if s.IsARRS() && s.InPost(d) {
			out[s.PCNCode] += s.FTE
		}
	}
	return out
}
