package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// fundingRecord inserts an ARRS staff record by hand and returns its id.
func fundingRecord(t *testing.T, db *store.DB, pcn, role, ident string, fte float64, start string, cost int64) int64 {
	t.Helper()
	var id int64
	err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`
		INSERT INTO staff (pcn_code, role_code, source, unique_identifier, fte, start_date, annual_cost_pence)
		VALUES ('%s', '%s', 'manual', '%s', %v, '%s', %d) RETURNING id`, pcn, role, strings.ReplaceAll(ident, "'", "''"), fte, start, cost), &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// fundingServer is a server whose clock reads 15 June 2025 (this year 2025/26, next
// 2026/27, the plan window running to 2027/28) on a database with no NWRS import (the as-of date is today), holding the
// demo PCN U60057's 2025/26, written out by hand (rate £26.631, w = 10,000 from
// 1 January 2025, no plan):
//
//	entitlement 2,663.1p × 10,000 = 26,631,000p (£266,310.00)
//	CP-PART   clinical pharmacist 0.8, £60,000 from 11 June: June 20/30 days
//	          266,667 + 9 × 400,000 = 3,866,667
//	CP-ABOVE  clinical pharmacist 1.0, £70,000: 12 × 558,100 = 6,697,200 at the
//	          £66,972 cap; cost 12 × 583,333 = 6,999,996: 302,796 above (£3,027.96)
//	PA-NOCAP  physician associate 0.5, £50,000, no known cap: 12 × 208,333 = 2,499,996
//	=SUM(A1)  care coordinator 1.0, £30,000 (under the cap): 12 × 250,000 = 3,000,000
//	committed = 16,063,863 (£160,638.63); headroom 10,567,137 (£105,671.37)
//	June: 266,667 + 558,100 + 208,333 + 250,000 = 1,283,100 (£12,831.00)
func fundingServer(t *testing.T) (*httptest.Server, map[string]int64, *store.DB) {
	t.Helper()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC) }
	ids := map[string]int64{
		"CP-PART":  fundingRecord(t, db, "U60057", "clinical_pharmacist", "CP-PART", 0.8, "2025-06-11", 6000000),
		"CP-ABOVE": fundingRecord(t, db, "U60057", "clinical_pharmacist", "CP-ABOVE", 1, "2023-01-01", 7000000),
		"PA-NOCAP": fundingRecord(t, db, "U60057", "physician_associate", "PA-NOCAP", 0.5, "2024-01-01", 5000000),
		"=SUM(A1)": fundingRecord(t, db, "U60057", "care_coordinator", "=SUM(A1)", 1, "2024-01-01", 3000000),
	}
	if _, err := db.UpsertPopulations(context.Background(), "pops.csv", []workforce.Population{{PCNCode: "U60057", EffectiveDate: workforce.Date(2025, 1, 1), Weighted: 10000}}, capBy); err != nil {
		t.Fatal(err)
	}
	return ts, ids, db
}

func fetchAs(t *testing.T, ts *httptest.Server, email, path string) (int, *goquery.Document) {
	t.Helper()
	c := client(t)
	signIn(t, ts, c, email)
	res, err := c.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, doc
}

func TestFundingPage(t *testing.T) {
	t.Parallel()
	ts, ids, _ := fundingServer(t)
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/funding")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	// One horizon (issue 11): a section for each financial year of the plan's window.
	var sections, window []string
	doc.Find(`section[data-testid$="-section"]`).Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("data-testid")
		sections = append(sections, id)
	})
	for _, q := range workforce.PlanWindowAt(time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)) {
		if id := "y" + strconv.Itoa(int(q.Year)) + "-section"; !slices.Contains(window, id) {
			window = append(window, id)
		}
	}
	if !slices.Equal(sections, window) || len(window) != workforce.PlanYears {
		t.Errorf("year sections %v, want the plan window's %v", sections, window)
	}
	above := fmt.Sprintf("y2025-staff-%d", ids["CP-ABOVE"])
	want := map[string]string{
		// Whole pounds on the page (PLANNING.md), the CSV keeps the pence.
		"y2025-entitlement":   "£266,310",
		"y2025-committed":     "£160,639", // 16,063,863p
		"y2025-planned":       "£0",
		"y2025-headroom":      "£105,671",
		"y2025-outcome":       "£105,671 unclaimed at year end",
		"y2025-above-cap":     "£3,028",
		"y2025-month-2025-06": "£12,831",
		"y2025-month-2025-04": "£10,164", // 558,100 + 208,333 + 250,000 = 1,016,433p
		"y2025-band-cap":      "Physician associate",
		"y2025-population":    "10,000",
		"y2026-rate-assumed":  "2025/26's £26.631 stands in",
		"y2025-claims-csv":    "CSV",
		"y2025-section":       "This year: 2025/26",
		"y2026-section":       "Next year: 2026/27",
		"y2027-section":       "Year after next: 2027/28",
		fmt.Sprintf("y2025-staff-%d", ids["PA-NOCAP"]): "£66,972 (band 7)",
	}
	for id, w := range want {
		if got := testID(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	cells := doc.Find(`[data-testid="` + above + `"] > *`).Map(func(_ int, c *goquery.Selection) string { return strings.TrimSpace(c.Text()) })
	if got := strings.Join(cells, " | "); got != "CP-ABOVE | Clinical pharmacist | 1.00 | £66,972 | £70,000 | £66,972 | £70,000 | £3,028" {
		t.Errorf("CP-ABOVE row: %s", got)
	}
	if n := doc.Find(`[data-testid="y2025-rate-assumed"], [data-testid="y2025-list-size"]`).Length(); n != 0 {
		t.Errorf("2025/26 has its own rate and a weighted population, yet %d flags show", n)
	}
	if doc.Find("h1").Length() != 1 || doc.Find(`[data-testid="y2025-figure"] svg[role="img"] title`).Length() != 1 {
		t.Errorf("want one h1 and a chart with a title")
	}
	if href, _ := doc.Find(`[data-testid="y2025-claims-xlsx"]`).Attr("href"); href != "/pcns/U60057/funding/claims.xlsx?year=2025%2F26" {
		t.Errorf("xlsx link %q", href)
	}
}

// A network with no weighted population: its registered list (34,100) stands in,
// flagged: 2,663.1p × 34,100 = 90,811,710p.
func TestFundingPageListSize(t *testing.T) {
	t.Parallel()
	ts, _, _ := fundingServer(t)
	status, doc := fetchAs(t, ts, "other-manager@test.nhs.uk", "/pcns/U47425/funding")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if got := testID(doc, "y2025-list-size"); !strings.Contains(got, "registered list of 34,100 patients stands in") {
		t.Errorf("list size flag %q", got)
	}
	if got := strings.TrimSpace(doc.Find(`[data-testid="y2025-entitlement"] dd`).Text()); got != "£908,117" {
		t.Errorf("entitlement %q", got)
	}
}

func download(t *testing.T, ts *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	c := client(t)
	signIn(t, ts, c, "manager@test.nhs.uk")
	res, err := c.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func TestFundingClaimsDownloads(t *testing.T) {
	t.Parallel()
	ts, _, _ := fundingServer(t)
	res, body := download(t, ts, "/pcns/U60057/funding/claims.csv?year=2025/26")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != csvType ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "arrs-claims-U60057-2025-26.csv") {
		t.Fatalf("csv: %d %s %s", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "pcn_code,staff_record,role_code,stream,month,fte,annual_cost_gbp,cap_gbp,share,claimable_gbp,flag" {
		t.Errorf("header %q", got)
	}
	// CP-PART from June (10 months), the three others all year: 46 rows.
	if len(recs) != 47 {
		t.Errorf("%d rows, want 46 and the header", len(recs)-1)
	}
	wantRows := map[string]bool{
		"U60057,CP-PART,clinical_pharmacist,arrs,2025-06,0.80,60000.00,66972.00,1,2666.67,":               false,
		"U60057,CP-ABOVE,clinical_pharmacist,arrs,2025-04,1.00,70000.00,66972.00,1,5581.00,":              false,
		"U60057,PA-NOCAP,physician_associate,arrs,2026-03,0.50,50000.00,66972.00,1,2083.33,cap_from_band": false,
		"U60057,'=SUM(A1),care_coordinator,arrs,2025-04,1.00,30000.00,33396.00,1,2500.00,":                false, // escaped; the role's own cap
	}
	for _, r := range recs[1:] {
		line := strings.Join(r, ",")
		if _, ok := wantRows[line]; ok {
			wantRows[line] = true
		}
		if strings.HasPrefix(r[1], "=") {
			t.Errorf("unescaped formula: %q", line)
		}
	}
	for line, seen := range wantRows {
		if !seen {
			t.Errorf("missing row %q", line)
		}
	}

	res, body = download(t, ts, "/pcns/U60057/funding/claims.xlsx?year=2025/26")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != xlsxType {
		t.Fatalf("xlsx: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	book := sheettest.Open(t, body)
	rows := book.FormattedRows("Claims")
	if len(rows) != len(recs) {
		t.Fatalf("xlsx %d rows, csv %d", len(rows), len(recs))
	}
	for i := range recs {
		// A row's trailing empty cells (no flag) are not cells in a workbook.
		if strings.TrimRight(strings.Join(rows[i], ","), ",") != strings.TrimRight(strings.Join(recs[i], ","), ",") {
			t.Errorf("row %d: xlsx %q, csv %q", i, rows[i], recs[i])
		}
	}
	// Numbers are numbers in the workbook; text stays text.
	if book.IsText("Claims", "J2") || !book.IsText("Claims", "E2") {
		t.Errorf("claimable is text, or the month a number, in the workbook")
	}
	if res, _ := download(t, ts, "/pcns/U60057/funding/claims.csv?year=2025"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad year: %d, want 400", res.StatusCode)
	}
}
