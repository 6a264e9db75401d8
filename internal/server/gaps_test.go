package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/sheettest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"

	gapsweb "github.com/arrs-planner/arrs/web/gaps"
)

// gapReader is a signed-in user: the gap pages are open to every signed-in user
// (the authorisation matrix tests who may call them; these tests test what they show).
var gapReader = &auth.User{ID: -1, Name: "Gap reader", Active: true, Grants: []auth.Grant{{Role: auth.ClinicalDirector, Org: "U60057"}}}

// fixedNow is the clock of the gap tests: the required pace counts months from it.
var fixedNow = time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)

// gapServer is the demo server with the test clock.
func gapServer(t *testing.T) *Server {
	s := demo(t)
	s.now = func() time.Time { return fixedNow }
	return s
}

// gapFetch requests a path as the gap reader.
func gapFetch(s *Server, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req = req.WithContext(context.WithValue(req.Context(), userKey{}, gapReader))
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, req)
	return rec
}

// gapPageDoc requests a path as the gap reader and parses it.
func gapPageDoc(t *testing.T, s *Server, path string) (int, *goquery.Document) {
	t.Helper()
	rec := gapFetch(s, path)
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Code, doc
}

// gapCells are the texts of a table row's cells, spaces squeezed.
func gapCells(doc *goquery.Document, testID string) []string {
	var out []string
	doc.Find(`tr[data-testid="` + testID + `"]`).First().Children().Each(func(_ int, c *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(c.Text()), " "))
	})
	return out
}

// pageNumber reads a figure as the pages write it: "−1,234.5" or "1,234.5 FTE".
func pageNumber(t *testing.T, s string) float64 {
	t.Helper()
	s = strings.TrimSuffix(strings.TrimSpace(s), " FTE")
	s = strings.NewReplacer(",", "", "−", "-").Replace(s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a figure", s)
	}
	return v
}

// gapCompute is the report the pages must show, computed directly.
func gapCompute(t *testing.T, s *Server, opts gaps.Options) *gaps.Result {
	t.Helper()
	opts.Today = workforce.Today(fixedNow)
	res, err := gaps.Compute(context.Background(), s.db, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGapPages(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	later := workforce.Date(2027, 3, 31)
	res := gapCompute(t, s, gaps.Options{DeadlineOverride: &later})
	qoc, _ := gaps.Find(res.ICBs, "QOC")
	shrewsbury, _ := gaps.Find(res.PCNs, "U60057")
	cases := []struct {
		path   string
		status int
		want   map[string]string // data-testid → text it must contain
		rows   int               // rows of the gap table, when not 0
		row    map[string]string // data-testid of a table row → its cells, joined by |
	}{
		// The default target: 26,000 by 31 March 2024, a deadline before the census of 30
		// November 2025, so the gap is measured on the census day (PLANNING.md, "Where
		// the gap is measured"): 26,826.3 additional FTE (the baseline, 31 March 2019,
		// is before the scheme: 0), gap −826.3; 570 PCNs short by 3,863.0 in all
		// (worked from the shipped files in cmd/arrs's TestReportGapsLatestCensus).
		{"/gaps", 200, map[string]string{
			"target": "26,000 additional FTE by 31 March 2024", "gap-fte": "−826.3", "shortfall-fte": "3,863.0",
			"in-post-fte": "26,826.3", "pcns-short": "570 of 1,297", "pace": "None: the deadline has passed",
			"list-size":       "1,297 of 1,297 PCNs have no weighted population",
			"deadline-passed": "The deadline has passed: the gap is measured on the latest data (30 November 2025)",
			"lead": "On 30 November 2025 England had 26,826.3 additional ARRS FTE, 103% of it; 570 PCNs, 24 of which made no return, " +
				"are below their fair share by list size, together 3,863.0 FTE short.",
			"no-return":  "24 of 1,297 had no rows in the census of November 2025: each counts 0 FTE",
			"trajectory": "Expected by the end of 2021/22: 15,500.0 FTE",
		}, 7, map[string]string{
			// From the data start the in-post line is the imported census (26,826.3, the
			// England page's figure; NHS England published 26,826.2); before it, the
			// published series, each labelled.
			"trajectory-2025-11-30": "Nov 2025|26,826.3|Census imported here (staff records)|26,826.3|",
			"trajectory-2024-03-31": "Mar 2024|24,340.5|NHS England's published series||Deadline: 26,000.0 FTE",
		}},
		// An as-of date before the data start: no census describes it. England's in post
		// is NHS England's published series, labelled; an ICB's figures are "no data"
		// with the census needed, never 0 (PLANNING.md, "Known and unknown").
		{"/gaps?as_of=2024-03-31", 200, map[string]string{
			"in-post-fte": "24,340.5 FTE (NHS England's published national series", "shortfall-fte": "No data",
			"pcns-short": "needs the census of March 2024",
		}, 7, nil},
		{"/gaps/icbs/QOC?as_of=2024-03-31", 200, map[string]string{
			"in-post-fte": "No data: the staff records start at the census of 30 November 2025; this needs the census of March 2024",
			"gap-fte":     "No data", "gap-U60057": "no data",
		}, 0, nil},
		{"/gaps?level=icb&sort=name", 200, map[string]string{"gap-QOC": "NHS Shropshire, Telford and Wrekin"}, 42, nil},
		// England's PCNs, 100 a page, filtered by region and ICB on the server; a page past
		// the last shows the last.
		{"/gaps?level=pcn", 200, map[string]string{"gap-showing": "Showing 1–100 of 1,297 PCNs", "download-csv": "CSV"}, 100, nil},
		{"/gaps?level=pcn&page=2", 200, map[string]string{"gap-showing": "Showing 101–200 of 1,297 PCNs"}, 100, nil},
		{"/gaps?level=pcn&page=99", 200, map[string]string{"gap-showing": "Showing 1,201–1,297 of 1,297 PCNs"}, 97, nil},
		{"/gaps?level=pcn&icb=qoc", 200, map[string]string{"gap-U60057": "SHREWSBURY PCN", "gap-showing": strconv.Itoa(qoc.PCNs) + " PCNs"}, qoc.PCNs, nil},
		{"/gaps?level=pcn&region=" + qoc.Region + "&icb=QOC", 200, map[string]string{"gap-U60057": "SHREWSBURY PCN"}, qoc.PCNs, nil},
		{"/gaps?level=pcn&region=Y56&icb=QOC", 200, map[string]string{"gap-none": "the chosen ICB is not in the chosen region"}, 0, nil},
		{"/gaps?level=pcn&icb=QZZ", 400, nil, 0, nil},
		{"/gaps?level=pcn&region=" + strings.Repeat("Y", 40), 400, nil, 0, nil},
		{"/gaps?level=pcn&page=0", 400, nil, 0, nil},
		{"/gaps?level=pcn&page=abc", 400, nil, 0, nil},
		// A later deadline: 26,826.3 ARRS FTE in post on 30 November 2025 (the England
		// page's figure), projected to 31 March 2027 less attrition.
		{"/gaps?deadline=2027-03-31", 200, map[string]string{
			"in-post-fte": "26,826.3", "projected-fte": planningFTE(res.England.ProjectedFTE), "gap-fte": planningFTE(res.England.GapFTE),
			"shortfall-fte": planningFTE(res.England.ShortfallFTE), "what-if-notice": "what-if", "trajectory-2027-03-31": planningFTE(res.England.ProjectedFTE),
		}, 7, nil},
		{"/gaps/icbs/QOC?deadline=2027-03-31", 200, map[string]string{
			"fair-share": planningFTE(qoc.TargetFTE), "in-post-fte": planningFTE(qoc.InPostFTE), "gap-U60057": "SHREWSBURY PCN",
			"list-size": "of the " + strconv.Itoa(qoc.PCNs) + " PCNs of NHS Shropshire, Telford and Wrekin",
		}, qoc.PCNs, nil},
		{"/gaps/icbs/qoc", 200, map[string]string{"target": "26,000"}, qoc.PCNs, nil},
		{"/pcns/U60057?deadline=2027-03-31", 200, map[string]string{
			"gap-fair-share": planningFTE(shrewsbury.TargetFTE), "gap-in-post": "49.0", "gap-gap": planningFTE(shrewsbury.GapFTE),
			"projection-2027-03-31": planningFTE(shrewsbury.ProjectedFTE), "gap-list-size": "registered list of",
		}, 0, nil},
		{"/gaps/icbs/XXX", 404, nil, 0, nil},
		{"/gaps/icbs/Q-C", 404, nil, 0, nil},
		{"/gaps?level=nation", 400, nil, 0, nil},
		{"/gaps?sort=salary", 400, nil, 0, nil},
		{"/gaps.csv?level=nation", 400, nil, 0, nil},
		{"/gaps/icbs/XXX.csv", 404, nil, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			t.Parallel()
			status, doc := gapPageDoc(t, s, c.path)
			if status != c.status {
				t.Fatalf("status %d, want %d", status, c.status)
			}
			for id, want := range c.want {
				if got := testID(doc, id); !strings.Contains(got, want) {
					t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, want)
				}
			}
			for id, want := range c.row {
				if got := gapCells(doc, id); strings.Join(got, "|") != want {
					t.Errorf("row %s = %q, want %q", id, strings.Join(got, "|"), want)
				}
			}
			if n := doc.Find("#gap-table tbody tr").Length(); c.rows != 0 && n != c.rows {
				t.Errorf("%d rows in the gap table, want %d", n, c.rows)
			}
			if status == 200 && doc.Find("h1").Length() != 1 {
				t.Errorf("want one h1, found %d", doc.Find("h1").Length())
			}
		})
	}
}

func planningFTE(v float64) string {
	// The pages' rounding (1 dp, thousands separated), written out for the test.
	s := strconv.FormatFloat(math.Abs(math.Round(v*10)/10), 'f', 1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if v < 0 {
		return "−" + whole + "." + frac
	}
	return whole + "." + frac
}

func TestGapTablesAreRankedAndSortable(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	_, doc := gapPageDoc(t, s, "/gaps/icbs/QOC?deadline=2027-03-31")
	var last float64 = math.Inf(1)
	doc.Find("#gap-table tbody tr").Each(func(_ int, tr *goquery.Selection) {
		v := pageNumber(t, tr.Find("td").Eq(5).Text()) // shortfall
		if v > last {
			t.Errorf("%s: shortfall %.1f after %.1f: not ranked", tr.AttrOr("data-testid", ""), v, last)
		}
		last = v
	})
	_, doc = gapPageDoc(t, s, "/gaps?level=icb&sort=name&dir=asc&deadline=2027-03-31")
	prev := ""
	doc.Find("#gap-table tbody tr th").Each(func(_ int, th *goquery.Selection) {
		name := strings.TrimSpace(th.Text())
		if name < prev {
			t.Errorf("%q after %q: not sorted by name", name, prev)
		}
		prev = name
	})
	if got := doc.Find(`#gap-table th[aria-sort="ascending"]`).Text(); !strings.Contains(got, "Name") {
		t.Errorf("sorted column header %q", got)
	}
}

// formURL submits a GET form as a browser would: every named input and select.
func formURL(t *testing.T, doc *goquery.Document, set map[string]string) string {
	t.Helper()
	form := doc.Find(`form[data-testid="what-if-form"]`)
	if form.Length() != 1 {
		t.Fatal("no what-if form")
	}
	q := url.Values{}
	form.Find("input[name], select[name]").Each(func(_ int, f *goquery.Selection) {
		name, _ := f.Attr("name")
		v := f.AttrOr("value", "")
		if goquery.NodeName(f) == "select" {
			v = f.Find("option[selected]").AttrOr("value", "")
		}
		q.Add(name, v)
	})
	for k, v := range set {
		q.Set(k, v)
	}
	return form.AttrOr("action", "") + "?" + q.Encode()
}

func TestGapWhatIfIsAShareableLink(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	_, doc := gapPageDoc(t, s, "/gaps?level=icb")
	link := formURL(t, doc, map[string]string{"target_fte": "30000", "deadline": "2027-03-31", "attrition": "12.5"})
	if !strings.Contains(link, "target_fte=30000") || !strings.Contains(link, "level=icb") {
		t.Fatalf("the form's link %q", link)
	}
	status, doc := gapPageDoc(t, s, link)
	if status != 200 {
		t.Fatalf("%s: %d", link, status)
	}
	if got := testID(doc, "target"); !strings.Contains(got, "30,000 additional FTE by 31 March 2027") {
		t.Errorf("target %q", got)
	}
	if doc.Find("#gap-table tbody tr").Length() != 42 {
		t.Error("the level was not kept")
	}
	// The page's own links keep the what-if: sort, level, downloads, ICB rows.
	checked := 0
	doc.Find("main a[href]").Each(func(_ int, a *goquery.Selection) {
		href := a.AttrOr("href", "")
		if a.AttrOr("data-testid", "") == "clear-what-if" {
			return
		}
		if !strings.HasPrefix(href, "/gaps") && !strings.HasPrefix(href, "/pcns/") {
			return
		}
		checked++
		if !strings.Contains(href, "target_fte=30000") || !strings.Contains(href, "deadline=2027-03-31") || !strings.Contains(href, "attrition=12.5") {
			t.Errorf("link %q drops the what-if", href)
		}
	})
	if checked < 42+10 {
		t.Errorf("only %d links checked", checked)
	}
	// An ICB's page and a PCN's panel follow it.
	icb := doc.Find(`tr[data-testid="gap-QOC"] a`).AttrOr("href", "")
	if _, d := gapPageDoc(t, s, icb); !strings.Contains(testID(d, "target"), "30,000") {
		t.Errorf("%s: target %q", icb, testID(d, "target"))
	}
	_, d := gapPageDoc(t, s, "/pcns/U60057?target_fte=30000&deadline=2027-03-31&attrition=12.5")
	if !strings.Contains(testID(d, "gap-fair-share"), "of 30,000 by 31 March 2027") || testID(d, "gap-what-if") == "" {
		t.Errorf("PCN panel %q", testID(d, "gap-fair-share"))
	}
	// The same what-if computed directly.
	fte, rate, deadline := 30000.0, 0.125, workforce.Date(2027, 3, 31)
	res := gapCompute(t, s, gaps.Options{TargetFTEOverride: &fte, AttritionOverride: &rate, DeadlineOverride: &deadline})
	if got := testID(doc, "projected-fte"); !strings.Contains(got, planningFTE(res.England.ProjectedFTE)) {
		t.Errorf("projected %q, want %s", got, planningFTE(res.England.ProjectedFTE))
	}
}

func TestGapWhatIfErrors(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	bad := url.Values{"target_fte": {"lots"}, "attrition": {"150"}, "deadline": {"next year"}, "as_of": {"31/11/2025"}, "target": {"Nope"}}
	for _, path := range []string{"/gaps", "/gaps/icbs/QOC"} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			status, doc := gapPageDoc(t, s, path+"?level=icb&"+bad.Encode())
			if status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", status)
			}
			if title := doc.Find("title").Text(); !strings.HasPrefix(title, "Error: ") {
				t.Errorf("title %q", title)
			}
			if n := doc.Find(".nhsuk-error-summary__list li").Length(); n != 5 {
				t.Errorf("%d errors in the summary, want 5", n)
			}
			for field, v := range map[string]string{"target_fte": "lots", "attrition": "150", "deadline": "next year", "as_of": "31/11/2025"} {
				in := doc.Find("input#" + field)
				if in.AttrOr("value", "") != v {
					t.Errorf("%s: value %q, want the input kept", field, in.AttrOr("value", ""))
				}
				if doc.Find("#"+field+"-error").Length() != 1 {
					t.Errorf("%s: no field message", field)
				}
			}
			if doc.Find("#gap-table").Length() != 0 {
				t.Error("figures shown for a what-if in error")
			}
		})
	}
	for _, path := range []string{"/gaps.csv?attrition=150", "/gaps/icbs/QOC.xlsx?target_fte=-1", "/pcns/U60057?deadline=soon"} {
		if rec := gapFetch(s, path); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", path, rec.Code)
		}
	}
	// A deadline on the baseline date is refused with the target's baseline named.
	_, doc := gapPageDoc(t, s, "/gaps?deadline=2019-03-31")
	if got := doc.Find("#deadline-error").Text(); !strings.Contains(got, "after the target's baseline date, 31 March 2019") {
		t.Errorf("deadline message %q", got)
	}
}

// gapHeader is PLANNING.md's gap report header.
const gapHeader = "level,code,name,weighted_population,target_fte,baseline_fte,in_post_fte,projected_fte,additional_fte,gap_fte,shortfall_fte,pcns_short,no_return"

func TestGapDownloads(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	rec := gapFetch(s, "/gaps.csv?level=icb&deadline=2027-03-31")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("%d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if got := rec.Header().Get("Content-Disposition"); got != `attachment; filename=arrs-gaps-icb-2025-11-30-what-if.csv` {
		t.Errorf("Content-Disposition %q", got)
	}
	recs, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != gapHeader || len(recs) != 43 {
		t.Fatalf("header %q, %d lines", strings.Join(recs[0], ","), len(recs))
	}
	x := gapFetch(s, "/gaps.xlsx?level=icb&deadline=2027-03-31")
	if x.Header().Get("Content-Type") != xlsxType || !strings.Contains(x.Header().Get("Content-Disposition"), "arrs-gaps-icb-2025-11-30-what-if.xlsx") {
		t.Errorf("xlsx headers %v", x.Header())
	}
	sameAsCSV(t, x.Body.Bytes(), recs)

	icb := gapFetch(s, "/gaps/icbs/QOC.csv")
	recs, _ = csv.NewReader(icb.Body).ReadAll()
	if icb.Code != 200 || len(recs) < 2 || recs[1][0] != "pcn" || !strings.Contains(icb.Header().Get("Content-Disposition"), "arrs-gaps-icb-QOC-pcns-2025-11-30.csv") {
		t.Errorf("ICB download: %d, %d lines, %v", icb.Code, len(recs), icb.Header())
	}
	sameAsCSV(t, gapFetch(s, "/gaps/icbs/QOC.xlsx").Body.Bytes(), recs)
}

// sameAsCSV opens a workbook and checks it holds the CSV's cells, numbers as numbers.
func sameAsCSV(t *testing.T, data []byte, recs [][]string) {
	t.Helper()
	book := sheettest.Open(t, data)
	rows := book.Rows("Gaps")
	if len(rows) != len(recs) {
		t.Fatalf("%d rows in the workbook, %d in the CSV", len(rows), len(recs))
	}
	for i := range recs {
		for j, want := range recs[i] {
			got := rows[i][j]
			if i > 0 && j > 2 {
				a, _ := strconv.ParseFloat(got, 64)
				b, _ := strconv.ParseFloat(want, 64)
				if a != b {
					t.Errorf("row %d %s: %s in the workbook, %s in the CSV", i, recs[0][j], got, want)
				}
				if !book.IsNumber("Gaps", sheettest.CellName(j, i)) {
					t.Errorf("row %d %s is not a number (%q)", i, recs[0][j], got)
				}
				continue
			}
			if got != want {
				t.Errorf("row %d %s: %q in the workbook, %q in the CSV", i, recs[0][j], got, want)
			}
		}
	}
}

func TestGapDownloadsEscapeFormulas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	var code string
	if err := db.QueryRowForTest(ctx, `UPDATE pcns SET name = '=cmd|'' /C calc''!A0' WHERE code = 'U60057' RETURNING code`, &code); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowForTest(ctx, `UPDATE icbs SET name = '@SUM(1+1)' WHERE code = 'QOC' RETURNING code`, &code); err != nil {
		t.Fatal(err)
	}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return fixedNow }

	rec := gapFetch(s, "/gaps/icbs/QOC.csv")
	if !strings.Contains(rec.Body.String(), `pcn,U60057,'=cmd|' /C calc'!A0,`) {
		t.Errorf("the PCN name is not escaped:\n%s", rec.Body.String())
	}
	rec = gapFetch(s, "/gaps.csv?level=icb")
	if !strings.Contains(rec.Body.String(), "icb,QOC,'@SUM(1+1),") {
		t.Errorf("the ICB name is not escaped:\n%s", rec.Body.String())
	}
	wb := sheettest.Open(t, gapFetch(s, "/gaps/icbs/QOC.xlsx").Body.Bytes())
	rows := wb.FormattedRows("Gaps")
	found := false
	for _, r := range rows {
		found = found || (len(r) > 2 && r[1] == "U60057" && r[2] == "'=cmd|' /C calc'!A0")
	}
	if !found {
		t.Error("the PCN name is not escaped in the workbook")
	}
	if formula := wb.Formula("Gaps", "C2"); formula != "" {
		t.Errorf("a formula in the workbook: %q", formula)
	}
}

// The command line's report and the web show the same numbers: the rows `arrs report
// gaps --format csv` writes (gaps.Compute then report.WriteGaps, as cmd/arrs does)
// are the rows of /gaps.csv at every level, and the pages' figures are those rows
// rounded to 1 decimal place.
func TestCLIReportAndWebAgree(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	later := workforce.Date(2027, 3, 31)
	for _, whatIf := range []struct {
		query string
		opts  gaps.Options
	}{{"", gaps.Options{}}, {"deadline=2027-03-31", gaps.Options{DeadlineOverride: &later}}} {
		res := gapCompute(t, s, whatIf.opts)
		for _, level := range []workforce.Level{workforce.LevelEngland, workforce.LevelRegion, workforce.LevelICB, workforce.LevelPCN} {
			var cli bytes.Buffer
			if err := report.WriteGaps(&cli, report.CSV, report.GapRows(res.Rows(level), res.Name)); err != nil {
				t.Fatal(err)
			}
			web := gapFetch(s, "/gaps.csv?level="+string(level)+"&"+whatIf.query).Body.String()
			if web != cli.String() {
				t.Errorf("level %s, %q: the download differs from the report", level, whatIf.query)
			}
			if level != workforce.LevelEngland {
				agreeOnPage(t, s, "/gaps?level="+string(level)+"&"+whatIf.query, cli.String(), "gap-")
			}
		}
	}
	// The ICB page's table and its download.
	res := gapCompute(t, s, gaps.Options{DeadlineOverride: &later})
	var pcns []planning.Gap
	for _, g := range res.PCNs {
		if g.ICB == "QOC" {
			pcns = append(pcns, g)
		}
	}
	var cli bytes.Buffer
	_ = report.WriteGaps(&cli, report.CSV, report.GapRows(pcns, res.Name))
	if web := gapFetch(s, "/gaps/icbs/QOC.csv?deadline=2027-03-31").Body.String(); web != cli.String() {
		t.Error("the ICB download differs from the report")
	}
	agreeOnPage(t, s, "/gaps/icbs/QOC?deadline=2027-03-31", cli.String(), "gap-")
}

// agreeOnPage checks the table rows of a page against the report's CSV rows: every
// FTE the page shows is the CSV's (2 dp) within the rounding to 1 dp.
func agreeOnPage(t *testing.T, s *Server, path, report, prefix string) {
	t.Helper()
	recs, _ := csv.NewReader(strings.NewReader(report)).ReadAll()
	_, doc := gapPageDoc(t, s, path)
	// England's PCN table is paged (100 a page): every page, by its next links.
	docs := []*goquery.Document{doc}
	for next, ok := doc.Find(`nav[data-testid="gap-pages"] a[rel="next"]`).Attr("href"); ok; {
		next, _, _ = strings.Cut(next, "#")
		_, d := gapPageDoc(t, s, next)
		docs = append(docs, d)
		next, ok = d.Find(`nav[data-testid="gap-pages"] a[rel="next"]`).Attr("href")
	}
	header := doc.Find("#gap-table thead th")
	column := map[string]int{}
	header.Each(func(i int, th *goquery.Selection) { column[strings.TrimSpace(th.Text())] = i })
	fields := map[string]string{"Fair share, FTE": "target_fte", "In post, FTE": "in_post_fte", "Projected, FTE": "projected_fte",
		"Additional, FTE": "additional_fte", "Gap, FTE": "gap_fte", "Shortfall, FTE": "shortfall_fte"}
	index := map[string]int{}
	for i, h := range recs[0] {
		index[h] = i
	}
	checked := 0
	for _, rec := range recs[1:] {
		var row []string
		for _, d := range docs {
			if row = gapCells(d, prefix+rec[1]); len(row) > 0 {
				break
			}
		}
		if len(row) == 0 {
			t.Errorf("%s: no row for %s", path, rec[1])
			continue
		}
		// A PCN that made no return is flagged beside its name (PLANNING.md, "No return").
		name := rec[2]
		if rec[0] == "pcn" && rec[index["no_return"]] == "1" {
			name += " No return"
		}
		if row[0] != name {
			t.Errorf("%s %s: name %q, report %q", path, rec[1], row[0], name)
		}
		for title, field := range fields {
			col, ok := column[title]
			if !ok {
				continue
			}
			want, _ := strconv.ParseFloat(rec[index[field]], 64)
			if got := pageNumber(t, row[col]); math.Abs(got-want) > 0.0501 {
				t.Errorf("%s %s %s: page %v, report %v", path, rec[1], field, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Errorf("%s: nothing compared", path)
	}
}

// The what-if form's fields are the parameters gaps.ReadWhatIf reads, in its order: a
// field it did not know would be dropped without a word.
func TestWhatIfFieldsAreTheParameters(t *testing.T) {
	t.Parallel()
	if !slices.Equal(gapsweb.WhatIfFields, gaps.WhatIfParams) {
		t.Errorf("the form's fields %v, the what-if's parameters %v", gapsweb.WhatIfFields, gaps.WhatIfParams)
	}
}

// An as-of date is bounded to the days a page can describe, as ?at= is: on a gap page
// a field message naming the limit (422), elsewhere a 400; nothing is computed.
func TestAsOfIsBoundedToTheDescribableDays(t *testing.T) {
	t.Parallel()
	s := gapServer(t) // today 1 February 2026: the plan window ends on 31 March 2028
	for _, path := range []string{"/gaps?as_of=2019-06-30", "/gaps/icbs/QOC?as_of=2028-04-01"} {
		status, doc := gapPageDoc(t, s, path)
		if status != http.StatusUnprocessableEntity || doc.Find("#gap-table").Length() != 0 {
			t.Errorf("%s: status %d, want 422 and no figures", path, status)
		}
		if got := doc.Find("#as_of-error").Text(); !strings.Contains(got, "from 1 July 2019 to 31 March 2028") {
			t.Errorf("%s: as-of message %q", path, got)
		}
	}
	if status, _ := gapPageDoc(t, s, "/gaps?as_of=2028-03-31"); status != http.StatusOK {
		t.Errorf("the last describable day: status %d", status)
	}
	for path, limit := range map[string]string{
		"/gaps.csv?as_of=2019-06-30": "1 July 2019", "/pcns/U60057?as_of=2100-01-01": "31 March 2028",
		"/pcns/U60057/supervision?as_of=2019-06-30": "1 July 2019", "/pcns/U60057/supervision?at=2028-04-01": "31 March 2028",
		"/pcns/U60057/sites?as_of=2100-01-01": "31 March 2028",
	} {
		if rec := gapFetch(s, path); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), limit) {
			t.Errorf("%s: %d, want 400 naming %s", path, rec.Code, limit)
		}
	}
}
