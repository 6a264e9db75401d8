package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// roomsScenario is U60057 on 23 November 2026 (2026/27 Q3):
//
//	in post  pharmacist 1.0 × 8 + paramedic 0.8 × 8 + trainee nursing associate 1.0 × 8
//	         + care coordinator 0.5 × 4 + digital and transformation lead 1.0 × 0
//	         = 8 + 6.4 + 8 + 2 = 24.4 sessions a week (a physician associate starting
//	         in January is not in post)
//	sites    Main 20 + Branch 6 = 26: not short now
//	plan     1 Oct 2026 (Q3, under way) 5 pharmacists: already in the staff data
//	         1 Jan 2027 (2026/27 Q4) 1 paramedic: 32.4, short 6.4
//	         1 Jul 2027 (2027/28 Q2) 1 care coordinator: 36.4, short 10.4, to the
//	         last quarter of the plan's window, 2028/29 Q4 (one horizon: the quarters
//	         are the plan's, 2026/27 Q1 to 2028/29 Q4)
func addRoomsScenario(t *testing.T, e *capEnv) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	e.staff("U60057", "clinical_pharmacist", 1, "2025-01-01", "")
	e.staff("U60057", "paramedic", 0.8, "2025-01-01", "")
	e.staff("U60057", "trainee_nursing_associate", 1, "2025-01-01", "")
	e.staff("U60057", "care_coordinator", 0.5, "2025-01-01", "")
	e.staff("U60057", "digital_transformation_lead", 1, "2025-01-01", "")
	e.staff("U60057", "physician_associate", 1, "2027-01-01", "")
	sites := map[string]int64{}
	for name, n := range map[string]float64{"Main": 20, "Branch": 6} {
		s, err := e.db.CreateSite(ctx, workforce.Site{PCNCode: "U60057", Name: name, SessionsPerWeek: n}, capBy)
		if err != nil {
			t.Fatal(err)
		}
		sites[name] = s.ID
	}
	capPlan(t, e, []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "clinical_pharmacist", QuarterStart: capDay(t, "2026-10-01"), StartersFTE: 5},
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: capDay(t, "2027-01-01"), StartersFTE: 1, LeaversFTE: 1},
		{PCNCode: "U60057", RoleCode: "care_coordinator", QuarterStart: capDay(t, "2027-07-01"), StartersFTE: 1},
	})
	return sites
}

// capPlan makes the lines a submitted version, and so the current plan, of their
// PCNs (a draft never counts: PLANNING.md, "Projection").
func capPlan(t *testing.T, e *capEnv, lines []workforce.PlanLine) {
	t.Helper()
	capDraft(t, e, lines)
	ctx := context.Background()
	for _, l := range lines {
		p, err := e.db.EditablePlan(ctx, l.PCNCode)
		if errors.Is(err, store.ErrNotFound) {
			continue // submitted for an earlier line
		} else if err != nil {
			t.Fatal(err)
		}
		if _, err := e.db.MovePlan(ctx, store.PlanMove{PCN: l.PCNCode, PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: capBy}); err != nil {
			t.Fatal(err)
		}
	}
}

// capDraft makes the lines the draft of their PCNs: counted in no official figure.
func capDraft(t *testing.T, e *capEnv, lines []workforce.PlanLine) {
	t.Helper()
	if _, err := e.db.ReplaceDrafts(context.Background(), "plan.csv", lines, capBy); err != nil {
		t.Fatal(err)
	}
}

func TestSitesPage(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sites := addRoomsScenario(t, e)
	code, doc := e.get("lead", "/pcns/U60057/sites")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	want := map[string]string{
		"rooms-available": "26.0", "rooms-needed-now": "24.4", "rooms-short-now": "0.0",
		"rooms-short-with-plan": "10.4", "rooms-first-short": "2026/27 Q4",
		"quarter-2026-27-q4-short": "6.4", "quarter-2027-28-q1-short": "6.4", "quarter-2027-28-q2-short": "10.4",
		"quarter-2028-29-q4-short": "10.4", "quarter-2026-27-q1-short": "0.0",
	}
	for tid, w := range want {
		if got := testID(doc, tid); got != w {
			t.Errorf("%s = %q, want %q", tid, got, w)
		}
	}
	for tid, w := range map[string]bool{"rooms-short-now-flag": false, "rooms-short-with-plan-flag": true,
		"quarter-2026-27-q4-short-flag": true, "quarter-2029-30-q1": false, "quarter-2025-26-q4": false} {
		if got := capHas(doc, tid); got != w {
			t.Errorf("%s shown: %v, want %v", tid, got, w)
		}
	}
	if n := doc.Find(`#quarters tbody tr`).Length(); n != 12 {
		t.Errorf("%d quarters, want 12", n)
	}

	// Without the branch, 20 sessions: short by 4.4 now, even without the plan.
	if err := e.db.RemoveSite(context.Background(), "U60057", sites["Branch"], 1, capBy); err != nil {
		t.Fatal(err)
	}
	_, doc = e.get("lead", "/pcns/U60057/sites")
	if testID(doc, "rooms-short-now") != "4.4" || !capHas(doc, "rooms-short-now-flag") || testID(doc, "rooms-short-with-plan") != "16.4" {
		t.Errorf("without the branch: short now %q, with the plan %q", testID(doc, "rooms-short-now"), testID(doc, "rooms-short-with-plan"))
	}
	if _, doc := e.get("director", "/pcns/U60057"); doc.Find(`[data-testid="capacity-links"] a[href="/pcns/U60057/sites"]`).Length() != 1 {
		t.Error("the PCN overview does not link to rooms")
	}
}

func TestSiteForms(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sites := addRoomsScenario(t, e)
	if code, _ := e.post("manager", "/pcns/U60057/sites/new", url.Values{"name": {"Annexe"}, "sessions": {"4.5"}}); code != http.StatusSeeOther {
		t.Fatalf("valid site: %d", code)
	}
	if a := e.audits("site.create"); len(a) != 3 || a[0].PCN != "U60057" || a[0].Actor != "manager@test.nhs.uk" {
		t.Errorf("audit of the site: %+v", a)
	}
	bad := []struct {
		form url.Values
		msg  string
	}{
		{url.Values{"name": {""}, "sessions": {"4"}}, "Enter the site's name"},
		{url.Values{"name": {"X"}, "sessions": {""}}, "Enter the bookable room sessions a week"},
		{url.Values{"name": {"X"}, "sessions": {"ten"}}, "Sessions a week must be a number"},
		{url.Values{"name": {"X"}, "sessions": {"-1"}}, "must be 0 or more, and no more than 300"},
		{url.Values{"name": {"X"}, "sessions": {"301"}}, "must be 0 or more, and no more than 300"},
		{url.Values{"name": {"main"}, "sessions": {"4"}}, "There is already a site called Main"},
	}
	for _, b := range bad {
		code, doc := e.post("manager", "/pcns/U60057/sites/new", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%v: %d, summary %q, want 422 with %q", b.form, code, capErrors(doc), b.msg)
		}
		if got, _ := doc.Find("#sessions").Attr("value"); got != b.form.Get("sessions") {
			t.Errorf("%v: sessions typed not kept: %q", b.form, got)
		}
	}
	main := "/pcns/U60057/sites/" + strconv.FormatInt(sites["Main"], 10)
	if code, _ := e.post("manager", main, url.Values{"name": {"Main surgery"}, "sessions": {"22"}, "version": {"1"}}); code != http.StatusSeeOther {
		t.Fatalf("valid change: %d", code)
	}
	if a := e.audits("site.update"); len(a) != 1 || a[0].PCN != "U60057" || !strings.Contains(a[0].AfterJSON, "Main surgery") {
		t.Errorf("audit of the change: %+v", a)
	}
	code, doc := e.post("manager", main, url.Values{"name": {"Main"}, "sessions": {"23"}, "version": {"1"}})
	if code != http.StatusConflict || !strings.Contains(testID(doc, "conflict"), "Main surgery") {
		t.Errorf("stale change: %d, conflict %q", code, testID(doc, "conflict"))
	}
	if code, _ := e.post("manager", main+"/remove", url.Values{"version": {"1"}}); code != http.StatusConflict {
		t.Errorf("stale removal: %d", code)
	}
	if code, _ := e.post("manager", main+"/remove", url.Values{"version": {"2"}}); code != http.StatusSeeOther {
		t.Errorf("removal: %d", code)
	}
	if a := e.audits("site.remove"); len(a) != 1 || a[0].PCN != "U60057" || a[0].AfterJSON != "" {
		t.Errorf("audit of the removal: %+v", a)
	}
	if code, _ := e.get("manager", main); code != http.StatusNotFound {
		t.Errorf("a removed site: %d", code)
	}
}
