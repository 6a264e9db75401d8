package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestFormVersionGarbled: a change posted with a version that is missing, not a
// number or negative is refused with 400 before anything is read into the record,
// and writes nothing: no record, no audit entry.
func TestFormVersionGarbled(t *testing.T) {
	t.Parallel()
	e := newCapEnv(t)
	for _, persona := range []string{"manager", "admin", "lead"} {
		e.as(persona) // signing in is written to the audit trail
	}
	for _, create := range []struct {
		persona, path string
		form          url.Values
	}{
		{"manager", "/pcns/U60057/sites/new", url.Values{"name": {"Main"}, "sessions": {"10"}}},
		{"manager", "/pcns/U60057/supervision/supervisors/new", url.Values{"name": {"Dr Ahmed"}, "profession": {"GP"}, "fte": {"1"}, "hours": {"8"}}},
		{"admin", "/admin/caps", url.Values{"role": {"paramedic"}, "from": {"2026-04-01"}, "amount": {"55000"}}},
	} {
		if code, doc := e.post(create.persona, create.path, create.form); code != http.StatusSeeOther {
			t.Fatalf("%s: %d %q", create.path, code, capErrors(doc))
		}
	}
	staffID := e.staff("U60057", "clinical_pharmacist", 1, "2025-01-01", "")
	site, sup, capID, manager := e.id(`SELECT id FROM sites`), e.id(`SELECT id FROM supervisors`), e.id(`SELECT id FROM role_caps WHERE role_code = 'paramedic'`),
		e.id(`SELECT id FROM users WHERE email = 'manager@test.nhs.uk'`)
	link := url.Values{"supervisee": {strconv.FormatInt(staffID, 10)}, "supervisor": {strconv.FormatInt(sup, 10)}, "kind": {"clinical"}, "hours": {"2"},
		"start[day]": {"1"}, "start[month]": {"4"}, "start[year]": {"2026"}}
	if code, doc := e.post("manager", "/pcns/U60057/supervision/links/new", link); code != http.StatusSeeOther {
		t.Fatalf("a link: %d %q", code, capErrors(doc))
	}
	linkID := e.id(`SELECT id FROM supervision_links`)

	pcn := "/pcns/U60057"
	end := url.Values{"end[day]": {"1"}, "end[month]": {"1"}, "end[year]": {"2027"}}
	for _, c := range []struct {
		persona, path string
		form          url.Values
	}{
		{"manager", pcn + "/sites/" + itoa64(site), url.Values{"name": {"Main surgery"}, "sessions": {"12"}}},
		{"manager", pcn + "/sites/" + itoa64(site) + "/remove", url.Values{}},
		{"manager", pcn + "/staff/" + itoa64(staffID), url.Values{"role": {"clinical_pharmacist"}, "fte": {"0.8"}, "funding_stream": {"arrs"},
			"start[day]": {"1"}, "start[month]": {"1"}, "start[year]": {"2025"}}},
		{"manager", pcn + "/staff/" + itoa64(staffID) + "/end", end},
		{"manager", pcn + "/supervision/supervisors/" + itoa64(sup), url.Values{"name": {"Dr Ahmed"}, "profession": {"GP"}, "fte": {"1"}, "hours": {"9"}, "active": {"yes"}}},
		{"manager", pcn + "/supervision/links/" + itoa64(linkID), link},
		{"manager", pcn + "/supervision/links/" + itoa64(linkID) + "/end", end},
		{"admin", "/admin/users/" + itoa64(manager), url.Values{"name": {"Renamed"}, "grants": {"pcn_manager U60057"}, "active": {"yes"}}},
		{"admin", "/admin/caps/" + itoa64(capID), url.Values{"from": {"2026-04-01"}, "amount": {"56000"}}},
		{"admin", "/admin/caps/" + itoa64(capID) + "/delete", url.Values{}},
	} {
		for _, version := range []string{"absent", "", "abc", "-1", "1.5", "1e3", "99999999999999999999"} {
			before := e.written()
			form := url.Values{}
			for k, v := range c.form {
				form[k] = v
			}
			if version != "absent" {
				form.Set("version", version)
			}
			code, doc := e.post(c.persona, c.path, form)
			if code != http.StatusBadRequest || !strings.Contains(doc.Find("main").Text(), "did not say which version") {
				t.Errorf("%s with version %q: %d, want 400", c.path, version, code)
			}
			if e.written() != before {
				t.Errorf("%s with version %q wrote something", c.path, version)
			}
		}
	}
	// Expected supply is a grid: a role the form had no row for may send no version
	// (see supplyInput), but a garbled one is refused like any other.
	before := e.written()
	if code, _ := e.post("lead", "/icbs/QOC/supply/2026-27", url.Values{"paramedic-version": {"one"}, "paramedic-newly_qualified": {"1"}}); code != http.StatusBadRequest {
		t.Errorf("supply with a garbled version: %d, want 400", code)
	}
	if e.written() != before {
		t.Error("supply with a garbled version wrote something")
	}
}

// id runs a query for one id.
func (e *capEnv) id(sql string) int64 {
	e.t.Helper()
	var id int64
	if err := e.db.QueryRowForTest(context.Background(), sql, &id); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return id
}

// written is a digest of every table a form writes, with the audit trail: equal
// digests, nothing written in between.
func (e *capEnv) written() string {
	e.t.Helper()
	var parts []string
	for _, table := range []string{"sites", "staff", "staff_history", "supervisors", "supervision_links", "users", "user_grants", "role_caps", "expected_supply", "audit_log"} {
		var digest string
		sql := `SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM ` + table + ` t`
		if err := e.db.QueryRowForTest(context.Background(), sql, &digest); err != nil {
			e.t.Fatalf("%s: %v", table, err)
		}
		parts = append(parts, digest)
	}
	return strings.Join(parts, " ")
}
