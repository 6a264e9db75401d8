package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The integration of the scenario's ARRS staff (dashboards_scenario_test.go), on 23
// November 2026, staff in post on A = 30 November 2025: U60057's r1, r2, r3 (from the
// census, started 30 November 2025) and r5 (started 1 October 2025), U79722's r7.
// U60057 records supervision (Dr Ahmed: a clinical link to r1, an educational one to
// r2) and saves two integration records, r1's and r2's; U79722 keeps neither.
//
//	r1 pharmacist  based at ZZ0001, ZZ0002, ZZ0003: over two practices; induction and
//	               records access 1 Dec 2025; last appraisal 22 Nov 2025, so due
//	               22 Nov 2026, yesterday: overdue; service named
//	r2 pharmacist  no clinical link: no supervisor; induction but no records access,
//	               3 months after 30 Nov 2025 (28 Feb 2026) passed: no records access;
//	               next appraisal due 1 Jan 2027: not overdue; no service
//	r3 care coord. no record: due 30 Nov 2026 (start + 12 months), not overdue; no
//	               records access, no service (care coordinators need no supervision)
//	r5 care coord. no record: due 1 Oct 2026: overdue; no records access, no service
//
// U60057: 4 ARRS staff; no supervisor 1, over two practices 1, appraisal overdue 2,
// no records access 3, no service 3. U79722: 1 ARRS staff, every count no data. The
// ICB (9 PCNs): 5 ARRS staff and U60057's counts; 8 PCNs keep no integration record
// and 8 no supervision.
//
// The pulse: U60057 opened a round on 1 November 2026 closing on 20 November with 4
// links, 3 answered; on 23 November it has closed by date (sealed as the pages read
// it): 3 of 4. U79722 has no round: no data.
func newIntegrationDashEnv(t *testing.T) (*capEnv, dashScenario) {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return capNow }
	e := &capEnv{t: t, db: db, s: s, ts: ts, clients: map[string]*http.Client{}}
	sc := addDashScenario(t, e)
	practicesOfU60057(t, dbURL, false) // after the populations' import, which checks them against the lists
	today := workforce.Date(2026, 11, 23)
	ctx := context.Background()
	for _, rec := range []workforce.IntegrationRecord{
		{StaffID: sc.r1, PCNCode: "U60057", Practices: []string{"ZZ0001", "ZZ0002", "ZZ0003"}, InductionOn: workforce.Date(2025, 12, 1),
			RecordsAccessOn: workforce.Date(2025, 12, 1), LastAppraisalOn: workforce.Date(2025, 11, 22), ServiceCode: "structured_medication_reviews"},
		{StaffID: sc.r2, PCNCode: "U60057", Practices: []string{"ZZ0001"}, InductionOn: workforce.Date(2025, 12, 1),
			NextAppraisalDue: workforce.Date(2027, 1, 1)},
	} {
		if _, err := db.SaveIntegrationRecord(ctx, rec, today, capBy); err != nil {
			t.Fatal(err)
		}
	}
	groups := []workforce.RoleGroup{workforce.GroupPharmacy, workforce.GroupPharmacy, workforce.GroupPersonalisedCare, workforce.GroupPersonalisedCare}
	_, links, err := db.OpenPulseRound(ctx, "U60057", workforce.Date(2026, 11, 1), workforce.Date(2026, 11, 20), groups, capBy)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links[:3] {
		if err := db.AnswerPulse(ctx, l.Token, workforce.PulseAnswer{Scores: [4]int{4, 4, 5, 3}}, workforce.Date(2026, 11, 10)); err != nil {
			t.Fatal(err)
		}
	}
	return e, sc
}

// TestDashboardIntegration: the director's dashboard counts each warning of the
// integration page and says the pulse's latest closed round; a network keeping no
// records shows "no data" with the reason, never 0.
func TestDashboardIntegration(t *testing.T) {
	t.Parallel()
	e, _ := newIntegrationDashEnv(t)
	status, doc := e.get("director", "/pcns/U60057/dashboard")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	want := map[string]string{
		"dash-int-staff": "4", "dash-int-no_supervisor": "1", "dash-int-over_two_practices": "1",
		"dash-int-appraisal_overdue": "2", "dash-int-no_records_access": "3", "dash-int-no_service": "3",
		"dash-pulse": "3 of 4 answered the latest round, closed on 20 November 2026.",
	}
	for id, w := range want {
		if got := testID(doc, id); got != w {
			t.Errorf("[data-testid=%s] = %q, want %q", id, got, w)
		}
	}
	summary := textOf(doc, "#dash-integration-summary")
	for _, label := range []string{"No named clinical supervisor", "Based at more than two practices", "Appraisal overdue",
		"No records access or induction three months after starting", "No service named", "ARRS staff in post on 30 November 2025"} {
		if !strings.Contains(summary, label) {
			t.Errorf("the summary lacks %q: %q", label, summary)
		}
	}
	if !capHas(doc, "dash-int-no_service-flag") {
		t.Error("a warning counted is not flagged")
	}
	if href := doc.Find(`[data-testid="dash-integration-link"]`).AttrOr("href", ""); href != "/pcns/U60057/integration" {
		t.Errorf("integration link %q", href)
	}
	if href := doc.Find(`[data-testid="dash-pulse-link"]`).AttrOr("href", ""); href != "/pcns/U60057/pulse" {
		t.Errorf("pulse link %q", href)
	}

	_, doc = e.get("admin", "/pcns/U79722/dashboard")
	want = map[string]string{
		"dash-int-staff": "1", "dash-int-no_supervisor": "no data: no supervision recorded",
		"dash-int-over_two_practices": "no data: no integration record saved yet", "dash-int-no_service": "no data: no integration record saved yet",
		"dash-pulse": "No round of the pulse has closed yet.",
	}
	for id, w := range want {
		if got := testID(doc, id); got != w {
			t.Errorf("U79722 [data-testid=%s] = %q, want %q", id, got, w)
		}
	}
}

// TestCompareIntegration: the comparison's second table counts each PCN's warnings,
// "no data" where a PCN keeps no records, and the ICB's total sums the known counts
// and says how many PCNs keep none; the download ends with the integration columns.
func TestCompareIntegration(t *testing.T) {
	t.Parallel()
	e, _ := newIntegrationDashEnv(t)
	status, doc := e.get("lead", "/icbs/QOC/compare")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	want := map[string]string{
		"cmp-int-U60057": "SHREWSBURY PCN U60057 Integration of SHREWSBURY PCN's staff | 4 | 1 | 1 | 2 | 3 | 3 | 3 of 4",
		"cmp-int-U79722": "SHROPSHIRE RURAL ALLIANCE PCN U79722 Integration of SHROPSHIRE RURAL ALLIANCE PCN's staff | 1 | no data | no data | no data | no data | no data | no data",
		"cmp-int-U13205": "| 0 | no data | no data | no data | no data | no data | no data",
		"cmp-int-total":  "| 5 | 1 | 1 | 2 | 3 | 3 | 3 of 4",
		"cmp-int-note":   "Of the 9 PCNs, 8 have saved no integration record yet and 8 record no supervision",
		"cmp-pulse-note": "Those averages pool only networks where 5 or more answered, while the table's pulse column counts",
	}
	for id, w := range want {
		if got := cellsText(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	table := doc.Find(`#compare-integration`)
	if table.Find("caption").Length() != 1 || table.Find(`th[scope="row"]`).Length() != 10 || table.Closest(`[data-testid="cmp-int-table"]`).Length() != 1 {
		t.Error("the integration table: want a caption, a row header for each of the 9 PCNs and the total, in its scrolling box")
	}
	if doc.Find(`a[href="/pcns/U60057/integration"]`).Length() != 1 {
		t.Error("the lead has no link to U60057's integration page")
	}

	_, body := capDownload(t, e, "/icbs/QOC/compare.csv")
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	const tail = ",arrs_staff,no_supervisor,over_two_practices,appraisal_overdue,no_records_access,no_service,pulse_responses"
	if header := strings.Join(recs[0], ","); !strings.HasSuffix(header, "_fte"+tail) {
		t.Errorf("the header does not end with the roles' columns and %s: %s", tail, header)
	}
	rows := map[string]string{}
	for _, rec := range recs[1:] {
		rows[rec[0]] = strings.Join(rec[len(rec)-7:], ",")
	}
	for pcn, w := range map[string]string{"U60057": "4,1,1,2,3,3,3", "U79722": "1,,,,,,", "U13205": "0,,,,,,"} {
		if rows[pcn] != w {
			t.Errorf("%s's integration cells %q, want %q", pcn, rows[pcn], w)
		}
	}
}

// TestIntegrationFollowsChanges: an integration record saved, or a round of the pulse
// closed, is on the dashboard and the comparison at once (their cached figures are
// keyed by the data version, which every write to those tables moves).
func TestIntegrationFollowsChanges(t *testing.T) {
	t.Parallel()
	e, sc := newIntegrationDashEnv(t)
	ctx := context.Background()
	if _, doc := e.get("director", "/pcns/U60057/dashboard"); testID(doc, "dash-int-no_service") != "3" {
		t.Fatalf("no service named: %q", testID(doc, "dash-int-no_service"))
	}
	if _, doc := e.get("lead", "/icbs/QOC/compare"); testID(doc, "cmp-int-U60057-no_service") != "3" {
		t.Fatalf("the comparison's no service named: %q", testID(doc, "cmp-int-U60057-no_service"))
	}
	rec, err := e.db.IntegrationRecord(ctx, "U60057", sc.r2)
	if err != nil {
		t.Fatal(err)
	}
	rec.ServiceCode = "care_homes"
	if _, err := e.db.SaveIntegrationRecord(ctx, rec, workforce.Date(2026, 11, 23), capBy); err != nil {
		t.Fatal(err)
	}
	if _, doc := e.get("director", "/pcns/U60057/dashboard"); testID(doc, "dash-int-no_service") != "2" {
		t.Errorf("no service named after r2's is saved: %q", testID(doc, "dash-int-no_service"))
	}
	if _, doc := e.get("lead", "/icbs/QOC/compare"); testID(doc, "cmp-int-U60057-no_service") != "2" {
		t.Errorf("the comparison's no service named after r2's is saved: %q", testID(doc, "cmp-int-U60057-no_service"))
	}
}
