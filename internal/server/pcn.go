package server

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/pcn"
	"github.com/arrs-planner/arrs/web/ui"
)

// pcn is the overview, open to every signed-in user: FTE by role, no staff records.
func (s *Server) pcn(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnPage(r)
	if err != nil {
		return err
	}
	p.CanSeeStaff = currentUser(r).CanSeePCN(p.Code, p.ICBCode)
	if p.Gap, err = s.pcnGapPanel(r, p.Code); err != nil {
		return err
	}
	return render(w, r, pcn.View(p))
}

// pcnStaff lists the staff records; the route's rule (pcnMember) has checked access.
func (s *Server) pcnStaff(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnPage(r)
	if err != nil {
		return err
	}
	p.ShowStaff = true
	p.Layout.Title = "Staff records of " + p.Name
	p.Layout.Breadcrumbs = append(p.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: p.Name, Href: "/pcns/" + p.Code})
	if err := s.staffListExtras(r, &p); err != nil {
		return err
	}
	return render(w, r, pcn.View(p))
}

func (s *Server) pcnPage(r *http.Request) (pcn.Page, error) {
	snap, err := s.workforceAt(r)
	if err != nil {
		return pcn.Page{}, err
	}
	a, ok := snap.areas.Find(workforce.LevelPCN, strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return pcn.Page{}, errNotFound
	}
	staff, err := s.db.StaffRecordsInPost(r.Context(), a.Code, snap.at)
	if err != nil {
		return pcn.Page{}, err
	}
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return pcn.Page{}, err
	}
	info, _ := tree.PCN(a.Code)
	icb, _ := tree.ICB(info.ICBCode)
	p := pcn.Page{
		Layout: s.page(r, a.Name, layout.NavEngland),
		Code:   a.Code, Name: a.Name, ICBCode: icb.Code, ICBName: icb.Name, At: snap.at, Census: snap.census,
		Patients: a.Patients, Practices: info.MemberPractices, ARRS: a.ARRS, NonARRS: a.NonARRS, PerTenThousand: a.PerTenThousand(),
	}
	p.Layout.Breadcrumbs = breadcrumbs(snap.areas, a)
	p.ARRSGroups, p.OtherGroups = staffGroups(snap.roles, staff)
	return p, nil
}

// staffGroups groups records by ARRS role (in catalogue order) and, for other staff,
// by NWRS staff role (in name order, as StaffRecordsInPost sorts them).
func staffGroups(roles []workforce.Role, staff []workforce.StaffRecord) (arrs, other []pcn.Group) {
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
		g.Rows = append(g.Rows, staffRow(s))
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

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
