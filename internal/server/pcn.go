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

// pcnPage is the overview of the PCN of the URL on the day ?at= asks for.
func (s *Server) pcnPage(r *http.Request) (pcn.Page, error) {
	snap, err := s.workforceAt(r)
	if err != nil {
		return pcn.Page{}, err
	}
	a, ok := snap.Areas.Find(workforce.LevelPCN, strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return pcn.Page{}, errNotFound
	}
	staff, err := s.db.StaffRecordsInPost(r.Context(), a.Code, snap.At)
	if err != nil {
		return pcn.Page{}, err
	}
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return pcn.Page{}, err
	}
	info, _ := tree.PCN(a.Code)
	icb, _ := tree.ICB(info.ICBCode)
	return pcn.NewPage(s.page(r, a.Name, layout.NavEngland), snap, a, info, icb, staff, staffRow), nil
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
