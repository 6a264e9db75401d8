package server

import (
	"cmp"
	"context"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	compareweb "github.com/arrs-planner/arrs/web/compare"
	dashboardweb "github.com/arrs-planner/arrs/web/dashboard"
)

// compareData is an ICB's comparison as the page and its downloads show it, the same
// for everyone who may see it: cached per data version, ICB and day.
type compareData struct {
	asOf             time.Time
	census, noTarget bool
	targetName       string
	year             workforce.FinancialYear
	rows             []compareRow // by code
	england          compareweb.England
	listSize         int
	res              *compare.Result // what the downloads write (report.WriteComparison)
}

// compareRow is one PCN: its row as the page shows it, and what the downloads add.
type compareRow struct {
	view   compareweb.Row
	byRole map[string]float64
	plan   dashboardweb.PlanStatus
}

// icbCompare is /icbs/{code}/compare; the route's rule (icbMember) has checked access.
func (s *Server) icbCompare(w http.ResponseWriter, r *http.Request) error {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return err
	}
	sort, err := parseSort(r, compareweb.SortKeys, ui.Sort{Key: compareweb.SortName, Base: compareweb.Href(icb.Code), Anchor: compareweb.TableID})
	if err != nil {
		return err
	}
	data, err := s.compareOf(r.Context(), icb)
	if err != nil {
		return err
	}
	p := compareweb.Page{Layout: s.page(r, icb.Name+": PCNs compared", layout.NavEngland), Code: icb.Code, Name: icb.Name,
		AsOf: data.asOf, Census: data.census, NoTarget: data.noTarget, TargetName: data.targetName, Today: s.today(),
		Year: data.year.String(), Sort: sort, ListSizePCNs: data.listSize, England: data.england,
		Downloads: []compareweb.Download{
			{Text: "CSV", Href: compareweb.Href(icb.Code) + ".csv", TestID: "download-csv"},
			{Text: "Excel (XLSX)", Href: compareweb.Href(icb.Code) + ".xlsx", TestID: "download-xlsx"},
		}}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "England", Href: "/"}, {Text: icb.Name, Href: "/icbs/" + icb.Code}}
	u := currentUser(r)
	for _, row := range data.rows {
		v := row.view
		if u.CanSeePCN(v.Code, icb.Code) {
			v.DashboardHref = dashboardweb.Href(v.Code)
		}
		p.Rows = append(p.Rows, v)
	}
	sortCompare(p.Rows, data.rows, sort)
	return render(w, r, compareweb.View(p))
}

// compareOf computes (or finds cached) an ICB's comparison today.
func (s *Server) compareOf(ctx context.Context, icb workforce.ICB) (*compareData, error) {
	d := s.today()
	return cached(ctx, s, "compare|"+icb.Code+"|"+d.Format(workforce.DateLayout), func(ctx context.Context) (*compareData, error) {
		return s.compareData(ctx, icb, d)
	})
}

// sortCompare orders the page's rows by the sort link's column; ties by code.
func sortCompare(rows []compareweb.Row, data []compareRow, st ui.Sort) {
	stage := make(map[string]int, len(data))
	for _, r := range data {
		stage[r.view.Code] = planStage(r.plan)
	}
	num := func(get func(compareweb.Row) float64) func(a, b compareweb.Row) int {
		return func(a, b compareweb.Row) int { return cmp.Compare(get(a), get(b)) }
	}
	// An undefined measure sorts below every value.
	measure := func(ok bool, v float64) float64 {
		if !ok {
			return -1e18
		}
		return v
	}
	keys := map[string]func(a, b compareweb.Row) int{
		compareweb.SortName:       func(a, b compareweb.Row) int { return cmp.Compare(a.Name, b.Name) },
		compareweb.SortPopulation: num(func(r compareweb.Row) float64 { return r.Population }),
		compareweb.SortFTE:        num(func(r compareweb.Row) float64 { return r.InPost }),
		compareweb.SortPer10k:     num(func(r compareweb.Row) float64 { return measure(r.HasPer10k, r.Per10k) }),
		compareweb.SortReached:    num(func(r compareweb.Row) float64 { return measure(r.HasReached, r.Reached) }),
		compareweb.SortHeadroom:   num(func(r compareweb.Row) float64 { return float64(r.Headroom) }),
		compareweb.SortCoverage:   num(func(r compareweb.Row) float64 { return r.Coverage }),
		compareweb.SortRooms:      num(func(r compareweb.Row) float64 { return r.ShortWithPlan }),
		compareweb.SortPlan:       func(a, b compareweb.Row) int { return cmp.Compare(stage[a.Code], stage[b.Code]) },
	}
	ui.SortRows(rows, st, keys, func(r compareweb.Row) string { return r.Code })
}

// compareData compares the ICB's PCNs on day d (compare.Compute, on the cached gap
// report) and lays the comparison out as the page and the downloads show it.
func (s *Server) compareData(ctx context.Context, icb workforce.ICB, d time.Time) (*compareData, error) {
	tree, err := cached(ctx, s, "tree", s.db.Tree)
	if err != nil {
		return nil, err
	}
	var pcns []workforce.PCN
	for _, p := range tree.PCNs {
		if p.ICBCode == icb.Code {
			pcns = append(pcns, p)
		}
	}
	res, err := compare.Compute(ctx, s.db, s.gapReport, icb.Code, pcns, d)
	if err != nil {
		return nil, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return nil, err
	}
	out := &compareData{asOf: res.AsOf, census: res.Census, noTarget: res.NoTarget, targetName: res.TargetName,
		year: res.Year, listSize: res.ListSizePCNs(), res: res}
	if res.England != nil {
		out.england = englandBands(res.England)
	}
	names := roleNames(roles)
	for _, row := range res.Rows {
		out.rows = append(out.rows, compareRowOf(row, names))
	}
	return out, nil
}

// compareRowOf is one PCN's row as the page and the downloads show it.
func compareRowOf(r compare.Row, names map[string]string) compareRow {
	me, plan := r.Position, planStatusOf(r.PCN.Code, r.Versions)
	v := compareweb.Row{Code: r.PCN.Code, Name: r.PCN.Name, Href: "/pcns/" + r.PCN.Code,
		Population: me.Population, ListSize: me.ListSize, InPost: me.InPost, FairShare: me.FairShare,
		Per10k: me.Per10k, HasPer10k: me.HasPer10k, Per10kDecile: me.Per10kDecile,
		Reached: me.Reached, HasReached: me.HasReached, ReachedDecile: me.ReachedDecile,
		Headroom: workforce.Pence(r.Headroom), Needing: r.Coverage.Needing, Covered: r.Coverage.Covered, Coverage: r.Coverage.Share,
		Available: r.Rooms.Now.Available, ShortNow: r.Rooms.Now.ShortWithoutPlan, ShortWithPlan: r.Rooms.ShortWithPlan(),
		FirstShort: firstShort(r.Rooms), Plan: compareweb.Plan{None: plan.None, Label: plan.Status.Label, Colour: plan.Status.Colour,
			Version: plan.Version, WaitsFor: plan.WaitsFor, Href: plan.Href}}
	for _, m := range r.Mix {
		v.Mix = append(v.Mix, compareweb.RoleShare{Role: orElse(names[m.Role], m.Role), Share: m.Share})
	}
	return compareRow{view: v, byRole: me.ByRole, plan: plan}
}

// englandBands is England's deciles as the page shows them.
func englandBands(pos *gaps.Positions) compareweb.England {
	bands := func(rs []planning.DecileRange) []compareweb.Band {
		out := make([]compareweb.Band, len(rs))
		for i, r := range rs {
			out[i] = compareweb.Band{Decile: r.Decile, PCNs: r.Count, Low: r.Low, High: r.High}
		}
		return out
	}
	return compareweb.England{Per10k: bands(pos.Per10k), Reached: bands(pos.Reached), Per10kPCNs: pos.MeasuredPer10k,
		ReachedPCNs: pos.MeasuredReached, PCNs: len(pos.ByPCN)}
}
