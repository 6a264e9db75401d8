package server

import (
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	fundingweb "github.com/arrs-planner/arrs/web/funding"
)

// pcnFunding is /pcns/{code}/funding: the financial years of the plan's window (this
// one and the next two, from the server's clock); the route's rule (pcnMember) has
// checked access.
func (s *Server) pcnFunding(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	res, census, err := funding.ForPCN(r.Context(), s.db, s.today(), p, funding.Years(s.today())...)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	names := workforce.RoleNames(roles)
	page := fundingweb.Page{Layout: s.page(r, "Funding of "+p.Name, layout.NavEngland), Code: p.Code, Name: p.Name, AsOf: res.AsOf, Census: census}
	if page.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	for i, y := range res.PCN(p.Code) {
		v := fundingYear(y, names, p.Code)
		v.Label = fundingweb.YearLabel(i)
		page.Years = append(page.Years, v)
	}
	return render(w, r, fundingweb.View(page))
}

// pcnBreadcrumbs leads from England to the PCN's own page. The tree is read, not
// guessed: a database that fails here fails the page.
func (s *Server) pcnBreadcrumbs(r *http.Request, p workforce.PCN) ([]ui.BreadcrumbItem, error) {
	tree, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return nil, err
	}
	return areas.PCNBreadcrumbs(tree, p), nil
}

// fundingYear is one year's figures as the page shows them.
func fundingYear(y funding.PCNYear, names map[string]string, code string) fundingweb.Year {
	f, v := y.Funding, fundingweb.NewYear(code, y.Year.Year, y.CommittedByMonth, y.PlannedByMonth)
	v.RatePounds, v.RateYear, v.RateAssumed, v.RateKnown = y.Year.RatePounds, y.Year.RateYear.String(), y.Year.RateAssumed(), y.Year.RateKnown
	v.Population, v.PopulationDay, v.ListSize = y.Population, y.Year.PopulationDay, y.PopulationIsListSize
	v.Entitlement, v.Committed, v.Planned, v.Headroom, v.Above = f.EntitlementPence, f.CommittedPence, f.PlannedPence, f.HeadroomPence, y.AbovePence()
	v.AboveUnknown, v.Partial, v.DataStart = y.AboveUnknown(), y.Partial(), y.DataStart
	for m := range v.Months {
		v.Months[m].Unknown = !y.MonthKnown(m)
	}
	for _, s := range y.Staff {
		v.Staff = append(v.Staff, fundingweb.Staff{ID: s.Record.ID, Label: funding.Label(s.Record),
			Href: "/pcns/" + code + "/staff/" + strconv.FormatInt(s.Record.ID, 10) + "/history", Role: fundingRoleName(names, s.Record.RoleCode), FTE: s.Record.FTE,
			Cap: s.CapPence, CapKnown: s.CapKnown, CapChanged: s.CapChanged, CapBand: s.CapBand(), Uncosted: s.Uncosted,
			Cost: s.Record.AnnualCostPence, CostKnown: s.Record.CostKnown, Claims: s.ClaimTotal, CostYear: s.CostTotal, Above: s.AbovePence()})
	}
	for _, l := range y.Plan {
		v.Plan = append(v.Plan, fundingweb.NewPlanLine(l.Line, fundingRoleName(names, l.Line.RoleCode), l.Leavers, l.Uncapped, l.CostPence, l.TotalPence))
	}
	for _, role := range y.NoCapRoles() {
		v.NoCapRoles = append(v.NoCapRoles, fundingRoleName(names, role))
	}
	v.CostsAssumed, v.PlanCostsAssumed = y.CostsAssumed()
	for _, role := range y.BandRoles() {
		v.BandRoles = append(v.BandRoles, fundingRoleName(names, role))
	}
	v.Uncosted, v.BandsAssumed = y.Uncosted(), y.BandsAssumed()
	return v
}

// fundingRoleName is a role's name, or its code if the catalogue lacks it.
func fundingRoleName(names map[string]string, code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}
