package server

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	fundingweb "github.com/arrs-planner/arrs/web/funding"
)

// pcnFunding is /pcns/{code}/funding: this financial year and the next, from the
// server's clock; the route's rule (pcnMember) has checked access.
func (s *Server) pcnFunding(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	this := workforce.FinancialYearOf(s.today())
	res, census, err := funding.ForPCN(r.Context(), s.db, s.today(), p, this, this+1)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	names := roleNames(roles)
	page := fundingweb.Page{Layout: s.page(r, "Funding of "+p.Name, layout.NavEngland), Code: p.Code, Name: p.Name, AsOf: res.AsOf, Census: census}
	if page.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	for i, y := range res.PCN(p.Code) {
		v := fundingYear(y, names, p.Code)
		v.Label = [...]string{"This year", "Next year"}[i]
		page.Years = append(page.Years, v)
	}
	return render(w, r, fundingweb.View(page))
}

// yearKey is a financial year as ids and file names write it: "2026".
func yearKey(y workforce.FinancialYear) string { return strconv.Itoa(int(y)) }

func int64Text(n int64) string { return strconv.FormatInt(n, 10) }

// pcnBreadcrumbs leads from England to the PCN's own page. The tree is read, not
// guessed: a database that fails here fails the page.
func (s *Server) pcnBreadcrumbs(r *http.Request, p workforce.PCN) ([]ui.BreadcrumbItem, error) {
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return nil, err
	}
	items := []ui.BreadcrumbItem{{Text: "England", Href: "/"}}
	if icb, ok := tree.ICB(p.ICBCode); ok {
		if region, ok := tree.Region(icb.RegionCode); ok {
			items = append(items, ui.BreadcrumbItem{Text: region.Name, Href: "/regions/" + region.Code})
		}
		items = append(items, ui.BreadcrumbItem{Text: icb.Name, Href: "/icbs/" + icb.Code})
	}
	return append(items, ui.BreadcrumbItem{Text: p.Name, Href: "/pcns/" + p.Code}), nil
}

// fundingYear is one year's figures as the page shows them.
func fundingYear(y funding.PCNYear, names map[string]string, code string) fundingweb.Year {
	f := y.Funding
	v := fundingweb.Year{
		Key: yearKey(y.Year.Year), Name: y.Year.Year.String(),
		RatePounds: y.Year.RatePounds, RateYear: y.Year.RateYear.String(), RateAssumed: y.Year.RateAssumed(), RateKnown: y.Year.RateKnown,
		Population: y.Population, PopulationDay: y.Year.PopulationDay, ListSize: y.PopulationIsListSize,
		Entitlement: f.EntitlementPence, Committed: f.CommittedPence, Planned: f.PlannedPence, Headroom: f.HeadroomPence,
		Above: y.AbovePence(),
	}
	for m, start := range y.Year.Year.MonthStarts() {
		v.Months = append(v.Months, fundingweb.Month{Key: start.Format("2006-01"), Label: start.Format("Jan 2006"),
			Committed: y.CommittedByMonth[m], Planned: y.PlannedByMonth[m]})
	}
	for _, s := range y.Staff {
		v.Staff = append(v.Staff, fundingweb.Staff{ID: s.Record.ID, Label: funding.Label(s.Record),
			Href: "/pcns/" + code + "/staff/" + int64Text(s.Record.ID) + "/history", Role: fundingRoleName(names, s.Record.RoleCode), FTE: s.Record.FTE,
			Cap: s.CapPence, CapKnown: s.CapKnown, CapChanged: s.CapChanged, Cost: s.Record.AnnualCostPence, CostKnown: s.Record.CostKnown,
			Claims: s.ClaimTotal, CostYear: s.CostTotal, Above: s.AbovePence()})
	}
	for _, l := range y.Plan {
		pl := fundingweb.PlanLine{Quarter: workforce.QuarterOf(l.Line.QuarterStart).String(), Role: fundingRoleName(names, l.Line.RoleCode),
			Starters: l.Line.StartersFTE, Uncapped: l.Uncapped, Total: l.TotalPence}
		if l.Line.AnnualCostPence != nil {
			pl.Cost, pl.CostKnown = *l.Line.AnnualCostPence, true
		}
		v.Plan = append(v.Plan, pl)
	}
	for _, role := range y.NoCapRoles() {
		v.NoCapRoles = append(v.NoCapRoles, fundingRoleName(names, role))
	}
	v.CostsAssumed, v.PlanCostsAssumed = y.CostsAssumed()
	v.Unpriced = y.Unpriced()
	q := url.Values{"year": {v.Name}}
	base := "/pcns/" + code + "/funding/claims"
	v.Downloads = []fundingweb.Download{
		{Text: "CSV", Href: withQuery(base+".csv", q), TestID: "y" + v.Key + "-claims-csv"},
		{Text: "Excel (XLSX)", Href: withQuery(base+".xlsx", q), TestID: "y" + v.Key + "-claims-xlsx"},
	}
	return v
}

// fundingRoleName is a role's name, or its code if the catalogue lacks it.
func fundingRoleName(names map[string]string, code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}
