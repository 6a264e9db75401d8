package server

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// uploadPlan posts a plan file with the version the page was opened on.
func (e *planEnv) uploadPlan(persona, name string, content []byte) (int, string) {
	e.t.Helper()
	p := workforce.Plan{}
	if ps := e.plans(); len(ps) > 0 {
		p = ps[0]
	}
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	w.WriteField("plan", strconv.FormatInt(p.ID, 10))
	w.WriteField("version", strconv.Itoa(p.Version))
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(content)
	w.Close()
	res, err := e.as(persona).Post(e.ts.URL+"/pcns/U60057/plan/upload", w.FormDataContentType(), &b)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.StatusCode, string(readBody(e.t, res))
}

func (e *planEnv) download(persona, path string) (*http.Response, []byte) {
	e.t.Helper()
	res, err := e.as(persona).Get(e.ts.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	return res, readBody(e.t, res)
}

// A plan downloaded as CSV or XLSX uploads back to the same lines: FTE to 6 decimals
// and costs to the penny survive.
func TestPlanFilesRoundTrip(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-clinical_pharmacist-2026-2": "0.333333", "c-clinical_pharmacist-2026-2": "45000.50",
		"l-paramedic-2027-1": "1", "s-dietitian-2028-4": "2"})
	saved := e.lines(e.plans()[0].ID)

	res, csvFile := e.download("director", "/pcns/U60057/plan.csv")
	want := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n" +
		"U60057,clinical_pharmacist,2026/27 Q2,0.333333,0,45000.50\n" +
		"U60057,paramedic,2027/28 Q1,0,1,\n" +
		"U60057,dietitian,2028/29 Q4,2,0,\n"
	if res.StatusCode != 200 || string(csvFile) != want || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "arrs-plan-U60057-version-1.csv") {
		t.Fatalf("CSV download: %d %q %v\n%s", res.StatusCode, res.Header.Get("Content-Disposition"), res.Header.Get("Content-Type"), csvFile)
	}
	res, xlsxFile := e.download("lead", "/pcns/U60057/plan.xlsx")
	if res.StatusCode != 200 {
		t.Fatalf("XLSX download: %d", res.StatusCode)
	}
	book := sheettest.Open(t, xlsxFile)
	rows := book.FormattedRows(book.Sheets()[0])
	if len(rows) != 4 || strings.Join(rows[1], ",") != "U60057,clinical_pharmacist,2026/27 Q2,0.333333,0,45000.5" {
		t.Errorf("XLSX rows: %q", rows)
	}
	if !book.IsNumber("Plan", "D2") {
		t.Errorf("starters are not a number in the workbook: %q", rows[1])
	}

	// Change the plan, then upload each file back: the saved lines return.
	for _, f := range []struct {
		name string
		data []byte
	}{{"plan.csv", csvFile}, {"plan.xlsx", xlsxFile}} {
		e.save("manager", map[string]string{"s-clinical_pharmacist-2026-2": "5"})
		if code, body := e.uploadPlan("manager", f.name, f.data); code != http.StatusSeeOther {
			t.Fatalf("upload %s: %d %s", f.name, code, errorSummary(body))
		}
		if got := e.lines(e.plans()[0].ID); strings.Join(got, "|") != strings.Join(saved, "|") {
			t.Errorf("after uploading %s: %v, want %v", f.name, got, saved)
		}
	}
	if got := planAudit(t, e.db); got[0] != "manager@test.nhs.uk plan.upload" {
		t.Errorf("audit of the upload: %v", got)
	}
	if ps := e.plans(); len(ps) != 1 {
		t.Errorf("uploads over the draft started new versions: %d", len(ps))
	}
}

func TestPlanUploadRefused(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	header := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
	xlsx := func(rows [][]any) []byte { return sheettest.Build(t, rows) }
	cols := []any{"pcn_code", "role_code", "quarter", "starters_fte", "leavers_fte", "annual_cost_gbp"}
	bad := []struct {
		name string
		data []byte
		msg  string
	}{
		{"other.csv", []byte(header + "U47425,paramedic,2026/27 Q2,1,0,\n"), "line 2, column pcn_code: PCN U47425 is not one of the networks you may change"},
		{"neg.csv", []byte(header + "U60057,paramedic,2026/27 Q2,1,0,\nU60057,paramedic,2026/27 Q3,-1,0,\n"), "line 3, column starters_fte: is negative"},
		{"cheap.csv", []byte(header + "U60057,paramedic,2026/27 Q2,1,0,5000\n"), "cheap.csv: line 2, column annual_cost_gbp: is 5000; the annual cost of one WTE must be between £10,000 and £250,000"},
		{"bad.xlsx", xlsx([][]any{cols, {"U60057", "paramedic", "2026/27 Q2", 1, 0, nil}, {"U60057", "paramedic", "2026/27 Q3", "lots", 0, nil}}), "bad.xlsx: row 3, column starters_fte: expected an FTE"},
		{"early.xlsx", xlsx([][]any{cols, {"U60057", "gp", "2024/25 Q2", 1, 0, nil}}), "row 2, column quarter: 2024/25 Q2 starts on 2024-07-01, before gp joined ARRS on 2024-10-01"},
		{"junk.xlsx", []byte("not a workbook"), "not a readable Excel (XLSX) workbook"},
	}
	for _, b := range bad {
		code, body := e.uploadPlan("manager", b.name, b.data)
		if code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), b.msg) || !strings.Contains(body, "<title>Error: ") {
			t.Errorf("%s: %d %q, want %q", b.name, code, errorSummary(body), b.msg)
		}
	}
	if code, body := e.uploadPlan("manager", "none.csv", nil); code != http.StatusUnprocessableEntity {
		t.Errorf("an empty file: %d %s", code, errorSummary(body))
	}
	if ps := e.plans(); len(ps) != 0 {
		t.Errorf("refused uploads saved a plan: %+v", ps)
	}
	// An upload over a draft changed since the page was opened is refused.
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	p := e.plans()[0]
	e.save("admin", map[string]string{"s-paramedic-2026-2": "2"})
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	w.WriteField("plan", strconv.FormatInt(p.ID, 10))
	w.WriteField("version", strconv.Itoa(p.Version))
	fw, _ := w.CreateFormFile("file", "plan.csv")
	fw.Write([]byte(header + "U60057,paramedic,2026/27 Q2,3,0,\n"))
	w.Close()
	res, err := e.as("manager").Post(e.ts.URL+"/pcns/U60057/plan/upload", w.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	body := string(readBody(t, res))
	if res.StatusCode != http.StatusConflict || !strings.Contains(errorSummary(body), "changed after you opened this page") {
		t.Errorf("a stale upload: %d %s", res.StatusCode, errorSummary(body))
	}
	if got := e.lines(p.ID); strings.Join(got, "|") != "paramedic 2026/27 Q2 2 0 -" {
		t.Errorf("the stale upload changed the plan: %v", got)
	}
}
