package server

import (
	"context"
	"net/http"
	"time"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/workforce"
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
	keepAsOf(r, p.Downloads)
	return render(w, r, compareweb.View(p))
}

// compareOf computes (or finds cached) the comparison of the address's ICB today, with
// the staff data of ?as_of= or else the latest census: the page and its downloads
// both take it so, and so show the same as-of date.
func (s *Server) compareOf(r *http.Request) (*compareData, error) {
	icb, err := s.icbOfURL(r)
	if err != nil {
		return nil, err
	}
	asOf, err := asOfParam(r)
	if err != nil {
		return nil, err
	}
	d := s.today()
	key := "compare|" + icb.Code + "|" + d.Format(workforce.DateLayout) + "|" + asOf.Format(workforce.DateLayout)
	return cached(r.Context(), s, key, func(ctx context.Context) (*compareData, error) {
		return s.compareData(ctx, icb, d, asOf)
	})
}

// compareData compares the ICB's PCNs on day d with the staff data of asOf (zero: the
// latest census; compare.Compute, on the cached gap report) and lays the comparison
// out as the page and the downloads show it.
func (s *Server) compareData(ctx context.Context, icb workforce.ICB, d, asOf time.Time) (*compareData, error) {
	tree, err := cached(ctx, s, "tree", s.db.Tree)
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
		year: res.Year, listSize: res.ListSizePCNs(), res: res}
	if res.England != nil {
		out.england = compareweb.NewEngland(res.England)
	}
	names := workforce.RoleNames(roles)
	for _, row := range res.Rows {
		out.rows = append(out.rows, compareRowOf(row, names))
	}
	return out, nil
}

// compareRowOf is one PCN's row as the page shows it.
func compareRowOf(r compare.Row, names map[string]string) compareweb.Row {
	v := compareweb.NewRow(r.PCN, r.Position, r.Coverage, r.SupervisionRecorded, r.Rooms.Now, r.Rooms.Quarters, r.Rooms.Recorded())
	plan := planStatusOf(r.PCN.Code, r.Versions)
	v.Headroom, v.Mix, v.Plan = r.Headroom, compareweb.NewMix(r.Mix, names), compareweb.NewPlan(plan, planStage(plan))
	return v
}
