package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// writes fingerprints what the forms could write: every change is audited, and every
// change to data behind the pages moves the data version.
func writes(t *testing.T, e *planEnv) string {
	t.Helper()
	var n int
	if err := e.db.QueryRowForTest(context.Background(), `SELECT count(*) FROM audit_log`, &n); err != nil {
		t.Fatal(err)
	}
	v, err := e.db.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(n) + "/" + strconv.FormatInt(v, 10)
}

// Every text input of every form refuses a value over its limit with its field's
// message and 422, writing nothing.
func TestFormLengthLimits(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	if code, body := e.move("manager", "submit", e.plans()[0], ""); code != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", code, errorSummary(body))
	}
	plan := e.plans()[0]
	staffID := strconv.FormatInt(firstStaffID(t, e.db, "U60057"), 10)
	managerID := strconv.FormatInt(e.users["manager"].ID, 10)
	long := func(n int) string { return strings.Repeat("x", n+1) }
	move := func(v url.Values) url.Values {
		v.Set("plan", strconv.FormatInt(plan.ID, 10))
		v.Set("version", strconv.Itoa(plan.Version))
		return v
	}
	cases := []struct {
		persona, path string
		form          url.Values
		msg           string
	}{
		{"admin", "/admin/users/new", url.Values{"name": {long(200)}}, "Full name must be 200 characters or fewer"},
		{"admin", "/admin/users/new", url.Values{"email": {long(254)}}, "Email address must be 254 characters or fewer"},
		{"admin", "/admin/users/new", url.Values{"grants": {long(2000)}}, "Grants must be 2000 characters or fewer"},
		{"admin", "/admin/users/new", url.Values{"password": {long(64)}}, "Password must be 64 characters or fewer"},
		{"admin", "/admin/users/" + managerID, url.Values{"name": {long(200)}, "version": {"1"}}, "Full name must be 200 characters or fewer"},
		{"manager", "/account/password", url.Values{"current": {testPassword}, "password": {long(64)}}, "Password must be 64 characters or fewer"},
		{"manager", "/pcns/U60057/staff/new", url.Values{"role": {"other"}, "staff_role": {long(200)}}, "Role must be 200 characters or fewer"},
		{"manager", "/pcns/U60057/staff/new", url.Values{"employer": {long(200)}}, "Employer must be 200 characters or fewer"},
		{"manager", "/pcns/U60057/staff/new", url.Values{"fte": {long(20)}}, "FTE must be 20 characters or fewer"},
		{"manager", "/pcns/U60057/staff/new", url.Values{"hours": {long(20)}}, "Weekly hours must be 20 characters or fewer"},
		{"manager", "/pcns/U60057/staff/new", url.Values{"cost": {long(20)}}, "Annual cost must be 20 characters or fewer"},
		{"manager", "/pcns/U60057/staff/" + staffID, url.Values{"employer": {long(200)}, "version": {"1"}}, "Employer must be 200 characters or fewer"},
		{"manager", "/pcns/U60057/supervision/supervisors/new", url.Values{"name": {long(200)}}, "Name must be 200 characters or fewer"},
		{"manager", "/pcns/U60057/supervision/supervisors/new", url.Values{"profession": {long(200)}}, "Profession must be 200 characters or fewer"},
		{"manager", "/pcns/U60057/supervision/supervisors/new", url.Values{"hours": {long(20)}}, "Hours a month must be 20 characters or fewer"},
		{"manager", "/pcns/U60057/supervision/links/new", url.Values{"hours": {long(20)}}, "Hours a month must be 20 characters or fewer"},
		{"manager", "/pcns/U60057/sites/new", url.Values{"name": {long(200)}}, "Name must be 200 characters or fewer"},
		{"manager", "/pcns/U60057/sites/new", url.Values{"name": {"Main"}, "sessions": {long(20)}}, "Bookable sessions a week must be 20 characters or fewer"},
		{"lead", "/icbs/QOC/supply/2026-27", url.Values{"care_coordinator-newly_qualified": {long(20)}}, "newly qualified must be 20 characters or fewer"},
		{"admin", "/admin/targets", url.Values{"name": {long(200)}}, "Name must be 200 characters or fewer"},
		{"admin", "/admin/targets", url.Values{"milestones": {long(2000)}}, "Milestones must be 2000 characters or fewer"},
		{"admin", "/admin/targets", url.Values{"fte": {long(20)}}, "Additional FTE must be 20 characters or fewer"},
		{"admin", "/admin/caps", url.Values{"variant": {long(40)}}, "Variant must be 40 characters or fewer"},
		{"admin", "/admin/caps", url.Values{"amount": {long(20)}}, "Cap per WTE a year must be 20 characters or fewer"},
		{"director", "/pcns/U60057/plan/sign-off", move(url.Values{"comment": {long(2000)}}), "comment must be 2000 characters or fewer"},
		{"lead", "/pcns/U60057/plan/return", move(url.Values{"comment": {long(2000)}}), "comment must be 2000 characters or fewer"},
	}
	for _, p := range []string{"admin", "manager", "director", "lead"} {
		e.as(p) // signed in beforehand: a sign-in is audited too
	}
	for _, c := range cases {
		var field string
		for k := range c.form {
			if len(c.form.Get(k)) > 20 {
				field = k
			}
		}
		t.Run(c.path+" "+field, func(t *testing.T) {
			before := writes(t, e)
			code, body := e.post(c.persona, c.path, c.form)
			if code != http.StatusUnprocessableEntity {
				t.Errorf("%d, want 422", code)
			}
			if got := errorSummary(body); !strings.Contains(got, c.msg) {
				t.Errorf("error summary %q, want %q", got, c.msg)
			}
			if after := writes(t, e); after != before {
				t.Errorf("something was written: %s → %s", before, after)
			}
		})
	}
}
