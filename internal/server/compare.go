package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	compareweb "github.com/arrs-planner/arrs/web/compare"
	needweb "github.com/arrs-planner/arrs/web/need"
)

// compareData is an ICB's comparison as the page and its downloads show it, the same
// for everyone who may see it: cached per data version, ICB, day, as-of date,
// footprints and denominator.
type compareData struct {
	asOf             time.Time
	census, noTarget bool
	targetName       string
	year             workforce.FinancialYear
	rows             []compareweb.Row // by code
	england          compareweb.England
	listSize         int
	res              *compare.Result // what the downloads write (report.WriteComparison)
	// current is true on today's footprints; structure says which ICBs are shown, and
	// absent, when set, why the ICB has no PCNs to compare on the day.
	current           bool
	structure, absent string
	// denominator is the rate per 10,000's; sources the note of it; icbNeed the ICB's
	// line of the need report; funnel England's funnel plot, the ICB's PCNs
	// highlighted (nil without one), outliers England's PCNs beyond its 99.8% limits.
	denominator need.Denominator
	sources     needweb.Sources
	icbNeed     compareweb.NeedFigures
	funnel      *needweb.Funnel
	outliers    int
	charts      funnelCharts
	// integration is the ICB's total of the integration table.
	integration compareweb.Integration
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
	data, err := s.compareOf(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	canSee := func(pcn string) bool { return u.CanSeePCN(pcn, icb.Code) }
	p := compareweb.NewPage(s.page(r, icb.Name+": PCNs compared", layout.NavEngland), icb, s.today(), data.rows, canSee, sort)
	p.AsOf, p.Census, p.NoTarget, p.TargetName = data.asOf, data.census, data.noTarget, data.targetName
	p.Year, p.ListSizePCNs, p.England = data.year.String(), data.listSize, data.england
	f := areas.NewFootprints(r.URL.Path, r.URL.Query(), data.current, data.structure)
	p.Footprints, p.Absent = &f, data.absent
	p.Sort.Query = compareQuery(r)
	keepQuery(p.Sort.Query, p.Downloads)
	if err := p.PageRows(r.URL.Query(), compareSorted(r)); err != nil {
		return errBadRequest("%s", err)
	}
	p.Choice = compareweb.NewDenominatorChoice(r.URL.Path, r.URL.Query(), data.denominator)
	p.Sources, p.ICBNeed, p.Outliers = data.sources, data.icbNeed, data.outliers
	p.IntegrationTotal = data.integration
	if data.funnel != nil {
		page, err := needweb.ParsePage(r.URL.Query(), comparePageParam, len(data.rows))
		if err != nil {
			return errBadRequest("%s.", err)
		}
		if p.Funnel, err = data.chart(r, page); err != nil {
			return err
		}
	}
	return renderWhole(w, r, compareweb.View(p))
}

// compareQuery is what the comparison's sort and download links keep: its as-of date,
// footprints and denominator (checked by compareOf).
func compareQuery(r *http.Request) url.Values {
	q := url.Values{}
	for _, k := range []string{"as_of", gaps.ParamFootprints, need.Param} {
		if v := r.URL.Query().Get(k); v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return nil
	}
	return q
}

// compareSorted is compareQuery with the table's sort, for the links that keep the
// table's order (its pages).
func compareSorted(r *http.Request) url.Values {
	q := url.Values{}
	for k, v := range compareQuery(r) {
		q[k] = v
	}
	for _, k := range []string{"sort", "dir"} {
		if v := r.URL.Query().Get(k); v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// keepQuery carries the page's as-of date, footprints and denominator (q) to its
// download links, so that the file is of the day, PCNs and rate the page shows.
func keepQuery(q url.Values, ds []compareweb.Download) {
	if len(q) == 0 {
		return
	}
	for i := range ds {
		ds[i].Href += "?" + q.Encode()
	}
}

// compareOf computes (or finds cached) the comparison of the address's ICB today, with
// the staff data of ?as_of= or else the latest census, its PCNs those of the ICB on
// that day, or with ?footprints=current today's: the page and its downloads both take
// it so, and so show the same as-of date and the same PCNs.
func (s *Server) compareOf(r *http.Request) (*compareData, error) {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return nil, err
	}
	asOf, err := asOfParam(r, s.today())
	if err != nil {
		return nil, err
	}
	fp, err := footprintsParam(r)
	if err != nil {
		return nil, err
	}
	den, err := denominatorParam(r)
	if err != nil {
		return nil, err
	}
	// A round of the pulse past its day is sealed before the cache is read (the seal
	// moves the data version), so the page and its downloads count it.
	if err := s.sealDuePulses(r.Context()); err != nil {
		return nil, err
	}
	d := s.today()
	key := "compare|" + icb.Code + "|" + d.Format(workforce.DateLayout) + "|" + asOf.Format(workforce.DateLayout) + "|" + fp.String() + "|" + string(den)
	return cachedFor(r.Context(), s, key, depEngland, func(ctx context.Context) (*compareData, error) {
		return s.compareOn(ctx, icb, d, asOf, fp, den)
	})
}

// compareData is compareOn with the ICBs as they were on the as-of date and FTE per
// 10,000 on need, the defaults.
func (s *Server) compareData(ctx context.Context, icb workforce.ICB, d, asOf time.Time) (*compareData, error) {
	return s.compareOn(ctx, icb, d, asOf, gaps.AsItWas, need.Need)
}

// compareOn compares the ICB's PCNs on day d with the staff data of asOf (zero: the
// latest census; compare.ComputeWith, on the cached gap report, need report and
// positions), its PCNs those of the structure fp chooses on the as-of date, FTE per
// 10,000 on den, and lays the comparison out as the page and the downloads show it.
func (s *Server) compareOn(ctx context.Context, icb workforce.ICB, d, asOf time.Time, fp gaps.Footprints, den need.Denominator) (*compareData, error) {
	day, err := s.compareDay(ctx, d, asOf)
	if err != nil {
		return nil, err
	}
	tree, err := fp.Tree(ctx, s.db, day, d)
	if err != nil {
		return nil, err
	}
	req := compare.Request{ICB: icb.Code, PCNs: tree.PCNsOf(icb.Code), Today: d, AsOf: asOf, Denominator: den}
	if fp.IsCurrent() {
		req.Tree = tree
	}
	res, err := compare.ComputeWith(ctx, s.db, s.compareSources(day), req)
	if err != nil {
		return nil, err
	}
	roles, err := cached(ctx, s, "roles", s.db.Roles)
	if err != nil {
		return nil, err
	}
	out := &compareData{asOf: res.AsOf, census: res.Census, noTarget: res.NoTarget, targetName: res.TargetName,
		year: res.Year, listSize: res.ListSizePCNs(), res: res, current: fp.IsCurrent(), structure: fp.Describe(day, tree.ICBs)}
	if c, ok := tree.AnyICB(icb.Code); ok && len(res.Rows) == 0 {
		out.absent = absentText(c, areaDay{at: day, fp: fp})
	}
	if res.England != nil {
		out.england = compareweb.NewEngland(res.England, den == need.List)
	}
	out.needOf(icb, res)
	names := workforce.RoleNames(roles)
	for _, row := range res.Rows {
		out.rows = append(out.rows, compareRowOf(row, names, den))
	}
	counts, pulse := res.IntegrationTotal()
	out.integration = compareweb.NewIntegration(counts, comparePulse(pulse))
	return out, nil
}

// needOf lays out the comparison's figures on need: the note of its denominator, the
// ICB's line, the funnel with the ICB's PCNs highlighted and England's outliers.
func (c *compareData) needOf(icb workforce.ICB, res *compare.Result) {
	c.denominator, c.sources = res.Denominator, needweb.Sources{Denominator: res.Denominator}
	if res.Need == nil {
		return
	}
	c.sources = needweb.NewSources(res.Denominator, res.Need.Need.Weights)
	c.icbNeed, c.outliers = needFiguresOf(res.ICBNeed, res.HasICBNeed), len(res.Need.Outliers())
	mine := map[string]bool{}
	for _, row := range res.Rows {
		mine[row.PCN.Code] = true
	}
	c.funnel = compareFunnel(icb, res.Need, mine)
}

// compareDay is the day whose structure the comparison takes: the as-of date, else the
// latest census, else (before any import) today.
func (s *Server) compareDay(ctx context.Context, today, asOf time.Time) (time.Time, error) {
	if !asOf.IsZero() {
		return asOf, nil
	}
	day, err := s.db.LatestCensus(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return today, nil
	}
	return day, err
}

// compareRowOf is one PCN's row as the page shows it, its rate per 10,000 on den.
func compareRowOf(r compare.Row, names map[string]string, den need.Denominator) compareweb.Row {
	v := compareweb.NewRow(r.PCN, r.Position, r.Coverage, r.SupervisionRecorded, r.Rooms.Now, r.Rooms.Quarters, r.Rooms.Recorded())
	plan := planStatusOf(r.PCN.Code, r.Versions)
	v.Headroom, v.Mix, v.Plan = r.Headroom, compareweb.NewMix(r.Mix, names), compareweb.NewPlan(plan, planStage(plan))
	v.Need, v.Per10kOnList = needFiguresOf(r.Need, r.HasNeed), compare.Per10kDenominator(r.Need, den) == need.List
	v.Integration = compareweb.NewIntegration(r.Integration, comparePulse(r.Pulse))
	return v
}

// comparePulse is a latest closed round's answers as the integration table counts them.
func comparePulse(p compare.Pulse) compareweb.PulseCount {
	return compareweb.PulseCount{Known: p.Known, Responses: p.Responses, LinksIssued: p.LinksIssued}
}
