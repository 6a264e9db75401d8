package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

func TestCapsForm(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")

	res, doc := fetch(t, c, ts.URL+"/admin/caps")
	if status := res.StatusCode; status != 200 || !strings.Contains(testID(doc, "nocap-physician_associate"), "No known cap") {
		t.Fatalf("caps page: %d, physician associate %q", res.StatusCode, testID(doc, "nocap-physician_associate"))
	}
	// The shipped caps by band are listed beside the roles' (read-only).
	if n := doc.Find(`[data-testid^="band-"]`).Length(); n == 0 || !strings.Contains(doc.Find(`[data-testid^="band-"]`).First().Text(), "£") {
		t.Errorf("%d band caps listed", n)
	}

	good := url.Values{"role": {"paramedic"}, "variant": {""}, "from": {"2026-04-01"}, "amount": {"£55,000"}, "provisional": {"yes"}}
	bad := []struct {
		field, value, msg string
	}{
		{"role", "", "Select the role"},
		{"role", "nurse", "Select the role"},
		{"variant", "Senior Band", "lower-case letters"},
		{"from", "1/4/2026", "YYYY-MM-DD"},
		{"from", "2020-04-01", "could only be claimed from 1 April 2021"},
		{"amount", "", "Enter the cap per WTE a year"},
		{"amount", "lots", "Enter the cap in pounds"},
		{"amount", "550", "between £10,000 and £250,000"},
	}
	for _, b := range bad {
		v := url.Values{}
		for k, x := range good {
			v[k] = x
		}
		v.Set(b.field, b.value)
		code, body := postForm(t, c, ts.URL+"/admin/caps", v)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, b.msg) || !strings.Contains(body, "<title>Error: ") {
			t.Errorf("%s=%q: %d, message %q shown: %v", b.field, b.value, code, b.msg, strings.Contains(body, b.msg))
		}
		// What was typed is kept.
		if b.field == "amount" && b.value != "" && !strings.Contains(body, `value="`+b.value+`"`) {
			t.Errorf("amount %q not kept", b.value)
		}
	}
	if got := auditActions(t, db); len(got) != 0 {
		t.Fatalf("refused forms wrote to the audit trail: %v", got)
	}

	if code, _ := postForm(t, c, ts.URL+"/admin/caps", good); code != http.StatusSeeOther {
		t.Fatalf("good cap: %d", code)
	}
	caps, err := db.RoleCaps(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var added store.RoleCap
	for _, cp := range caps {
		if cp.RoleCode == "paramedic" {
			added = cp
		}
	}
	if added.Pence != 5500000 || !added.Provisional || added.EffectiveFrom.Format("2006-01-02") != "2026-04-01" {
		t.Fatalf("added %+v", added)
	}
	if got := auditActions(t, db); len(got) != 1 || got[0] != "admin@test.nhs.uk cap.create" {
		t.Errorf("audit: %v", got)
	}
	_, doc = fetch(t, c, ts.URL+"/admin/caps")
	if row := testID(doc, "cap-"+strconv.FormatInt(added.ID, 10)); !strings.Contains(row, "£55,000") || !strings.Contains(row, "Provisional") {
		t.Errorf("the new cap's row: %q", row)
	}
	if code, body := postForm(t, c, ts.URL+"/admin/caps", good); code != http.StatusUnprocessableEntity || !strings.Contains(body, "already a cap for Paramedic") {
		t.Errorf("the same cap again: %d", code)
	}

	// Change it: confirmed at £56,000. Then the same form again is stale: 409.
	edit := ts.URL + "/admin/caps/" + strconv.FormatInt(added.ID, 10)
	change := url.Values{"version": {"1"}, "from": {"2026-04-01"}, "amount": {"56000"}}
	if code, _ := postForm(t, c, edit, change); code != http.StatusSeeOther {
		t.Fatalf("change: %d", code)
	}
	if code, body := postForm(t, c, edit, change); code != http.StatusConflict || !strings.Contains(body, "Someone else changed this cap") {
		t.Errorf("stale change: %d", code)
	}
	change.Set("amount", "five")
	change.Set("version", "2")
	if code, body := postForm(t, c, edit, change); code != http.StatusUnprocessableEntity || !strings.Contains(body, `value="five"`) {
		t.Errorf("bad change: %d", code)
	}
	if code, _ := postForm(t, c, edit+"/delete", url.Values{"version": {"1"}}); code != http.StatusConflict {
		t.Errorf("stale removal: %d", code)
	}
	if code, _ := postForm(t, c, edit+"/delete", url.Values{"version": {"2"}}); code != http.StatusSeeOther {
		t.Errorf("removal: %d", code)
	}
	if res, _ := fetch(t, c, edit); res.StatusCode != http.StatusNotFound {
		t.Errorf("removed cap's form: %d", res.StatusCode)
	}
	want := []string{"admin@test.nhs.uk cap.delete", "admin@test.nhs.uk cap.update", "admin@test.nhs.uk cap.create"}
	if got := auditActions(t, db); strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("audit: %v, want %v", got, want)
	}
}
