package areas

import (
	"cmp"
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Snapshot is the workforce on the day a page shows: every area's FTE in post that day
// and the role catalogue that names its roles.
type Snapshot struct {
	At time.Time
	// Census is false before any import: the page says so.
	Census bool
	Areas  *workforce.Areas
	Roles  []workforce.Role
	// NoReturnCensus is the national census describing At, zero when none does;
	// NoReturn holds the PCNs that made no return for it (PLANNING.md, "No return").
	NoReturnCensus time.Time
	NoReturn       map[string]bool
	// DataStart is the first national census imported, zero before any: the staff
	// records do not describe days before it (NoData).
	DataStart time.Time
}

// NewPage is the page of area a (England, a region or an ICB; kind says which), its
// children ordered as st asks. The caller adds what only some pages show: England's
// target and trend, an ICB's links.
func NewPage(l layout.PageParams, snap Snapshot, a workforce.AreaFTE, kind string, st ui.Sort) Page {
	p := Page{
		Layout: l,
		Kind:   kind, Code: a.Code, Name: a.Name, At: snap.At, Census: snap.Census,
		ARRS: a.ARRS, NonARRS: a.NonARRS, PCNs: a.PCNs, Patients: a.Patients, PerTenThousand: a.PerTenThousand(),
		ChildKind: childKind(a.Level), Sort: st, Roles: roleFTEs(snap.Roles, a),
		NoReturnCensus: snap.NoReturnCensus, NoReturn: noReturnIn(snap.Areas, a, snap.NoReturn),
	}
	if snap.NoData() {
		p.NoData, p.NoDataText, p.Roles = true, snap.NoDataText(), nil
	}
	for _, c := range snap.Areas.Children(a.Level, a.Code) {
		p.Children = append(p.Children, Child{
			Code: c.Code, Name: c.Name, Href: childHref(c, st.Query), PCNs: c.PCNs, Patients: c.Patients,
			ARRS: c.ARRS, NonARRS: c.NonARRS, PerTenThousand: c.PerTenThousand(),
			NoReturn: c.Level == workforce.LevelPCN && snap.NoReturn[c.Code],
		})
	}
	p.Layout.Breadcrumbs = Breadcrumbs(snap.Areas, a)
	sortChildren(p.Children, st)
	return p
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

// Href is an area's own page.
func Href(a workforce.AreaFTE) string {
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

// childHref is a child area's page keeping the page's day and footprints (the sort's
// query), so that a region's ICBs open on the same day in the same structure; a PCN's
// page is of its own day.
func childHref(c workforce.AreaFTE, q url.Values) string {
	if c.Level == workforce.LevelPCN {
		return Href(c)
	}
	return link(Href(c), q)
}

// Breadcrumbs lead from England down to the area's parent.
func Breadcrumbs(all *workforce.Areas, a workforce.AreaFTE) []ui.BreadcrumbItem {
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
		items = append(items, ui.BreadcrumbItem{Text: c.Name, Href: Href(c)})
	}
	return items
}

// PCNBreadcrumbs lead from England to a PCN's own page, for the pages under it (its
// dashboard, its funding), which read the organisation tree rather than the day's
// workforce.
func PCNBreadcrumbs(tree *workforce.Tree, p workforce.PCN) []ui.BreadcrumbItem {
	items := []ui.BreadcrumbItem{{Text: "England", Href: "/"}}
	if icb, ok := tree.ICB(p.ICBCode); ok {
		if region, ok := tree.Region(icb.RegionCode); ok {
			items = append(items, ui.BreadcrumbItem{Text: region.Name, Href: "/regions/" + region.Code})
		}
		items = append(items, ui.BreadcrumbItem{Text: icb.Name, Href: "/icbs/" + icb.Code})
	}
	return append(items, ui.BreadcrumbItem{Text: p.Name, Href: "/pcns/" + p.Code})
}

func roleFTEs(roles []workforce.Role, a workforce.AreaFTE) []RoleFTE {
	out := make([]RoleFTE, 0, len(roles))
	for _, role := range roles {
		if fte := a.ByRole[role.Code]; fte > 0 {
			out = append(out, RoleFTE{Code: role.Code, Name: role.Name, Href: "/roles/" + role.Code, FTE: fte})
		}
	}
	return out
}

func sortChildren(cs []Child, st ui.Sort) {
	key := map[string]func(a, b Child) int{
		SortName:     func(a, b Child) int { return cmp.Compare(a.Name, b.Name) },
		SortCode:     func(a, b Child) int { return cmp.Compare(a.Code, b.Code) },
		SortPCNs:     func(a, b Child) int { return cmp.Compare(a.PCNs, b.PCNs) },
		SortPatients: func(a, b Child) int { return cmp.Compare(a.Patients, b.Patients) },
		SortARRS:     func(a, b Child) int { return cmp.Compare(a.ARRS, b.ARRS) },
		SortPer10k:   func(a, b Child) int { return cmp.Compare(a.PerTenThousand, b.PerTenThousand) },
		SortNonARRS:  func(a, b Child) int { return cmp.Compare(a.NonARRS, b.NonARRS) },
	}
	ui.SortRows(cs, st, key, func(c Child) string { return c.Code })
}
