package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The sign-off workflow, move by move: each move allowed only to its role (403
// otherwise) and from its status (409 otherwise, saying why), with a stale version
// refused (409), a return needing a comment (422), and every move in the audit trail.
func TestPlanWorkflow(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	v1 := e.plans()[0]

	// Submit: the PCN's manager (and admins), from draft.
	for _, p := range []string{"director", "lead", "other-manager", "other-lead"} {
		if code, _ := e.move(p, "submit", v1, ""); code != http.StatusForbidden {
			t.Errorf("submit as %s: %d, want 403", p, code)
		}
	}
	if code, body := e.move("manager", "submit", v1, ""); code != http.StatusSeeOther {
		t.Fatalf("submit as manager: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	if v1.Status != workforce.PlanSubmitted || v1.SubmittedBy != "manager@test.nhs.uk" {
		t.Fatalf("after submit: %+v", v1)
	}
	if code, body := e.move("manager", "submit", v1, ""); code != http.StatusConflict || !strings.Contains(errorSummary(body), "Version 1 cannot be submitted: it is submitted") {
		t.Errorf("submitting twice: %d %s", code, errorSummary(body))
	}
	// A submitted version is read-only for its manager: no form, a button to start a new draft.
	_, doc := e.page("manager", "/pcns/U60057/plan")
	if doc.Find(`form[data-testid="plan-form"]`).Length() != 0 || doc.Find(`a[href="/pcns/U60057/plan?edit=1"]`).Length() != 1 {
		t.Error("a submitted version is editable, or offers no new draft")
	}
	if testID(doc, "cell-s-paramedic-2026-2") != "1" {
		t.Errorf("read-only cell: %q", testID(doc, "cell-s-paramedic-2026-2"))
	}
	// The clinical director sees it waiting on the home page.
	_, home := e.page("director", "/")
	if got := testID(home, "waiting-U60057"); !strings.Contains(got, "Sign off") || !strings.Contains(got, "version 1") {
		t.Errorf("the director's home page: %q", testID(home, "waiting"))
	}
	if href := home.Find(`[data-testid="waiting-U60057"] a`).AttrOr("href", ""); href != "/pcns/U60057/plan?version="+itoa64(v1.ID) {
		t.Errorf("the waiting item links to %q", href)
	}

	// The clinical director's page offers the sign-off; nobody else's does.
	if _, doc := e.page("director", "/pcns/U60057/plan?version="+itoa64(v1.ID)); doc.Find(`form[data-testid="sign-off-form"]`).Length() != 1 {
		t.Error("the director is not offered the sign-off")
	}
	if _, doc := e.page("lead", "/pcns/U60057/plan?version="+itoa64(v1.ID)); doc.Find(`form[data-testid="sign-off-form"], form[data-testid="accept-form"]`).Length() != 0 {
		t.Error("the lead is offered a move on a submitted plan")
	}
	// Sign off: the PCN's clinical director only, from submitted.
	for _, p := range []string{"manager", "lead", "admin"} {
		if code, _ := e.move(p, "sign-off", v1, ""); code != http.StatusForbidden {
			t.Errorf("sign off as %s: %d, want 403", p, code)
		}
	}
	stale := v1
	stale.Version--
	if code, body := e.move("director", "sign-off", stale, ""); code != http.StatusConflict || !strings.Contains(errorSummary(body), "changed after you opened it") {
		t.Errorf("sign off a stale version: %d %s", code, errorSummary(body))
	}
	if code, body := e.move("director", "sign-off", v1, ""); code != http.StatusSeeOther {
		t.Fatalf("sign off: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	if v1.Status != workforce.PlanSignedOff || v1.SignedOffBy != "director@test.nhs.uk" {
		t.Fatalf("after sign-off: %+v", v1)
	}
	_, home = e.page("lead", "/")
	if got := testID(home, "waiting-U60057"); !strings.Contains(got, "Review") {
		t.Errorf("the lead's home page: %q", testID(home, "waiting"))
	}
	if _, home = e.page("other-lead", "/"); testID(home, "waiting-none") == "" {
		t.Errorf("another ICB's lead has work waiting: %q", testID(home, "waiting"))
	}

	if _, doc := e.page("lead", "/pcns/U60057/plan?version="+itoa64(v1.ID)); doc.Find(`form[data-testid="accept-form"]`).Length() != 1 || doc.Find(`form[data-testid="return-form"] textarea[name="comment"]`).Length() != 1 {
		t.Error("the lead is not offered the review")
	}
	// Return: the ICB's lead, with a comment.
	for _, p := range []string{"manager", "director", "other-lead"} {
		if code, _ := e.move(p, "return", v1, "No"); code != http.StatusForbidden {
			t.Errorf("return as %s: %d, want 403", p, code)
		}
	}
	if code, body := e.move("lead", "return", v1, ""); code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), "Enter a comment") || !strings.Contains(body, "<title>Error: ") {
		t.Errorf("return without a comment: %d %s", code, errorSummary(body))
	}
	if code, body := e.move("lead", "return", v1, strings.Repeat("x", 2001)); code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), "2000 characters or fewer") {
		t.Errorf("return with a comment too long: %d %s", code, errorSummary(body))
	}
	if code, body := e.move("lead", "return", v1, "Phase the paramedic over two quarters"); code != http.StatusSeeOther {
		t.Fatalf("return: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	if v1.Status != workforce.PlanReturned || v1.ReviewedBy != "lead@test.nhs.uk" || v1.Comment != "Phase the paramedic over two quarters" {
		t.Fatalf("after return: %+v", v1)
	}
	// The manager sees it waiting, with the comment, editable again.
	_, home = e.page("manager", "/")
	if got := testID(home, "waiting-U60057"); !strings.Contains(got, "Returned to you") {
		t.Errorf("the manager's home page: %q", testID(home, "waiting"))
	}
	_, doc = e.page("manager", "/pcns/U60057/plan")
	if got := testID(doc, "review-comment"); !strings.Contains(got, "Phase the paramedic over two quarters") {
		t.Errorf("the comment on the returned plan: %q", got)
	}
	if doc.Find(`form[data-testid="plan-form"]`).Length() != 1 {
		t.Fatal("a returned plan is not editable")
	}
	e.save("manager", map[string]string{"s-paramedic-2026-2": "0.5", "s-paramedic-2026-3": "0.5"})
	if ps := e.plans(); len(ps) != 1 {
		t.Errorf("editing a returned plan started a new version: %d", len(ps))
	}
	v1 = e.plan(v1.ID)
	for _, step := range []struct{ who, move string }{{"manager", "submit"}, {"director", "sign-off"}} {
		if code, body := e.move(step.who, step.move, v1, ""); code != http.StatusSeeOther {
			t.Fatalf("%s again: %d %s", step.move, code, errorSummary(body))
		}
		v1 = e.plan(v1.ID)
	}

	// Accept: the ICB's lead (or an admin), from signed off.
	if code, body := e.move("director", "accept", v1, ""); code != http.StatusForbidden {
		t.Errorf("accept as director: %d %s", code, errorSummary(body))
	}
	if code, body := e.move("lead", "accept", v1, ""); code != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	if v1.Status != workforce.PlanAccepted {
		t.Fatalf("after accept: %+v", v1)
	}
	if code, body := e.move("lead", "return", v1, "Too late"); code != http.StatusConflict || !strings.Contains(errorSummary(body), "cannot be returned: it is accepted") {
		t.Errorf("returning an accepted plan: %d %s", code, errorSummary(body))
	}
	if cur, err := e.db.CurrentPlan(context.Background(), "U60057"); err != nil || cur.ID != v1.ID {
		t.Errorf("the current plan: %+v %v", cur, err)
	}
	accepted := e.lines(v1.ID)

	// Editing after acceptance starts a new draft copied from the accepted version,
	// which stays as it was.
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-dietitian-2027-1": "1"})
	ps := e.plans()
	if len(ps) != 2 || ps[0].Status != workforce.PlanDraft || ps[1].ID != v1.ID {
		t.Fatalf("after editing the accepted plan: %+v", ps)
	}
	v2 := ps[0]
	if got := e.lines(v1.ID); strings.Join(got, "|") != strings.Join(accepted, "|") {
		t.Errorf("the accepted version changed: %v", got)
	}
	if got := e.lines(v2.ID); strings.Join(got, "|") != strings.Join(append(accepted, "dietitian 2027/28 Q1 1 0 -"), "|") {
		t.Errorf("the new draft is not a copy with the change: %v", got)
	}

	// Submitting a newer version takes an older one still in review out of it.
	if code, body := e.move("manager", "submit", v2, ""); code != http.StatusSeeOther {
		t.Fatalf("submit v2: %d %s", code, errorSummary(body))
	}
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-dietitian-2027-1": "2"})
	v3 := e.plans()[0]
	if code, body := e.move("manager", "submit", v3, ""); code != http.StatusSeeOther {
		t.Fatalf("submit v3: %d %s", code, errorSummary(body))
	}
	if got := e.plan(v2.ID).Status; got != workforce.PlanSuperseded {
		t.Errorf("version 2 after version 3 was submitted: %s", got)
	}
	if code, _ := e.move("director", "sign-off", e.plan(v2.ID), ""); code != http.StatusConflict {
		t.Errorf("signing off a superseded version: %d", code)
	}

	// A return when the network has already started a newer draft goes to the draft.
	if code, body := e.move("director", "sign-off", e.plan(v3.ID), ""); code != http.StatusSeeOther {
		t.Fatalf("sign off v3: %d %s", code, errorSummary(body))
	}
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-dietitian-2027-1": "3"})
	v4 := e.plans()[0]
	if code, body := e.move("lead", "return", e.plan(v3.ID), "Fewer dietitians"); code != http.StatusSeeOther {
		t.Fatalf("return v3 with a newer draft: %d %s", code, errorSummary(body))
	}
	if got, draft := e.plan(v3.ID), e.plan(v4.ID); got.Status != workforce.PlanSuperseded || draft.Status != workforce.PlanReturned || draft.Comment != "Fewer dietitians" {
		t.Errorf("after returning v3: v3 %s, v4 %s %q", got.Status, draft.Status, draft.Comment)
	}
	if cur, _ := e.db.CurrentPlan(context.Background(), "U60057"); cur.ID != v1.ID {
		t.Errorf("the current plan after all that: %d, want the accepted %d", cur.ID, v1.ID)
	}

	var moves []string
	for _, a := range auditActions(t, e.db) {
		if strings.Contains(a, " plan.") && !strings.HasSuffix(a, "plan.save") {
			moves = append(moves, a)
		}
	}
	want := []string{"lead@test.nhs.uk plan.return", "director@test.nhs.uk plan.sign_off",
		"manager@test.nhs.uk plan.submit", "manager@test.nhs.uk plan.submit", "lead@test.nhs.uk plan.accept",
		"director@test.nhs.uk plan.sign_off", "manager@test.nhs.uk plan.submit", "lead@test.nhs.uk plan.return",
		"director@test.nhs.uk plan.sign_off", "manager@test.nhs.uk plan.submit"}
	if strings.Join(moves, "|") != strings.Join(want, "|") {
		t.Errorf("audit of the moves (newest first):\n%v\nwant\n%v", moves, want)
	}
}

// saveAt fills in the grid of a page and saves it, wanting 303.
func (e *planEnv) saveAt(persona, path string, cells map[string]string) {
	e.t.Helper()
	if code, body := e.post(persona, "/pcns/U60057/plan", e.gridForm(persona, path, cells)); code != http.StatusSeeOther {
		e.t.Fatalf("saving %v from %s as %s: %d\n%s", cells, path, persona, code, errorSummary(body))
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
