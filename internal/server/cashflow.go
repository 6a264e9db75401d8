package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"

	cashflowweb "github.com/arrs-planner/arrs/web/cashflow"
)

// cashflow is /pcns/{code}/cashflow: the PCN's cash month by month for this year and
// the next (?year= one of the plan window's), at its ICB's payment lag or ?lag=, with
// an optional backdated uplift (?uplift=, ?uplift_month=), and the what-if of a link
// (?move=, ?to=, ?practice=): the funding worked out again with the move, nothing
// saved. The route's rule (pcnMember) has checked access.
func (s *Server) cashflow(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	window := funding.Years(s.today())
	q, err := readCashQuery(r.URL.Query(), window, true)
	if err != nil {
		return err
	}
	ctx := r.Context()
	asOf, census, err := funding.AsOf(ctx, s.db, s.today())
	if err != nil {
		return err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	names := workforce.RoleNames(roles)
	req := funding.Request{PCNs: []workforce.PCN{p}, Years: q.years, AsOf: asOf, Lag: q.lag, Uplift: q.uplift}
	before, after, subject, err := s.cashflowResults(ctx, p, q, req, names)
	if err != nil {
		return err
	}
	page := cashflowweb.Page{Layout: s.page(r, "Cash flow of "+p.Name, layout.NavEngland), Code: p.Code, Name: p.Name,
		AsOf: asOf, Census: census, LagAsked: q.lag != nil, FundingHref: "/pcns/" + p.Code + "/funding"}
	if page.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	fillCashflowPage(&page, r, q, window, before.PCN(p.Code), after, subject, names)
	return render(w, r, cashflowweb.View(page))
}

// cashflowResults works out the funding as things stand and, for a what-if, again
// with its move (after nil without one), once the move is checked against the first.
func (s *Server) cashflowResults(ctx context.Context, p workforce.PCN, q cashQuery, req funding.Request, names map[string]string) (
	before, after *funding.Result, subject moveSubject, err error) {
	if before, err = s.computeFunding(ctx, req); err != nil || !q.move.active() {
		return before, nil, subject, computeRefusal(err)
	}
	if req.Move, subject, err = s.cashflowMove(ctx, p, q.move, before.PCN(p.Code), names); err != nil {
		return nil, nil, subject, err
	}
	after, err = funding.Compute(ctx, s.db, req)
	return before, after, subject, computeRefusal(err)
}

// computeRefusal is a request funding.Compute refuses as a 422 with its reason
// (cashflowMove checks first, so this is a backstop); any other error as it is.
func computeRefusal(err error) error {
	var refused *funding.RequestError
	if errors.As(err, &refused) {
		return unprocessable("move", refused.Reason)
	}
	return err
}
