package server

import (
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestDashboard checks every key figure of U60057's dashboard against the hand
// working of the scenario (dashboards_scenario_test.go).
func TestDashboard(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sc := addDashScenario(t, e)
	status, doc := e.get("director", "/pcns/U60057/dashboard")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	ahmed := "dash-supervisor-" + strconv.FormatInt(sc.ahmed, 10)
	want := map[string]string{
		// In post, plan and fair share.
		"dash-in-post":    "3.0",
		"dash-fair-share": "40.8 additional FTE on a baseline of 0.0: 40.8 FTE in post",
		"dash-reached":    "7% (England decile 10 of 10)",
		// Per 10,000 registered patients (docs/need.md): the test data has no
		// practices, so need is the PCN's registered list (3.0 ÷ 105,122 × 10,000 = 0.285), not the
		// imported weighted population of 100,000 the fair share uses.
		"dash-per-10k":            "0.29 (England decile 10 of 10)",
		"dash-projected":          "3.1 FTE",
		"dash-projected-no-plan":  "2.0 FTE",
		"dash-quarter-2026-06-30": "2026/27 Q1 | 30 Jun 2026 | 2.8 | 2.8 | 40.8",
		"dash-quarter-2027-03-31": "2026/27 Q4 | 31 Mar 2027 | 3.6 | 2.6 | 40.8",
		"dash-quarter-2029-03-31": "2028/29 Q4 | 31 Mar 2029 | 3.1 | 2.0 | 40.8",
		"dash-plan-used":          "version 1 (Accepted)",
		// Funding.
		"dash-headroom-2026": "Headroom £2,497,027",
		"dash-headroom-2027": "Headroom £2,460,299",
		"dash-funding-2026":  "2026/27 | £2,663,100 | £151,073 | £15,000 | £2,497,027",
		"dash-funding-2027":  "2027/28 | £2,663,100 | £140,551 | £62,250 | £2,460,299",
		// Supervision.
		"dash-coverage":    "1 of 2 (50%)",
		"dash-overloaded":  "1",
		"dash-over-ratio":  "1",
		"dash-trainees":    "1 of 4.8",
		"dash-gp-sessions": "1.2 (5.0 hours)",
		ahmed:              "Dr Ahmed | 5.0 | 4.0 | 125% Overloaded | 1 of 0.8 Over the ratio",
		// Rooms.
		"dash-rooms-available":       "20.0",
		"dash-rooms-needed-now":      "18.4",
		"dash-rooms-short-now":       "0.0",
		"dash-rooms-short-with-plan": "8.4",
		"dash-rooms-first-short":     "2026/27 Q4",
		"dash-rooms-2026-27-q4":      "2026/27 Q4 | 1.00 | 26.4 | 20.0 | 6.4 Short",
		"dash-rooms-2028-29-q4":      "2028/29 Q4 | 0.00 | 28.4 | 20.0 | 8.4 Short",
		// Leaving.
		"dash-leaving-count":                           "1",
		"dash-leaving-fte":                             "0.40",
		"dash-leaving-" + strconv.FormatInt(sc.r5, 10): "Care coordinator | Record " + strconv.FormatInt(sc.r5, 10) + " | ARRS | 0.40 | 14 Jan 2027",
		// Plan.
		"dash-plan-version": "Version 2",
		"dash-plan-waits":   "The PCN's managers, to finish and submit it",
		"dash-plan-current": "version 1 (Accepted), the current plan",
	}
	for id, w := range want {
		if got := cellsText(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	// No practice data here: the rate is divided by the list, and says so.
	if key, got := "ARRS FTE per 10,000 registered patients (none of its practices has age data)", textOf(doc, "#dash-workforce-summary"); !strings.Contains(got, key) ||
		strings.Contains(got, "need-adjusted") {
		t.Errorf("the rate is not named %q", key)
	}
	if got := testID(doc, "dash-plan-status"); got != "Draft" {
		t.Errorf("plan status %q", got)
	}
	for _, flag := range []string{"dash-coverage-flag", "dash-overloaded-flag", "dash-over-ratio-flag", "dash-rooms-short-with-plan-flag"} {
		if !capHas(doc, flag) {
			t.Errorf("%s is not flagged", flag)
		}
	}
	for _, calm := range []string{"dash-rooms-short-now-flag", "dash-headroom-2026-flag", "dash-list-size"} {
		if capHas(doc, calm) {
			t.Errorf("%s is flagged", calm)
		}
	}
	// Each figure is an inline SVG chart with a title, and its table.
	for _, fig := range []string{"dash-projection-figure", "dash-funding-figure", "dash-supervision-figure", "dash-rooms-figure"} {
		f := doc.Find(`[data-testid="` + fig + `"]`)
		if f.Find("svg[role=img] title").Length() != 1 || f.Find("table").Length() != 1 {
			t.Errorf("%s: want one titled chart and one table", fig)
		}
	}
	if href := doc.Find(`[data-testid="dash-plan-link"]`).AttrOr("href", ""); href != "/pcns/U60057/plan?version="+strconv.FormatInt(sc.v2.ID, 10) {
		t.Errorf("plan link %q", href)
	}
	if doc.Find("h1").Length() != 1 {
		t.Error("want one h1")
	}
}

// TestDashboardOfAQuietPCN is U79722: no plan, no supervisors, no sites, nobody
// leaving: the page says so rather than drawing empty charts.
func TestDashboardOfAQuietPCN(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	_, doc := e.get("admin", "/pcns/U79722/dashboard")
	want := map[string]string{
		"dash-in-post": "0.8", "dash-fair-share": "20.4 additional FTE", "dash-reached": "4% (England decile 10 of 10)",
		// No supervisor, link or site recorded: not known, never 0 (issue 11).
		"dash-headroom-2026": "Headroom £1,304,833", "dash-coverage": "Not known: no supervision recorded yet",
		"dash-rooms-available": "Not known: no sites recorded yet", "dash-rooms-needed-now": "3.2",
		"dash-no-sites": "No sites recorded yet", "dash-no-sites-add": "Add a site", "dash-leaving-count": "0", "dash-plan-used": "no recruitment plan",
	}
	for id, w := range want {
		if got := testID(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	for _, id := range []string{"dash-no-supervision", "dash-no-supervision-add", "dash-no-leavers", "dash-plan-none"} {
		if !capHas(doc, id) {
			t.Errorf("no %s", id)
		}
	}
	if capHas(doc, "dash-rooms-short-now") || capHas(doc, "dash-rooms-figure") {
		t.Error("a shortfall shown with no sites recorded")
	}
}

// TestDashboardBeforeAnyImport shows what can be shown without a workforce.
func TestDashboardBeforeAnyImport(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	status, doc := e.get("manager", "/pcns/U60057/dashboard")
	if status != 200 || !capHas(doc, "dash-no-census") || !strings.Contains(testID(doc, "dash-plan-none"), "no recruitment plan") {
		t.Errorf("status %d, no-census %v", status, capHas(doc, "dash-no-census"))
	}
}

// TestDashboardFollowsChanges: a link added is on the dashboard at once (the cached
// figures are keyed by the data version).
func TestDashboardFollowsChanges(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	sc := addDashScenario(t, e)
	if _, doc := e.get("director", "/pcns/U60057/dashboard"); testID(doc, "dash-coverage") != "1 of 2 (50%)" {
		t.Fatalf("coverage %q", testID(doc, "dash-coverage"))
	}
	status, _ := e.post("manager", "/pcns/U60057/supervision/links/new", map[string][]string{
		"supervisee": {strconv.FormatInt(sc.r2, 10)}, "supervisor": {strconv.FormatInt(sc.ahmed, 10)}, "kind": {"clinical"},
		"hours": {"1"}, "start[day]": {"1"}, "start[month]": {"11"}, "start[year]": {"2026"}})
	if status != 303 {
		t.Fatalf("adding a link: %d", status)
	}
	if _, doc := e.get("director", "/pcns/U60057/dashboard"); testID(doc, "dash-coverage") != "2 of 2 (100%)" {
		t.Errorf("coverage after the link %q", testID(doc, "dash-coverage"))
	}
}

// TestHomeLinksDirectorsToTheirDashboard: "Waiting for you" links a clinical director
// to the dashboard of the PCN they direct; the PCN overview links it too.
func TestHomeLinksDirectorsToTheirDashboard(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	_, home := e.get("director", "/")
	if href := home.Find(`[data-testid="waiting-dashboard-U60057"] a`).AttrOr("href", ""); href != "/pcns/U60057/dashboard" {
		t.Errorf("home page dashboard link %q", href)
	}
	_, home = e.get("manager", "/")
	if capHas(home, "waiting-dashboard-U60057") {
		t.Error("a manager has the director's link")
	}
	_, overview := e.get("manager", "/pcns/U60057")
	if href := overview.Find(`[data-testid="dashboard-link"]`).AttrOr("href", ""); href != "/pcns/U60057/dashboard" {
		t.Errorf("overview link %q", href)
	}
	_, overview = e.get("other-manager", "/pcns/U60057")
	if capHas(overview, "dashboard-link") {
		t.Error("another PCN's manager is linked to the dashboard")
	}
}

// cellsText is an element's text, a table row's cells or a list's items joined by " | ".
func cellsText(doc *goquery.Document, id string) string {
	sel := doc.Find(`[data-testid="` + id + `"]`)
	if cells := sel.Children().Filter("td, th, li"); cells.Length() > 0 && (goquery.NodeName(sel) == "tr" || goquery.NodeName(sel) == "ul") {
		parts := make([]string, cells.Length())
		cells.Each(func(i int, c *goquery.Selection) { parts[i] = strings.Join(strings.Fields(c.Text()), " ") })
		return strings.Join(parts, " | ")
	}
	return strings.Join(strings.Fields(sel.Text()), " ")
}
