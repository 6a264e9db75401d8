package server

import (
	"context"
	"net/http"

	"github.com/arrs-planner/arrs/internal/dashboard"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/supervision"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"

	dashboardweb "github.com/arrs-planner/arrs/web/dashboard"
	fundingweb "github.com/arrs-planner/arrs/web/funding"
	roomsweb "github.com/arrs-planner/arrs/web/rooms"
	supervisionweb "github.com/arrs-planner/arrs/web/supervision"
)

// pcnDashboard is /pcns/{code}/dashboard, the clinical director's one page; the
// route's rule (pcnMember) has checked access. Its figures are the same for everyone
// who may see it, so they are cached per data version and day: a page between changes
// is a render. They hold the "with your draft" figure, so their key is the dashboard's
// own: no other page reads it. The similar networks come from the need report of the
// as-of day, cached on its own for every PCN (needReportNow).
func (s *Server) pcnDashboard(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	// A round of the pulse past its day is sealed before the cache is read: the seal
	// moves the data version, so the figures are worked out again with it.
	if err := s.sealDuePulses(r.Context()); err != nil {
		return err
	}
	day := s.today()
	figs, err := cachedFor(r.Context(), s, "dashboard|"+p.Code+"|"+day.Format(workforce.DateLayout), depEngland, func(ctx context.Context) (*dashboardweb.Figures, error) {
		peers := s.peerGroupsAsync(ctx, p) // England's need report, worked out side by side
		f, err := dashboard.Compute(ctx, s.db, s.gapReport, p, day)
		if err != nil {
			return nil, err
		}
		per10kOf, err := s.dashboardOnNeed(ctx, &f.Workforce, p.Code, day)
		if err != nil {
			return nil, err
		}
		roles, err := cached(ctx, s, "roles", s.db.Roles)
		if err != nil {
			return nil, err
		}
		got := <-peers
		if got.err != nil {
			return nil, got.err
		}
		return &dashboardweb.Figures{Code: p.Code, Name: p.Name, Today: day, AsOf: f.AsOf, Plan: planStatusOf(p.Code, f.Versions),
			Workforce: dashboardWorkforce(f.Workforce, per10kOf), Funding: dashboardFunding(f.Funding),
			Supervision: dashboardSupervision(p.Code, f.Supervision), Rooms: dashboardweb.Rooms{Check: roomsweb.NewCheck(f.Rooms.Recorded(), f.Rooms.Now, f.Rooms.Quarters)},
			Leaving:     dashboardweb.NewLeaving(p.Code, f.Leaving.Until, f.Leaving.Records, roles),
			Integration: dashboardIntegration(f.Integration),
			Outlook:     dashboardOutlook(f.Outlook, f.Workforce.Plan == nil), Peers: got.groups}, nil
	})
	if err != nil {
		return err
	}
	page := dashboardweb.Page{Layout: s.page(r, "Dashboard of "+p.Name, layout.NavEngland), CanChange: currentUser(r).CanChangePCN(p.Code), Figures: *figs}
	if page.Peers, err = s.linkPeers(r, figs.Peers); err != nil {
		return err
	}
	if page.Layout.Breadcrumbs, err = s.pcnBreadcrumbs(r, p); err != nil {
		return err
	}
	return render(w, r, dashboardweb.View(page))
}

// dashboardWorkforce is the PCN against its fair share, as the dashboard shows it, its
// rate per 10,000 divided by per10kOf.
func dashboardWorkforce(w dashboard.Workforce, per10kOf need.Denominator) dashboardweb.Workforce {
	if w.NoCensus || w.NoTarget {
		return dashboardweb.Workforce{NoCensus: w.NoCensus, NoTarget: w.NoTarget}
	}
	out := dashboardweb.NewWorkforce(w.AsOf, w.Target, w.Position, versionLabel(w.Plan), versionLabel(w.Draft))
	out.Denominator = per10kOf
	for _, q := range w.Quarters {
		out.Quarters = append(out.Quarters, dashboardweb.Quarter{Quarter: q.Quarter.String(), Day: q.Day,
			WithPlan: q.WithPlan, WithoutPlan: q.WithoutPlan, WithDraft: q.WithDraft})
	}
	return out
}

// versionLabel names a version of a plan: "version 2 (Accepted)"; "" for none.
func versionLabel(v *store.PlanVersion) string {
	if v == nil {
		return ""
	}
	return dashboardweb.VersionLabel(v.Number, v.Status)
}

// dashboardFunding is the money of the plan window's financial years.
func dashboardFunding(f dashboard.Funding) dashboardweb.Funding {
	out := dashboardweb.Funding{AsOf: f.AsOf, Census: f.Census}
	for i, y := range f.Years {
		v := dashboardweb.NewFundingYear(fundingweb.YearLabel(i), y.Funding)
		v.ListSize, v.RateAssumed, v.NoRate = y.PopulationIsListSize, y.Year.RateAssumed(), !y.Year.RateKnown
		out.Years = append(out.Years, v)
	}
	return out
}

// dashboardSupervision is the supervision page's summary and the load of each
// supervisor still supervising.
func dashboardSupervision(pcn string, f supervision.Figures) dashboardweb.Supervision {
	out := dashboardweb.Supervision{Summary: supervisionweb.NewSummary(f.Recorded(), f.Coverage, f.Totals)}
	for _, sup := range f.WithLoads() {
		if sup.Supervising() {
			out.Supervisors = append(out.Supervisors, supervisionweb.NewSupervisorRow(pcn, sup.Supervisor, sup.Load))
		}
	}
	return out
}

// dashboardIntegration is the warnings of the integration page counted and the
// pulse's latest closed round (its answers counted, never its scores).
func dashboardIntegration(in dashboard.Integration) dashboardweb.Integration {
	p := in.Pulse
	return dashboardweb.NewIntegration(in.Counts, dashboardweb.Pulse{None: !p.Known, Responses: p.Responses, LinksIssued: p.LinksIssued, ClosedOn: p.ClosedOn})
}
