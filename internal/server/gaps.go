package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
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

func (s *Server) fillDashboard(r *http.Request, p *gapsweb.Dashboard, data *gapData, sort ui.Sort) error {
	res, q := data.res, whatIfQuery(r)
	sum := summary(res, res.England)
	sum.England = true
	p.Summary = &sum
	p.Rows = gapRows(res, res.Rows(workforce.Level(p.Level)), q)
	sort.Query = merged(q, "level", p.Level)
	sortRows(p.Rows, sort)
	p.Sort = sort
	p.ListSize = gapsweb.ListSize{PCNs: res.ListSizePCNs(), Of: res.England.PCNs, AsOf: res.AsOf}
	for _, l := range []struct{ level, text string }{{"region", "By region"}, {"icb", "By ICB"}, {"pcn", "By PCN"}} {
		p.LevelLinks = append(p.LevelLinks, gapsweb.LevelLink{Text: l.text, Href: withQuery("/gaps", merged(q, "level", l.level)) + "#gap-table", Current: p.Level == l.level})
	}
	p.Downloads = downloadLinks("/gaps", merged(q, "level", p.Level))
	p.LaterDeadlineHref = laterDeadline("/gaps", merged(q, "level", p.Level), res)
	t, err := s.trajectory(r, data)
	p.Trajectory = &t
	return err
}

// trajectory puts NHS England's published series, England's projection, the target
// and its milestones on one axis. Targets and milestones count additional FTE, so
// they are drawn at England's baseline plus their FTE.
func (s *Server) trajectory(r *http.Request, data *gapData) (gapsweb.Trajectory, error) {
	series, err := s.nationalSeries(r)
	if err != nil {
		return gapsweb.Trajectory{}, err
	}
	res := data.res
	actual := make([]gapsweb.DayValue, len(series))
	for i, p := range series {
		actual[i] = gapsweb.DayValue{Day: p.Month, FTE: p.FTE}
	}
	projected := make([]gapsweb.DayValue, len(data.projection))
	for i, p := range data.projection {
		projected[i] = gapsweb.DayValue{Day: p.Day, FTE: p.Projected}
	}
	base := res.England.BaselineFTE
	var markers []gapsweb.Marker
	deadlineMarked := false
	for _, m := range res.Target.Milestones {
		markers = append(markers, gapsweb.Marker{Day: m.Due, Level: base + m.FTE, Label: m.Label + ": " + ui.FTE(base+m.FTE) + " FTE"})
		deadlineMarked = deadlineMarked || m.Due.Equal(res.Target.Deadline)
	}
	if !deadlineMarked {
		markers = append(markers, gapsweb.Marker{Day: res.Target.Deadline, Level: base + res.Target.FTE,
			Label: "Deadline: " + ui.FTE(base+res.Target.FTE) + " FTE"})
	}
	return gapsweb.NewTrajectory(actual, projected, base+res.Target.FTE, res.Target.Name, markers), nil
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
	q := whatIfQuery(r)
	p := gapsweb.ICBPage{Layout: s.page(r, icb.Name+": gap to the target", layout.NavGaps), WhatIf: form,
		NoCensus: figs.noCensus, NoTarget: figs.noTarget, Code: icb.Code, Name: icb.Name, WorkforceHref: "/icbs/" + icb.Code}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Gap to the target", Href: withQuery("/gaps", merged(q, "level", "icb"))}}
	if region, ok := tree.Region(icb.RegionCode); ok {
		p.Region = region.Name
	}
	if figs.data != nil {
		s.fillICB(&p, figs.data.res, q, sort)
	}
	return renderGapPage(w, r, form, func(hasErrors bool) templ.Component {
		p.Layout.HasErrors = hasErrors
		return gapsweb.ICBView(p)
	})
}

func (s *Server) fillICB(p *gapsweb.ICBPage, res *gaps.Result, q map[string][]string, sort ui.Sort) {
	row, _ := gaps.Find(res.ICBs, p.Code)
	sum := summary(res, row)
	p.Summary = &sum
	var pcns []planning.Gap
	for _, g := range res.PCNs {
		if g.ICB == p.Code {
			pcns = append(pcns, g)
		}
	}
	p.Rows = gapRows(res, pcns, q)
	sort.Query = q
	sortRows(p.Rows, sort)
	p.Sort = sort
	p.ListSize = gapsweb.ListSize{PCNs: res.ListSizePCNs(), Of: res.England.PCNs, AsOf: res.AsOf,
		Area: p.Name, Here: row.ListSizePCNs, AreaPCNs: row.PCNs}
	p.Downloads = downloadLinks("/gaps/icbs/"+p.Code, q)
	p.LaterDeadlineHref = laterDeadline("/gaps/icbs/"+p.Code, q, res)
}
