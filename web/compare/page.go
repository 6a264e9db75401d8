package compare

import (
	"cmp"
	"net/url"
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
	p.Total = len(p.Rows)
	return p
}

// ParamPage pages the PCNs' tables (side by side, and their integration) together;
// the funnel's table of the ICB's PCNs has a page of its own, ?page=.
const ParamPage = "pcns_page"

// PerPage is how many PCNs a page of the comparison shows. An ICB has up to 78 PCNs
// (Z9B2Z on today's footprints), each some 3.7 kB across the two tables, and the
// funnel of England's 1,297 PCNs with its table takes 115 kB more: at 50 a page that
// ICB's first page was 328 kB, at 25 it is about 236 kB, under the 250 kB every page
// keeps to (TestNoPageOver250KB).
const PerPage = 25

// integrationPages are the pages of the integration table: the same as the first
// table's, their links bringing the reader back to the integration table.
func (p Page) integrationPages() ui.Pages {
	out := p.Pages
	out.Anchor = IntegrationTableID
	return out
}

// funnelPageParam is the funnel table's page, which the PCNs' page links keep.
const funnelPageParam = "page"

// PageRows keeps the rows of the page q asks for (?pcns_page=, in the sorted order; a
// page past the last is the last, anything but a whole number refused in a sentence),
// its links keeping keep (the comparison's query with its sort) and the funnel's page.
func (p *Page) PageRows(q, keep url.Values) (err error) {
	k := url.Values{}
	for key, v := range keep {
		k[key] = v
	}
	if v := q.Get(funnelPageParam); v != "" {
		k.Set(funnelPageParam, v)
	}
	p.Pages = ui.Pages{Param: ParamPage, Size: PerPage, Path: Href(p.Code), Query: k, Anchor: TableID}
	if p.Pages.Page, err = p.Pages.Read(q, p.Total); err != nil {
		return err
	}
	p.Rows = ui.Slice(p.Rows, p.Pages)
	return nil
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
