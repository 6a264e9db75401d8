package server

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/areas"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/lists"
	"github.com/arrs-planner/arrs/web/practice"
	"github.com/arrs-planner/arrs/web/search"
	"github.com/arrs-planner/arrs/web/ui"
)

// maxSearchLength bounds the search text, in characters: the longest organisation
// name is well under it (docs/finding-your-way.md).
const maxSearchLength = 100

// searchPerKind is how many hits of each kind the results page lists; the rest are
// counted ("showing 50 of 312").
const searchPerKind = 50

// england is the first breadcrumb of the pages that find a place.
var england = ui.BreadcrumbItem{Text: "England", Href: "/"}

// search finds PCNs, practices, ICBs and regions by name or code (?q=) in today's
// structure. Text over the limit is refused on the page, naming the limit, with a 400
// and nothing looked up; no text shows the box and what it takes.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := strings.Join(strings.Fields(r.URL.Query().Get("q")), " ")
	p := search.Page{Layout: s.page(r, search.Heading, layout.NavNone), Query: q, MaxLength: maxSearchLength}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{england}
	if n := utf8.RuneCountInString(q); n > maxSearchLength {
		p.Error = fmt.Sprintf("Search text must be %d characters or fewer: you typed %d", maxSearchLength, n)
		p.Layout.HasErrors = true
		return renderStatus(w, r, http.StatusBadRequest, search.View(p))
	}
	if q == "" {
		return render(w, r, search.View(p))
	}
	res, err := s.db.Search(r.Context(), q, s.today(), searchPerKind)
	if err != nil {
		return err
	}
	p.Layout.Title = "Results for ‘" + q + "’"
	p.Groups = searchGroups(res, s.today())
	return render(w, r, search.View(p))
}

// searchGroups are the hits kind by kind, the few ICBs and regions before the many
// practices (a practice is found by its PCN's name too).
func searchGroups(res store.SearchResults, today time.Time) []search.Group {
	return []search.Group{
		hitGroup(search.Group{ID: "pcns", Title: "PCNs", One: "PCN", Many: "PCNs"}, res[store.KindPCN], pcnHit),
		hitGroup(search.Group{ID: "icbs", Title: "ICBs", One: "ICB", Many: "ICBs"}, res[store.KindICB],
			func(h store.SearchHit) search.Hit { return icbHit(h, today) }),
		hitGroup(search.Group{ID: "regions", Title: "Regions", One: "region", Many: "regions"}, res[store.KindRegion], regionHit),
		hitGroup(search.Group{ID: "practices", Title: "GP practices", One: "practice", Many: "practices"}, res[store.KindPractice], practiceHit),
	}
}

// hitGroup fills group g with one kind's hits.
func hitGroup(g search.Group, hs store.SearchHits, hit func(store.SearchHit) search.Hit) search.Group {
	g.Total = hs.Total
	for _, h := range hs.Hits {
		g.Hits = append(g.Hits, hit(h))
	}
	return g
}

func pcnHit(h store.SearchHit) search.Hit {
	return search.Hit{Name: h.Name, Code: h.Code, Href: "/pcns/" + h.Code,
		ParentKind: "ICB", Parent: h.ParentName, ParentHref: "/icbs/" + h.ParentCode}
}

func practiceHit(h store.SearchHit) search.Hit {
	hit := search.Hit{Name: h.Name, Code: h.Code, Href: "/practices/" + h.Code, None: "In no PCN"}
	if h.ParentCode != "" {
		hit.ParentKind, hit.Parent, hit.ParentHref = "PCN", h.ParentName, "/pcns/"+h.ParentCode
	}
	return hit
}

// icbHit marks an ICB that is not in force today: dissolved, or not formed yet.
func icbHit(h store.SearchHit, today time.Time) search.Hit {
	hit := search.Hit{Name: h.Name, Code: h.Code, Href: "/icbs/" + h.Code,
		ParentKind: "Region", Parent: h.ParentName, ParentHref: "/regions/" + h.ParentCode}
	switch {
	case !h.Closed.IsZero() && !today.Before(h.Closed):
		hit.Note = "Dissolved on " + h.Closed.Format(dateLong)
	case !h.Opened.IsZero() && today.Before(h.Opened):
		hit.Note = "Formed on " + h.Opened.Format(dateLong)
	}
	return hit
}

func regionHit(h store.SearchHit) search.Hit {
	return search.Hit{Name: h.Name, Code: h.Code, Href: "/regions/" + h.Code}
}

// pcnList lists every PCN of today's structure, by ICB then name, or those of one of
// today's ICBs (?icb=), from the cached tree: one read for 1,297 rows.
func (s *Server) pcnList(w http.ResponseWriter, r *http.Request) error {
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	icb, err := icbFilter(r, tree)
	if err != nil {
		return err
	}
	p := lists.PCNsPage{Layout: s.page(r, "PCNs in England", layout.NavEngland), Today: s.today(), ICBCode: icb.Code, ICBName: icb.Name}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{england}
	if icb.Code != "" {
		p.Layout.Title = "PCNs in " + icb.Name
		p.Layout.Breadcrumbs = append(p.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: "All PCNs", Href: "/pcns"})
	}
	for _, c := range sortedICBs(tree.ICBs) {
		p.ICBs = append(p.ICBs, lists.Option{Value: c.Code, Text: c.Name})
	}
	p.Rows = pcnRows(tree, icb.Code)
	if err := p.PageRows(r.URL.Query()); err != nil {
		return errBadRequest("%s", err)
	}
	return render(w, r, lists.PCNsView(p))
}

// icbFilter reads ?icb=: none for all of England, else one of today's ICBs by code. A
// value that is no code, names no ICB, or an ICB not in force today is a 400 that
// says so.
func icbFilter(r *http.Request, tree *workforce.Tree) (workforce.ICB, error) {
	v := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get(lists.ParamICB)))
	if v == "" {
		return workforce.ICB{}, nil
	}
	if !isCode(v) {
		return workforce.ICB{}, errBadRequest("The ICB must be given by its code: letters and digits, at most %d characters, such as QOC.", workforce.MaxCodeLength)
	}
	if c, ok := tree.ICB(v); ok {
		return c, nil
	}
	if c, ok := tree.AnyICB(v); ok {
		return c, errBadRequest("%s (%s) is not one of today's ICBs: its own page lists its networks.", c.Name, c.Code)
	}
	return workforce.ICB{}, errBadRequest("There is no ICB with the code %s.", v)
}

// isCode reports whether s could be an ODS code: ASCII letters and digits, at most
// workforce.MaxCodeLength of them.
func isCode(s string) bool {
	if s == "" || len(s) > workforce.MaxCodeLength {
		return false
	}
	for _, c := range s {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// pcnRows are the PCNs of the tree (of one ICB when icb is set), by ICB name then
// PCN name.
func pcnRows(tree *workforce.Tree, icb string) []lists.PCNRow {
	rows := make([]lists.PCNRow, 0, len(tree.PCNs))
	for _, pc := range tree.PCNs {
		if icb != "" && pc.ICBCode != icb {
			continue
		}
		c, _ := tree.ICB(pc.ICBCode)
		rows = append(rows, lists.PCNRow{Code: pc.Code, Name: pc.Name, ICBCode: pc.ICBCode, ICBName: c.Name, Patients: pc.RegisteredPatients})
	}
	slices.SortFunc(rows, func(a, b lists.PCNRow) int {
		return cmp.Or(cmp.Compare(a.ICBName, b.ICBName), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Code, b.Code))
	})
	return rows
}

func sortedICBs(cs []workforce.ICB) []workforce.ICB {
	out := slices.Clone(cs)
	slices.SortFunc(out, func(a, b workforce.ICB) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Code, b.Code)) })
	return out
}

// icbList lists today's ICBs with their region and PCNs, then the dissolved ones and
// any not formed yet, each linking to its page.
func (s *Server) icbList(w http.ResponseWriter, r *http.Request) error {
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	today := s.today()
	p := lists.ICBsPage{Layout: s.page(r, "Integrated Care Boards", layout.NavEngland), Today: today}
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{england}
	pcns := map[string]int{}
	for _, pc := range tree.PCNs {
		pcns[pc.ICBCode]++
	}
	for _, c := range sortedICBs(tree.History.ICBs) {
		row := icbRow(tree, c)
		switch {
		case c.InForce(today):
			row.PCNs = pcns[c.Code]
			p.Current = append(p.Current, row)
		case !c.Closed.IsZero() && !today.Before(c.Closed):
			p.Dissolved = append(p.Dissolved, row)
		default:
			p.Future = append(p.Future, row)
		}
	}
	return render(w, r, lists.ICBsView(p))
}

func icbRow(tree *workforce.Tree, c workforce.ICB) lists.ICBRow {
	region, _ := tree.Region(c.RegionCode)
	row := lists.ICBRow{Code: c.Code, Name: c.Name, RegionCode: c.RegionCode, RegionName: region.Name, Opened: c.Opened, Closed: c.Closed}
	for _, n := range tree.Successors(c.Code) {
		row.Successors = append(row.Successors, lists.Link{Text: n.Name, Href: "/icbs/" + n.Code})
	}
	return row
}

// practice is a GP practice's page: its place today, its list, its deprivation and its
// need today.
// A code that cannot be an ODS code is not looked up: 404, as an unknown one.
func (s *Server) practice(w http.ResponseWriter, r *http.Request) error {
	code := strings.ToUpper(chi.URLParam(r, "code"))
	if !isCode(code) {
		return errNotFound
	}
	today := s.today()
	pl, err := s.db.PracticeOn(r.Context(), code, today)
	if err != nil {
		return err
	}
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	p := practice.Page{Layout: s.page(r, pl.Name, layout.NavEngland), Code: pl.Code, Name: pl.Name, Postcode: pl.Postcode, Today: today,
		Placed: pl.Placed, PCNCode: pl.PCNCode, PCNName: pl.PCNName, SubICBCode: pl.SubICBCode, SubICBName: pl.SubICBName,
		ICBCode: pl.ICBCode, ICBName: pl.ICBName, Patients: pl.Patients, PatientsKnown: pl.PatientsKnown, Extract: pl.Extract,
		Deprivation: pl.Deprivation.Score, DeprivationYear: pl.Deprivation.Year, DeprivationSource: pl.Deprivation.Source,
		DeprivationKnown: pl.DeprivationKnown}
	if p.Need, err = s.practiceNeed(r.Context(), code, today); err != nil {
		return err
	}
	p.Layout.Breadcrumbs = practiceBreadcrumbs(tree, pl)
	return render(w, r, practice.View(p))
}

// practiceBreadcrumbs lead from England to the practice's PCN, or, for a practice in
// no PCN, to its own ICB.
func practiceBreadcrumbs(tree *workforce.Tree, pl store.PracticePlace) []ui.BreadcrumbItem {
	if pc, ok := tree.PCN(pl.PCNCode); ok {
		return areas.PCNBreadcrumbs(tree, pc)
	}
	items := []ui.BreadcrumbItem{england}
	if c, ok := tree.ICB(pl.ICBCode); ok {
		if region, ok := tree.Region(c.RegionCode); ok {
			items = append(items, ui.BreadcrumbItem{Text: region.Name, Href: "/regions/" + region.Code})
		}
		items = append(items, ui.BreadcrumbItem{Text: c.Name, Href: "/icbs/" + c.Code})
	}
	return items
}
