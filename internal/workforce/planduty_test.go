package workforce

import (
	"testing"
	"time"
)

// TestPlanDutyRule: the duty rule from a version's stamps and the moves its events
// say the person took (the store's TestPlanDuties runs it through MovePlan).
func TestPlanDutyRule(t *testing.T) {
	t.Parallel()
	signedOff := Plan{Status: PlanSignedOff, SubmittedBy: "m@test.nhs.uk", SignedOffBy: "d@test.nhs.uk"}
	// Returned and submitted again: the sign-off stamp names the previous round.
	resubmitted := Plan{Status: PlanSubmitted, SubmittedBy: "m@test.nhs.uk", SignedOffBy: "d@test.nhs.uk"}
	cases := []struct {
		name    string
		p       Plan
		action  PlanAction
		who     string
		took    []PlanAction
		earlier PlanAction // "" when allowed
	}{
		{"submitter signs off", resubmitted, ActionSignOff, "m@test.nhs.uk", nil, ActionSubmit},
		{"last round's director signs off", resubmitted, ActionSignOff, "d@test.nhs.uk", nil, ""},
		{"director accepts", signedOff, ActionAccept, "d@test.nhs.uk", nil, ActionSignOff},
		{"submitter accepts", signedOff, ActionAccept, "m@test.nhs.uk", nil, ActionSubmit},
		{"submitter returns", signedOff, ActionReturn, "m@test.nhs.uk", nil, ""},
		// Sending back approves nothing: the director who submitted may.
		{"submitter sends back", resubmitted, ActionSendBack, "m@test.nhs.uk", []PlanAction{ActionSubmit}, ""},
		{"lead accepts", signedOff, ActionAccept, "l@test.nhs.uk", nil, ""},
		{"renamed submitter, by the events", signedOff, ActionAccept, "new@test.nhs.uk", []PlanAction{ActionSubmit}, ActionSubmit},
		{"both: the sign-off named", signedOff, ActionAccept, "x@test.nhs.uk", []PlanAction{ActionSubmit, ActionSignOff}, ActionSignOff},
		{"no name stamps nothing", Plan{Status: PlanSubmitted}, ActionSignOff, "", nil, ""},
	}
	for _, c := range cases {
		err := c.p.CheckDuty(c.action, c.who, c.took)
		duty, _ := err.(*DutyError)
		switch {
		case c.earlier == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.earlier != "" && (duty == nil || duty.Action != c.action || duty.Earlier != c.earlier):
			t.Errorf("%s: %v, want a refusal for %s", c.name, err, c.earlier)
		}
		if bar := c.p.DutyBar(c.action, c.who); c.took == nil && (bar == nil) != (c.earlier == "") {
			t.Errorf("%s: DutyBar %v", c.name, bar)
		}
	}
	if ActionReturn.DutyBound() || ActionSendBack.DutyBound() || ActionSubmit.DutyBound() || !ActionAccept.DutyBound() {
		t.Error("DutyBound")
	}
	if got := (&DutyError{Action: ActionAccept, Earlier: ActionSignOff}).Reason(); got != "You signed this plan off, so someone else must accept it" {
		t.Errorf("Reason: %q", got)
	}
}

func TestPlanLastChange(t *testing.T) {
	t.Parallel()
	at := Date(2026, time.May, 1)
	p := Plan{ID: 7, UpdatedAt: at}
	events := []PlanEvent{{PlanID: 7, Actor: "a", At: at.AddDate(0, 0, 1)}, {PlanID: 7, Actor: "b", At: at.AddDate(0, 0, 2)}, {PlanID: 8, Actor: "c"}}
	if by, when := p.LastChange(events); by != "b" || !when.Equal(at.AddDate(0, 0, 2)) {
		t.Errorf("with events: %s at %v", by, when)
	}
	if by, when := p.LastChange(nil); by != "someone" || !when.Equal(at) {
		t.Errorf("imported: %s at %v", by, when)
	}
}
