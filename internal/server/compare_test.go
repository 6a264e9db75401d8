package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/sheettest"
)

// TestComparePage checks QOC's comparison against the hand working of the scenario
// (dashboards_scenario_test.go): U60057's and U79722's rows, and one of the seven
// PCNs with nobody in post. FTE per 10,000 is on need (docs/need.md): the tests'
// reference data holds no practices, so every PCN has no member practice on the day
// and its need is its own registered list (U60057 105,122, U79722 26,390): U60057
// 3.0 × 10,000 ÷ 105,122 = 0.285 → 0.29, U79722 0.8 × 10,000 ÷ 26,390 = 0.303 → 0.30,
// still the two highest of England (decile 10). The weighted populations keep their
// place in the fair shares (compare_need_test.go has need apart from the list).
func TestComparePage(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	status, doc := e.get("lead", "/icbs/QOC/compare")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	want := map[string]string{
		"cmp-pcns":      "9",
		"cmp-list-size": "7", // every QOC PCN but the two with a weighted population
		// U60057
		"cmp-U60057-population":     "100,000",
		"cmp-U60057-fte":            "3.0",
		"cmp-U60057-per10k":         "0.29",
		"cmp-U60057-per10k-decile":  "decile 10",
		"cmp-U60057-reached":        "7%",
		"cmp-U60057-reached-decile": "decile 10",
		"cmp-U60057-mix":            "Clinical pharmacist 53% | Care coordinator 47%",
		"cmp-U60057-headroom":       "£2,497,027",
		"cmp-U60057-coverage":       "1 of 2 (50%)",
		"cmp-U60057-rooms-now":      "0.0 now",
		"cmp-U60057-rooms-plan":     "8.4 with the plan",
		"cmp-U60057-rooms-first":    "short from 2026/27 Q4",
		"cmp-U60057-plan":           "Draft",
		"cmp-U60057-plan-waits":     "Waiting for the PCN's managers, to finish and submit it",
		// U79722
		"cmp-U79722-fte":      "0.8",
		"cmp-U79722-per10k":   "0.30",
		"cmp-U79722-reached":  "4%",
		"cmp-U79722-headroom": "£1,304,833",
		// No supervisor, link or site recorded: not known, never 0 (issue 11).
		"cmp-U79722-coverage":  "None recorded yet",
		"cmp-U79722-rooms-now": "None recorded yet",
		"cmp-U79722-plan":      "No plan",
		// WREKIN PCN: its registered list of 49,792, nobody in post: decile 1.
		"cmp-U13205-population":     "49,792",
		"cmp-U13205-list-size":      "registered list",
		"cmp-U13205-fte":            "0.0",
		"cmp-U13205-per10k-decile":  "decile 1",
		"cmp-U13205-reached-decile": "decile 1",
		"cmp-U13205-mix":            "None in post",
		// England: 1,295 PCNs at 0 in decile 1; U79722 and U60057 in decile 10.
		"cmp-deciles-per10k-1":   "1 | 1,295 | 0.00 | 0.00",
		"cmp-deciles-per10k-2":   "2 | 0 | None | None",
		"cmp-deciles-per10k-10":  "10 | 2 | 0.29 | 0.30",
		"cmp-deciles-reached-10": "10 | 2 | 4% | 7%",
	}
	for id, w := range want {
		if got := cellsText(doc, id); !strings.Contains(got, w) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, w)
		}
	}
	if capHas(doc, "cmp-U60057-list-size") || !capHas(doc, "cmp-U60057-coverage-flag") || capHas(doc, "cmp-U60057-headroom-flag") {
		t.Error("U60057's flags")
	}
	// The lead may see every dashboard of the ICB; a PCN's manager only their own.
	if doc.Find(`a[href="/pcns/U79722/dashboard"]`).Length() != 1 {
		t.Error("the lead has no link to U79722's dashboard")
	}
	_, doc = e.get("manager", "/icbs/QOC/compare")
	if doc.Find(`a[href="/pcns/U60057/dashboard"]`).Length() != 1 || doc.Find(`a[href="/pcns/U79722/dashboard"]`).Length() != 0 {
		t.Error("a PCN manager's dashboard links")
	}
	// The ICB page links here for those who may see it.
	if _, icb := e.get("manager", "/icbs/QOC"); icb.Find(`[data-testid="compare-link"]`).AttrOr("href", "") != "/icbs/QOC/compare" {
		t.Error("the ICB page does not link the comparison")
	}
	if _, icb := e.get("other-manager", "/icbs/QOC"); capHas(icb, "compare-link") {
		t.Error("the ICB page links the comparison for another ICB's manager")
	}
}

// TestCompareSorting sorts by link, on the server; an unknown column is a 400.
func TestCompareSorting(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	order := func(q string) []string {
		_, doc := e.get("admin", "/icbs/QOC/compare"+q)
		var codes []string
		doc.Find("#compare tbody tr").Each(func(_ int, r *goquery.Selection) {
			codes = append(codes, strings.TrimPrefix(r.AttrOr("data-testid", ""), "cmp-"))
		})
		return codes
	}
	// On need (here each PCN's own list, TestComparePage): U79722 0.30, U60057 0.29.
	if got := order("?sort=per10k&dir=desc"); len(got) != 9 || got[0] != "U79722" || got[1] != "U60057" {
		t.Errorf("by FTE per 10,000, largest first: %v", got)
	}
	if got := order("?sort=per10k&dir=asc"); got[7] != "U60057" || got[8] != "U79722" {
		t.Errorf("by FTE per 10,000, smallest first: %v", got)
	}
	if got := order("?sort=plan&dir=desc"); got[0] != "U60057" {
		t.Errorf("by plan stage: %v", got)
	}
	if got := order("?sort=headroom&dir=desc"); got[0] != "U60057" {
		t.Errorf("by headroom: %v", got)
	}
	if got := order(""); got[0] != "U64003" { // NEWPORT AND CENTRAL PCN comes first by name
		t.Errorf("by name: %v", got)
	}
	_, doc := e.get("admin", "/icbs/QOC/compare?sort=reached&dir=desc")
	if got := doc.Find(`#compare th[aria-sort="descending"]`).Text(); !strings.Contains(got, "fair share") {
		t.Errorf("sorted column %q", got)
	}
	if href := doc.Find(`#compare th[aria-sort="descending"] a`).AttrOr("href", ""); href != "/icbs/QOC/compare?sort=reached&dir=asc#compare" {
		t.Errorf("the sorted column's link %q", href)
	}
	for _, q := range []string{"?sort=salary", "?dir=sideways"} {
		if status, _ := e.get("admin", "/icbs/QOC/compare"+q); status != http.StatusBadRequest {
			t.Errorf("%s: %d", q, status)
		}
	}
}

// TestCompareDownloads: the CSV's header and U60057's row as worked out by hand, text
// cells escaped against formula injection, and the XLSX holding the same cells with
// numbers as numbers.
func TestCompareDownloads(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	if err := e.db.QueryRowForTest(context.Background(), `UPDATE pcns SET name = '=HYPERLINK("http://x")' WHERE code = 'U13205' RETURNING code`, new(string)); err != nil {
		t.Fatal(err)
	}
	res, body := capDownload(t, e, "/icbs/QOC/compare.csv")
	if ct := res.Header.Get("Content-Type"); ct != csvType || res.Header.Get("Content-Disposition") != `attachment; filename=arrs-compare-icb-QOC-2025-11-30.csv` {
		t.Errorf("headers %q %q", ct, res.Header.Get("Content-Disposition"))
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := strings.Join(recs[0], ",")
	if !strings.HasPrefix(header, "code,name,weighted_population,list_size_stands_in,arrs_fte,arrs_fte_per_10k,per_10k_england_decile,"+
		"denominator,registered_patients,need_population,expected_fte,ratio,lower_998,upper_998,flag_998,fair_share_fte,"+
		"fair_share_reached_pct,fair_share_england_decile,headroom_gbp,supervision_needing,supervision_covered,supervision_coverage_pct,"+
		"room_sessions_available,room_sessions_short_now,room_sessions_short_with_plan,first_quarter_short,plan_version,plan_status,waiting_for,"+
		"clinical_pharmacist_fte,") {
		t.Errorf("header %s", header)
	}
	if len(recs) != 10 {
		t.Fatalf("%d rows, want the header and 9 PCNs", len(recs))
	}
	rows := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		rows[rec[0]] = row
	}
	// Per 10,000 on need, here its own list (TestComparePage): 3.0 × 10,000 ÷ 105,122.
	wantU60057 := map[string]string{"name": "SHREWSBURY PCN", "weighted_population": "100000", "list_size_stands_in": "no", "arrs_fte": "3.00",
		"arrs_fte_per_10k": "0.29", "per_10k_england_decile": "10", "denominator": "list", "registered_patients": "105122",
		"need_population": "105122.00", "fair_share_fte": "40.80", "fair_share_reached_pct": "7.4",
		"fair_share_england_decile": "10", "headroom_gbp": "2497027.26", "supervision_needing": "2", "supervision_covered": "1",
		"supervision_coverage_pct": "50.0", "room_sessions_available": "20.00", "room_sessions_short_now": "0.00",
		"room_sessions_short_with_plan": "8.40", "first_quarter_short": "2026/27 Q4", "plan_version": "Version 2", "plan_status": "draft",
		"clinical_pharmacist_fte": "1.60", "care_coordinator_fte": "1.40", "paramedic_fte": "0.00"}
	for col, w := range wantU60057 {
		if got := rows["U60057"][col]; got != w {
			t.Errorf("U60057 %s = %q, want %q", col, got, w)
		}
	}
	if got := rows["U13205"]["name"]; got != `'=HYPERLINK("http://x")` {
		t.Errorf("a formula in a name is not escaped: %q", got)
	}
	if recs[1][0] > recs[2][0] {
		t.Error("rows are not sorted by code")
	}

	// compareText are the download's text columns; every other holds a number.
	compareText := map[string]bool{"code": true, "name": true, "list_size_stands_in": true, "first_quarter_short": true,
		"plan_version": true, "plan_status": true, "waiting_for": true, "denominator": true, "flag_998": true}
	_, body = capDownload(t, e, "/icbs/QOC/compare.xlsx")
	book := sheettest.Open(t, body)
	cells := book.Rows("Comparison")
	for i, rec := range recs {
		for j, want := range rec {
			got := ""
			if j < len(cells[i]) {
				got = cells[i][j]
			}
			if i == 0 || compareText[recs[0][j]] || want == "" {
				if got != want {
					t.Errorf("XLSX row %d %s = %q, CSV %q", i+1, recs[0][j], got, want)
				}
				continue
			}
			a, _ := strconv.ParseFloat(got, 64)
			b, _ := strconv.ParseFloat(want, 64)
			if number := book.IsNumber("Comparison", sheettest.CellName(j, i)); a != b || !number {
				t.Errorf("XLSX row %d %s = %q (a number: %v), CSV %q", i+1, recs[0][j], got, number, want)
			}
		}
	}
}

// capDownload gets a file as the admin.
func capDownload(t *testing.T, e *capEnv, path string) (*http.Response, []byte) {
	t.Helper()
	res, err := e.as("admin").Get(e.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("%s: %d %v", path, res.StatusCode, err)
	}
	return res, body
}

// TestCompareBeforeAnyImport lists the ICB's PCNs with what can be known.
func TestCompareBeforeAnyImport(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	status, doc := e.get("lead", "/icbs/QOC/compare")
	if status != 200 || !capHas(doc, "cmp-no-census") || !strings.HasSuffix(testID(doc, "cmp-pcns"), "9") || capHas(doc, "cmp-england") {
		t.Errorf("status %d, no-census %v, %q", status, capHas(doc, "cmp-no-census"), testID(doc, "cmp-pcns"))
	}
	if got := testID(doc, "cmp-U60057-population"); got != "105,122" {
		t.Errorf("the registered list stands in: %q", got)
	}
	// No census: nothing observed is known on today's need report, so no funnel, and
	// expected FTE and the ratio are no data, never 0.
	if capHas(doc, "cmp-funnel") || testID(doc, "cmp-U60057-expected") != "no data" || testID(doc, "cmp-U60057-ratio") != "no data" {
		t.Errorf("before any import: funnel %v, expected %q, ratio %q", capHas(doc, "cmp-funnel"), testID(doc, "cmp-U60057-expected"), testID(doc, "cmp-U60057-ratio"))
	}
}

// The comparison's download is of the page's as-of date: the latest census by default,
// ?as_of= when the page has it (its download links carry it), never today.
func TestCompareDownloadAsOf(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	addDashScenario(t, e)
	for _, c := range []struct{ page, day, long string }{
		{"/icbs/QOC/compare", "2025-11-30", "30 November 2025"},
		{"/icbs/QOC/compare?as_of=2026-01-31", "2026-01-31", "31 January 2026"},
	} {
		status, doc := e.get("lead", c.page)
		if status != 200 {
			t.Fatalf("%s: status %d", c.page, status)
		}
		if text := doc.Find("p.nhsuk-body-l").First().Text(); !strings.Contains(text, "in post on "+c.long) {
			t.Errorf("%s: the page's as-of reads %q, want %s", c.page, text, c.long)
		}
		href := doc.Find(`[data-testid="download-csv"]`).AttrOr("href", "")
		if href == "" {
			t.Fatalf("%s: no CSV link", c.page)
		}
		res, body := capDownload(t, e, href)
		if got, want := res.Header.Get("Content-Disposition"), "attachment; filename=arrs-compare-icb-QOC-"+c.day+".csv"; got != want {
			t.Errorf("%s: the download %s is %q, want %q", c.page, href, got, want)
		}
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs[1:] {
			if rec[0] == "U60057" {
				page := strings.TrimSpace(doc.Find(`[data-testid="cmp-U60057-fte"]`).Text())
				if got, _ := strconv.ParseFloat(rec[4], 64); strconv.FormatFloat(got, 'f', 1, 64) != page {
					t.Errorf("%s: U60057's FTE %s in the file, %s on the page", c.page, rec[4], page)
				}
			}
		}
	}
	if res, err := e.as("lead").Get(e.ts.URL + "/icbs/QOC/compare.csv?as_of=2026-13-01"); err != nil || res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad as_of: %v %v", res.StatusCode, err)
	}
}
