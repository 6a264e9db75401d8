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
	"github.com/jackc/pgx/v5"

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
	ts, ids, db, _ := fundingServerURL(t)
	return ts, ids, db
}

// fundingServerURL is fundingServer that also returns the database's URL (as its
// owner), for fixtures the app may not write, such as practices.
func fundingServerURL(t *testing.T) (*httptest.Server, map[string]int64, *store.DB, string) {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
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
	return ts, ids, db, dbURL
}

// sameCells checks that a workbook's rows are the CSV's records, cell for cell.
func sameCells(t *testing.T, rows, recs [][]string) {
	t.Helper()
	if len(rows) != len(recs) {
		t.Fatalf("xlsx %d rows, csv %d", len(rows), len(recs))
	}
	for i := range recs {
		// A row's trailing empty cells (no flag) are not cells in a workbook.
		if strings.TrimRight(strings.Join(rows[i], ","), ",") != strings.TrimRight(strings.Join(recs[i], ","), ",") {
			t.Errorf("row %d: xlsx %q, csv %q", i, rows[i], recs[i])
		}
	}
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
	if got := strings.Join(cells, " | "); got != "CP-ABOVE | Clinical pharmacist | ARRS | 1.00 | £66,972 | £70,000 | £66,972 | £70,000 | £3,028" {
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
	// The staff table is folded away beneath the year's streams, practices and split,
	// its rows still there to read.
	details := doc.Find(`[data-testid="y2025-staff-details"] details`)
	if got := strings.TrimSpace(details.Find("summary").Text()); got != "Show the 4 staff records of 2025/26" {
		t.Errorf("staff details summary %q", got)
	}
	if details.Find(`[data-testid="`+above+`"]`).Length() != 1 || details.AttrOr("open", "closed") != "closed" {
		t.Error("the staff rows are not in a closed details")
	}
	// The staff and plan tables are paged (fundingweb.RowsPerPage a page), each by its
	// own bounded parameter: a page past the last is the last, anything else a 400.
	if status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/funding?y2025-staff-page=99"); status != 200 || doc.Find(`[data-testid="`+above+`"]`).Length() != 1 {
		t.Errorf("a page past the last: %d, want 200 with the last page's rows", status)
	}
	for _, bad := range []string{"0", "x", "1234567"} {
		if status, _ := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/funding?y2025-plan-page="+bad); status != http.StatusBadRequest {
			t.Errorf("?y2025-plan-page=%s: %d, want 400", bad, status)
		}
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
	sameCells(t, book.FormattedRows("Claims"), recs)
	// Numbers are numbers in the workbook; text stays text.
	if book.IsText("Claims", "J2") || !book.IsText("Claims", "E2") {
		t.Errorf("claimable is text, or the month a number, in the workbook")
	}
	for _, year := range []string{"2025", "2018/19", "2028/29"} { // not a year; before the scheme; after the window
		if res, _ := download(t, ts, "/pcns/U60057/funding/claims.csv?year="+year); res.StatusCode != http.StatusBadRequest {
			t.Errorf("year %s: %d, want 400", year, res.StatusCode)
		}
	}
	// A year of 20,000 characters is refused by its length, not echoed back.
	if res, body := download(t, ts, "/pcns/U60057/funding/claims.csv?year="+strings.Repeat("9", 20000)); res.StatusCode != http.StatusBadRequest ||
		strings.Contains(string(body), "9999999999999999") || !strings.Contains(string(body), "longer than 16 characters") {
		t.Errorf("a long year: %d, echoed or unexplained", res.StatusCode)
	}
}

// ownerExec runs SQL on the database as its owner: fixtures the app may not write,
// such as practices and their lists.
func ownerExec(t *testing.T, dbURL, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatal(err)
	}
}

// practicesOfU60057 makes U60057's member practices, whatever the reference data holds:
// ZZ0001 ABBEY SURGERY (6,000 patients on 1 November 2025), ZZ0002 BORDER SURGERY
// (3,000) and ZZ0003 CASTLE SURGERY (1,000); with noList, ZZ0004 DALE SURGERY too,
// with no list published.
func practicesOfU60057(t *testing.T, dbURL string, noList bool) {
	t.Helper()
	ownerExec(t, dbURL, `
		DELETE FROM practice_patients WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_deprivation WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_spans WHERE pcn_code = 'U60057';
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BORDER SURGERY', 'SY2 2BB'), ('ZZ0003', 'CASTLE SURGERY', 'SY3 3CC'),
			('ZZ0004', 'DALE SURGERY', 'SY4 4DD');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, 'U60057', s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001'), ('ZZ0002'), ('ZZ0003')`+map[bool]string{true: `, ('ZZ0004')`}[noList]+`) AS x(code)
		CROSS JOIN LATERAL (SELECT sub_icb_code, icb_code FROM sub_icb_spans
		                    WHERE icb_code = 'QOC' AND valid_to IS NULL ORDER BY 1 LIMIT 1) s;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 6000), ('ZZ0002', '2025-11-01', 'ALL', 'ALL', 3000),
			('ZZ0003', '2025-11-01', 'ALL', 'ALL', 1000)`)
}

// streamRecords gives fundingServer's U60057 a post in each of the other streams'
// ways: a GP (1.0 FTE, £90,000 from 1 April 2025, the stream as the role says: ARRS)
// and a care coordinator the PCN pays from other money (1.0 FTE, £24,000). Over
// 2026/27 the GP claims 12 × 750,000 = 9,000,000p (under both the ARRS cap of £92,462
// and the practice scheme's £152,900); the coordinator costs 12 × 200,000 =
// 2,400,000p and claims nothing.
func streamRecords(t *testing.T, db *store.DB) (gp, other int64) {
	t.Helper()
	gp = fundingRecord(t, db, "U60057", "gp", "GP-SWITCH", 1, "2025-04-01", 9000000)
	other = fundingRecord(t, db, "U60057", "care_coordinator", "CC-OTHER", 1, "2025-04-01", 2400000)
	execSQL(t, db, fmt.Sprintf(`UPDATE staff SET funding_stream = 'other' WHERE id = %d`, other))
	return gp, other
}

// toPracticeScheme moves a GP to the practice GP scheme, claimed by ZZ0001.
func toPracticeScheme(t *testing.T, db *store.DB, id int64) {
	t.Helper()
	execSQL(t, db, fmt.Sprintf(`UPDATE staff SET funding_stream = 'practice_gp', practice_code = 'ZZ0001' WHERE id = %d`, id))
}

// execSQL runs an UPDATE that must change one row.
func execSQL(t *testing.T, db *store.DB, sql string) {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `WITH done AS (`+sql+` RETURNING 1) SELECT count(*) FROM done`, &n); err != nil || n != 1 {
		t.Fatalf("%s: %d rows, %v", sql, n, err)
	}
}

// wholePounds reads a page's "£123,456" (or "−£1,235") as pounds.
func wholePounds(t *testing.T, s string) int64 {
	t.Helper()
	neg := strings.HasPrefix(s, "−")
	v, err := strconv.ParseInt(strings.NewReplacer("−", "", "£", "", ",", "").Replace(s), 10, 64)
	if err != nil {
		t.Fatalf("not whole pounds: %q", s)
	}
	if neg {
		return -v
	}
	return v
}

// The page sets the three streams side by side. In 2026/27 the practice GP scheme's
// entitlement is its rate, £4.57, times each member practice's list on 1 January 2026:
// 4.57 × 6,000 + 4.57 × 3,000 + 4.57 × 1,000 = £45,700, excluding DALE SURGERY, which
// has no list (and so no split by list either); other money's entitlement and
// headroom do not apply and its committed is the coordinator's cost and a physician
// associate's on other money with no cost recorded, estimated at the cap of band 7,
// £66,972 (£24,000 + £66,972 = £90,972), excluding a health and wellbeing coach with
// neither a cost nor a cap (its band, ≤5, has none here). The practice split's costs
// say the same.
// Moving the GP to the practice scheme moves its £90,000 of claims from the ARRS
// column to the practice scheme's and to ABBEY SURGERY's committed (entitlement
// £27,420, so £62,580 over). Money is compared cell for cell, never as a substring.
func TestFundingStreams(t *testing.T) {
	t.Parallel()
	ts, _, db, dbURL := fundingServerURL(t)
	practicesOfU60057(t, dbURL, true)
	gp, other := streamRecords(t, db)
	// No cap for band 5 (the coach's, ≤5, has no role cap of its own).
	if err := db.QueryRowForTest(context.Background(), `WITH d AS (DELETE FROM band_caps WHERE band = '5' RETURNING 1) SELECT count(*) FROM d`, new(int)); err != nil {
		t.Fatal(err)
	}
	for role, ident := range map[string]string{"physician_associate": "PA-OTHER", "health_wellbeing_coach": "HWC-OTHER"} {
		insertID(t, db, `INSERT INTO staff (pcn_code, role_code, source, unique_identifier, fte, start_date, funding_stream)
			VALUES ('U60057', '`+role+`', 'manual', '`+ident+`', 1, '2025-04-01', 'other') RETURNING id`)
	}
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/funding")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	heads := doc.Find(`[data-testid="y2026-streams-region"] thead th`).Map(func(_ int, c *goquery.Selection) string { return strings.TrimSpace(c.Text()) })
	if got := strings.Join(heads, "|"); got != "Figure|ARRS|Practice GP scheme|Other money" {
		t.Errorf("streams table heads %q", got)
	}
	otherNote := " (excluding 1 record with neither a cost nor a cap; 1 estimated at the cap)"
	exact := map[string]string{
		"y2026-stream-practice-gp-entitlement": "£45,700 (excluding 1 practice)",
		"y2026-stream-practice-gp-committed":   "£0",
		"y2026-stream-practice-gp-headroom":    "£45,700 (excluding 1 practice)",
		"y2026-stream-other-entitlement":       "—",
		"y2026-stream-other-committed":         "£90,972" + otherNote,
		"y2026-stream-other-planned":           "£0",
		"y2026-stream-other-headroom":          "—",
		"y2025-stream-practice-gp-entitlement": "no data",
		"y2025-stream-practice-gp-headroom":    "no data",
		"y2026-practice-gp-ZZ0004":             "ZZ0004 DALE SURGERY|no data|no data|£0|no data",
		"y2026-split-ZZ0001":                   "ZZ0001 ABBEY SURGERY|no data|no data|no data|no data",
	}
	for id, w := range exact {
		if got := cellsOf(doc, id); got != w {
			t.Errorf("[data-testid=%s] = %q, want %q", id, got, w)
		}
	}
	if got := strings.Split(cellsOf(doc, "y2026-split-total"), "|"); len(got) != 5 || !strings.HasSuffix(got[2], otherNote) {
		t.Errorf("the split's costs %q, want them to say %q", got, otherNote)
	}
	says := map[string]string{
		"y2026-practice-list-size": "registered list for 1 January 2026 (published 1 November 2025) stands in for its adjusted population",
		"y2027-practice-rate":      "2026/27's £4.57 per patient stands in",
		"y2026-split-basis":        "Not divided: a member practice has no registered list for 1 January 2026",
		"cashflow-link":            "Cash flow",
	}
	for id, w := range says {
		if got := cellsOf(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to say %q", id, got, w)
		}
	}
	if got := cellsOf(doc, "y2026-practice-list-size"); !strings.Contains(got, "1 of the 4 member practices has no list then") {
		t.Errorf("list size note %q", got)
	}
	for id, href := range map[string]string{"agreements-link": "/pcns/U60057/funding/agreements", "approved-roles-link": "/pcns/U60057/funding/approved-roles",
		"cashflow-link": "/pcns/U60057/cashflow", "y2026-practice-shares-link": "/pcns/U60057/funding/practice-shares", "practices-csv": "/pcns/U60057/funding/practices.csv"} {
		if got, _ := doc.Find(`[data-testid="` + id + `"]`).Attr("href"); got != href {
			t.Errorf("%s links to %q, want %q", id, got, href)
		}
	}
	// Staff rows: the leading cells, whole.
	staffRows := map[int64]string{
		gp:    "GP-SWITCH|GP|ARRS|1.00|",
		other: "CC-OTHER|Care coordinator|Other money|1.00|—|£24,000|Nothing: other money|£24,000|—",
	}
	for id, w := range staffRows {
		if got := cellsOf(doc, fmt.Sprintf("y2026-staff-%d", id)); !strings.HasPrefix(got+"|", strings.TrimSuffix(w, "|")+"|") {
			t.Errorf("staff row before the move: %q, want it to start %q", got, w)
		}
	}
	arrsBefore := wholePounds(t, testID(doc, "y2026-stream-arrs-committed"))

	toPracticeScheme(t, db, gp)
	_, doc = fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/funding")
	if moved := arrsBefore - wholePounds(t, testID(doc, "y2026-stream-arrs-committed")); moved != 90_000 {
		t.Errorf("the ARRS column's committed fell by £%d, want £90,000", moved)
	}
	after := map[string]string{
		"y2026-stream-practice-gp-committed": "£90,000",
		"y2026-stream-practice-gp-headroom":  "−£44,300 (excluding 1 practice)", // 45,700 − 90,000
		"y2026-practice-gp-ZZ0001":           "ZZ0001 ABBEY SURGERY|6,000|£27,420|£90,000|−£62,580",
		"y2026-practice-gp-ZZ0002":           "ZZ0002 BORDER SURGERY|3,000|£13,710|£0|£13,710",
		"y2026-practice-gp-total":            "Member practices|10,000 (excluding 1 practice)|£45,700 (excluding 1 practice)|£90,000|−£44,300 (excluding 1 practice)",
	}
	for id, w := range after {
		if got := cellsOf(doc, id); got != w {
			t.Errorf("after the move: [data-testid=%s] = %q, want %q", id, got, w)
		}
	}
	if got, w := cellsOf(doc, fmt.Sprintf("y2026-staff-%d", gp)), "GP-SWITCH|GP|Practice GP scheme: ZZ0001 ABBEY SURGERY|1.00|"; !strings.HasPrefix(got, w) {
		t.Errorf("after the move: the GP's row %q, want it to start %q", got, w)
	}
	// ABBEY SURGERY's GP claims £90,000 against its own £27,420: the page names it, and
	// no other practice.
	if got, w := testID(doc, "y2026-practice-gp-over-ZZ0001"), "ZZ0001 claims £62,580 more than its own entitlement: one practice's entitlement cannot pay for another's GP."; got != w {
		t.Errorf("practice over its entitlement: %q, want %q", got, w)
	}
	if n := doc.Find(`[data-testid="y2026-practice-gp-over"] li`).Length(); n != 1 {
		t.Errorf("%d practices named over their entitlement, want 1", n)
	}
}

// ARRS claims above the entitlement: a weighted population of 1,000 from 1 January
// 2026 makes 2026/27's entitlement 2,663.1p × 1,000 = £26,631, below the claims of the
// staff in post; the split, which divides the claims as reimbursements, says how much
// of them will not be reimbursed. 2025/26 (10,000, £266,310) is under it and says
// nothing.
func TestFundingAboveEntitlement(t *testing.T) {
	t.Parallel()
	ts, _, db, dbURL := fundingServerURL(t)
	practicesOfU60057(t, dbURL, false)
	if _, err := db.UpsertPopulations(context.Background(), "pops.csv", []workforce.Population{{PCNCode: "U60057", EffectiveDate: workforce.Date(2026, 1, 1), Weighted: 1000}}, capBy); err != nil {
		t.Fatal(err)
	}
	status, doc := fetchAs(t, ts, "manager@test.nhs.uk", "/pcns/U60057/funding")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if got := testID(doc, "y2026-entitlement"); !strings.Contains(got, "£26,631") {
		t.Fatalf("entitlement %q", got)
	}
	claims := wholePounds(t, strings.TrimSpace(doc.Find(`[data-testid="y2026-committed"] dd`).Text())) +
		wholePounds(t, strings.TrimSpace(doc.Find(`[data-testid="y2026-planned"] dd`).Text()))
	w := fmt.Sprintf("Claims of %s are above the entitlement of £26,631: %s will not be reimbursed. The ARRS reimbursements divided here are the claims, "+
		"so the practices' parts of them add up to %[2]s more than will be paid.", workforce.Pence(claims*100).Whole(), workforce.Pence((claims-26631)*100).Whole())
	if got := testID(doc, "y2026-split-over"); !strings.HasSuffix(got, w) {
		t.Errorf("split over: %q, want %q", got, w)
	}
	if doc.Find(`[data-testid="y2025-split-over"]`).Length() != 0 {
		t.Error("2025/26 is under its entitlement, yet says it is above")
	}
}

// poundsCell reads a CSV cell of pounds with 2 decimals as pence; ok is false when
// empty (unknown).
func poundsCell(t *testing.T, s string) (workforce.Pence, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	p, ok := workforce.ParsePounds(strings.TrimPrefix(s, "-"))
	if !ok {
		t.Fatalf("not pounds: %q", s)
	}
	if strings.HasPrefix(s, "-") {
		p = -p
	}
	return p, true
}

// The practices download has a row per member practice per year of the window. In
// 2026/27 (the GP on the practice scheme) the PCN's costs are its ARRS and
// other-money posts', worked by hand as claims are (per month, rounded to the penny):
// CP-PART 12 × 400,000, CP-ABOVE 12 × 583,333, PA-NOCAP 12 × 208,333, =SUM(A1) 12 ×
// 250,000 and CC-OTHER 12 × 200,000 = 19,699,992p, divided by list (6,000, 3,000 and
// 1,000 of 10,000): 11,819,995.2, 5,909,997.6 and 1,969,999.2, the penny left over
// going to the largest remainder, BORDER SURGERY's. The reimbursements add up to the
// ARRS claims of the claim schedule, and each net is costs less reimbursements.
// 2025/26 has no practice GP scheme rate, so no entitlement: an empty cell, never 0.
func TestFundingPracticesDownloads(t *testing.T) {
	t.Parallel()
	ts, _, db, dbURL := fundingServerURL(t)
	practicesOfU60057(t, dbURL, false)
	gp, _ := streamRecords(t, db)
	toPracticeScheme(t, db, gp)
	res, body := download(t, ts, "/pcns/U60057/funding/practices.csv")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != csvType ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "arrs-practices-U60057-2025-06-15.csv") {
		t.Fatalf("csv: %d %s %s", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "pcn_code,practice_code,practice_name,financial_year,basis,share_percent,list_size,costs_gbp,reimbursed_gbp,net_gbp,practice_gp_entitlement_gbp,practice_gp_committed_gbp" {
		t.Errorf("header %q", got)
	}
	if len(recs) != 1+3*3 {
		t.Fatalf("%d rows, want 3 practices × 3 years", len(recs)-1)
	}
	var costs, reimbursed, net workforce.Pence
	for _, r := range recs[1:] {
		switch r[3] {
		case "2025/26":
			if r[10] != "" {
				t.Errorf("2025/26 %s: %q, want no scheme entitlement", r[1], strings.Join(r, ","))
			}
		case "2026/27":
			c, ok1 := poundsCell(t, r[7])
			re, ok2 := poundsCell(t, r[8])
			n, ok3 := poundsCell(t, r[9])
			if !ok1 || !ok2 || !ok3 || n != c-re {
				t.Errorf("2026/27 %s: %q", r[1], strings.Join(r, ","))
			}
			costs, reimbursed, net = costs+c, reimbursed+re, net+n
		}
	}
	if costs != 19_699_992 || net != costs-reimbursed {
		t.Errorf("2026/27 costs add up to %d, want 19,699,992p; net %d, reimbursed %d", costs, net, reimbursed)
	}
	if claims := arrsClaims(t, ts, "2026/27"); reimbursed != claims {
		t.Errorf("reimbursements add up to %d, the ARRS claims to %d", reimbursed, claims)
	}
	for _, want := range []string{
		"U60057,ZZ0001,ABBEY SURGERY,2026/27,list,60,6000,118199.95,",
		"U60057,ZZ0002,BORDER SURGERY,2026/27,list,30,3000,59099.98,",
		"U60057,ZZ0003,CASTLE SURGERY,2026/27,list,10,1000,19699.99,",
	} {
		if !slices.ContainsFunc(recs, func(r []string) bool { return strings.HasPrefix(strings.Join(r, ","), want) }) {
			t.Errorf("no row starting %q", want)
		}
	}
	for _, r := range recs {
		if r[3] == "2026/27" && r[1] == "ZZ0001" && (r[10] != "27420.00" || r[11] != "90000.00") {
			t.Errorf("ABBEY SURGERY's scheme: entitlement %s, committed %s; want 27420.00 and 90000.00", r[10], r[11])
		}
	}

	res, body = download(t, ts, "/pcns/U60057/funding/practices.xlsx")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != xlsxType {
		t.Fatalf("xlsx: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	sameCells(t, sheettest.Open(t, body).FormattedRows("Practices"), recs)
}

// arrsClaims adds up the ARRS rows of a year's claim schedule.
func arrsClaims(t *testing.T, ts *httptest.Server, year string) workforce.Pence {
	t.Helper()
	_, body := download(t, ts, "/pcns/U60057/funding/claims.csv?year="+year)
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var sum workforce.Pence
	for _, r := range recs[1:] {
		if r[3] == "arrs" {
			p, _ := poundsCell(t, r[9])
			sum += p
		}
	}
	return sum
}

// insertID runs an INSERT … RETURNING id.
func insertID(t *testing.T, db *store.DB, sql string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRowForTest(context.Background(), sql, &id); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return id
}

// A written agreement raises a mental health practitioner's share from 50% to 100%
// from 1 October 2026: 1.0 FTE at £20,000 claims 6 × 83,333 + 6 × 166,667 =
// 1,500,000p in 2026/27, not 12 × 83,333. A role the ICB approved for U60057 from 1
// April 2026 (cap £50,000) makes a post outside the ARRS list claimable that year, 12 ×
// 375,000 = 4,500,000p at £45,000, and not in 2025/26.
func TestFundingSharesAndApprovedRoles(t *testing.T) {
	t.Parallel()
	ts, _, db := fundingServer(t)
	mhp := fundingRecord(t, db, "U60057", "mental_health_practitioner", "MHP-AGREED", 1, "2025-04-01", 2000000)
	insertID(t, db, `INSERT INTO share_agreements (pcn_code, role_code, share, valid_from, agreed_on, party, recorded_by)
		VALUES ('U60057', 'mental_health_practitioner', 1, '2026-10-01', '2026-09-15', 'Midlands Partnership trust', 'test') RETURNING id`)
	approval := insertID(t, db, `INSERT INTO approved_roles (pcn_code, name, band, cap_pence, valid_from, approved_by)
		VALUES ('U60057', 'Advanced practitioner lead', '7', 5000000, '2026-04-01', 'lead@test.nhs.uk') RETURNING id`)
	post := insertID(t, db, fmt.Sprintf(`INSERT INTO staff (pcn_code, staff_role, source, unique_identifier, fte, start_date, annual_cost_pence, approved_role_id)
		VALUES ('U60057', 'Advanced practitioner lead', 'manual', 'APL-1', 1, '2025-04-01', 4500000, %d) RETURNING id`, approval))
	status, doc := fetchAs(t, ts, "manager@test.nhs.uk", "/pcns/U60057/funding")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	want := map[string]string{
		"y2026-agreements":                     "Mental health practitioner: 100.00% from 1 October 2026 (written agreement of 15 September 2026 with Midlands Partnership trust)",
		"y2026-agreements-raised":              "1 post is claimed at an agreed share",
		"y2025-agreements":                     "No written agreement raises a share in 2025/26",
		fmt.Sprintf("y2026-staff-%d", mhp):     "MHP-AGREED|Mental health practitioner|ARRS|1.00|",
		fmt.Sprintf("y2026-approved-%d", post): "APL-1|Advanced practitioner lead|From 1 April 2026|1.00|£50,000|£45,000",
		fmt.Sprintf("y2026-staff-%d", post):    "APL-1|Advanced practitioner lead|ARRS: approved role Advanced practitioner lead|1.00|",
		"y2025-approved-none":                  "No staff are claimed under a role approved for the PCN in 2025/26",
	}
	for id, w := range want {
		if got := cellsOf(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	if got := cellsOf(doc, fmt.Sprintf("y2026-staff-%d", mhp)); !strings.Contains(got, "|£20,000|£15,000|") {
		t.Errorf("the MHP's 2026/27 claims at 50%% then 100%%: %q, want £15,000", got)
	}
}
