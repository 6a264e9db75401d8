package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// workforceAt reads ?at= (default: the latest census date) and rolls the workforce
// in post that day up to every level.
func (s *Server) workforceAt(r *http.Request) (areas.Snapshot, error) {
	snap := areas.Snapshot{}
	var err error
	if v := r.URL.Query().Get("at"); v != "" {
		if snap.At, err = workforce.ParseDate(v); err != nil {
			return snap, errBadRequest("The date %q is not a date in the form YYYY-MM-DD, such as 2025-11-30.", v)
		}
		snap.Census = true
	} else if snap.At, err = s.db.LatestCensus(r.Context()); err == nil {
		snap.Census = true
	} else if errors.Is(err, store.ErrNotFound) {
		snap.At = s.today()
	} else {
		return snap, err
	}
	ctx := r.Context()
	if snap.DataStart, err = s.db.FirstCensus(ctx); err != nil && !errors.Is(err, store.ErrNotFound) {
		return snap, err
	}
	if snap.Areas, err = cached(ctx, s, "areas:"+snap.At.Format(workforce.DateLayout), func(ctx context.Context) (*workforce.Areas, error) {
		return s.db.WorkforceAreas(ctx, snap.At)
	}); err != nil {
		return snap, err
	}
	returns, err := cached(ctx, s, "returns:"+snap.At.Format(workforce.DateLayout), func(ctx context.Context) (gaps.Returns, error) {
		return gaps.NoReturnOn(ctx, s.db, snap.At)
	})
	if err != nil {
		return snap, err
	}
	snap.NoReturnCensus, snap.NoReturn = returns.Census, returns.None
	snap.Roles, err = cached(ctx, s, "roles", s.db.Roles)
	return snap, err
}

func (s *Server) england(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.workforceAt(r)
	if err != nil {
		return err
	}
	p, err := s.areaPage(r, snap, snap.Areas.England, "England")
	if err != nil {
		return err
	}
	p.Layout.Nav = layout.NavEngland
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
	return render(w, r, areas.View(p))
}

// nationalSeries is England's ARRS FTE by census month (gaps.EnglandTrend: the
// imported censuses, and NHS England's published series before them), cached per data
// version, so an import adds its month.
func (s *Server) nationalSeries(r *http.Request) ([]areas.SeriesPoint, error) {
	return cached(r.Context(), s, "series", func(ctx context.Context) ([]areas.SeriesPoint, error) {
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
	return s.areaByCode(w, r, workforce.LevelRegion, "Region")
}

func (s *Server) icb(w http.ResponseWriter, r *http.Request) error {
	return s.areaByCode(w, r, workforce.LevelICB, "ICB")
}

func (s *Server) areaByCode(w http.ResponseWriter, r *http.Request, level workforce.Level, kind string) error {
	snap, err := s.workforceAt(r)
	if err != nil {
		return err
	}
	a, ok := snap.Areas.Find(level, strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return errNotFound
	}
	p, err := s.areaPage(r, snap, a, kind)
	if err != nil {
		return err
	}
	if level == workforce.LevelICB {
		sees, err := s.canSeeICB(r, currentUser(r), a.Code)
		if err != nil {
			return err
		}
		if sees {
			p.SupplyHref = "/icbs/" + a.Code + "/supply"
			p.CompareHref = "/icbs/" + a.Code + "/compare"
		}
	}
	return render(w, r, areas.View(p))
}

// areaPage builds the view model shared by England, region and ICB pages.
func (s *Server) areaPage(r *http.Request, snap areas.Snapshot, a workforce.AreaFTE, kind string) (areas.Page, error) {
	sort, err := parseSort(r, areas.SortKeys, ui.Sort{Key: areas.SortName, Base: r.URL.Path})
	if err != nil {
		return areas.Page{}, err
	}
	if at := r.URL.Query().Get("at"); at != "" {
		sort.Query = url.Values{"at": {at}}
	}
	return areas.NewPage(s.page(r, a.Name, layout.NavNone), snap, a, kind, sort), nil
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
