package server

import (
	"net/http"
	"strconv"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/planfigures"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/plan"
	"github.com/arrs-planner/arrs/web/ui"
)

// renderPlan renders the plan page with its figures, worked out for the version shown.
func (s *Server) renderPlan(w http.ResponseWriter, r *http.Request, status int, v planView) error {
	ctx := r.Context()
	st := v.st
	var lines []workforce.PlanLine
	if v.shown != nil {
		var err error
		if lines, err = s.db.PlanLines(ctx, v.shown.ID); err != nil {
			return err
		}
	}
	draft, err := planfigures.DraftOf(ctx, s.db, st.pcn.Code)
	if err != nil {
		return err
	}
	nums, err := s.planNumbers(ctx, st.pcn, lines, draft, st.window)
	if err != nil {
		return err
	}
	caps, err := s.db.Caps(ctx)
	if err != nil {
		return err
	}
	u := currentUser(r)
	p := plan.Page{
		Layout: s.page(r, "Recruitment plan", layout.NavNone),
		Code:   st.pcn.Code, Name: st.pcn.Name, Success: v.success,
		ProblemTitle: v.title, Problems: v.problems, Conflict: v.conflict,
		Editing: v.editing, StartsDraft: v.startsDraft,
		Figures:  nums.figures,
		Warnings: planWarnings(st, lines, caps, nums),
		Outside:  len(st.window.Outside(lines)),
	}
	p.Layout.HasErrors = len(v.problems) > 0
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: st.pcn.Name, Href: "/pcns/" + st.pcn.Code}}
	p.Grid = buildGrid(st, v, lines, nums)
	if v.shown != nil {
		p.Version = versionInfo(st, *v.shown)
		p.Figures.Current = v.shown.ID == st.current
		// The draft's figures, recomputed on every save, are "with your draft"; the
		// official ones stand beside them.
		p.Figures.Draft = v.shown.Status.Editable() && !nums.figures.NoCensus && !nums.figures.NoTarget
		for i := range p.Grid.Years {
			p.Grid.Years[i].Draft = p.Figures.Draft
		}
	}
	if cur, ok := st.Find(st.current); !p.Figures.Current && ok {
		p.Figures.CurrentText = "version " + strconv.Itoa(st.Number(cur.ID)) + " (" + cur.Status.Label() + ")"
	}
	p.Others = otherVersions(st, v.shown)
	p.Form = plan.FormState{Action: "/pcns/" + st.pcn.Code + "/plan", PlanID: v.formPlan, Version: v.formVersion,
		Base: st.window.EncodeBase(orLines(v.base, lines))}
	p.Actions = planActions(u, st, v)
	p.Files = planFiles(u, st, v)
	_, hasEditable := st.Editable()
	if !v.editing && v.shown != nil && canEditPlan(u, st.pcn.Code) && !hasEditable {
		if newest, _ := st.Newest(); newest.ID == v.shown.ID {
			p.EditHref = "/pcns/" + st.pcn.Code + "/plan?edit=1"
		}
	}
	return renderStatus(w, r, status, plan.View(p))
}

// orLines is a when set, else b.
func orLines(a, b []workforce.PlanLine) []workforce.PlanLine {
	if a != nil {
		return a
	}
	return b
}

// planFiles are the downloads of the version shown and, for its managers, the upload.
func planFiles(u *auth.User, st planState, v planView) plan.Files {
	f := plan.Files{History: "/pcns/" + st.pcn.Code + "/plan/history", UploadError: v.uploadError, Upload: canEditPlan(u, st.pcn.Code)}
	if base, ok := st.Base(); ok {
		f.UploadPlan, f.UploadVersion = base.ID, base.Version
	}
	if v.shown != nil {
		q := "?version=" + strconv.FormatInt(v.shown.ID, 10)
		f.CSV, f.XLSX = "/pcns/"+st.pcn.Code+"/plan.csv"+q, "/pcns/"+st.pcn.Code+"/plan.xlsx"+q
	}
	return f
}

// planTooLong is the problem of a plan of more lines than importer.MaxPlanLines, as
// plan files are refused; nil when it is within.
func planTooLong(lines []workforce.PlanLine, roles []workforce.Role) workforce.Problems {
	if msg := workforce.PlanTooLong(lines, importer.MaxPlanLines(len(roles))); msg != "" {
		return workforce.Problems{{Field: "version", Message: msg}}
	}
	return nil
}

// buildGrid lays the cells out by financial year, role and quarter, with each
// quarter's figures and each year's money.
func buildGrid(st planState, v planView, lines []workforce.PlanLine, n planNumbers) plan.Grid {
	// Quarters that have ended always show the version's lines, read-only: a refused
	// save's input holds only the open quarters.
	past, _ := st.window.Split(st.today)
	cells := v.typed
	if cells == nil {
		cells = st.window.Cells(lines)
	}
	for k, c := range st.window.Cells(lines) {
		if !v.editing || past.Holds(k.Quarter.Start()) {
			c.Cost = readableCost(c.Cost)
			cells[k] = c
		}
	}
	var g plan.Grid
	for i := 0; i < len(st.window); i += 4 {
		fy := st.window[i].Year
		y := plan.Year{Label: fy.String(), ID: strconv.Itoa(int(fy)), Funding: n.funding[fy]}
		for _, q := range st.window[i : i+4] {
			h := quarterHead(q, cells, n)
			h.Ended = past.Holds(q.Start())
			y.Quarters = append(y.Quarters, h)
		}
		for _, r := range st.roles {
			row := plan.Row{Role: r.Code, Name: r.Name}
			for _, q := range st.window[i : i+4] {
				c := gridCellView(workforce.PlanCell{Role: r.Code, Quarter: q}, r, cells, v)
				c.Ended = past.Holds(q.Start())
				row.Cells = append(row.Cells, c)
			}
			y.Rows = append(y.Rows, row)
		}
		g.Years = append(g.Years, y)
	}
	return g
}

func quarterHead(q workforce.Quarter, cells workforce.GridInput, n planNumbers) plan.Quarter {
	h := plan.Quarter{Key: strconv.Itoa(int(q.Year)) + "-" + strconv.Itoa(q.N), Label: "Q" + strconv.Itoa(q.N), Name: q.String(),
		Start: q.Start(), End: q.LastDay(), Net: cells.Net(q)}
	if f, ok := n.quarters[q]; ok {
		h.Projected, h.Gap, h.HasFigures, h.HasGap = f.projected, f.gap, true, f.hasGap
	}
	if f, ok := n.official[q]; ok {
		h.OfficialProjected, h.OfficialGap = f.projected, f.gap
	}
	return h
}

func gridCellView(k workforce.PlanCell, role workforce.Role, cells workforce.GridInput, v planView) plan.Cell {
	c := cells[k]
	where := role.Name + ", " + k.Quarter.String() + ", "
	field := func(kind, label, value string) plan.Field {
		name := k.Field(kind)
		return plan.Field{Name: name, Label: where + label, Value: value, Error: v.errors[name]}
	}
	return plan.Cell{Available: workforce.RoleAvailable(role, k.Quarter.Start()),
		Starters: field(workforce.CellStarters, "starters (FTE)", c.Starters),
		Leavers:  field(workforce.CellLeavers, "leavers (FTE)", c.Leavers),
		Cost:     field(workforce.CellCost, "annual cost of one WTE (£)", c.Cost),
		Theirs:   v.theirs[k]}
}

// readableCost turns the grid's plain pounds into "£45,000" for a read-only cell.
func readableCost(plain string) string {
	p, ok := workforce.ParsePounds(plain)
	if !ok {
		return plain
	}
	return p.Short()
}
