package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// planNow is the clock of the plan tests: 10 May 2026, so the grid shows 2026/27 to
// 2028/29 and the sample census (30 November 2025) is before every quarter of it.
var planNow = time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)

// planEnv is a server on its own database holding the QOC/QSL sample workforce, with
// the personas signed in as they are needed.
type planEnv struct {
	t       *testing.T
	db      *store.DB
	s       *Server
	ts      *httptest.Server
	users   map[string]auth.User
	clients map[string]*http.Client
}

func newPlanEnv(t *testing.T) *planEnv {
	t.Helper()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(context.Background(), db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	e := &planEnv{t: t, db: db, users: addPersonas(t, db), clients: map[string]*http.Client{}}
	e.s, e.ts = newTestServer(t, db)
	e.s.now = func() time.Time { return planNow }
	return e
}

// as is a persona's signed-in client.
func (e *planEnv) as(persona string) *http.Client {
	e.t.Helper()
	if c, ok := e.clients[persona]; ok {
		return c
	}
	c := client(e.t)
	signIn(e.t, e.ts, c, persona+"@test.nhs.uk")
	e.clients[persona] = c
	return c
}

// page gets a page as a persona and parses it.
func (e *planEnv) page(persona, path string) (int, *goquery.Document) {
	e.t.Helper()
	res, err := e.as(persona).Get(e.ts.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.StatusCode, doc
}

// post posts a form as a persona.
func (e *planEnv) post(persona, path string, v url.Values) (int, string) {
	e.t.Helper()
	return postForm(e.t, e.as(persona), e.ts.URL+path, v)
}

// planForm is the plan form of a page, every field as the browser would send it.
func planForm(doc *goquery.Document) url.Values {
	v := url.Values{}
	doc.Find(`form[data-testid="plan-form"] input`).Each(func(_ int, in *goquery.Selection) {
		name, _ := in.Attr("name")
		v.Set(name, in.AttrOr("value", ""))
	})
	return v
}

// gridForm opens the plan page as a persona and fills in cells. The editor shows one
// financial year and posts its cells only; for cells of several years, the pages of
// each are opened and their forms put together, naming every year (the save reads the
// cells of each year its form names).
func (e *planEnv) gridForm(persona, path string, cells map[string]string) url.Values {
	e.t.Helper()
	var v url.Values
	for _, y := range cellYears(cells) {
		status, doc := e.page(persona, withYear(path, y))
		f := planForm(doc)
		if status != http.StatusOK || f.Get("version") == "" || f.Get("year") == "" {
			e.t.Fatalf("%s as %s: %d, no plan form", withYear(path, y), persona, status)
		}
		if v == nil {
			v = f
			continue
		}
		for k, x := range f {
			if k != "year" {
				v[k] = x
			}
		}
		v.Add("year", f.Get("year"))
	}
	for k, x := range cells {
		v.Set(k, x)
	}
	return v
}

// cellYears are the financial years of the cells' fields ("s-paramedic-2027-1" is
// 2027), in order; "" alone (the page's own year) when they name none.
func cellYears(cells map[string]string) []string {
	var years []string
	for field := range cells {
		parts := strings.Split(field, "-")
		if _, stream := workforce.ParseStream(parts[len(parts)-1]); stream {
			parts = parts[:len(parts)-1] // a cell on another stream than the ARRS
		}
		if len(parts) >= 4 {
			if y := parts[len(parts)-2]; !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	if len(years) == 0 {
		return []string{""}
	}
	slices.Sort(years)
	return years
}

// withYear is a plan page's address for a financial year ("" for the default one).
func withYear(path, year string) string {
	switch {
	case year == "":
		return path
	case strings.Contains(path, "?"):
		return path + "&year=" + year
	}
	return path + "?year=" + year
}

// save fills in the grid and saves it, wanting 303.
func (e *planEnv) save(persona string, cells map[string]string) {
	e.t.Helper()
	if code, body := e.post(persona, "/pcns/U60057/plan", e.gridForm(persona, "/pcns/U60057/plan", cells)); code != http.StatusSeeOther {
		e.t.Fatalf("saving %v as %s: %d\n%s", cells, persona, code, errorSummary(body))
	}
}

// errorSummary is the error summary of a page, for failure messages.
func errorSummary(body string) string {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		return body
	}
	return strings.Join(strings.Fields(doc.Find(".nhsuk-error-summary").Text()), " ")
}

// plans is U60057's versions, newest first.
func (e *planEnv) plans() []workforce.Plan {
	e.t.Helper()
	ps, err := e.db.PlansByPCN(context.Background(), "U60057")
	if err != nil {
		e.t.Fatal(err)
	}
	return ps
}

// lines is a version's lines as "role quarter starters leavers cost" strings.
func (e *planEnv) lines(id int64) []string {
	e.t.Helper()
	ls, err := e.db.PlanLines(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return lineTexts(ls)
}

// lineTexts are plan lines as "role quarter starters leavers cost" strings, the cost
// as the grid shows it ("-" when none), then the stream when not the ARRS: the form the
// audit trail keeps them in.
func lineTexts(lines []workforce.PlanLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		cost := "-"
		if l.AnnualCostPence != nil {
			cost = l.CostInput()
		}
		out[i] = l.RoleCode + " " + workforce.QuarterOf(l.QuarterStart).String() + " " +
			strconv.FormatFloat(l.StartersFTE, 'f', -1, 64) + " " + strconv.FormatFloat(l.LeaversFTE, 'f', -1, 64) + " " + cost
		if l.FundingStream() != workforce.StreamARRS {
			out[i] += " " + string(l.Stream)
		}
	}
	return out
}

// move posts a workflow move on a version as a persona.
func (e *planEnv) move(persona, move string, p workforce.Plan, comment string) (int, string) {
	e.t.Helper()
	v := url.Values{"plan": {strconv.FormatInt(p.ID, 10)}, "version": {strconv.Itoa(p.Version)}}
	if comment != "" {
		v.Set("comment", comment)
	}
	return e.post(persona, "/pcns/U60057/plan/"+move, v)
}

func (e *planEnv) plan(id int64) workforce.Plan {
	e.t.Helper()
	p, err := e.db.Plan(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

func readBody(t *testing.T, res *http.Response) []byte {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPlanEditorSaves(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	if _, doc := e.page("director", "/pcns/U60057"); doc.Find(`a[data-testid="plan-link"][href="/pcns/U60057/plan"]`).Length() != 1 {
		t.Error("the PCN's overview does not link to its plan")
	}
	status, doc := e.page("manager", "/pcns/U60057/plan")
	if status != 200 || doc.Find(`input[name="s-clinical_pharmacist-2026-1"]`).Length() != 1 ||
		doc.Find(`input[name="c-consultant_nurse-2026-4"]`).Length() != 1 || doc.Find(`[data-testid^="grid-"]`).Length() != 1 {
		t.Fatalf("the editor of a PCN with no plan: %d, the grid of 2026/27 alone expected", status)
	}
	if _, doc := e.page("manager", "/pcns/U60057/plan?year=2028"); doc.Find(`input[name="c-consultant_nurse-2028-4"]`).Length() != 1 ||
		doc.Find(`input[name="s-clinical_pharmacist-2026-1"]`).Length() != 0 || doc.Find(`[data-testid="grid-2029"]`).Length() != 0 {
		t.Fatal("?year=2028 does not show 2028/29 alone")
	}
	if got := doc.Find(`label[for="s-paramedic-2026-3"]`).Text(); got != "Paramedic, 2026/27 Q3, starters (FTE)" {
		t.Errorf("cell label %q", got)
	}
	e.save("manager", map[string]string{"s-clinical_pharmacist-2026-2": "1.5", "c-clinical_pharmacist-2026-2": "£52,000",
		"l-paramedic-2027-1": "0.5"})
	ps := e.plans()
	if len(ps) != 1 || ps[0].Status != workforce.PlanDraft || ps[0].CreatedBy != "manager@test.nhs.uk" {
		t.Fatalf("plans after the first save: %+v", ps)
	}
	want := []string{"clinical_pharmacist 2026/27 Q2 1.5 0 52000", "paramedic 2027/28 Q1 0 0.5 -"}
	if got := e.lines(ps[0].ID); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %v, want %v", got, want)
	}
	if got := planAudit(t, e.db); len(got) != 1 || got[0] != "manager@test.nhs.uk plan.save" {
		t.Errorf("audit: %v", got)
	}
	_, doc = e.page("manager", "/pcns/U60057/plan")
	if v := doc.Find(`input[name="c-clinical_pharmacist-2026-2"]`).AttrOr("value", ""); v != "52000" {
		t.Errorf("the saved cost reads %q in the grid", v)
	}
	if got := testID(doc, "net-2026-2"); got != "1.5" {
		t.Errorf("net starters of 2026/27 Q2: %q", got)
	}
	if !strings.Contains(doc.Find(".nhsuk-notification-banner").Text(), "The plan is saved (version 1)") {
		t.Error("no success banner after the save")
	}
	// A second save changes the same draft: no new version.
	e.save("manager", map[string]string{"s-clinical_pharmacist-2026-2": "", "c-clinical_pharmacist-2026-2": ""})
	if ps := e.plans(); len(ps) != 1 || ps[0].Version != 2 || strings.Join(e.lines(ps[0].ID), "|") != "paramedic 2027/28 Q1 0 0.5 -" {
		t.Errorf("after clearing a cell: %+v %v", ps, e.lines(ps[0].ID))
	}
	// Lines outside the grid's three years are kept by a save from the grid.
	if _, err := e.db.SaveDraft(context.Background(), store.DraftSave{PCN: "U60057", PlanID: ps[0].ID, Version: 2, Action: workforce.ActionSave,
		By: store.Actor{Name: "test"}, Lines: []workforce.PlanLine{{RoleCode: "paramedic", QuarterStart: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), StartersFTE: 2}}}); err != nil {
		t.Fatal(err)
	}
	e.save("manager", map[string]string{"s-dietitian-2028-4": "1"})
	if got := e.lines(ps[0].ID); strings.Join(got, "|") != "paramedic 2025/26 Q1 2 0 -|dietitian 2028/29 Q4 1 0 -" {
		t.Errorf("a line outside the grid was not kept: %v", got)
	}
}

// The editor shows one financial year at a time: the current one unless ?year= names
// another of the window; a save posts that year's cells and keeps every other line of
// the plan; the page reopens on the same year, or for "Save and submit" goes on to the
// submission's check page. A year outside the window, or a form naming none, is refused.
func TestPlanYearSwitch(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	_, doc := e.page("manager", "/pcns/U60057/plan")
	// In the editor each year is a button of the grid's form: it saves, then switches.
	tabs := doc.Find(`form[data-testid="plan-form"] [data-testid="year-switch"] button[type="submit"][name="goto"]`)
	if tabs.Length() != 3 || tabs.First().AttrOr("value", "") != "2026" || tabs.Last().AttrOr("value", "") != "2028" ||
		doc.Find(`[data-testid="year-switch"] a`).Length() != 0 {
		t.Fatalf("year switch: %d buttons, %q", tabs.Length(), tabs.Text())
	}
	if cur := doc.Find(`[data-testid="year-switch"] button[aria-current="page"]`); cur.Length() != 1 || cur.Text() != "Save and show 2026/27" {
		t.Errorf("the current year of the switch: %q", cur.Text())
	}
	// Enter in a cell presses the form's first submit button: Save, not a year's tab.
	if first := doc.Find(`form[data-testid="plan-form"] button[type="submit"]`).First(); first.AttrOr("value", "x") != "" || first.AttrOr("name", "") != "goto" {
		t.Errorf("the form's first button is %q", first.Text())
	}
	if got := planForm(doc).Get("year"); got != "2026" {
		t.Errorf("the form names the year %q", got)
	}
	for _, bad := range []string{"2025", "2029", "27", "2027%2F28", "x"} {
		if status, doc := e.page("manager", "/pcns/U60057/plan?year="+bad); status != http.StatusBadRequest ||
			!strings.Contains(doc.Text(), "The plan shows the financial years 2026/27 to 2028/29") {
			t.Errorf("?year=%s: %d", bad, status)
		}
	}
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "s-paramedic-2027-3": "2", "s-paramedic-2028-4": "3"})
	// A save of 2027/28 alone keeps the other years as they are.
	v := e.gridForm("manager", "/pcns/U60057/plan?year=2027", map[string]string{"s-dietitian-2027-1": "1", "s-paramedic-2027-3": ""})
	if vs := v["year"]; len(vs) != 1 || vs[0] != "2027" || v.Has("s-paramedic-2026-2") {
		t.Fatalf("the 2027/28 form: years %v, holds 2026/27: %v", vs, v.Has("s-paramedic-2026-2"))
	}
	res, err := e.as("manager").PostForm(e.ts.URL+"/pcns/U60057/plan", v)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pcns/U60057/plan?year=2027" {
		t.Errorf("save: %d to %q, want the same year again", res.StatusCode, res.Header.Get("Location"))
	}
	want := "paramedic 2026/27 Q2 1 0 -|dietitian 2027/28 Q1 1 0 -|paramedic 2028/29 Q4 3 0 -"
	if got := strings.Join(e.lines(e.plans()[0].ID), "|"); got != want {
		t.Errorf("after saving 2027/28: %s\nwant %s", got, want)
	}
	// Save and submit: saved, then the submission's check page.
	v = e.gridForm("manager", "/pcns/U60057/plan?year=2028", map[string]string{"l-dietitian-2028-1": "0.5"})
	v.Set("then", "submit")
	res, err = e.as("manager").PostForm(e.ts.URL+"/pcns/U60057/plan", v)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pcns/U60057/plan/submit" {
		t.Errorf("save and submit: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if got := e.lines(e.plans()[0].ID); !slices.Contains(got, "dietitian 2028/29 Q1 0 0.5 -") {
		t.Errorf("save and submit did not save: %v", got)
	}
	// Forms that cannot be read: no year, a year outside the window, twice, a then of
	// nothing known. Nothing is saved.
	version := e.plans()[0].Version
	for name, change := range map[string]func(url.Values){
		"no year":      func(v url.Values) { v.Del("year") },
		"2029":         func(v url.Values) { v.Set("year", "2029") },
		"twice":        func(v url.Values) { v.Add("year", "2026") },
		"then unknown": func(v url.Values) { v.Set("then", "publish") },
	} {
		v := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-3": "4"})
		change(v)
		if code, _ := e.post("manager", "/pcns/U60057/plan", v); code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", name, code)
		}
	}
	if e.plans()[0].Version != version {
		t.Error("a refused form saved the plan")
	}
}

// A year's tab in the editor saves the year shown, then shows its own, so that
// switching year without JavaScript loses nothing typed; with nothing changed it saves
// nothing; with a wrong cell it stays on the year shown (422), the input kept. A
// read-only plan's tabs stay plain links.
func TestPlanYearTabsSave(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	post := func(cells map[string]string, next string) (*http.Response, string) {
		t.Helper()
		v := e.gridForm("manager", "/pcns/U60057/plan", cells)
		v.Set("goto", next)
		res, err := e.as("manager").PostForm(e.ts.URL+"/pcns/U60057/plan", v)
		if err != nil {
			t.Fatal(err)
		}
		return res, string(readBody(t, res))
	}
	res, _ := post(map[string]string{"s-paramedic-2026-3": "1.5"}, "2027")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pcns/U60057/plan?year=2027" {
		t.Fatalf("a tab after typing: %d to %q, want 303 to 2027/28", res.StatusCode, res.Header.Get("Location"))
	}
	ps := e.plans()
	if len(ps) != 1 || strings.Join(e.lines(ps[0].ID), "|") != "paramedic 2026/27 Q3 1.5 0 -" {
		t.Fatalf("the tab did not save what was typed: %v", e.lines(ps[0].ID))
	}
	// Nothing changed: the year is shown, nothing is saved.
	res, _ = post(map[string]string{"s-paramedic-2026-3": "1.5"}, "2028")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pcns/U60057/plan?year=2028" || e.plans()[0].Version != ps[0].Version {
		t.Errorf("a tab with nothing changed: %d to %q, version %d → %d", res.StatusCode, res.Header.Get("Location"), ps[0].Version, e.plans()[0].Version)
	}
	// A wrong cell: the same year again, with its message and the input kept.
	res, body := post(map[string]string{"s-paramedic-2026-3": "-3", "s-dietitian-2026-4": "2"}, "2027")
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	if res.StatusCode != http.StatusUnprocessableEntity || planForm(doc).Get("year") != "2026" ||
		planForm(doc).Get("s-dietitian-2026-4") != "2" || !strings.Contains(errorSummary(body), "starters must be 0 or more") {
		t.Errorf("a tab with a wrong cell: %d, year %q, summary %q", res.StatusCode, planForm(doc).Get("year"), errorSummary(body))
	}
	if e.plans()[0].Version != ps[0].Version {
		t.Error("a tab with a wrong cell saved")
	}
	if res, _ := post(map[string]string{"s-paramedic-2026-3": "2"}, "2031"); res.StatusCode != http.StatusBadRequest || e.plans()[0].Version != ps[0].Version {
		t.Errorf("a tab of a year outside the plan: %d", res.StatusCode)
	}
	_, doc = e.page("director", "/pcns/U60057/plan")
	if links := doc.Find(`[data-testid="year-switch"] a`); links.Length() != 3 || links.Eq(1).AttrOr("href", "") != "/pcns/U60057/plan?year=2027" ||
		doc.Find(`[data-testid="year-switch"] button`).Length() != 0 {
		t.Errorf("the read-only year switch: %d links", links.Length())
	}
}

func TestPlanGridValidation(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	var role string
	if err := e.db.QueryRowForTest(context.Background(), `UPDATE roles SET added = '2027-07-01' WHERE code = 'consultant_nurse' RETURNING code`, &role); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		field, value, msg string
	}{
		{"s-clinical_pharmacist-2026-1", "-1", "starters must be 0 or more"},
		{"l-clinical_pharmacist-2026-1", "51", "leavers must be 50 FTE or less"},
		{"s-paramedic-2027-2", "one", "enter starters as a number of FTE"},
		{"c-paramedic-2027-2", "5000", "between £10,000 and £250,000"},
		{"c-paramedic-2027-2", "300,000", "between £10,000 and £250,000"},
		{"c-paramedic-2027-2", "45k", "enter the annual cost in pounds"},
		{"s-consultant_nurse-2027-1", "1", "the role joined ARRS on 1 July 2027"},
	}
	for _, b := range bad {
		// The page shown again is of the field's year, with another cell of it typed.
		other := "s-dietitian-" + cellYears(map[string]string{b.field: ""})[0] + "-3"
		v := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{b.field: b.value, other: "2"})
		code, body := e.post("manager", "/pcns/U60057/plan", v)
		doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "<title>Error: ") {
			t.Errorf("%s=%q: %d", b.field, b.value, code)
		}
		if got := doc.Find(".nhsuk-error-summary").Text(); !strings.Contains(got, b.msg) {
			t.Errorf("%s=%q: summary %q, want %q", b.field, b.value, strings.TrimSpace(got), b.msg)
		}
		if href := doc.Find(".nhsuk-error-summary a").First().AttrOr("href", ""); href != "#"+b.field {
			t.Errorf("%s: the summary links to %q", b.field, href)
		}
		if b.field != "s-consultant_nurse-2027-1" {
			if got := doc.Find("#" + b.field + "-error").Text(); !strings.Contains(got, b.msg) {
				t.Errorf("%s: the message next to the cell is %q", b.field, got)
			}
			if got := doc.Find(`input[name="`+b.field+`"]`).AttrOr("value", ""); got != b.value {
				t.Errorf("%s: the input was not kept (%q)", b.field, got)
			}
		}
		if got := doc.Find(`input[name="`+other+`"]`).AttrOr("value", ""); got != "2" {
			t.Errorf("%s: the other cells were not kept (%q)", b.field, got)
		}
	}
	if ps := e.plans(); len(ps) != 0 {
		t.Errorf("refused forms saved a plan: %+v", ps)
	}
	if got := planAudit(t, e.db); len(got) != 0 {
		t.Errorf("refused forms wrote audit entries: %v", got)
	}
	// A quarter before the role joined has no inputs.
	_, doc := e.page("manager", "/pcns/U60057/plan?year=2027")
	if doc.Find(`input[name="s-consultant_nurse-2027-1"]`).Length() != 0 || doc.Find(`input[name="s-consultant_nurse-2027-2"]`).Length() != 1 {
		t.Error("the grid offers a role before it joined ARRS, or not after")
	}
}

func TestPlanWarnings(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{
		"s-clinical_pharmacist-2026-2": "1", "c-clinical_pharmacist-2026-2": "70000", // the cap is £66,972
		"s-care_coordinator-2026-2": "1", "c-care_coordinator-2026-2": "30000", // under its cap of £33,396
		"s-digital_transformation_lead-2026-3": "1", "s-digital_transformation_lead-2027-1": "1", // 1 per PCN
		"s-paramedic-2026-4": "1", "l-paramedic-2027-1": "45", // more than the network's paramedics
	})
	_, doc := e.page("manager", "/pcns/U60057/plan")
	w := testID(doc, "warnings")
	for _, want := range []string{
		"Clinical pharmacist, 2026/27 Q2: £70,000 a year is above the cap of £66,972, so the PCN pays the difference",
		// 1 in post on the census, so the first starter is already over.
		"Digital and transformation lead: 2.00 FTE by the end of 2026/27 Q3, more than the 1 per PCN",
		"Paramedic, 2027/28 Q1: 45.00 FTE leaving, more than the ",
		"the projection cannot go below zero, so check the leavers",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %q, want %q", w, want)
		}
	}
	if strings.Contains(w, "Care coordinator") {
		t.Errorf("a cost under the cap was warned: %q", w)
	}
	if href := doc.Find(`[data-testid="warnings"] a`).First().AttrOr("href", ""); href != "#c-clinical_pharmacist-2026-2" {
		t.Errorf("the warning links to %q", href)
	}
	// A cell of another year is on its year's page.
	if href := doc.Find(`[data-testid="warnings"] a`).Last().AttrOr("href", ""); href != "/pcns/U60057/plan?year=2027#l-paramedic-2027-1" {
		t.Errorf("the leavers' warning links to %q", href)
	}
}

// planAudit is the audit trail's plan entries, newest first.
func planAudit(t *testing.T, db *store.DB) []string {
	t.Helper()
	var out []string
	for _, a := range auditActions(t, db) {
		if strings.Contains(a, " plan.") {
			out = append(out, a)
		}
	}
	return out
}
