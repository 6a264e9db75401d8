package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/compare"
	"github.com/arrs-planner/arrs/web/dashboard"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// mixRoles is how many of a PCN's largest roles the comparison shows.
const mixRoles = 3

// compareData is an ICB's comparison, the same for everyone who may see it: cached per
// data version, ICB and day.
type compareData struct {
	asOf             time.Time
	census, noTarget bool
	targetName       string
	year             planning.FinancialYear
	rows             []compareRow // by code
	england          compare.England
	listSize         int
}

// compareRow is one PCN: its row as the page shows it, and what the downloads add.
type compareRow struct {
	view   compare.Row
	byRole map[string]float64
	plan   dashboard.PlanStatus
}

// icbCompare is /icbs/{code}/compare; the route's rule (icbMember) has checked access.
func (s *Server) icbCompare(w http.ResponseWriter, r *http.Request) error {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return err
	}
	sort, err := parseSort(r, compare.SortKeys, compare.SortName)
	if err != nil {
		return err
	}
	sort.Base, sort.Anchor = compare.Href(icb.Code), compare.TableID
	data, err := s.compareOf(r.Context(), icb)
	if err != nil {
		return err
	}
	p := compare.Page{Layout: s.page(r, icb.Name+": PCNs compared", layout.NavEngland), Code: icb.Code, Name: icb.Name,
		AsOf: data.asOf, Census: data.census, NoTarget: data.noTarget, TargetName: data.targetName, Today: s.today(),
		Year: data.year.String(), Sort: sort, ListSizePCNs: data.listSize, England: data.england,
		Downloads: []compare.Download{
			{Text: "CSV", Href: compare.Href(icb.Code) + ".csv", TestID: "download-csv"},
			{Text: "Excel (XLSX)", Href: compare.Href(icb.Code) + ".xlsx", TestID: "download-xlsx"},
		}}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "England", Href: "/"}, {Text: icb.Name, Href: "/icbs/" + icb.Code}}
	u := currentUser(r)
	for _, row := range data.rows {
		v := row.view
		if u.CanSeePCN(v.Code, icb.Code) {
			v.DashboardHref = dashboard.Href(v.Code)
		}
		p.Rows = append(p.Rows, v)
	}
	sortCompare(p.Rows, data.rows, sort)
	return render(w, r, compare.View(p))
}

// compareOf computes (or finds cached) an ICB's comparison today.
func (s *Server) compareOf(ctx context.Context, icb workforce.ICB) (*compareData, error) {
	d := s.today()
	return cached(ctx, s, "compare|"+icb.Code+"|"+d.Format(workforce.DateLayout), func(ctx context.Context) (*compareData, error) {
		return s.compareData(ctx, icb, d)
	})
}

// sortCompare orders the page's rows by the sort link's column; ties by code.
func sortCompare(rows []compare.Row, data []compareRow, st areas.SortState) {
	stage := make(map[string]int, len(data))
	for _, r := range data {
		stage[r.view.Code] = planStage(r.plan)
	}
	num := func(get func(compare.Row) float64) func(a, b compare.Row) int {
		return func(a, b compare.Row) int { return cmp.Compare(get(a), get(b)) }
	}
	// An undefined measure sorts below every value.
	measure := func(ok bool, v float64) float64 {
		if !ok {
			return -1e18
		}
		return v
	}
	keys := map[string]func(a, b compare.Row) int{
		compare.SortName:       func(a, b compare.Row) int { return cmp.Compare(a.Name, b.Name) },
		compare.SortPopulation: num(func(r compare.Row) float64 { return r.Population }),
		compare.SortFTE:        num(func(r compare.Row) float64 { return r.InPost }),
		compare.SortPer10k:     num(func(r compare.Row) float64 { return measure(r.HasPer10k, r.Per10k) }),
		compare.SortReached:    num(func(r compare.Row) float64 { return measure(r.HasReached, r.Reached) }),
		compare.SortHeadroom:   num(func(r compare.Row) float64 { return float64(r.Headroom) }),
		compare.SortCoverage:   num(func(r compare.Row) float64 { return r.Coverage }),
		compare.SortRooms:      num(func(r compare.Row) float64 { return r.ShortWithPlan }),
		compare.SortPlan:       func(a, b compare.Row) int { return cmp.Compare(stage[a.Code], stage[b.Code]) },
	}
	sortByKey(rows, st, keys, func(r compare.Row) string { return r.Code })
}

// compareData gathers the ICB's PCNs' figures on day d: the England positions (gap
// report), this financial year's funding (funding.Compute over the ICB's PCNs),
// supervision and rooms (the ICB's records in five queries, worked out per PCN as
// their pages do), and the plans' versions.
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
	slices.SortFunc(pcns, func(a, b workforce.PCN) int { return cmp.Compare(a.Code, b.Code) })
	out := &compareData{year: planning.FinancialYearOf(d)}
	// England's positions (a gap report of every PCN) and the ICB's own parts are
	// independent: gathered side by side, a cold page waits for the slower only.
	type positionsResult struct {
		pos *englandPositions
		err error
	}
	done := make(chan positionsResult, 1)
	go func() {
		pos, err := s.positions(ctx, gaps.Options{Today: d})
		done <- positionsResult{pos, err}
	}()
	parts, err := s.compareParts(ctx, icb.Code, pcns, out.year, d)
	res := <-done
	if err != nil {
		return nil, err
	}
	pos, err := res.pos, res.err
	switch {
	case errors.Is(err, gaps.ErrNoCensus):
	case errors.Is(err, store.ErrNotFound):
		out.noTarget = true
		_, err = s.db.LatestCensus(ctx)
		out.census = err == nil
	case err != nil:
		return nil, err
	default:
		out.census, out.asOf, out.targetName = true, pos.asOf, pos.targetName
		out.england = englandBands(pos)
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return nil, err
	}
	names := roleNames(roles)
	for _, p := range pcns {
		row := parts.row(p)
		if pos != nil {
			addPosition(&row, pos.byPCN[p.Code], names)
		} else {
			row.view.Population, row.view.ListSize = float64(p.RegisteredPatients), true
		}
		if row.view.ListSize {
			out.listSize++
		}
		out.rows = append(out.rows, row)
	}
	return out, nil
}

// addPosition fills a row from the PCN's England position.
func addPosition(row *compareRow, me pcnPosition, names map[string]string) {
	v := &row.view
	v.Population, v.ListSize, v.InPost, v.FairShare = me.population, me.listSize, me.inPost, me.fairShare
	v.Per10k, v.HasPer10k, v.Per10kDecile = me.per10k, me.hasPer10k, me.per10kDecile
	v.Reached, v.HasReached, v.ReachedDecile = me.reached, me.hasReached, me.reachedDecile
	row.byRole = me.byRole
	for i, m := range planning.RoleMix(me.byRole) {
		if i == mixRoles {
			break
		}
		v.Mix = append(v.Mix, compare.RoleShare{Role: orElse(names[m.Role], m.Role), Share: m.Share})
	}
}

// englandBands is England's deciles as the page shows them.
func englandBands(pos *englandPositions) compare.England {
	bands := func(rs []planning.DecileRange) []compare.Band {
		out := make([]compare.Band, len(rs))
		for i, r := range rs {
			out[i] = compare.Band{Decile: r.Decile, PCNs: r.Count, Low: r.Low, High: r.High}
		}
		return out
	}
	return compare.England{Per10k: bands(pos.per10k), Reached: bands(pos.reached), Per10kPCNs: pos.measuredPer10k,
		ReachedPCNs: pos.measuredReached, PCNs: len(pos.byPCN)}
}

// compareParts is what the comparison gathers for the ICB's PCNs besides the gap
// report, grouped by PCN.
type compareParts struct {
	funding     *funding.Result
	year        planning.FinancialYear
	supervision map[string]*supervisionFigures
	sites       map[string][]workforce.Site
	staff       map[string][]workforce.Staff
	lines       map[string][]store.PlanLine
	plans       map[string][]store.PlanVersion
	roles       []workforce.Role
	day         time.Time
}

func (s *Server) compareParts(ctx context.Context, icb string, pcns []workforce.PCN, year planning.FinancialYear, d time.Time) (*compareParts, error) {
	c := &compareParts{year: year, day: d, supervision: map[string]*supervisionFigures{}, sites: map[string][]workforce.Site{},
		staff: map[string][]workforce.Staff{}, lines: map[string][]store.PlanLine{}, plans: map[string][]store.PlanVersion{}}
	asOf, _, err := s.fundingAsOf(ctx, d)
	if err != nil {
		return nil, err
	}
	if c.funding, err = funding.Compute(ctx, s.db, funding.Request{PCNs: pcns, Years: []planning.FinancialYear{year}, AsOf: asOf}); err != nil {
		return nil, err
	}
	if c.roles, err = cached(ctx, s, "roles", s.db.Roles); err != nil {
		return nil, err
	}
	if err := s.gatherCapacity(ctx, icb, c); err != nil {
		return nil, err
	}
	versions, err := s.db.PlanVersionsOfICB(ctx, icb)
	for _, v := range versions {
		c.plans[v.PCNCode] = append(c.plans[v.PCNCode], v)
	}
	return c, err
}

// gatherCapacity reads the ICB's staff, supervisors, links, sites and current plan
// lines, one query each, and groups them by PCN.
func (s *Server) gatherCapacity(ctx context.Context, icb string, c *compareParts) error {
	staff, err := s.db.StaffOfICB(ctx, icb)
	if err != nil {
		return err
	}
	sups, err := s.db.SupervisorsOfICB(ctx, icb)
	if err != nil {
		return err
	}
	links, err := s.db.SupervisionLinksOfICB(ctx, icb)
	if err != nil {
		return err
	}
	sites, err := s.db.SitesOfICB(ctx, icb)
	if err != nil {
		return err
	}
	lines, err := s.db.CurrentPlanLinesOfICB(ctx, icb)
	if err != nil {
		return err
	}
	sup := func(pcn string) *supervisionFigures {
		if c.supervision[pcn] == nil {
			c.supervision[pcn] = &supervisionFigures{}
		}
		return c.supervision[pcn]
	}
	for _, x := range staff {
		c.staff[x.PCNCode] = append(c.staff[x.PCNCode], x)
		sup(x.PCNCode).staff = append(sup(x.PCNCode).staff, x)
	}
	for _, x := range sups {
		sup(x.PCNCode).supervisors = append(sup(x.PCNCode).supervisors, x)
	}
	for _, x := range links {
		sup(x.PCNCode).links = append(sup(x.PCNCode).links, x)
	}
	for _, x := range sites {
		c.sites[x.PCNCode] = append(c.sites[x.PCNCode], x)
	}
	for _, x := range lines {
		c.lines[x.PCNCode] = append(c.lines[x.PCNCode], x)
	}
	return nil
}

// row is one PCN's funding, supervision, rooms and plan, worked out as their pages do.
func (c *compareParts) row(p workforce.PCN) compareRow {
	row := compareRow{view: compare.Row{Code: p.Code, Name: p.Name, Href: "/pcns/" + p.Code}}
	v := &row.view
	if y, ok := c.funding.For(p.Code, c.year); ok {
		v.Headroom = y.Funding.HeadroomPence
	}
	sup := c.supervision[p.Code]
	if sup == nil {
		sup = &supervisionFigures{}
	}
	sup.compute(c.roles, c.day)
	v.Needing, v.Covered, v.Coverage = sup.coverage.Needing, sup.coverage.Covered, sup.coverage.Share
	rooms := dashboardRooms(roomsOf(c.sites[p.Code], c.staff[p.Code], c.lines[p.Code], c.roles, c.day))
	v.Available, v.ShortNow, v.ShortWithPlan, v.FirstShort = rooms.Available, rooms.ShortNow, rooms.ShortWithPlan, rooms.FirstShort
	row.plan = planStatusOf(p.Code, c.plans[p.Code])
	v.Plan = compare.Plan{None: row.plan.None, Label: row.plan.Status.Label, Colour: row.plan.Status.Colour,
		Version: row.plan.Version, WaitsFor: row.plan.WaitsFor, Href: row.plan.Href}
	return row
}
