package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/pcn"
	"github.com/arrs-planner/arrs/web/ui"
)

// pcn is the overview, open to every signed-in user: FTE by role, no staff records,
// and the member practices with their patients.
func (s *Server) pcn(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnPage(r)
	if err != nil {
		return err
	}
	today, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	// Access follows today's structure, as the routes' rules do (authz.go).
	p.CanSeeStaff = currentUser(r).CanSeePCN(p.Code, today.ICBCode)
	if p.Gap, err = s.pcnGapPanel(r, p.Code); err != nil {
		return err
	}
	if p.MemberPractices, err = s.memberPractices(r, p.Code, s.pcnDay(r)); err != nil {
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

// pcnPage is the overview of the PCN of the URL on the day ?at= asks for: its staff
// that day (or at the latest census), and its place in the structure of the page's
// day (pcnDay).
func (s *Server) pcnPage(r *http.Request) (pcn.Page, error) {
	d, err := s.areaDayOf(r)
	if err != nil {
		return pcn.Page{}, err
	}
	snap, err := s.snapshot(r.Context(), d)
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
	info, icb, err := s.pcnPlace(r, a.Code, s.pcnDay(r))
	if err != nil {
		return pcn.Page{}, err
	}
	return pcn.NewPage(s.page(r, a.Name, layout.NavEngland), snap, a, info, icb, staff, staffRow), nil
}

// pcnDay is the day a PCN page shows membership for: its ?at= date (areaDayOf has
// checked it), or today.
func (s *Server) pcnDay(r *http.Request) time.Time {
	if d, err := workforce.ParseDate(r.URL.Query().Get("at")); err == nil {
		return d
	}
	return s.today()
}

// pcnPlace is a PCN and its ICB in the structure of day d, or of today when the PCN
// had no place on d (a day before the structure the planner knows).
func (s *Server) pcnPlace(r *http.Request, code string, d time.Time) (workforce.PCN, workforce.ICB, error) {
	tree, err := s.treeOn(r.Context(), d)
	if err != nil {
		return workforce.PCN{}, workforce.ICB{}, err
	}
	info, ok := tree.PCN(code)
	if !ok {
		if tree, err = s.tree(r); err != nil {
			return workforce.PCN{}, workforce.ICB{}, err
		}
		info, _ = tree.PCN(code)
	}
	icb, _ := tree.AnyICB(info.ICBCode)
	return info, icb, nil
}

// memberPractices reads the PCN's practices on day d for the overview.
func (s *Server) memberPractices(r *http.Request, code string, d time.Time) (pcn.Practices, error) {
	rows, err := s.db.PracticesOfPCN(r.Context(), code, d)
	if err != nil {
		return pcn.Practices{}, err
	}
	out := pcn.Practices{Day: d}
	for _, m := range rows {
		out.Extract = m.Extract
		out.Rows = append(out.Rows, practiceRow(m))
	}
	return out, nil
}

func practiceRow(m store.MemberPractice) pcn.Practice {
	p := pcn.Practice{Code: m.Code, Name: m.Name, Postcode: m.Postcode, Patients: m.Patients, PatientsKnown: m.PatientsKnown}
	if m.OtherICB() {
		p.OtherICB = m.ICBName
	}
	return p
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
