package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"

	compareweb "github.com/arrs-planner/arrs/web/compare"
)

// compareData is an ICB's comparison as the page and its downloads show it, the same
// for everyone who may see it: cached per data version, ICB and day.
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
	keepAsOf(r, p.Downloads)
	keepFootprints(data.current, p.Downloads)
	return render(w, r, compareweb.View(p))
}

// compareQuery is what the comparison's sort links keep: its as-of date and footprints.
func compareQuery(r *http.Request) url.Values {
	q := url.Values{}
	if v := r.URL.Query().Get("as_of"); v != "" {
		q.Set("as_of", v)
	}
	if v := r.URL.Query().Get(gaps.ParamFootprints); v != "" {
		q.Set(gaps.ParamFootprints, v)
	}
	if len(q) == 0 {
		return nil
	}
	return q
}

// keepFootprints carries today's footprints to the download links (after keepAsOf), so
// that the file sums the PCNs the page shows.
func keepFootprints(current bool, ds []compareweb.Download) {
	if !current {
		return
	}
	for i := range ds {
		sep := "?"
		if strings.Contains(ds[i].Href, "?") {
			sep = "&"
		}
		ds[i].Href += sep + gaps.ParamFootprints + "=" + gaps.Current.String()
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
	d := s.today()
	key := "compare|" + icb.Code + "|" + d.Format(workforce.DateLayout) + "|" + asOf.Format(workforce.DateLayout) + "|" + fp.String()
	return cached(r.Context(), s, key, func(ctx context.Context) (*compareData, error) {
		return s.compareOn(ctx, icb, d, asOf, fp)
	})
}

// compareData is compareOn with the ICBs as they were on the as-of date, the default.
func (s *Server) compareData(ctx context.Context, icb workforce.ICB, d, asOf time.Time) (*compareData, error) {
	return s.compareOn(ctx, icb, d, asOf, gaps.AsItWas)
}

// compareOn compares the ICB's PCNs on day d with the staff data of asOf (zero: the
// latest census; compare.Compute, on the cached gap report), its PCNs those of the
// structure fp chooses on the as-of date, and lays the comparison out as the page and
// the downloads show it.
func (s *Server) compareOn(ctx context.Context, icb workforce.ICB, d, asOf time.Time, fp gaps.Footprints) (*compareData, error) {
	day, err := s.compareDay(ctx, d, asOf)
	if err != nil {
		return nil, err
	}
	tree, err := fp.Tree(ctx, s.db, day, d)
	if err != nil {
		return nil, err
	}
	res, err := compare.Compute(ctx, s.db, s.gapReport, icb.Code, tree.PCNsOf(icb.Code), d, asOf)
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
		out.england = compareweb.NewEngland(res.England)
	}
	names := workforce.RoleNames(roles)
	for _, row := range res.Rows {
		out.rows = append(out.rows, compareRowOf(row, names))
	}
	return out, nil
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

// compareRowOf is one PCN's row as the page shows it.
func compareRowOf(r compare.Row, names map[string]string) compareweb.Row {
	v := compareweb.NewRow(r.PCN, r.Position, r.Coverage, r.SupervisionRecorded, r.Rooms.Now, r.Rooms.Quarters, r.Rooms.Recorded())
	plan := planStatusOf(r.PCN.Code, r.Versions)
	v.Headroom, v.Mix, v.Plan = r.Headroom, compareweb.NewMix(r.Mix, names), compareweb.NewPlan(plan, planStage(plan))
	return v
}
