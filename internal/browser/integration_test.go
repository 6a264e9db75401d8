package browser

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// integrationRecords are the records behind issue 16's pages, made by addIntegration.
type integrationRecords struct {
	staff  int64    // the ARRS member of staff of U60057 whose integration record is saved
	open   int64    // U60057's open round of the pulse (one of its six links answered)
	tokens []string // two links of the open round not used yet
}

// integrationNarrowPages are issue 16's pages of wide tables that must work on a phone
// (TestNarrowScreens, with addIntegration's records): the checklist, the PCN's pulse
// with a closed round's results and the ICB's side by side.
var integrationNarrowPages = []string{"/pcns/U60057/integration", "/pcns/U60057/pulse", "/icbs/QOC/pulse"}

// pulseComment is a comment of the closed round, which only the PCN's managers read.
const pulseComment = "More time with the practice team would help."

// addIntegration gives issue 16's pages something in every table: an integration
// record of U60057's first ARRS member of staff (based at up to three of its member
// practices, inducted, appraised 13 months ago, records access not recorded), a closed
// round of the pulse with results (addClosedRound), and an open round of six links,
// one answered.
func addIntegration(t *testing.T, db *store.DB) integrationRecords {
	t.Helper()
	ctx, by, today := context.Background(), store.Actor{Name: "test"}, workforce.Today(time.Now())
	var r integrationRecords
	var members []string
	for _, q := range []struct {
		sql string
		to  any
	}{
		{`SELECT min(id) FROM staff WHERE pcn_code = 'U60057' AND role_code IS NOT NULL`, &r.staff},
		{`SELECT coalesce(array_agg(DISTINCT practice_code ORDER BY practice_code), '{}') FROM practice_spans
			WHERE pcn_code = 'U60057' AND valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)`, &members},
	} {
		if err := db.QueryRowForTest(ctx, q.sql, q.to); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	rec := workforce.IntegrationRecord{StaffID: r.staff, PCNCode: "U60057", Practices: members[:min(3, len(members))],
		InductionOn: today.AddDate(0, -2, 0), AdminSupport: "Practice office team", LastAppraisalOn: today.AddDate(-1, -1, 0),
		DevelopmentStep: "Independent prescribing course", ServiceCode: "structured_medication_reviews"}
	if _, err := db.SaveIntegrationRecord(ctx, rec, today, by); err != nil {
		t.Fatalf("saving an integration record: %v", err)
	}
	addClosedRound(t, db, today)
	groups := []workforce.RoleGroup{workforce.GroupPharmacy, workforce.GroupPharmacy, workforce.GroupPharmacy,
		workforce.GroupFirstContact, workforce.GroupOther, workforce.GroupOther}
	// Opened a week ago (a round stays open at least workforce.MinPulseRoundDays), so
	// its close page offers the button.
	open, links, err := db.OpenPulseRound(ctx, "U60057", today.AddDate(0, 0, -workforce.MinPulseRoundDays), today.AddDate(0, 0, 14), groups, by)
	if err != nil {
		t.Fatalf("opening a round: %v", err)
	}
	if err := db.AnswerPulse(ctx, links[0].Token, workforce.PulseAnswer{Scores: [4]int{4, 4, 5, 3}}, today); err != nil {
		t.Fatalf("answering the open round: %v", err)
	}
	r.open = open.ID
	r.tokens = []string{links[1].Token, links[2].Token}
	return r
}

// addClosedRound opens a round of U60057 five weeks before today, answers it through
// 12 links (5 of the pharmacy team, 5 first contact practitioners, 2 nurses: the
// nurses' group is too small and is combined), two answers with comments, and closes
// it two weeks after it opened (a round stays open at least a week).
func addClosedRound(t *testing.T, db *store.DB, today time.Time) {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	var groups []workforce.RoleGroup
	for g, n := range map[workforce.RoleGroup]int{workforce.GroupPharmacy: 5, workforce.GroupFirstContact: 5, workforce.GroupNursing: 2} {
		for range n {
			groups = append(groups, g)
		}
	}
	opened := today.AddDate(0, 0, -35)
	round, links, err := db.OpenPulseRound(ctx, "U60057", opened, opened.AddDate(0, 0, 21), groups, by)
	if err != nil {
		t.Fatalf("opening a round: %v", err)
	}
	for i, l := range links {
		a := workforce.PulseAnswer{Scores: [4]int{1 + i%5, 1 + (i+2)%5, 1 + (i+3)%5, 1 + (i+4)%5}}
		if i < 2 {
			a.Comment = [...]string{pulseComment, "Clear about what my role is for."}[i]
		}
		if err := db.AnswerPulse(ctx, l.Token, a, opened.AddDate(0, 0, 3)); err != nil {
			t.Fatalf("answering: %v", err)
		}
	}
	if _, err := db.ClosePulseRound(ctx, "U60057", round.ID, round.Version, opened.AddDate(0, 0, 14), by); err != nil {
		t.Fatalf("closing the round: %v", err)
	}
}

// pages are issue 16's signed-in pages as an admin sees them: the integration page
// (all, and only the people with warnings), the record form, the services' list, the
// PCN's pulse (an open round and a closed round's results), the form that opens a
// round (refused while one is open: the journey checks it open), the open round's
// links and its close confirmation, the ICB's pulse.
func (r integrationRecords) pages() []string {
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	pcn, round := "/pcns/U60057", "/pcns/U60057/pulse/"+id(r.open)
	return []string{
		pcn + "/integration", pcn + "/integration?warnings=1", pcn + "/staff/" + id(r.staff) + "/integration",
		"/admin/integration-services",
		pcn + "/pulse", pcn + "/pulse/new", round + "/links", round + "/close", "/icbs/QOC/pulse",
	}
}

// visitPulseForm checks the public pulse form of a link in each of its states, at
// 1280 px and 375 px: as it comes; sent empty (the error summary); answered (the
// thanks); and the page of a link that cannot be used (here one the planner does not
// know).
func visitPulseForm(t *testing.T, ctx context.Context, base string, r integrationRecords) {
	t.Helper()
	form, answer := "/pulse/"+r.tokens[0], "/pulse/"+r.tokens[1]
	visitBoth(t, ctx, base, form, "pulse-form")
	send := `form[data-testid="pulse-form"] button[type=submit]`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(send)), chromedp.WaitVisible(chromedp.CSS(`.nhsuk-error-summary`))); err != nil {
		t.Fatalf("sending the pulse form empty: %v", err)
	}
	shot(t, ctx, "pulse-form-refused")
	axe(t, ctx, form+" (sent empty)")
	narrow(t, ctx, form+" (sent empty)", "pulse-form-refused")

	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + answer)}
	for _, it := range workforce.PulseItems {
		steps = append(steps, chromedp.Click(chromedp.CSS(`input[name="`+it.Key+`"][value="4"]`)))
	}
	steps = append(steps, chromedp.Click(chromedp.CSS(send)), chromedp.WaitVisible(chromedp.CSS(`[data-testid="pulse-thanks"]`)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("answering the pulse: %v", err)
	}
	shot(t, ctx, "pulse-thanks")
	axe(t, ctx, answer+" (answered)")
	narrow(t, ctx, answer+" (answered)", "pulse-thanks")
	// A used link gets the page of an unknown one (TestIntegrationJourney follows one).
	visitBoth(t, ctx, base, "/pulse/"+strings.Repeat("a", workforce.PulseTokenLength), "pulse-unknown")
}

// TestIntegrationJourney is issue 16's journey in a real browser, on the sample
// workforce with two member practices (ZZ0021, ZZ0022) and a closed round of the pulse.
// The manager of Shrewsbury PCN (U60057) reads the dashboard's integration counts ("no
// data": no record is kept), follows the PCN page's link to the integration page and a
// person's "Update" link to their record; sends it with an induction date in the future
// (refused: the error summary, focused, nothing saved), then corrected with both
// practices, records access, an appraisal last month and a service: saved, audited, the
// person has no warning and every other person is counted without a service. The
// manager reads the closed round's results and its comments, opens a round (a link per
// ARRS member of staff, the same count as the integration page's) and sees the links.
// A member of staff, in a browser of their own with no session, with JavaScript and
// then without it, follows a link, sends it empty (refused), answers the four questions
// and a comment and is thanked; no cookie is set; the same link again gets the page of
// a link that cannot be used, and writes nothing. Last, the clinical director's
// dashboard counts the warnings the page counted and the pulse's latest round, and
// their pulse page holds no comments. Each page of a state the every-page sweep does
// not check is checked by axe at 1280 px and 375 px, where nothing may push it
// sideways.
func TestIntegrationJourney(t *testing.T) {
	st := newSite(t)
	addStreamPractices(t, st.db)
	addClosedRound(t, st.db, workforce.Today(time.Now()))
	j := integrationJourney{streamsJourney{journey: journey{t: t, ctx: newBrowser(t, true), base: st.url, js: true}, db: st.db}}
	signIn(t, j.ctx, st.url, demoManager)
	before := j.dashboardCounts("01-dashboard-before")
	if !strings.HasPrefix(before["no_service"], "no data") || !strings.HasPrefix(before["over_two_practices"], "no data") {
		t.Errorf("before any record, the dashboard counts %v, want no data", before)
	}
	staff := j.record()
	links := j.openRound(staff)
	signOut(t, j.ctx)
	withAndWithoutJS(t, func(t *testing.T, js bool) {
		link := links[0]
		if !js {
			link = links[1]
		}
		s := integrationJourney{streamsJourney{journey: journey{t: t, ctx: newBrowser(t, js), base: st.url, js: js}, db: st.db}}
		s.answer(link)
	})
	j.director(staff)
}

// integrationJourney is the journey's way through issue 16's pages.
type integrationJourney struct{ streamsJourney }

// dashboardCounts opens the PCN's dashboard (the every-page sweep checks it) and reads
// its integration counts by warning ("staff": the ARRS staff in post).
func (j integrationJourney) dashboardCounts(name string) map[string]string {
	j.t.Helper()
	j.open("/pcns/U60057/dashboard", name)
	out := map[string]string{}
	for _, line := range strings.Split(j.eval(`[...document.querySelectorAll('[data-testid^="dash-int-"]:not([data-testid$="-flag"])')]
		.map(e => e.dataset.testid.replace('dash-int-', '') + '=' + e.textContent.replace(/\s+/g, ' ').trim()).join('\n')`), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

// record: the manager opens the integration page from the PCN's page and a person's
// record, is refused a future induction date, then saves the record; it returns the
// count of ARRS staff in post.
func (j integrationJourney) record() int {
	j.t.Helper()
	j.open("/pcns/U60057", "02-pcn")
	j.click(`a[data-testid="integration-link"]`, "03-integration")
	j.seeIn(`[data-testid="count-no_service"]`, "no data", "with no record kept the count of no service is not known")
	j.see(`data-testid="no-records"`, "the page says no record is kept yet")
	staff := j.number(`[data-testid="count-arrs_staff"]`)
	person := strings.TrimPrefix(j.eval(`document.querySelector('[data-testid="people"] tr[data-testid^="person-"]')?.dataset.testid ?? ''`), "person-")
	if staff < 2 || person == "" {
		j.t.Fatalf("the integration page lists %d ARRS staff, the first %q", staff, person)
	}
	j.click(`[data-testid="person-`+person+`"] a[href$="/integration"]`, "04-record-form")
	if at := j.eval(`location.pathname`); at != "/pcns/U60057/staff/"+person+"/integration" {
		j.t.Errorf("the Update link led to %s", at)
	}
	today := workforce.Today(time.Now())
	fill := append(append(append(j.date("induction", today.AddDate(1, 0, 0)), j.date("records_access", today.AddDate(0, -1, 0))...),
		j.date("last_appraisal", today.AddDate(0, -1, 0))...),
		chromedp.Click(chromedp.CSS(`input[name="practices"][value="ZZ0021"]`)),
		chromedp.Click(chromedp.CSS(`input[name="practices"][value="ZZ0022"]`)),
		chromedp.SendKeys(chromedp.ID("admin_support"), "Practice office team"),
		chromedp.Click(chromedp.CSS(`input[name="service"][value="structured_medication_reviews"]`)))
	j.do("05-record-filled", fill...)
	save := `main form[method=post] button[type=submit]`
	j.refused(save, "06-record-refused", "no later than today")
	if n := j.count(`SELECT count(*) FROM integration_records`); n != 0 {
		j.t.Errorf("a refused record was saved (%d records)", n)
	}
	j.do("07-record-corrected", j.date("induction", today.AddDate(0, -2, 0))...)
	j.click(save, "08-integration-saved")
	if at := j.eval(`location.pathname`); at != "/pcns/U60057/integration" {
		j.t.Errorf("the save led to %s", at)
	}
	j.see("nhsuk-notification-banner", "the save is confirmed")
	if n := j.count(`SELECT count(*) FROM audit_log WHERE action = 'integration.create' AND entity_id = '` + person + `'`); n != 1 {
		j.t.Errorf("the record's save is in the audit trail %d times, want once", n)
	}
	j.seeIn(`[data-testid="warnings-`+person+`"]`, "None", "the person recorded has no warning")
	j.seeIn(`[data-testid="person-`+person+`"]`, "ABBEY SURGERY", "the person is based at ZZ0021")
	j.seeIn(`[data-testid="person-`+person+`"]`, "BORDER SURGERY", "the person is based at ZZ0022")
	if n := j.number(`[data-testid="count-no_service"]`); n != staff-1 {
		j.t.Errorf("no service named: %d, want every other member of staff, %d", n, staff-1)
	}
	if n := j.number(`[data-testid="count-over_two_practices"]`); n != 0 {
		j.t.Errorf("based at more than two practices: %d, want 0", n)
	}
	return staff
}

// openRound: the manager reads the closed round's results with its comments, opens a
// round and reads its links: one per ARRS member of staff.
func (j integrationJourney) openRound(staff int) []string {
	j.t.Helper()
	j.open("/pcns/U60057", "09-pcn")
	j.click(`a[data-testid="pulse-link"]`, "10-pulse")
	j.see(pulseComment, "the manager reads the closed round's comments")
	j.see(`data-testid="pulse-merged"`, "the nurses' group of 2 is combined")
	j.click(`a[data-testid="pulse-new-link"]`, "11-pulse-new")
	j.seeIn(`[data-testid="pulse-new-links"]`, strconv.Itoa(staff)+" single-use links", "a link per ARRS member of staff")
	j.click(`main form[method=post] button[type=submit]`, "12-pulse-links")
	links := strings.Fields(j.eval(`[...document.querySelectorAll('textarea[data-testid^="links-list-"]')].map(t => t.value).join('\n')`))
	form := regexp.MustCompile(`^` + regexp.QuoteMeta(j.base) + `/pulse/[a-z2-7]{26}$`)
	for _, l := range links {
		if !form.MatchString(l) {
			j.t.Errorf("a link %q is not %s/pulse/ and a token", l, j.base)
		}
	}
	if slips := j.number(`document.querySelectorAll('[data-testid="links-slip"]').length`); len(links) != staff || slips != staff {
		j.t.Fatalf("%d links and %d slips for %d ARRS staff", len(links), slips, staff)
	}
	j.follow(`a[data-testid="links-back"]`, "13-pulse-open")
	j.seeIn(`[data-testid="pulse-open-count"]`, "0 of "+strconv.Itoa(staff)+" answered", "the open round counts its answers")
	return links
}

// answer: a member of staff, signed out, follows a link, sends it empty, then answers
// with a comment; the link then says it was used, and no cookie was set.
func (j integrationJourney) answer(link string) {
	j.t.Helper()
	const answers = `SELECT count(*) FROM pulse_answers a JOIN pulse_rounds r ON r.id = a.round_id WHERE r.closed_on IS NULL`
	before := j.count(answers)
	if err := chromedp.Do(j.ctx, chromedp.Navigate(link)); err != nil {
		j.t.Fatal(err)
	}
	j.here("20-pulse-form")
	send := `form[data-testid="pulse-form"] button[type=submit]`
	j.refused(send, "21-pulse-refused", "Select how much you agree")
	steps := []chromedp.Action[chromedp.Void]{}
	for i, it := range workforce.PulseItems {
		steps = append(steps, chromedp.Click(chromedp.CSS(`input[name="`+it.Key+`"][value="`+strconv.Itoa(2+i%4)+`"]`)))
	}
	comment := fmt.Sprintf("Answered %s.", map[bool]string{true: "with JavaScript", false: "without JavaScript"}[j.js])
	j.do("22-pulse-filled", append(steps, chromedp.SendKeys(chromedp.ID("comment"), comment))...)
	j.click(send, "23-pulse-thanks")
	j.seeIn(`[data-testid="pulse-thanks"]`, "Your answer has been saved", "the member of staff is thanked")
	if n := j.count(answers); n != before+1 {
		j.t.Errorf("%d answers of the open round after answering, want %d", n, before+1)
	}
	if n := j.count(`SELECT count(*) FROM pulse_answers WHERE comment = '` + comment + `'`); n != 1 {
		j.t.Errorf("the comment is stored %d times", n)
	}
	if err := chromedp.Do(j.ctx, chromedp.Navigate(link)); err != nil {
		j.t.Fatal(err)
	}
	j.here("24-pulse-used")
	if j.eval(`document.querySelector('[data-testid="pulse-problem"] h1') && !document.querySelector('form[data-testid="pulse-form"]') ? 'refused' : ''`) != "refused" {
		j.t.Error("a used link shows the form again, not the page of a link that cannot be used")
	}
	j.seeIn(`[data-testid="pulse-problem"]`, "If you have not answered yet, ask whoever gave you the link; they cannot tell which link was yours.",
		"the page of a link that cannot be used promises no new link")
	if n := j.count(answers); n != before+1 {
		j.t.Errorf("following a used link: %d answers, want %d", n, before+1)
	}
	cookies, err := chromedp.Call(j.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{j.base}})
	if err != nil {
		j.t.Fatal(err)
	}
	for _, c := range cookies.Cookies {
		j.t.Errorf("the pulse's pages set a cookie %s", c.Name)
	}
}

// director: the clinical director's dashboard counts what the integration page
// counted and the closed round's answers; their pulse page shows no comment.
func (j integrationJourney) director(staff int) {
	j.t.Helper()
	signIn(j.t, j.ctx, j.base, demoDirector)
	after := j.dashboardCounts("30-dashboard-director")
	j.here("30-dashboard-director")
	if after["staff"] != strconv.Itoa(staff) || after["no_service"] != strconv.Itoa(staff-1) || after["over_two_practices"] != "0" {
		j.t.Errorf("the director's dashboard counts %v, want %d staff, %d without a service, 0 at more than two practices", after, staff, staff-1)
	}
	j.seeIn(`[data-testid="dash-pulse"]`, "12 of 12 answered the latest round", "the dashboard counts the latest round's answers")
	j.open("/pcns/U60057/pulse", "31-pulse-director")
	if strings.Contains(j.eval(`document.body.innerHTML`), pulseComment) {
		j.t.Error("the clinical director reads a comment of the pulse, which only managers may")
	}
}

// date empties a date input's three boxes, by its id, and types a date in them.
func (j integrationJourney) date(id string, d time.Time) []chromedp.Action[chromedp.Void] {
	j.t.Helper()
	j.eval(fmt.Sprintf(`['day', 'month', 'year'].forEach(p => document.getElementById(%q + '-' + p).value = ''); ''`, id))
	return []chromedp.Action[chromedp.Void]{
		chromedp.SendKeys(chromedp.ID(id+"-day"), strconv.Itoa(d.Day())),
		chromedp.SendKeys(chromedp.ID(id+"-month"), strconv.Itoa(int(d.Month()))),
		chromedp.SendKeys(chromedp.ID(id+"-year"), strconv.Itoa(d.Year())),
	}
}

// number is the whole number an element shows, or an expression gives.
func (j integrationJourney) number(selectorOrExpr string) int {
	j.t.Helper()
	expr := selectorOrExpr
	if strings.HasPrefix(expr, "[") {
		expr = fmt.Sprintf(`document.querySelector(%q)?.textContent.trim() ?? ''`, selectorOrExpr)
	}
	out := j.eval(fmt.Sprintf(`String(%s)`, expr))
	n, err := strconv.Atoi(out)
	if err != nil {
		j.t.Fatalf("%s: %q is not a number", firstLines(selectorOrExpr, 1), out)
	}
	return n
}
