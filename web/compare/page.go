package compare

import (
	"cmp"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/dashboard"
	integrationweb "github.com/arrs-planner/arrs/web/integration"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// NewPage is the comparison of the ICB's PCNs on day today, rows ordered as st asks,
// under England and the ICB's page; canSee tells which PCNs' dashboards the reader
// may open. The caller adds the figures the rows come with.
func NewPage(l layout.PageParams, icb workforce.ICB, today time.Time, rows []Row, canSee func(pcn string) bool, st ui.Sort) Page {
	p := Page{Layout: l, Code: icb.Code, Name: icb.Name, Today: today, Sort: st,
		Downloads: []Download{
			{Text: "CSV", Href: Href(icb.Code) + ".csv", TestID: "download-csv"},
			{Text: "Excel (XLSX)", Href: Href(icb.Code) + ".xlsx", TestID: "download-xlsx"},
		}}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "England", Href: "/"}, {Text: icb.Name, Href: "/icbs/" + icb.Code}}
	for _, v := range rows {
		if canSee(v.Code) {
			v.DashboardHref, v.IntegrationHref = dashboard.Href(v.Code), integrationweb.Href(v.Code)
		}
		p.Rows = append(p.Rows, v)
		if v.NoSupervision {
			p.NoSupervisionPCNs++
		}
		if v.NoSites {
			p.NoSitesPCNs++
		}
	}
	sortRows(p.Rows, st)
	return p
}

// sortRows orders the rows by the sort link's column; ties by code.
func sortRows(rows []Row, st ui.Sort) {
	num := func(get func(Row) float64) func(a, b Row) int {
		return func(a, b Row) int { return cmp.Compare(get(a), get(b)) }
	}
	// An undefined measure sorts below every value.
	measure := func(ok bool, v float64) float64 {
		if !ok {
			return -1e18
		}
		return v
	}
	keys := map[string]func(a, b Row) int{
		SortName:       func(a, b Row) int { return cmp.Compare(a.Name, b.Name) },
		SortPopulation: num(func(r Row) float64 { return r.Population }),
		SortNeed:       num(func(r Row) float64 { return measure(r.Need.Has, r.Need.Need) }),
		SortExpected:   num(func(r Row) float64 { return measure(r.Need.Has && r.Need.Known, r.Need.Expected) }),
		SortRatio:      num(func(r Row) float64 { return measure(r.Need.Has && r.Need.Known && r.Need.HasRatio, r.Need.Ratio) }),
		SortFTE:        num(func(r Row) float64 { return r.InPost }),
		SortPer10k:     num(func(r Row) float64 { return measure(r.HasPer10k, r.Per10k) }),
		SortReached:    num(func(r Row) float64 { return measure(r.HasReached, r.Reached) }),
		SortHeadroom:   num(func(r Row) float64 { return float64(r.Headroom) }),
		SortCoverage:   num(func(r Row) float64 { return measure(!r.NoSupervision, r.Coverage) }),
		SortRooms:      num(func(r Row) float64 { return measure(!r.NoSites, r.ShortWithPlan) }),
		SortPlan:       func(a, b Row) int { return cmp.Compare(a.Plan.Stage, b.Plan.Stage) },
	}
	ui.SortRows(rows, st, keys, func(r Row) string { return r.Code })
}

// pageLayout is the page's frame at the window's full width: the comparison has
// eleven columns (need-adjusted patients over w(p), and expected FTE under the FTE in
// post, share a column each), and at 1280 px every one of them shows without a
// sideways scroll (issue 13: 1,202 px at least in a 1,216 px box for the demo ICB);
// narrower, the table scrolls in its own box.
func (p Page) pageLayout() layout.PageParams {
	l := p.Layout
	l.Wide = true
	return l
}
