package server

import (
	"cmp"
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
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// snapshot is the workforce on the day a page shows.
type snapshot struct {
	at     time.Time
	census bool // false before any import: the page says so
	areas  *workforce.Areas
	roles  []workforce.Role
}

// workforceAt reads ?at= (default: the latest census date) and rolls the workforce
// in post that day up to every level.
func (s *Server) workforceAt(r *http.Request) (snapshot, error) {
	snap := snapshot{}
	var err error
	if v := r.URL.Query().Get("at"); v != "" {
		if snap.at, err = workforce.ParseDate(v); err != nil {
			return snap, errBadRequest("The date %q is not a date in the form YYYY-MM-DD, such as 2025-11-30.", v)
		}
		snap.census = true
	} else if snap.at, err = s.db.LatestCensus(r.Context()); err == nil {
		snap.census = true
	} else if errors.Is(err, store.ErrNotFound) {
		snap.at = s.today()
	} else {
		return snap, err
	}
	ctx := r.Context()
	if snap.areas, err = cached(ctx, s, "areas:"+snap.at.Format(workforce.DateLayout), func(ctx context.Context) (*workforce.Areas, error) {
		return s.db.WorkforceAreas(ctx, snap.at)
	}); err != nil {
		return snap, err
	}
	snap.roles, err = cached(ctx, s, "roles", s.db.Roles)
	return snap, err
}

func (s *Server) england(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.workforceAt(r)
	if err != nil {
		return err
	}
	p, err := s.areaPage(r, snap, snap.areas.England, "England")
	if err != nil {
		return err
	}
	p.Layout.Nav = layout.NavEngland
	target, err := s.db.DefaultTarget(r.Context())
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err == nil {
		p.Target = &areas.Target{Name: target.Name, FTE: target.FTE, Baseline: target.Baseline, Deadline: target.Deadline}
	}
	if p.Series, err = s.nationalSeries(r); err != nil {
		return err
	}
	if p.Waiting, err = s.waitingFor(r); err != nil {
		return err
	}
	return render(w, r, areas.View(p))
}

// nationalSeries is NHS England's published ARRS FTE by month (gaps.NationalSeries),
// cached per data version.
func (s *Server) nationalSeries(r *http.Request) ([]areas.SeriesPoint, error) {
	return cached(r.Context(), s, "series", func(ctx context.Context) ([]areas.SeriesPoint, error) {
		points, err := gaps.NationalSeries(ctx, s.db)
		if err != nil {
			return nil, err
		}
		var out []areas.SeriesPoint
		for _, p := range points {
			out = append(out, areas.SeriesPoint{Month: p.Month, FTE: p.FTE})
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
	a, ok := snap.areas.Find(level, strings.ToUpper(chi.URLParam(r, "code")))
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
func (s *Server) areaPage(r *http.Request, snap snapshot, a workforce.AreaFTE, kind string) (areas.Page, error) {
	sort, err := parseSort(r, areas.SortKeys, ui.Sort{Key: areas.SortName, Base: r.URL.Path})
	if err != nil {
		return areas.Page{}, err
	}
	if at := r.URL.Query().Get("at"); at != "" {
		sort.Query = url.Values{"at": {at}}
	}
	p := areas.Page{
		Layout: s.page(r, a.Name, layout.NavNone),
		Kind:   kind, Code: a.Code, Name: a.Name, At: snap.at, Census: snap.census,
		ARRS: a.ARRS, NonARRS: a.NonARRS, PCNs: a.PCNs, Patients: a.Patients, PerTenThousand: a.PerTenThousand(),
		ChildKind: childKind(a.Level), Sort: sort, Roles: roleFTEs(snap.roles, a),
	}
	for _, c := range snap.areas.Children(a.Level, a.Code) {
		p.Children = append(p.Children, areas.Child{
			Code: c.Code, Name: c.Name, Href: areaHref(c), PCNs: c.PCNs, Patients: c.Patients,
			ARRS: c.ARRS, NonARRS: c.NonARRS, PerTenThousand: c.PerTenThousand(),
		})
	}
	p.Layout.Breadcrumbs = breadcrumbs(snap.areas, a)
	sortChildren(p.Children, sort)
	return p, nil
}

func childKind(l workforce.Level) string {
	switch l {
	case workforce.LevelEngland:
		return "regions"
	case workforce.LevelRegion:
		return "ICBs"
	}
	return "PCNs"
}

func areaHref(a workforce.AreaFTE) string {
	switch a.Level {
	case workforce.LevelRegion:
		return "/regions/" + a.Code
	case workforce.LevelICB:
		return "/icbs/" + a.Code
	case workforce.LevelPCN:
		return "/pcns/" + a.Code
	}
	return "/"
}

// breadcrumbs lead from England down to the area's parent.
func breadcrumbs(all *workforce.Areas, a workforce.AreaFTE) []ui.BreadcrumbItem {
	var chain []workforce.AreaFTE
	levels := map[workforce.Level]workforce.Level{workforce.LevelPCN: workforce.LevelICB, workforce.LevelICB: workforce.LevelRegion, workforce.LevelRegion: workforce.LevelEngland}
	for cur := a; cur.Level != workforce.LevelEngland; {
		parent, ok := all.Find(levels[cur.Level], cur.Parent)
		if !ok {
			break
		}
		chain = append([]workforce.AreaFTE{parent}, chain...)
		cur = parent
	}
	items := make([]ui.BreadcrumbItem, 0, len(chain))
	for _, c := range chain {
		items = append(items, ui.BreadcrumbItem{Text: c.Name, Href: areaHref(c)})
	}
	return items
}

func roleFTEs(roles []workforce.Role, a workforce.AreaFTE) []areas.RoleFTE {
	out := make([]areas.RoleFTE, 0, len(roles))
	for _, role := range roles {
		if fte := a.ByRole[role.Code]; fte > 0 {
			out = append(out, areas.RoleFTE{Code: role.Code, Name: role.Name, Href: "/roles/" + role.Code, FTE: fte})
		}
	}
	return out
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

func sortChildren(cs []areas.Child, st ui.Sort) {
	key := map[string]func(a, b areas.Child) int{
		areas.SortName:     func(a, b areas.Child) int { return cmp.Compare(a.Name, b.Name) },
		areas.SortCode:     func(a, b areas.Child) int { return cmp.Compare(a.Code, b.Code) },
		areas.SortPCNs:     func(a, b areas.Child) int { return cmp.Compare(a.PCNs, b.PCNs) },
		areas.SortPatients: func(a, b areas.Child) int { return cmp.Compare(a.Patients, b.Patients) },
		areas.SortARRS:     func(a, b areas.Child) int { return cmp.Compare(a.ARRS, b.ARRS) },
		areas.SortPer10k:   func(a, b areas.Child) int { return cmp.Compare(a.PerTenThousand, b.PerTenThousand) },
		areas.SortNonARRS:  func(a, b areas.Child) int { return cmp.Compare(a.NonARRS, b.NonARRS) },
	}
	ui.SortRows(cs, st, key, func(c areas.Child) string { return c.Code })
}
