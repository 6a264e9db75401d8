package server

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/supply"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	supplyweb "github.com/arrs-planner/arrs/web/supply"
)

// icbOfURL is the ICB of the URL, dissolved ones included (their pages show their
// history); the route's rule has checked it exists.
func (s *Server) icbOfURL(r *http.Request) (workforce.ICB, error) {
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return workforce.ICB{}, err
	}
	icb, ok := tree.AnyICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return icb, errNotFound
	}
	return icb, nil
}

func (s *Server) supplyPage(w http.ResponseWriter, r *http.Request) error {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return err
	}
	day, err := s.capacityDay(r)
	if err != nil {
		return err
	}
	f, err := supply.OfICB(r.Context(), s.db, icb.Code, day)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	gone, err := s.supplyDissolved(r, icb)
	if err != nil {
		return err
	}
	p := supplyweb.Page{Layout: s.supplyLayout(r, icb, "Supply against demand"), ICBCode: icb.Code, ICBName: icb.Name,
		CanChange: gone == nil && currentUser(r).LeadsICB(icb.Code), Dissolved: gone, Success: s.sessions.PopString(r.Context(), keyFlash), WithPlan: f.Planning}
	if p.PCNs, err = s.supplyPCNs(r, icb); err != nil {
		return err
	}
	for _, role := range f.Outrun(roles) {
		p.Outrun = append(p.Outrun, role.Name)
	}
	for _, y := range f.ByYear(roles) {
		year := supplyweb.Year{Name: y.Year.String()}
		for _, row := range y.Rows {
			year.Rows = append(year.Rows, supplyweb.NewRow(row.Role, row.Expected, row.Gap))
		}
		p.Years = append(p.Years, year)
	}
	return render(w, r, supplyweb.View(p))
}

// supplyDissolved is the ICB as dissolved, with its successors, when it was dissolved
// by today: its supply is then read-only, the successors' to record. Nil when in force.
func (s *Server) supplyDissolved(r *http.Request, icb workforce.ICB) (*supplyweb.Dissolved, error) {
	if !goneBy(icb, s.today()) {
		return nil, nil
	}
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	d := &supplyweb.Dissolved{ICBName: icb.Name, Closed: icb.Closed}
	for _, c := range tree.Successors(icb.Code) {
		d.Successors = append(d.Successors, supplyweb.Successor{Code: c.Code, Name: c.Name})
	}
	return d, nil
}

// supplyPCNs counts the ICB's PCNs whose plans its demand sums
// (store.CurrentPlanLinesOfICB): today's, or a dissolved ICB's on its last day.
func (s *Server) supplyPCNs(r *http.Request, icb workforce.ICB) (int, error) {
	day := s.today()
	if goneBy(icb, day) {
		day = icb.LastDay()
	}
	tree, err := s.treeOn(r.Context(), day)
	if err != nil {
		return 0, err
	}
	return len(tree.PCNsOf(icb.Code)), nil
}

// supplyLayout is the frame of the supply pages, under the ICB.
func (s *Server) supplyLayout(r *http.Request, icb workforce.ICB, title string) layout.PageParams {
	l := s.page(r, title, layout.NavEngland)
	l.Breadcrumbs = []ui.BreadcrumbItem{{Text: icb.Name, Href: "/icbs/" + icb.Code}}
	return l
}
