package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// addStreamPractices makes two member practices of U60057 with registered lists
// (published 1 November 2025, so they stand for 1 January 2026 and every later year):
// ZZ0021 ABBEY SURGERY (24,000 patients) and ZZ0022 BORDER SURGERY (16,000). The
// practice GP scheme's entitlements are then £4.57 × 24,000 = £109,680 and £4.57 ×
// 16,000 = £73,120.
func addStreamPractices(t *testing.T, db *store.DB) {
	t.Helper()
	addMemberPractice(t, db, "ZZ0021", "ABBEY SURGERY", "SY1 1AA", 24000)
	addMemberPractice(t, db, "ZZ0022", "BORDER SURGERY", "SY2 2BB", 16000)
}

// addMemberPractice makes a practice a member of U60057 since July 2019, with its
// registered list published on 1 November 2025 (list 0: none published), written as
// the app's role may. The values are the tests' own, written into the statement.
func addMemberPractice(t *testing.T, db *store.DB, code, name, postcode string, list int) {
	t.Helper()
	var n int
	err := db.QueryRowForTest(context.Background(), fmt.Sprintf(`
		WITH p AS (INSERT INTO practices (code, name, postcode) VALUES ('%s', '%s', '%s') RETURNING code),
		     s AS (INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		           SELECT p.code, 'U60057', x.sub_icb_code, x.icb_code, date '2019-07-01'
		           FROM p, pcn_spans x WHERE x.pcn_code = 'U60057' AND x.valid_to IS NULL RETURNING 1),
		     l AS (INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients)
		           SELECT code, date '2025-11-01', 'ALL', 'ALL', %[4]d FROM p WHERE %[4]d > 0 RETURNING 1)
		SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM l)`, code, name, postcode, list), &n)
	if want := map[bool]int{true: 2, false: 1}[list > 0]; err != nil || n != want {
		t.Fatalf("adding the practice %s: %d rows, %v", code, n, err)
	}
}

// streamRecords are the records behind the funding streams' pages, made by addStreams.
type streamRecords struct {
	gp        int64 // a GP of U60057 on the ARRS (from NWRS): the what-if moves them
	schemeGP  int64 // a GP on the practice GP scheme, claimed by ZZ0021
	agreement int64 // the mental health practitioners' agreement
	approved  int64 // a role the ICB approved for U60057
	counsel   int64 // a post in the approved role
	// planGP is the quarter of a GP starter on the ARRS in the current plan, which the
	// cash flow's what-if moves (zero: none; addGPPlanLine).
	planGP time.Time
}

// addGPPlanLine puts a GP starter on the ARRS (1 FTE at £95,000 in next year's Q2) in
// U60057's draft beside addCapacity's paramedics, for planToReview to make it the
// current plan, and returns its quarter's first day.
func addGPPlanLine(t *testing.T, db *store.DB, year workforce.FinancialYear) time.Time {
	t.Helper()
	q2, cost := (year+1).Start().AddDate(0, 3, 0), workforce.Pence(95_000_00)
	lines := []workforce.PlanLine{
		{PCNCode: "U60057", RoleCode: "paramedic", QuarterStart: (year + 1).Start(), StartersFTE: 2},
		{PCNCode: "U60057", RoleCode: "gp", QuarterStart: q2, StartersFTE: 1, AnnualCostPence: &cost, Stream: workforce.StreamARRS},
	}
	if _, err := db.ReplaceDrafts(context.Background(), "plan.csv", lines, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	return q2
}

// addStreams gives U60057 something on every funding page (PLANNING.md, "Funding
// streams"): member practices with lists (addStreamPractices), a GP on the practice GP
// scheme, a written agreement raising the mental health practitioners' share to 100%
// from 1 October 2026, a counsellor's role the ICB approved with a post in it, and
// agreed practice shares over every member practice (ZZ0020 too, when there).
func addStreams(t *testing.T, db *store.DB) streamRecords {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	addStreamPractices(t, db)
	var r streamRecords
	if err := db.QueryRowForTest(ctx, `SELECT min(id) FROM staff WHERE pcn_code = 'U60057' AND role_code = 'gp'`, &r.gp); err != nil {
		t.Fatal(err)
	}
	gp, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U60057", RoleCode: "gp", FTE: 1,
		Start: workforce.Date(2026, time.April, 1), AnnualCostPence: 90_000_00,
		Stream: workforce.StreamPracticeGP, PracticeCode: "ZZ0021"}}, by)
	if err != nil {
		t.Fatal(err)
	}
	r.schemeGP = gp.ID
	a, err := db.CreateShareAgreement(ctx, workforce.ShareAgreement{PCNCode: "U60057", RoleCode: "mental_health_practitioner", Share: 1,
		From: workforce.Date(2026, time.October, 1), AgreedOn: workforce.Date(2026, time.September, 15), Party: "Shropshire mental health trust"}, by)
	if err != nil {
		t.Fatal(err)
	}
	r.agreement = a.ID
	ap, err := db.CreateApprovedRole(ctx, workforce.ApprovedRole{PCNCode: "U60057", Name: "Practice-based counsellor", Band: "6",
		CapPence: 45_000_00, From: workforce.Date(2026, time.April, 1), Note: "Approved at the ICB's primary care board"}, by)
	if err != nil {
		t.Fatal(err)
	}
	r.approved = ap.ID
	c, err := db.CreateStaff(ctx, workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U60057", StaffRole: "Practice-based counsellor", FTE: 0.8,
		Start: workforce.Date(2026, time.June, 1), AnnualCostPence: 40_000_00, Stream: workforce.StreamARRS, ApprovedRole: ap.ID}}, by)
	if err != nil {
		t.Fatal(err)
	}
	r.counsel = c.ID
	var members []string
	if err := db.QueryRowForTest(ctx, `SELECT array_agg(practice_code ORDER BY practice_code) FROM practice_spans WHERE pcn_code = 'U60057'`, &members); err != nil {
		t.Fatal(err)
	}
	set := store.PracticeShareSet{PCNCode: "U60057", AgreedOn: workforce.Date(2026, time.March, 14)}
	each := 100 / len(members) // whole percentages, the last practice the rest
	for i, code := range members {
		pc := each
		if i == len(members)-1 {
			pc = 100 - each*i
		}
		set.Shares = append(set.Shares, workforce.PracticeShare{PracticeCode: code, Percent: float64(pc)})
	}
	if _, err := db.SavePracticeShares(ctx, set, by); err != nil {
		t.Fatal(err)
	}
	return r
}

// issue14Bug says what is wrong with a page of issue 14 that fails a check at 375 px,
// found by these tests and reported to be fixed: its check at that width is skipped
// until then ("" for a page that passes). Delete the case once it is fixed.
func issue14Bug(path string) string {
	return ""
}

// streamPages are the funding streams' pages of U60057 and QOC, with the records of
// addStreams; next is next year's key ("2027").
func (r streamRecords) pages(next string) []string {
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	f := "/pcns/U60057/funding"
	return []string{
		"/pcns/U60057/cashflow", "/pcns/U60057/cashflow?year=" + next,
		"/pcns/U60057/cashflow?move=staff-" + id(r.gp) + "&to=practice_gp&practice=ZZ0021",
		"/pcns/U60057/cashflow?year=" + next + "&move=plan-gp-" + r.planGP.Format(time.DateOnly) + "&to=practice_gp",
		f + "/agreements", f + "/agreements/new", f + "/agreements/" + id(r.agreement),
		f + "/approved-roles", f + "/approved-roles/new", f + "/approved-roles/" + id(r.approved),
		f + "/practice-shares", f + "/practice-shares/edit",
		"/icbs/QOC/payment-lag",
		"/pcns/U60057/staff/" + id(r.schemeGP), "/pcns/U60057/staff/" + id(r.counsel),
		"/pcns/U60057/plan?year=" + next + "&other=1",
	}
}

// TestFundingStreamsJourney is issue 14's journey, in a real browser, once with
// JavaScript and once without, on U60057 with two member practices (ZZ0021, 24,000
// patients; ZZ0022, 16,000) in this financial year. The manager adds a GP on the
// practice GP scheme, claimed by ZZ0021 (the radios, then the practice that claims),
// and finds it in the scheme's column and
// ZZ0021's row of the funding page; records a written agreement raising the mental
// health practitioners' share to 100% from 1 October and sees it noted, and the ARRS
// committed rise by the hand-worked amount; types agreed practice shares adding up to
// 99 (refused: the error summary, with JavaScript focused, and nothing saved), then
// 100 (saved, and the funding page divides by them). The ICB lead approves an
// additional role for the PCN; the manager adds a post in it and sees it claimable.
// The manager asks the cash flow what if a GP on the ARRS (cost above the ARRS cap)
// went on the practice scheme, and sees both streams' headroom and the cash before
// and after, the ARRS change equal to the GP's claims on the funding page; follows
// the shareable link. Last, a GP starter on the plan's practice-scheme row: with
// JavaScript the scheme's money follows the typing and equals the saved figures.
// Every page the every-page sweep does not check in the same state (the forms filled,
// refused and saved) is checked by axe at 1280 px and 375 px, where nothing pushes it
// sideways; the others are screenshotted.
func TestFundingStreamsJourney(t *testing.T) {
	withAndWithoutJS(t, func(t *testing.T, js bool) {
		st := newSite(t)
		addStreamPractices(t, st.db)
		this := workforce.FinancialYearOf(time.Now())
		s := streamsJourney{journey: journey{t: t, ctx: newBrowser(t, js), base: st.url, js: js, year: this + 1}, db: st.db, this: this}
		s.signIn(demoManager, "/pcns/U60057", "01-home-manager")
		s.schemeGP()
		s.agreement()
		s.practiceShares()
		signOut(t, s.ctx)
		s.signIn(demoLead, "/icbs/QOC", "15-home-lead")
		s.approveRole()
		signOut(t, s.ctx)
		s.signIn(demoManager, "/pcns/U60057", "19-home-manager")
		s.approvedPost()
		s.whatIf()
		s.schemeRow()
	})
}

// streamsJourney is the journey's way through the funding streams' pages.
type streamsJourney struct {
	journey
	db   *store.DB
	this workforce.FinancialYear // this financial year: the funding page's first
}

const fundingPath = "/pcns/U60057/funding"

// y is a test id of this year's part of the funding or cash flow page.
func (s streamsJourney) y(id string) string { return "y" + strconv.Itoa(int(s.this)) + "-" + id }

// n is a test id of next year's part of the plan editor.
func (s streamsJourney) n(id string) string { return id + "-" + strconv.Itoa(int(s.year)) }

// schemeGP: the manager adds a full-time GP from 1 April at £90,000 a year on the
// practice GP scheme, claimed by ABBEY SURGERY (ZZ0021): the scheme's committed is
// £90,000, ZZ0021's entitlement left £109,680 − £90,000 = £19,680, BORDER SURGERY's
// untouched, and the ARRS committed does not change.
func (s streamsJourney) schemeGP() {
	s.t.Helper()
	s.open(fundingPath, "02-funding-before")
	arrsBefore := s.pounds(s.summaryValue(s.y("committed")))
	s.check("/pcns/U60057/staff/new", "03-staff-new")
	s.do("04-staff-filled",
		chromedp.SetValue(chromedp.ID("role"), "gp"),
		chromedp.SendKeys(chromedp.ID("fte"), "1"),
		chromedp.SendKeys(chromedp.ID("start-day"), "1"),
		chromedp.SendKeys(chromedp.ID("start-month"), "4"),
		chromedp.SendKeys(chromedp.ID("start-year"), strconv.Itoa(s.this.Start().Year())),
		chromedp.SendKeys(chromedp.ID("cost"), "90000"),
		chromedp.Click(chromedp.ID("funding_stream-2")))
	// The practice that claims is a field of its own after the radios, not revealed
	// by them (a revealing radio carries aria-expanded, which axe refuses on a radio).
	if !s.visible("practice_code") {
		s.t.Fatal("the practice GP scheme chosen, the practice that claims is not shown")
	}
	s.do("04-staff-filled", chromedp.SetValue(chromedp.ID("practice_code"), "ZZ0021"))
	s.click(`main form[method=post] button[type=submit]`, "05-staff-saved")
	var id int64
	if err := s.db.QueryRowForTest(context.Background(), `SELECT coalesce(max(id), 0) FROM staff
		WHERE pcn_code = 'U60057' AND role_code = 'gp' AND funding_stream = 'practice_gp' AND practice_code = 'ZZ0021'`, &id); err != nil || id == 0 {
		s.t.Fatalf("the GP was not saved on the practice GP scheme, claimed by ZZ0021 (%d, %v)", id, err)
	}

	s.openStaffRow(strconv.FormatInt(id, 10), "06-funding-scheme-gp")
	for id, want := range map[string][]string{
		"ZZ0021": {"ZZ0021 ABBEY SURGERY", "24,000", "£109,680", "£90,000", "£19,680"},
		"ZZ0022": {"ZZ0022 BORDER SURGERY", "16,000", "£73,120", "£0", "£73,120"},
		"total":  {"Member practices", "40,000", "£182,800", "£90,000", "£92,800"},
	} {
		s.columns(s.y("practice-gp-"+id), map[string]string{"Practice": want[0], "Registered list": want[1], "Entitlement": want[2],
			"Committed: practice-scheme GPs in post": want[3], "Entitlement left": want[4]})
	}
	s.texts(map[string]string{
		s.y("stream-practice-gp-entitlement"): "£182,800", s.y("stream-practice-gp-committed"): "£90,000",
		s.y("stream-practice-gp-planned"): "£0", s.y("stream-practice-gp-headroom"): "£92,800",
	})
	s.seeIn(`[data-testid="`+s.y("staff-"+strconv.FormatInt(id, 10))+`"]`, "Practice GP scheme", "the staff table names the GP's stream")
	if after := s.pounds(s.summaryValue(s.y("committed"))); after != arrsBefore {
		s.t.Errorf("the ARRS committed moved from £%d to £%d with a practice-scheme GP", arrsBefore, after)
	}
}

// agreement: the manager records a written agreement with the mental health trust at
// 100% from 1 October. U60057's two mental health practitioners (1.0 FTE each, no cost
// or band: band 5's cap, £43,352, stands in) are claimed at 100% from October instead
// of 50%: each month £3,612.67 instead of £1,806.33, so the ARRS committed rises by
// 2 × 6 × £1,806.34 = £21,676.08.
func (s streamsJourney) agreement() {
	s.t.Helper()
	before := s.pounds(s.summaryValue(s.y("committed")))
	s.seeIn(`[data-testid="`+s.y("agreements")+`"]`, "No written agreement raises a share", "before the agreement the national shares apply")
	s.follow(`[data-testid="agreements-link"]`, "07-agreements")
	s.follow(`main a[href="/pcns/U60057/funding/agreements/new"]`, "08-agreement-new")
	year := strconv.Itoa(s.this.Start().Year())
	s.do("09-agreement-filled",
		chromedp.SendKeys(chromedp.ID("share"), "100"),
		chromedp.SendKeys(chromedp.ID("from-day"), "1"), chromedp.SendKeys(chromedp.ID("from-month"), "10"), chromedp.SendKeys(chromedp.ID("from-year"), year),
		chromedp.SendKeys(chromedp.ID("agreed_on-day"), "1"), chromedp.SendKeys(chromedp.ID("agreed_on-month"), "4"), chromedp.SendKeys(chromedp.ID("agreed_on-year"), year),
		chromedp.SendKeys(chromedp.ID("party"), "Shropshire mental health trust"))
	s.click(`main form[method=post] button[type=submit]`, "10-agreement-saved")
	s.see("nhsuk-notification-banner", "the agreement's save is confirmed")
	s.open(fundingPath, "11-funding-agreement")
	s.seeIn(`[data-testid="`+s.y("agreements")+`"]`, "Mental health practitioner: 100.00% from 1 October "+year+
		" (written agreement of 1 April "+year+" with Shropshire mental health trust)", "the funding page notes the agreement")
	s.seeIn(`[data-testid="`+s.y("agreements-raised")+`"]`, "2 posts are claimed at an agreed share in some month of "+s.this.String()+".",
		"the funding page counts the posts the agreement raises")
	// The page shows whole pounds: the rise is £21,676.08 give or take the rounding of
	// the two totals.
	if rise := s.pounds(s.summaryValue(s.y("committed"))) - before; rise < 21675 || rise > 21677 {
		s.t.Errorf("the agreement raised the ARRS committed by £%d, want £21,676 (2 × 6 × £1,806.34)", rise)
	}
}

// practiceShares: the manager types agreed percentages adding up to 99: refused,
// with the error summary (focused, with JavaScript), the values kept and nothing
// saved; then 60 and 40: saved, and the funding page divides by them.
func (s streamsJourney) practiceShares() {
	s.t.Helper()
	s.follow(`[data-testid="practice-shares-link"]`, "12-practice-shares")
	s.follow(`main a[href="/pcns/U60057/funding/practice-shares/edit"]`, "13-shares-edit")
	year := strconv.Itoa(s.this.Start().Year())
	s.do("13-shares-99",
		chromedp.SendKeys(chromedp.ID("percent-ZZ0021"), "60"), chromedp.SendKeys(chromedp.ID("percent-ZZ0022"), "39"),
		chromedp.SendKeys(chromedp.ID("agreed_on-day"), "1"), chromedp.SendKeys(chromedp.ID("agreed_on-month"), "4"), chromedp.SendKeys(chromedp.ID("agreed_on-year"), year))
	s.refused(`main form[method=post] button[type=submit]`, "13-shares-refused", "add up to 99%")
	s.values(map[string]string{"percent-ZZ0021": "60", "percent-ZZ0022": "39"})
	if n := s.count(`SELECT count(*) FROM practice_share_sets WHERE pcn_code = 'U60057'`); n != 0 {
		s.t.Errorf("a total of 99%% was saved (%d sets)", n)
	}
	s.do("14-shares-100", chromedp.SetValue(chromedp.ID("percent-ZZ0022"), "40"))
	s.click(`main form[method=post] button[type=submit]`, "14-shares-saved")
	s.see("nhsuk-notification-banner", "the percentages' save is confirmed")
	if n := s.count(`SELECT count(*) FROM practice_shares WHERE pcn_code = 'U60057'`); n != 2 {
		s.t.Errorf("the agreed percentages: %d practices saved, want 2", n)
	}
	s.open(fundingPath, "14-funding-split")
	s.seeIn(`[data-testid="`+s.y("split-basis")+`"]`, "Divided by the percentages the PCN agreed", "the funding page divides by the percentages")
	s.columns(s.y("split-ZZ0021"), map[string]string{"Share": "60.00%"})
	s.columns(s.y("split-ZZ0022"), map[string]string{"Share": "40.00%"})
}

// approveRole: the ICB lead approves a practice-based counsellor (band 6, cap £45,000)
// for U60057 from 1 April; the approval is listed with who approved it, and audited.
func (s streamsJourney) approveRole() {
	s.t.Helper()
	s.open(fundingPath+"/approved-roles", "16-approved-roles")
	s.follow(`main a[href="/pcns/U60057/funding/approved-roles/new"]`, "17-approve-new")
	year := strconv.Itoa(s.this.Start().Year())
	s.do("17-approve-filled",
		chromedp.SendKeys(chromedp.ID("name"), "Practice-based counsellor"),
		chromedp.SetValue(chromedp.ID("band"), "6"),
		chromedp.SendKeys(chromedp.ID("cap"), "45000"),
		chromedp.SendKeys(chromedp.ID("from-day"), "1"), chromedp.SendKeys(chromedp.ID("from-month"), "4"), chromedp.SendKeys(chromedp.ID("from-year"), year),
		chromedp.SendKeys(chromedp.ID("note"), "Approved at the primary care board"))
	s.click(`main form[method=post] button[type=submit]`, "18-approved")
	s.see("nhsuk-notification-banner", "the approval is confirmed")
	for _, want := range []string{"Practice-based counsellor", "Band 6", "£45,000", "1 Apr " + year, demoLead} {
		s.seeIn("main table", want, "the approved role is listed")
	}
	if n := s.count(`SELECT count(*) FROM audit_log WHERE action = 'approved_role.create' AND pcn_code = 'U60057' AND actor = '` + demoLead + `'`); n != 1 {
		s.t.Errorf("the approval's audit entries by the lead: %d, want 1", n)
	}
}

// approvedPost: the manager adds a counsellor (1.0 FTE from 1 June at £40,000, outside
// the ARRS list) under the approved role: claimable for ten months at £3,333.33,
// £33,333 this year.
func (s streamsJourney) approvedPost() {
	s.t.Helper()
	var approved int64
	if err := s.db.QueryRowForTest(context.Background(), `SELECT id FROM approved_roles WHERE pcn_code = 'U60057'`, &approved); err != nil {
		s.t.Fatal(err)
	}
	s.open("/pcns/U60057/staff/new", "20-staff-new")
	if !s.visible("approved_role_id") {
		s.t.Error("the ARRS chosen (as it is at first), the approved roles are not offered")
	}
	s.do("21-counsellor-filled",
		chromedp.SetValue(chromedp.ID("role"), "other"),
		chromedp.SendKeys(chromedp.ID("staff_role"), "Practice-based counsellor"),
		chromedp.SendKeys(chromedp.ID("fte"), "1"),
		chromedp.SendKeys(chromedp.ID("start-day"), "1"),
		chromedp.SendKeys(chromedp.ID("start-month"), "6"),
		chromedp.SendKeys(chromedp.ID("start-year"), strconv.Itoa(s.this.Start().Year())),
		chromedp.SendKeys(chromedp.ID("cost"), "40000"),
		chromedp.SetValue(chromedp.ID("approved_role_id"), strconv.FormatInt(approved, 10)))
	s.click(`main form[method=post] button[type=submit]`, "22-counsellor-saved")
	var id int64
	if err := s.db.QueryRowForTest(context.Background(), `SELECT coalesce(max(id), 0) FROM staff WHERE pcn_code = 'U60057' AND approved_role_id IS NOT NULL`, &id); err != nil || id == 0 {
		s.t.Fatalf("the counsellor was not saved under the approval (%d, %v)", id, err)
	}
	s.open(fundingPath, "23-funding-approved")
	s.columns(s.y("approved-"+strconv.FormatInt(id, 10)), map[string]string{"Claimable this year": "£33,333"})
}

// whatIf: a GP of U60057 on the ARRS (0.72 FTE, their cost set at £120,000, above the
// ARRS cap) moved to the practice GP scheme, claimed by BORDER SURGERY (ZZ0022): the
// ARRS headroom rises by the GP's claims this year, £76,235, as the funding page's
// staff table has them; the scheme's falls by £120,000 × 0.72 = £86,400, ZZ0022's from £73,120 to
// −£13,280; each month's staff costs paid fall by £7,200 (£120,000 × 0.72 / 12) and,
// the ARRS having paid less than the cost, the lowest cash rises.
func (s streamsJourney) whatIf() {
	s.t.Helper()
	var gp int64
	if err := s.db.QueryRowForTest(context.Background(), `UPDATE staff SET annual_cost_pence = 12000000
		WHERE id = (SELECT min(id) FROM staff WHERE pcn_code = 'U60057' AND role_code = 'gp' AND fte = 0.72 AND funding_stream IS NULL) RETURNING id`, &gp); err != nil {
		s.t.Fatal(err)
	}
	gpID := strconv.FormatInt(gp, 10)
	s.openStaffRow(gpID, "24-funding-gp")
	// On the ARRS the GP is claimed at the GP band's cap, £105,882, below their cost:
	// 12 × round(£105,882 × 0.72 / 12) = 12 × £6,352.92 = £76,235.04.
	claims := s.column(s.y("staff-"+gpID), "Claimable this year")
	if claims != "£76,235" {
		s.t.Errorf("the GP's ARRS claims this year: %s, want £76,235", claims)
	}
	s.follow(`[data-testid="cashflow-link"]`, "25-cashflow")
	s.do("26-what-if-chosen",
		chromedp.SetValue(chromedp.CSS(`form[data-testid="move-form"] select[name="move"]`), "staff-"+gpID),
		chromedp.SetValue(chromedp.CSS(`form[data-testid="move-form"] select[name="practice"]`), "ZZ0022"))
	s.follow(`form[data-testid="move-form"] button`, "27-what-if")
	s.seeIn(`[data-testid="what-if"]`, "funded by the practice GP scheme instead of the ARRS, claimed by BORDER SURGERY (ZZ0022)", "the what-if says what moves")
	s.columns(s.y("compare-arrs"), map[string]string{"Change": "+" + claims})
	s.columns(s.y("compare-practice"), map[string]string{"Figure": "Practice GP scheme headroom, BORDER SURGERY (ZZ0022)",
		"As things stand": "£73,120", "With the change": "−£13,280", "Change": "−£86,400"})
	s.columns(s.y("compare-practice-gp"), map[string]string{"Change": "−£86,400"})
	if change := s.column(s.y("compare-low"), "Change"); !strings.HasPrefix(change, "+£") {
		s.t.Errorf("the lowest cash's change: %q, want a rise", change)
	}
	month := s.this.Start().AddDate(0, 6, 0).Format("2006-01") // October: no arrears of last year in it
	paid, paidAfter := s.pounds(s.column(s.y("month-"+month), "Staff costs paid")), s.pounds(s.column(s.y("after-month-"+month), "Staff costs paid"))
	if paid-paidAfter != 7200 {
		s.t.Errorf("staff costs paid in %s: £%d before, £%d after, want £7,200 less", month, paid, paidAfter)
	}
	link := s.eval(`document.querySelector('[data-testid="what-if-link"]').getAttribute('href')`)
	newPage(s.t, s.ctx, chromedp.Click(chromedp.CSS(`[data-testid="what-if-link"]`)))
	shot(s.t, s.ctx, "28-what-if-shared")
	if at := s.eval(`location.pathname + location.search`); at != link {
		s.t.Errorf("the shared link opened %s, want %s", at, link)
	}
	s.columns(s.y("compare-practice"), map[string]string{"With the change": "−£13,280"})
	if n := s.count(`SELECT count(*) FROM staff WHERE id = ` + gpID + ` AND funding_stream IS NULL`); n != 1 {
		s.t.Error("the what-if changed the GP's record")
	}
}

// schemeRow: a GP starter (1 FTE from next year's Q1 at £90,000) typed in the plan's
// practice-scheme row: the scheme's money for next year shows £90,000 planned and
// £182,800 − £90,000 (the GP in post) − £90,000 = £2,800 left; with JavaScript as
// typed, the same as once saved. The ARRS money does not move.
func (s streamsJourney) schemeRow() {
	s.t.Helper()
	s.open(s.planPath(), "29-plan")
	s.seeIn(`[data-testid="row-`+strconv.Itoa(int(s.year))+`-gp-practice_gp"] th`, "GP — practice GP scheme", "the grid has the practice-scheme row")
	arrs := s.list(s.n("funding-summary"))
	cell := func(kind string) string { return kind + "-gp-" + strconv.Itoa(int(s.year)) + "-1-practice_gp" }
	s.typeIn("30-scheme-typed", map[string]string{cell("s"): "1", cell("c"): "90000"})
	var live map[string]string
	if s.js {
		if err := chromedp.Do(s.ctx, chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="plan-live"]').textContent.startsWith('The figures include your changes') &&
			document.getElementById('`+s.n("funding-practice-gp")+`').textContent.includes('£2,800')`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			shot(s.t, s.ctx, "30-scheme-not-followed")
			s.t.Errorf("the practice scheme's money did not follow the typing: %v", s.list(s.n("funding-practice-gp")))
		}
		live = s.list(s.n("funding-practice-gp"))
		s.schemeMoney(live, "as typed")
	}
	s.click(`form[data-testid="plan-form"] button:not([name])`, "31-plan-saved")
	saved := s.list(s.n("funding-practice-gp"))
	s.schemeMoney(saved, "once saved")
	if s.js && !reflect.DeepEqual(live, saved) {
		s.t.Errorf("the practice scheme's money as typed:\n%v\nonce saved:\n%v", live, saved)
	}
	if after := s.list(s.n("funding-summary")); !reflect.DeepEqual(after, arrs) {
		s.t.Errorf("a practice-scheme starter moved the ARRS money:\n%v\nto\n%v", arrs, after)
	}
}

// schemeMoney requires next year's practice-scheme list to show the starter: planned
// £90,000 and £2,800 left, with the draft when the draft is not the current plan.
func (s streamsJourney) schemeMoney(list map[string]string, when string) {
	s.t.Helper()
	planned, left := "scheme-planned-", "scheme-left-"
	if _, draft := list[s.n("scheme-draft-planned")]; draft {
		planned, left = "scheme-draft-planned-", "scheme-draft-left-"
	}
	y := strconv.Itoa(int(s.year))
	if list[planned+y] != "£90,000" || list[left+y] != "£2,800" || list["scheme-entitlement-"+y] != "£182,800" || list["scheme-committed-"+y] != "£90,000" {
		s.t.Errorf("the practice scheme's money %s: %v; want £182,800 entitlement, £90,000 committed, £90,000 planned and £2,800 left", when, list)
	}
}

// follow follows a link or presses a button to a page the every-page sweep checks
// at both widths (in the state addStreams gives), and screenshots it.
func (s streamsJourney) follow(selector, name string) {
	s.t.Helper()
	s.journey.follow(selector, name)
	shot(s.t, s.ctx, name)
}

// open opens a page the every-page sweep checks at both widths (in the state
// addStreams gives), and screenshots it.
func (s streamsJourney) open(path, name string) {
	s.t.Helper()
	if err := chromedp.Do(s.ctx, chromedp.Navigate(s.base+path)); err != nil {
		s.t.Fatalf("%s: %v", path, err)
	}
	shot(s.t, s.ctx, name)
}

// openStaffRow opens the funding page at the page of this year's staff table that
// holds record id (the table shows 10 records at a time, web/funding's paging), and
// screenshots it.
func (s streamsJourney) openStaffRow(id, name string) {
	s.t.Helper()
	row := `document.querySelector('[data-testid="` + s.y("staff-"+id) + `"]') ? 'yes' : ''`
	for page := 1; page <= 30; page++ {
		s.open(fundingPath+"?"+s.y("staff-page")+"="+strconv.Itoa(page), name)
		if s.eval(row) != "" {
			return
		}
	}
	s.t.Fatalf("%s: no page of the funding page's staff table holds record %s", name, id)
}

// refused presses a form's button and requires the form back with its error summary
// saying wants, its links leading to fields on the page and, with JavaScript, the
// focus on it; checked at both widths.
func (s streamsJourney) refused(selector, name, wants string) {
	s.t.Helper()
	s.eval(`document.body.dataset.leaving = '1'; ''`)
	if err := chromedp.Do(s.ctx, chromedp.Click(chromedp.CSS(selector))); err != nil {
		s.t.Fatalf("%s: %v", name, err)
	}
	s.waitNewPage(name)
	if s.eval(`document.querySelector('.nhsuk-error-summary') ? 'yes' : ''`) != "yes" {
		s.t.Fatalf("%s: the form was not refused", name)
	}
	summary := s.eval(errorSummaryProbe)
	if !strings.Contains(summary, wants) || strings.Contains(summary, "|missing:") {
		s.t.Errorf("%s: the error summary %q does not say %q, or a link of it leads nowhere", name, summary, wants)
	}
	if s.js && !strings.HasPrefix(summary, "focused|") {
		s.t.Errorf("%s: the focus is not on the error summary: %s", name, summary)
	}
	s.here(name)
}

// visible reports whether the element of an id is on show.
func (s streamsJourney) visible(id string) bool {
	s.t.Helper()
	shown, err := chromedp.Run(s.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const e = document.getElementById(%q); return !!e && e.getClientRects().length > 0 })()`, id)))
	if err != nil {
		s.t.Fatal(err)
	}
	return shown
}

// column is a table row's cell under a heading, by the row's test id: the heading
// itself, else the first that starts with it and a space ("Registered list" for
// "Registered list for 1 January 2026"). A row or heading not found fails the test.
func (s streamsJourney) column(testID, heading string) string {
	s.t.Helper()
	out := s.eval(fmt.Sprintf(`(() => {
		const row = document.querySelector('[data-testid=%q]')
		if (!row) return 'null'
		const text = c => c.textContent.replace(/\s+/g, ' ').trim()
		const heads = [...row.closest('table').tHead.rows[0].cells].map(text)
		return JSON.stringify([...row.children].map((c, i) => [heads[i] ?? '', text(c)]))
	})()`, testID))
	var cells [][2]string
	if err := json.Unmarshal([]byte(out), &cells); err != nil || cells == nil {
		s.t.Fatalf("no row %s (%v)", testID, err)
	}
	for _, exact := range []bool{true, false} {
		for _, c := range cells {
			if c[0] == heading || (!exact && strings.HasPrefix(c[0], heading+" ")) {
				return c[1]
			}
		}
	}
	s.t.Fatalf("%s has no cell under %q: %q", testID, heading, cells)
	return ""
}

// columns requires a row's cells under headings.
func (s streamsJourney) columns(testID string, want map[string]string) {
	s.t.Helper()
	for heading, w := range want {
		if got := s.column(testID, heading); got != w {
			s.t.Errorf("%s, %s: %q, want %q", testID, heading, got, w)
		}
	}
}

// texts requires the texts of elements, by test id.
func (s streamsJourney) texts(want map[string]string) {
	s.t.Helper()
	for id, w := range want {
		if got := s.eval(fmt.Sprintf(`document.querySelector('[data-testid=%q]')?.textContent.trim() ?? 'missing'`, id)); got != w {
			s.t.Errorf("%s: %q, want %q", id, got, w)
		}
	}
}

// summaryValue is the value of a summary list's row, by its test id.
func (s streamsJourney) summaryValue(testID string) string {
	s.t.Helper()
	return s.eval(fmt.Sprintf(`document.querySelector('[data-testid=%q] .nhsuk-summary-list__value')?.textContent.trim() ?? 'missing'`, testID))
}

// list is a summary list's values by their rows' test ids, by the list's id.
func (s streamsJourney) list(id string) map[string]string {
	s.t.Helper()
	out := s.eval(fmt.Sprintf(`JSON.stringify(Object.fromEntries([...document.querySelectorAll('#%s [data-testid]')].map(r =>
		[r.dataset.testid, r.querySelector('.nhsuk-summary-list__value').textContent.replace(/\s+/g, ' ').trim()])))`, id))
	var m map[string]string
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		s.t.Fatal(err)
	}
	return m
}

// pounds reads a page's first amount in whole pounds ("−£2,510,473", "£0, excluding
// 43 records") as a number.
func (s streamsJourney) pounds(text string) int64 {
	s.t.Helper()
	i := strings.Index(text, "£")
	if i < 0 {
		s.t.Fatalf("not an amount: %q", text)
	}
	digits := strings.Builder{}
	for _, r := range text[i+len("£"):] {
		if r == ',' {
			continue
		}
		if r < '0' || r > '9' {
			break
		}
		digits.WriteRune(r)
	}
	n, err := strconv.ParseInt(digits.String(), 10, 64)
	if err != nil {
		s.t.Fatalf("not an amount: %q", text)
	}
	if strings.HasSuffix(text[:i], "−") || strings.HasSuffix(text[:i], "-") {
		return -n
	}
	return n
}

// count runs a query that counts.
func (s streamsJourney) count(sql string) int {
	s.t.Helper()
	var n int
	if err := s.db.QueryRowForTest(context.Background(), sql, &n); err != nil {
		s.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// TestFundingStreamFormsRefused sends each form of the funding streams wrongly, as the
// PCN's manager or the ICB's lead: a share agreement with nothing filled in, one
// lowered below the national share, a GP on the practice GP scheme naming no practice,
// an approval with nothing filled in and a payment lag out of bounds. Each comes back
// with its error summary, focused, its links leading to fields on the page, nothing
// saved, and axe-clean at 1280 px and at 375 px, where nothing pushes it sideways.
// (The practice shares refused are the journey's.)
func TestFundingStreamFormsRefused(t *testing.T) {
	st := newSite(t)
	r := addStreams(t, st.db)
	ctx := newBrowser(t, true)
	type form struct {
		path, wants string
		fill        []chromedp.Action[chromedp.Void]
	}
	year := strconv.Itoa(workforce.FinancialYearOf(time.Now()).Start().Year())
	for _, who := range []struct {
		email string
		forms []form
	}{
		{demoManager, []form{
			{"/pcns/U60057/funding/agreements/new", "Enter the share agreed", nil},
			{"/pcns/U60057/funding/agreements/" + strconv.FormatInt(r.agreement, 10), "more than the national share of 50%",
				[]chromedp.Action[chromedp.Void]{chromedp.SetValue(chromedp.ID("share"), "40")}},
			{"/pcns/U60057/staff/new", "practice", []chromedp.Action[chromedp.Void]{
				chromedp.SetValue(chromedp.ID("role"), "gp"), chromedp.SendKeys(chromedp.ID("fte"), "1"),
				chromedp.SendKeys(chromedp.ID("start-day"), "1"), chromedp.SendKeys(chromedp.ID("start-month"), "4"), chromedp.SendKeys(chromedp.ID("start-year"), year),
				chromedp.Click(chromedp.ID("funding_stream-2"))}},
		}},
		{demoLead, []form{
			{"/pcns/U60057/funding/approved-roles/new", "", nil},
			{"/icbs/QOC/payment-lag", "6", []chromedp.Action[chromedp.Void]{chromedp.SetValue(chromedp.ID("months"), "9")}},
		}},
	} {
		signIn(t, ctx, st.url, who.email)
		for i, f := range who.forms {
			name := fmt.Sprintf("refused-%s-%d", strings.Split(who.email, "@")[0], i)
			before := fundingFingerprint(t, st.db)
			steps := append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(st.url + f.path)}, f.fill...)
			steps = append(steps, chromedp.Click(chromedp.CSS(`main form[method=post] button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.nhsuk-error-summary`)))
			if err := chromedp.Do(ctx, steps...); err != nil {
				t.Fatalf("refusing %s: %v", f.path, err)
			}
			summary, err := chromedp.Run(ctx, chromedp.Evaluate[string](errorSummaryProbe))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(summary, "focused|") || !strings.Contains(summary, f.wants) {
				t.Errorf("%s refused: the error summary %q is not focused or does not say %q", f.path, summary, f.wants)
			}
			if strings.Contains(summary, "|missing:") {
				t.Errorf("%s refused: an error summary link leads nowhere: %s", f.path, summary)
			}
			if after := fundingFingerprint(t, st.db); after != before {
				t.Errorf("%s refused, yet something was saved: %s, then %s", f.path, before, after)
			}
			shot(t, ctx, name)
			axe(t, ctx, f.path+" (refused)")
			narrow(t, ctx, f.path+" (refused)", name)
		}
		signOut(t, ctx)
	}
}

// errorSummaryProbe says whether the focus is in the error summary, its text, and
// each of its links whose target is not on the page ("missing:#id").
const errorSummaryProbe = `(() => {
	const s = document.querySelector('.nhsuk-error-summary')
	const missing = [...s.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1))).map(h => 'missing:' + h)
	return [s.contains(document.activeElement) ? 'focused' : 'not focused', s.textContent.replace(/\s+/g, ' ').trim(), ...missing].join('|')
})()`

// fundingFingerprint counts what the funding streams' forms write.
func fundingFingerprint(t *testing.T, db *store.DB) string {
	t.Helper()
	var out string
	err := db.QueryRowForTest(context.Background(), `SELECT concat_ws(' ',
		(SELECT count(*) || ' agreements v' || coalesce(sum(version), 0) FROM share_agreements),
		(SELECT count(*) || ' approvals v' || coalesce(sum(version), 0) FROM approved_roles),
		(SELECT count(*) || ' staff' FROM staff),
		(SELECT string_agg(code || '=' || payment_lag_months, ',') FROM icbs WHERE code = 'QOC'),
		(SELECT count(*) || ' audit' FROM audit_log))`, &out)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
