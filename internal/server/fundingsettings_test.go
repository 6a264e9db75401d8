package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/fundingsettings"
)

// newSettingsEnv is capEnv (the clock at 23 November 2026) on a database where U60057
// has three practices of its own (practicesOfShrewsbury: ZZ0001 with 11,000 patients,
// ZZ0002 and ZZ0003 with no list published today), with the reference data's national
// shares (role_shares.csv: mental health practitioners 50% until 31 March 2024, 100% in
// 2024/25 and 2025/26, 50% from 1 April 2026).
func newSettingsEnv(t *testing.T) *capEnv {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	practicesOfShrewsbury(t, dbURL)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return capNow }
	return &capEnv{t: t, db: db, s: s, ts: ts, clients: map[string]*http.Client{}}
}

// count is the number of rows of a table (with a condition).
func (e *capEnv) count(table string) int {
	e.t.Helper()
	var n int
	if err := e.db.QueryRowForTest(context.Background(), `SELECT count(*) FROM `+table, &n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// dateFields sets a date input's three boxes from "YYYY-MM-DD" ("" leaves them empty).
func dateFields(v url.Values, name, day string) url.Values {
	if day != "" {
		parts := strings.Split(day, "-")
		v.Set(name+"[year]", parts[0])
		v.Set(name+"[month]", parts[1])
		v.Set(name+"[day]", parts[2])
	}
	return v
}

// agreementForm is a form of an agreement of mental health practitioners.
func agreementForm(share, from, to, agreed, party string) url.Values {
	v := url.Values{"role": {"mental_health_practitioner"}, "share": {share}, "party": {party}, "version": {"0"}}
	return dateFields(dateFields(dateFields(v, "from", from), "to", to), "agreed_on", agreed)
}

// with returns a copy of the form with one field changed.
func with(v url.Values, key, value string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	out.Set(key, value)
	return out
}

// The agreements of a PCN: the share in force today, recorded by its manager with every
// field bounded (a refusal names the limit and writes nothing), overlaps refused, a
// stale save or removal 409 beside what is saved, each change audited; another PCN's
// manager changes nothing.
func TestAgreementForms(t *testing.T) {
	t.Parallel()
	e := newSettingsEnv(t)
	code, doc := e.get("director", "/pcns/U60057/funding/agreements")
	if code != http.StatusOK || cellsOf(doc, "in-force-mental_health_practitioner") != "Mental health practitioner|50%|50%|The national share" {
		t.Fatalf("%d: in force %q", code, cellsOf(doc, "in-force-mental_health_practitioner"))
	}
	if !capHas(doc, "no-agreements") || doc.Find(`a[href="/pcns/U60057/funding/agreements/new"]`).Length() != 0 {
		t.Error("a director is offered to record an agreement, or agreements are listed")
	}

	good := agreementForm("100", "2026-10-01", "", "2026-09-14", "Shropshire mental health trust")
	if code, doc := e.post("manager", "/pcns/U60057/funding/agreements/new", good); code != http.StatusSeeOther {
		t.Fatalf("valid agreement: %d %s", code, capErrors(doc))
	}
	a := e.audits("share_agreement.create")
	if len(a) != 1 || a[0].PCN != "U60057" || a[0].Actor != "manager@test.nhs.uk" || !strings.Contains(a[0].AfterJSON, `"valid_from": "2026-10-01"`) {
		t.Fatalf("audit of the agreement: %+v", a)
	}
	id := a[0].EntityID
	_, doc = e.get("manager", "/pcns/U60057/funding/agreements")
	if got := cellsOf(doc, "agreement-"+id); !strings.HasPrefix(got, "Mental health practitioner|100%|1 Oct 2026|No end date|14 Sep 2026|Shropshire mental health trust|manager@test.nhs.uk, ") {
		t.Errorf("listed as %q", got)
	}
	if got := cellsOf(doc, "in-force-mental_health_practitioner"); got != "Mental health practitioner|50%|100%|The agreement of 14 September 2026 with Shropshire mental health trust" {
		t.Errorf("in force with the agreement: %q", got)
	}

	long := strings.Repeat("x", 201)
	bad := []struct {
		form url.Values
		msg  string
	}{
		{with(good, "share", ""), "Enter the share agreed"},
		{with(good, "share", "101"), "The share must be no more than 100%"},
		{with(good, "share", "1000"), "up to 2 decimal places"},
		{with(good, "share", "75.555"), "up to 2 decimal places"},
		{with(good, "share", "-5"), "up to 2 decimal places"},
		{agreementForm("50", "2027-04-01", "", "2026-09-14", ""), "more than the national share of 50% (in force on 1 April 2027) and no more than 100%"},
		{with(good, "role", "gp"), "Select a role whose national share is below 100%"},
		{with(good, "role", ""), "Select a role whose national share is below 100%"},
		{agreementForm("100", "2019-12-31", "", "2019-12-01", ""), "Start date must be between 1 January 2020 and 31 December 2035"},
		{agreementForm("100", "2036-01-01", "", "2026-09-14", ""), "Start date must be between 1 January 2020 and 31 December 2035"},
		{agreementForm("100", "2035-04-01", "2036-04-01", "2026-09-14", ""), "End date must be between 1 January 2020 and 31 December 2035"},
		{agreementForm("100", "2027-04-01", "2027-04-01", "2026-09-14", ""), "End date must be after the start date"},
		{agreementForm("100", "", "", "2026-09-14", ""), "Enter the start date"},
		{agreementForm("100", "2027-02-31", "", "2026-09-14", ""), "Start date must be a real date"},
		{agreementForm("100", "2028-04-01", "", "2026-11-24", ""), "Date agreed must be today or in the past"},
		{agreementForm("100", "2028-04-01", "", "", ""), "Enter the date agreed"},
		{agreementForm("100", "2028-04-01", "", "2026-09-14", long), "Who the agreement is with must be 200 characters or fewer"},
		{with(good, "share", long), "Share must be 20 characters or fewer"},
		// 2025/26: the national share is 100% already; across 1 April 2026 too.
		{agreementForm("100", "2025-06-01", "2026-01-01", "2025-05-01", ""), "The national share of Mental health practitioner is 100% on 1 June 2025"},
		{agreementForm("75", "2026-01-01", "2026-06-01", "2025-05-01", ""), "The national share of Mental health practitioner is 100% on 1 January 2026"},
		// Open-ended from October: any later day overlaps.
		{agreementForm("75", "2027-04-01", "", "2026-09-14", ""), "There is already an agreement for Mental health practitioner from 1 October 2026, with no end date"},
		{agreementForm("75", "2026-04-01", "2026-10-02", "2026-09-14", ""), "There is already an agreement for Mental health practitioner from 1 October 2026"},
	}
	for _, b := range bad {
		code, doc := e.post("manager", "/pcns/U60057/funding/agreements/new", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%v: %d, summary %q, want 422 with %q", b.form, code, capErrors(doc), b.msg)
		}
	}
	// Before October, at 75%: the days do not overlap.
	if code, doc := e.post("manager", "/pcns/U60057/funding/agreements/new", agreementForm("75", "2026-04-01", "2026-10-01", "2026-03-20", "")); code != http.StatusSeeOther {
		t.Errorf("the days before it: %d %s", code, capErrors(doc))
	}
	if n := e.count("share_agreements"); n != 2 {
		t.Fatalf("%d agreements after the refusals, want 2", n)
	}
	// An overlap the form's check missed (saved meanwhile) is refused by the table:
	// the form's message, not a failure.
	f := fundingsettings.AgreementForm{RoleName: "Mental health practitioner", Frame: fundingsettings.Frame{Errors: map[string]string{}}}
	later := workforce.ShareAgreement{PCNCode: "U60057", RoleCode: "mental_health_practitioner", From: workforce.Date(2027, time.January, 1)}
	err := e.s.agreementOverlap(httptest.NewRequest(http.MethodPost, "/", nil), fmt.Errorf("store: create: %w", store.ErrOverlap), &f, later)
	if err != nil || !strings.HasPrefix(f.Errors["from"], "There is already an agreement for Mental health practitioner from 1 October 2026") {
		t.Errorf("overlap refused by the table: %v, %q", err, f.Errors["from"])
	}

	// Another PCN's manager is refused on U60057's pages, and finds nothing under their
	// own PCN's code.
	edit := "/pcns/U60057/funding/agreements/" + id
	if code, _ := e.post("other-manager", edit, with(good, "version", "1")); code != http.StatusForbidden {
		t.Errorf("another PCN's manager changing it: %d", code)
	}
	if code, _ := e.post("other-manager", "/pcns/U47425/funding/agreements/"+id+"/delete", url.Values{"version": {"1"}}); code != http.StatusNotFound {
		t.Errorf("another PCN's manager removing it under their code: %d", code)
	}
	if code, _ := e.post("director", edit+"/delete", url.Values{"version": {"1"}}); code != http.StatusForbidden {
		t.Errorf("a director removing it: %d", code)
	}

	// A change at version 1, then a stale one; a stale removal; the removal.
	change := with(with(good, "share", "90"), "version", "1")
	if code, doc := e.post("manager", edit, change); code != http.StatusSeeOther {
		t.Fatalf("change: %d %s", code, capErrors(doc))
	}
	code, doc = e.post("admin", edit, with(change, "share", "80"))
	if code != http.StatusConflict || !capHas(doc, "conflict") || !strings.Contains(doc.Find("#saved").Text(), "90%") {
		t.Errorf("stale change: %d, saved %q", code, doc.Find("#saved").Text())
	}
	if v, _ := doc.Find(`input[name="version"]`).First().Attr("value"); v != "2" {
		t.Errorf("the stale form carries version %q, want 2", v)
	}
	if v, _ := doc.Find("#share").Attr("value"); v != "80" {
		t.Errorf("the stale form lost what was typed: %q", v)
	}
	if code, _ := e.post("manager", edit+"/delete", url.Values{"version": {"1"}}); code != http.StatusConflict {
		t.Errorf("stale removal: %d", code)
	}
	if code, _ := e.post("manager", edit+"/delete", url.Values{"version": {"2"}}); code != http.StatusSeeOther {
		t.Errorf("removal: %d", code)
	}
	if n := e.count("share_agreements"); n != 1 {
		t.Errorf("%d agreements after the removal, want 1", n)
	}
	if len(e.audits("share_agreement.update")) != 1 || len(e.audits("share_agreement.delete")) != 1 || len(e.audits("share_agreement.create")) != 2 {
		t.Error("the changes are not audited one entry each")
	}
}

// approvedRoleForm is a form approving a role.
func approvedRoleForm(name, band, capPounds, from, to, note string) url.Values {
	v := url.Values{"name": {name}, "band": {band}, "cap": {capPounds}, "note": {note}, "version": {"0"}}
	return dateFields(dateFields(v, "from", from), "to", to)
}

// A lead of the PCN's ICB approves a role for it (audited, with the lead as approver);
// a lead of another ICB, or the PCN's own manager, cannot, and nothing is written;
// every field is bounded; a stale change is 409.
func TestApprovedRoleForms(t *testing.T) {
	t.Parallel()
	e := newSettingsEnv(t)
	good := approvedRoleForm("Practice counsellor", "6", "£52,000", "2026-04-01", "", "ICB board, March 2026")
	for _, persona := range []string{"other-lead", "manager", "director"} {
		if code, _ := e.post(persona, "/pcns/U60057/funding/approved-roles/new", good); code != http.StatusForbidden {
			t.Errorf("%s approving for U60057: %d, want 403", persona, code)
		}
	}
	if n := e.count("approved_roles"); n != 0 {
		t.Fatalf("%d approvals written by refused requests", n)
	}
	if code, doc := e.post("lead", "/pcns/U60057/funding/approved-roles/new", good); code != http.StatusSeeOther {
		t.Fatalf("valid approval: %d %s", code, capErrors(doc))
	}
	a := e.audits("approved_role.create")
	if len(a) != 1 || a[0].PCN != "U60057" || a[0].Actor != "lead@test.nhs.uk" || !strings.Contains(a[0].AfterJSON, `"approved_by": "lead@test.nhs.uk"`) ||
		!strings.Contains(a[0].AfterJSON, `"cap_pence": 5200000`) {
		t.Fatalf("audit of the approval: %+v", a)
	}
	id := a[0].EntityID
	// A cap with fractions of a penny, and the same role approved again on overlapping
	// days (whatever its case), are refused; nothing is written.
	for _, c := range []struct {
		form  url.Values
		field string
	}{
		{approvedRoleForm("Dietetic assistant", "", "45000.999", "2026-04-01", "", ""), "at most 2 decimal places"},
		{approvedRoleForm("practice COUNSELLOR", "6", "45000", "2027-04-01", "2028-04-01", ""), "already approved for this PCN from 1 April 2026"},
	} {
		if code, doc := e.post("lead", "/pcns/U60057/funding/approved-roles/new", c.form); code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), c.field) {
			t.Errorf("%v: %d %q", c.form, code, capErrors(doc))
		}
	}
	if n := e.count("approved_roles"); n != 1 {
		t.Fatalf("%d approvals after refused ones, want 1", n)
	}
	code, doc := e.get("manager", "/pcns/U60057/funding/approved-roles")
	if code != http.StatusOK || !strings.HasPrefix(cellsOf(doc, "approved-role-"+id), "Practice counsellor|Band 6|£52,000|1 Apr 2026|No end date|ICB board, March 2026|lead@test.nhs.uk, ") {
		t.Errorf("%d: listed as %q", code, cellsOf(doc, "approved-role-"+id))
	}
	if !strings.Contains(doc.Text(), "claimable for this PCN only") || doc.Find(`a[href="/pcns/U60057/funding/approved-roles/new"]`).Length() != 0 {
		t.Error("the page does not say where the role is claimable, or offers a manager to approve")
	}
	if _, doc := e.get("other-manager", "/pcns/U47425/funding/approved-roles"); !capHas(doc, "no-approved-roles") {
		t.Error("the neighbour lists U60057's approval")
	}

	bad := []struct {
		form url.Values
		msg  string
	}{
		{with(good, "name", ""), "Enter the role, as the PCN's staff records name it"},
		{with(good, "name", strings.Repeat("x", 101)), "Role must be 100 characters or fewer"},
		{with(good, "name", "paramedic"), "paramedic is an ARRS role"},
		{with(good, "band", "10"), "Select a band from the list"},
		{with(good, "cap", ""), "Enter the cap per WTE a year"},
		{with(good, "cap", "fifty"), "Enter the cap in pounds"},
		{with(good, "cap", "9999.99"), "The cap must be between £10,000 and £250,000 a year"},
		{with(good, "cap", "250000.01"), "The cap must be between £10,000 and £250,000 a year"},
		{with(good, "note", strings.Repeat("x", 501)), "Note must be 500 characters or fewer"},
		{approvedRoleForm("Counsellor", "", "50000", "", "", ""), "Enter the start date"},
		{approvedRoleForm("Counsellor", "", "50000", "2019-03-01", "", ""), "Start date must be between 1 January 2020 and 31 December 2035"},
		{approvedRoleForm("Counsellor", "", "50000", "2027-04-01", "2027-03-31", ""), "End date must be after the start date"},
		{approvedRoleForm("Counsellor", "", "50000", "2027-04-01", "2040-01-01", ""), "End date must be between"},
	}
	for _, b := range bad {
		code, doc := e.post("lead", "/pcns/U60057/funding/approved-roles/new", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%v: %d, summary %q, want 422 with %q", b.form, code, capErrors(doc), b.msg)
		}
	}

	// A lead of another ICB cannot change it, under either PCN's code.
	edit := "/pcns/U60057/funding/approved-roles/" + id
	change := with(with(good, "cap", "60000"), "version", "1")
	if code, _ := e.post("other-lead", edit, change); code != http.StatusForbidden {
		t.Errorf("another ICB's lead changing it: %d", code)
	}
	if code, _ := e.post("other-lead", "/pcns/U47425/funding/approved-roles/"+id, change); code != http.StatusNotFound {
		t.Errorf("another ICB's lead changing it under their PCN: %d", code)
	}
	if code, doc := e.post("admin", edit, change); code != http.StatusSeeOther {
		t.Fatalf("change: %d %s", code, capErrors(doc))
	}
	code, doc = e.post("lead", edit, with(change, "cap", "70000"))
	if code != http.StatusConflict || !strings.Contains(doc.Find("#saved").Text(), "£60,000") {
		t.Errorf("stale change: %d, saved %q", code, doc.Find("#saved").Text())
	}
	if n := e.count("approved_roles"); n != 1 || len(e.audits("approved_role.update")) != 1 {
		t.Errorf("%d approvals, %d updates", n, len(e.audits("approved_role.update")))
	}
}

// sharesForm is the practice shares form of U60057's three practices.
func sharesForm(version int, z1, z2, z3, agreed string) url.Values {
	v := url.Values{"percent-ZZ0001": {z1}, "percent-ZZ0002": {z2}, "percent-ZZ0003": {z3}, "version": {strconv.Itoa(version)}}
	return dateFields(v, "agreed_on", agreed)
}

// A PCN's manager records one percentage per member practice; a set that does not add
// up to exactly 100, or a field out of bounds, is refused with 422 naming the limit and
// nothing is written; going back to the list split removes it; stale saves are 409.
func TestPracticeShareForms(t *testing.T) {
	t.Parallel()
	e := newSettingsEnv(t)
	code, doc := e.get("director", "/pcns/U60057/funding/practice-shares")
	if code != http.StatusOK || !strings.HasPrefix(cellsOf(doc, "practice-ZZ0001"), "ABBEY SURGERY (ZZ0001)|11,000|–|") ||
		cellsOf(doc, "practice-ZZ0003") != "CASTLE SURGERY (ZZ0003)|no data|–|no data" {
		t.Fatalf("%d: %q / %q", code, cellsOf(doc, "practice-ZZ0001"), cellsOf(doc, "practice-ZZ0003"))
	}
	if !strings.HasPrefix(testID(doc, "split-method"), "By list size") {
		t.Errorf("method %q", testID(doc, "split-method"))
	}
	code, doc = e.get("manager", "/pcns/U60057/funding/practice-shares/edit")
	if code != http.StatusOK || doc.Find(`input[name^="percent-"]`).Length() != 3 {
		t.Fatalf("%d: %d fields", code, doc.Find(`input[name^="percent-"]`).Length())
	}

	bad := []struct {
		form url.Values
		msg  string
	}{
		{sharesForm(0, "50", "30", "10", "2026-11-01"), "100"},
		{sharesForm(0, "50", "30", "30", "2026-11-01"), "100"},
		{sharesForm(0, "50", "30", "", "2026-11-01"), "Enter the percentage of CASTLE SURGERY, 0 if it pays no part"},
		{sharesForm(0, "50", "30", "twenty", "2026-11-01"), "as a number from 0 to 100, with up to 4 decimal places"},
		{sharesForm(0, "50", "30", "19.99999", "2026-11-01"), "with up to 4 decimal places"},
		{sharesForm(0, "101", "0", "0", "2026-11-01"), "The percentage of ABBEY SURGERY must be no more than 100"},
		{sharesForm(0, "50", "30", "20", "2026-11-24"), "Date agreed must be today or in the past"},
		{sharesForm(0, "50", "30", "20", ""), "Enter the date agreed"},
		{sharesForm(0, "50", "30", "20", "2019-06-01"), "Date agreed must be between 1 January 2020 and 31 December 2035"},
		{sharesForm(0, "50", "30", strings.Repeat("1", 21), "2026-11-01"), "The percentage of CASTLE SURGERY must be 20 characters or fewer"},
	}
	for _, b := range bad {
		code, doc := e.post("manager", "/pcns/U60057/funding/practice-shares/edit", b.form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(capErrors(doc), b.msg) {
			t.Errorf("%v: %d, summary %q, want 422 with %q", b.form, code, capErrors(doc), b.msg)
		}
	}
	if n := e.count("practice_share_sets"); n != 0 || e.count("practice_shares") != 0 {
		t.Fatalf("refused sets were written: %d", n)
	}
	if code, _ := e.post("other-manager", "/pcns/U60057/funding/practice-shares/edit", sharesForm(0, "50", "30", "20", "2026-11-01")); code != http.StatusForbidden {
		t.Errorf("another PCN's manager: %d", code)
	}
	if code, doc := e.post("manager", "/pcns/U60057/funding/practice-shares/edit", sharesForm(0, "50", "30.5", "19.5", "2026-11-01")); code != http.StatusSeeOther {
		t.Fatalf("valid set: %d %s", code, capErrors(doc))
	}
	a := e.audits("practice_shares.update")
	if len(a) != 1 || a[0].PCN != "U60057" || a[0].EntityID != "U60057" || !strings.Contains(a[0].AfterJSON, `"ZZ0002 30.5%"`) {
		t.Fatalf("audit of the set: %+v", a)
	}
	_, doc = e.get("lead", "/pcns/U60057/funding/practice-shares")
	if !strings.HasPrefix(cellsOf(doc, "practice-ZZ0002"), "BORDER SURGERY (ZZ0002)|no data|30.5%|") || !strings.Contains(testID(doc, "split-recorded"), "manager@test.nhs.uk") {
		t.Errorf("after saving: %q, %q", cellsOf(doc, "practice-ZZ0002"), testID(doc, "split-recorded"))
	}
	// A second new set is stale; so is going back to lists from version 0.
	code, doc = e.post("admin", "/pcns/U60057/funding/practice-shares/edit", sharesForm(0, "40", "40", "20", "2026-11-01"))
	if code != http.StatusConflict || !strings.Contains(doc.Find("#saved").Text(), "30.5%") {
		t.Errorf("stale set: %d, saved %q", code, doc.Find("#saved").Text())
	}
	if code, _ := e.post("manager", "/pcns/U60057/funding/practice-shares/edit", url.Values{"action": {"by-list"}, "version": {"0"}}); code != http.StatusConflict {
		t.Errorf("stale return to lists: %d", code)
	}
	if code, _ := e.post("manager", "/pcns/U60057/funding/practice-shares/edit", url.Values{"action": {"by-list"}, "version": {"1"}}); code != http.StatusSeeOther {
		t.Errorf("return to lists: %d", code)
	}
	if e.count("practice_share_sets") != 0 || len(e.audits("practice_shares.delete")) != 1 {
		t.Error("the set was not removed, or not audited")
	}
}

// An ICB's lead sets its payment lag, 0 to 6 months (another value refused naming the
// limit, nothing written); a stale save is 409; a lead of another ICB cannot.
func TestPaymentLagForm(t *testing.T) {
	t.Parallel()
	e := newSettingsEnv(t)
	code, doc := e.get("lead", "/icbs/QOC/payment-lag")
	if v, _ := doc.Find("#months").Attr("value"); code != http.StatusOK || v != "2" {
		t.Fatalf("%d: months %q", code, v)
	}
	for _, months := range []string{"7", "-1", "+2", "1.5", "", "two", strings.Repeat("1", 21)} {
		code, doc := e.post("lead", "/icbs/QOC/payment-lag", url.Values{"months": {months}, "was": {"2"}})
		if code != http.StatusUnprocessableEntity || !(strings.Contains(capErrors(doc), "from 0 to 6") || strings.Contains(capErrors(doc), "20 characters")) {
			t.Errorf("%q: %d %q", months, code, capErrors(doc))
		}
	}
	if code, _ := e.post("other-lead", "/icbs/QOC/payment-lag", url.Values{"months": {"4"}, "was": {"2"}}); code != http.StatusForbidden {
		t.Errorf("another ICB's lead: %d", code)
	}
	if code, _ := e.post("manager", "/icbs/QOC/payment-lag", url.Values{"months": {"4"}, "was": {"2"}}); code != http.StatusForbidden {
		t.Errorf("a PCN manager: %d", code)
	}
	if len(e.audits("icb.payment_lag")) != 0 {
		t.Fatal("refused requests wrote the lag")
	}
	if code, _ := e.post("lead", "/icbs/QOC/payment-lag", url.Values{"months": {"3"}, "was": {"2"}}); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	a := e.audits("icb.payment_lag")
	if len(a) != 1 || a[0].ICB != "QOC" || a[0].Actor != "lead@test.nhs.uk" || a[0].AfterJSON != `{"payment_lag_months": 3}` {
		t.Errorf("audit: %+v", a)
	}
	code, doc = e.post("admin", "/icbs/QOC/payment-lag", url.Values{"months": {"4"}, "was": {"2"}})
	if code != http.StatusConflict || !strings.Contains(doc.Find("#saved").Text(), "3 months") {
		t.Errorf("stale save: %d, saved %q", code, doc.Find("#saved").Text())
	}
	if v, _ := doc.Find(`input[name="was"]`).Attr("value"); v != "3" {
		t.Errorf("the stale form carries %q, want 3", v)
	}
	// The ICB's page links its leads to the lag, saying what it is; no one else.
	if _, doc := e.get("lead", "/icbs/QOC"); !strings.Contains(doc.Find(`[data-testid="payment-lag-link"]`).Parent().Text(), "3 months after the month worked") {
		t.Errorf("the ICB page's lag: %q", doc.Find(`[data-testid="payment-lag-link"]`).Parent().Text())
	}
	for _, who := range []string{"other-lead", "manager"} {
		if _, doc := e.get(who, "/icbs/QOC"); doc.Find(`[data-testid="payment-lag-link"]`).Length() != 0 {
			t.Errorf("the ICB page links %s to the payment lag", who)
		}
	}
}

// A settings change posted with a version that is missing or garbled is refused with
// 400 and writes nothing (formVersion), as every other change form's.
func TestAgreementVersionGarbled(t *testing.T) {
	t.Parallel()
	e := newSettingsEnv(t)
	if code, _ := e.post("manager", "/pcns/U60057/funding/agreements/new", agreementForm("100", "2026-10-01", "", "2026-09-14", "")); code != http.StatusSeeOther {
		t.Fatalf("agreement: %d", code)
	}
	if code, _ := e.post("lead", "/pcns/U60057/funding/approved-roles/new", approvedRoleForm("Counsellor", "", "50000", "2026-04-01", "", "")); code != http.StatusSeeOther {
		t.Fatalf("approval: %d", code)
	}
	agreement, approval := e.audits("share_agreement.create")[0].EntityID, e.audits("approved_role.create")[0].EntityID
	for _, c := range []struct {
		persona, path string
		form          url.Values
	}{
		{"manager", "/pcns/U60057/funding/agreements/" + agreement, agreementForm("90", "2026-10-01", "", "2026-09-14", "")},
		{"manager", "/pcns/U60057/funding/agreements/" + agreement + "/delete", url.Values{}},
		{"lead", "/pcns/U60057/funding/approved-roles/" + approval, approvedRoleForm("Counsellor", "", "60000", "2026-04-01", "", "")},
		{"manager", "/pcns/U60057/funding/practice-shares/edit", sharesForm(0, "50", "30", "20", "2026-11-01")},
	} {
		for _, version := range []string{"absent", "", "abc", "-1", "1.5"} {
			form := with(c.form, "version", version)
			if version == "absent" {
				form.Del("version")
			}
			code, _ := e.post(c.persona, c.path, form)
			if code != http.StatusBadRequest {
				t.Errorf("%s with version %q: %d, want 400", c.path, version, code)
			}
		}
	}
	if e.count("practice_share_sets") != 0 || len(e.audits("share_agreement.update"))+len(e.audits("share_agreement.delete"))+len(e.audits("approved_role.update")) != 0 {
		t.Error("a garbled version wrote something")
	}
}
