package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// cashNow is the cash flow tests' clock: this year 2026/27, next 2027/28.
var cashNow = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

// cashRecord inserts a staff record of a stream (practice names the practice of a
// practice-scheme GP, else "") and returns its id.
func cashRecord(t *testing.T, db *store.DB, pcn, role, ident, stream, practice string, fte float64, start string, cost int64) int64 {
	t.Helper()
	var id int64
	code := "NULL"
	if practice != "" {
		code = "'" + practice + "'"
	}
	err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`
		INSERT INTO staff (pcn_code, role_code, source, unique_identifier, fte, start_date, annual_cost_pence, funding_stream, practice_code)
		VALUES ('%s', '%s', 'manual', '%s', %v, '%s', %d, '%s', %s) RETURNING id`, pcn, role, ident, fte, start, cost, stream, code), &id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// cashServer is a server whose clock reads 15 June 2026, on a database with no NWRS
// import (the as-of date is today, every month is described), U60057 in ICB QOC
// (payment lag 2 months) holding, written out by hand:
//
//	GP-ARRS  GP 1.0 on the ARRS since 2024, £84,000 (under the £92,462 cap): a claim
//	         of £7,000 earned every month, February and March 2026 included
//	CP-NEW   clinical pharmacist 1.0 from 1 April 2026, £48,000: £4,000 a month
//	OTHER    a clinical pharmacist on the PCN's own money: no claim, not in the cash
//
//	2026/27  paid £11,000 a month; received £7,000 in April and May (February's and
//	         March's GP claims), £11,000 from June: positions −£4,000, −£8,000, then
//	         −£8,000 to March. Lowest cash: −£8,000 at the end of May 2026.
//
// Its practices are practicesOfShrewsbury's: on 1 January 2026, ZZ0001 10,000
// patients (practice GP scheme entitlement £4.57 × 10,000 = £45,700), ZZ0002 5,000
// (£22,850), ZZ0003 no list.
func cashServer(t *testing.T) (*httptest.Server, map[string]int64, *store.DB) {
	t.Helper()
	ts, ids, db, _ := cashServerURL(t)
	return ts, ids, db
}

// cashServerURL is cashServer that also returns the database's URL (as its owner),
// for fixtures the app may not write, such as practices' lists.
func cashServerURL(t *testing.T) (*httptest.Server, map[string]int64, *store.DB, string) {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	practicesOfShrewsbury(t, dbURL)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return cashNow }
	ids := map[string]int64{
		"GP-ARRS": cashRecord(t, db, "U60057", "gp", "GP-ARRS", "arrs", "", 1, "2024-01-01", 8400000),
		"CP-NEW":  cashRecord(t, db, "U60057", "clinical_pharmacist", "CP-NEW", "arrs", "", 1, "2026-04-01", 4800000),
		"OTHER":   cashRecord(t, db, "U60057", "clinical_pharmacist", "OTHER", "other", "", 1, "2024-01-01", 5000000),
		"NEIGHB":  cashRecord(t, db, "U47425", "gp", "NEIGHBOUR-GP", "arrs", "", 1, "2024-01-01", 9000000),
	}
	return ts, ids, db, dbURL
}

// cashCompute is the funding the pages work from, computed directly.
func cashCompute(t *testing.T, db *store.DB, years []workforce.FinancialYear, lag *int, up *planning.Uplift, move *funding.Move) []funding.PCNYear {
	t.Helper()
	ctx := context.Background()
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tree.PCN("U60057")
	res, err := funding.Compute(ctx, db, funding.Request{PCNs: []workforce.PCN{p}, Years: years, AsOf: cashNow, Lag: lag, Uplift: up, Move: move})
	if err != nil {
		t.Fatal(err)
	}
	return res.PCN("U60057")
}

// cashCells is the text of a table row's cells, by the row's test id.
func cashCells(doc *goquery.Document, id string) []string {
	var out []string
	doc.Find(`[data-testid="` + id + `"]`).First().Find("th, td").Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.TrimSpace(s.Text()))
	})
	return out
}

func testid(doc *goquery.Document, id string) string {
	return strings.TrimSpace(doc.Find(`[data-testid="` + id + `"]`).First().Text())
}

// The page shows this year and the next, twelve months each, the figures of
// funding.Compute; each position is the last plus what was received less what was
// paid; the low point is the hand-worked one, named in words.
func TestCashflowPage(t *testing.T) {
	t.Parallel()
	ts, _, db := cashServer(t)
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	want := cashCompute(t, db, []workforce.FinancialYear{2026, 2027}, nil, nil, nil)
	for _, y := range want {
		key := "y" + strconv.Itoa(int(y.Year.Year))
		if doc.Find(`[data-testid="`+key+`-section"]`).Length() != 1 {
			t.Fatalf("no section %s", key)
		}
		if n := doc.Find(`tr[data-testid^="` + key + `-month-"]`).Length(); n != 12 {
			t.Errorf("%s: %d month rows, want 12", key, n)
		}
		var pos workforce.Pence
		for m, cm := range y.CashFlow.Months {
			if cm.Net != cm.Received-cm.CostsPaid || cm.Position != pos+cm.Net {
				t.Errorf("%s %s: net %v position %v after %v, received %v, paid %v: not cumulative", key, cm.Month.Format("2006-01"),
					cm.Net, cm.Position, pos, cm.Received, cm.CostsPaid)
			}
			pos = cm.Position
			id := key + "-month-" + cm.Month.Format("2006-01")
			got := strings.Join(cashCells(doc, id), "|")
			pos := cm.Position.Whole()
			if m == y.CashFlow.Low {
				pos += " (lowest)"
			}
			exp := strings.Join([]string{cm.Month.Format("Jan 2006"), pos, cm.Earned.Whole(), cm.Received.Whole(), cm.CostsPaid.Whole(), cm.Net.Whole()}, "|")
			if got != exp {
				t.Errorf("%s: %q, want %q", id, got, exp)
			}
		}
	}
	// A year's cash is the same asked alone, as the download and the command line ask.
	if alone := cashCompute(t, db, []workforce.FinancialYear{2027}, nil, nil, nil)[0].CashFlow; alone != want[1].CashFlow {
		t.Errorf("2027/28 alone %+v, with 2026/27 %+v", alone, want[1].CashFlow)
	}
	// Hand-worked (cashServer): the 2-month lag leaves April and May short.
	y := want[0].CashFlow
	if y.Lag != 2 || y.Months[0].Received != 700000 || y.Months[0].CostsPaid != 1100000 || y.Months[2].Received != 1100000 {
		t.Errorf("2026/27 lag %d, April received %v paid %v, June received %v; want 2, £7,000, £11,000, £11,000",
			y.Lag, y.Months[0].Received, y.Months[0].CostsPaid, y.Months[2].Received)
	}
	if got := testid(doc, "y2026-low"); got != "Lowest cash: −£8,000 at the end of May 2026" {
		t.Errorf("low point %q", got)
	}
	if got := testid(doc, "lag"); !strings.Contains(got, "2 months, the ICB's") {
		t.Errorf("lag %q", got)
	}
	if doc.Find(`[data-testid="y2026-figure"] svg title`).Length() == 0 || doc.Find(`[data-testid="y2026-figure"] table`).Length() != 1 {
		t.Error("no chart with a title and its table")
	}
	for id, says := range map[string]string{
		"year-start":     "Each year starts at £0 on 1 April: it does not carry the previous year's position over.",
		"y2026-low-note": "Part of it never comes back: costs above the caps, and the rest of a cost claimed at a share below 100%.",
	} {
		if got := testid(doc, id); !strings.Contains(got, says) {
			t.Errorf("%s: %q, want it to say %q", id, got, says)
		}
	}
	if doc.Find(`[data-testid="y2026-low"] .app-money`).Text() != "−£8,000" {
		t.Errorf("the low point's amount is not kept on one line: %q", doc.Find(`[data-testid="y2026-low"]`).Text())
	}
	if doc.Find(`form[data-testid="settings-form"][method="get"]`).Length() != 1 {
		t.Error("no GET form of the settings")
	}
	if v, _ := doc.Find(`[data-testid="move-form"] select[name="move"] option`).First().Attr("value"); !strings.HasPrefix(v, "staff-") {
		t.Errorf("the what-if form's first post is %q, want the GP on the ARRS", v)
	}
}

// Every value the address carries is bounded: a refusal is a 400 naming the limit.
func TestCashflowRefusals(t *testing.T) {
	t.Parallel()
	ts, ids, _ := cashServer(t)
	neighbour := strconv.FormatInt(ids["NEIGHB"], 10)
	cases := []struct {
		path   string
		status int
		says   string
	}{
		{"/pcns/U60057/cashflow?lag=9", 400, "from 0 to 6"},
		{"/pcns/U60057/cashflow?lag=two", 400, "from 0 to 6"},
		{"/pcns/U60057/cashflow?lag=%2B2", 400, "from 0 to 6"},
		{"/pcns/U60057/cashflow?year=2030", 400, "a financial year from 2026/27 to 2028/29"},
		{"/pcns/U60057/cashflow?year=2025/26", 400, "a financial year from 2026/27 to 2028/29"},
		{"/pcns/U60057/cashflow?uplift=25&uplift_month=2026-08", 400, "from 0 to 20"},
		{"/pcns/U60057/cashflow?uplift=3.333&uplift_month=2026-08", 400, "at most 2 decimal places"},
		{"/pcns/U60057/cashflow?uplift=NaN&uplift_month=2026-08", 400, "at most 2 decimal places"},
		{"/pcns/U60057/cashflow?uplift=1e1&uplift_month=2026-08", 400, "at most 2 decimal places"},
		{"/pcns/U60057/cashflow?uplift=0x1p3&uplift_month=2026-08", 400, "at most 2 decimal places"},
		{"/pcns/U60057/cashflow?uplift=3&uplift_month=2026-8", 400, "as YYYY-MM"},
		{"/pcns/U60057/cashflow?uplift=3.3", 400, "uplift_month"},
		{"/pcns/U60057/cashflow?uplift=3.3&uplift_month=2029-08", 400, "2026-04 to 2028-03"},
		{"/pcns/U60057/cashflow?year=2026&uplift=3.3&uplift_month=2027-08", 400, "2026-04 to 2027-03"},
		{"/pcns/U60057/cashflow?move=staff-x&to=practice_gp", 400, "names no post"},
		{"/pcns/U60057/cashflow?move=staff-1&to=nhs", 400, "arrs, practice_gp or other"},
		{"/pcns/U60057/cashflow?move=staff-" + strconv.FormatInt(ids["GP-ARRS"], 10) + "&to=practice_gp", 400, "?practice="},
		{"/pcns/U60057/cashflow?move=plan-gp-2026-05-01&to=practice_gp", 400, "first day of a quarter"},
		{"/pcns/U60057/cashflow?move=plan-gp-2031-04-01&to=practice_gp", 400, "first day of a quarter"},
		{"/pcns/U60057/cashflow?move=" + strings.Repeat("x", 65), 400, "longer than 64"},
		// Checked against the PCN's records: 422 naming what is wrong.
		{"/pcns/U60057/cashflow?move=staff-" + strconv.FormatInt(ids["CP-NEW"], 10) + "&to=practice_gp&practice=ZZ0001", 422, "GPs only"},
		{"/pcns/U60057/cashflow?move=staff-" + strconv.FormatInt(ids["GP-ARRS"], 10) + "&to=arrs", 422, "already funded by the ARRS"},
		{"/pcns/U60057/cashflow?move=staff-" + strconv.FormatInt(ids["GP-ARRS"], 10) + "&to=practice_gp&practice=M82002", 422,
			"not a member practice"},
		{"/pcns/U60057/cashflow?move=plan-gp-2026-07-01&to=practice_gp", 422, "starters or leavers on the ARRS in 2026/27 Q2"},
		// Another PCN's record is not found, as an unknown one: nothing of it shows.
		{"/pcns/U60057/cashflow?move=staff-" + neighbour + "&to=practice_gp&practice=ZZ0001", 404, ""},
		{"/pcns/U60057/cashflow.csv?lag=7", 400, "from 0 to 6"},
		{"/pcns/U60057/cashflow.xlsx?year=2031", 400, "from 2026/27 to 2028/29"},
	}
	c := client(t)
	signIn(t, ts, c, "director@test.nhs.uk")
	for _, tc := range cases {
		res, err := c.Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || !strings.Contains(string(body), tc.says) {
			t.Errorf("%s: %d, want %d saying %q", tc.path, res.StatusCode, tc.status, tc.says)
		}
		if strings.Contains(string(body), "NEIGHBOUR-GP") || strings.Contains(string(body), "£90,000") {
			t.Errorf("%s: the other PCN's record shows", tc.path)
		}
	}
}

// The what-if of a link: the GP on the ARRS moved to the practice GP scheme, claimed
// by ZZ0001, raises the ARRS headroom by the GP's claims (£84,000 in 2026/27) and
// lowers the scheme's (the PCN's £68,550 over two practices with a list, ZZ0001's
// £45,700) by the same; the page shows both and both cash curves, as funding.Compute
// works them out with the move, and saves nothing.
func TestCashflowWhatIf(t *testing.T) {
	t.Parallel()
	ts, ids, db := cashServer(t)
	gp := ids["GP-ARRS"]
	path := "/pcns/U60057/cashflow?year=2026&move=staff-" + strconv.FormatInt(gp, 10) + "&to=practice_gp&practice=ZZ0001"
	status, doc := fetchAs(t, ts, "manager@test.nhs.uk", path)
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	years := []workforce.FinancialYear{2026}
	before := cashCompute(t, db, years, nil, nil, nil)[0]
	move := &funding.Move{StaffID: gp, From: workforce.StreamARRS, To: workforce.StreamPracticeGP, Practice: "ZZ0001"}
	after := cashCompute(t, db, years, nil, nil, move)[0]
	if d := after.Funding.HeadroomPence - before.Funding.HeadroomPence; d != 8400000 {
		t.Errorf("ARRS headroom rises by %v, want the GP's claims, £84,000.00", d)
	}
	if before.PracticeGP.HeadroomPence != 6855000 || after.PracticeGP.HeadroomPence != 6855000-8400000 {
		t.Errorf("practice GP headroom %v → %v, want £68,550.00 → −£15,450.00", before.PracticeGP.HeadroomPence, after.PracticeGP.HeadroomPence)
	}
	wantRows := map[string]string{
		"y2026-compare-arrs": "ARRS headroom|" + before.Funding.HeadroomPence.Whole() + "|" + after.Funding.HeadroomPence.Whole() + "|+£84,000",
		"y2026-compare-practice-gp": "Practice GP scheme headroom, all member practices|£68,550 (excluding 1 practice)|" +
			"−£15,450 (excluding 1 practice)|−£84,000",
		"y2026-compare-practice": "Practice GP scheme headroom, ABBEY SURGERY (ZZ0001)|£45,700|−£38,300|−£84,000",
	}
	for id, want := range wantRows {
		if got := strings.Join(cashCells(doc, id), "|"); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	for m := range 12 {
		key := before.CashFlow.Months[m].Month.Format("2006-01")
		got := cashCells(doc, "y2026-chart-"+key)
		if len(got) != 3 || got[1] != before.CashFlow.Months[m].Position.Whole() || got[2] != after.CashFlow.Months[m].Position.Whole() {
			t.Errorf("chart table %s: %q, want before %s after %s", key, got, before.CashFlow.Months[m].Position.Whole(),
				after.CashFlow.Months[m].Position.Whole())
		}
	}
	if n := doc.Find(`[data-testid="y2026-figure"] svg`).First().Find("path[stroke-dasharray]").Length(); n != 1 {
		t.Errorf("%d dashed lines, want the curve with the change", n)
	}
	if got := testid(doc, "what-if"); !strings.Contains(got, "nothing is saved") || !strings.Contains(got, "ABBEY SURGERY (ZZ0001)") {
		t.Errorf("what-if banner %q", got)
	}
	if href, _ := doc.Find(`[data-testid="what-if-link"]`).Attr("href"); href != path {
		t.Errorf("shareable link %q, want %q", href, path)
	}
	var stream string
	if err := db.QueryRowForTest(context.Background(), `SELECT funding_stream FROM staff WHERE id = `+strconv.FormatInt(gp, 10), &stream); err != nil || stream != "arrs" {
		t.Errorf("the record's stream is %q (%v) after the what-if, want arrs: nothing saved", stream, err)
	}
}

// The reverse: a practice-scheme GP of ZZ0002 (0.5 FTE at £90,000: £45,000 a year,
// under both caps) moved to the ARRS lowers the ARRS headroom by £45,000 and raises
// the scheme's by as much.
func TestCashflowWhatIfToARRS(t *testing.T) {
	t.Parallel()
	ts, _, db := cashServer(t)
	id := cashRecord(t, db, "U60057", "gp", "GP-PRACTICE", "practice_gp", "ZZ0002", 0.5, "2025-01-01", 9000000)
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow?year=2026&move=staff-"+strconv.FormatInt(id, 10)+"&to=arrs")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	for id, want := range map[string]string{"y2026-compare-arrs": "−£45,000", "y2026-compare-practice-gp": "+£45,000"} {
		if got := cashCells(doc, id); len(got) != 4 || got[3] != want {
			t.Errorf("%s: %q, want a change of %s", id, got, want)
		}
	}
	if got := testid(doc, "what-if"); !strings.Contains(got, "funded by the ARRS instead of the practice GP scheme") {
		t.Errorf("what-if %q", got)
	}
}

// cashPlan makes U60057's current plan of the lines: a draft taken to accepted, one
// person per step.
func cashPlan(t *testing.T, db *store.DB, lines []workforce.PlanLine) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ReplaceDrafts(ctx, "plan.csv", lines, capBy); err != nil {
		t.Fatal(err)
	}
	p, err := db.EditablePlan(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []workforce.PlanAction{workforce.ActionSubmit, workforce.ActionSignOff, workforce.ActionAccept} {
		moved, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: p.ID, Version: p.Version, Action: a, By: store.Actor{Name: "cash-" + string(a)}})
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		p = moved.After
	}
}

// The plan's GP starter of 2026/27 Q3 (1.0 FTE at £84,000 from 1 October 2026: £7,000
// a month, claims received from December) moved to the practice GP scheme: the ARRS
// headroom rises by its six months' claims, £42,000; the scheme's PCN headroom falls
// by as much (plan lines name no practice: no practice's own changes, and a link
// naming one is refused); and the cash low point, −£22,000 at the end of November 2026
// with the starter (−£8,000 and two unpaid months of £7,000), is −£8,000 at the end of
// May without it.
func TestCashflowWhatIfPlanLine(t *testing.T) {
	t.Parallel()
	ts, _, db := cashServer(t)
	cost := workforce.Pence(8400000)
	cashPlan(t, db, []workforce.PlanLine{{PCNCode: "U60057", RoleCode: "gp", QuarterStart: workforce.Date(2026, 10, 1), StartersFTE: 1,
		AnnualCostPence: &cost}})
	_, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow")
	form := doc.Find(`form[data-testid="move-plan-form"]`)
	if v, _ := form.Find(`select[name="move"] option[value="plan-gp-2026-10-01"]`).Attr("value"); v == "" || form.Find(`[name="practice"]`).Length() != 0 {
		t.Error("the plan's what-if form does not offer the plan's GP starters, or asks for a practice")
	}
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow?year=2026&move=plan-gp-2026-10-01&to=practice_gp")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	wantRows := map[string]string{
		"y2026-compare-practice-gp": "Practice GP scheme headroom, all member practices|£68,550 (excluding 1 practice)|" +
			"£26,550 (excluding 1 practice)|−£42,000",
		"y2026-compare-low": "Lowest cash|−£22,000 (November 2026)|−£8,000 (May 2026)|+£14,000",
	}
	if n := doc.Find(`[data-testid="y2026-compare-practice"], [data-testid="y2026-scheme-region"]`).Length(); n != 0 {
		t.Errorf("plan lines name no practice, yet %d practice's figures show", n)
	}
	for id, want := range wantRows {
		if got := strings.Join(cashCells(doc, id), "|"); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if got := cashCells(doc, "y2026-compare-arrs"); len(got) != 4 || got[3] != "+£42,000" {
		t.Errorf("ARRS headroom %q, want a rise of £42,000", got)
	}
}

// A backdated uplift shows its year alone, as funding.Compute works it out. By hand
// (cashServer), 3.3% confirmed in August 2026, lag 3: the GP's £84,000 becomes
// £86,772 (£7,231 a month), the pharmacist's £48,000 £49,584 (£4,132), both under
// their caps, so claims rise as costs do. Paid: £11,000 April to July; August £11,363
// and the arrears of four months, 4 × £363 = £1,452: £12,815; then £11,363. Earned
// the same. Received: £7,000 April to June (January to March 2026's GP claims),
// £11,000 July to October, £12,815 in November, then £11,363. Positions: −£4,000,
// −£8,000, −£12,000, −£12,000, −£13,815, −£14,178, −£14,541 (October), −£13,089 after.
func TestCashflowUplift(t *testing.T) {
	t.Parallel()
	ts, _, db := cashServer(t)
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow?uplift=3.3&uplift_month=2026-08&lag=3")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	if doc.Find(`[data-testid$="-section"]`).Length() != 1 || !strings.Contains(testid(doc, "uplift"), "3.30% from 1 April 2026") {
		t.Errorf("sections %d, uplift %q", doc.Find(`[data-testid$="-section"]`).Length(), testid(doc, "uplift"))
	}
	if got := testid(doc, "y2026-low"); got != "Lowest cash: −£14,541 at the end of October 2026" {
		t.Errorf("low %q, want −£14,541 at the end of October 2026", got)
	}
	for month, want := range map[string]string{
		"2026-08": "Aug 2026|−£13,815|£12,815|£11,000|£12,815|−£1,815",
		"2026-11": "Nov 2026|−£13,089|£11,363|£12,815|£11,363|£1,452",
	} {
		if got := strings.Join(cashCells(doc, "y2026-month-"+month), "|"); got != want {
			t.Errorf("%s: %q, want %q", month, got, want)
		}
	}
	lag := 3
	y := cashCompute(t, db, []workforce.FinancialYear{2026}, &lag, &planning.Uplift{Percent: 3.3, Month: 4}, nil)[0].CashFlow
	if y.LowPence() != -1454100 || y.Low != 6 || y.Months[4].CostsPaid != 1281500 || y.Months[4].Earned != 1281500 {
		t.Errorf("Compute: low %v in month %d, August paid %v earned %v", y.LowPence(), y.Low, y.Months[4].CostsPaid, y.Months[4].Earned)
	}
	if !strings.Contains(testid(doc, "lag"), "3 months, as set in this page's address") {
		t.Errorf("lag %q", testid(doc, "lag"))
	}
}

// cashCSV downloads a cash flow file and reads its rows, checking the header.
func cashCSV(t *testing.T, ts *httptest.Server, path string) [][]string {
	t.Helper()
	res, body := download(t, ts, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", path, res.StatusCode)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "pcn_code,month,claims_earned_gbp,claims_received_gbp,staff_costs_paid_gbp,net_gbp,cash_position_gbp,staff_data_from" {
		t.Fatalf("header %q", got)
	}
	if len(rows) != 13 {
		t.Fatalf("%d rows, want a header and 12 months", len(rows))
	}
	return rows
}

// samePageAndCSV checks each month's cells on the page against the download's: the
// CSV's pounds in whole pounds exactly (the low point's position followed by
// "(lowest)"), and an empty cell exactly where the page says "Not known". The page
// puts the position first, beside the month; the CSV last.
func samePageAndCSV(t *testing.T, doc *goquery.Document, year string, rows [][]string, low int) {
	t.Helper()
	for m, row := range rows[1:] {
		page := cashCells(doc, "y"+year+"-month-"+row[1])
		if len(page) != 6 {
			t.Fatalf("%s: page row %q", row[1], page)
		}
		for i, col := range row[2:7] {
			want := "Not known"
			if col != "" {
				p, ok := poundsCell(t, col)
				if !ok {
					t.Fatalf("%s: %q", row[1], col)
				}
				want = p.Whole()
			}
			at := i + 2 // earned, received, paid, net
			if i == 4 { // the position
				at = 1
				if m == low && col != "" {
					want += " (lowest)"
				}
			}
			if page[at] != want {
				t.Errorf("%s column %d: CSV %q, page %q, want %q", row[1], i+2, col, page[at], want)
			}
		}
	}
}

// The download holds PLANNING.md's columns and staff_data_from, a row a month, the
// figures of the page to the pound and of funding.Compute to the penny.
func TestCashflowCSV(t *testing.T) {
	t.Parallel()
	ts, _, db := cashServer(t)
	res, _ := download(t, ts, "/pcns/U60057/cashflow.csv?year=2027&lag=1")
	if !strings.Contains(res.Header.Get("Content-Disposition"), "arrs-cashflow-U60057-2027-28.csv") {
		t.Fatalf("%q", res.Header.Get("Content-Disposition"))
	}
	rows := cashCSV(t, ts, "/pcns/U60057/cashflow.csv?year=2027&lag=1")
	_, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow?year=2027&lag=1")
	lag := 1
	y := cashCompute(t, db, []workforce.FinancialYear{2027}, &lag, nil, nil)[0].CashFlow
	for m, cm := range y.Months {
		want := []string{"U60057", cm.Month.Format("2006-01"), cm.Earned.Decimal(), cm.Received.Decimal(), cm.CostsPaid.Decimal(), cm.Net.Decimal(),
			cm.Position.Decimal(), ""}
		if strings.Join(rows[m+1], ",") != strings.Join(want, ",") {
			t.Errorf("row %d: %q, want %q", m+1, rows[m+1], want)
		}
	}
	samePageAndCSV(t, doc, "2027", rows, y.Low)
	if res, _ := download(t, ts, "/pcns/U60057/cashflow.xlsx"); res.StatusCode != http.StatusOK {
		t.Errorf("xlsx: %d", res.StatusCode)
	}
}

// The staff data start at a census of 31 May 2026: 2026/27's April and May are not
// known. The page says "Not known" for their claims and costs, for what they bring in
// two months later, and for every position; the download leaves exactly those cells
// empty (never 0.00) and names the census on every row; the low point is not known.
func TestCashflowBeforeTheData(t *testing.T) {
	t.Parallel()
	ts, _, db := cashServer(t)
	insertID(t, db, `INSERT INTO nwrs_imports (file_name, sha256, census_date, rows, fte, arrs_fte, started, ended, unchanged)
		VALUES ('census.csv', 'x', '2026-05-31', 0, 0, 0, 0, 0, 0) RETURNING id`)
	rows := cashCSV(t, ts, "/pcns/U60057/cashflow.csv?year=2026")
	_, doc := fetchAs(t, ts, "director@test.nhs.uk", "/pcns/U60057/cashflow?year=2026")
	samePageAndCSV(t, doc, "2026", rows, -1)
	for m, want := range map[int]string{1: "U60057,2026-04,,,,,,2026-05-31", 3: "U60057,2026-06,11000.00,,11000.00,,,2026-05-31",
		5: "U60057,2026-08,11000.00,11000.00,11000.00,0.00,,2026-05-31"} {
		if got := strings.Join(rows[m], ","); got != want {
			t.Errorf("row %d: %q, want %q", m, got, want)
		}
	}
	if got := testid(doc, "y2026-low"); !strings.Contains(got, "not known") {
		t.Errorf("low %q", got)
	}
}

// With no practice GP scheme rate held, the scheme's headroom on the cash flow page is
// "no data", for the PCN and the named practice, never £0 or minus the claims.
func TestCashflowNoPracticeRate(t *testing.T) {
	t.Parallel()
	ts, ids, db := cashServer(t)
	if err := db.QueryRowForTest(context.Background(), `WITH d AS (DELETE FROM practice_gp_rates RETURNING 1) SELECT count(*) FROM d`, new(int)); err != nil {
		t.Fatal(err)
	}
	path := "/pcns/U60057/cashflow?year=2026&move=staff-" + strconv.FormatInt(ids["GP-ARRS"], 10) + "&to=practice_gp&practice=ZZ0001"
	status, doc := fetchAs(t, ts, "director@test.nhs.uk", path)
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	for id, want := range map[string]string{
		"y2026-compare-practice-gp": "Practice GP scheme headroom, all member practices|no data|no data|no data",
		"y2026-compare-practice":    "Practice GP scheme headroom, ABBEY SURGERY (ZZ0001)|no data|no data|no data",
	} {
		if got := strings.Join(cashCells(doc, id), "|"); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}
