package server

import (
	"strconv"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/dashboard"
)

// planStatusOf is where a PCN's plan stands, for the dashboard and the ICB
// comparison: its newest version (superseded versions aside: they left the workflow),
// who acts on it next, and the current plan (the version the figures use) when it is
// another version. versions are the PCN's, newest first.
func planStatusOf(code string, versions []store.PlanVersion) dashboard.PlanStatus {
	out := dashboard.PlanStatus{None: true, Href: "/pcns/" + code + "/plan"}
	var newest *store.PlanVersion
	for i := range versions {
		if versions[i].Status != store.PlanSuperseded {
			newest = &versions[i]
			break
		}
	}
	if newest == nil {
		return out
	}
	view := planStatusView(newest.Status)
	out = dashboard.PlanStatus{Version: "Version " + strconv.Itoa(newest.Number), Since: newest.UpdatedAt,
		Status: dashboard.Status{Code: view.Code, Label: view.Label, Colour: view.Colour}, WaitsFor: waitsFor(newest.Status),
		Href: "/pcns/" + code + "/plan?version=" + strconv.FormatInt(newest.ID, 10)}
	for _, v := range versions {
		if v.Current && v.ID != newest.ID {
			out.Current = "version " + strconv.Itoa(v.Number) + " (" + planStatusView(v.Status).Label + "), the current plan"
		}
	}
	return out
}

// waitsFor says who acts next on a version in a status, and what they do (the
// workflow of docs/planning-choices.md); "" when nobody does.
func waitsFor(s store.PlanStatus) string {
	switch s {
	case store.PlanDraft:
		return "The PCN's managers, to finish and submit it"
	case store.PlanReturned:
		return "The PCN's managers, to change it as the ICB asked and submit it again"
	case store.PlanSubmitted:
		return "The clinical director, to sign it off"
	case store.PlanSignedOff:
		return "The ICB's leads, to accept or return it"
	}
	return ""
}

// planStage orders a PCN's plan along the workflow, for sorting: no plan first, then
// draft, returned, submitted, signed off, accepted.
func planStage(p dashboard.PlanStatus) int {
	if p.None {
		return 0
	}
	stages := map[store.PlanStatus]int{store.PlanDraft: 1, store.PlanReturned: 2, store.PlanSubmitted: 3,
		store.PlanSignedOff: 4, store.PlanAccepted: 5}
	return stages[store.PlanStatus(p.Status.Code)]
}
