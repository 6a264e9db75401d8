package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// An admin adds 2026/27's rate when it is published (the server's today is in
// 2026/27, so 2021/22 to 2031/32 may be entered), then corrects it; a bad rate or year
// is refused with 422 and its message, a stale correction with 409; each write is
// audited.
func TestRatesForm(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return time.Date(2026, time.December, 7, 12, 0, 0, 0, time.UTC) }
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")

	res, doc := fetch(t, c, ts.URL+"/admin/rates")
	if res.StatusCode != 200 || !strings.Contains(testID(doc, "rate-2025"), "£26.631") || capHas(doc, "rate-2026") {
		t.Fatalf("rates page: %d, 2025/26 %q", res.StatusCode, testID(doc, "rate-2025"))
	}
	good := url.Values{"year": {"2026/27"}, "rate": {"£27.123"}}
	for _, b := range []struct{ field, value, msg string }{
		{"year", "", "Enter the financial year"},
		{"year", "2026", "YYYY/YY"},
		{"year", "2026/28", "YYYY/YY"},
		{"year", "2032/33", "between 2021/22 and 2031/32"},
		{"year", "2020/21", "between 2021/22 and 2031/32"},
		{"rate", "", "Enter the rate per weighted patient"},
		{"rate", "lots", "up to 3 decimal places"},
		{"rate", "27.1234", "up to 3 decimal places"},
		{"rate", "-5", "up to 3 decimal places"},
		{"rate", "0.999", "between £1 and £100"},
		{"rate", "100.001", "between £1 and £100"},
		{"rate", strings.Repeat("9", 300), "characters or fewer"},
	} {
		v := url.Values{"year": good["year"], "rate": good["rate"]}
		v.Set(b.field, b.value)
		code, body := postForm(t, c, ts.URL+"/admin/rates", v)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, b.msg) || !strings.Contains(body, "<title>Error: ") {
			t.Errorf("%s=%.20q: %d, message %q shown: %v", b.field, b.value, code, b.msg, strings.Contains(body, b.msg))
		}
	}
	if got := auditActions(t, db); len(got) != 0 {
		t.Fatalf("refused forms wrote to the audit trail: %v", got)
	}
	// The bounds themselves are allowed.
	for _, ok := range []url.Values{{"year": {"2031/32"}, "rate": {"100"}}, {"year": {"2021/22"}, "rate": {"1.000"}}} {
		if code, _ := postForm(t, c, ts.URL+"/admin/rates", ok); code != http.StatusSeeOther {
			t.Errorf("%v: %d", ok, code)
		}
	}
	if code, _ := postForm(t, c, ts.URL+"/admin/rates", good); code != http.StatusSeeOther {
		t.Fatalf("good rate: %d", code)
	}
	added, err := db.FundingRateRow(context.Background(), "2026/27")
	if err != nil || added.RateGBP != 27.123 || added.Starts.Format("2006-01-02") != "2026-04-01" || added.Version != 1 {
		t.Fatalf("added %+v %v", added, err)
	}
	_, doc = fetch(t, c, ts.URL+"/admin/rates")
	if row := testID(doc, "rate-2026"); !strings.Contains(row, "2026/27") || !strings.Contains(row, "1 Apr 2026") || !strings.Contains(row, "£27.123") {
		t.Errorf("the new rate's row: %q", row)
	}
	if code, body := postForm(t, c, ts.URL+"/admin/rates", good); code != http.StatusUnprocessableEntity || !strings.Contains(body, "already a rate for 2026/27") {
		t.Errorf("the same year again: %d", code)
	}

	// Correct it to £27.5; the same form again is stale: 409, nothing saved.
	edit := ts.URL + "/admin/rates/2026"
	if res, doc := fetch(t, c, edit); res.StatusCode != 200 || doc.Find(`input[name="rate"]`).AttrOr("value", "") != "27.123" {
		t.Errorf("change form: %d", res.StatusCode)
	}
	change := url.Values{"version": {"1"}, "rate": {"27.5"}}
	if code, _ := postForm(t, c, edit, change); code != http.StatusSeeOther {
		t.Fatalf("change: %d", code)
	}
	change.Set("rate", "28")
	if code, body := postForm(t, c, edit, change); code != http.StatusConflict || !strings.Contains(body, "Someone else changed this rate") || !strings.Contains(body, "£27.500") {
		t.Errorf("stale change: %d", code)
	}
	change.Set("version", "2")
	change.Set("rate", "101")
	if code, body := postForm(t, c, edit, change); code != http.StatusUnprocessableEntity || !strings.Contains(body, `value="101"`) {
		t.Errorf("bad change: %d", code)
	}
	if code, _ := postForm(t, c, edit, url.Values{"rate": {"28"}}); code != http.StatusBadRequest {
		t.Errorf("a change naming no version: %d, want 400", code)
	}
	if x, _ := db.FundingRateRow(context.Background(), "2026/27"); x.RateGBP != 27.5 || x.Version != 2 {
		t.Errorf("after the refused changes: %+v", x)
	}
	if res, _ := fetch(t, c, ts.URL+"/admin/rates/2040"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a year without a rate: %d", res.StatusCode)
	}
	want := []string{"admin@test.nhs.uk rate.update", "admin@test.nhs.uk rate.create", "admin@test.nhs.uk rate.create", "admin@test.nhs.uk rate.create"}
	if got := auditActions(t, db); strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("audit: %v, want %v", got, want)
	}
}
