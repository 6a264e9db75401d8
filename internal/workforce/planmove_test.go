package workforce

import (
	"errors"
	"testing"
)

// TestPlanMoves: each move of the workflow from each status, where it leaves the plan
// or why it is refused.
func TestPlanMoves(t *testing.T) {
	t.Parallel()
	if !CanMove(PlanReturned, ActionSubmit) || CanMove(PlanAccepted, ActionReturn) {
		t.Error("CanMove")
	}
	cases := []struct {
		from   PlanStatus
		action PlanAction
		to     PlanStatus // "" when refused
	}{
		{PlanDraft, ActionSubmit, PlanSubmitted},
		{PlanReturned, ActionSubmit, PlanSubmitted},
		{PlanSubmitted, ActionSubmit, ""},
		{PlanSubmitted, ActionSignOff, PlanSignedOff},
		{PlanDraft, ActionSignOff, ""},
		{PlanSignedOff, ActionAccept, PlanAccepted},
		{PlanSignedOff, ActionReturn, PlanReturned},
		{PlanSubmitted, ActionAccept, ""},
		{PlanAccepted, ActionReturn, ""},
		{PlanSuperseded, ActionSubmit, ""},
		{PlanDraft, ActionSave, ""}, // an edit, not a move of the workflow
		// The clinical director's return: a submitted plan only.
		{PlanSubmitted, ActionSendBack, PlanReturned},
		{PlanSignedOff, ActionSendBack, ""},
		{PlanDraft, ActionSendBack, ""},
	}
	for _, c := range cases {
		to, err := c.from.Next(c.action)
		var se *StatusError
		switch {
		case c.to != "" && (err != nil || to != c.to):
			t.Errorf("%s from %s: %s, %v; want %s", c.action, c.from, to, err, c.to)
		case c.to == "" && (!errors.As(err, &se) || se.Status != c.from || se.Action != c.action):
			t.Errorf("%s from %s: %s, %v; want a refusal", c.action, c.from, to, err)
		}
	}
}

func TestPlanMoveWords(t *testing.T) {
	t.Parallel()
	e := &StatusError{Action: ActionSignOff, Status: PlanSignedOff}
	if got, want := e.Explain(3), "Version 3 cannot be signed off: it is signed off. Only a submitted plan can be signed off."; got != want {
		t.Errorf("Explain: %q, want %q", got, want)
	}
	if ActionReturn.Verb() != "return" || ActionSignOff.Past() != "signed off" || ActionSupersede.History() != "Taken out of review" {
		t.Error("words of the moves")
	}
	long := make([]rune, MaxCommentLength+1)
	for i := range long {
		long[i] = 'é'
	}
	for _, c := range []struct {
		action  PlanAction
		comment string
		problem bool
	}{
		{ActionReturn, "", true}, {ActionAccept, "", false}, {ActionReturn, "Fewer paramedics", false},
		{ActionAccept, string(long), true}, {ActionAccept, string(long[1:]), false},
		{ActionSendBack, "", true}, {ActionSendBack, "Add the dietitian", false}, {ActionSignOff, "", false},
	} {
		if got := c.action.CommentProblem(c.comment); (got != "") != c.problem {
			t.Errorf("%s with a comment of %d characters: %q", c.action, len([]rune(c.comment)), got)
		}
	}
}

func TestPlanStatusWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s            PlanStatus
		label        string
		stage        int
		waits, steps bool
	}{
		{PlanDraft, "Draft", 1, true, true},
		{PlanReturned, "Returned", 2, true, true},
		{PlanSubmitted, "Submitted", 3, true, false},
		{PlanSignedOff, "Signed off", 4, true, false},
		{PlanAccepted, "Accepted", 5, false, false},
		{PlanSuperseded, "Superseded", 0, false, false},
	} {
		if c.s.Label() != c.label || c.s.Stage() != c.stage || (c.s.WaitsFor() != "") != c.waits || c.s.Editable() != c.steps {
			t.Errorf("%s: %q, stage %d, waits for %q", c.s, c.s.Label(), c.s.Stage(), c.s.WaitsFor())
		}
	}
}
