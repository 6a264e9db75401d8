package server

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

func countRows(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM `+table, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// An ICB lead's populations upload is bounded (plausible against the PCN's list, the
// absolute cap, the scheme's dates) and scoped to their ICBs' PCNs: each refusal names
// its line and writes nothing, and one out of scope is a security record. An accepted
// one is audited per PCN with its ICB and values.
func TestPopulationUploadBoundedAndScoped(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	logs := captureSecurity(s)
	lead := client(t)
	signIn(t, ts, lead, "lead@test.nhs.uk")
	const h = "pcn_code,weighted_population,effective_date\n"
	refused := []struct{ name, file, want string }{
		{"ten million", h + "U60057,9999999,2025-01-01\n", "line 2, column weighted_population: is 9999999, more than 1,000,000 patients"},
		{"ten times the list", h + "U79722,30000,2025-01-01\nU60057,1051220,2025-01-01\n", "line 3, column weighted_population: is 1051220, more than 1,000,000"},
		{"three times the list", h + "U60057,315366,2025-01-01\n", "line 2, column weighted_population: 315366 is not plausible for PCN U60057, whose registered list is 105,122 patients"},
		{"year 2100", h + "U60057,100000,2100-01-01\n", "line 2, column effective_date: 2100-01-01 is more than 15 months after today (2026-12-07)"},
		{"before the scheme", h + "U60057,100000,2019-06-30\n", "line 2, column effective_date: 2019-06-30 is before the ARRS began"},
		{"another ICB's PCN", h + "U60057,100000,2025-01-01\nU47425,30000,2025-01-01\n", "line 3, column pcn_code: PCN U47425 is not one of the networks you may change"},
	}
	for _, c := range refused {
		code, body := upload(t, lead, ts.URL+"/imports/populations", "pops.csv", []byte(c.file))
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want 422 saying %q", c.name, code, c.want)
		}
	}
	if n := countRows(t, db, "pcn_populations"); n != 0 {
		t.Errorf("refused uploads wrote %d populations", n)
	}
	if !logs.has(t, map[string]string{"msg": "security", "event": "import_refused", "user": "lead@test.nhs.uk",
		"route": "/imports/populations", "column": "pcn_code", "reason": "PCN U47425 is not one of the networks you may change"}) {
		t.Errorf("no security record of the out-of-scope upload: %v", logs.records(t))
	}
	if code, body := upload(t, lead, ts.URL+"/imports/populations", "pops.csv", []byte(h+"U60057,110000,2025-01-01\n")); code != http.StatusSeeOther {
		t.Fatalf("a plausible population: %d %s", code, body)
	}
	all, err := db.AuditLog(context.Background(), store.AuditFilter{Actor: "lead@test.nhs.uk"})
	if err != nil {
		t.Fatal(err)
	}
	var entries []store.AuditEntry
	for _, e := range all {
		if e.Action == "populations.import" {
			entries = append(entries, e)
		}
	}
	if len(entries) != 1 || entries[0].PCN != "U60057" || entries[0].ICB != "QOC" || !strings.Contains(entries[0].AfterJSON, `"weighted_population": 110000`) {
		t.Errorf("audit of the accepted upload: %+v", entries)
	}
}

// A manager's plan line for another PCN, and a badly formed PCN code in an NWRS file,
// are refused and logged as security events.
func TestImportRefusalsAreLogged(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	logs := captureSecurity(s)
	manager, lead := client(t), client(t)
	signIn(t, ts, manager, "manager@test.nhs.uk")
	signIn(t, ts, lead, "lead@test.nhs.uk")
	plan := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\nU60057,paramedic,2026/27 Q2,1,0,50000\nU47425,paramedic,2026/27 Q2,1,0,50000\n"
	if code, _ := upload(t, manager, ts.URL+"/imports/plans", "plan.csv", []byte(plan)); code != http.StatusUnprocessableEntity {
		t.Errorf("another PCN's plan line: %d", code)
	}
	if !logs.has(t, map[string]string{"msg": "security", "event": "import_refused", "user": "manager@test.nhs.uk", "route": "/imports/plans", "column": "pcn_code"}) {
		t.Errorf("no security record of the plan upload: %v", logs.records(t))
	}
	header, qoc := nwrsRows(t, "QOC", "2025,11")
	bad := strings.Replace(qoc[0], ","+pcnOf(qoc[0])+",", ",X'OR1=1,", 1)
	if code, _ := upload(t, lead, ts.URL+"/imports/nwrs", "nwrs.csv", nwrsFile(header, []string{bad})); code != http.StatusUnprocessableEntity {
		t.Errorf("a badly formed PCN code: %d", code)
	}
	if !logs.has(t, map[string]string{"msg": "security", "event": "import_refused", "user": "lead@test.nhs.uk", "route": "/imports/nwrs", "column": "PCN_CODE"}) {
		t.Errorf("no security record of the NWRS upload: %v", logs.records(t))
	}
	for _, rec := range logs.records(t) {
		if rec["event"] == "import_refused" && rec["line"] != float64(2) && rec["line"] != float64(3) {
			t.Errorf("a refusal without its line: %v", rec)
		}
	}
}

// The import log is scoped: admins see every import and who made it; an ICB lead the
// national imports and the uploads touching their ICBs; others the national imports
// only; and no one but an admin reads another person's email.
func TestImportLogIsScoped(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	if _, err := db.CreateUser(context.Background(), auth.User{Email: "lead2@test.nhs.uk", Name: "Second QOC lead", PasswordHash: hash,
		Active: true, Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QOC"}}}, capBy); err != nil {
		t.Fatal(err)
	}
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	header, qoc := nwrsRows(t, "QOC", "2025,11")
	_, qsl := nwrsRows(t, "QSL", "2025,11")
	for _, u := range []struct {
		email, file string
		content     []byte
	}{
		{"admin@test.nhs.uk", "national.csv", nwrsFile(header, qsl, qoc)},
		{"lead@test.nhs.uk", "qoc.csv", nwrsFile(header, qoc[1:])},
		{"other-lead@test.nhs.uk", "qsl.csv", nwrsFile(header, qsl[1:])},
	} {
		c := client(t)
		signIn(t, ts, c, u.email)
		if code, body := upload(t, c, ts.URL+"/imports/nwrs", u.file, u.content); code != http.StatusSeeOther {
			t.Fatalf("%s's %s: %d %s", u.email, u.file, code, body)
		}
	}
	const national = "NHS England (national)"
	cases := []struct {
		email string
		want  map[string]string // file name → who the log names
	}{
		{"admin@test.nhs.uk", map[string]string{"national.csv": "admin@test.nhs.uk", "qoc.csv": "lead@test.nhs.uk", "qsl.csv": "other-lead@test.nhs.uk"}},
		{"lead@test.nhs.uk", map[string]string{"national.csv": national, "qoc.csv": "lead@test.nhs.uk"}},
		{"lead2@test.nhs.uk", map[string]string{"national.csv": national, "qoc.csv": "an ICB lead of QOC"}},
		{"other-lead@test.nhs.uk", map[string]string{"national.csv": national, "qsl.csv": "other-lead@test.nhs.uk"}},
		{"manager@test.nhs.uk", map[string]string{"national.csv": national}},
		{"director@test.nhs.uk", map[string]string{"national.csv": national}},
	}
	for _, c := range cases {
		got, html := importLogRows(t, ts, c.email)
		if !maps.Equal(got, c.want) {
			t.Errorf("%s reads %v, want %v", c.email, got, c.want)
		}
		for _, other := range []string{"admin@test.nhs.uk", "lead@test.nhs.uk", "other-lead@test.nhs.uk"} {
			if other != c.email && c.email != "admin@test.nhs.uk" && strings.Contains(strings.ReplaceAll(html, c.email, ""), other) {
				t.Errorf("%s's /imports shows %s", c.email, other)
			}
		}
	}
}

// importLogRows reads /imports as email: each log row's file name and who it names,
// and the page's HTML.
func importLogRows(t *testing.T, ts *httptest.Server, email string) (map[string]string, string) {
	t.Helper()
	c := client(t)
	signIn(t, ts, c, email)
	_, doc := fetch(t, c, ts.URL+"/imports")
	rows := map[string]string{}
	doc.Find(`tr[data-testid^="import-"]`).Each(func(_ int, row *goquery.Selection) {
		cells := row.Children()
		rows[strings.TrimSpace(cells.Eq(1).Text())] = strings.TrimSpace(cells.Last().Text())
	})
	html, _ := doc.Html()
	return rows, html
}
