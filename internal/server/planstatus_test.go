package server

import (
	"testing"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestPlanStatusOf(t *testing.T) {
	t.Parallel()
	v := func(id int64, n int, s workforce.PlanStatus, current bool) store.PlanVersion {
		return store.PlanVersion{NumberedPlan: store.NumberedPlan{Plan: workforce.Plan{ID: id, PCNCode: "U60057", Status: s}, Number: n}, Current: current}
	}
	cases := []struct {
		name     string
		versions []store.PlanVersion // newest first
		label    string
		version  string
		waits    string
		current  string
		stage    int
	}{
		{"none", nil, "", "", "", "", 0},
		{"draft", []store.PlanVersion{v(7, 1, workforce.PlanDraft, true)}, "Draft", "Version 1", "The PCN's managers, to finish and submit it", "", 1},
		{"returned", []store.PlanVersion{v(7, 1, workforce.PlanReturned, true)}, "Returned", "Version 1", "The PCN's managers, to change it as the ICB asked and submit it again", "", 2},
		{"submitted", []store.PlanVersion{v(7, 1, workforce.PlanSubmitted, true)}, "Submitted", "Version 1", "The clinical director, to sign it off", "", 3},
		{"signed off", []store.PlanVersion{v(7, 1, workforce.PlanSignedOff, true)}, "Signed off", "Version 1", "The ICB's leads, to accept or return it", "", 4},
		// A newer draft over an accepted version: the figures use the accepted one.
		{"draft over accepted", []store.PlanVersion{v(9, 2, workforce.PlanDraft, false), v(7, 1, workforce.PlanAccepted, true)},
			"Draft", "Version 2", "The PCN's managers, to finish and submit it", "version 1 (Accepted), the current plan", 1},
		// A superseded version has left the workflow: the next newest counts.
		{"superseded", []store.PlanVersion{v(9, 3, workforce.PlanSuperseded, false), v(8, 2, workforce.PlanAccepted, true)},
			"Accepted", "Version 2", "", "", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := planStatusOf("U60057", c.versions)
			if p.None != (c.label == "") || p.Status.Label != c.label || p.Version != c.version || p.WaitsFor != c.waits || p.Current != c.current || planStage(p) != c.stage {
				t.Errorf("got %+v (stage %d)", p, planStage(p))
			}
		})
	}
}
