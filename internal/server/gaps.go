package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/arrs-planner/arrs/internal/need"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
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
	opts, form, err := s.gapWhatIf(r, "/gaps", "level", "sort", "dir", gapsweb.ParamRegion, gapsweb.ParamICB)
	if err != nil {
		return err
	}
	figs, err := s.computeGaps(r.Context(), opts, &form)
	if err != nil {
		return err
	}
	p := gapsweb.Dashboard{Layout: s.page(r, "Gap to the target", layout.NavGaps), WhatIf: form,
		NoCensus: figs.noCensus, NoTarget: figs.noTarget, Level: level, Footprints: gapFootprints(r, nil)}
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
	if p.Level == "pcn" {
		if err := p.FilterPCNs(r.URL.Query(), gapOptions(res, workforce.LevelRegion), gapOptions(res, workforce.LevelICB)); err != nil {
			return errBadRequest("%s", err)
		}
	}
	sum.Denominator = res.Denominator
	p.ListSize = gapListSize(res)
	p.Footprints, p.Denominator = gapFootprints(r, res), gapDenominator(r, res)
	t, err := s.trajectory(r, data)
	p.Trajectory = &t
	return err
}

// gapOptions are the areas of a level of the report res, by name, for the PCN table's
// filter.
func gapOptions(res *gaps.Result, level workforce.Level) []gapsweb.Option {
	rows := res.Rows(level)
	out := make([]gapsweb.Option, len(rows))
	for i, g := range rows {
		out[i] = gapsweb.Option{Code: g.Code, Name: res.Name(level, g.Code)}
	}
	slices.SortFunc(out, func(a, b gapsweb.Option) int { return strings.Compare(a.Name, b.Name) })
	return out
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

// gapsICB is /gaps/icbs/{code}: the ICB's PCNs ranked by shortfall. Every ICB there
// has been has one; on a day the report has no figures for it (before it was formed,
// after it was dissolved, or not one of today's footprints) it says so and shows none.
func (s *Server) gapsICB(w http.ResponseWriter, r *http.Request) error {
	now, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return err
	}
	icb, ok := now.AnyICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return errNotFound
	}
	path := "/gaps/icbs/" + icb.Code
	sort, err := gapSort(r, path)
	if err != nil {
		return err
	}
	opts, form, err := s.gapWhatIf(r, path, "sort", "dir")
	if err != nil {
		return err
	}
	figs, err := s.computeGaps(r.Context(), opts, &form)
	if err != nil {
		return err
	}
	q := gapsweb.WhatIfQuery(r.URL.Query())
	region, _ := now.Region(icb.RegionCode)
	p := gapsweb.NewICBPage(s.page(r, icb.Name+": gap to the target", layout.NavGaps), form, icb, region.Name, q)
	p.NoCensus, p.NoTarget, p.History = figs.noCensus, figs.noTarget, areas.NewICBHistory(now, icb)
	p.Footprints = gapFootprints(r, nil)
	if opts.Footprints.IsCurrent() {
		p.WorkforceHref += "?" + gaps.ParamFootprints + "=" + gaps.Current.String()
	}
	if figs.data != nil {
		fillICBGaps(r, &p, figs.data.res, icb, q, sort)
	}
	return renderGapPage(w, r, form, func(hasErrors bool) templ.Component {
		p.Layout.HasErrors = hasErrors
		return gapsweb.ICBView(p)
	})
}

// fillICBGaps puts the ICB's headline and its PCNs' table on its gap page, or says why
// the report has none for it.
func fillICBGaps(r *http.Request, p *gapsweb.ICBPage, res *gaps.Result, icb workforce.ICB, q url.Values, sort ui.Sort) {
	p.Footprints = gapFootprints(r, res)
	row, ok := gaps.Find(res.ICBs, icb.Code)
	if !ok {
		p.History.Absent = absentText(icb, areaDay{at: res.At, fp: res.Options.Footprints})
		return
	}
	sum := gapsweb.NewSummary(res.Inputs, row)
	sum.Denominator = res.Denominator
	p.Summary, p.Denominator = &sum, gapDenominator(r, res)
	pcns, _ := res.PCNsOfICB(icb.Code)
	p.SetTable(gapsweb.NewRows(pcns, res.Name, q), q, sort, res.Target.Deadline, res.AsOf)
	p.ListSize = gapListSize(res)
	p.ListSize.Area, p.ListSize.Here, p.ListSize.AreaPCNs = icb.Name, row.ListSizePCNs, row.PCNs
}

// gapFootprints is the choice of ICBs on a gap page, saying which the report res sums
// its PCNs into; without a report (nothing imported, or a what-if in error, the
// footprints' own included) it offers the choice alone. Its links keep the page's other
// parameters.
func gapFootprints(r *http.Request, res *gaps.Result) *areas.Footprints {
	current, structure := r.URL.Query().Get(gaps.ParamFootprints) == gaps.Current.String(), ""
	if res != nil {
		current, structure = res.Options.Footprints.IsCurrent(), res.Structure()
	}
	f := areas.NewFootprints(r.URL.Path, r.URL.Query(), current, structure)
	return &f
}

// gapWhatIf is the what-if of a gap page, keeping the page's parameters named by
// hidden, its footprints and its denominator; a denominator that is neither list nor
// need is a 400 naming the two (a view of the figures, not a what-if to correct).
func (s *Server) gapWhatIf(r *http.Request, action string, hidden ...string) (gaps.Options, gapsweb.WhatIf, error) {
	opts, form, err := s.whatIf(r, action, append(hidden, gaps.ParamFootprints, need.Param)...)
	if msg := form.Error(need.Param); err == nil && msg != "" {
		return opts, form, errBadRequest("%s.", msg)
	}
	return opts, form, err
}

// gapListSize is what a gap page says of the PCNs with no weighted population in
// force in England, and what stands in for theirs.
func gapListSize(res *gaps.Result) gapsweb.ListSize {
	return gapsweb.ListSize{PCNs: res.ListSizePCNs(), Of: res.England.PCNs, AsOf: res.AsOf, Denominator: res.Denominator, NeedList: res.NeedListPCNs}
}

// gapDenominator is the choice of stand-in on a gap page, saying which the report res
// uses; its links keep the page's other parameters.
func gapDenominator(r *http.Request, res *gaps.Result) *gapsweb.Denominator {
	d := gapsweb.NewDenominator(r.URL.Path, r.URL.Query(), res.Denominator)
	return &d
}
