package server

import (
	"context"
	"fmt"
	"strconv"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/rooms"
	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"

	roomsweb "github.com/arrs-planner/arrs/web/rooms"
	supervisionweb "github.com/arrs-planner/arrs/web/supervision"
)

// checkAnswers is the check-your-answers summary of a version's lines before it is
// submitted (issue 13): the plan page's warnings, and each year spending more than
// its entitlement; for each financial year of the grid, its starters and leavers, the
// projected FTE at the year end and the year's money, as the plan page shows them
// (planfigures, the one definition of those figures); the rooms and supervision checks
// with this plan (packages rooms and supervision, as their pages work them out). What
// it changes is every confirmation page's (planComparisons).
func (s *Server) checkAnswers(ctx context.Context, st planState, lines []workforce.PlanLine) (plan.Check, error) {
	f, err := planfigures.Compute(ctx, s.db, s.gapReport, planfigures.Input{PCN: st.pcn, Lines: lines, Window: st.window, Today: s.today()})
	if err != nil {
		return plan.Check{}, err
	}
	code := st.pcn.Code
	c := plan.Check{Years: checkYears(st, lines, f), Notes: figureNotes(f),
		RoomsHref: "/pcns/" + code + "/sites", SupervisionHref: "/pcns/" + code + "/supervision"}
	if c.Warnings, err = s.checkWarnings(ctx, st, lines, f, c.Years); err != nil {
		return c, err
	}
	if c.Rooms, err = s.checkRooms(ctx, st, lines, f); err != nil {
		return c, err
	}
	c.Supervision, err = s.checkSupervision(ctx, st, lines, f)
	return c, err
}

// checkWarnings are the plan page's warnings (planWarnings, the one wording of
// planning.PlanWarnings), each linked to its cell in the editor on its year, then each
// year whose entitlement left is below zero.
func (s *Server) checkWarnings(ctx context.Context, st planState, lines []workforce.PlanLine, f planfigures.Figures, years []plan.CheckYear) ([]plan.Warning, error) {
	caps, err := s.planCaps(ctx)
	if err != nil {
		return nil, err
	}
	edit := func(fy workforce.FinancialYear) string {
		return "/pcns/" + st.pcn.Code + "/plan?year=" + strconv.Itoa(int(fy))
	}
	out := planWarnings(st, lines, caps, planNumbers{asOf: f.AsOf, inPost: f.InPostByRole},
		func(c workforce.PlanCell, kind string) string { return edit(c.Quarter.Year) + "#" + c.Field(kind) })
	for _, y := range years {
		if m := y.Money; m != nil && !m.NoRate && m.Left < 0 {
			out = append(out, plan.Warning{Href: y.EditHref,
				Text: fmt.Sprintf("Spending in %s is %s more than the entitlement: the scheme reimburses no more than the entitlement", y.Label, (-m.Left).Whole())})
		}
	}
	return out, nil
}

// checkYears are the grid's financial years with the plan's figures: the starters
// and leavers it plans in the year (workforce.SumFlows, as the planning template sums
// them), the projection on the year's last day and the year's money with the plan
// page's notes on it. A figure the data cannot give is nil (no data), never 0.
func checkYears(st planState, lines []workforce.PlanLine, f planfigures.Figures) []plan.CheckYear {
	flows := workforce.SumFlows(lines)
	var out []plan.CheckYear
	for _, fy := range st.window.Years() {
		id := strconv.Itoa(int(fy))
		sum := flows.Year(fy)
		y := plan.CheckYear{Label: fy.String(), ID: id, EditHref: "/pcns/" + st.pcn.Code + "/plan?year=" + id,
			Starters: sum.Starters, Leavers: sum.Leavers}
		if q, ok := f.Quarters[workforce.Quarter{Year: fy, N: 4}]; ok {
			y.EndFTE = &q.Projected
		}
		if m, ok := f.Years[fy]; ok {
			y.Money = &plan.CheckMoney{Entitlement: m.EntitlementPence, Committed: m.CommittedPence, Planned: m.PlannedPence,
				Left: m.HeadroomPence, NoRate: m.NoRate}
			y.Notes = fundingNotes(fy, m)
		}
		out = append(out, y)
	}
	return out
}

// figureNotes say why the projected FTE and the money of the check are not known at
// all; what a year's money assumes is under the year (fundingNotes).
func figureNotes(f planfigures.Figures) []string {
	switch {
	case f.NoCensus:
		return []string{"No workforce data has been imported yet, so the projected FTE and the money are not known."}
	case f.NoTarget:
		return []string{"No target is set, so the projected FTE at each year end is not worked out."}
	}
	return nil
}

// checkRooms is the rooms check of the sites page with this plan's starters in place
// of the current plan's (rooms.Compute): whether the sites hold the staff in post and
// the plan's starters, quarter by quarter.
func (s *Server) checkRooms(ctx context.Context, st planState, lines []workforce.PlanLine, f planfigures.Figures) ([]string, error) {
	if f.NoCensus {
		return []string{"No workforce data has been imported yet, so the room sessions the staff need are not known."}, nil
	}
	sites, err := s.db.SitesOfPCN(ctx, st.pcn.Code)
	if err != nil {
		return nil, err
	}
	staff, err := s.db.StaffInPost(ctx, st.pcn.Code, f.AsOf)
	if err != nil {
		return nil, err
	}
	rf := rooms.Compute(sites, staff, planfigures.Named(st.pcn.Code, lines), st.roles, f.AsOf, st.window)
	ck := roomsweb.NewCheck(rf.Recorded(), rf.Now, rf.Quarters)
	switch {
	case ck.NoSites:
		return []string{"No sites are recorded, so whether the rooms hold the staff and this plan's starters is not known."}, nil
	case ck.FirstShort != "":
		return []string{fmt.Sprintf("With this plan the sites are short of room sessions from %s: %s sessions a week short by %s.",
			ck.FirstShort, ui.Decimal(ck.ShortWithPlan, 1), st.window[len(st.window)-1])}, nil
	}
	return []string{"The sites hold the staff in post and this plan's starters in every quarter."}, nil
}

// checkSupervision is the supervision page's summary (package supervision: the staff
// in post on the as-of date, the links in force today), with the plan's starters in
// roles that need clinical supervision.
func (s *Server) checkSupervision(ctx context.Context, st planState, lines []workforce.PlanLine, f planfigures.Figures) ([]string, error) {
	if f.NoCensus {
		return []string{"No workforce data has been imported yet, so who has clinical supervision is not known."}, nil
	}
	var out []string
	if n := supervisedStarters(st, lines, f); n > 0 {
		out = append(out, "This plan starts "+ui.FTE(n)+" FTE in roles that need clinical supervision: each needs a supervisor with time for them.")
	}
	sf, err := supervision.OfPCN(ctx, s.db, st.pcn.Code, f.AsOf, s.today())
	if err != nil {
		return nil, err
	}
	sum := supervisionweb.NewSummary(sf.Recorded(), sf.Coverage, sf.Totals)
	switch {
	case sum.NoSupervision:
		return append(out, "No supervision is recorded, so who has clinical supervision now is not known."), nil
	case sum.Covered < sum.Needing:
		out = append(out, fmt.Sprintf("%d of the %d staff in post who need clinical supervision have none recorded.", sum.Needing-sum.Covered, sum.Needing))
	default:
		out = append(out, fmt.Sprintf("All %d staff in post who need clinical supervision have it.", sum.Needing))
	}
	if sum.Overloaded > 0 {
		out = append(out, fmt.Sprintf("%d supervisors have more supervision links than hours for them.", sum.Overloaded))
	}
	if sum.OverRatio > 0 {
		out = append(out, fmt.Sprintf("%d supervisors have more trainees than they can take.", sum.OverRatio))
	}
	return out, nil
}

// supervisedStarters is the FTE the plan starts after the as-of date, within the
// grid, in roles that need clinical supervision.
func supervisedStarters(st planState, lines []workforce.PlanLine, f planfigures.Figures) float64 {
	needs := map[string]bool{}
	for _, r := range st.roles {
		needs[r.Code] = r.NeedsSupervision
	}
	var n float64
	for _, l := range lines {
		if needs[l.RoleCode] && st.window.Holds(l.QuarterStart) && l.QuarterStart.After(f.AsOf) {
			n += l.StartersFTE
		}
	}
	return n
}
