package server

import (
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	fundingweb "github.com/arrs-planner/arrs/web/funding"
)

// pcnFunding is /pcns/{code}/funding: the financial years of the plan's window (this
// one and the next two, from the server's clock), each with its funding streams side
// by side, its member practices and its staff; the route's rule (pcnMember) has checked
// access.
func (s *Server) pcnFunding(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	asOf, census, err := funding.AsOf(r.Context(), s.db, s.today())
	if err != nil {
		return err
	}
	res, err := s.computeFunding(r.Context(), funding.Request{PCNs: []workforce.PCN{p}, Years: funding.Years(s.today()), AsOf: asOf})
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	set, err := s.fundingSettingsOf(r, p.Code, workforce.RoleNames(roles))
	if err != nil {
		return err
	}
	page := fundingweb.Page{Layout: s.page(r, "Funding of "+p.Name, layout.NavEngland), Code: p.Code, Name: p.Name, AsOf: res.AsOf, Census: census,
		Links: fundingLinks(p.Code), Downloads: practicesDownloads(p.Code)}
	if page.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	for i, y := range res.PCN(p.Code) {
		v := fundingYear(y, set)
		v.Label = fundingweb.YearLabel(i)
		if err := v.Paginate(r.URL.Path, r.URL.Query()); err != nil {
			return errBadRequest("%s", err)
		}
		page.Years = append(page.Years, v)
	}
	return render(w, r, fundingweb.View(page))
}

// fundingLinks lead from the funding page to the PCN's settings behind its figures and
// to its cash flow.
func fundingLinks(code string) []fundingweb.Link {
	base := "/pcns/" + code
	return []fundingweb.Link{
		{Text: "Cash flow month by month", Href: base + "/cashflow", TestID: "cashflow-link"},
		{Text: "Written agreements raising a reimbursement share", Href: base + "/funding/agreements", TestID: "agreements-link"},
		{Text: "Roles approved for the PCN by its commissioner", Href: base + "/funding/approved-roles", TestID: "approved-roles-link"},
		{Text: "How costs are shared between the practices", Href: base + "/funding/practice-shares", TestID: "practice-shares-link"},
	}
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
func fundingYear(y funding.PCNYear, set fundingSettings) fundingweb.Year {
	names, code := set.roles, y.PCN
	f, v := y.Funding, fundingweb.NewYear(code, y.Year.Year, y.CommittedByMonth, y.PlannedByMonth)
	v.RatePounds, v.RateYear, v.RateAssumed, v.RateKnown = y.Year.RatePounds, y.Year.RateYear.String(), y.Year.RateAssumed(), y.Year.RateKnown
	v.Population, v.PopulationDay, v.ListSize = y.Population, y.Year.PopulationDay, y.PopulationIsListSize
	v.Entitlement, v.Committed, v.Planned, v.Headroom, v.Above = f.EntitlementPence, f.CommittedPence, f.PlannedPence, f.HeadroomPence, y.AbovePence()
	v.AboveUnknown, v.Partial, v.DataStart = y.AboveUnknown(), y.Partial(), y.DataStart
	for m := range v.Months {
		v.Months[m].Unknown = !y.MonthKnown(m)
	}
	v.Streams, v.Practices, v.Shares = fundingStreams(y), fundingPractices(y), set.sharesOf(y)
	for _, s := range y.Staff {
		v.Staff = append(v.Staff, set.staff(y, s))
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

// fundingSettings are what the page names beside the figures: the role catalogue's
// names, and the PCN's approved roles and written share agreements.
type fundingSettings struct {
	roles      map[string]string
	approved   map[int64]workforce.ApprovedRole
	agreements []workforce.ShareAgreement
}

// fundingSettingsOf reads the PCN's approved roles and share agreements.
func (s *Server) fundingSettingsOf(r *http.Request, code string, roles map[string]string) (fundingSettings, error) {
	set := fundingSettings{roles: roles, approved: map[int64]workforce.ApprovedRole{}}
	approved, err := s.db.ApprovedRolesOf(r.Context(), []string{code})
	if err != nil {
		return set, err
	}
	for _, a := range approved {
		set.approved[a.ID] = a
	}
	set.agreements, err = s.db.ShareAgreementsOf(r.Context(), []string{code})
	return set, err
}

// staff is one staff record's year: its stream, and for other money its cost.
func (set fundingSettings) staff(y funding.PCNYear, s funding.StaffFunding) fundingweb.Staff {
	rec := s.Record
	v := fundingweb.Staff{ID: rec.ID, Label: funding.Label(rec), Href: staffHistoryHref(rec),
		Role: fundingRoleName(set.roles, rec.RoleCode), Stream: s.Stream, FTE: rec.FTE,
		Cap: s.CapPence, CapKnown: s.CapKnown, CapChanged: s.CapChanged, CapBand: s.CapBand(), Uncosted: s.Uncosted,
		Cost: rec.AnnualCostPence, CostKnown: rec.CostKnown, Claims: s.ClaimTotal, CostYear: s.CostTotal, Above: s.AbovePence()}
	if a, ok := set.approved[rec.ApprovedRole]; ok && rec.ApprovedRole != 0 {
		v.Approved = a.Name
		if v.Role == "" {
			v.Role = a.Name
		}
	}
	// The year's stream: before the practice GP scheme began a practice-scheme GP is
	// claimed as an ARRS GP, with no practice.
	if rec.PracticeCode != "" && s.Stream == workforce.StreamPracticeGP {
		v.Practice = practiceName(y, rec.PracticeCode)
	}
	if s.Line >= 0 && s.Line < len(y.Funding.Lines) {
		l := y.Funding.Lines[s.Line]
		v.OtherCost, v.OtherCostEstimated = l.CostTotalPence, l.CostAssumed
	}
	return v
}

// staffHistoryHref is the page of a staff record's history.
func staffHistoryHref(rec store.FundingRecord) string {
	return "/pcns/" + rec.PCNCode + "/staff/" + strconv.FormatInt(rec.ID, 10) + "/history"
}

// practiceName is a member practice as the page names it: "M82002 MYTTON OAK".
func practiceName(y funding.PCNYear, code string) string {
	for _, p := range y.Practices {
		if p.Code == code {
			return p.Code + " " + p.Name
		}
	}
	return code
}

// sharesOf is the year's agreements in force on some day of it, and its staff claimed
// under approved roles in force on some day of it.
func (set fundingSettings) sharesOf(y funding.PCNYear) fundingweb.Shares {
	var v fundingweb.Shares
	start, end := y.Year.Year.Start(), y.Year.Year.End()
	for _, a := range set.agreements {
		if a.From.Before(end) && (a.To.IsZero() || a.To.After(start)) {
			v.Agreements = append(v.Agreements, fundingweb.Agreement{Role: fundingRoleName(set.roles, a.RoleCode), Share: a.Share,
				From: a.From, To: a.To, AgreedOn: a.AgreedOn, Party: a.Party})
		}
	}
	for _, l := range y.Funding.Lines {
		if l.ShareAgreed {
			v.Raised++
		}
	}
	for _, s := range y.Staff {
		a, ok := set.approved[s.Record.ApprovedRole]
		if !ok || s.Record.ApprovedRole == 0 || !a.From.Before(end) || (!a.To.IsZero() && !a.To.After(start)) {
			continue // no approval, or none in force in the year: nothing claimed under it
		}
		v.Approved = append(v.Approved, fundingweb.ApprovedPost{ID: s.Record.ID, Label: funding.Label(s.Record),
			Href: staffHistoryHref(s.Record), Role: a.Name, Cap: a.CapPence,
			From: a.From, To: a.To, FTE: s.Record.FTE, Claims: s.ClaimTotal, Uncosted: s.Uncosted, ApprovedBy: a.ApprovedBy})
	}
	return v
}
