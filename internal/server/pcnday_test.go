package server

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// The PCN page's day: the November 2025 practices and a December 2025 mapping that
// moves B87015 (Stuart Road) from U10439 to U08248, the sample census of 30 November
// 2025; U60057's practices in no PCN and its published list 0
// (no list at all); U47425 formed on 1 April 2024. The clock is 7 December 2026.
const (
	movingPractice = "B87015"
	movedFrom      = "U10439"
	movedTo        = "U08248"
	noListPCN      = "U60057"
	latePCN        = "U47425"
)

var (
	dayOnce sync.Once
	dayDB   *store.DB
	dayErr  error
)

func pcnDayServer(t *testing.T) *Server {
	t.Helper()
	dayOnce.Do(func() {
		db, dbURL := dbtest.NewWithURL(&onceTB{T: t})
		dayErr = loadPCNDay(db, dbURL)
		dayDB = db
	})
	if dayErr != nil {
		t.Fatal(dayErr)
	}
	s := New(dayDB, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	return s
}

func loadPCNDay(db *store.DB, dbURL string) error {
	ctx, by := context.Background(), store.Actor{Name: "test"}
	for _, name := range refdata.PracticeFiles[:2] {
		b, err := refdata.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := ingest.Practices(ctx, db, path.Base(name), strings.NewReader(string(b)), by); err != nil {
			return err
		}
	}
	dec, err := decemberMapping()
	if err != nil {
		return err
	}
	if _, err := ingest.Practices(ctx, db, "gp-reg-pat-prac-map.csv", strings.NewReader(dec), by); err != nil {
		return err
	}
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, by, nil, time.Now()); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `
		UPDATE practice_spans SET pcn_code = NULL WHERE pcn_code = '`+noListPCN+`';
		UPDATE pcns SET registered_patients = 0 WHERE code = '`+noListPCN+`';
		UPDATE pcn_spans SET valid_from = date '2024-04-01' WHERE pcn_code = '`+latePCN+`' AND valid_from = date '2019-07-01'`)
	return err
}

// decemberMapping is the November mapping file as of 1 December 2025, with the moving
// practice in its new PCN.
func decemberMapping() (string, error) {
	b, err := refdata.ReadFile(refdata.PracticeFiles[0])
	if err != nil {
		return "", err
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		return "", err
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	toName := ""
	for _, r := range rows[1:] {
		if r[col["PCN_CODE"]] == movedTo {
			toName = r[col["PCN_NAME"]]
		}
	}
	for _, r := range rows[1:] {
		r[col["EXTRACT_DATE"]] = "01Dec2025"
		if r[col["PRACTICE_CODE"]] == movingPractice {
			r[col["PCN_CODE"]], r[col["PCN_NAME"]] = movedTo, toName
		}
	}
	var out strings.Builder
	w := csv.NewWriter(&out)
	err = w.WriteAll(rows)
	return out.String(), err
}

// valueOf is the value of a summary list row, by its test id.
func valueOf(doc *goquery.Document, id string) string {
	return strings.Join(strings.Fields(doc.Find(`[data-testid="`+id+`"] .nhsuk-summary-list__value`).Text()), " ")
}

// firstNumber is the first whole number of a text ("12,345 (1 practice…)" → "12,345").
func firstNumber(s string) string {
	return strings.Fields(s + " ")[0]
}

// A PCN's page is of one day: ?at=, else the day of its staff figures (the latest
// census). Its staff, its list and its member practices are all of that day, so the
// list is the practices' total, for the PCN a practice left and the one it joined,
// before and after the move.
func TestPCNPageIsOfOneDay(t *testing.T) {
	t.Parallel()
	s := pcnDayServer(t)
	cases := []struct {
		path, day string
		// member says whether the moving practice is listed.
		member bool
	}{
		{"/pcns/" + movedFrom, "30 November 2025", true},
		{"/pcns/" + movedTo, "30 November 2025", false},
		{"/pcns/" + movedFrom + "?at=2026-01-15", "15 January 2026", false},
		{"/pcns/" + movedTo + "?at=2026-01-15", "15 January 2026", true},
	}
	for _, c := range cases {
		status, doc := reorgPage(t, s, footprintsAdmin, c.path)
		if status != http.StatusOK {
			t.Fatalf("%s: %d", c.path, status)
		}
		list, total := valueOf(doc, "patients"), cellsOf(doc, "practices-total")
		cells := strings.Split(total, "|")
		if list == "" || firstNumber(cells[len(cells)-1]) != firstNumber(list) {
			t.Errorf("%s: registered patients %q, the practices' total %q", c.path, list, total)
		}
		if got := testID(doc, "pcn-day"); got != "Staff in post on "+c.day+"." {
			t.Errorf("%s: %q, want staff in post on %s", c.path, got, c.day)
		}
		if got := doc.Find(`[data-testid="member-practices"] caption`).Text(); !strings.HasPrefix(got, "Member practices on "+c.day+",") {
			t.Errorf("%s: practices %q, want them on %s", c.path, got, c.day)
		}
		if got := doc.Find(`[data-testid="practice-`+movingPractice+`"]`).Length() == 1; got != c.member {
			t.Errorf("%s: %s listed %t, want %t", c.path, movingPractice, got, c.member)
		}
	}
}

// A PCN's ICB and breadcrumbs are of the page's day too: a Frimley PCN is in Frimley
// on the census day of November 2025, and in Frimley's successor from April 2026.
func TestPCNPageStructureOfItsDay(t *testing.T) {
	t.Parallel()
	s := reorgServer(t)
	frimley := pcnWhere(t, s.db, `SELECT min(pcn_code) FROM pcn_spans WHERE icb_code = 'QNQ'`)
	for _, c := range []struct{ path, day string }{{"/pcns/" + frimley, "30 November 2025"}, {"/pcns/" + frimley + "?at=2026-06-30", "30 June 2026"}} {
		status, doc := reorgPage(t, s, footprintsAdmin, c.path)
		if status != http.StatusOK {
			t.Fatalf("%s: %d", c.path, status)
		}
		icb, crumbs := valueOf(doc, "icb"), strings.Join(strings.Fields(doc.Find(".nhsuk-breadcrumb").Text()), " ")
		inFrimley := strings.Contains(icb, "Frimley")
		if inFrimley != (c.day == "30 November 2025") || !strings.Contains(crumbs, icb) {
			t.Errorf("%s: ICB %q, breadcrumbs %q, want the ICB of %s in both", c.path, icb, crumbs, c.day)
		}
		if got := testID(doc, "pcn-day"); got != "Staff in post on "+c.day+"." {
			t.Errorf("%s: %q, want staff in post on %s", c.path, got, c.day)
		}
		if got := testID(doc, "member-practices"); !strings.Contains(got, c.day) {
			t.Errorf("%s: practices %q, want them on %s", c.path, got, c.day)
		}
	}
}

// A PCN on a day before it was formed: its page and its staff records say it did not
// exist that day, with no figures (as an ICB's page does), not a 404.
func TestPCNPageBeforeThePCNExisted(t *testing.T) {
	t.Parallel()
	s := pcnDayServer(t)
	for _, p := range []string{"/pcns/" + latePCN + "?at=2020-01-01", "/pcns/" + latePCN + "/staff?at=2020-01-01"} {
		status, doc := reorgPage(t, s, footprintsAdmin, p)
		if got := testID(doc, "pcn-absent"); status != http.StatusOK || !strings.Contains(got, "did not exist on 1 January 2020") {
			t.Errorf("%s: %d %q, want 200 saying it did not exist", p, status, got)
		}
		if doc.Find(`[data-testid="headline"]`).Length() != 0 {
			t.Errorf("%s: figures for a day the PCN did not exist", p)
		}
	}
	if status, doc := reorgPage(t, s, footprintsAdmin, "/pcns/"+latePCN+"?at=2024-04-01"); status != 200 || testID(doc, "pcn-absent") != "" {
		t.Errorf("the day it was formed: %d %q", status, testID(doc, "pcn-absent"))
	}
}

// A PCN with no list (no practice recorded, no published list) has "no data" for its
// patients and its FTE per 10,000 on its ICB's page and its own, never 0; its FTE
// stays.
func TestPCNWithNoListIsNoData(t *testing.T) {
	t.Parallel()
	s := pcnDayServer(t)
	_, doc := reorgPage(t, s, footprintsAdmin, "/icbs/QOC")
	row := strings.Split(cellsOf(doc, "child-"+noListPCN), "|")
	// name, code, patients, ARRS FTE, per 10,000, other FTE (a PCN row has no PCNs column)
	if len(row) != 6 || row[2] != "no data" || row[4] != "no data" || row[3] == "no data" || row[3] == "0.0" {
		t.Errorf("the ICB page's row: %q", row)
	}
	_, doc = reorgPage(t, s, footprintsAdmin, "/pcns/"+noListPCN)
	if got := valueOf(doc, "patients"); got != "no data" {
		t.Errorf("its page's registered patients: %q", got)
	}
	if got := valueOf(doc, "per-10k"); got != "no data" {
		t.Errorf("its page's FTE per 10,000: %q", got)
	}
	if got := valueOf(doc, "arrs-fte"); got == "no data" || got == "0.0" || got == "" {
		t.Errorf("its page's ARRS FTE: %q", got)
	}
}

// ?at= names a day from the first of the structure the planner knows to the last of
// the plan window (this financial year and the next two: 31 March 2029 in December
// 2026); outside, the page refuses with a 400 naming the limit.
func TestAtIsBounded(t *testing.T) {
	t.Parallel()
	s := pcnDayServer(t)
	cases := []struct {
		path   string
		status int
		want   string
	}{
		{"/icbs/QHM?at=9999-12-31", 400, "31 March 2029"},
		{"/regions/Y60?at=2029-04-01", 400, "31 March 2029"},
		{"/pcns/U60057?at=2019-06-30", 400, "1 July 2019"},
		{"/?at=2019-06-30", 400, "1 July 2019"},
		{"/regions/Y60?at=2029-03-31", 200, ""},
		{"/pcns/U60057?at=2019-07-01", 200, ""},
	}
	for _, c := range cases {
		status, doc := reorgPage(t, s, footprintsAdmin, c.path)
		if status != c.status || !strings.Contains(doc.Text(), c.want) {
			t.Errorf("%s: %d, want %d naming %q", c.path, status, c.status, c.want)
		}
	}
}

// The wide tables of the PCN, ICB and users pages scroll inside their own box, a
// region with a name that the keyboard can focus, so a phone's screen (375 px)
// scrolls the table and not the page.
func TestWideTablesScrollInTheirBox(t *testing.T) {
	t.Parallel()
	s := pcnDayServer(t)
	for path, table := range map[string]string{"/pcns/" + movedFrom: "practices", "/icbs/QOC": "children", "/regions/Y60": "children", "/admin/users": ""} {
		_, doc := reorgPage(t, s, footprintsAdmin, path)
		box := doc.Find(`.app-wide-table[role="region"][tabindex="0"]`).FilterFunction(func(_ int, b *goquery.Selection) bool {
			return b.AttrOr("aria-label", "") != "" && b.Find("table").Length() == 1
		})
		// The charts' tables scroll in boxes of their own too (ui.Figure).
		if box.Length() == 0 || (table != "" && box.Find("table#"+table).Length() != 1) {
			t.Errorf("%s: no scrolling box round the table %q", path, table)
		}
	}
}
