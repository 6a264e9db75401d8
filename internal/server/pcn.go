package server

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/pcn"
)

func (s *Server) pcn(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.workforceAt(r)
	if err != nil {
		return err
	}
	a, ok := snap.areas.Find(workforce.LevelPCN, strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return errNotFound
	}
	staff, err := s.db.StaffInPost(r.Context(), a.Code, snap.at)
	if err != nil {
		return err
	}
	tree, err := s.db.Tree(r.Context())
	if err != nil {
		return err
	}
	info, _ := tree.PCN(a.Code)
	icb, _ := tree.ICB(info.ICBCode)
	p := pcn.Page{
		Layout: layout.PageParams{Title: a.Name, Path: r.URL.Path, Breadcrumbs: breadcrumbs(snap.areas, a)},
		Code:   a.Code, Name: a.Name, ICBCode: icb.Code, ICBName: icb.Name, At: snap.at, Census: snap.census,
		Patients: a.Patients, Practices: info.MemberPractices, ARRS: a.ARRS, NonARRS: a.NonARRS, PerTenThousand: a.PerTenThousand(),
	}
	p.ARRSGroups, p.OtherGroups = staffGroups(snap.roles, staff)
	return render(w, r, pcn.View(p))
}

// staffGroups groups records by ARRS role (in catalogue order) and, for other staff,
// by NWRS staff role (in name order, as StaffInPost sorts them).
func staffGroups(roles []workforce.Role, staff []workforce.Staff) (arrs, other []pcn.Group) {
	byRole := map[string]*pcn.Group{}
	var otherKeys []string
	for _, s := range staff {
		key, title, href := s.StaffRole, s.StaffRole, ""
		if s.IsARRS() {
			key, href = s.RoleCode, "/roles/"+s.RoleCode
		}
		g, ok := byRole[key]
		if !ok {
			g = &pcn.Group{Key: key, Title: title, Href: href}
			byRole[key] = g
			if !s.IsARRS() {
				otherKeys = append(otherKeys, key)
			}
		}
		g.FTE += s.FTE
		g.Rows = append(g.Rows, pcn.Staff{Role: orElse(s.DetailedRole, s.StaffRole), Source: sourceName(s.Source), Identifier: s.UniqueIdentifier, FTE: s.FTE, Since: s.Start})
	}
	for _, role := range roles {
		if g, ok := byRole[role.Code]; ok {
			g.Title = role.Name
			arrs = append(arrs, *g)
		}
	}
	for _, k := range otherKeys {
		other = append(other, *byRole[k])
	}
	return arrs, other
}

func sourceName(src string) string {
	switch src {
	case workforce.SourceNWRSStaff:
		return "NWRS staff record"
	case workforce.SourceNWRSContracted:
		return "NWRS contracted services"
	}
	return "Entered in ARRS Planner"
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
