package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

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

	// The clinical director's page offers the sign-off and the return, as links to
	// their confirmation pages; nobody else's does.
	if _, doc := e.page("director", "/pcns/U60057/plan?version="+itoa64(v1.ID)); doc.Find(`a#sign-off-action[href="/pcns/U60057/plan/sign-off?version=`+itoa64(v1.ID)+`"]`).Length() != 1 ||
		doc.Find(`a#send-back-action`).Length() != 1 || doc.Find("form[data-testid$=-form]").Length() != 0 {
		t.Error("the director is not offered the sign-off and the return as links")
	}
	if _, doc := e.page("lead", "/pcns/U60057/plan?version="+itoa64(v1.ID)); doc.Find(`#sign-off-action, #send-back-action, #accept-action, #return-action`).Length() != 0 {
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

	if _, doc := e.page("lead", "/pcns/U60057/plan?version="+itoa64(v1.ID)); doc.Find(`a#accept-action`).Length() != 1 || doc.Find(`a#return-action`).Length() != 1 || doc.Find(`textarea`).Length() != 0 {
		t.Error("the lead is not offered the review as two links")
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

// Every move is confirmed on its own page, which says what the move will do and holds
// its form (hidden plan and version, a way back); a version in a status the move does
// not start from gets a page saying why, with no form (409).
func TestPlanConfirmPages(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "s-dietitian-2027-1": "0.5", "l-dietitian-2027-3": "0.25"})
	v1 := e.plans()[0]
	id := itoa64(v1.ID)

	// The draft: only submit's page has a form; the others say why not.
	for _, c := range []struct{ who, move, why string }{
		{"director", "sign-off", "Version 1 cannot be signed off: it is draft"},
		{"director", "send-back", "Version 1 cannot be returned: it is draft"},
		{"lead", "accept", "Version 1 cannot be accepted: it is draft"},
		{"lead", "return", "Version 1 cannot be returned: it is draft"},
	} {
		status, doc := e.page(c.who, "/pcns/U60057/plan/"+c.move+"?version="+id)
		if status != http.StatusConflict || !strings.Contains(testID(doc, "refused"), c.why) || doc.Find("main form").Length() != 0 {
			t.Errorf("%s's page on a draft: %d %q", c.move, status, testID(doc, "refused"))
		}
	}
	for path, want := range map[string]int{"/pcns/U60057/plan/submit?version=x": 400, "/pcns/U60057/plan/submit?version=-3": 400,
		"/pcns/U60057/plan/submit?version=999999": 404} {
		if status, _ := e.page("manager", path); status != want {
			t.Errorf("%s: %d, want %d", path, status, want)
		}
	}

	// Submit's page: check your answers, year by year, then what happens and the form.
	status, doc := e.page("manager", "/pcns/U60057/plan/submit")
	if status != http.StatusOK {
		t.Fatalf("submit's page: %d", status)
	}
	confirmForm(t, doc, "submit", v1, false)
	for row, want := range map[string]string{"starters": "0.5 FTE", "leavers": "0.3 FTE", "end-fte": " FTE", "left": "(entitlement £"} {
		if got := checkRow(doc, "2027", row); !strings.Contains(got, want) {
			t.Errorf("2027/28's %s in the check: %q, want %q", row, got, want)
		}
	}
	if got := doc.Find(`[data-testid="check-year-2027"] a`).First().AttrOr("href", ""); got != "/pcns/U60057/plan?year=2027" {
		t.Errorf("a year's Change link: %q", got)
	}
	if got := checkRow(doc, "2026", "starters"); got != "1.0 FTE" {
		t.Errorf("2026/27's starters in the check: %q", got)
	}
	// The check's figures are the plan page's, for the same version.
	_, page := e.page("manager", "/pcns/U60057/plan?year=2027")
	left := strings.TrimSpace(page.Find(`[data-testid="draft-left-2027"] .nhsuk-summary-list__value`).Text()) + " ("
	if end := testID(page, "projected-2027-4") + " FTE"; end != checkRow(doc, "2027", "end-fte") || !strings.HasPrefix(checkRow(doc, "2027", "left"), left) {
		t.Errorf("the plan page's 2027/28: %q, %q; the check's: %q, %q", end, left, checkRow(doc, "2027", "end-fte"), checkRow(doc, "2027", "left"))
	}
	if testID(doc, "check-rooms") == "" || !strings.Contains(testID(doc, "check-supervision"), "need clinical supervision") {
		t.Errorf("rooms %q, supervision %q", testID(doc, "check-rooms"), testID(doc, "check-supervision"))
	}
	if got := testID(doc, "changed-years"); !strings.Contains(got, "2026/27: 1 cell changed") || !strings.Contains(got, "2027/28: 2 cells changed") {
		t.Errorf("what changes: %q", got)
	}
	if got := tableRows(doc, `[data-testid="changes-table"]`); len(got) != 3 {
		t.Errorf("the cells that change: %q", got)
	}
	if !strings.Contains(testID(doc, "what-happens"), "goes to the clinical director to sign off") {
		t.Errorf("what happens on submit: %q", testID(doc, "what-happens"))
	}
	if code, body := e.move("manager", "submit", v1, ""); code != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	if status, doc := e.page("manager", "/pcns/U60057/plan/submit?version="+id); status != http.StatusConflict || !strings.Contains(testID(doc, "refused"), "cannot be submitted: it is submitted") {
		t.Errorf("submit's page on a submitted version: %d %q", status, testID(doc, "refused"))
	}

	// The director's two pages: sign off (no comment), return (a comment required).
	_, doc = e.page("director", "/pcns/U60057/plan/sign-off")
	confirmForm(t, doc, "sign-off", v1, false)
	if !strings.Contains(testID(doc, "confirm-version"), "Submitted") || !strings.Contains(testID(doc, "timeline"), "Submitted for sign-off (manager@test.nhs.uk) on ") {
		t.Errorf("the version on sign-off's page: %q / %q", testID(doc, "confirm-version"), testID(doc, "timeline"))
	}
	_, doc = e.page("director", "/pcns/U60057/plan/send-back?version="+id)
	confirmForm(t, doc, "send-back", v1, true)
	if !strings.Contains(testID(doc, "what-happens"), "It does not go to the ICB") {
		t.Errorf("what happens on the director's return: %q", testID(doc, "what-happens"))
	}
	if code, body := e.move("director", "sign-off", v1, ""); code != http.StatusSeeOther {
		t.Fatalf("sign off: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)

	// The lead's two pages, separate: accept (an optional comment), return.
	_, accept := e.page("lead", "/pcns/U60057/plan/accept")
	confirmForm(t, accept, "accept", v1, true)
	_, ret := e.page("lead", "/pcns/U60057/plan/return")
	confirmForm(t, ret, "return", v1, true)
	if accept.Find(`form[data-testid="return-form"]`).Length() != 0 || ret.Find(`form[data-testid="accept-form"]`).Length() != 0 {
		t.Error("accept and return share a page")
	}
	if accept.Find("h1").Text() != "Accept version 1" || ret.Find("h1").Text() != "Return version 1 to the network" {
		t.Errorf("headings: %q, %q", accept.Find("h1").Text(), ret.Find("h1").Text())
	}
	if code, body := e.move("lead", "accept", v1, "Well phased"); code != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", code, errorSummary(body))
	}
	_, doc = e.page("manager", "/pcns/U60057/plan?version="+id)
	if got := testID(doc, "review-comment"); !strings.Contains(got, "Comment from the ICB (lead@test.nhs.uk) on ") || !strings.Contains(got, "Well phased") {
		t.Errorf("the acceptance's comment: %q", got)
	}
}

// checkRow is the value of a row of a year in submit's check.
func checkRow(doc *goquery.Document, year, row string) string {
	v := doc.Find(`[data-testid="check-year-` + year + `"] [data-testid="` + row + `"] .nhsuk-summary-list__value`)
	return strings.Join(strings.Fields(v.Text()), " ")
}

// confirmForm checks a confirmation page's form: it posts the move with the version
// as it is, offers a comment box when it should, and a way back to the plan.
func confirmForm(t *testing.T, doc *goquery.Document, move string, p workforce.Plan, comment bool) {
	t.Helper()
	form := doc.Find(`form[data-testid="` + move + `-form"]`)
	if form.Length() != 1 || form.AttrOr("action", "") != "/pcns/U60057/plan/"+move || form.AttrOr("method", "") != "post" {
		t.Fatalf("%s's page has no form of its own: %q", move, testID(doc, "refused"))
	}
	if form.Find(`input[name="plan"]`).AttrOr("value", "") != itoa64(p.ID) || form.Find(`input[name="version"]`).AttrOr("value", "") != strconv.Itoa(p.Version) {
		t.Errorf("%s's form posts another version", move)
	}
	if got := form.Find(`textarea[name="comment"]`).Length() == 1; got != comment {
		t.Errorf("%s's form has a comment box: %v", move, got)
	}
	if doc.Find(`a[data-testid="cancel"]`).AttrOr("href", "") != "/pcns/U60057/plan?version="+itoa64(p.ID) || testID(doc, "what-happens") == "" {
		t.Errorf("%s's page says nothing of what happens, or has no way back", move)
	}
}

// The clinical director returns a submitted plan with a comment (required): the
// manager sees it, who made it and when, edits and submits again; the audit trail and
// the history name the move.
func TestPlanSendBack(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	v1 := e.plans()[0]
	if code, body := e.move("manager", "submit", v1, ""); code != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	for _, p := range []string{"manager", "lead", "admin", "other-manager"} {
		if code, _ := e.move(p, "send-back", v1, "No"); code != http.StatusForbidden {
			t.Errorf("send back as %s: %d, want 403", p, code)
		}
	}
	code, body := e.move("director", "send-back", v1, "  ")
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	if code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), "Enter a comment") || !strings.Contains(body, "<title>Error: ") ||
		doc.Find(`form[data-testid="send-back-form"] textarea[name="comment"]`).Length() != 1 {
		t.Errorf("a return without a comment: %d %s", code, errorSummary(body))
	}
	if e.plan(v1.ID).Status != workforce.PlanSubmitted {
		t.Error("a refused return moved the plan")
	}
	if code, body := e.move("director", "send-back", v1, "Add the dietitian from 2027"); code != http.StatusSeeOther {
		t.Fatalf("send back: %d %s", code, errorSummary(body))
	}
	v1 = e.plan(v1.ID)
	if v1.Status != workforce.PlanReturned || v1.Comment != "Add the dietitian from 2027" || v1.ReviewedBy != "" || v1.ReviewedAt != nil {
		t.Fatalf("after the director's return: %+v", v1)
	}
	if code, body := e.move("director", "send-back", v1, "Again"); code != http.StatusConflict || !strings.Contains(errorSummary(body), "cannot be returned: it is returned") {
		t.Errorf("returning twice: %d %s", code, errorSummary(body))
	}

	// The manager sees who returned it, when, and why; the plan is theirs to edit.
	_, doc = e.page("manager", "/pcns/U60057/plan")
	if got := testID(doc, "review-comment"); !strings.Contains(got, "Comment from the clinical director (director@test.nhs.uk) on ") || !strings.Contains(got, "Add the dietitian from 2027") || strings.Contains(got, "ICB") {
		t.Errorf("the comment on the returned plan: %q", got)
	}
	if got := testID(doc, "timeline"); !strings.Contains(got, "Returned by the clinical director (director@test.nhs.uk) on ") || !strings.Contains(got, ": ‘Add the dietitian from 2027’") {
		t.Errorf("the timeline: %q", got)
	}
	if _, home := e.page("manager", "/"); !strings.Contains(testID(home, "waiting-U60057"), "Returned") {
		t.Errorf("the manager's home page: %q", testID(home, "waiting"))
	}
	e.save("manager", map[string]string{"s-dietitian-2027-1": "1"})
	v1 = e.plan(v1.ID)
	if _, doc := e.page("manager", "/pcns/U60057/plan/submit"); doc.Find(`form[data-testid="submit-form"]`).Length() != 1 {
		t.Error("a returned plan cannot be submitted again")
	}
	for _, step := range []struct{ who, move string }{{"manager", "submit"}, {"director", "sign-off"}} {
		if code, body := e.move(step.who, step.move, v1, ""); code != http.StatusSeeOther {
			t.Fatalf("%s again: %d %s", step.move, code, errorSummary(body))
		}
		v1 = e.plan(v1.ID)
	}
	if v1.Status != workforce.PlanSignedOff {
		t.Errorf("after submitting again: %+v", v1)
	}
	_, doc = e.page("lead", "/pcns/U60057/plan/history")
	if got := doc.Find("#events").Text(); !strings.Contains(got, "Returned by the clinical director: ‘Add the dietitian from 2027’") {
		t.Errorf("the history: %q", strings.Join(strings.Fields(got), " "))
	}
	if a := auditActions(t, e.db); !slices.Contains(a, "director@test.nhs.uk plan.send_back") {
		t.Errorf("the audit trail: %v", a)
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

// Submit's page leads with the plan page's warnings, in the same words, each linked to
// its cell in the editor on its year, and with each year that spends more than its
// entitlement; the plan page heads them "Check before you submit" only while the
// version is being edited.
func TestPlanCheckWarnings(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{
		"s-clinical_pharmacist-2026-2": "1", "c-clinical_pharmacist-2026-2": "70000", // the cap is £66,972
		"s-paramedic-2026-4": "1", "l-paramedic-2027-1": "45", // more than the network's paramedics
		"s-care_coordinator-2026-3": "10", // beyond 2026/27's entitlement (2027/28 has the paramedics' leaving)
	})
	_, page := e.page("manager", "/pcns/U60057/plan")
	var onPage []string
	page.Find(`[data-testid="warnings"] li`).Each(func(_ int, li *goquery.Selection) { onPage = append(onPage, strings.TrimSpace(li.Text())) })
	if len(onPage) < 2 || !strings.Contains(page.Find(`[data-testid="warnings"] h2`).Text(), "Check before you submit") {
		t.Fatalf("the plan page's warnings: %q", testID(page, "warnings"))
	}

	_, doc := e.page("manager", "/pcns/U60057/plan/submit")
	var onCheck, hrefs []string
	doc.Find(`[data-testid="check"] [data-testid="warnings"] li a`).Each(func(_ int, a *goquery.Selection) {
		onCheck = append(onCheck, strings.TrimSpace(a.Text()))
		hrefs = append(hrefs, a.AttrOr("href", ""))
	})
	if len(onCheck) != len(onPage)+1 || strings.Join(onCheck[:len(onPage)], "|") != strings.Join(onPage, "|") {
		t.Fatalf("the check's warnings:\n%q\nthe plan page's:\n%q", onCheck, onPage)
	}
	if hrefs[0] != "/pcns/U60057/plan?year=2026#c-clinical_pharmacist-2026-2" || !slices.Contains(hrefs, "/pcns/U60057/plan?year=2027#l-paramedic-2027-1") {
		t.Errorf("the warnings link to %q", hrefs)
	}
	left := checkRow(doc, "2026", "left")
	over, _, _ := strings.Cut(strings.TrimPrefix(left, "−"), " ")
	if !strings.HasPrefix(left, "−£") || onCheck[len(onCheck)-1] != "Spending in 2026/27 is "+over+" more than the entitlement: the scheme reimburses no more than the entitlement" ||
		hrefs[len(hrefs)-1] != "/pcns/U60057/plan?year=2026" {
		t.Errorf("2026/27's entitlement left %q; the warning %q", left, onCheck[len(onCheck)-1])
	}
	if strings.Contains(strings.Join(onCheck, "|"), "Spending in 2027/28") {
		t.Errorf("a year within its entitlement is warned: %q", onCheck)
	}

	// Submitted, the version is no longer edited: its warnings are the version's.
	if code, body := e.move("manager", "submit", e.plans()[0], ""); code != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", code, errorSummary(body))
	}
	for _, who := range []string{"manager", "director"} {
		_, doc := e.page(who, "/pcns/U60057/plan")
		if got := strings.TrimSpace(doc.Find(`[data-testid="warnings"] h2`).Text()); !strings.HasSuffix(got, ": Warnings on this version") {
			t.Errorf("the %s's warnings on a submitted version are headed %q", who, got)
		}
	}
}

// A plan returned and submitted again is compared with the version as it was
// returned, on the manager's check and on the director's and the ICB's pages; a
// return a newer draft took is compared with the version returned, and with the
// current plan. Accepting says what it changes in the figures, and the history lists
// every move of a version in order.
func TestPlanChangesSinceReturn(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "s-care_coordinator-2026-3": "1"})
	v1 := e.plans()[0]
	for _, step := range []struct{ who, move, comment string }{{"manager", "submit", ""}, {"director", "send-back", "Add the dietitian from 2027"}} {
		if code, body := e.move(step.who, step.move, e.plan(v1.ID), step.comment); code != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", step.move, code, errorSummary(body))
		}
	}
	since := "Changes since version 1, returned by the clinical director (director@test.nhs.uk) on "
	_, doc := e.page("manager", "/pcns/U60057/plan/submit")
	if got := testID(doc, "compare-returned"); !strings.HasPrefix(got, since) || !strings.Contains(got, "No cell changes.") || testID(doc, "compare-new") != "" {
		t.Errorf("before any change: %q / %q", got, testID(doc, "compare-new"))
	}

	// Two saves: the comparison is with the plan as returned, not as last saved.
	e.save("manager", map[string]string{"s-paramedic-2026-2": "0.5", "s-dietitian-2027-1": "1"})
	e.save("manager", map[string]string{"s-care_coordinator-2026-3": "", "s-dietitian-2027-2": "1"})
	for _, c := range []struct{ who, path string }{{"manager", "/pcns/U60057/plan/submit"}, {"director", "/pcns/U60057/plan/sign-off"},
		{"director", "/pcns/U60057/plan/send-back"}, {"lead", "/pcns/U60057/plan/accept"}} {
		if c.who == "director" && e.plan(v1.ID).Status == workforce.PlanReturned {
			if code, body := e.move("manager", "submit", e.plan(v1.ID), ""); code != http.StatusSeeOther {
				t.Fatalf("submit again: %d %s", code, errorSummary(body))
			}
		}
		if c.who == "lead" {
			if code, body := e.move("director", "sign-off", e.plan(v1.ID), ""); code != http.StatusSeeOther {
				t.Fatalf("sign off: %d %s", code, errorSummary(body))
			}
		}
		_, doc := e.page(c.who, c.path)
		got := testID(doc, "compare-returned")
		if !strings.HasPrefix(got, since) || !strings.Contains(got, "2026/27: 2 cells changed") || !strings.Contains(got, "2027/28: 2 cells changed") {
			t.Errorf("%s: %q", c.path, got)
		}
		if rows := tableRows(doc, `[data-testid="compare-returned"] [data-testid="changes-table"]`); len(rows) != 4 ||
			!strings.Contains(strings.Join(rows, "|"), "1 starting, 0 leaving | 0.5 starting, 0 leaving") {
			t.Errorf("%s: the cells that change %q", c.path, rows)
		}
	}
	_, doc = e.page("lead", "/pcns/U60057/plan/accept")
	if got := testID(doc, "what-happens"); !strings.Contains(got, "Version 1 already counts in the gap report") || strings.Contains(got, "becomes the network's current plan") {
		t.Errorf("what accepting does: %q", got)
	}
	if code, body := e.move("lead", "accept", e.plan(v1.ID), "Well phased"); code != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", code, errorSummary(body))
	}
	_, doc = e.page("lead", "/pcns/U60057/plan/history")
	var steps []string
	doc.Find(`[data-testid="steps-` + itoa64(v1.ID) + `"] li`).Each(func(_ int, li *goquery.Selection) {
		what, _, _ := strings.Cut(li.Text(), " by ")
		steps = append(steps, what)
	})
	if strings.Join(steps, ", ") != "Started, Submitted, Returned, Submitted, Signed off, Accepted" {
		t.Errorf("version 1's steps: %q", testID(doc, "steps-"+itoa64(v1.ID)))
	}

	// Version 2 is returned while the network has started version 3: version 3 takes
	// the return, and is compared with version 2 as returned and with version 1.
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-dietitian-2028-1": "1"})
	v2 := e.plans()[0]
	if code, body := e.move("manager", "submit", v2, ""); code != http.StatusSeeOther {
		t.Fatalf("submit v2: %d %s", code, errorSummary(body))
	}
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-dietitian-2028-1": "2"})
	if code, body := e.move("director", "send-back", e.plan(v2.ID), "One dietitian is enough"); code != http.StatusSeeOther {
		t.Fatalf("send back v2: %d %s", code, errorSummary(body))
	}
	_, doc = e.page("manager", "/pcns/U60057/plan/submit")
	if got := testID(doc, "compare-returned"); !strings.HasPrefix(got, "Changes since version 2, returned by the clinical director") || !strings.Contains(got, "2028/29: 1 cell changed") {
		t.Errorf("version 3 against version 2: %q", got)
	}
	if got := testID(doc, "compare-current"); !strings.HasPrefix(got, "Changes against version 1 (Accepted), the network's current plan") || !strings.Contains(got, "2028/29: 1 cell changed") {
		t.Errorf("version 3 against the current plan: %q", got)
	}
	for _, step := range []struct{ who, move string }{{"manager", "submit"}, {"director", "sign-off"}} {
		if code, body := e.move(step.who, step.move, e.plans()[0], ""); code != http.StatusSeeOther {
			t.Fatalf("%s v3: %d %s", step.move, code, errorSummary(body))
		}
	}
	if _, doc = e.page("lead", "/pcns/U60057/plan/accept"); !strings.Contains(testID(doc, "what-happens"), "Version 3 replaces version 1 (accepted) as the network's current plan") {
		t.Errorf("what accepting version 3 does: %q", testID(doc, "what-happens"))
	}
}
