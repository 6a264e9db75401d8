package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/dashboard"
	"github.com/arrs-planner/arrs/web/layout"
)

// leavingMonths is how far ahead the dashboard lists staff leaving.
const leavingMonths = 3

// pcnDashboard is /pcns/{code}/dashboard, the clinical director's one page; the
// route's rule (pcnMember) has checked access. Its figures are the same for everyone
// who may see it, so they are cached per data version and day: a page between changes
// is a render. They hold the "with your draft" figure, so their key is the dashboard's
// own: no other page reads it.
func (s *Server) pcnDashboard(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	day := s.today()
	figs, err := cached(r.Context(), s, "dashboard|"+p.Code+"|"+day.Format(workforce.DateLayout), func(ctx context.Context) (*dashboard.Figures, error) {
		return s.dashboardFigures(ctx, p, day)
	})
	if err != nil {
		return err
	}
	page := dashboard.Page{Layout: s.page(r, "Dashboard of "+p.Name, layout.NavEngland), Figures: *figs}
	page.Layout.Breadcrumbs = s.pcnBreadcrumbs(r, p)
	return render(w, r, dashboard.View(page))
}

// dashboardFigures gathers and works out every part of the dashboard on day d (today):
// each part comes from the same code as the page it summarises.
func (s *Server) dashboardFigures(ctx context.Context, p workforce.PCN, d time.Time) (*dashboard.Figures, error) {
	f := &dashboard.Figures{Code: p.Code, Name: p.Name, Today: d}
	versions, err := s.db.PlanVersionsOfPCN(ctx, p.Code)
	if err != nil {
		return nil, err
	}
	f.Plan = planStatusOf(p.Code, versions)
	draft, err := s.draftOf(ctx, p.Code)
	if err != nil {
		return nil, err
	}
	// The workforce part rests on England's gap report, the rest on this PCN's records
	// alone: gathered side by side, a cold page waits for the slower only.
	workforceErr := make(chan error, 1)
	go func() {
		var err error
		f.Workforce, err = s.dashboardWorkforce(ctx, p.Code, d, versions, draft)
		workforceErr <- err
	}()
	if err := s.dashboardLocal(ctx, p, d, f); err != nil {
		<-workforceErr
		return nil, err
	}
	return f, <-workforceErr
}

// dashboardLocal is the parts of the dashboard from the PCN's own records: funding,
// supervision, rooms and leavers.
func (s *Server) dashboardLocal(ctx context.Context, p workforce.PCN, d time.Time, f *dashboard.Figures) error {
	var err error
	if f.Funding, err = s.dashboardFunding(ctx, p, d); err != nil {
		return err
	}
	sup, err := s.pcnSupervision(ctx, p.Code, d)
	if err != nil {
		return err
	}
	f.Supervision = dashboardSupervision(sup)
	rooms, err := s.pcnRooms(ctx, p.Code, d)
	if err != nil {
		return err
	}
	f.Rooms = dashboardRooms(rooms)
	f.Leaving, err = s.dashboardLeaving(ctx, p.Code, d)
	return err
}

// dashboardWorkforce is the PCN against its fair share: in post on the as-of date and
// projected on the last day of each quarter of the plan's window (the plan page's 12
// quarters), with the current plan and without, from the gap report the plan page uses;
// and, when the PCN's draft changes them, with the draft in place of the current plan.
func (s *Server) dashboardWorkforce(ctx context.Context, code string, d time.Time, versions []store.PlanVersion, draft *pcnDraft) (dashboard.Workforce, error) {
	var w dashboard.Workforce
	opts := gaps.Options{Today: d}
	data, err := s.gapData(ctx, opts)
	switch {
	case errors.Is(err, gaps.ErrNoCensus):
		w.NoCensus = true
		return w, nil
	case errors.Is(err, store.ErrNotFound):
		w.NoTarget = true
		return w, nil
	case err != nil:
		return w, err
	}
	pos, err := s.positions(ctx, opts)
	if err != nil {
		return w, err
	}
	res, me := data.res, pos.byPCN[code]
	w = dashboard.Workforce{AsOf: res.AsOf, InPost: me.inPost, TargetName: res.Target.Name, Deadline: res.Target.Deadline,
		FairShare: me.fairShare, Baseline: me.baseline, Reached: me.reached, HasReached: me.hasReached, ReachedDecile: me.reachedDecile,
		PerTenThousand: me.per10k, HasPerTenThousand: me.hasPer10k, Per10kDecile: me.per10kDecile,
		Population: me.population, ListSize: me.listSize}
	staff, plan := res.ForPCN(code)
	for _, q := range planWindow(d) {
		end := planQuarterEnd(q)
		w.Quarters = append(w.Quarters, dashboard.Quarter{Quarter: q.String(), Day: end,
			WithPlan:    planning.Projected(staff, plan, res.Inputs.AttritionRate, res.AsOf, end),
			WithoutPlan: planning.Projected(staff, nil, res.Inputs.AttritionRate, res.AsOf, end)})
	}
	for _, v := range versions {
		if v.Current {
			w.Plan = "version " + strconv.Itoa(v.Number) + " (" + planStatusView(v.Status).Label + ")"
		}
		if draft != nil && v.ID == draft.plan.ID {
			w.Draft = "version " + strconv.Itoa(v.Number) + " (" + planStatusView(v.Status).Label + ")"
		}
	}
	if draft != nil && !dashboardWithDraft(&w, staff, planningPlanLines(code, draft.lines), res) {
		w.Draft = ""
	}
	return w, nil
}

// dashboardWithDraft fills each quarter's projection with the draft in place of the
// current plan, and reports whether any differs from the official one
// (planning.DiffersFTE).
func dashboardWithDraft(w *dashboard.Workforce, staff []planning.Staff, draft []planning.PlanLine, res *gaps.Result) bool {
	changed := false
	for i, q := range w.Quarters {
		w.Quarters[i].WithDraft = planning.Projected(staff, draft, res.Inputs.AttritionRate, res.AsOf, q.Day)
		changed = changed || planning.DiffersFTE(w.Quarters[i].WithDraft, q.WithPlan)
	}
	return changed
}

// fundingAsOf is the day funding's plan lines count from: the latest census, else
// today (census false), as the funding page takes it.
func (s *Server) fundingAsOf(ctx context.Context, d time.Time) (time.Time, bool, error) {
	asOf, err := s.db.LatestCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return d, false, nil
	}
	return asOf, err == nil, err
}

// dashboardFunding is this financial year's and the next's money, as the funding page
// works it out (funding.Compute).
func (s *Server) dashboardFunding(ctx context.Context, p workforce.PCN, d time.Time) (dashboard.Funding, error) {
	asOf, census, err := s.fundingAsOf(ctx, d)
	if err != nil {
		return dashboard.Funding{}, err
	}
	this := planning.FinancialYearOf(d)
	res, err := funding.Compute(ctx, s.db, funding.Request{PCNs: []workforce.PCN{p}, Years: []planning.FinancialYear{this, this + 1}, AsOf: asOf})
	if err != nil {
		return dashboard.Funding{}, err
	}
	out := dashboard.Funding{AsOf: asOf, Census: census}
	for i, y := range res.PCN(p.Code) {
		f := y.Funding
		out.Years = append(out.Years, dashboard.FundingYear{Key: yearKey(y.Year.Year), Name: y.Year.Year.String(),
			Label: [...]string{"This year", "Next year"}[i], Entitlement: f.EntitlementPence, Committed: f.CommittedPence,
			Planned: f.PlannedPence, Headroom: f.HeadroomPence, ListSize: y.PopulationIsListSize,
			RateAssumed: y.Year.RateAssumed(), NoRate: !y.Year.RateKnown})
	}
	return out, nil
}

// dashboardSupervision is the supervision page's summary and the load of each
// supervisor still supervising.
func dashboardSupervision(f supervisionFigures) dashboard.Supervision {
	c, t := f.coverage, f.totals
	out := dashboard.Supervision{Needing: c.Needing, Covered: c.Covered, Share: c.Share, LinkedHours: t.LinkedHours,
		GPSessions: t.GPSessions, Overloaded: t.Overloaded, OverRatio: t.OverTraineeRatio, Trainees: t.Trainees, TraineeCapacity: t.TraineeCapacity}
	loads := map[int64]planning.SupervisorLoad{}
	for _, l := range f.loads {
		loads[l.SupervisorID] = l
	}
	for _, sup := range f.supervisors {
		l := loads[sup.ID]
		if !sup.Active && l.LinkedHours == 0 {
			continue
		}
		out.Supervisors = append(out.Supervisors, dashboard.Supervisor{ID: sup.ID, Name: sup.Name, Available: l.AvailableHours,
			Linked: l.LinkedHours, Load: l.Load, Overloaded: l.Overloaded, Trainees: l.Trainees, TraineeCapacity: l.TraineeCapacity,
			TooManyTrainees: l.TooManyTrainees})
	}
	return out
}

// dashboardRooms is the rooms page's summary and quarters.
func dashboardRooms(f roomFigures) dashboard.Rooms {
	out := dashboard.Rooms{Available: f.now.Available, NeededNow: f.now.NeededInPost, ShortNow: f.now.ShortWithoutPlan}
	for _, q := range f.quarters {
		out.Quarters = append(out.Quarters, dashboard.RoomQuarter{Quarter: q.Quarter.String(), Starters: q.StartersFTE,
			Needed: q.NeededWithPlan, Available: q.Available, Short: q.ShortWithPlan})
		if q.ShortWithPlan > 0 && out.FirstShort == "" {
			out.FirstShort = q.Quarter.String()
		}
		out.ShortWithPlan = q.ShortWithPlan
	}
	return out
}

// dashboardLeaving is the records whose end date (the first day out of post) is after
// today and no later than the same day 3 months on.
func (s *Server) dashboardLeaving(ctx context.Context, code string, d time.Time) (dashboard.Leaving, error) {
	until := d.AddDate(0, leavingMonths, 0)
	out := dashboard.Leaving{Until: until}
	recs, err := s.db.StaffLeaving(ctx, code, d, until)
	if err != nil {
		return out, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return out, err
	}
	names := roleNames(roles)
	for _, rec := range recs {
		ident := "Record " + strconv.FormatInt(rec.ID, 10)
		if rec.UniqueIdentifier != "" {
			ident = "NWRS " + rec.UniqueIdentifier
		}
		out.People = append(out.People, dashboard.Leaver{ID: rec.ID, Role: orElse(names[rec.RoleCode], orElse(rec.DetailedRole, rec.StaffRole)),
			Identifier: ident, FTE: rec.FTE, LastDay: rec.End.AddDate(0, 0, -1), ARRS: rec.IsARRS(),
			Href: "/pcns/" + code + "/staff/" + strconv.FormatInt(rec.ID, 10) + "/history"})
	}
	return out, nil
}
