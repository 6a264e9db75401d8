package server

import (
	"bytes"
	"context"
	"math"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/plantemplate"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
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

// A plan downloaded as CSV or XLSX uploads back to the same lines: FTE to 6 decimals,
// costs to the penny and each line's funding stream survive (a GP on the ARRS and one
// on the practice GP scheme in the same quarter are two lines).
func TestPlanFilesRoundTrip(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{"s-clinical_pharmacist-2026-2": "0.333333", "c-clinical_pharmacist-2026-2": "45000.50",
		"s-gp-2026-2": "0.5", "s-gp-2026-2-practice_gp": "1", "c-gp-2026-2-practice_gp": "120000",
		"l-paramedic-2027-1": "1", "s-dietitian-2028-4": "2"})
	saved := e.lines(e.plans()[0].ID)

	res, csvFile := e.download("director", "/pcns/U60057/plan.csv")
	want := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp,funding_stream\n" +
		"U60057,clinical_pharmacist,2026/27 Q2,0.333333,0,45000.50,arrs\n" +
		"U60057,gp,2026/27 Q2,0.5,0,,arrs\n" +
		"U60057,gp,2026/27 Q2,1,0,120000,practice_gp\n" +
		"U60057,paramedic,2027/28 Q1,0,1,,arrs\n" +
		"U60057,dietitian,2028/29 Q4,2,0,,arrs\n"
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
	if len(rows) != 6 || strings.Join(rows[1], ",") != "U60057,clinical_pharmacist,2026/27 Q2,0.333333,0,45000.5,arrs" ||
		strings.Join(rows[3], ",") != "U60057,gp,2026/27 Q2,1,0,120000,practice_gp" {
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

// The plan in NHS England's template layout: every ARRS role by name, in the role
// guide's order; the totals row's FTE at each year's end and planned cost are the plan
// page's figures for the same version, its starters less leavers the page's net
// starters; the print page shows the same table, with no navigation.
func TestPlanTemplateTotalsAreThePagesFigures(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	e.save("manager", map[string]string{
		"s-clinical_pharmacist-2026-2": "2", "c-clinical_pharmacist-2026-2": "60000",
		"s-paramedic-2026-4": "1.5", "l-care_coordinator-2027-1": "1",
		"s-dietitian-2028-3": "0.6", "c-dietitian-2028-3": "48000.50",
	})
	id := itoa64(e.plans()[0].ID)
	res, data := e.download("lead", "/pcns/U60057/plan/template.xlsx?version="+id)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != xlsxType ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "arrs-plan-U60057-version-1-template.xlsx") {
		t.Fatalf("template download: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
	}
	if _, def := e.download("manager", "/pcns/U60057/plan/template.xlsx"); !bytes.Equal(sheetRows(t, def), sheetRows(t, data)) {
		t.Error("without ?version= the template is not the version the plan page shows")
	}
	rows := sheettest.Open(t, data).Rows(plantemplate.Sheet)
	byName := map[string][]string{}
	var names []string
	for _, r := range rows {
		if len(r) > 2 {
			byName[r[0]], names = r, append(names, r[0])
		}
	}
	checkRolesByName(t, e, names)
	total := byName["Total"]
	if total == nil {
		t.Fatalf("no totals row: %q", rows)
	}
	for i, fy := range []string{"2026", "2027", "2028"} {
		_, doc := e.page("manager", "/pcns/U60057/plan?version="+id+"&year="+fy)
		col := 2 + 4*i
		net := 0.0
		for q := 1; q <= 4; q++ {
			net += pageNumber(t, testID(doc, "net-"+fy+"-"+itoa64(int64(q))))
		}
		if got := cellNumber(t, total[col]) - cellNumber(t, total[col+1]); ui.FTE(got) != ui.FTE(net) {
			t.Errorf("%s: starters less leavers %v, the page's net starters %v", fy, got, net)
		}
		if got, want := ui.FTE(cellNumber(t, total[col+2])), testID(doc, "projected-"+fy+"-4"); got != want {
			t.Errorf("%s: FTE at the year end %s, the page's projection on 31 March %s", fy, got, want)
		}
		planned := testID(doc, "draft-planned-"+fy)
		if planned == "" {
			planned = testID(doc, "planned-"+fy)
		}
		if got := workforce.Pence(math.Round(cellNumber(t, total[col+3]) * 100)).Whole(); !strings.Contains(planned, got) {
			t.Errorf("%s: planned cost %s, the page's %q", fy, got, planned)
		}
	}
	checkPrintPage(t, e, id, total)
}

// sheetRows is a template's rows without its "Generated" line, to compare two.
func sheetRows(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	for _, r := range sheettest.Open(t, data).Rows(plantemplate.Sheet) {
		if len(r) > 0 && r[0] != "Generated" {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
	}
	return b.Bytes()
}

// checkRolesByName: the template's rows are every ARRS role by name, in the role
// guide's order, then the totals.
func checkRolesByName(t *testing.T, e *planEnv, names []string) {
	t.Helper()
	roles, err := e.db.Roles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range roles {
		want = append(want, r.Name)
	}
	if got := strings.Join(names, "|"); !strings.Contains(got, strings.Join(want, "|")+"|Total") {
		t.Errorf("rows %q, want the roles %q then Total", got, want)
	}
}

// checkPrintPage: the print page is a page of its own with the version's status and
// the template's totals.
func checkPrintPage(t *testing.T, e *planEnv, id string, total []string) {
	t.Helper()
	code, doc := e.page("director", "/pcns/U60057/plan/print?version="+id)
	if code != http.StatusOK {
		t.Fatalf("print page: %d", code)
	}
	if n := doc.Find("header, nav, footer, .nhsuk-header, .nhsuk-footer, form, button").Length(); n != 0 {
		t.Errorf("the print page has %d header, navigation, footer, form or button elements", n)
	}
	if h1 := doc.Find("h1").Text(); !strings.Contains(h1, "(U60057)") {
		t.Errorf("h1 %q", h1)
	}
	facts := map[string]string{}
	doc.Find(`[data-testid="print-facts"] dt`).Each(func(_ int, dt *goquery.Selection) {
		facts[dt.Text()] = dt.Next().Text()
	})
	if facts["Plan version"] != "1: Draft" || !strings.HasPrefix(facts["Started"], "by manager@test.nhs.uk on ") ||
		facts["ICB"] == "" || facts["Network"] == "" || facts["Staff data as of"] != "30 November 2025" {
		t.Errorf("facts %q", facts)
	}
	if doc.Find(`[data-testid^="print-row-"]`).Length() < 10 {
		t.Error("the print page's table has too few role rows")
	}
	foot := doc.Find(`[data-testid="print-total"] td`)
	for i, cell := range total[1:] {
		if i%4 == 0 {
			continue // in post, then each year's planned cost, in whole pounds
		}
		if got := strings.TrimSpace(foot.Eq(i).Text()); got != ui.Decimal(cellNumber(t, cell), 2) {
			t.Errorf("print total cell %d: %q, template %q", i, got, cell)
		}
	}
	_, plan := e.page("manager", "/pcns/U60057/plan?version="+id)
	if href := plan.Find(`[data-testid="download-template"]`).AttrOr("href", ""); href != "/pcns/U60057/plan/template.xlsx?version="+id {
		t.Errorf("plan page's template link %q", href)
	}
	if href := plan.Find(`[data-testid="print-link"]`).AttrOr("href", ""); href != "/pcns/U60057/plan/print?version="+id {
		t.Errorf("plan page's print link %q", href)
	}
}

// cellNumber reads a number of the sheet.
func cellNumber(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}

// Before any census, the template says "no data" for what the staff data would give,
// never 0; a version the PCN does not have is 404; other networks' people get none.
func TestPlanTemplateUnknownsAndAccess(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	e := &planEnv{t: t, db: db, users: addPersonas(t, db), clients: map[string]*http.Client{}}
	e.s, e.ts = newTestServer(t, db)
	e.s.now = func() time.Time { return planNow }
	if res, _ := e.download("manager", "/pcns/U60057/plan/template.xlsx"); res.StatusCode != http.StatusNotFound {
		t.Errorf("no plan yet: %d", res.StatusCode)
	}
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1"})
	res, data := e.download("manager", "/pcns/U60057/plan/template.xlsx")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("template: %d", res.StatusCode)
	}
	var total []string
	for _, r := range sheettest.Open(t, data).Rows(plantemplate.Sheet) {
		if len(r) > 0 && r[0] == "Total" {
			total = r
		}
	}
	if len(total) < 6 || total[1] != "no data" || total[2] != "1" || total[4] != "no data" || total[5] != "no data" {
		t.Errorf("totals without a census: %q", total)
	}
	for _, path := range []string{"/pcns/U60057/plan/template.xlsx?version=999999", "/pcns/U60057/plan/print?version=abc"} {
		if res, _ := e.download("manager", path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
	}
	for _, persona := range []string{"other-manager", "other-lead"} {
		for _, path := range []string{"/pcns/U60057/plan/template.xlsx", "/pcns/U60057/plan/print"} {
			if res, _ := e.download(persona, path); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: %d", persona, path, res.StatusCode)
			}
		}
	}
}

// A plan file with several mistakes is refused with every one of them, on the plan
// page and on /imports: the error summary lists each line, column and value, each
// linking to the upload field; past importer.MaxRowErrors the rest are counted.
func TestPlanUploadReportsEveryError(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	header := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
	five := header +
		"U60057,paramedic,2026/27 Q2,1,0,\n" +
		"U60057,paramedic,2026/27 Q3,-1,0,\n" +
		"U60057,pharmacist,2026/27 Q3,1,0,\n" +
		"U60057,paramedic,2026/27 Q4,1,two,\n" +
		"U60057,dietitian,2026/27 Q4,1,0,250001\n" +
		"U47425,paramedic,2026/27 Q4,1,0,\n"
	want := []string{
		"Line 3, column starters_fte: is negative (-1)",
		`Line 4, column role_code: unknown role code "pharmacist"`,
		`Line 5, column leavers_fte: expected an FTE such as 1 or 0.6, found "two"`,
		"Line 6, column annual_cost_gbp: is 250001; the annual cost of one WTE must be between £10,000 and £250,000",
		"Line 7, column pcn_code: PCN U47425 is not one of the networks you may change",
	}
	code, body := e.uploadPlan("manager", "five.csv", []byte(five))
	checkRowErrors(t, "plan page", code, body, "#file", want)
	if !strings.Contains(body, "five.csv: 5 errors, listed at the top of the page.") {
		t.Errorf("the upload field does not say how many: %s", errorSummary(body))
	}
	code, body = upload(t, e.as("manager"), e.ts.URL+"/imports/plans", "five.csv", []byte(strings.ReplaceAll(five, "U47425,paramedic,2026/27 Q4", "U60057,paramedic,2026/27 Q2")))
	checkRowErrors(t, "/imports/plans", code, body, "#plans", append(want[:4:4], "Line 7, column quarter: 2026/27 Q2 of paramedic is a duplicate of line 2"))
	if ps := e.plans(); len(ps) != 0 {
		t.Errorf("refused uploads saved a plan: %+v", ps)
	}

	var many strings.Builder
	many.WriteString(header)
	for range importer.MaxRowErrors + 7 {
		many.WriteString("U60057,paramedic,2026/27 Q2,-1,0,\n")
	}
	code, body = e.uploadPlan("manager", "many.csv", []byte(many.String()))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	items := doc.Find(".nhsuk-error-summary__list li")
	if code != http.StatusUnprocessableEntity || items.Length() != importer.MaxRowErrors+1 ||
		strings.TrimSpace(items.Last().Text()) != "and 7 more errors (only the first 100 are listed)" || items.Last().Find("a").Length() != 0 {
		t.Errorf("107 errors: %d, %d items, last %q", code, items.Length(), items.Last().Text())
	}
}

// checkRowErrors: a 422 whose error summary lists want, in order, each linking to href.
func checkRowErrors(t *testing.T, where string, code int, body, href string, want []string) {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	links := doc.Find(".nhsuk-error-summary__list li a")
	if code != http.StatusUnprocessableEntity || links.Length() != len(want) || !strings.HasPrefix(doc.Find("title").Text(), "Error: ") {
		t.Fatalf("%s: %d, %d errors listed: %s", where, code, links.Length(), errorSummary(body))
	}
	links.Each(func(i int, a *goquery.Selection) {
		if got := strings.TrimSpace(a.Text()); !strings.HasPrefix(got, want[i]) || a.AttrOr("href", "") != href {
			t.Errorf("%s, error %d: %q (%s), want %q (%s)", where, i+1, got, a.AttrOr("href", ""), want[i], href)
		}
	})
}

// The plan page's grid, its upload and /imports/plans bound a cost as a staff record
// does (workforce.MaxAnnualCostPence): £250,000 for one WTE is accepted and £250,001
// refused on every path (the command line's is tested in cmd/arrs).
func TestPlanCostLimitOnEveryPath(t *testing.T) {
	t.Parallel()
	e := newPlanEnv(t)
	const limit = "between £10,000 and £250,000"
	code, body := e.post("manager", "/pcns/U60057/plan", e.gridForm("manager", "/pcns/U60057/plan", map[string]string{"s-paramedic-2026-2": "1", "c-paramedic-2026-2": "250001"}))
	if code != http.StatusUnprocessableEntity || !strings.Contains(errorSummary(body), limit) {
		t.Errorf("grid, £250,001: %d %s", code, errorSummary(body))
	}
	e.save("manager", map[string]string{"s-paramedic-2026-2": "1", "c-paramedic-2026-2": "250000"})
	header := "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n"
	for _, c := range []struct {
		cost string
		want int
	}{{"250001", http.StatusUnprocessableEntity}, {"250000", http.StatusSeeOther}} {
		file := []byte(header + "U60057,paramedic,2026/27 Q3,1,0," + c.cost + "\n")
		if code, body := e.uploadPlan("manager", "plan.csv", file); code != c.want || (c.want != http.StatusSeeOther && !strings.Contains(errorSummary(body), limit)) {
			t.Errorf("plan page upload, £%s: %d %s", c.cost, code, errorSummary(body))
		}
		if code, body := upload(t, e.as("manager"), e.ts.URL+"/imports/plans", "plan.csv", file); code != c.want || (c.want != http.StatusSeeOther && !strings.Contains(errorSummary(body), limit)) {
			t.Errorf("/imports/plans, £%s: %d %s", c.cost, code, errorSummary(body))
		}
	}
	if got := e.lines(e.plans()[0].ID); strings.Join(got, "|") != "paramedic 2026/27 Q3 1 0 250000" {
		t.Errorf("the accepted file's lines: %v", got)
	}
}
