package server

import (
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/roles"
	"github.com/arrs-planner/arrs/web/ui"
)

func (s *Server) roles(w http.ResponseWriter, r *http.Request) error {
	snap, all, err := s.roleGuide(r)
	if err != nil {
		return err
	}
	p := roles.ListPage{Layout: s.page(r, "Role guide", layout.NavRoles), At: snap.at, Roles: all}
	return render(w, r, roles.List(p))
}

func (s *Server) role(w http.ResponseWriter, r *http.Request) error {
	snap, all, err := s.roleGuide(r)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(all, func(x roles.Role) bool { return x.Code == chi.URLParam(r, "code") })
	if i < 0 {
		return errNotFound
	}
	p := roles.DetailPage{Layout: s.page(r, all[i].Name, layout.NavRoles), At: snap.at, Role: all[i]}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Role guide", Href: "/roles"}}
	return render(w, r, roles.Detail(p))
}

// roleGuide gathers the catalogue with caps, NWRS mapping and England's FTE in post.
func (s *Server) roleGuide(r *http.Request) (snapshot, []roles.Role, error) {
	snap, err := s.workforceAt(r)
	if err != nil {
		return snap, nil, err
	}
	caps, err := s.db.Caps(r.Context())
	if err != nil {
		return snap, nil, err
	}
	mapping, err := s.db.NWRSRoleMap(r.Context())
	if err != nil {
		return snap, nil, err
	}
	out := make([]roles.Role, 0, len(snap.roles))
	for _, role := range snap.roles {
		out = append(out, guideRole(role, caps, mapping, snap))
	}
	return snap, out, nil
}

func guideRole(role workforce.Role, caps []workforce.Cap, mapping map[string]string, snap snapshot) roles.Role {
	g := roles.Role{
		Code: role.Code, Name: role.Name, Href: "/roles/" + role.Code, Band: role.Band, Added: role.Added,
		Summary: role.Summary, EntryRequirements: role.EntryRequirements, Supervision: role.Supervision,
		NumberLimit: role.NumberLimit, NeedsSupervision: role.NeedsSupervision, Trainee: role.Trainee,
		RoomSessions: role.RoomSessionsPerWTE, AttritionRate: role.AttritionRate,
		FTE: snap.areas.England.ByRole[role.Code],
	}
	var current *workforce.Cap
	for _, c := range caps {
		if c.RoleCode != role.Code {
			continue
		}
		g.Caps = append(g.Caps, roles.Cap{Variant: c.Variant, From: c.EffectiveFrom, Amount: c.Pence.Short(), Provisional: c.Provisional})
		if c.Variant == "" && !c.EffectiveFrom.After(snap.at) {
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
	if role.Code == "mental_health_practitioner" {
		g.NWRSRoles = append(g.NWRSRoles, "every role ending “(Mental Health Practitioners)”")
	}
	slices.Sort(g.NWRSRoles)
	return g
}
