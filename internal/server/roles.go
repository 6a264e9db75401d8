package server

import (
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/roles"
	"github.com/arrs-planner/arrs/web/ui"
)

func (s *Server) roles(w http.ResponseWriter, r *http.Request) error {
	snap, all, err := s.roleGuide(r)
	if err != nil {
		return err
	}
	p := roles.ListPage{Layout: s.page(r, "Role guide", layout.NavRoles), At: snap.At, Roles: all}
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
	p := roles.DetailPage{Layout: s.page(r, all[i].Name, layout.NavRoles), At: snap.At, Role: all[i]}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Role guide", Href: "/roles"}}
	return render(w, r, roles.Detail(p))
}

// roleGuide gathers the catalogue with caps, NWRS mapping and England's FTE in post.
func (s *Server) roleGuide(r *http.Request) (areas.Snapshot, []roles.Role, error) {
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
	return snap, roles.Guide(snap.Roles, caps, mapping, snap.Areas.England.ByRole, snap.At), nil
}
