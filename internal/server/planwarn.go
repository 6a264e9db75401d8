package server

import (
	"context"
	"fmt"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// planWarnings words planning.PlanWarnings for the plan page, each linked to the cell
// it is about by href (the page shows one year: a cell of another is on its page).
func planWarnings(st planState, lines []workforce.PlanLine, caps roleAndBandCaps, n planNumbers, href func(workforce.PlanCell, string) string) []plan.Warning {
	ws := planning.PlanWarnings(planning.PlanChecks{Lines: lines, Roles: st.roles, Caps: caps.roles, BandCaps: caps.bands, Window: st.window,
		AsOf: n.asOf, InPost: n.inPost, ListSize: st.pcn.RegisteredPatients})
	names := workforce.RoleNames(st.roles)
	out := make([]plan.Warning, len(ws))
	for i, w := range ws {
		cell := workforce.PlanCell{Role: w.RoleCode, Quarter: w.Quarter}
		if w.OverStaff {
			out[i] = plan.Warning{
				Text: fmt.Sprintf("%s, %s: %s FTE leaving, more than the %s FTE of the role in post then (staff in post on the census and this plan's starters and leavers since); the projection cannot go below zero, so check the leavers", names[w.RoleCode], w.Quarter, ui.Decimal(w.FTE, 2), ui.Decimal(w.LimitFTE, 2)),
				Href: href(cell, workforce.CellLeavers)}
			continue
		}
		if w.OverNumbers {
			out[i] = plan.Warning{
				Text: fmt.Sprintf("%s: %s FTE by the end of %s, more than the %s per PCN the scheme has funded; check the contract before recruiting", names[w.RoleCode], ui.Decimal(w.FTE, 2), w.Quarter, ui.Decimal(w.LimitFTE, 0)),
				Href: href(cell, workforce.CellStarters)}
			continue
		}
		out[i] = plan.Warning{
			Text: fmt.Sprintf("%s, %s: %s a year is above the cap of %s, so the PCN pays the difference", names[w.RoleCode], w.Quarter, w.CostPence.Short(), w.CapPence.Short()),
			Href: href(cell, workforce.CellCost)}
	}
	return out
}

// roleAndBandCaps are every role's own caps and every band's: a plan line's cap is the
// latest of its role's and its band's, as the money claims it.
type roleAndBandCaps struct {
	roles []workforce.Cap
	bands []workforce.BandCap
}

// planCaps reads the caps a plan's warnings check its costs against.
func (s *Server) planCaps(ctx context.Context) (roleAndBandCaps, error) {
	var c roleAndBandCaps
	var err error
	if c.roles, err = s.db.Caps(ctx); err != nil {
		return c, err
	}
	c.bands, err = s.db.BandCaps(ctx)
	return c, err
}
