package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// nwrsRows is the sample NWRS file's header and its rows of one ICB, moved to census
// year-month ("2025,11" keeps them).
func nwrsRows(t *testing.T, icb, yearMonth string) (string, []string) {
	t.Helper()
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n")), "\n")
	var rows []string
	for _, l := range lines[1:] {
		if strings.Contains(l, ","+icb+",") {
			rows = append(rows, strings.Replace(l, ",2025,11,", ","+yearMonth+",", 1))
		}
	}
	return lines[0], rows
}

// pcnOf is a sample row's PCN_CODE (the fourth column, before any quoted name).
func pcnOf(row string) string { return strings.Split(row, ",")[3] }

func nwrsFile(header string, rows ...[]string) []byte {
	all := []string{header}
	for _, r := range rows {
		all = append(all, r...)
	}
	return []byte(strings.Join(all, "\n"))
}

func orgsAndAsOf(t *testing.T, db *store.DB) (int, time.Time) {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT (SELECT count(*) FROM regions) + (SELECT count(*) FROM icbs)
		+ (SELECT count(*) FROM sub_icbs) + (SELECT count(*) FROM pcns)`, &n); err != nil {
		t.Fatal(err)
	}
	d, err := db.LatestCensus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n, d
}

// An ICB lead's NWRS upload corrects only their ICB's records of the latest national
// census: a future month, another month, another ICB's row or an unknown PCN is refused
// (a 422 and a security record) and writes nothing; none moves England's as-of date or
// creates an organisation, and the admin's next month still imports.
func TestNWRSUploadByLeadStaysInScope(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	var logged logBuffer
	s.log = slog.New(slog.NewTextHandler(&logged, nil))
	admin, lead := client(t), client(t)
	signIn(t, ts, admin, "admin@test.nhs.uk")
	signIn(t, ts, lead, "lead@test.nhs.uk")
	header, qoc := nwrsRows(t, "QOC", "2025,11")
	_, qsl := nwrsRows(t, "QSL", "2025,11")
	if code, body := upload(t, admin, ts.URL+"/imports/nwrs", "nov.csv", nwrsFile(header, qsl, qoc)); code != http.StatusSeeOther {
		t.Fatalf("the admin's national November: %d %s", code, body)
	}
	orgs, asOf := orgsAndAsOf(t, db)
	_, qoc2100 := nwrsRows(t, "QOC", "2100,12")
	_, qocDec := nwrsRows(t, "QOC", "2025,12")
	refused := []struct {
		name string
		file []byte
		want string
	}{
		{"December 2100", nwrsFile(header, qoc2100), "line 2, column CENSUS_MONTH: census December 2100 is after the current month (December 2026)"},
		{"a later month", nwrsFile(header, qocDec), "line 2, column CENSUS_MONTH: not the latest national census (November 2025): an ICB lead&#39;s upload corrects only that month, and this file&#39;s census is December 2025"},
		{"another ICB's row", nwrsFile(header, qoc, qsl[:1]), "column PCN_CODE: PCN " + pcnOf(qsl[0]) + " is in ICB QSL, not one of yours (QOC)"},
		{"an unknown PCN", nwrsFile(header, []string{strings.Replace(qoc[0], ","+pcnOf(qoc[0])+",", ",U99998,", 1)}), "line 2, column PCN_CODE: PCN U99998 is not known"},
	}
	for _, c := range refused {
		logged.Reset()
		code, body := upload(t, lead, ts.URL+"/imports/nwrs", "qoc.csv", c.file)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want 422 saying %q", c.name, code, c.want)
		}
		if l := logged.String(); !strings.Contains(l, "msg=security event=import_refused") || !strings.Contains(l, "user=lead@test.nhs.uk") {
			t.Errorf("%s: no security record: %s", c.name, l)
		}
	}
	if n, _ := db.Imports(context.Background()); len(n) != 1 {
		t.Errorf("refused uploads wrote %d imports", len(n)-1)
	}
	if code, body := upload(t, lead, ts.URL+"/imports/nwrs", "qoc.csv", nwrsFile(header, qoc[1:])); code != http.StatusSeeOther {
		t.Fatalf("QOC's correction of November: %d %s", code, body)
	}
	if o, a := orgsAndAsOf(t, db); o != orgs || !a.Equal(asOf) {
		t.Errorf("the lead's correction: organisations %d → %d, as-of %s → %s", orgs, o, asOf, a)
	}
	_, qslDec := nwrsRows(t, "QSL", "2025,12")
	if code, body := upload(t, admin, ts.URL+"/imports/nwrs", "dec.csv", nwrsFile(header, qslDec, qocDec)); code != http.StatusSeeOther {
		t.Fatalf("the admin's national December after the lead's upload: %d %s", code, body)
	}
	if _, a := orgsAndAsOf(t, db); !a.Equal(workforce.Date(2025, 12, 31)) {
		t.Errorf("as-of after the national December: %s", a)
	}
	_, jan := nwrsRows(t, "QOC", "2027,1")
	if code, body := upload(t, admin, ts.URL+"/imports/nwrs", "jan.csv", nwrsFile(header, jan)); code != http.StatusUnprocessableEntity || !strings.Contains(body, "is after the current month") {
		t.Errorf("the admin's January 2027 in December 2026: %d", code)
	}
}
