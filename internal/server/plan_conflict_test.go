package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// Two people edit the same draft, both on 2027/28. The second save is refused (409)
// with a page that shows what the first saved and keeps the second person's input;
// saving that page keeps both, and the other years as they were: nothing either
// entered is lost.
func TestPlanConcurrentEdit(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "s-dietitian-2027-1": "1"})
	// Both open the draft at the same version.
	first := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-clinical_pharmacist-2027-3": "2", "s-dietitian-2027-1": "3"})
	second := e.gridForm("admin", "/pcns/U60057/plan", map[string]string{"s-care_coordinator-2027-2": "1", "s-dietitian-2027-1": "4"})
	if code, body := e.post("manager", "/pcns/U60057/plan", first); code != http.StatusSeeOther {
		t.Fatalf("first save: %d %s", code, errorSummary(body))
	}
	code, body := e.post("admin", "/pcns/U60057/plan", second)
	if code != http.StatusConflict || !strings.Contains(body, "<title>Error: ") {
		t.Fatalf("second save over a stale version: %d", code)
	}
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	theirs, yours := testID(doc, "changes-theirs"), testID(doc, "changes-yours")
	if !strings.Contains(theirs, "Clinical pharmacist") || !strings.Contains(theirs, "2027/28 Q3") || !strings.Contains(theirs, "2 starting") {
		t.Errorf("what the other person saved: %q", theirs)
	}
	if !strings.Contains(yours, "Care coordinator") || !strings.Contains(yours, "Dietitian") {
		t.Errorf("this person's changes: %q", yours)
	}
	if !strings.Contains(testID(doc, "conflict"), "manager@test.nhs.uk saved the plan") {
		t.Errorf("who saved meanwhile: %q", testID(doc, "conflict"))
	}
	v := planForm(doc)
	if v.Get("year") != "2027" || v.Has("s-paramedic-2026-2") {
		t.Errorf("the page shown again is not of 2027/28, the year saved: %q", v.Get("year"))
	}
	for field, want := range map[string]string{
		"s-clinical_pharmacist-2027-3": "2", // theirs, kept
		"s-care_coordinator-2027-2":    "1", // mine, kept
		"s-dietitian-2027-1":           "4", // both changed: mine kept…
		"s-paramedic-2027-2":           "",  // untouched
	} {
		if got := v.Get(field); got != want {
			t.Errorf("after the conflict %s = %q, want %q", field, got, want)
		}
	}
	if got := testID(doc, "theirs-c-dietitian-2027-1"); !strings.Contains(got, "3 starting") { // …with theirs beside it
		t.Errorf("the other person's value of a cell both changed: %q", got)
	}
	if lines := e.lines(e.plans()[0].ID); strings.Join(lines, "|") != "paramedic 2026/27 Q2 1 0 -|dietitian 2027/28 Q1 3 0 -|clinical_pharmacist 2027/28 Q3 2 0 -" {
		t.Errorf("the refused save changed the plan: %v", lines)
	}
	// Saving the page as it came back keeps both people's changes.
	if code, body := e.post("admin", "/pcns/U60057/plan", v); code != http.StatusSeeOther {
		t.Fatalf("saving the merged grid: %d %s", code, errorSummary(body))
	}
	want := "paramedic 2026/27 Q2 1 0 -|dietitian 2027/28 Q1 4 0 -|care_coordinator 2027/28 Q2 1 0 -|clinical_pharmacist 2027/28 Q3 2 0 -"
	if got := strings.Join(e.lines(e.plans()[0].ID), "|"); got != want {
		t.Errorf("after both saves:\n%s\nwant\n%s", got, want)
	}

	// A draft submitted while someone edits it: their save is refused, and saving
	// again starts a new draft from the submitted version.
	stale := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"l-paramedic-2028-1": "1"})
	if code, _ := e.move("manager", "submit", e.plans()[0], ""); code != http.StatusSeeOther {
		t.Fatal("submit")
	}
	code, body = e.post("manager", "/pcns/U60057/plan", stale)
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	if code != http.StatusConflict || !strings.Contains(testID(doc, "conflict"), "Saving again starts a new draft") {
		t.Fatalf("saving over a version submitted meanwhile: %d %q", code, testID(doc, "conflict"))
	}
	if code, body := e.post("manager", "/pcns/U60057/plan", planForm(doc)); code != http.StatusSeeOther {
		t.Fatalf("saving the new draft: %d %s", code, errorSummary(body))
	}
	if ps := e.plans(); len(ps) != 2 || !strings.HasSuffix(strings.Join(e.lines(ps[0].ID), "|"), "paramedic 2028/29 Q1 0 1 -") {
		t.Errorf("the new draft: %+v", ps)
	}
}
