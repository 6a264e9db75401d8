package server

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// integrationScenario is U60057 on 23 November 2026 (capNow) with the three member
// practices of practicesOfShrewsbury:
//
//	p  clinical pharmacist 1.0, from 1 January 2025, a clinical link to Dr Ahmed
//	m  paramedic 0.8, from 1 October 2026: a starter of under two months
//	f  first contact physiotherapist 1.0, from 1 July 2026: almost five months in
//	c  care coordinator 0.5, from 1 January 2025: the role needs no supervision
//	o  a staff record outside ARRS (role NULL), and x a pharmacist of U47425
//
// No integration record is saved: every count but no_supervisor is "no data".
type integrationScenario struct {
	e     *capEnv
	staff map[string]int64
}

func newIntegrationScenario(t *testing.T) integrationScenario {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	practicesOfShrewsbury(t, dbURL)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return capNow }
	e := &capEnv{t: t, db: db, s: s, ts: ts, clients: map[string]*http.Client{}}
	sc := integrationScenario{e: e, staff: map[string]int64{
		"p": e.staff("U60057", "clinical_pharmacist", 1, "2025-01-01", ""),
		"m": e.staff("U60057", "paramedic", 0.8, "2026-10-01", ""),
		"f": e.staff("U60057", "first_contact_physiotherapist", 1, "2026-07-01", ""),
		"c": e.staff("U60057", "care_coordinator", 0.5, "2025-01-01", ""),
		"x": e.staff("U47425", "clinical_pharmacist", 1, "2025-01-01", ""),
	}}
	var other int64
	if err := db.QueryRowForTest(context.Background(), `INSERT INTO staff (pcn_code, staff_role, source, fte, start_date)
		VALUES ('U60057', 'Practice Manager', 'manual', 1, '2025-01-01') RETURNING id`, &other); err != nil {
		t.Fatal(err)
	}
	sc.staff["o"] = other
	ctx := context.Background()
	sup, err := db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: "U60057", Name: "Dr Ahmed", Profession: "GP", FTE: 1, HoursPerMonth: 8}, capBy)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSupervisionLink(ctx, workforce.SupervisionLink{PCNCode: "U60057", SuperviseeID: sc.staff["p"], SupervisorID: sup.ID,
		Kind: workforce.SupervisionClinical, HoursPerMonth: 2, Start: workforce.Date(2025, 1, 1)}, capBy); err != nil {
		t.Fatal(err)
	}
	return sc
}

func (sc integrationScenario) recordPath(who string) string {
	return "/pcns/U60057/staff/" + strconv.FormatInt(sc.staff[who], 10) + "/integration"
}

// integrationFormOf is what a browser posts of the page's form as it stands: its
// text inputs, checked boxes and radios, selected options and textareas.
func integrationFormOf(doc *goquery.Document) url.Values {
	v := url.Values{}
	form := doc.Find(`form[method="post"]`)
	form.Find(`input[name]`).Each(func(_ int, s *goquery.Selection) {
		name, typ := s.AttrOr("name", ""), s.AttrOr("type", "text")
		if (typ == "checkbox" || typ == "radio") && !s.Is("[checked]") {
			return
		}
		v.Add(name, s.AttrOr("value", ""))
	})
	form.Find(`textarea[name]`).Each(func(_ int, s *goquery.Selection) { v.Set(s.AttrOr("name", ""), s.Text()) })
	form.Find(`select[name]`).Each(func(_ int, s *goquery.Selection) {
		v.Set(s.AttrOr("name", ""), s.Find("option[selected]").AttrOr("value", ""))
	})
	return v
}

// The page before any integration record: every ARRS member of staff in post (not
// the record outside ARRS, not the other PCN's), no_supervisor counted from the
// supervision links, the four others "no data" with why, the rules named as the
// planner's; the clinical director and the ICB lead see it without Update links, the
// manager with them.
func TestIntegrationPageBeforeRecords(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	for _, who := range []string{"director", "lead"} {
		code, doc := sc.e.get(who, "/pcns/U60057/integration")
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", who, code)
		}
		if got := testID(doc, "count-arrs_staff"); got != "4" {
			t.Errorf("%s: ARRS staff %q, want 4", who, got)
		}
		if got := testID(doc, "count-no_supervisor"); got != "2" {
			t.Errorf("%s: no supervisor %q, want 2 (the paramedic and the physiotherapist)", who, got)
		}
		for _, w := range []string{"over_two_practices", "appraisal_overdue", "no_records_access", "no_service"} {
			if got := testID(doc, "count-"+w); got != "no data" {
				t.Errorf("%s: %s = %q, want no data", who, w, got)
			}
		}
		if !capHas(doc, "no-records") || capHas(doc, "no-supervision") {
			t.Errorf("%s: the reasons for no data are wrong", who)
		}
		for name, id := range sc.staff {
			shown := capHas(doc, "person-"+strconv.FormatInt(id, 10))
			if want := name != "o" && name != "x"; shown != want {
				t.Errorf("%s: %s shown %v, want %v", who, name, shown, want)
			}
		}
		if doc.Find(`a[href$="/integration"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
			return strings.Contains(s.AttrOr("href", ""), "/staff/")
		}).Length() != 0 {
			t.Errorf("%s is offered Update links", who)
		}
		rules := testID(doc, "rules")
		if !strings.Contains(rules, "the planner’s rule") || !strings.Contains(rules, "more than 2 practices") {
			t.Errorf("%s: the rules read %q", who, rules)
		}
		if !strings.Contains(doc.Text(), "Integrating additional roles into primary care networks") {
			t.Errorf("%s: the King's Fund is not cited", who)
		}
	}
	f := "person-" + strconv.FormatInt(sc.staff["f"], 10)
	_, doc := sc.e.get("director", "/pcns/U60057/integration")
	if got := testID(doc, "warnings-"+strconv.FormatInt(sc.staff["c"], 10)); got != "None" {
		t.Errorf("the care coordinator's warnings %q: their role needs no supervision and the rest is not known", got)
	}
	if row := testID(doc, f); !strings.Contains(row, "None") || strings.Contains(row, "over") {
		t.Errorf("the physiotherapist's row %q", row)
	}
	if row := testID(doc, "person-"+strconv.FormatInt(sc.staff["p"], 10)); !strings.Contains(row, "Dr Ahmed") {
		t.Errorf("the pharmacist's supervisor is not named: %q", row)
	}
	if row := testID(doc, "person-"+strconv.FormatInt(sc.staff["m"], 10)); !strings.Contains(row, "due by 1 Jan 2027") {
		t.Errorf("the new paramedic's records access is not due by 1 January 2027: %q", row)
	}
	_, doc = sc.e.get("manager", "/pcns/U60057/integration")
	if doc.Find(`[data-testid="`+f+`"] a[href="`+sc.recordPath("f")+`"]`).Length() != 1 {
		t.Error("the manager has no Update link to the physiotherapist's record")
	}
	_, doc = sc.e.get("director", "/pcns/U60057/integration?warnings=1")
	if n := doc.Find(`[data-testid="people"] tbody tr`).Length(); n != 2 || !strings.Contains(testID(doc, "filter"), "2 of 4") {
		t.Errorf("only people with warnings: %d rows, %q; want the paramedic and the physiotherapist", n, testID(doc, "filter"))
	}
	if code, _ := sc.e.get("director", "/pcns/U60057/integration?warnings=2"); code != http.StatusBadRequest {
		t.Errorf("?warnings=2: %d, want 400", code)
	}
}

// A manager saves the physiotherapist's record based at three practices with no
// records access: audited once, the warnings counted now that the PCN keeps records,
// the filter keeps the people with warnings, and the file says the same.
func TestIntegrationRecordSaved(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	code, doc := sc.e.get("manager", sc.recordPath("f"))
	if code != http.StatusOK || doc.Find(`input[name="practices"]`).Length() != 3 || doc.Find(`select[name="roadmap_stage"]`).Length() != 1 {
		t.Fatalf("the form: %d, %d practices", code, doc.Find(`input[name="practices"]`).Length())
	}
	if got := testID(doc, "supervisors"); !strings.Contains(got, "needs clinical supervision") {
		t.Errorf("the supervisor panel reads %q", got)
	}
	v := integrationFormOf(doc)
	if v.Get("version") != "0" {
		t.Fatalf("a new record's version %q", v.Get("version"))
	}
	v["practices"] = []string{"ZZ0001", "ZZ0002", "ZZ0003"}
	v.Set("induction[day]", "1")
	v.Set("induction[month]", "7")
	v.Set("induction[year]", "2026")
	v.Set("admin_support", "Reception team, Abbey Surgery")
	v.Set("roadmap_stage", "stage2_in_progress")
	if code, _ := sc.e.post("manager", sc.recordPath("f"), v); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	if got := auditActions(t, sc.e.db); !slices.Equal(got, []string{"manager@test.nhs.uk integration.create"}) {
		t.Errorf("audit trail %v", got)
	}
	rec, err := sc.e.db.IntegrationRecord(context.Background(), "U60057", sc.staff["f"])
	if err != nil || len(rec.Practices) != 3 || rec.AdminSupport != "Reception team, Abbey Surgery" || rec.Version != 1 {
		t.Fatalf("saved %+v, %v", rec, err)
	}
	_, doc = sc.e.get("director", "/pcns/U60057/integration")
	// Now known: p and c are over a year in with no appraisal, and with m and f none
	// has a service; p, c and f (not m, under three months) lack records access.
	for w, want := range map[string]string{"no_supervisor": "2", "over_two_practices": "1", "appraisal_overdue": "2",
		"no_records_access": "3", "no_service": "4"} {
		if got := testID(doc, "count-"+w); got != want {
			t.Errorf("%s = %q, want %s", w, got, want)
		}
	}
	f := strconv.FormatInt(sc.staff["f"], 10)
	if row := testID(doc, "person-"+f); !strings.Contains(row, "ABBEY SURGERY; BORDER SURGERY; CASTLE SURGERY") ||
		!strings.Contains(row, "Stage 2 in progress") {
		t.Errorf("the physiotherapist's row %q", row)
	}
	if n := doc.Find(`[data-testid="warnings-` + f + `"] li`).Length(); n != 4 || !strings.Contains(testID(doc, "warnings-"+f), "4 warnings") {
		t.Errorf("the physiotherapist has %d warnings %q, want 4 (supervisor, practices, records access, service)", n, testID(doc, "warnings-"+f))
	}
	_, doc = sc.e.get("director", "/pcns/U60057/integration?warnings=1")
	if doc.Find(`[data-testid="people"] tbody tr`).Length() != 4 || !strings.Contains(testID(doc, "filter"), "4 of 4") {
		t.Errorf("the filter: %q", testID(doc, "filter"))
	}

	res, err := sc.e.as("director").Get(sc.e.ts.URL + "/pcns/U60057/integration.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	recs, err := csv.NewReader(res.Body).ReadAll()
	if err != nil || res.StatusCode != http.StatusOK || len(recs) != 5 {
		t.Fatalf("the CSV: %d, %d rows, %v", res.StatusCode, len(recs), err)
	}
	const header = "pcn_code,staff_record,role_code,role,fte,start_date,practices,induction_on,records_access_on,admin_support," +
		"clinical_supervisor,last_appraisal_on,next_appraisal_due,appraisal_due,development_step,roadmap_stage,service," +
		"no_supervisor,over_two_practices,appraisal_overdue,no_records_access,no_service,in_counts"
	if got := strings.Join(recs[0], ","); got != header {
		t.Errorf("header\n%s\nwant\n%s", got, header)
	}
	for _, r := range recs[1:] {
		if r[1] == f {
			want := []string{"U60057", f, "first_contact_physiotherapist", "First contact physiotherapist", "1.00", "2026-07-01",
				"ZZ0001;ZZ0002;ZZ0003", "2026-07-01", "", "Reception team, Abbey Surgery", "", "", "", "2027-07-01", "",
				"Stage 2 in progress", "", "1", "1", "0", "1", "1", "1"}
			if !slices.Equal(r, want) {
				t.Errorf("the physiotherapist's row\n%q\nwant\n%q", r, want)
			}
		}
	}
	res, err = sc.e.as("director").Get(sc.e.ts.URL + "/pcns/U60057/integration.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != xlsxType || !strings.HasPrefix(string(body), "PK") {
		t.Errorf("the workbook: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// Refusals write nothing: a practice that is not a member, text over its limit, a
// day of induction after today. Another PCN's record and a record outside ARRS are
// not found. A stale save is a 409 showing what is saved now.
func TestIntegrationRecordRefused(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	_, doc := sc.e.get("manager", sc.recordPath("p"))
	good := integrationFormOf(doc)
	for _, b := range []struct{ field, value, msg string }{
		{"practices", "ZZ9999", "members of the PCN"},
		{"admin_support", strings.Repeat("a", workforce.MaxAdminSupportLength+1), "200 characters or fewer"},
		{"development_step", strings.Repeat("d", workforce.MaxDevelopmentStepLength+1), "500 characters or fewer"},
		{"induction[year]", "2027", "Induction date"},
		{"service", "no_such_service", "Select a service"},
		{"roadmap_stage", "stage2_verified", "Select a stage"}, // a physiotherapist's, not a pharmacist's
	} {
		v := maps.Clone(good)
		if strings.HasPrefix(b.field, "induction") {
			v.Set("induction[day]", "1")
			v.Set("induction[month]", "1")
		}
		v.Set(b.field, b.value)
		code, doc := sc.e.post("manager", sc.recordPath("p"), v)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%s=%.20q: %d, errors %q", b.field, b.value, code, capErrors(doc))
		}
	}
	if _, err := sc.e.db.IntegrationRecord(context.Background(), "U60057", sc.staff["p"]); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused form wrote a record: %v", err)
	}
	if got := auditActions(t, sc.e.db); len(got) != 0 {
		t.Errorf("refused forms wrote to the audit trail: %v", got)
	}
	for _, path := range []string{
		"/pcns/U60057/staff/" + strconv.FormatInt(sc.staff["x"], 10) + "/integration",
		sc.recordPath("o"), "/pcns/U60057/staff/999999999/integration", "/pcns/U60057/staff/abc/integration",
	} {
		if code, _ := sc.e.get("manager", path); code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, code)
		}
		if code, _ := sc.e.post("manager", path, good); code != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", path, code)
		}
	}

	// Two managers open the form; the first saves, the second is told and keeps input.
	v := maps.Clone(good)
	v.Set("admin_support", "Mrs Jones")
	if code, _ := sc.e.post("manager", sc.recordPath("p"), v); code != http.StatusSeeOther {
		t.Fatalf("first save: %d", code)
	}
	v.Set("admin_support", "Mr Smith")
	code, doc := sc.e.post("admin", sc.recordPath("p"), v)
	if code != http.StatusConflict || !capHas(doc, "conflict") || !strings.Contains(testID(doc, "conflict"), "Mrs Jones") ||
		doc.Find(`input[name="admin_support"]`).AttrOr("value", "") != "Mr Smith" ||
		doc.Find(`input[name="version"]`).AttrOr("value", "") != "1" || !strings.Contains(capErrors(doc), "Someone else saved this") {
		t.Fatalf("stale save: %d, conflict %q", code, testID(doc, "conflict"))
	}
	rec, _ := sc.e.db.IntegrationRecord(context.Background(), "U60057", sc.staff["p"])
	if rec.AdminSupport != "Mrs Jones" || rec.Version != 1 {
		t.Errorf("the stale save wrote: %+v", rec)
	}
	v.Set("version", "1")
	if code, _ := sc.e.post("admin", sc.recordPath("p"), v); code != http.StatusSeeOther {
		t.Errorf("saving again knowingly: %d", code)
	}
}

// Records starting after the as-of date (here ?as_of=2026-09-01) are listed below the
// main table, not counted: the paramedic from 1 October 2026 and one from 15 January
// 2027 (within three months of today), not one from 1 March 2027 nor one who has left.
// They carry the same statuses judged today, an Update link for the manager, a
// clinical link recorded ahead by its first day, and come last in the file, in_counts 0.
func TestIntegrationLaterStarters(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	sc.staff["n"] = sc.e.staff("U60057", "paramedic", 1, "2027-01-15", "")
	sc.staff["z"] = sc.e.staff("U60057", "care_coordinator", 1, "2027-03-01", "")
	sc.staff["gone"] = sc.e.staff("U60057", "care_coordinator", 1, "2026-10-01", "2026-11-01")
	ctx := context.Background()
	sups, err := sc.e.db.SupervisorsOfPCN(ctx, "U60057")
	if err != nil || len(sups) != 1 {
		t.Fatal(sups, err)
	}
	if _, err := sc.e.db.CreateSupervisionLink(ctx, workforce.SupervisionLink{PCNCode: "U60057", SuperviseeID: sc.staff["n"], SupervisorID: sups[0].ID,
		Kind: workforce.SupervisionClinical, HoursPerMonth: 2, Start: workforce.Date(2027, 1, 15)}, capBy); err != nil {
		t.Fatal(err)
	}
	const page = "/pcns/U60057/integration?as_of=2026-09-01"
	_, doc := sc.e.get("manager", page)
	if got := testID(doc, "count-arrs_staff"); got != "3" {
		t.Errorf("ARRS staff %q, want 3: p, f and c in post on 1 September", got)
	}
	if !strings.Contains(doc.Find("h2#later").Text(), "Started after 1 September 2026 (not in the counts above until a census carries them)") {
		t.Errorf("the later heading: %q", doc.Find("h2#later").Text())
	}
	later := doc.Find(`[data-testid="later"] tbody tr`)
	var ids []string
	later.Each(func(_ int, s *goquery.Selection) {
		ids = append(ids, strings.TrimPrefix(s.AttrOr("data-testid", ""), "person-"))
	})
	m, n := strconv.FormatInt(sc.staff["m"], 10), strconv.FormatInt(sc.staff["n"], 10)
	if !slices.Equal(ids, []string{m, n}) {
		t.Fatalf("later rows %v, want m %s then n %s", ids, m, n)
	}
	if doc.Find(`[data-testid="people"] [data-testid="person-`+m+`"]`).Length() != 0 {
		t.Error("the paramedic from October is in the main table")
	}
	row := testID(doc, "person-"+n)
	if !strings.Contains(row, "None today (a link starts on 15 Jan 2027)") || !strings.Contains(row, "due by 15 Apr 2027") ||
		!strings.Contains(row, "from 15 Jan 2027") {
		t.Errorf("the paramedic from January: %q", row)
	}
	if !strings.Contains(testID(doc, "person-"+m), "due by 1 Jan 2027") {
		t.Errorf("the paramedic from October: %q", testID(doc, "person-"+m))
	}
	link := doc.Find(`[data-testid="person-` + n + `"] a[href="` + sc.recordPath("n") + `"]`)
	if link.Length() != 1 || link.Text() != "Update the integration of Paramedic record "+n {
		t.Errorf("the manager's Update link reads %q", link.Text())
	}
	_, doc = sc.e.get("director", page)
	if doc.Find(`[data-testid="later"] a[href*="/staff/"]`).Length() != 0 {
		t.Error("the director is offered Update links")
	}
	code, doc := sc.e.get("manager", sc.recordPath("n"))
	if code != http.StatusOK || !strings.Contains(testID(doc, "supervisors"), "starts on 15 January 2027") {
		t.Errorf("the form's supervisor: %d %q", code, testID(doc, "supervisors"))
	}

	res, err := sc.e.as("director").Get(sc.e.ts.URL + "/pcns/U60057/integration.csv?as_of=2026-09-01")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	recs, err := csv.NewReader(res.Body).ReadAll()
	if err != nil || len(recs) != 6 {
		t.Fatalf("the CSV: %d rows, %v", len(recs), err)
	}
	last := len(recs[0]) - 1
	var got []string
	for _, r := range recs[1:] {
		if r[last] == "0" {
			got = append(got, r[1])
		} else if r[last] != "1" {
			t.Errorf("staff record %s: in_counts %q", r[1], r[last])
		}
	}
	if recs[0][last] != "in_counts" || !slices.Equal(got, []string{m, n}) || recs[4][1] != m {
		t.Errorf("in_counts 0 for %v, want the later starters %s and %s, last", got, m, n)
	}
}

// A record entered by hand refuses a day done more than six months before its start
// (the pharmacist started on 1 January 2025), and admin support on two lines.
func TestIntegrationRecordBeforeStart(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	_, doc := sc.e.get("manager", sc.recordPath("p"))
	v := integrationFormOf(doc)
	v.Set("last_appraisal[day]", "30")
	v.Set("last_appraisal[month]", "6")
	v.Set("last_appraisal[year]", "2024")
	code, doc := sc.e.post("manager", sc.recordPath("p"), v)
	if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), "Date of the last appraisal cannot be more than 6 months before they started on 1 January 2025") {
		t.Errorf("an appraisal before the start: %d %q", code, capErrors(doc))
	}
	v.Set("last_appraisal[day]", "1")
	v.Set("last_appraisal[month]", "7")
	v.Set("admin_support", "Reception\r\nteam")
	code, doc = sc.e.post("manager", sc.recordPath("p"), v)
	if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), "Admin support must be on one line") {
		t.Errorf("admin support on two lines: %d %q", code, capErrors(doc))
	}
	if _, err := sc.e.db.IntegrationRecord(context.Background(), "U60057", sc.staff["p"]); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused form wrote a record: %v", err)
	}
	v.Set("admin_support", "Reception team")
	if code, _ := sc.e.post("manager", sc.recordPath("p"), v); code != http.StatusSeeOther {
		t.Errorf("an appraisal six months before the start: %d", code)
	}
}

// The planned starters of the latest plan version from today's quarter on carry what
// must be ready on their first day; earlier quarters and other streams do not show.
func TestIntegrationPlannedStarters(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	_, doc := sc.e.get("director", "/pcns/U60057/integration")
	if !capHas(doc, "no-plan") {
		t.Error("a PCN with no plan: not said")
	}
	lines := []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 1, Stream: workforce.StreamARRS},
		{PCNCode: "U60057", RoleCode: "care_coordinator", QuarterStart: workforce.Date(2026, 10, 1), StartersFTE: 0.5, Stream: workforce.StreamARRS},
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: workforce.Date(2026, 7, 1), StartersFTE: 2, Stream: workforce.StreamARRS},
		{PCNCode: "U60057", RoleCode: "gp", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 1, Stream: workforce.StreamPracticeGP},
	}
	if _, err := sc.e.db.ReplaceDrafts(context.Background(), "plan.csv", lines, capBy); err != nil {
		t.Fatal(err)
	}
	_, doc = sc.e.get("director", "/pcns/U60057/integration")
	rows := doc.Find(`[data-testid="starters"] tbody tr`)
	if rows.Length() != 2 {
		t.Fatalf("%d starter rows, want 2: %q", rows.Length(), testID(doc, "starters"))
	}
	coord, para := testID(doc, "starter-0"), testID(doc, "starter-1")
	if !strings.Contains(coord, "Care coordinator") || strings.Contains(coord, "supervisor") || !strings.Contains(coord, "A room") {
		t.Errorf("the care coordinator: %q", coord)
	}
	if !strings.Contains(para, "Paramedic") || !strings.Contains(para, "A named clinical supervisor") || !strings.Contains(para, "Records access") {
		t.Errorf("the paramedic: %q", para)
	}
}

// Admins rename a service, stop offering one and add one: audited, shown to managers'
// forms as offered; a stale list is a 409 and writes nothing; a name over its limit
// is refused.
func TestIntegrationServices(t *testing.T) {
	t.Parallel()
	sc := newIntegrationScenario(t)
	code, doc := sc.e.get("admin", "/admin/integration-services")
	good := integrationFormOf(doc)
	if code != http.StatusOK || good.Get("code-0") != "structured_medication_reviews" || good.Get("version-0") != "1" {
		t.Fatalf("the form: %d %v", code, good)
	}
	stale := maps.Clone(good)
	v := maps.Clone(good)
	v.Set("name-1", "Care homes and domiciliary care")
	v.Del("active-6") // same-day access
	v.Set("new-name", "Frailty & falls")
	if code, _ := sc.e.post("admin", "/admin/integration-services", v); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	got := auditActions(t, sc.e.db)
	slices.Sort(got)
	want := []string{"admin@test.nhs.uk integration_service.create", "admin@test.nhs.uk integration_service.update", "admin@test.nhs.uk integration_service.update"}
	if !slices.Equal(got, want) {
		t.Errorf("audit %v", got)
	}
	services, _ := sc.e.db.IntegrationServices(context.Background())
	i := slices.IndexFunc(services, func(s workforce.IntegrationService) bool { return s.Code == "frailty_falls" })
	if i < 0 || !services[i].Active || services[i].Position != 9 {
		t.Errorf("the new service: %+v", services)
	}
	_, doc = sc.e.get("manager", sc.recordPath("m"))
	if doc.Find(`input[name="service"][value="frailty_falls"]`).Length() != 1 || doc.Find(`input[name="service"][value="same_day_access"]`).Length() != 0 {
		t.Error("the record form does not offer the active services only")
	}

	stale.Set("name-0", "SMRs")
	code, doc = sc.e.post("admin", "/admin/integration-services", stale)
	if code != http.StatusConflict || !capHas(doc, "conflict") {
		t.Errorf("stale list: %d", code)
	}
	v = integrationFormOf(doc)
	v.Set("name-0", strings.Repeat("n", workforce.MaxServiceNameLength+1))
	if code, doc := sc.e.post("admin", "/admin/integration-services", v); code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), "100 characters or fewer") {
		t.Errorf("a long name: %d %q", code, capErrors(doc))
	}
	v = integrationFormOf(doc)
	v.Set("name-0", "Structured medication reviews")
	v.Set("new-name", "Ωμέγα")
	if code, doc := sc.e.post("admin", "/admin/integration-services", v); code != http.StatusUnprocessableEntity ||
		!strings.Contains(capErrors(doc), "must contain at least one letter from a to z") {
		t.Errorf("a name with no letter from a to z: %d %q", code, capErrors(doc))
	}
	v.Set("new-name", "Frailty\nand falls")
	if code, doc := sc.e.post("admin", "/admin/integration-services", v); code != http.StatusUnprocessableEntity ||
		!strings.Contains(capErrors(doc), "one line") {
		t.Errorf("a name on two lines: %d %q", code, capErrors(doc))
	}
	if services, _ := sc.e.db.IntegrationServices(context.Background()); services[0].Name != "Structured medication reviews" {
		t.Errorf("a refused save wrote %q", services[0].Name)
	}
}
