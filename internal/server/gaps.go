package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// gapData is a gap report with England's projection on the trajectory's days,
// cached per data version and what-if.
type gapData struct {
	res *gaps.Result
	// projection is England's projected FTE on each of trajectoryDays.
	projection []planning.ProjectionPoint
}

// gapData computes (or finds cached) the gap report of the options.
func (s *Server) gapData(ctx context.Context, opts gaps.Options) (*gapData, error) {
	return cached(ctx, s, optionsKey(opts), func(ctx context.Context) (*gapData, error) {
		res, err := gaps.Compute(ctx, s.db, opts)
		if err != nil {
			return nil, err
		}
		return &gapData{res: res, projection: planning.ProjectionTotal(res.Inputs, trajectoryDays(res))}, nil
	})
}

// optionsKey normalises the options into a cache key: two what-ifs that compute the
// same report share it, however their links were typed.
func optionsKey(o gaps.Options) string {
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	d := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format(workforce.DateLayout)
	}
	deadline := "-"
	if o.DeadlineOverride != nil {
		deadline = d(*o.DeadlineOverride)
	}
	return fmt.Sprintf("gaps|%q|%s|%s|%s|%s|%s|%s", o.Target, f(o.AttritionOverride), f(o.TargetFTEOverride), deadline, d(o.AsOf), d(o.At), d(o.Today))
}

// trajectoryDays are the days England's projection is drawn on: the as-of date, the
// quarters to the deadline, the deadline, and the target's milestones after the as-of
// date, so that each marker has a projected figure beside it.
func trajectoryDays(res *gaps.Result) []time.Time {
	days := planning.ProjectionDays(res.AsOf, res.Target.Deadline)
	for _, m := range res.Target.Milestones {
		if m.Due.After(res.AsOf) && !m.Due.After(res.Target.Deadline) {
			days = append(days, m.Due)
		}
	}
	slices.SortFunc(days, time.Time.Compare)
	return slices.CompactFunc(days, time.Time.Equal)
}

// gapFigures is what a gap page shows, or why it shows none.
type gapFigures struct {
	data               *gapData
	noCensus, noTarget bool
}

// computeGaps runs the what-if, sorting gaps.Compute's errors: the states a page
// explains (nothing imported, no target), a what-if the form shows again, or a
// failure. With a form in error it computes nothing.
func (s *Server) computeGaps(ctx context.Context, opts gaps.Options, form *gapsweb.WhatIf) (gapFigures, error) {
	if form.HasErrors() {
		return gapFigures{}, nil
	}
	data, err := s.gapData(ctx, opts)
	switch {
	case err == nil:
		return gapFigures{data: data}, nil
	case errors.Is(err, gaps.ErrNoCensus):
		return gapFigures{noCensus: true}, nil
	case errors.Is(err, store.ErrNotFound) && opts.Target == "":
		return gapFigures{noTarget: true}, nil
	case errors.Is(err, store.ErrNotFound):
		form.Errors = append(form.Errors, gapsweb.FieldError{Field: gapsweb.FieldTarget, Text: "Choose one of the targets"})
	case errors.Is(err, gaps.ErrInvalid):
		msg := strings.TrimPrefix(err.Error(), gaps.ErrInvalid.Error()+": ")
		form.Errors = append(form.Errors, gapsweb.FieldError{Field: gapsweb.FieldDeadline, Text: strings.ToUpper(msg[:1]) + msg[1:]})
	default:
		return gapFigures{}, err
	}
	return gapFigures{}, nil
}

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
func gapSort(r *http.Request, base string) (gapsweb.Sort, error) {
	st, err := parseSort(r, gapsweb.SortKeys, gapsweb.SortShortfall)
	if err != nil {
		return gapsweb.Sort{}, err
	}
	q := r.URL.Query()
	desc := st.Desc || (q.Get("sort") == "" && q.Get("dir") == "")
	return gapsweb.Sort{Key: st.Key, Desc: desc, Base: base}, nil
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

func (s *Server) fillDashboard(r *http.Request, p *gapsweb.Dashboard, data *gapData, sort gapsweb.Sort) error {
	res, q := data.res, whatIfQuery(r)
	sum := summary(res, res.England)
	sum.England = true
	p.Summary = &sum
	p.Rows = s.gapRows(res, res.Rows(planning.Level(p.Level)), q)
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

func (s *Server) fillICB(p *gapsweb.ICBPage, res *gaps.Result, q map[string][]string, sort gapsweb.Sort) {
	row, _ := findGap(res.ICBs, p.Code)
	sum := summary(res, row)
	p.Summary = &sum
	var pcns []planning.Gap
	for _, g := range res.PCNs {
		if g.ICB == p.Code {
			pcns = append(pcns, g)
		}
	}
	p.Rows = s.gapRows(res, pcns, q)
	sort.Query = q
	sortRows(p.Rows, sort)
	p.Sort = sort
	p.ListSize = gapsweb.ListSize{PCNs: res.ListSizePCNs(), Of: res.England.PCNs, AsOf: res.AsOf,
		Area: p.Name, Here: row.ListSizePCNs, AreaPCNs: row.PCNs}
	p.Downloads = downloadLinks("/gaps/icbs/"+p.Code, q)
	p.LaterDeadlineHref = laterDeadline("/gaps/icbs/"+p.Code, q, res)
}

// findGap is the row of an area by its code.
func findGap(rows []planning.Gap, code string) (planning.Gap, bool) {
	i := slices.IndexFunc(rows, func(g planning.Gap) bool { return g.Code == code })
	if i < 0 {
		return planning.Gap{Code: code}, false
	}
	return rows[i], true
}

// summary is an area's headline.
func summary(res *gaps.Result, g planning.Gap) gapsweb.Summary {
	return gapsweb.Summary{
		TargetName: res.Target.Name, TargetFTE: res.Target.FTE, FairShare: g.TargetFTE,
		Baseline: res.Target.Baseline, Deadline: res.Target.Deadline, AsOf: res.AsOf, At: res.At,
		BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
		AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
		PCNs: g.PCNs, PCNsShort: g.PCNsShort, Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
	}
}

// gapRows names the rows and links each to its own page, keeping the what-if.
func (s *Server) gapRows(res *gaps.Result, rows []planning.Gap, q map[string][]string) []gapsweb.Row {
	out := make([]gapsweb.Row, len(rows))
	for i, g := range rows {
		out[i] = gapsweb.Row{
			Code: g.Code, Name: res.Name(g.Level, g.Code), Href: gapHref(g, q),
			PCNs: g.PCNs, PCNsShort: g.PCNsShort,
			TargetFTE: g.TargetFTE, BaselineFTE: g.BaselineFTE, InPostFTE: g.InPostFTE, ProjectedFTE: g.ProjectedFTE,
			AdditionalFTE: g.AdditionalFTE, GapFTE: g.GapFTE, ShortfallFTE: g.ShortfallFTE,
			Pace: g.RequiredPace, DeadlinePassed: g.DeadlinePassed,
		}
	}
	return out
}

// gapHref is where an area's row leads: an ICB to its gap page, a PCN to its
// overview (whose panel reads the same what-if), a region to its ICBs.
func gapHref(g planning.Gap, q map[string][]string) string {
	switch g.Level {
	case planning.LevelICB:
		return withQuery("/gaps/icbs/"+g.Code, q)
	case planning.LevelPCN:
		return withQuery("/pcns/"+g.Code, q)
	}
	return ""
}

// laterDeadline offers, when the deadline is before the as-of date, the same page
// with the deadline at the end of the next financial year.
func laterDeadline(path string, q map[string][]string, res *gaps.Result) string {
	if !res.At.Before(res.AsOf) {
		return ""
	}
	next := (planning.FinancialYearOf(res.AsOf) + 1).End().AddDate(0, 0, -1)
	return withQuery(path, merged(q, gapsweb.FieldDeadline, next.Format(workforce.DateLayout)))
}

// sortRows orders a gap table; ties go by code so the order is stable.
func sortRows(rows []gapsweb.Row, st gapsweb.Sort) {
	num := func(get func(gapsweb.Row) float64) func(a, b gapsweb.Row) int {
		return func(a, b gapsweb.Row) int { return cmp.Compare(get(a), get(b)) }
	}
	key := map[string]func(a, b gapsweb.Row) int{
		gapsweb.SortName:       func(a, b gapsweb.Row) int { return cmp.Compare(a.Name, b.Name) },
		gapsweb.SortCode:       func(a, b gapsweb.Row) int { return cmp.Compare(a.Code, b.Code) },
		gapsweb.SortTarget:     num(func(r gapsweb.Row) float64 { return r.TargetFTE }),
		gapsweb.SortInPost:     num(func(r gapsweb.Row) float64 { return r.InPostFTE }),
		gapsweb.SortProjected:  num(func(r gapsweb.Row) float64 { return r.ProjectedFTE }),
		gapsweb.SortAdditional: num(func(r gapsweb.Row) float64 { return r.AdditionalFTE }),
		gapsweb.SortGap:        num(func(r gapsweb.Row) float64 { return r.GapFTE }),
		gapsweb.SortShortfall:  num(func(r gapsweb.Row) float64 { return r.ShortfallFTE }),
		gapsweb.SortShort:      num(func(r gapsweb.Row) float64 { return float64(r.PCNsShort) }),
		gapsweb.SortPace:       num(func(r gapsweb.Row) float64 { return r.Pace }),
	}[st.Key]
	slices.SortStableFunc(rows, func(a, b gapsweb.Row) int {
		c := key(a, b)
		if c == 0 {
			c = cmp.Compare(a.Code, b.Code)
			if st.Desc {
				c = -c // ties read by code ascending whichever way the column goes
			}
		}
		if st.Desc {
			return -c
		}
		return c
	})
}
