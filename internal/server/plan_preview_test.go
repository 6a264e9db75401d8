package server

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/web/plan"
)

// preview posts a form to the preview as a persona, as plan.js does (multipart): its
// status and, for a 200, the figures.
func (e *planEnv) preview(persona string, v url.Values) (int, plan.Preview) {
	e.t.Helper()
	status, body := e.previewRaw(persona, multipartBody(e.t, v, nil))
	var p plan.Preview
	if status == http.StatusOK {
		if err := json.Unmarshal(body, &p); err != nil {
			e.t.Fatalf("preview: %v\n%s", err, body)
		}
	}
	return status, p
}

// previewBody is a request body and its content type.
type previewBody struct {
	contentType string
	body        io.Reader
}

// multipartBody is a form as FormData sends it, with files (name → content) if any.
func multipartBody(t *testing.T, v url.Values, files map[string]string) previewBody {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range v {
		for _, x := range vs {
			if err := w.WriteField(k, x); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, content := range files {
		f, err := w.CreateFormFile(name, name+".csv")
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(content))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return previewBody{w.FormDataContentType(), &b}
}

// previewRaw posts a body to the preview as a persona ("" for nobody signed in): its
// status and body. A JSON answer must say so, and the preview answers nothing else.
func (e *planEnv) previewRaw(persona string, b previewBody) (int, []byte) {
	e.t.Helper()
	c := client(e.t)
	if persona != "" {
		c = e.as(persona)
	}
	res, err := c.Post(e.ts.URL+"/pcns/U60057/plan/preview", b.contentType, b.body)
	if err != nil {
		e.t.Fatal(err)
	}
	body := readBody(e.t, res)
	if ct := res.Header.Get("Content-Type"); res.StatusCode != http.StatusSeeOther && ct != "application/json" {
		e.t.Errorf("preview answered %d as %q: %.200s", res.StatusCode, ct, body)
	}
	return res.StatusCode, body
}

// refusal is the preview's refusal's sentence ({"error": "…"}).
func refusal(t *testing.T, body []byte) string {
	t.Helper()
	var r struct{ Error string }
	if err := json.Unmarshal(body, &r); err != nil || r.Error == "" {
		t.Errorf("a refusal that is not {\"error\": …}: %v %.200s", err, body)
	}
	return r.Error
}

// The preview of cells as typed gives the figures the page shows once the same cells
// are saved: every total, net, projection and gap of the year, its money and the gap
// with the draft on the target's day, text for text. It writes nothing.
func TestPlanPreviewIsTheSavedFigures(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	// A draft with lines in other years, which the save of 2027/28 keeps: they count.
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "c-paramedic-2026-2": "50000", "s-dietitian-2028-1": "2"})
	before := e.plans()[0]
	audit := len(auditActions(t, e.db))
	v := e.gridForm("manager", "/pcns/U60057/plan?year=2027", map[string]string{
		"s-clinical_pharmacist-2027-1": "2", "c-clinical_pharmacist-2027-1": "£60,000",
		"s-paramedic-2027-3": "1.5", "l-care_coordinator-2027-2": "0.4", "l-paramedic-2027-4": "0.25",
	})
	status, p := e.preview("manager", v)
	if status != http.StatusOK || p.Year != "2027" || len(p.Errors) != 0 {
		t.Fatalf("preview: %d, year %q, errors %v", status, p.Year, p.Errors)
	}
	for id, want := range map[string]string{"net-2027-1": "2.0", "starters-2027-3": "1.5", "leavers-2027-2": "0.4",
		"role-starters-2027-clinical_pharmacist": "2.0", "year-starters-2027": "3.5", "year-leavers-2027": "0.7"} {
		if got := p.Values[id]; got != want {
			t.Errorf("preview %s = %q, want %q", id, got, want)
		}
	}
	if after := e.plans()[0]; after.Version != before.Version || len(e.plans()) != 1 || len(auditActions(t, e.db)) != audit {
		t.Fatalf("the preview wrote: version %d → %d", before.Version, after.Version)
	}
	// Save the same cells: the page shows the preview's figures.
	if code, body := e.post("manager", "/pcns/U60057/plan", v); code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", code, errorSummary(body))
	}
	_, doc := e.page("manager", "/pcns/U60057/plan?year=2027")
	if len(p.Values) < 40 {
		t.Errorf("the preview holds %d figures", len(p.Values))
	}
	for id, want := range p.Values {
		if got := testID(doc, id); got != want {
			t.Errorf("[data-testid=%s]: preview %q, page after the save %q", id, want, got)
		}
	}
	if len(p.Lists) != 4 {
		t.Errorf("lists %v, want the year's money (the ARRS, the practice GP scheme, other money) and the fair share's", p.Lists)
	}
	for list, rows := range p.Lists {
		if n := doc.Find("#" + list + " .nhsuk-summary-list__row").Length(); n != len(rows) {
			t.Errorf("%s: %d rows in the preview, %d on the page", list, len(rows), n)
		}
		for _, r := range rows {
			row := doc.Find(`[data-testid="` + r.TestID + `"]`)
			key, value := strings.TrimSpace(row.Find("dt").Text()), strings.TrimSpace(row.Find("dd").Text())
			if key != r.Key || value != r.Value {
				t.Errorf("%s [data-testid=%s]: preview %q: %q, page after the save %q: %q", list, r.TestID, r.Key, r.Value, key, value)
			}
		}
	}
	if testID(doc, "draft-left-2027") == "" {
		t.Error("the draft's money is not on the page: the comparison compared too little")
	}
}

// A cell that cannot be read is named with the save's message, and counts for nothing
// meanwhile; the rest of the figures are still worked out.
func TestPlanPreviewNamesBadCells(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	v := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-3": "one", "s-dietitian-2026-3": "2", "c-dietitian-2026-3": "5000"})
	status, p := e.preview("manager", v)
	if status != http.StatusOK {
		t.Fatalf("preview: %d", status)
	}
	want := []plan.PreviewError{
		{Field: "s-paramedic-2026-3", Message: "Paramedic, 2026/27 Q3: enter starters as a number of FTE, like 1 or 0.6"},
		{Field: "c-dietitian-2026-3", Message: "Dietitian, 2026/27 Q3: the annual cost must be between £10,000 and £250,000 for one WTE"},
	}
	slices.SortFunc(p.Errors, func(a, b plan.PreviewError) int { return strings.Compare(b.Field, a.Field) })
	if !reflect.DeepEqual(p.Errors, want) {
		t.Errorf("errors %+v\nwant   %+v", p.Errors, want)
	}
	if got := p.Values["net-2026-3"]; got != "0.0" {
		t.Errorf("net of 2026/27 Q3 with its cells unreadable: %q", got)
	}
	if len(e.plans()) != 0 {
		t.Error("the preview saved a plan")
	}
}

// The preview is the save's route: only the network's managers (a clinical director
// may look, not edit: 403), same-origin posts, and a form no larger than any other.
// Its own refusals are JSON naming what is wrong, for plan.js to show; signed out, it
// sends to the sign-in page, which plan.js takes for the session's end.
func TestPlanPreviewRefusals(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	v := e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-3": "1"})
	if status, _ := postForm(t, e.as("director"), e.ts.URL+"/pcns/U60057/plan/preview", v); status != http.StatusForbidden {
		t.Errorf("a clinical director's preview: %d, want 403", status)
	}
	if status, _ := postForm(t, e.as("lead"), e.ts.URL+"/pcns/U60057/plan/preview", v); status != http.StatusForbidden {
		t.Errorf("an ICB lead's preview: %d, want 403", status)
	}
	if status, _ := e.previewRaw("", multipartBody(t, v, nil)); status != http.StatusSeeOther {
		t.Errorf("signed out, the preview answered %d, want 303 to the sign-in page", status)
	}
	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+"/pcns/U60057/plan/preview", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if res, err := e.as("manager").Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("a post from another site: %v %v", res.StatusCode, err)
	} else {
		res.Body.Close()
	}
	big := url.Values{}
	for k, x := range v {
		big[k] = x
	}
	big.Set("base", strings.Repeat("x", maxFormBytes))
	outside := url.Values{}
	for k, x := range v {
		outside[k] = x
	}
	outside.Set("year", "2031")
	nul := url.Values{}
	for k, x := range v {
		nul[k] = x
	}
	nul.Set("s-paramedic-2026-3", "1\x00")
	for _, c := range []struct {
		name   string
		body   previewBody
		status int
		says   string
	}{
		{"a form over the limit", multipartBody(t, big, nil), http.StatusRequestEntityTooLarge, "larger than 1 MB"},
		{"a JSON body", previewBody{"application/json", strings.NewReader(`{"s-paramedic-2026-3":"1"}`)}, http.StatusBadRequest, "Only the plan form"},
		{"a year outside the plan", multipartBody(t, outside, nil), http.StatusBadRequest, "2026/27"},
		{"a file", multipartBody(t, v, map[string]string{"plan": "pcn_code\n"}), http.StatusBadRequest, "never a file"},
		{"a null byte", multipartBody(t, nul, nil), http.StatusBadRequest, "not allowed"},
	} {
		status, body := e.previewRaw("manager", c.body)
		if msg := refusal(t, body); status != c.status || !strings.Contains(msg, c.says) {
			t.Errorf("%s: %d %q, want %d saying %q", c.name, status, msg, c.status, c.says)
		}
	}
	// A URL-encoded form is read too (by cleanInput, which refuses one too large with
	// its page before any handler: plan.js sends multipart).
	if status, _ := postForm(t, e.as("manager"), e.ts.URL+"/pcns/U60057/plan/preview", v); status != http.StatusOK {
		t.Errorf("a URL-encoded form: %d", status)
	}
}

// A cell a save refuses ("-3", "NaN", "1e9", "abc") shows its error and counts for
// nothing: in the totals as in the projection and the money, on the page shown again
// (422) as in the preview of the same form, figure for figure.
func TestPlanRefusedCellsCountForNothing(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	for _, bad := range []string{"-3", "NaN", "1e9", "abc"} {
		v := e.gridForm("manager", "/pcns/U60057/plan?year=2027", map[string]string{
			"s-paramedic-2027-2": "1", "l-paramedic-2027-2": bad, "s-dietitian-2027-2": "2", "l-dietitian-2027-2": "0.5"})
		status, p := e.preview("manager", v)
		if status != http.StatusOK || len(p.Errors) != 1 || p.Errors[0].Field != "l-paramedic-2027-2" {
			t.Fatalf("%q: preview %d, errors %v", bad, status, p.Errors)
		}
		for id, want := range map[string]string{"starters-2027-2": "2.0", "leavers-2027-2": "0.5", "net-2027-2": "1.5",
			"role-starters-2027-paramedic": "0.0", "role-leavers-2027-paramedic": "0.0", "year-net-2027": "1.5"} {
			if got := p.Values[id]; got != want {
				t.Errorf("%q: preview %s = %q, want %q", bad, id, got, want)
			}
		}
		code, body := e.post("manager", "/pcns/U60057/plan", v)
		doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
		if code != http.StatusUnprocessableEntity || doc.Find("#l-paramedic-2027-2-error").Length() != 1 {
			t.Fatalf("%q: save %d, the cell's error shown: %v", bad, code, doc.Find("#l-paramedic-2027-2-error").Length() == 1)
		}
		if strings.Contains(testID(doc, "figures")+doc.Find("tfoot").Text(), "NaN") {
			t.Errorf("%q: the page shows NaN", bad)
		}
		for id, want := range p.Values {
			if got := testID(doc, id); got != want {
				t.Errorf("%q: [data-testid=%s]: preview %q, page shown again %q", bad, id, want, got)
			}
		}
		for list, rows := range p.Lists {
			for _, r := range rows {
				if got := strings.TrimSpace(doc.Find(`#` + list + ` [data-testid="` + r.TestID + `"] dd`).Text()); got != r.Value {
					t.Errorf("%q: %s: preview %q, page shown again %q", bad, r.TestID, r.Value, got)
				}
			}
		}
	}
}

// The preview carries the money of every stream, as the page shows it once saved: a GP
// on the practice GP scheme is planned against the practices' entitlement, not the
// ARRS; a post on other money is a cost, and claims nothing.
func TestPlanPreviewStreams(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	cells := map[string]string{"s-paramedic-2027-1": "1", "c-paramedic-2027-1": "50000"}
	status, arrsOnly := e.preview("manager", e.gridForm("manager", "/pcns/U60057/plan?year=2027", cells))
	if status != http.StatusOK {
		t.Fatalf("preview: %d", status)
	}
	cells["s-gp-2027-1-practice_gp"], cells["c-gp-2027-1-practice_gp"] = "1", "120000"
	cells["s-dietitian-2027-1-other"], cells["c-dietitian-2027-1-other"] = "1", "48000"
	v := e.gridForm("manager", "/pcns/U60057/plan?year=2027", cells)
	status, p := e.preview("manager", v)
	if status != http.StatusOK || len(p.Errors) != 0 {
		t.Fatalf("preview: %d %v", status, p.Errors)
	}
	value := func(p plan.Preview, list, id string) string {
		for _, r := range p.Lists[list] {
			if r.TestID == id {
				return r.Value
			}
		}
		return ""
	}
	for _, c := range []struct{ list, id, want string }{
		{"funding-practice-gp-2027", "scheme-planned-2027", "£0"},
		{"funding-practice-gp-2027", "scheme-draft-planned-2027", "£120,000"},
		{"funding-other-2027", "other-planned-2027", "£0"},
		{"funding-other-2027", "other-draft-planned-2027", "£48,000"},
		// The ARRS counts the paramedic alone, with or without the other streams.
		{"funding-summary-2027", "draft-planned-2027", value(arrsOnly, "funding-summary-2027", "draft-planned-2027")},
	} {
		if got := value(p, c.list, c.id); got != c.want || got == "" {
			t.Errorf("%s: %q, want %q", c.id, got, c.want)
		}
	}
	if got := value(p, "funding-practice-gp-2027", "scheme-entitlement-2027"); got == "" || got == "£0" {
		t.Errorf("the practices' entitlement: %q (no data, or an amount)", got)
	}
	// The totals of each stream's row are their own; the year's count every stream.
	for id, want := range map[string]string{"role-starters-2027-gp-practice_gp": "1.0", "role-starters-2027-dietitian-other": "1.0",
		"role-starters-2027-gp": "0.0", "year-starters-2027": "3.0"} {
		if got := p.Values[id]; got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	// Saved, the page shows the same figures; the other-money row is shown because the
	// plan holds a line of it.
	if code, body := e.post("manager", "/pcns/U60057/plan", v); code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", code, errorSummary(body))
	}
	_, doc := e.page("manager", "/pcns/U60057/plan?year=2027")
	for list, rows := range p.Lists {
		for _, r := range rows {
			if got := strings.TrimSpace(doc.Find(`#` + list + ` [data-testid="` + r.TestID + `"] dd`).Text()); got != r.Value {
				t.Errorf("%s: preview %q, page %q", r.TestID, r.Value, got)
			}
		}
	}
	if doc.Find(`tr[data-testid="row-2027-dietitian-other"] input[name="s-dietitian-2027-1-other"]`).Length() != 1 ||
		doc.Find(`tr[data-testid="row-2027-paramedic-other"]`).Length() != 0 {
		t.Error("the other-money rows shown are not the plan's")
	}
	if got := e.lines(e.plans()[0].ID); !slices.Contains(got, "gp 2027/28 Q1 1 0 120000 practice_gp") || !slices.Contains(got, "dietitian 2027/28 Q1 1 0 48000 other") {
		t.Errorf("saved %v", got)
	}
}
