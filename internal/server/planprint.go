package server

import (
	"io"
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/plansheet"
	"github.com/arrs-planner/arrs/internal/plantemplate"
	"github.com/arrs-planner/arrs/web/plan"
)

// The plan to file: a version in the shape of NHS England's ARRS workforce planning
// template (plantemplate: roles by name × financial years, with totals), as a
// formatted workbook or as a page to print. Either is ?version=ID, else the version
// the plan page shows (the editable plan, else the newest), with the plan page's
// figures for it: the same planfigures.Compute, never worked out again.

// planTemplateDownload is GET /pcns/{code}/plan/template.xlsx.
func (s *Server) planTemplateDownload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.planPrinted(r)
	if err != nil {
		return err
	}
	name := "arrs-plan-" + p.header.Code + "-version-" + strconv.Itoa(p.header.Version) + "-template"
	return attachment(w, formatXLSX, name, func(w io.Writer) error { return plantemplate.Write(w, p.header, p.table) })
}

// planPrint is GET /pcns/{code}/plan/print: the same table on an A4 page of its own,
// with no navigation, with the version's status and who moved it when.
func (s *Server) planPrint(w http.ResponseWriter, r *http.Request) error {
	p, err := s.planPrinted(r)
	if err != nil {
		return err
	}
	back := "/pcns/" + p.header.Code + "/plan?version=" + strconv.FormatInt(p.version.ID, 10)
	return render(w, r, plan.Print(plan.PrintPage{Header: p.header, Table: p.table, Version: p.version, Back: back}))
}

// printed is a version laid out as the template.
type printed struct {
	header  plansheet.Header
	table   plansheet.Table
	version plan.Version
}

// planPrinted reads the version asked for, its lines and the plan page's figures for
// them, and lays them out.
func (s *Server) planPrinted(r *http.Request) (printed, error) {
	st, err := s.loadPlanState(r)
	if err != nil {
		return printed{}, err
	}
	p, ok, err := st.requested(r)
	if err != nil {
		return printed{}, err
	}
	if !ok {
		return printed{}, errNotFound
	}
	ctx := r.Context()
	lines, err := s.db.PlanLines(ctx, p.ID)
	if err != nil {
		return printed{}, err
	}
	figs, err := planfigures.Compute(ctx, s.db, s.gapReport, planfigures.Input{PCN: st.pcn, Lines: lines, Window: st.window, Today: s.today()})
	if err != nil {
		return printed{}, err
	}
	out := printed{version: versionInfo(st, p),
		table: plantemplate.Build(plantemplate.Input{Roles: st.roles, Window: st.window, Lines: lines, Figures: figs})}
	out.header, err = s.printHeader(r, st, out.version)
	return out, err
}

// printHeader is the title block of a version: the network, its ICB, the version's
// number, status and stamps, and now.
func (s *Server) printHeader(r *http.Request, st planState, v plan.Version) (plansheet.Header, error) {
	tree, err := s.tree(r)
	if err != nil {
		return plansheet.Header{}, err
	}
	icb, _ := tree.ICB(st.pcn.ICBCode)
	h := plansheet.Header{Network: st.pcn.Name, Code: st.pcn.Code, ICB: icb.Name, ICBCode: st.pcn.ICBCode,
		Version: v.Number, Status: v.Status.Label, Generated: s.now()}
	for _, stamp := range append([]plan.Stamp{v.Created}, v.Steps...) {
		h.Stamps = append(h.Stamps, plansheet.Stamp{What: stamp.What, By: stamp.By, At: stamp.At})
	}
	return h, nil
}
