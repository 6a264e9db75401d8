package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/funding"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The reports of issue 14's funding streams against funding.Compute, to the penny, on
// the sample workforce (QOC and QSL, census 30 November 2025) in 2026/27.

// csvRows runs an `arrs report` and returns its CSV rows, the header first.
func csvRows(t *testing.T, args ...string) [][]string {
	t.Helper()
	out, _, err := runArrs(args...)
	if err != nil {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// insertStaff inserts a staff record of the PCN from 1 April 2026 and returns its id.
func insertStaff(t *testing.T, db *store.DB, pcn, role, ident string, fte float64, cost int64, band, stream, practice string) int64 {
	t.Helper()
	practiceSQL := "NULL"
	if practice != "" {
		practiceSQL = "'" + practice + "'"
	}
	var id int64
	if err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`
		INSERT INTO staff (pcn_code, role_code, staff_role, source, unique_identifier, fte, start_date, annual_cost_pence, band, funding_stream, practice_code)
		VALUES ('%s', '%s', '', 'manual', '%s', %v, '2026-04-01', %d, '%s', '%s', %s) RETURNING id`,
		pcn, role, ident, fte, cost, band, stream, practiceSQL), &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// computeYear is funding.Compute of one PCN's 2026/27 as the pages work it (as of the
// latest census).
func computeYear(t *testing.T, db *store.DB, code string, req funding.Request) funding.PCNYear {
	t.Helper()
	ctx := context.Background()
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tree.PCN(code)
	if req.AsOf, _, err = funding.AsOf(ctx, db, workforce.Today(time.Now())); err != nil {
		t.Fatal(err)
	}
	req.PCNs, req.Years = []workforce.PCN{p}, []workforce.FinancialYear{2026}
	res, err := funding.Compute(ctx, db, req)
	if err != nil {
		t.Fatal(err)
	}
	y, _ := res.For(code, 2026)
	return y
}

// `arrs report funding --stream practice_gp`, with the real practices of November 2025
// and the ICBs of April 2026 (`arrs seed reference`) and a practice-scheme GP (£120,000,
// 12,000,000p over the year) at U60057's first practice: U60057's row is its funding
// page's scheme; its ICB's counts each practice in its own ICB on 1 April 2026, at
// 457p a patient of its list on 1 January 2026 (worked here straight from the tables),
// and the GP's claims; England's counts every practice, those in no PCN too.
func TestReportFundingPracticeGP(t *testing.T) {
	db := withSample(t)
	if _, _, err := runArrs("seed", "reference"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	members, err := db.PracticesOfPCN(ctx, "U60057", workforce.Date(2026, time.January, 1))
	if err != nil || len(members) == 0 {
		t.Fatalf("members: %v %v", members, err)
	}
	insertStaff(t, db, "U60057", "gp", "GP-PRACTICE", 1, 12000000, "", "practice_gp", members[0].Code)
	page := computeYear(t, db, "U60057", funding.Request{})
	gp := page.PracticeGP
	want := []string{gp.EntitlementPence.Decimal(), gp.CommittedPence.Decimal(), gp.PlannedPence.Decimal(), gp.HeadroomPence.Decimal()}
	rows := func(level string, stream ...string) map[string][]string {
		byCode := map[string][]string{}
		for _, r := range csvRows(t, "report", "funding", "--stream", append(stream, "practice_gp")[0], "--level", level, "--year", "2026/27")[1:] {
			byCode[r[1]] = r
		}
		return byCode
	}
	if got := rows("pcn")["U60057"]; got == nil || strings.Join(got[4:8], ",") != strings.Join(want, ",") || gp.CommittedPence != 12000000 {
		t.Errorf("U60057: report %q, page %q", got, want)
	}
	var icb string
	if err := db.QueryRowForTest(ctx, `SELECT icb_code FROM practice_spans WHERE practice_code = '`+members[0].Code+`'
		AND valid_from <= '2026-04-01' AND (valid_to IS NULL OR valid_to > '2026-04-01')`, &icb); err != nil {
		t.Fatal(err)
	}
	lists := func(where string) workforce.Pence {
		t.Helper()
		var patients int64
		if err := db.QueryRowForTest(ctx, `
			SELECT coalesce(sum(pp.patients), 0) FROM practice_spans j
			JOIN practice_patients pp ON pp.practice_code = j.practice_code AND pp.extract = '2025-11-01' AND pp.sex = 'ALL' AND pp.age_band = 'ALL'
			LEFT JOIN practice_spans a ON a.practice_code = j.practice_code AND a.valid_from <= '2026-04-01' AND (a.valid_to IS NULL OR a.valid_to > '2026-04-01')
			WHERE j.valid_from <= '2026-01-01' AND (j.valid_to IS NULL OR j.valid_to > '2026-01-01') AND `+where, &patients); err != nil {
			t.Fatal(err)
		}
		return workforce.Pence(457 * patients)
	}
	icbRow, england := rows("icb")[icb], rows("england")["E92000001"]
	if entitlement := lists("j.pcn_code IS NOT NULL AND a.icb_code = '" + icb + "'"); icbRow == nil || icbRow[4] != entitlement.Decimal() || icbRow[5] != "120000.00" {
		t.Errorf("%s: report %q, want entitlement %s and the GP's 120000.00", icb, icbRow, entitlement.Decimal())
	}
	if entitlement := lists("true"); england[4] != entitlement.Decimal() || england[5] != "120000.00" || entitlement < 29000000000 {
		t.Errorf("England: report %q, want entitlement %s", england, entitlement.Decimal())
	}
	// Other money: a care coordinator the PCN pays itself, £30,000: its cost, no
	// entitlement, and no headroom (an empty cell: other money reimburses nothing).
	insertStaff(t, db, "U60057", "care_coordinator", "CC-OTHER", 1, 3000000, "", "other", "")
	if got := rows("pcn", "other")["U60057"]; got[4] != "0.00" || got[5] != "30000.00" || got[7] != "" {
		t.Errorf("U60057 on other money: %q", got)
	}
	// 2025/26 has no scheme rate: the entitlement and headroom are empty, never 0.00,
	// at every level, and standard error says why.
	for _, level := range []string{"pcn", "icb", "england"} {
		out, stderr, err := runArrs("report", "funding", "--stream", "practice_gp", "--level", level, "--year", "2025/26", "--format", "json")
		var got []map[string]any
		if err == nil {
			err = json.Unmarshal([]byte(out), &got)
		}
		if err != nil || len(got) == 0 || !strings.Contains(stderr, "not known (empty)") {
			t.Fatalf("%s 2025/26: %v, %d rows, %q", level, err, len(got), stderr)
		}
		for _, r := range got {
			if r["entitlement_gbp"] != nil || r["headroom_gbp"] != nil {
				t.Errorf("%s 2025/26 %v: entitlement %v, headroom %v, want null", level, r["code"], r["entitlement_gbp"], r["headroom_gbp"])
			}
		}
	}
}

// `arrs report cashflow` is the PCN's cash flow of Compute, to the penny: the position
// is what was received less what was paid; --lag overrides the ICB's; a backdated
// uplift is Compute's; out-of-bounds flags exit with the limit.
func TestReportCashflow(t *testing.T) {
	db := withSample(t)
	insertStaff(t, db, "U60057", "gp", "GP-ARRS", 1, 10000000, "", "arrs", "")
	header := "pcn_code,month,claims_earned_gbp,claims_received_gbp,staff_costs_paid_gbp,net_gbp,cash_position_gbp,staff_data_from"
	three := 3
	for _, c := range []struct {
		args []string
		req  funding.Request
	}{
		{nil, funding.Request{}},
		{[]string{"--lag", "3"}, funding.Request{Lag: &three}},
		{[]string{"--uplift", "3.3", "--uplift-month", "2026-08"}, funding.Request{Uplift: &planning.Uplift{Percent: 3.3, Month: 4}}},
	} {
		recs := csvRows(t, append([]string{"report", "cashflow", "--pcn", "u60057", "--year", "2026/27"}, c.args...)...)
		if strings.Join(recs[0], ",") != header || len(recs) != 13 {
			t.Fatalf("%v: header %q, %d rows", c.args, recs[0], len(recs)-1)
		}
		y := computeYear(t, db, "U60057", c.req)
		var received, paid workforce.Pence
		for m, month := range y.CashFlow.Months {
			want := []string{"U60057", month.Month.Format("2006-01"), month.Earned.Decimal(), month.Received.Decimal(),
				month.CostsPaid.Decimal(), month.Net.Decimal(), month.Position.Decimal(), ""}
			if got := recs[m+1]; strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%v, month %d: report %q, Compute %q", c.args, m, got, want)
			}
			received, paid = received+pounds(t, recs[m+1][3]), paid+pounds(t, recs[m+1][4])
			if pos := pounds(t, recs[m+1][6]); pos != received-paid {
				t.Errorf("%v, month %d: position %s, received − paid %s", c.args, m, pos.Decimal(), (received - paid).Decimal())
			}
		}
		if y.CashFlow.Months[0].CostsPaid == 0 {
			t.Errorf("%v: no costs paid in April", c.args)
		}
	}
	for args, want := range map[string]string{
		"--lag 7":                               "0 to 6",
		"--lag two":                             "0 to 6",
		"--lag +2":                              "0 to 6",
		"--uplift 3.3":                          "go together",
		"--uplift 25 --uplift-month 2026-08":    "0 to 20",
		"--uplift 3.333 --uplift-month 2026-08": "2 decimal places",
		"--uplift NaN --uplift-month 2026-08":   `0 to 20 with at most 2 decimal places, such as 3.3, not "NaN"`,
		"--uplift 1e1 --uplift-month 2026-08":   `not "1e1"`,
		"--uplift 0x1p3 --uplift-month 2026-08": `not "0x1p3"`,
		"--uplift Inf --uplift-month 2026-08":   `not "Inf"`,
		"--uplift -1 --uplift-month 2026-08":    "0 to 20",
		"--uplift 3 --uplift-month 2027-04":     "2026-04 to 2027-03",
		"--uplift 3 --uplift-month 2026-8":      "as YYYY-MM",
		"--year 2035/36":                        "from 2019/20",
		"--year 2018":                           "from 2019/20",
		"--format pdf":                          "csv, table, json or xlsx",
	} {
		_, _, err := runArrs(append([]string{"report", "cashflow", "--pcn", "U60057", "--year", "2026/27"}, strings.Fields(args)...)...)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("cashflow %s: %v, want one line with %q", args, err, want)
		}
	}
	if _, _, err := runArrs("report", "cashflow", "--year", "2026/27"); err == nil || !strings.Contains(err.Error(), "--pcn") {
		t.Errorf("no PCN: %v", err)
	}
	// --year as the page's ?year= takes it: 2026 is 2026/27.
	if got := csvRows(t, "report", "cashflow", "--pcn", "U60057", "--year", "2026"); len(got) != 13 || got[1][1] != "2026-04" {
		t.Errorf("--year 2026: %q", got)
	}
}

// The months before the staff data (the sample's census of 30 November 2025) are not
// known: at a 6-month lag, 2026/27's April and May receive the claims of October and
// November 2025, so those cells, their net and every position are empty, never 0.00,
// as the page's "not known"; each row names the census, and standard error says the
// low point is not known. The months that are known are Compute's to the penny.
func TestReportCashflowBeforeTheData(t *testing.T) {
	db := withSample(t)
	insertStaff(t, db, "U60057", "gp", "GP-ARRS", 1, 10000000, "", "arrs", "")
	out, stderr, err := runArrs("report", "cashflow", "--pcn", "U60057", "--year", "2026/27", "--lag", "6")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 13 {
		t.Fatalf("%v: %d rows", err, len(recs))
	}
	six := 6
	y := computeYear(t, db, "U60057", funding.Request{Lag: &six})
	for m, month := range y.CashFlow.Months {
		received, net := month.Received.Decimal(), month.Net.Decimal()
		if m < 2 {
			received, net = "", ""
		}
		want := []string{"U60057", month.Month.Format("2006-01"), month.Earned.Decimal(), received, month.CostsPaid.Decimal(), net, "", "2025-11-30"}
		if got := recs[m+1]; strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("month %d: %q, want %q", m, got, want)
		}
	}
	if !strings.Contains(stderr, "census of 2025-11-30") || !strings.Contains(stderr, "not known") || strings.Contains(stderr, "lowest cash position") {
		t.Errorf("stderr %q", stderr)
	}
	// 2025/26 starts before the data: April to November are not known.
	recs = csvRows(t, "report", "cashflow", "--pcn", "U60057", "--year", "2025/26")
	if got := strings.Join(recs[1], ","); got != "U60057,2025-04,,,,,,2025-11-30" {
		t.Errorf("April 2025: %q", got)
	}
}

// pounds reads a report's amount: pounds with 2 decimals, maybe negative.
func pounds(t *testing.T, s string) workforce.Pence {
	t.Helper()
	p, ok := workforce.ParsePounds(strings.TrimPrefix(s, "-"))
	if !ok {
		t.Fatalf("pounds %q", s)
	}
	if strings.HasPrefix(s, "-") {
		return -p
	}
	return p
}

// `arrs report claims` has the stream and the share of each month: a mental health
// practitioner (band 6, £40,000) at 0.5 until the PCN's written agreement raises it to
// 1 from 1 October 2026; a practice-scheme GP's rows on practice_gp at share 1; a post
// on other money has no rows. The ARRS rows sum to the committed claims.
func TestReportClaimsStreamAndShare(t *testing.T) {
	db := withSample(t)
	ctx := context.Background()
	insertStaff(t, db, "U60057", "mental_health_practitioner", "MHP-AGREED", 1, 4000000, "6", "arrs", "")
	insertStaff(t, db, "U60057", "care_coordinator", "CC-OTHER", 1, 3000000, "", "other", "")
	var practice string
	if err := db.QueryRowForTest(ctx, `SELECT practice_code FROM practice_spans WHERE pcn_code = 'U60057' ORDER BY 1 LIMIT 1`, &practice); err != nil {
		// The template holds no practices: make one.
		practice = "ZZ0001"
		var code string
		if err := db.QueryRowForTest(ctx, `
			WITH p AS (INSERT INTO practices (code, name, postcode) VALUES ('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA') RETURNING code)
			INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
			SELECT p.code, 'U60057', s.sub_icb_code, s.icb_code, '2019-07-01' FROM p, pcn_spans s
			WHERE s.pcn_code = 'U60057' AND s.valid_to IS NULL RETURNING practice_code`, &code); err != nil {
			t.Fatal(err)
		}
	}
	insertStaff(t, db, "U60057", "gp", "GP-PRACTICE", 1, 12000000, "", "practice_gp", practice)
	var id int64
	if err := db.QueryRowForTest(ctx, `
		INSERT INTO share_agreements (pcn_code, role_code, share, valid_from, agreed_on, party, recorded_by)
		VALUES ('U60057', 'mental_health_practitioner', 1, '2026-10-01', '2026-09-15', 'The trust', 'test') RETURNING id`, &id); err != nil {
		t.Fatal(err)
	}
	recs := csvRows(t, "report", "claims", "--pcn", "U60057", "--year", "2026/27")
	sums := map[string]workforce.Pence{}
	mhp, gp := 0, 0
	for _, r := range recs[1:] {
		sums[r[3]] += pounds(t, r[9])
		switch r[1] {
		case "MHP-AGREED":
			mhp++
			if want := map[bool]string{true: "0.5", false: "1"}[r[4] < "2026-10"]; r[3] != "arrs" || r[8] != want {
				t.Errorf("MHP %s: stream %s share %s, want arrs %s", r[4], r[3], r[8], want)
			}
		case "GP-PRACTICE":
			gp++
			if r[3] != "practice_gp" || r[8] != "1" || r[7] != "152900.00" || r[9] != "10000.00" {
				t.Errorf("practice-scheme GP %q", r)
			}
		case "CC-OTHER":
			t.Errorf("a post on other money claims: %q", r)
		}
	}
	y := computeYear(t, db, "U60057", funding.Request{})
	if mhp != 12 || gp != 12 || sums["arrs"] != y.Funding.CommittedPence || sums["practice_gp"] != 12000000 {
		t.Errorf("%d MHP rows, %d GP rows; sums %v, ARRS committed %s", mhp, gp, sums, y.Funding.CommittedPence.Decimal())
	}
}
