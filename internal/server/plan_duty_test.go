package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// dutyEnv is a plan environment with two accounts holding grants that used to let one
// person take two moves of the same plan (made before the grant rules, or by an
// admin), and the security log captured.
func dutyEnv(t *testing.T) (*planEnv, *logBuffer) {
	t.Helper()
	e := newPlanEnv(t)
	for name, grants := range map[string][]auth.Grant{
		"lead-director":  {{Role: auth.ICBLead, Org: "QOC"}, {Role: auth.ClinicalDirector, Org: "U60057"}},
		"admin-director": {{Role: auth.Admin}, {Role: auth.ClinicalDirector, Org: "U60057"}},
	} {
		u := auth.User{Email: name + "@test.nhs.uk", Name: "Test " + name, PasswordHash: hash, Active: true, Grants: grants}
		if _, err := e.db.CreateUser(context.Background(), u, capBy); err != nil {
			t.Fatal(err)
		}
	}
	return e, captureSecurity(e.s)
}

// dutyStep is one move by a persona and what the plan page must answer: 303, or 409
// with the message in the error summary.
type dutyStep struct {
	who, move string
	refused   string // the message of a refusal, "" when the move is allowed
}

// run takes the steps on U60057's newest version. A refused step writes nothing (the
// plan, its events and the audit trail are as they were) and leaves a security record.
func (e *planEnv) run(logs *logBuffer, steps []dutyStep) {
	e.t.Helper()
	for _, s := range steps {
		p := e.plans()[0]
		events, _ := e.db.PlanEvents(context.Background(), "U60057")
		audit := auditActions(e.t, e.db)
		comment := ""
		if s.move == "return" || s.move == "send-back" {
			comment = "Please look again"
		}
		e.offered(s)
		code, body := e.move(s.who, s.move, p, comment)
		if s.refused == "" {
			if code != http.StatusSeeOther {
				e.t.Fatalf("%s by %s: %d %s", s.move, s.who, code, errorSummary(body))
			}
			continue
		}
		if code != http.StatusConflict || !strings.Contains(errorSummary(body), s.refused) {
			e.t.Fatalf("%s by %s: %d %q, want 409 %q", s.move, s.who, code, errorSummary(body), s.refused)
		}
		after, _ := e.db.PlanEvents(context.Background(), "U60057")
		if now := e.plan(p.ID); now.Status != p.Status || now.Version != p.Version || len(after) != len(events) || len(auditActions(e.t, e.db)) != len(audit) {
			e.t.Errorf("%s by %s was refused but wrote: %+v", s.move, s.who, now)
		}
		want := map[string]string{"msg": "security", "event": "duty_refused", "level": "WARN", "user": s.who + "@test.nhs.uk",
			"pcn": "U60057", "action": strings.ReplaceAll(s.move, "-", "_")}
		if !logs.has(e.t, want) {
			e.t.Errorf("%s by %s: no record %v in the log", s.move, s.who, want)
		}
	}
}

// offered checks the pages the person sees before the step: a move the workflow will
// refuse them is not offered on the plan page, which says why, and its confirmation
// page says why with no form (409); a move it allows is offered, and its confirmation
// page holds its form.
func (e *planEnv) offered(s dutyStep) {
	e.t.Helper()
	_, doc := e.page(s.who, "/pcns/U60057/plan")
	link := doc.Find(`a#` + s.move + `-action`).Length()
	barred := strings.TrimSpace(doc.Find(`[data-testid="duty-barred"]`).Text())
	status, confirm := e.page(s.who, "/pcns/U60057/plan/"+s.move)
	form := confirm.Find(`form[data-testid="` + s.move + `-form"]`).Length()
	switch {
	case s.refused != "" && (link != 0 || !strings.Contains(barred, s.refused)):
		e.t.Errorf("%s by %s: the page offers the move (%d links) or does not say why (%q)", s.move, s.who, link, barred)
	case s.refused != "" && (status != http.StatusConflict || form != 0 || !strings.Contains(testID(confirm, "refused"), s.refused)):
		e.t.Errorf("%s by %s: the confirmation page offers the move (%d, %d forms) or does not say why (%q)", s.move, s.who, status, form, testID(confirm, "refused"))
	case s.refused == "" && (form != 1 || (s.move != "submit" && link != 1)):
		e.t.Errorf("%s by %s: the move is not offered (%d links, %d forms)", s.move, s.who, link, form)
	}
}

// The security probe: an ICB lead of QOC who is also U60057's clinical director signed
// off the plan and then accepted it. Now the acceptance is refused on the plan page,
// and a different lead accepts.
func TestPlanDutyLeadWhoSignedOffCannotAccept(t *testing.T) {
	t.Parallel()
	e, logs := dutyEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	e.run(logs, []dutyStep{
		{"manager", "submit", ""},
		{"lead-director", "sign-off", ""},
		{"lead-director", "accept", "You signed this plan off, so someone else must accept it"},
		{"lead", "accept", ""},
	})
	if p := e.plans()[0]; p.Status != workforce.PlanAccepted || p.ReviewedBy != "lead@test.nhs.uk" || p.SignedOffBy != "lead-director@test.nhs.uk" {
		t.Errorf("at the end: %+v", p)
	}
}

// An admin who is also the PCN's clinical director: having submitted, they may not
// sign off or accept, but may return, as the ICB or as the director (the recorded
// choice: a return only sends the plan back); having signed off, they may not
// accept. Plain admins and leads can.
func TestPlanDutyAdminSubmitterAndSigner(t *testing.T) {
	t.Parallel()
	e, logs := dutyEnv(t)
	e.save("admin-director", map[string]string{"s-paramedic-2026-2": "1"})
	e.run(logs, []dutyStep{
		{"admin-director", "submit", ""},
		{"admin-director", "sign-off", "You submitted this plan, so someone else must sign it off"},
		// Sending back approves nothing: the director who submitted may.
		{"admin-director", "send-back", ""},
		{"admin-director", "submit", ""},
		{"director", "sign-off", ""},
		{"admin-director", "accept", "You submitted this plan, so someone else must accept it"},
		{"admin-director", "return", ""},
		// Round 2: the manager submits, the admin-director signs off.
		{"manager", "submit", ""},
		{"admin-director", "sign-off", ""},
		{"admin-director", "accept", "You signed this plan off, so someone else must accept it"},
		{"admin", "accept", ""},
	})
	if p := e.plans()[0]; p.Status != workforce.PlanAccepted || p.ReviewedBy != "admin@test.nhs.uk" {
		t.Errorf("at the end: %+v", p)
	}
}
