package server

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	needweb "github.com/arrs-planner/arrs/web/need"
	"github.com/arrs-planner/arrs/web/pcn"
	"github.com/arrs-planner/arrs/web/ui"
)

// pcn is the overview, open to every signed-in user: FTE by role, no staff records,
// and the member practices with their patients, all of one day (pcnPage).
func (s *Server) pcn(w http.ResponseWriter, r *http.Request) error {
	today, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	p, err := s.pcnPage(r, today)
	if err != nil {
		return err
	}
	if p.Absent != "" {
		return render(w, r, pcn.View(p))
	}
	// Access follows today's structure, as the routes' rules do (authz.go).
	p.CanSeeStaff = currentUser(r).CanSeePCN(p.Code, today.ICBCode)
	if p.Home, err = s.pcnHome(r, today); err != nil {
		return err
	}
	if p.Gap, err = s.pcnGapPanel(r, p.Code); err != nil {
		return err
	}
	if p.MemberPractices, err = s.memberPractices(r, p.Code, p.At); err != nil {
		return err
	}
	if p.Deciles, err = s.pcnDeciles(r, p.Code); err != nil {
		return err
	}
	return render(w, r, pcn.View(p))
}

// pcnDecilesDownload is /pcns/{code}/deciles.csv: every role's line against England's
// deciles at every census, the whole series the page's tables cut to the latest.
func (s *Server) pcnDecilesDownload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	d, err := s.pcnDeciles(r, p.Code)
	if err != nil {
		return err
	}
	return attachment(w, formatCSV, strings.TrimSuffix(d.DownloadName(), ".csv"), d.WriteCSV)
}

// censusNeeds is need on each census day (needreport.CensusNeeds), national data kept
// until it changes: a save in a PCN recomputes the deciles from the kept need.
func (s *Server) censusNeeds(ctx context.Context, censuses []time.Time) ([]*need.Result, error) {
	key := "census-needs"
	for _, c := range censuses {
		key += "|" + c.Format(workforce.DateLayout)
	}
	return cached(ctx, s, key, func(ctx context.Context) ([]*need.Result, error) {
		return needreport.CensusNeeds(ctx, s.db, censuses)
	})
}

// pcnDeciles is the network's lines against England's deciles of every role at every
// census, which are worked out once per data version for all PCNs. ?role= picks one
// role to chart: one of the roles charted, or a 400 naming them.
func (s *Server) pcnDeciles(r *http.Request, code string) (*pcn.Deciles, error) {
	series, err := cachedFor(r.Context(), s, "deciles", depEngland, func(ctx context.Context) (*needreport.DecileSeries, error) {
		reads, err := s.englandReads(ctx)
		if err != nil {
			return nil, err
		}
		staff, err := reads.CensusRoles(ctx)
		if err != nil {
			return nil, err
		}
		return needreport.DecilesWith(ctx, s.db, staff, s.censusNeeds)
	})
	if err != nil {
		return nil, err
	}
	if !series.Charted() {
		return &pcn.Deciles{Code: code, Censuses: series.Censuses}, nil
	}
	q := r.URL.Query()
	d := &pcn.Deciles{Code: code, Censuses: series.Censuses, Role: q.Get("role"), At: q.Get("at")}
	if d.Role != "" && !series.HasRole(d.Role) {
		return nil, errBadRequest("The role %.40q is not one of the roles charted: %s.", d.Role, strings.Join(series.RoleCodes(), ", "))
	}
	of := series.Of(code)
	d.Counted, d.Sources = of.Counted, needweb.NewSources(need.Need, of.Weights)
	for _, l := range of.Lines {
		d.Lines = append(d.Lines, pcn.DecileLine{Role: l.Role, England: l.England, Counted: l.Counted, FTE: l.FTE, Rate: l.Rate})
	}
	return d, nil
}

// pcnStaff lists the staff records; the route's rule (pcnMember) has checked access.
func (s *Server) pcnStaff(w http.ResponseWriter, r *http.Request) error {
	today, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	p, err := s.pcnPage(r, today)
	if err != nil {
		return err
	}
	if p.Absent != "" {
		return render(w, r, pcn.View(p))
	}
	p.ShowStaff = true
	p.Layout.Title = "Staff records of " + p.Name
	p.Layout.Breadcrumbs = append(p.Layout.Breadcrumbs, ui.BreadcrumbItem{Text: p.Name, Href: "/pcns/" + p.Code})
	if err := s.staffListExtras(r, &p); err != nil {
		return err
	}
	return render(w, r, pcn.View(p))
}

// pcnPage is the PCN of the URL (today: its place in today's structure) on one day:
// ?at=, else the latest census, else today before any import (areaDayOf). Its staff,
// its list, its ICB and breadcrumbs, and its member practices are all of that day, in
// that day's structure, so that the list is the practices' total; on a day it had no
// place (before it was formed) the page says so.
func (s *Server) pcnPage(r *http.Request, today workforce.PCN) (pcn.Page, error) {
	d, err := s.areaDayOf(r)
	if err != nil {
		return pcn.Page{}, err
	}
	// A PCN is in one ICB on a day: the page is of the structure of its day, whatever
	// ?footprints= says (today's footprints regroup ICBs, not a PCN).
	d.fp = gaps.AsItWas
	snap, err := s.snapshot(r.Context(), d)
	if err != nil {
		return pcn.Page{}, err
	}
	a, ok := snap.Areas.Find(workforce.LevelPCN, today.Code)
	if !ok {
		return pcn.NewAbsentPage(s.page(r, today.Name, layout.NavEngland), today.Code, today.Name, snap.At), nil
	}
	staff, err := s.db.StaffRecordsInPost(r.Context(), a.Code, snap.At)
	if err != nil {
		return pcn.Page{}, err
	}
	tree, err := s.treeOn(r.Context(), snap.At)
	if err != nil {
		return pcn.Page{}, err
	}
	info, _ := tree.PCN(a.Code)
	icb, _ := tree.AnyICB(info.ICBCode)
	return pcn.NewPage(s.page(r, a.Name, layout.NavEngland), snap, a, info, icb, staff, staffRow), nil
}

// memberPractices reads the PCN's practices on day d for the overview.
func (s *Server) memberPractices(r *http.Request, code string, d time.Time) (pcn.Practices, error) {
	rows, err := s.db.PracticesOfPCN(r.Context(), code, d)
	if err != nil {
		return pcn.Practices{}, err
	}
	out := pcn.Practices{Day: d}
	for _, m := range rows {
		out.Extract = m.Extract
		out.Rows = append(out.Rows, practiceRow(m))
	}
	return out, nil
}

func practiceRow(m store.MemberPractice) pcn.Practice {
	p := pcn.Practice{Code: m.Code, Name: m.Name, Postcode: m.Postcode, Patients: m.Patients, PatientsKnown: m.PatientsKnown}
	if m.OtherICB() {
		p.OtherICB = m.ICBName
	}
	return p
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
