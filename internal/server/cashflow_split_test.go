package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// listOfCastle gives cashServer's third practice, ZZ0003, a list of 5,000 on 1 January
// 2026 (the November 2025 publication), so that every member has one and the practice
// split of 2026/27 is by list: ZZ0001 10,000, ZZ0002 5,000, ZZ0003 5,000 of 20,000,
// that is 50%, 25% and 25%.
func listOfCastle(t *testing.T, dbURL string) {
	t.Helper()
	ownerExec(t, dbURL, `INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients)
		VALUES ('ZZ0003', '2025-11-01', 'ALL', 'ALL', 5000)`)
}

// splitCells reads a practice's rows of the what-if's practice split by their cells'
// test ids: share, then costs, ARRS reimbursements and net cost, each as things
// stand, with the change and the change.
func splitCells(doc *goquery.Document, year, code string) string {
	id := "y" + year + "-practice-split-" + code
	out := []string{testid(doc, id+"-share")}
	for _, f := range []string{"costs", "reimbursed", "net"} {
		for _, w := range []string{"before", "after", "change"} {
			out = append(out, testid(doc, id+"-"+f+"-"+w))
		}
	}
	return strings.Join(out, "|")
}

// What a GP as a practice-scheme post rather than an ARRS post does to each practice,
// worked by hand (cashServer, ZZ0003 with a list: the split is 50/25/25). 2026/27, as
// things stand: costs are the ARRS and other-money posts', GP-ARRS 12 × £7,000, CP-NEW
// 12 × £4,000 and OTHER 12 × 416,667p = 18,200,004p; reimbursements the ARRS claims,
// £84,000 + £48,000 = £132,000. By list: ZZ0001 9,100,002p of costs (£91,000), £66,000
// reimbursed, net 2,500,002p (£25,000); ZZ0002 and ZZ0003 4,550,001p (£45,500), £33,000
// and 1,250,001p (£12,500) each.
//
// GP-ARRS to the practice GP scheme, claimed by ZZ0001: its cost and claims leave the
// split (they are ZZ0001's own), costs 9,800,004p and reimbursements £48,000, so ZZ0001
// has £49,000 of costs (−£42,000), £24,000 reimbursed (−£42,000) and the same net; the
// others half as much. ZZ0001's scheme: entitlement £4.57 × 10,000 = £45,700, committed
// £0 → £84,000, left £45,700 → −£38,300, which the page names.
//
// GP-ARRS to other money instead: its cost stays in the split (18,200,004p) and its
// claims leave it (£48,000): ZZ0001's net rises by £42,000 to £67,000, ZZ0002's and
// ZZ0003's by £21,000 to £33,500; other money's costs rise from £50,000 to £134,000,
// which the page says is not money saved.
func TestCashflowWhatIfPracticeSplit(t *testing.T) {
	t.Parallel()
	ts, ids, db, dbURL := cashServerURL(t)
	listOfCastle(t, dbURL)
	gp := strconv.FormatInt(ids["GP-ARRS"], 10)
	status, doc := fetchAs(t, ts, "manager@test.nhs.uk", "/pcns/U60057/cashflow?year=2026&move=staff-"+gp+"&to=practice_gp&practice=ZZ0001")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	want := map[string]string{
		"ZZ0001": "50.00%|£91,000|£49,000|−£42,000|£66,000|£24,000|−£42,000|£25,000|£25,000|£0",
		"ZZ0002": "25.00%|£45,500|£24,500|−£21,000|£33,000|£12,000|−£21,000|£12,500|£12,500|£0",
		"ZZ0003": "25.00%|£45,500|£24,500|−£21,000|£33,000|£12,000|−£21,000|£12,500|£12,500|£0",
		"total":  "100.00%|£182,000|£98,000|−£84,000|£132,000|£48,000|−£84,000|£50,000|£50,000|£0",
	}
	for code, w := range want {
		if got := splitCells(doc, "2026", code); got != w {
			t.Errorf("split %s: %q, want %q", code, got, w)
		}
	}
	if got, w := strings.Join(cashCells(doc, "y2026-practice-split-ZZ0001"), "|"), "ZZ0001 ABBEY SURGERY|50.00%|£25,000|£25,000|£0"; got != w {
		t.Errorf("ZZ0001's net cost %q, want %q", got, w)
	}
	if got, w := strings.Join(cashCells(doc, "y2026-practice-money-total"), "|"), "The PCN|£182,000|£98,000|−£84,000|£132,000|£48,000|−£84,000"; got != w {
		t.Errorf("the PCN's costs and reimbursements %q, want %q", got, w)
	}
	for id, w := range map[string]string{"y2026-practice-split": "Net cost by practice, 2026/27", "y2026-practice-money": "Costs and ARRS reimbursements by practice, 2026/27"} {
		if got := strings.TrimSpace(doc.Find("#" + id + " caption").Text()); got != w {
			t.Errorf("caption %q, want %q", got, w)
		}
	}
	for id, w := range map[string]string{
		"y2026-scheme-entitlement": "Entitlement|£45,700|£45,700|£0",
		"y2026-scheme-committed":   "Committed: practice-scheme GPs in post|£0|£84,000|+£84,000",
		"y2026-scheme-left":        "Entitlement left|£45,700|−£38,300|−£84,000",
	} {
		if got := strings.Join(cashCells(doc, id), "|"); got != w {
			t.Errorf("%s: %q, want %q", id, got, w)
		}
	}
	if got := testid(doc, "y2026-scheme-left-after"); got != "−£38,300" {
		t.Errorf("the scheme's left after, by its test id: %q", got)
	}
	if got, w := testid(doc, "y2026-scheme-over"), "With the change, ZZ0001 claims £38,300 more than its own entitlement: one practice's entitlement cannot pay for another's GP."; !strings.Contains(got, w) {
		t.Errorf("scheme over: %q, want it to say %q", got, w)
	}
	if got := testid(doc, "y2026-practice-split-basis"); !strings.Contains(got, "Divided by registered list") || !strings.Contains(got, "outside this split") {
		t.Errorf("split basis %q", got)
	}
	if doc.Find(`[data-testid="y2026-compare-other"], [data-testid="y2026-other-note"]`).Length() != 0 {
		t.Error("a move between the ARRS and the practice scheme shows other money's costs")
	}

	status, doc = fetchAs(t, ts, "manager@test.nhs.uk", "/pcns/U60057/cashflow?year=2026&move=staff-"+gp+"&to=other")
	if status != http.StatusOK {
		t.Fatalf("to other: status %d", status)
	}
	want = map[string]string{
		"ZZ0001": "50.00%|£91,000|£91,000|£0|£66,000|£24,000|−£42,000|£25,000|£67,000|+£42,000",
		"ZZ0002": "25.00%|£45,500|£45,500|£0|£33,000|£12,000|−£21,000|£12,500|£33,500|+£21,000",
		"total":  "100.00%|£182,000|£182,000|£0|£132,000|£48,000|−£84,000|£50,000|£134,000|+£84,000",
	}
	for code, w := range want {
		if got := splitCells(doc, "2026", code); got != w {
			t.Errorf("to other money, split %s: %q, want %q", code, got, w)
		}
	}
	if got, w := strings.Join(cashCells(doc, "y2026-compare-other"), "|"), "Other money: costs, nothing reimbursed|£50,000|£134,000|+£84,000"; got != w {
		t.Errorf("other money's costs %q, want %q", got, w)
	}
	for id, w := range map[string]string{
		"y2026-other-note": "The ARRS headroom this frees is not money saved: the post still costs £84,000 in 2026/27, now paid from other money, with nothing reimbursed.",
		"what-if":          "funded by other money instead of the ARRS. Its cost is then paid from the PCN's or its practices' own money, and none of it is reimbursed.",
	} {
		if got := testid(doc, id); !strings.Contains(got, w) {
			t.Errorf("%s: %q, want it to say %q", id, got, w)
		}
	}
	if doc.Find(`[data-testid="y2026-scheme-region"]`).Length() != 0 {
		t.Error("a move to other money names a practice's scheme")
	}
	var stream string
	if err := db.QueryRowForTest(context.Background(), `SELECT funding_stream FROM staff WHERE id = `+gp, &stream); err != nil || stream != "arrs" {
		t.Errorf("the record's stream is %q (%v) after the what-ifs, want arrs", stream, err)
	}
}

// ARRS claims above the entitlement: with a weighted population of 1,000 on 1 January
// 2026 (2025/26's rate £26.631 standing in), 2026/27's entitlement is 2,663,100p
// (£26,631) against £132,000 of claims (cashServer), so £105,369 will not be
// reimbursed; the cash flow still receives every claim and says so. Moving the GP
// to the practice scheme leaves £48,000 of claims, £21,369 above it.
func TestCashflowAboveEntitlement(t *testing.T) {
	t.Parallel()
	ts, ids, db, _ := cashServerURL(t)
	if _, err := db.UpsertPopulations(context.Background(), "pops.csv", []workforce.Population{{PCNCode: "U60057", EffectiveDate: workforce.Date(2026, 1, 1), Weighted: 1000}}, capBy); err != nil {
		t.Fatal(err)
	}
	y := cashCompute(t, db, []workforce.FinancialYear{2026}, nil, nil, nil)[0]
	if y.Funding.EntitlementPence != 2663100 || y.Funding.CommittedPence+y.Funding.PlannedPence != 13200000 {
		t.Fatalf("entitlement %v, claims %v; want 2,663,100p and 13,200,000p", y.Funding.EntitlementPence, y.Funding.CommittedPence+y.Funding.PlannedPence)
	}
	path := "/pcns/U60057/cashflow?year=2026&move=staff-" + strconv.FormatInt(ids["GP-ARRS"], 10) + "&to=practice_gp&practice=ZZ0001"
	status, doc := fetchAs(t, ts, "manager@test.nhs.uk", path)
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	for id, w := range map[string]string{
		"y2026-over": "Claims of £132,000 are above the entitlement of £26,631: £105,369 will not be reimbursed. This cash flow receives every claim earned, " +
			"as the planning rules have it: it does not cut claims at the entitlement",
		"y2026-over-after": "With the change: claims of £48,000 are above the entitlement of £26,631: £21,369 will not be reimbursed.",
	} {
		if got := testid(doc, id); !strings.Contains(got, w) {
			t.Errorf("%s: %q, want it to say %q", id, got, w)
		}
	}
}

// A what-if a link cannot honour is refused, never shown as something else: the plan's
// starters with a practice (plan lines name none), and a practice-scheme GP moved to
// the scheme at another practice (a move between streams, not practices).
func TestCashflowWhatIfRefusedMoves(t *testing.T) {
	t.Parallel()
	ts, _, db, _ := cashServerURL(t)
	scheme := cashRecord(t, db, "U60057", "gp", "GP-SCHEME", "practice_gp", "ZZ0001", 1, "2025-01-01", 9000000)
	c := client(t)
	signIn(t, ts, c, "director@test.nhs.uk")
	for path, w := range map[string]struct {
		status int
		says   string
	}{
		"/pcns/U60057/cashflow?move=plan-gp-2026-10-01&to=practice_gp&practice=ZZ0001": {400, "Plan lines name no practice"},
		"/pcns/U60057/cashflow?move=staff-" + strconv.FormatInt(scheme, 10) + "&to=practice_gp&practice=ZZ0002": {422,
			"is already on the practice GP scheme, claimed by ABBEY SURGERY (ZZ0001)"},
		"/pcns/U60057/cashflow?move=staff-" + strconv.FormatInt(scheme, 10) + "&to=practice_gp&practice=ZZ0001": {422,
			"is already on the practice GP scheme, claimed by ABBEY SURGERY (ZZ0001)"},
	} {
		res, err := c.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if body := strings.Join(strings.Fields(doc.Text()), " "); res.StatusCode != w.status || !strings.Contains(body, w.says) {
			t.Errorf("%s: %d, want %d saying %q", path, res.StatusCode, w.status, w.says)
		}
	}
}
