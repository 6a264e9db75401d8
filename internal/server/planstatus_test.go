package server

import (
	"strings"
	"testing"
	"time"

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
		{"returned", []store.PlanVersion{v(7, 1, workforce.PlanReturned, true)}, "Returned", "Version 1", "The PCN's managers, to change it as asked and submit it again", "", 2},
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

// A version's timeline and the comment's author come from its events; a version moved
// before events were kept shows what its stamps record.
func TestVersionInfoTimeline(t *testing.T) {
	t.Parallel()
	at := func(day int) time.Time { return time.Date(2026, 5, day, 13, 5, 0, 0, time.UTC) }
	ptr := func(t time.Time) *time.Time { return &t }
	ev := func(a workforce.PlanAction, by string, day int, comment string) workforce.PlanEvent {
		return workforce.PlanEvent{PlanID: 7, Action: a, Actor: by, At: at(day), Comment: comment}
	}
	// Returned by the ICB in an earlier round: the review stamp is the ICB's.
	returned := workforce.Plan{ID: 7, Status: workforce.PlanReturned, Comment: "Add the dietitian", ReviewedBy: "l@x", ReviewedAt: ptr(at(3))}
	st := planState{PlanVersions: workforce.PlanVersions{returned}, events: []workforce.PlanEvent{
		ev(workforce.ActionCreate, "m@x", 1, ""), ev(workforce.ActionSubmit, "m@x", 1, ""), ev(workforce.ActionSignOff, "d@x", 2, ""),
		ev(workforce.ActionReturn, "l@x", 3, "Fewer"), ev(workforce.ActionSave, "m@x", 4, ""), ev(workforce.ActionSubmit, "m@x", 4, ""),
		ev(workforce.ActionSendBack, "d@x", 5, "Add the dietitian"),
	}}
	v := versionInfo(st, returned)
	if len(v.Timeline) != 5 || v.Timeline[4].Text() != "Returned by the clinical director (d@x) on 5 May 2026 at 14:05: ‘Add the dietitian’" {
		t.Errorf("timeline %+v", v.Timeline)
	}
	if v.CommentFrom != "the clinical director (d@x) on 5 May 2026 at 14:05" || v.Comment != "Add the dietitian" {
		t.Errorf("comment from %q: %q", v.CommentFrom, v.Comment)
	}
	var steps []string
	for _, s := range v.Steps {
		steps = append(steps, s.Text())
	}
	if got := strings.Join(steps, "; "); got != "Submitted by m@x on 1 May 2026 at 14:05; Signed off by d@x on 2 May 2026 at 14:05; Returned by l@x on 3 May 2026 at 14:05; "+
		"Submitted by m@x on 4 May 2026 at 14:05; Returned by d@x on 5 May 2026 at 14:05" {
		t.Errorf("steps: %s", got)
	}

	// No events: the stamps.
	accepted := workforce.Plan{ID: 8, Status: workforce.PlanAccepted, Comment: "Good", SubmittedBy: "m@x", SubmittedAt: ptr(at(1)),
		SignedOffBy: "d@x", SignedOffAt: ptr(at(2)), ReviewedBy: "l@x", ReviewedAt: ptr(at(3))}
	v = versionInfo(planState{PlanVersions: workforce.PlanVersions{accepted}}, accepted)
	if len(v.Timeline) != 3 || v.Timeline[2].Text() != "Accepted by the ICB (l@x) on 3 May 2026 at 14:05: ‘Good’" || v.CommentFrom != "the ICB (l@x) on 3 May 2026 at 14:05" {
		t.Errorf("from the stamps: %+v, %q", v.Timeline, v.CommentFrom)
	}
}
