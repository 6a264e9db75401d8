package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// The supply of QOC on 23 November 2026, years 2026/27 to 2028/29:
//
//	plans  U60057: 5 pharmacists 1 Oct 2026, 1 paramedic 1 Jan 2027 (both 2026/27),
//	       1 care coordinator 1 Jul 2027 (2027/28)
//	       U24883: 0.5 paramedic 1 Apr 2026 (2026/27), 3 paramedics 1 Apr 2029 (2029/30,
//	       not shown)
//	       U47425 (QSL, another ICB): 9 paramedics 1 Jan 2027, not counted
//	supply 2026/27 pharmacists 3 newly qualified + 2 trainees completing = 5 = starters:
//	       not outrun; paramedics 1 + 0.2 movers = 1.2 < 1.5 starters: outrun by 0.3
//	       2027/28 care coordinators 2 ≥ 1: not outrun
func TestSupplyPageAndForm(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	capPlan(t, e, []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: capDay(t, "2026-10-01"), StartersFTE: 5},
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: capDay(t, "2027-01-01"), StartersFTE: 1},
		{PCNCode: "U60057", RoleCode: "care_coordinator", QuarterStart: capDay(t, "2027-07-01"), StartersFTE: 1},
		{PCNCode: "U24883", RoleCode: "paramedic", QuarterStart: capDay(t, "2026-04-01"), StartersFTE: 0.5},
		{PCNCode: "U24883", RoleCode: "paramedic", QuarterStart: capDay(t, "2029-04-01"), StartersFTE: 3},
		{PCNCode: "U47425", RoleCode: "paramedic", QuarterStart: capDay(t, "2027-01-01"), StartersFTE: 9},
	})
	// Before any supply, every role with starters outruns it.
	_, doc := e.get("manager", "/icbs/QOC/supply")
	if got := testID(doc, "outrun-roles"); got != "Clinical pharmacist, Care coordinator, Paramedic" {
		t.Errorf("with no supply, outrun roles %q", got)
	}
	if got := testID(doc, "supply-2026-27-paramedic-supply"); got != "None recorded" {
		t.Errorf("paramedic supply before any: %q", got)
	}

	y26 := url.Values{"clinical_pharmacist-newly_qualified": {"3"}, "clinical_pharmacist-trainees_completing": {"2"},
		"paramedic-newly_qualified": {"1"}, "paramedic-movers": {"0.2"}}
	if code, _ := e.post("lead", "/icbs/QOC/supply/2026-27", y26); code != http.StatusSeeOther {
		t.Fatalf("valid supply: %d", code)
	}
	a := e.audits("supply.save")
	if len(a) != 1 || a[0].ICB != "QOC" || a[0].EntityID != "QOC 2026/27" || !strings.Contains(a[0].AfterJSON, "paramedic") {
		t.Errorf("audit of the supply: %+v", a)
	}
	if code, _ := e.post("admin", "/icbs/QOC/supply/2027-28", url.Values{"care_coordinator-newly_qualified": {"2"}}); code != http.StatusSeeOther {
		t.Fatalf("valid supply of 2027/28: %d", code)
	}

	code, doc := e.get("manager", "/icbs/QOC/supply")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	want := map[string]string{
		"outrun-count": "1", "outrun-roles": "Paramedic", "pcns-with-plan": "2 of 9",
		"supply-2026-27-paramedic-supply": "1.2", "supply-2026-27-paramedic-starters": "1.5", "supply-2026-27-paramedic-shortfall": "0.3",
		"supply-2026-27-clinical_pharmacist-supply": "5.0", "supply-2026-27-clinical_pharmacist-starters": "5.0",
		"supply-2026-27-clinical_pharmacist-shortfall": "0.0",
		"supply-2027-28-care_coordinator-supply":       "2.0", "supply-2027-28-care_coordinator-starters": "1.0",
	}
	for tid, w := range want {
		if got := testID(doc, tid); got != w {
			t.Errorf("%s = %q, want %q", tid, got, w)
		}
	}
	for tid, w := range map[string]bool{"supply-2026-27-paramedic-shortfall-flag": true, "outrun-count-flag": true,
		"supply-2026-27-clinical_pharmacist-shortfall-flag": false, "supply-2027-28-care_coordinator-shortfall-flag": false,
		"supply-2028-29-paramedic": false} {
		if got := capHas(doc, tid); got != w {
			t.Errorf("%s shown: %v, want %v", tid, got, w)
		}
	}
	if doc.Find(`a[href="/icbs/QOC/supply/2026-27"]`).Length() != 0 {
		t.Error("a PCN manager is offered to record supply")
	}
	if _, doc := e.get("lead", "/icbs/QOC"); doc.Find(`[data-testid="supply-link"]`).Length() != 1 {
		t.Error("the ICB page does not link its lead to supply")
	}
	if _, doc := e.get("other-lead", "/icbs/QOC"); doc.Find(`[data-testid="supply-link"]`).Length() != 0 {
		t.Error("the ICB page links another ICB's lead to supply")
	}

	// Bad numbers: 422, each message, the input kept, nothing saved.
	bad := url.Values{"paramedic-version": {"1"}, "paramedic-newly_qualified": {"lots"}, "paramedic-movers": {"2000"}}
	code, doc = e.post("lead", "/icbs/QOC/supply/2026-27", bad)
	if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), "Paramedic: Enter a number of FTE") ||
		!strings.Contains(capErrors(doc), "Paramedic: FTE must be 0 or more, and no more than 1,000") {
		t.Errorf("bad supply: %d, %q", code, capErrors(doc))
	}
	if got, _ := doc.Find("#paramedic-newly_qualified").Attr("value"); got != "lots" {
		t.Errorf("bad supply keeps %q", got)
	}
	// A stale form: the paramedics' row was saved at version 1; this names none.
	code, doc = e.post("lead", "/icbs/QOC/supply/2026-27", url.Values{"paramedic-newly_qualified": {"4"}})
	if code != http.StatusConflict || !capHas(doc, "conflict") {
		t.Errorf("stale supply: %d", code)
	}
	if got, _ := doc.Find(`input[name="paramedic-version"]`).Attr("value"); got != "1" {
		t.Errorf("stale supply carries version %q, want 1", got)
	}
	if n := len(e.audits("supply.save")); n != 2 {
		t.Errorf("%d supply saves audited, want 2", n)
	}
}
