package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// Drafts stay private (PLANNING.md, "Drafts stay private"; issue 9, item 3). The
// scenario is the dashboards' (dashboards_scenario_test.go) with a target whose
// deadline, 31 March 2028, is after the census, so that plans count in the gap; then
// U79722 (QOC), which has no plan, starts a draft of 10 paramedics from 1 January 2027.
// Before the fix every area figure counted it (a PCN with only a draft projected with
// it), so a manager of another ICB, refused on U79722's plan page, read it through the
// gap pages' what-if.

// draftProbe is one request a person who is not one of U79722's may make, and how its
// figures are read from the response.
type draftProbe struct {
	persona, path string
	read          func(t *testing.T, body []byte) string
}

// draftProbes are every page and download a manager of another ICB (other-manager,
// U47425 of QSL) may fetch that holds an area's or U79722's figures, with and without
// a what-if; and the ICB pages a manager of another PCN of the same ICB (manager,
// U60057) may fetch: the comparison and the supply.
func draftProbes() []draftProbe {
	whatIf := "deadline=2029-03-31&attrition=0.05&target_fte=30000"
	var probes []draftProbe
	add := func(persona string, read func(*testing.T, []byte) string, paths ...string) {
		for _, p := range paths {
			probes = append(probes, draftProbe{persona, p, read})
		}
	}
	add("other-manager", mainText,
		"/", "/regions/Y60", "/icbs/QOC", "/pcns/U79722", "/pcns/U79722?"+whatIf,
		"/gaps", "/gaps?level=region", "/gaps?level=icb", "/gaps?level=pcn&icb=QOC", "/gaps?level=pcn&icb=QOC&sort=gap&dir=desc",
		"/gaps?level=pcn&"+whatIf, "/gaps?level=icb&deadline=2027-06-30", "/gaps?"+whatIf,
		"/gaps/icbs/QOC", "/gaps/icbs/QOC?"+whatIf)
	add("other-manager", rawText,
		"/gaps.csv", "/gaps.csv?level=pcn", "/gaps.csv?level=icb&"+whatIf, "/gaps.csv?level=pcn&"+whatIf,
		"/gaps/icbs/QOC.csv", "/gaps/icbs/QOC.csv?"+whatIf)
	add("other-manager", workbookText,
		"/gaps.xlsx?level=pcn", "/gaps.xlsx?level=pcn&"+whatIf, "/gaps/icbs/QOC.xlsx", "/gaps/icbs/QOC.xlsx?"+whatIf)
	add("manager", compareFigures, "/icbs/QOC/compare")
	add("manager", compareFileFigures, "/icbs/QOC/compare.csv")
	add("manager", mainText, "/icbs/QOC/supply", "/pcns/U79722", "/gaps/icbs/QOC?"+whatIf)
	return probes
}

// addDraftScenario is the dashboards' scenario with a target whose deadline is after
// the census, made the default.
func addDraftScenario(t *testing.T, e *capEnv) dashScenario {
	t.Helper()
	sc := addDashScenario(t, e)
	if _, _, err := e.db.SaveTarget(context.Background(), workforce.Target{Name: "Draft test target", FTE: 26000,
		Baseline: capDay(t, "2019-03-31"), Deadline: capDay(t, "2028-03-31"), IsDefault: true}, capBy); err != nil {
		t.Fatal(err)
	}
	return sc
}

// u79722Draft is U79722's draft: 10 paramedics from 1 January 2027, in (A, D].
var u79722Draft = []workforce.PlanLine{{PCNCode: "U79722", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 10}}

func TestDraftsStayPrivate(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDraftScenario(t, e)
	probes := draftProbes()
	without := e.probe(probes)
	capDraft(t, e, u79722Draft)
	with := e.probe(probes)
	for i, p := range probes {
		if with[i] != without[i] {
			t.Errorf("%s %s: the figures change when U79722 has a draft\nwithout: %.300s\nwith:    %.300s", p.persona, p.path, without[i], with[i])
		}
	}
	// The draft's own pages are refused to them.
	for _, path := range []string{"/pcns/U79722/plan", "/pcns/U79722/dashboard", "/pcns/U79722/plan.csv", "/pcns/U79722/plan.xlsx", "/pcns/U79722/funding", "/pcns/U79722/sites"} {
		if code := status(t, e.as("other-manager"), http.MethodGet, e.ts.URL+path); code != http.StatusForbidden {
			t.Errorf("other-manager %s: %d, want 403", path, code)
		}
	}
	// Once submitted, the plan counts: the same requests show it.
	submitDraft(t, e, "U79722")
	submitted := e.probe(probes)
	for _, path := range []string{"/gaps?level=pcn&icb=QOC", "/gaps.csv?level=pcn", "/gaps/icbs/QOC.csv", "/pcns/U79722", "/icbs/QOC/compare.csv"} {
		i := probeIndex(probes, path)
		if submitted[i] == without[i] {
			t.Errorf("%s: a submitted plan changes nothing", path)
		}
	}
}

// The probes would have caught the leak: counting drafts (the old rule) changes the
// figures they read, so "identical" above is not identical by accident.
func TestDraftProbesSeeACountedDraft(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDraftScenario(t, e)
	probes := draftProbes()
	without := e.probe(probes)
	capPlan(t, e, u79722Draft) // submitted at once: what a counted draft looked like
	with := e.probe(probes)
	for _, path := range []string{"/gaps?level=pcn&deadline=2029-03-31&attrition=0.05&target_fte=30000", "/gaps.xlsx?level=pcn",
		"/gaps/icbs/QOC.csv?deadline=2029-03-31&attrition=0.05&target_fte=30000", "/pcns/U79722", "/icbs/QOC/supply", "/icbs/QOC/compare"} {
		if i := probeIndex(probes, path); with[i] == without[i] {
			t.Errorf("%s: a counted plan changes nothing the probe reads", path)
		}
	}
}

// The PCN's own people see the draft beside the official figure: U60057's manager,
// on its plan page and dashboard, sees "with your draft" (version 2, 10 paramedics
// from 1 January 2027), while the official figures stay those of version 1, the
// accepted plan, as on the gap pages.
func TestDraftFiguresOnTheirOwnPages(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDraftScenario(t, e)
	ctx := context.Background()
	official, err := e.s.gapData(ctx, gaps.Options{Today: workforce.Today(capNow)})
	if err != nil {
		t.Fatal(err)
	}
	row, _ := gaps.Find(official.res.PCNs, "U60057")
	_, gapPage := e.get("other-manager", "/gaps/icbs/QOC")
	if got := cellsText(gapPage, "gap-U60057"); !strings.Contains(got, ui.FTE(row.ProjectedFTE)) {
		t.Fatalf("the gap page's U60057 row %q, official projection %s", got, ui.FTE(row.ProjectedFTE))
	}
	// Projected on 31 Mar 2028 (486 + 366 = 852 days after A): 3.0 − 3.0 × 0.10 ×
	// 852 ÷ 365 = 2.299726; with version 1 +1 + 0.5 − 0.4 = 3.399726 → 3.4; with the
	// draft +10: 12.299726 → 12.3.
	_, doc := e.get("manager", "/pcns/U60057/plan")
	if got := testID(doc, "official-gap"); !strings.Contains(got, "projected 3.4 FTE") || !strings.Contains(got, ui.FTE(row.GapFTE)+" FTE short") {
		t.Errorf("official gap on the plan page %q, want projected 3.4 and the gap page's gap %s", got, ui.FTE(row.GapFTE))
	}
	if got := testID(doc, "draft-gap"); !strings.Contains(got, "projected 12.3 FTE") {
		t.Errorf("with your draft on the plan page %q, want projected 12.3", got)
	}
	if !strings.Contains(doc.Find("#figures-summary").Text(), "with your draft") || testID(doc, "draft-note") == "" {
		t.Error("the plan page does not label the draft's figure")
	}
	// The grid is the draft's: its figures are with the draft, the official beside.
	// 2026/27 Q4 (31 Mar 2027): without a plan 2.6, with version 1 3.6, with the draft 12.6.
	want := map[string]string{"projected-2026-4": "12.6", "official-projected-2026-4": "3.6"}
	for id, w := range want {
		if got := testID(doc, id); got != w {
			t.Errorf("[data-testid=%s] = %q, want %q", id, got, w)
		}
	}
	if !strings.Contains(doc.Find(`[data-testid="grid-2026"] tfoot`).Text(), "with your draft") {
		t.Error("the grid's figures are not labelled with your draft")
	}
	// The accepted version shown: its figures are official, no draft rows in the grid.
	_, v1 := e.get("manager", "/pcns/U60057/plan?version="+itoa64(currentPlanID(t, e, "U60057")))
	if capHas(v1, "official-projected-2026-4") || testID(v1, "projected-2026-4") != "3.6" || testID(v1, "draft-gap") == "" {
		t.Errorf("version 1's page: projected %q, official rows %v", testID(v1, "projected-2026-4"), capHas(v1, "official-projected-2026-4"))
	}
	// The dashboard: official 3.1 on 31 Mar 2029 (the scenario's), with the draft
	// 1.999726 + 10 → 12.0.
	_, dash := e.get("manager", "/pcns/U60057/dashboard")
	for id, w := range map[string]string{"dash-projected": "3.1 FTE", "dash-projected-draft": "12.0 FTE",
		"dash-quarter-2027-03-31": "2026/27 Q4 | 31 Mar 2027 | 3.6 | 2.6 | 40.8 | 12.6", "dash-draft-note": "version 2 (Draft)"} {
		if got := cellsText(dash, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	// A PCN with no draft has no draft figure.
	_, quiet := e.get("lead", "/pcns/U79722/dashboard")
	if capHas(quiet, "dash-projected-draft") || capHas(quiet, "dash-draft-note") {
		t.Error("U79722 has no draft, yet its dashboard shows one")
	}
	_, quietPlan := e.get("lead", "/pcns/U79722/plan")
	if capHas(quietPlan, "draft-gap") || capHas(quietPlan, "draft-note") {
		t.Error("U79722 has no plan, yet its plan page shows a draft figure")
	}
}

// probe makes each request and reads its figures.
func (e *capEnv) probe(probes []draftProbe) []string {
	e.t.Helper()
	out := make([]string, len(probes))
	for i, p := range probes {
		res, err := e.as(p.persona).Get(e.ts.URL + p.path)
		if err != nil {
			e.t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			e.t.Fatalf("%s %s: %d %v", p.persona, p.path, res.StatusCode, err)
		}
		out[i] = p.read(e.t, body)
	}
	return out
}

func probeIndex(probes []draftProbe, path string) int {
	for i, p := range probes {
		if p.path == path {
			return i
		}
	}
	panic("no probe of " + path)
}

// mainText is a page's main content as text, spaces squeezed.
func mainText(t *testing.T, body []byte) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	main := doc.Find("main")
	if main.Length() == 0 {
		t.Fatal("no main element")
	}
	return strings.Join(strings.Fields(main.Text()), " ")
}

// rawText is a download byte for byte.
func rawText(_ *testing.T, body []byte) string { return string(body) }

// workbookText is every cell of every sheet of a workbook, by row.
func workbookText(t *testing.T, body []byte) string {
	t.Helper()
	book := sheettest.Open(t, body)
	var b strings.Builder
	for _, sheet := range book.Sheets() {
		rows := book.Rows(sheet)
		b.WriteString(sheet + "\n")
		for _, r := range rows {
			b.WriteString(strings.Join(r, ",") + "\n")
		}
	}
	return b.String()
}

// compareFigures is the comparison page without U79722's plan status, which says a
// draft exists and who acts on it next, not what it holds.
func compareFigures(t *testing.T, body []byte) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	doc.Find(`[data-testid="cmp-U79722-plan"]`).Closest("td").Remove()
	return strings.Join(strings.Fields(doc.Find("main").Text()), " ")
}

// compareFileFigures is the comparison's CSV without the plan status columns.
func compareFileFigures(t *testing.T, body []byte) string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range recs {
		for j, v := range r {
			if h := recs[0][j]; h != "plan_version" && h != "plan_status" && h != "waiting_for" {
				b.WriteString(v + ",")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// submitDraft submits the PCN's draft: it becomes the current plan.
func submitDraft(t *testing.T, e *capEnv, pcn string) {
	t.Helper()
	ctx := context.Background()
	p, err := e.db.EditablePlan(ctx, pcn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.MovePlan(ctx, store.PlanMove{PCN: pcn, PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: capBy}); err != nil {
		t.Fatal(err)
	}
}

func currentPlanID(t *testing.T, e *capEnv, pcn string) int64 {
	t.Helper()
	p, err := e.db.CurrentPlan(context.Background(), pcn)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}
