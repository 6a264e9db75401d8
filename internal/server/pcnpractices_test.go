package server

import (
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// practicesOfShrewsbury gives U60057 three practices of its own, whatever the
// reference data holds: ZZ0001 (10,000 patients on 1 November 2025, 11,000 on 1
// February 2026), ZZ0002 in another ICB (5,000 in November, absent in February) and
// ZZ0003 with no list published.
func practicesOfShrewsbury(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `
		DELETE FROM practice_patients WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_deprivation WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057');
		DELETE FROM practice_spans WHERE pcn_code = 'U60057';
		INSERT INTO practices (code, name, postcode) VALUES
			('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BORDER SURGERY', 'SY2 2BB'), ('ZZ0003', 'CASTLE SURGERY', 'SY3 3CC');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, 'U60057', s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001', 'QOC'), ('ZZ0002', 'QSL'), ('ZZ0003', 'QOC')) AS x(code, icb)
		CROSS JOIN LATERAL (SELECT sub_icb_code, icb_code FROM sub_icb_spans
		                    WHERE icb_code = x.icb AND valid_to IS NULL ORDER BY 1 LIMIT 1) s;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 10000), ('ZZ0002', '2025-11-01', 'ALL', 'ALL', 5000),
			('ZZ0001', '2026-02-01', 'ALL', 'ALL', 11000)`)
	if err != nil {
		t.Fatal(err)
	}
}

// A PCN's overview lists its member practices on the page's day with their patients,
// "no data" where none is published, the ICB of a practice outside the PCN's, and a
// total that is the PCN's list; a PCN with none recorded says so.
func TestPCNPageListsMemberPractices(t *testing.T) {
	t.Parallel()
	db, dbURL := dbtest.NewWithURL(t)
	practicesOfShrewsbury(t, dbURL)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	cases := []struct {
		path string
		want map[string]string
	}{
		{"/pcns/U60057", map[string]string{ // today: the February list
			"practice-ZZ0001": "ZZ0001|ABBEY SURGERY|SY1 1AA||11,000", "practice-ZZ0002": "|no data", "practice-ZZ0003": "|no data",
			"practices-total": "Total|3 practices|||11,000 (2 practices with no data not counted)"}},
		{"/pcns/U60057?at=2025-12-01", map[string]string{
			"practice-ZZ0001": "ABBEY SURGERY|SY1 1AA||10,000", "practice-ZZ0002": "|NHS Somerset Integrated Care Board|5,000",
			"practice-ZZ0003": "CASTLE SURGERY|SY3 3CC||no data", "practices-total": "Total|3 practices|||15,000 (1 practice with no data not counted)"}},
		{"/pcns/U60057?at=2025-11-30", map[string]string{"patients": "15,000", "practices": "3"}}, // the headline is the same list
	}
	for _, c := range cases {
		status, doc := fetchAs(t, ts, "manager@test.nhs.uk", c.path)
		if status != 200 {
			t.Fatalf("%s: %d", c.path, status)
		}
		for id, want := range c.want {
			if got := cellsOf(doc, id); !strings.Contains(got, want) {
				t.Errorf("%s: [data-testid=%s] = %q, want it to contain %q", c.path, id, got, want)
			}
		}
		if got := cellsOf(doc, "practice-ZZ0001"); strings.Contains(got, "Integrated Care Board") {
			t.Errorf("%s: a practice in the PCN's own ICB names it: %q", c.path, got)
		}
	}
	_, doc := fetchAs(t, ts, "manager@test.nhs.uk", "/pcns/U47425")
	if got := testID(doc, "no-practices"); !strings.Contains(got, "No member practices are recorded") {
		t.Errorf("a PCN with no practices recorded: %q, want it said", got)
	}
	if doc.Find(`[data-testid="practices-total"]`).Length() != 0 {
		t.Error("a PCN with no practices recorded shows a total row")
	}
}

// cellsOf is the text of the element with the test id, its table cells apart ("|").
func cellsOf(doc *goquery.Document, id string) string {
	el := doc.Find(`[data-testid="` + id + `"]`)
	if cells := el.Find("th, td"); cells.Length() > 0 {
		return strings.Join(cells.Map(func(_ int, c *goquery.Selection) string { return strings.Join(strings.Fields(c.Text()), " ") }), "|")
	}
	return strings.Join(strings.Fields(el.Text()), " ")
}
