package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/fundingsettings"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// areaDay is what an area page shows: the day (?at=, else the latest census date, else
// today before any import) and the ICBs its figures are summed into (?footprints=).
type areaDay struct {
	at time.Time
	// census is false before any import; given is true when ?at= named the day.
	census, given bool
	fp            gaps.Footprints
}

// areaDayOf reads ?at= (atParam) and ?footprints=; a value that is neither is a 400.
func (s *Server) areaDayOf(r *http.Request) (areaDay, error) {
	var d areaDay
	var err error
	if d.fp, err = footprintsParam(r); err != nil {
		return d, err
	}
	if d.at, err = atParam(r, s.today()); err != nil {
		return d, err
	}
	if !d.at.IsZero() {
		d.census, d.given = true, true
	} else if d.at, err = s.db.LatestCensus(r.Context()); err == nil {
		d.census = true
	} else if errors.Is(err, store.ErrNotFound) {
		d.at = s.today()
	} else {
		return d, err
	}
	return d, nil
}

// footprintsParam reads ?footprints= (as-it-was, the default, or current).
func footprintsParam(r *http.Request) (gaps.Footprints, error) {
	v := r.URL.Query().Get(gaps.ParamFootprints)
	fp, err := gaps.ParseFootprints(v)
	if err != nil {
		return fp, errBadRequest("The footprints must be as-it-was or current, not %q.", v)
	}
	return fp, nil
}

// treeOn is the organisation tree in force on day d, cached per data version and day.
func (s *Server) treeOn(ctx context.Context, d time.Time) (*workforce.Tree, error) {
	return cached(ctx, s, "tree|"+d.Format(workforce.DateLayout), func(ctx context.Context) (*workforce.Tree, error) {
		return s.db.TreeOn(ctx, d)
	})
}

// workforceAt is the snapshot of the request's day and footprints (areaDayOf).
func (s *Server) workforceAt(r *http.Request) (areas.Snapshot, error) {
	_, snap, err := s.areaSnapshot(r)
	return snap, err
}

// areaSnapshot is the request's day and footprints (areaDayOf) and their snapshot.
func (s *Server) areaSnapshot(r *http.Request) (areaDay, areas.Snapshot, error) {
	d, err := s.areaDayOf(r)
	if err != nil {
		return d, areas.Snapshot{}, err
	}
	snap, err := s.snapshot(r.Context(), d)
	return d, snap, err
}

// snapshot rolls the workforce in post on the day up to every level of the day's
// structure, or of today's footprints.
func (s *Server) snapshot(ctx context.Context, d areaDay) (areas.Snapshot, error) {
	snap := areas.Snapshot{At: d.at, Census: d.census}
	var err error
	if snap.DataStart, err = s.db.FirstCensus(ctx); err != nil && !errors.Is(err, store.ErrNotFound) {
		return snap, err
	}
	today := s.today()
	key := "areas|" + d.at.Format(workforce.DateLayout) + "|" + d.fp.String()
	if d.fp.IsCurrent() {
		key += "|" + today.Format(workforce.DateLayout)
	}
	reads, err := s.englandReads(ctx)
	if err != nil {
		return snap, err
	}
	if snap.Areas, err = cachedFor(ctx, s, key, depEngland, func(ctx context.Context) (*workforce.Areas, error) {
		return d.fp.AreasWith(ctx, s.db, reads, d.at, today)
	}); err != nil {
		return snap, err
	}
	returns, err := cachedFor(ctx, s, "returns:"+d.at.Format(workforce.DateLayout), depEngland, func(ctx context.Context) (gaps.Returns, error) {
		return gaps.NoReturnOnWith(ctx, s.db, reads, d.at)
	})
	if err != nil {
		return snap, err
	}
	snap.NoReturnCensus, snap.NoReturn = returns.Census, returns.None
	snap.Roles, err = cached(ctx, s, "roles", s.db.Roles)
	return snap, err
}

func (s *Server) england(w http.ResponseWriter, r *http.Request) error {
	d, snap, err := s.areaSnapshot(r)
	if err != nil {
		return err
	}
	p, err := s.areaPage(r, snap, snap.Areas.England, "England", d)
	if err != nil {
		return err
	}
	p.Layout.Nav = layout.NavEngland
	p.NeedHref = "/need"
	target, err := s.db.DefaultTarget(r.Context())
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err == nil {
		p.Target = &target
	}
	if p.Series, err = s.nationalSeries(r); err != nil {
		return err
	}
	if p.NoData {
		// Before the data start England's figure is NHS England's published one.
		p.ARRS, p.Published = areas.PublishedFTE(p.Series, snap.At)
	}
	if p.Waiting, err = s.waitingFor(r); err != nil {
		return err
	}
	if p.Home, err = s.englandHome(r); err != nil {
		return err
	}
	return render(w, r, areas.View(p))
}

// nationalSeries is England's ARRS FTE by census month (gaps.EnglandTrend: the
// imported censuses, and NHS England's published series before them), cached per data
// version, so an import adds its month.
func (s *Server) nationalSeries(r *http.Request) ([]areas.SeriesPoint, error) {
	return cachedFor(r.Context(), s, "series", depEngland, func(ctx context.Context) ([]areas.SeriesPoint, error) {
		points, err := gaps.EnglandTrend(ctx, s.db)
		if err != nil {
			return nil, err
		}
		var out []areas.SeriesPoint
		for _, p := range points {
			out = append(out, areas.SeriesPoint{Month: p.Month, FTE: p.FTE, Imported: p.Imported})
		}
		return out, nil
	})
}

func (s *Server) region(w http.ResponseWriter, r *http.Request) error {
	d, snap, err := s.areaSnapshot(r)
	if err != nil {
		return err
	}
	a, ok := snap.Areas.Find(workforce.LevelRegion, strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return errNotFound
	}
	p, err := s.areaPage(r, snap, a, "Region", d)
	if err != nil {
		return err
	}
	if err := s.offerFootprints(r, &p, d); err != nil {
		return err
	}
	return render(w, r, areas.View(p))
}

// icb is an ICB's page. Every ICB there has been has one: a dissolved ICB's shows its
// history up to its last day (its default day) and links to its successors; a new
// ICB's says what it was made from and, on a day before it was formed, that it did not
// exist yet, with no figures (unknown is not zero).
func (s *Server) icb(w http.ResponseWriter, r *http.Request) error {
	d, err := s.areaDayOf(r)
	if err != nil {
		return err
	}
	now, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return err
	}
	c, ok := now.AnyICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return errNotFound
	}
	if last := c.LastDay(); !d.given && !d.fp.IsCurrent() && !last.IsZero() && d.at.After(last) {
		d.at = last
	}
	snap, err := s.snapshot(r.Context(), d)
	if err != nil {
		return err
	}
	a, found := snap.Areas.Find(workforce.LevelICB, c.Code)
	if !found {
		a = workforce.AreaFTE{Level: workforce.LevelICB, Code: c.Code, Name: c.Name, Parent: c.RegionCode}
	}
	p, err := s.areaPage(r, snap, a, "ICB", d)
	if err != nil {
		return err
	}
	p.History = areas.NewICBHistory(now, c)
	// The funnel keeps the page's footprints, as the comparison's link does; an ICB
	// formed after the day shown is only found among today's footprints.
	p.NeedHref = "/need?icb=" + c.Code
	if d.fp.IsCurrent() || (!c.Opened.IsZero() && d.at.Before(c.Opened)) {
		p.NeedHref += "&" + gaps.ParamFootprints + "=" + gaps.Current.String()
	}
	if !found {
		p.History.Absent = absentText(c, d)
	}
	if err := s.offerFootprints(r, &p, d); err != nil {
		return err
	}
	if c.InForce(s.today()) {
		if err := s.linkICB(r, &p, c.Code, d); err != nil {
			return err
		}
	}
	if p.Home.ICB, err = s.icbHome(r, c); err != nil {
		return err
	}
	return render(w, r, areas.View(p))
}

// absentText says why an ICB has no figures on the page's day.
func absentText(c workforce.ICB, d areaDay) string {
	day := d.at.Format(dateLong)
	switch {
	case d.fp.IsCurrent():
		return c.Name + " is not one of today's ICBs: on today's footprints its networks count in the ICBs they belong to today."
	case !c.Opened.IsZero() && d.at.Before(c.Opened):
		return c.Name + " did not exist yet on " + day + ": it was formed on " + c.Opened.Format(dateLong) + ", so it has no figures for that day."
	case !c.Closed.IsZero() && !d.at.Before(c.Closed):
		return c.Name + " no longer existed on " + day + ": its last day was " + c.LastDay().Format(dateLong) + "."
	}
	return c.Name + " had no networks on " + day + "."
}

// linkICB links an ICB's page to its supply and its PCNs compared, for the users who
// may see them; the comparison keeps the footprints.
func (s *Server) linkICB(r *http.Request, p *areas.Page, code string, d areaDay) error {
	sees, err := s.canSeeICB(r, currentUser(r), code)
	if err != nil || !sees {
		return err
	}
	p.SupplyHref = "/icbs/" + code + "/supply"
	p.CompareHref = "/icbs/" + code + "/compare"
	if u := currentUser(r); u.IsAdmin() || u.LeadsICB(code) {
		lags, err := s.db.PaymentLags(r.Context(), []string{code})
		if err != nil {
			return err
		}
		p.PaymentLagHref, p.PaymentLag = fundingsettings.PaymentLagHref(code), lags[code].LagMonths
	}
	if d.fp.IsCurrent() {
		p.CompareHref += "?" + gaps.ParamFootprints + "=" + gaps.Current.String()
	}
	return nil
}

// dateLong is how a sentence writes a day: "1 April 2026".
const dateLong = "2 January 2006"

// areaPage builds the view model shared by England, region and ICB pages: its sort
// links and its child areas' links keep the day and the footprints.
func (s *Server) areaPage(r *http.Request, snap areas.Snapshot, a workforce.AreaFTE, kind string, d areaDay) (areas.Page, error) {
	sort, err := parseSort(r, areas.SortKeys, ui.Sort{Key: areas.SortName, Base: r.URL.Path})
	if err != nil {
		return areas.Page{}, err
	}
	q := url.Values{}
	if d.given {
		q.Set("at", d.at.Format(workforce.DateLayout))
	}
	if q = areas.KeepFootprints(q, d.fp.IsCurrent()); len(q) > 0 {
		sort.Query = q
	}
	return areas.NewPage(s.page(r, a.Name, layout.NavNone), snap, a, kind, sort), nil
}

// offerFootprints puts the choice of ICBs on a region's or an ICB's page, saying which
// are shown.
func (s *Server) offerFootprints(r *http.Request, p *areas.Page, d areaDay) error {
	now, err := s.treeOn(r.Context(), s.today())
	if err != nil {
		return err
	}
	f := areas.NewFootprints(r.URL.Path, r.URL.Query(), d.fp.IsCurrent(), d.fp.Describe(d.at, now.ICBs))
	p.Footprints = &f
	return nil
}

// parseSort reads ?sort=&dir= (def without them); an unknown key or direction is a
// 400, not a guess.
func parseSort(r *http.Request, keys []string, def ui.Sort) (ui.Sort, error) {
	st, err := ui.ParseSort(r.URL.Query(), keys, def)
	if err != nil {
		return st, errBadRequest("%s", err)
	}
	return st, nil
}
