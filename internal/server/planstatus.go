package server

import (
	"slices"
	"strconv"
	"time"

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

// versionInfo describes a version: who started it, every move of its workflow with
// who took it, when and their comment (the timeline, and the same moves as short
// steps for the history's versions table and the print), and the comment of the
// return or acceptance it is in with who made it.
func versionInfo(st planState, p workforce.Plan) plan.Version {
	v := plan.Version{ID: p.ID, Number: st.Number(p.ID), Status: plan.StatusOf(p.Status),
		Created: plan.Stamp{What: "Started", By: p.CreatedBy, At: p.CreatedAt}, Current: p.ID == st.current, Editable: p.Status.Editable()}
	moves := st.movesOf(p)
	for _, e := range moves {
		v.Timeline = append(v.Timeline, historyEvent(st, e))
		v.Steps = addStep(v.Steps, e)
	}
	if p.Status == workforce.PlanReturned || p.Status == workforce.PlanAccepted {
		v.Comment, v.CommentFrom = p.Comment, commentFrom(moves)
	}
	return v
}

// movesOf are the moves of the version's workflow, oldest first: its events but its
// edits, or, for a version moved before events were kept, its stamps.
func (st planState) movesOf(p workforce.Plan) []workforce.PlanEvent {
	var out []workforce.PlanEvent
	for _, e := range st.events {
		if e.PlanID == p.ID && (e.Action.Verb() != "" || e.Action == workforce.ActionSupersede) {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		return out
	}
	return stampedMoves(p)
}

// stampedMoves are the moves a version's stamps record (the latest of each), in the
// order they were taken.
func stampedMoves(p workforce.Plan) []workforce.PlanEvent {
	var out []workforce.PlanEvent
	add := func(a workforce.PlanAction, by string, at *time.Time) {
		if at != nil {
			out = append(out, workforce.PlanEvent{PlanID: p.ID, Action: a, Actor: by, At: *at})
		}
	}
	add(workforce.ActionSubmit, p.SubmittedBy, p.SubmittedAt)
	add(workforce.ActionSignOff, p.SignedOffBy, p.SignedOffAt)
	review := workforce.ActionReturn
	if p.Status == workforce.PlanAccepted {
		review = workforce.ActionAccept
	}
	add(review, p.ReviewedBy, p.ReviewedAt)
	if n := len(out); n > 0 && (p.Status == workforce.PlanReturned || p.Status == workforce.PlanAccepted) {
		out[n-1].Comment = p.Comment
	}
	slices.SortStableFunc(out, func(a, b workforce.PlanEvent) int { return a.At.Compare(b.At) })
	return out
}

// historyEvent is a step as the plan pages show it: "Returned by the clinical director
// (jo@nhs.net) on 3 May 2026 at 14:05: ‘Add the dietitian’". A move's comment is its
// taker's words, quoted; another step's says what it did.
func historyEvent(st planState, e workforce.PlanEvent) plan.Event {
	return plan.Event{Version: st.Number(e.PlanID), What: e.Action.History(), By: e.Actor, At: plan.When(e.At),
		Comment: st.EventComment(e), Quoted: e.Action.Verb() != ""}
}

// addStep adds a move to the version's steps: each submission, sign-off, return and
// acceptance in turn (a version returned and submitted again keeps both submissions);
// a step taking it out of review is the timeline's only.
func addStep(steps []plan.Stamp, e workforce.PlanEvent) []plan.Stamp {
	what := map[workforce.PlanAction]string{workforce.ActionSubmit: "Submitted", workforce.ActionSignOff: "Signed off",
		workforce.ActionAccept: "Accepted", workforce.ActionReturn: "Returned", workforce.ActionSendBack: "Returned"}[e.Action]
	if what == "" {
		return steps
	}
	return append(steps, plan.Stamp{What: what, By: e.Actor, At: e.At})
}

// commentFrom says who made the comment of the version's latest return or
// acceptance: "the clinical director (jo@nhs.net) on 3 May 2026 at 14:05", or the
// ICB.
func commentFrom(moves []workforce.PlanEvent) string {
	for i := len(moves) - 1; i >= 0; i-- {
		e := moves[i]
		who := "the ICB"
		switch e.Action {
		case workforce.ActionSendBack:
			who = "the clinical director"
		case workforce.ActionReturn, workforce.ActionAccept:
		default:
			continue
		}
		if e.Actor != "" {
			who += " (" + e.Actor + ")"
		}
		return who + " on " + plan.When(e.At)
	}
	return "the ICB"
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
