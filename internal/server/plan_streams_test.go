package server

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The grid's rows are a role on a funding stream: every ARRS role on the ARRS (their
// cells named as before the streams), the GP on the practice GP scheme, and the roles on
// other money the plan holds lines of; every input's label names the row and quarter.
func TestPlanGridStreams(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	_, doc := e.page("manager", "/pcns/U60057/plan")
	if doc.Find(`tr[data-testid="row-2026-gp"] input[name="s-gp-2026-3"]`).Length() != 1 {
		t.Error("the GP on the ARRS has lost its cells' names")
	}
	row := doc.Find(`tr[data-testid="row-2026-gp-practice_gp"][data-role="gp"][data-stream="practice_gp"]`)
	if got := strings.TrimSpace(row.Find("th").Text()); got != "GP — practice GP scheme" {
		t.Errorf("the practice GP scheme's row: %q", got)
	}
	if got := strings.TrimSpace(row.Find(`label[for="s-gp-2026-3-practice_gp"]`).Text()); got != "GP — practice GP scheme, 2026/27 Q3, starters (FTE)" {
		t.Errorf("a practice GP cell's label: %q", got)
	}
	if n := doc.Find(`tr[data-stream="other"]`).Length(); n != 0 {
		t.Errorf("%d rows on other money with none planned", n)
	}
	// Every role's row on other money, on asking; the form then says so, and its save
	// keeps showing them.
	_, doc = e.page("manager", "/pcns/U60057/plan?other=1")
	if n, roles := doc.Find(`tr[data-stream="other"]`).Length(), doc.Find(`tr[data-role]:not([data-stream])`).Length(); n != roles || n < 20 {
		t.Errorf("%d rows on other money for %d roles", n, roles)
	}
	if got := planForm(doc).Get("other"); got != "1" {
		t.Errorf("the form's other: %q", got)
	}
	if status, _ := e.page("manager", "/pcns/U60057/plan?other=yes"); status != http.StatusBadRequest {
		t.Errorf("other=yes: %d", status)
	}
}

// "Show posts paid from other money" saves first, as a year's tab does, then shows
// every role on other money; with nothing changed it saves nothing. A line on other
// money keeps its row shown; lines of rows not shown are kept by a save.
func TestPlanShowOtherMoney(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	saved := e.plans()[0]
	v := e.gridForm("manager", "/pcns/U60057/plan", nil)
	v.Set("show", "other")
	code, to := e.postTo("manager", v)
	if code != http.StatusSeeOther || to != "/pcns/U60057/plan?other=1&year=2026" {
		t.Fatalf("show with nothing changed: %d %q", code, to)
	}
	if p := e.plans()[0]; p.Version != saved.Version {
		t.Errorf("nothing changed, yet version %d → %d", saved.Version, p.Version)
	}
	v = e.gridForm("manager", "/pcns/U60057/plan?other=1", map[string]string{"s-dietitian-2026-3-other": "1", "c-dietitian-2026-3-other": "40000"})
	v.Set("show", "used")
	if code, to := e.postTo("manager", v); code != http.StatusSeeOther || to != "/pcns/U60057/plan?year=2026" {
		t.Fatalf("save and show the rows in use: %d %q", code, to)
	}
	_, doc := e.page("manager", "/pcns/U60057/plan")
	if doc.Find(`input[name="s-dietitian-2026-3-other"]`).AttrOr("value", "") != "1" || doc.Find(`tr[data-stream="other"]`).Length() != 1 {
		t.Error("the dietitian on other money is not shown with the rows in use")
	}
	if got := e.lines(e.plans()[0].ID); !slices.Equal(got, []string{"paramedic 2026/27 Q2 1 0 -", "dietitian 2026/27 Q3 1 0 40000 other"}) {
		t.Errorf("saved %q", got)
	}
	if code, _ := e.post("manager", "/pcns/U60057/plan", url.Values{"plan": {strconv.FormatInt(saved.ID, 10)}, "version": {"1"}, "year": {"2026"}, "show": {"all"}}); code != http.StatusBadRequest {
		t.Errorf("show=all: %d", code)
	}
	// A read-only version leads to the same choice with a link.
	e.moveAll(t)
	_, doc = e.page("manager", "/pcns/U60057/plan")
	if href := doc.Find(`[data-testid="other-toggle"] a`).AttrOr("href", ""); href != "/pcns/U60057/plan?other=1&year=2026" {
		t.Errorf("the read-only grid's link: %q", href)
	}
}

// What changed between versions names the stream of a line not on the ARRS.
func TestPlanChangesNameStreams(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-gp-2026-3": "1"})
	e.moveAll(t)
	e.saveAt("manager", "/pcns/U60057/plan?edit=1", map[string]string{"s-gp-2026-3-practice_gp": "1", "c-gp-2026-3-practice_gp": "120000"})
	ps := e.plans()
	_, doc := e.page("lead", "/pcns/U60057/plan/history?from="+strconv.FormatInt(ps[1].ID, 10)+"&to="+strconv.FormatInt(ps[0].ID, 10))
	want := "GP — practice GP scheme | 2026/27 Q3 | None | 1 starting, 0 leaving at £120,000 a year"
	if got := tableRows(doc, `[data-testid="diff-added"]`); len(got) != 1 || got[0] != want {
		t.Errorf("added %q, want %q", got, want)
	}
	if got := tableRows(doc, `[data-testid="diff-changed"]`); len(got) != 0 {
		t.Errorf("the GP on the ARRS changed: %q", got)
	}
}

// postTo posts the plan form as a persona: its status and where it redirects.
func (e *planEnv) postTo(persona string, v url.Values) (int, string) {
	e.t.Helper()
	res, err := e.as(persona).PostForm(e.ts.URL+"/pcns/U60057/plan", v)
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}
