package server

import (
	"context"
	"maps"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/needreport"
)

// weightsPractices gives U60057 one practice of old patients (ZZ0001: 1,000 men aged 75
// to 79, 1,000 women aged 80 to 84, 500 men aged 25 to 29) and U47425 one of young
// ones (ZZ0005: 2,000 men aged 25 to 29, 2,000 women aged 20 to 24), on the extract of
// 1 November 2025, whatever the reference data holds.
func weightsPractices(t *testing.T, dbURL string) {
	t.Helper()
	ownerExec(t, dbURL, `
		DELETE FROM practice_patients WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code IN ('U60057', 'U47425'));
		DELETE FROM practice_deprivation WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code IN ('U60057', 'U47425'));
		DELETE FROM practice_spans WHERE pcn_code IN ('U60057', 'U47425');
		INSERT INTO practices (code, name, postcode) VALUES ('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0005', 'ELM SURGERY', 'SY5 5EE');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, x.pcn, s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001', 'U60057', 'QOC'), ('ZZ0005', 'U47425', 'QSL')) AS x(code, pcn, icb)
		CROSS JOIN LATERAL (SELECT sub_icb_code, icb_code FROM sub_icb_spans
		                    WHERE icb_code = x.icb AND valid_to IS NULL ORDER BY 1 LIMIT 1) s;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 2500), ('ZZ0001', '2025-11-01', 'MALE', '75_79', 1000),
			('ZZ0001', '2025-11-01', 'FEMALE', '80_84', 1000), ('ZZ0001', '2025-11-01', 'MALE', '25_29', 500),
			('ZZ0005', '2025-11-01', 'ALL', 'ALL', 4000), ('ZZ0005', '2025-11-01', 'MALE', '25_29', 2000),
			('ZZ0005', '2025-11-01', 'FEMALE', '20_24', 2000)`)
}

// weightsFormOf is what a browser posts of the page's form as it stands.
func weightsFormOf(doc *goquery.Document) url.Values {
	v := url.Values{}
	doc.Find(`form[method="post"] input[name], form[method="post"] textarea[name]`).Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		if goquery.NodeName(s) == "textarea" {
			v.Set(name, s.Text())
		} else {
			v.Set(name, s.AttrOr("value", ""))
		}
	})
	return v
}

// The weights' page shows the shipped weights, factors and sources to every signed-in
// user; an admin changes them on one form. Bad figures and texts are refused with 422,
// their messages and nothing written; doubling the weights of the oldest band saves
// one audited change, shown on the page, and moves the data version, so need is
// worked out again: the old network's need grows, k changes, and England's need
// still equals its list. The same form again is stale (409) and writes nothing.
func TestNeedWeightsForm(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dbURL := dbtest.NewWithURL(t)
	weightsPractices(t, dbURL)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	day := s.today()
	before, err := needreport.On(ctx, db, day)
	if err != nil {
		t.Fatal(err)
	}
	lead := client(t)
	signIn(t, ts, lead, "lead@test.nhs.uk")
	res, doc := fetch(t, lead, ts.URL+"/need/weights")
	if res.StatusCode != 200 || !strings.Contains(testID(doc, "band-6"), "3.9700") || !strings.Contains(testID(doc, "band-6"), "4.8037") ||
		!strings.Contains(testID(doc, "factor-5"), "1.1800") || !strings.Contains(testID(doc, "source-age_sex-citation"), "doi:10.3399/bjgp18X695981") ||
		doc.Find(`[data-testid="source-age_sex-url"] a[href="https://doi.org/10.3399/bjgp18X695981"]`).Length() != 1 ||
		!strings.Contains(testID(doc, "scale"), "k = ") || doc.Find(`[data-testid="edit-weights"]`).Length() != 0 {
		t.Fatalf("the page as a lead: %d, band %q, factor %q, scale %q", res.StatusCode, testID(doc, "band-6"), testID(doc, "factor-5"), testID(doc, "scale"))
	}
	if got := testID(doc, "source-age_sex-changed"); !strings.Contains(got, "Loaded with the reference data on ") || capHas(doc, "source-age_sex-uncited") {
		t.Errorf("as loaded: last changed %q", got)
	}
	if got := testID(doc, "weights-day"); !strings.Contains(got, "of "+day.Format("2 January 2006")+", today: no workforce census is loaded") {
		t.Errorf("the day of the figures before any census: %q", got)
	}
	if href := doc.Find(`[data-testid="compare-link"]`).AttrOr("href", ""); href != "/icbs/QOC/compare" {
		t.Errorf("the lead's comparison: %q", href)
	}
	scaleBefore := testID(doc, "scale")

	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	res, doc = fetch(t, c, ts.URL+"/admin/need-weights")
	good := weightsFormOf(doc)
	if res.StatusCode != 200 || good.Get("age-6-male") != "3.97" || good.Get("factor-5") != "1.18" || good.Get("age-version") != "1" ||
		!strings.Contains(good.Get("age-citation"), "Mukhtar TK") {
		t.Fatalf("the form: %d %v", res.StatusCode, good)
	}
	for _, b := range []struct{ field, value, msg string }{
		{"age-6-male", "", "Enter the weight for men aged 75 and over"},
		{"age-6-male", "1e1", "must be a number such as 1.21"},
		{"age-6-male", "NaN", "must be a number such as 1.21"},
		{"age-6-male", "0x1p3", "must be a number such as 1.21"},
		{"age-6-male", "-1", "must be more than 0 and at most 100"},
		{"age-6-male", ".", "must be a number such as 1.21"},
		{"age-6-male", "+1", "must be a number such as 1.21"},
		{"age-0-female", "1,5", "must be a number such as 1.21"},
		{"age-0-female", "1.23456", "up to 4 decimal places"},
		{"age-0-female", "0", "more than 0 and at most 100"},
		{"age-0-female", "0.0000", "more than 0 and at most 100"},
		{"factor-3", "100.0001", "more than 0 and at most 100"},
		{"factor-3", "101", "more than 0 and at most 100"},
		{"factor-3", strings.Repeat("1", 21), "20 characters or fewer"},
		{"age-title", "", "Enter the title of the age and sex source"},
		{"age-title", strings.Repeat("t", 301), "300 characters or fewer"},
		{"dep-citation", strings.Repeat("c", 1001), "1000 characters or fewer"},
		{"dep-url", "javascript:alert(1)", "must be a web address"},
		{"dep-url", "ftp://example.org/x", "must be a web address"},
		{"dep-url", "https://" + strings.Repeat("a", 500), "500 characters or fewer"},
		{"dep-note", strings.Repeat("n", 2001), "2000 characters or fewer"},
	} {
		v := maps.Clone(good)
		v.Set("age-6-female", "9.6074") // a good change beside the bad one is not saved either
		v.Set(b.field, b.value)
		code, body := postForm(t, c, ts.URL+"/admin/need-weights", v)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, b.msg) || !strings.Contains(body, "<title>Error: ") ||
			!strings.Contains(body, `href="#`+b.field+`"`) {
			t.Errorf("%s=%.20q: %d, message %q shown: %v", b.field, b.value, code, b.msg, strings.Contains(body, b.msg))
		}
	}
	if w, _ := db.NeedWeights(ctx); w.Age[6].Female != 4.8037 || w.AgeSource.Version != 1 || w.DepSource.Version != 1 {
		t.Fatalf("refused forms wrote: %+v", w)
	}
	if got := auditActions(t, db); len(got) != 0 {
		t.Fatalf("refused forms wrote to the audit trail: %v", got)
	}
	v := maps.Clone(good)
	v.Del("age-version")
	if code, _ := postForm(t, c, ts.URL+"/admin/need-weights", v); code != http.StatusBadRequest {
		t.Errorf("a form naming no version: %d, want 400", code)
	}

	// Double the oldest band's weights.
	v = maps.Clone(good)
	v.Set("age-6-male", "7.94")
	v.Set("age-6-female", " 9.6074 ")
	if code, _ := postForm(t, c, ts.URL+"/admin/need-weights", v); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	_, doc = fetch(t, c, ts.URL+"/need/weights")
	if !strings.Contains(doc.Find(".nhsuk-notification-banner").Text(), "Saved 2 changes") || !strings.Contains(testID(doc, "band-6"), "7.9400") ||
		!strings.Contains(testID(doc, "source-age_sex-changed"), "admin@test.nhs.uk") || doc.Find(`[data-testid="edit-weights"]`).Length() != 1 {
		t.Errorf("after the save: banner %q, band %q", doc.Find(".nhsuk-notification-banner").Text(), testID(doc, "band-6"))
	}
	// The figures changed, the citation and note did not: the page says so.
	if got := testID(doc, "source-age_sex-uncited"); !strings.Contains(got, "The figures were changed by ") || !strings.Contains(got, "since this source's citation and note were last changed") ||
		capHas(doc, "source-deprivation-uncited") {
		t.Errorf("figures changed since cited: %q", got)
	}
	if testID(doc, "scale") == scaleBefore {
		t.Errorf("k did not change: %q (the page's need was not worked out again)", scaleBefore)
	}
	after, err := needreport.On(ctx, db, day)
	if err != nil {
		t.Fatal(err)
	}
	old, young := "U60057", "U47425"
	if !(after.PCNs[old].Need > before.PCNs[old].Need) || !(after.PCNs[young].Need < before.PCNs[young].Need) {
		t.Errorf("need of the old network %.2f → %.2f, of the young %.2f → %.2f", before.PCNs[old].Need, after.PCNs[old].Need,
			before.PCNs[young].Need, after.PCNs[young].Need)
	}
	if math.Abs(after.TotalNeed-after.TotalList) > 1e-6*after.TotalList {
		t.Errorf("England's need %.4f, list %.4f", after.TotalNeed, after.TotalList)
	}
	want := []string{"admin@test.nhs.uk need_weights.update"}
	if got := auditActions(t, db); strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("audit: %v, want %v", got, want)
	}

	// The same form again (versions 1): stale.
	v.Set("age-0-male", "2")
	code, body := postForm(t, c, ts.URL+"/admin/need-weights", v)
	if code != http.StatusConflict || !strings.Contains(body, "Someone else saved this") || !strings.Contains(body, `name="age-version" value="2"`) {
		t.Errorf("stale save: %d", code)
	}
	if w, _ := db.NeedWeights(ctx); w.Age[0].Male != 1.88 || w.AgeSource.Version != 2 || len(auditActions(t, db)) != 1 {
		t.Errorf("the stale save wrote: %+v", w)
	}
}

// With no need weights loaded (a table empty), the page and the admins' form say how
// to load them rather than fail.
func TestNeedWeightsNotLoaded(t *testing.T) {
	t.Parallel()
	db, dbURL := dbtest.NewWithURL(t)
	ownerExec(t, dbURL, `DELETE FROM need_age_weights`)
	addPersonas(t, db)
	_, ts := newTestServer(t, db)
	c := client(t)
	signIn(t, ts, c, "admin@test.nhs.uk")
	for _, path := range []string{"/need/weights", "/admin/need-weights"} {
		res, doc := fetch(t, c, ts.URL+path)
		if got := testID(doc, "no-weights"); res.StatusCode != http.StatusOK || got != "No need weights are loaded: run arrs seed reference." {
			t.Errorf("%s: %d %q", path, res.StatusCode, got)
		}
	}
}
