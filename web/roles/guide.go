package roles

import (
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// Guide is the role catalogue as the guide shows it on day at: each role with its caps
// (the one in force at at), the NWRS staff roles mapped to it (mapping is NWRS staff
// role → role code) and England's FTE in post by role code.
func Guide(catalogue []workforce.Role, caps []workforce.Cap, mapping map[string]string, inPost map[string]float64, at time.Time) []Role {
	out := make([]Role, 0, len(catalogue))
	for _, role := range catalogue {
		out = append(out, guideRole(role, caps, mapping, inPost[role.Code], at))
	}
	return out
}

func guideRole(role workforce.Role, caps []workforce.Cap, mapping map[string]string, fte float64, at time.Time) Role {
	g := Role{
		Code: role.Code, Name: role.Name, Href: "/roles/" + role.Code, Band: role.Band, Added: role.Added,
		Summary: role.Summary, EntryRequirements: role.EntryRequirements, Supervision: role.Supervision,
		NumberLimit: role.NumberLimit, NeedsSupervision: role.NeedsSupervision, Trainee: role.Trainee,
		RoomSessions: role.RoomSessionsPerWTE, AttritionRate: role.AttritionRate, FTE: fte,
	}
	var current *workforce.Cap
	for _, c := range caps {
		if c.RoleCode != role.Code {
			continue
		}
		g.Caps = append(g.Caps, Cap{Variant: c.Variant, From: c.EffectiveFrom, Amount: c.Pence.Short(), Provisional: c.Provisional})
		if c.Variant == "" && !c.EffectiveFrom.After(at) {
			current = &c
		}
	}
	if current != nil {
		g.CapNow = current.Pence.Short()
	}
	for staffRole, code := range mapping {
		if code == role.Code {
			g.NWRSRoles = append(g.NWRSRoles, staffRole)
		}
	}
	// workforce.ARRSRoleFor counts every NWRS role with this suffix, whatever the
	// profession before it: no fixed list maps to the role.
	if role.Code == "mental_health_practitioner" {
		g.NWRSRoles = append(g.NWRSRoles, "every role ending “(Mental Health Practitioners)”")
	}
	slices.Sort(g.NWRSRoles)
	return g
}
