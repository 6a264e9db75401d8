package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/workforce"
)

// fundingStaffFixture is newStaffFixture with U60057's practices (ZZ0001–ZZ0003,
// practicesOfShrewsbury) and a care navigator role approved for U60057 and another for
// its neighbour U47425, whose ids it returns.
func fundingStaffFixture(t *testing.T) (f staffFixture, ours, theirs int64) {
	t.Helper()
	f = newStaffFixture(t)
	practicesOfShrewsbury(t, f.dbURL)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, f.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, c := range []struct {
		pcn string
		id  *int64
	}{{"U60057", &ours}, {"U47425", &theirs}} {
		if err := conn.QueryRow(ctx, `INSERT INTO approved_roles (pcn_code, name, band, cap_pence, valid_from, approved_by)
			VALUES ($1, 'Care navigator', '4', 3000000, '2026-04-01', 'lead@test.nhs.uk') RETURNING id`, c.pcn).Scan(c.id); err != nil {
			t.Fatal(err)
		}
	}
	return f, ours, theirs
}

// addedRecord is the one record the manager added (source "manual").
func (f staffFixture) addedRecord(t *testing.T) workforce.StaffRecord {
	t.Helper()
	var id int64
	if err := f.db.QueryRowForTest(context.Background(), `SELECT id FROM staff WHERE source = 'manual'`, &id); err != nil {
		t.Fatal(err)
	}
	rec, err := f.db.StaffRecord(context.Background(), "U60057", id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// A GP paid through the practice GP scheme names a member practice: saved, read back
// on the form, shown on the staff list and the record's history.
func TestStaffPracticeSchemeGPSaved(t *testing.T) {
	t.Parallel()
	f, _, _ := fundingStaffFixture(t)
	_, doc := f.get(t, "manager", "/pcns/U60057/staff/new")
	if got := doc.Find(`select#practice_code option`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") }); strings.Join(got, ",") != ",ZZ0001,ZZ0002,ZZ0003" {
		t.Errorf("practices offered: %q", got)
	}
	if doc.Find(`input[name=funding_stream][value=arrs][checked]`).Length() != 1 {
		t.Error("a new record is not claimed from the ARRS by default")
	}
	code, _, _ := f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(map[string]string{"role": "gp", "band": "non_afc", "cost": "100000",
		"funding_stream": "practice_gp", "practice_code": "ZZ0002"}))
	if code != http.StatusSeeOther {
		t.Fatalf("practice-scheme GP: %d", code)
	}
	rec := f.addedRecord(t)
	if rec.RoleCode != "gp" || rec.Stream != workforce.StreamPracticeGP || rec.PracticeCode != "ZZ0002" || rec.ApprovedRole != 0 {
		t.Errorf("saved: %+v", rec.Staff)
	}
	path := "/pcns/U60057/staff/" + strconv.FormatInt(rec.ID, 10)
	_, doc = f.get(t, "manager", path)
	if v := staffFormValues(doc); v.Get("funding_stream") != "practice_gp" || v.Get("practice_code") != "ZZ0002" {
		t.Errorf("read back on the form: %v", v)
	}
	_, list := f.get(t, "manager", "/pcns/U60057/staff")
	if got := cellsOf(list, "staff-"+strconv.FormatInt(rec.ID, 10)); !strings.Contains(got, "|Practice GP scheme, claimed by ZZ0002|") {
		t.Errorf("list row: %q", got)
	}
	if got := cellsOf(list, "staff-"+strconv.FormatInt(f.nwrsID, 10)); !strings.Contains(got, "|ARRS|") {
		t.Errorf("the imported pharmacist's row: %q", got)
	}
	// Moved to the ARRS: the practice goes, and the history says so.
	v := staffFormValues(doc)
	v.Set("funding_stream", "arrs")
	if code, _, _ := f.post(t, "manager", path, v); code != http.StatusSeeOther {
		t.Fatalf("moved to the ARRS: %d", code)
	}
	if rec = f.addedRecord(t); rec.Stream != workforce.StreamARRS || rec.PracticeCode != "" {
		t.Errorf("moved: %+v", rec.Staff)
	}
	_, doc = f.get(t, "manager", path+"/history")
	if got := staffText(doc, `[data-testid="version-2"]`); !strings.Contains(got, "How the post is paid for: Practice GP scheme → ARRS") ||
		!strings.Contains(got, "Practice that claims: BORDER SURGERY (ZZ0002) → None") {
		t.Errorf("version 2: %q", got)
	}
}

// What the funding may not name is refused with 422 and nothing is written: the
// practice scheme for anyone but a GP, a practice outside the PCN, another PCN's
// approved role, an approved role on an ARRS role.
func TestStaffFundingRefused(t *testing.T) {
	t.Parallel()
	f, ours, theirs := fundingStaffFixture(t)
	cases := []struct {
		set   map[string]string
		field string
		msg   string
	}{
		{map[string]string{"funding_stream": "practice_gp", "practice_code": "ZZ0001"}, "funding_stream",
			"Only a GP can be paid through the practice GP scheme: select ARRS or other money, or choose the GP role"},
		{map[string]string{"role": "gp", "funding_stream": "practice_gp", "practice_code": "M85001"}, "practice_code", "Select one of the PCN's member practices"},
		{map[string]string{"role": "other", "staff_role": "Care navigator", "approved_role_id": strconv.FormatInt(theirs, 10)}, "approved_role_id",
			"Select one of the PCN's approved additional roles"},
		{map[string]string{"approved_role_id": strconv.FormatInt(ours, 10)}, "approved_role_id", "An approved additional role is for other PCN staff only"},
		{map[string]string{"funding_stream": "core"}, "funding_stream", "Select how the post is paid for"},
	}
	for _, c := range cases {
		code, doc, _ := f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(c.set))
		if code != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".nhsuk-error-summary a[href='#"+c.field+"']").Text(), c.msg) {
			t.Errorf("%v: %d, summary %q", c.set, code, staffText(doc, ".nhsuk-error-summary"))
		}
		if want := goodStaff(c.set).Get("funding_stream"); want != "core" && staffFormValues(doc).Get("funding_stream") != want {
			t.Errorf("%v: the choice was not kept: %v", c.set, staffFormValues(doc))
		}
	}
	if got := auditActions(t, f.db); len(got) != 0 || staffCount(t, f.db) != 1 {
		t.Errorf("refused forms wrote something: %v", got)
	}
}

// Other money and an approved role are saved as chosen; the form offers only the
// PCN's own approvals.
func TestStaffOtherMoneyAndApprovedRoleSaved(t *testing.T) {
	t.Parallel()
	f, ours, theirs := fundingStaffFixture(t)
	_, doc := f.get(t, "manager", "/pcns/U60057/staff/new")
	if doc.Find(`select#approved_role_id option[value="`+strconv.FormatInt(ours, 10)+`"]`).Length() != 1 ||
		doc.Find(`select#approved_role_id option[value="`+strconv.FormatInt(theirs, 10)+`"]`).Length() != 0 {
		t.Errorf("approvals offered: %q", staffText(doc, "select#approved_role_id"))
	}
	if code, _, _ := f.post(t, "manager", "/pcns/U60057/staff/new", goodStaff(map[string]string{"funding_stream": "other"})); code != http.StatusSeeOther {
		t.Fatalf("other money: %d", code)
	}
	if rec := f.addedRecord(t); rec.Stream != workforce.StreamOther || rec.RoleCode != "paramedic" {
		t.Errorf("other money saved: %+v", rec.Staff)
	}
	path := "/pcns/U60057/staff/" + strconv.FormatInt(f.addedRecord(t).ID, 10)
	_, doc = f.get(t, "manager", path)
	v := staffFormValues(doc)
	v.Set("role", "other")
	v.Set("staff_role", "Care navigator")
	v.Set("funding_stream", "arrs")
	v.Set("approved_role_id", strconv.FormatInt(ours, 10))
	if code, doc, _ := f.post(t, "manager", path, v); code != http.StatusSeeOther {
		t.Fatalf("the approved role: %d %q", code, staffText(doc, ".nhsuk-error-summary"))
	}
	if rec := f.addedRecord(t); rec.Stream != workforce.StreamARRS || rec.ApprovedRole != ours || rec.RoleCode != "" || rec.StaffRole != "Care navigator" {
		t.Errorf("approved role saved: %+v", rec.Staff)
	}
	_, doc = f.get(t, "director", path+"/history")
	if got := staffText(doc, `[data-testid="field-approved_role_id"]`); !strings.Contains(got, "Care navigator, Band 4, approved from 1 April 2026") {
		t.Errorf("the record names its approval: %q", got)
	}
}

// Bounded: a posted approval that is not a number is refused, not read as none.
func TestStaffFundingBounded(t *testing.T) {
	t.Parallel()
	f, _, _ := fundingStaffFixture(t)
	for _, bad := range []string{"-1", "0", "1e3", strings.Repeat("9", 21)} {
		v := goodStaff(map[string]string{"role": "other", "staff_role": "Care navigator", "approved_role_id": bad})
		if code, _, _ := f.post(t, "manager", "/pcns/U60057/staff/new", v); code != http.StatusUnprocessableEntity {
			t.Errorf("approved_role_id %q: %d, want 422", bad, code)
		}
	}
	if n := staffCount(t, f.db); n != 1 {
		t.Errorf("staff rows: %d", n)
	}
}
