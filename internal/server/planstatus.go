package server

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/dashboard"
	"github.com/arrs-planner/arrs/web/plan"
)

// planStatusOf is where a PCN's plan stands, for the dashboard and the ICB
// comparison: its newest version (superseded versions aside: they left the workflow),
// who acts on it next, and the current plan (the version the figures use) when it is
// another version. versions are the PCN's, newest first.
func planStatusOf(code string, versions store.PlanVersions) dashboard.PlanStatus {
	newest, ok := versions.InWorkflow()
	if !ok {
		return dashboard.PlanStatus{None: true, Href: "/pcns/" + code + "/plan"}
	}
	out := dashboard.PlanStatus{Version: "Version " + strconv.Itoa(newest.Number), Since: newest.UpdatedAt,
		Status: plan.StatusOf(newest.Status), WaitsFor: newest.Status.WaitsFor(),
		Href: "/pcns/" + code + "/plan?version=" + strconv.FormatInt(newest.ID, 10)}
	for _, v := range versions {
		if v.Current && v.ID != newest.ID {
			out.Current = "version " + strconv.Itoa(v.Number) + " (" + v.Status.Label() + "), the current plan"
		}
	}
	return out
}

// planStage orders a PCN's plan along the workflow, for sorting: no plan first, then
// draft, returned, submitted, signed off, accepted.
func planStage(p dashboard.PlanStatus) int {
	if p.None {
		return 0
	}
	return workforce.PlanStatus(p.Status.Code).Stage()
}

// versionInfo describes a version: who started it, the latest of each move, the
// reviewer's comment.
func versionInfo(st planState, p workforce.Plan) plan.Version {
	v := plan.Version{ID: p.ID, Number: st.Number(p.ID), Status: plan.StatusOf(p.Status),
		Created: plan.Stamp{What: "Started", By: p.CreatedBy, At: p.CreatedAt}, Current: p.ID == st.current, Editable: p.Status.Editable()}
	if p.SubmittedAt != nil {
		v.Steps = append(v.Steps, plan.Stamp{What: "Submitted", By: p.SubmittedBy, At: *p.SubmittedAt})
	}
	if p.SignedOffAt != nil {
		v.Steps = append(v.Steps, plan.Stamp{What: "Signed off", By: p.SignedOffBy, At: *p.SignedOffAt})
	}
	if p.ReviewedAt != nil {
		what := "Reviewed"
		if p.Status == workforce.PlanAccepted || p.Status == workforce.PlanReturned {
			what = p.Status.Label()
		}
		v.Steps = append(v.Steps, plan.Stamp{What: what, By: p.ReviewedBy, At: *p.ReviewedAt})
	}
	if p.Status == workforce.PlanReturned || p.Status == workforce.PlanAccepted {
		v.Comment = p.Comment
	}
	return v
}

// otherVersions link the versions besides the one shown that someone may look for:
// the draft being edited, versions waiting in review, the current plan.
func otherVersions(st planState, shown *workforce.Plan) []plan.VersionLink {
	var out []plan.VersionLink
	for _, p := range st.PlanVersions {
		if shown != nil && p.ID == shown.ID {
			continue
		}
		n := "Version " + strconv.Itoa(st.Number(p.ID))
		href := "/pcns/" + st.pcn.Code + "/plan?version=" + strconv.FormatInt(p.ID, 10)
		switch {
		case p.Status.Editable():
			out = append(out, plan.VersionLink{Text: n + " is being edited (" + p.Status.Label() + ")", Href: "/pcns/" + st.pcn.Code + "/plan"})
		case p.Status == workforce.PlanSubmitted:
			out = append(out, plan.VersionLink{Text: n + " is waiting for the clinical director's sign-off", Href: href})
		case p.Status == workforce.PlanSignedOff:
			out = append(out, plan.VersionLink{Text: n + " is waiting for the ICB's review", Href: href})
		case p.ID == st.current:
			out = append(out, plan.VersionLink{Text: n + " (" + p.Status.Label() + ") is the current plan", Href: href})
		}
	}
	return out
}
