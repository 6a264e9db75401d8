package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// renderGapPage answers 422 when the what-if has errors, with "Error: " in the title.
func renderGapPage(w http.ResponseWriter, r *http.Request, form gapsweb.WhatIf, c func(hasErrors bool) templ.Component) error {
	if form.HasErrors() {
		return renderStatus(w, r, http.StatusUnprocessableEntity, c(true))
	}
	return render(w, r, c(false))
}

// gapLevels are the levels of the dashboard's main table, as ?level= names them.
var gapLevels = []string{"region", "icb", "pcn", "england"}

// gapLevel reads ?level= (default region); an unknown level is a 400.
func gapLevel(r *http.Request) (string, error) {
	l := r.URL.Query().Get("level")
	if l == "" {
		return "region", nil
	}
	if !slices.Contains(gapLevels, l) {
		return "", errBadRequest("The level must be one of %s, not %q.", strings.Join(gapLevels, ", "), l)
	}
	return l, nil
}

// gapSort reads ?sort=&dir=; without them tables are ranked by shortfall, largest
// first.
func gapSort(r *http.Request, base string) (ui.Sort, error) {
	return parseSort(r, gapsweb.SortKeys, ui.Sort{Key: gapsweb.SortShortfall, Desc: true, Base: base})
}

// gapsEngland is /gaps: England's gap, by region, ICB or PCN (?level=), with the
// trajectory and the what-if form.
func (s *Server) gapsEngland(w http.ResponseWriter, r *http.Request) error {
	level, err := gapLevel(r)
	if err != nil {
		return err
	}
	sort, err := gapSort(r, "/gaps")
	if err != nil {
		return err
	}
	opts, form, err := s.whatIf(r, "/gaps", "level", "sort", "dir")
	if err != nil {
		return err
	}
	figs, err := s.computeGaps(r.Context(), opts, &form)
	if err != nil {
		return err
	}
	p := gapsweb.Dashboard{Layout: s.page(r, "Gap to the target", layout.NavGaps), WhatIf: form,
		NoCensus: figs.noCensus, NoTarget: figs.noTarget, Level: level}
	if figs.data != nil {
		if err := s.fillDashboard(r, &p, figs.data, sort); err != nil {
			return err
		}
	}
	return renderGapPage(w, r, form, func(hasErrors bool) templ.Component {
		p.Layout.HasErrors = hasErrors
		return gapsweb.DashboardView(p)
	})
}

// fillDashboard puts England's figures and the main table on /gaps.
func (s *Server) fillDashboard(r *http.Request, p *gapsweb.Dashboard, data *gapData, sort ui.Sort) error {
	res, q := data.res, gapsweb.WhatIfQuery(r.URL.Query())
	sum := gapsweb.NewSummary(res.Inputs, res.England)
	sum.England = true
	p.Summary = &sum
	p.SetTable(gapsweb.NewRows(res.Rows(workforce.Level(p.Level)), res.Name, q), q, sort, res.Target.Deadline, res.AsOf)
	p.ListSize = gapsweb.ListSize{PCNs: res.ListSizePCNs(), Of: res.England.PCNs, AsOf: res.AsOf}
	t, err := s.trajectory(r, data)
	p.Trajectory = &t
	return err
}

// trajectory puts NHS England's published series and England's projection on one
// axis, towards the target and its milestones.
func (s *Server) trajectory(r *http.Request, data *gapData) (gapsweb.Trajectory, error) {
	series, err := s.nationalSeries(r)
	if err != nil {
		return gapsweb.Trajectory{}, err
	}
	return gapsweb.TrajectoryTo(series, data.projection, data.res.England.BaselineFTE, data.res.Target), nil
}

// gapsICB is /gaps/icbs/{code}: the ICB's PCNs ranked by shortfall.
func (s *Server) gapsICB(w http.ResponseWriter, r *http.Request) error {
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return err
	}
	icb, ok := tree.ICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return errNotFound
	}
	path := "/gaps/icbs/" + icb.Code
	sort, err := gapSort(r, path)
	if err != nil {
		return err
	}
	opts, form, err := s.whatIf(r, path, "sort", "dir")
	if err != nil {
		return err
	}
	figs, err := s.computeGaps(r.Context(), opts, &form)
	if err != nil {
		return err
	}
	q := gapsweb.WhatIfQuery(r.URL.Query())
	region, _ := tree.Region(icb.RegionCode)
	p := gapsweb.NewICBPage(s.page(r, icb.Name+": gap to the target", layout.NavGaps), form, icb, region.Name, q)
	p.NoCensus, p.NoTarget = figs.noCensus, figs.noTarget
	if figs.data != nil {
		res := figs.data.res
		row, _ := gaps.Find(res.ICBs, icb.Code)
		sum := gapsweb.NewSummary(res.Inputs, row)
		p.Summary = &sum
		pcns, _ := res.PCNsOfICB(icb.Code)
		p.SetTable(gapsweb.NewRows(pcns, res.Name, q), q, sort, res.Target.Deadline, res.AsOf)
		p.ListSize = gapsweb.ListSize{PCNs: res.ListSizePCNs(), Of: res.England.PCNs, AsOf: res.AsOf,
			Area: icb.Name, Here: row.ListSizePCNs, AreaPCNs: row.PCNs}
	}
	return renderGapPage(w, r, form, func(hasErrors bool) templ.Component {
		p.Layout.HasErrors = hasErrors
		return gapsweb.ICBView(p)
	})
}
