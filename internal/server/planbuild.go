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
	counted, draft, err := s.countedLines(r, v, lines)
	if err != nil {
		return err
	}
	year := v.shownYear()
	nums, err := s.planNumbers(ctx, st.pcn, counted, draft, st.window, year)
	if err != nil {
		return err
	}
	caps, err := s.planCaps(ctx)
	if err != nil {
		return err
	}
	u := currentUser(r)
	p := plan.Page{
		Layout: s.page(r, "Recruitment plan", layout.NavNone),
		Code:   st.pcn.Code, Name: st.pcn.Name, Success: v.success,
		ProblemTitle: v.title, Problems: v.problems, Conflict: v.conflict,
		Editing: v.editing, StartsDraft: v.startsDraft,
		Figures: nums.figures,
		Outside: len(st.window.Outside(lines)),
	}
	p.Layout.HasErrors = len(v.problems) > 0
	p.Layout.Wide = true // all four quarters of a year side by side at 1280 px
	p.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: st.pcn.Name, Href: "/pcns/" + st.pcn.Code}}
	p.Warnings = planWarnings(st, lines, caps, nums, cellLink(r, v, year))
	p.Grid = buildGrid(st, v, lines, counted, nums, year, shownRows(st, v, lines))
	p.Grid.Switch = yearLinks(r, v, year)
	p.Grid.OtherHref = otherHref(r, v, year)
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
		Base: st.window.EncodeBase(orLines(v.base, lines)), Year: strconv.Itoa(int(year)),
		Preview: "/pcns/" + st.pcn.Code + "/plan/preview", Unsaved: v.typed != nil}
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

// countedLines is the plan the page's figures count, and the draft they count "with
// your draft": the version shown and the PCN's draft; for the input of a refused save
// kept in the grid, the plan it would save, as the draft (what the preview of the same
// form counts, so that the page and the preview agree).
func (s *Server) countedLines(r *http.Request, v planView, lines []workforce.PlanLine) ([]workforce.PlanLine, *planfigures.Draft, error) {
	if v.typed != nil {
		return v.lines, &planfigures.Draft{Lines: v.lines}, nil
	}
	draft, err := planfigures.DraftOf(r.Context(), s.db, v.st.pcn.Code)
	return lines, draft, err
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
