package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// consistencyAdmin may open every page of every PCN, the dashboards included.
var consistencyAdmin = &auth.User{ID: -2, Name: "Consistency admin", Active: true, Grants: []auth.Grant{{Role: auth.Admin}}}

// TestOneGapFigureEverywhere is issue 11's proof of "one target, one as-of date, one
// at" (PLANNING.md, "Where the gap is measured"): for every PCN of the demo ICB
// (QOC, Shropshire, Telford and Wrekin) on the November 2025 census, the gap of
// `arrs report gaps --icb QOC` (gaps.Compute then report.WriteGaps, as cmd/arrs
// runs it), both downloads, the ICB's gap page, the PCN page's panel, the dashboard
// and the ICB comparison are the one official figure. Files carry 2 decimals and must
// be within 0.005 FTE of it; pages carry 1 and must show it rounded, and the gap the
// dashboard and comparison imply (fair share − (in post − baseline)) must be within
// their rounding of it.
func TestOneGapFigureEverywhere(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	res := gapCompute(t, s, gaps.Options{})
	pcns, ok := res.PCNsOfICB("QOC")
	if !ok || len(pcns) != 9 {
		t.Fatalf("QOC has %d PCNs in the report, want 9", len(pcns))
	}
	var cli bytes.Buffer
	if err := report.WriteGaps(&cli, report.CSV, report.GapRows(pcns, res.Name)); err != nil {
		t.Fatal(err)
	}
	files := map[string]map[string]map[string]string{
		"arrs report gaps --icb QOC": csvRows(t, cli.String()),
		"/gaps/icbs/QOC.csv":         csvRows(t, consistencyGet(t, s, "/gaps/icbs/QOC.csv").Body.String()),
		"/gaps.csv?level=pcn":        csvRows(t, consistencyGet(t, s, "/gaps.csv?level=pcn").Body.String()),
	}
	icbPage, compare := consistencyDoc(t, s, "/gaps/icbs/QOC"), consistencyDoc(t, s, "/icbs/QOC/compare")
	gapColumn := headerIndex(icbPage, "Gap, FTE")
	for _, g := range pcns {
		official := g.GapFTE
		for name, rows := range files {
			if got := parseFTE(t, rows[g.Code]["gap_fte"]); math.Abs(got-official) > 0.005 {
				t.Errorf("%s %s: gap %v, official %v", name, g.Code, got, official)
			}
		}
		page := workforce.FormatFTE(official, 1)
		if cells := gapCells(icbPage, "gap-"+g.Code); len(cells) <= gapColumn || numberText(cells[gapColumn]) != page {
			t.Errorf("ICB gap page %s: %v, want gap %s", g.Code, cells, page)
		}
		overview := consistencyDoc(t, s, "/pcns/"+g.Code)
		if got := firstWord(numberText(summaryValue(overview, "gap-gap"))); got != page {
			t.Errorf("PCN page %s: gap %q, want %s", g.Code, got, page)
		}
		dash := consistencyDoc(t, s, "/pcns/"+g.Code+"/dashboard")
		fair := strings.Fields(testText(dash, "dash-fair-share"))
		if len(fair) < 8 {
			t.Fatalf("dashboard %s: fair share %q", g.Code, fair)
		}
		share, baseline := parseFTE(t, fair[0]), parseFTE(t, strings.TrimSuffix(fair[7], ":"))
		inPost := parseFTE(t, testText(dash, "dash-in-post"))
		if implied := share - (inPost - baseline); math.Abs(implied-official) > 0.15 {
			t.Errorf("dashboard %s: fair share %v, in post %v, baseline %v imply gap %v, official %v", g.Code, share, inPost, baseline, implied, official)
		}
		if fair[0] != workforce.FormatFTE(g.TargetFTE, 1) || testText(dash, "dash-in-post") != workforce.FormatFTE(g.InPostFTE, 1) {
			t.Errorf("dashboard %s: share %s in post %s, official %v and %v", g.Code, fair[0], testText(dash, "dash-in-post"), g.TargetFTE, g.InPostFTE)
		}
		if got := testText(compare, "cmp-"+g.Code+"-fte"); got != workforce.FormatFTE(g.InPostFTE, 1) {
			t.Errorf("comparison %s: in post %q, official %v", g.Code, got, g.InPostFTE)
		}
		reached := strings.TrimSuffix(firstWord(testText(compare, "cmp-"+g.Code+"-reached")), "%")
		if want := 100 * g.AdditionalFTE / g.TargetFTE; math.Abs(parseFTE(t, reached)-want) > 0.51 {
			t.Errorf("comparison %s: reached %s%%, official %.2f%% (gap %v)", g.Code, reached, want, official)
		}
	}
}

// consistencyGet requests a path as the consistency admin.
func consistencyGet(t *testing.T, s *Server, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req = req.WithContext(context.WithValue(req.Context(), userKey{}, consistencyAdmin))
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: status %d", path, rec.Code)
	}
	return rec
}

// consistencyDoc requests and parses a page as the consistency admin.
func consistencyDoc(t *testing.T, s *Server, path string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(consistencyGet(t, s, path).Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// csvRows indexes a gap CSV's rows by code, each by column name.
func csvRows(t *testing.T, data string) map[string]map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("a gap CSV: %v (%d records)", err, len(recs))
	}
	out := make(map[string]map[string]string, len(recs)-1)
	for _, r := range recs[1:] {
		row := make(map[string]string, len(r))
		for i, h := range recs[0] {
			row[h] = r[i]
		}
		out[row["code"]] = row
	}
	return out
}

// headerIndex is the column of the page's gap table headed title.
func headerIndex(doc *goquery.Document, title string) int {
	col := -1
	doc.Find("#gap-table thead th").Each(func(i int, th *goquery.Selection) {
		if strings.TrimSpace(th.Text()) == title {
			col = i
		}
	})
	return col
}

// summaryValue is the value of the summary list row with the test id.
func summaryValue(doc *goquery.Document, id string) string {
	return strings.Join(strings.Fields(doc.Find(`[data-testid="`+id+`"] .nhsuk-summary-list__value`).Text()), " ")
}

// testText is the squeezed text of the element with the test id.
func testText(doc *goquery.Document, id string) string {
	return strings.Join(strings.Fields(doc.Find(`[data-testid="`+id+`"]`).First().Text()), " ")
}

// numberText writes a page figure as FormatFTE does: no separators, an ASCII minus.
func numberText(s string) string {
	return strings.NewReplacer(",", "", "−", "-").Replace(s)
}

// parseFTE reads a figure of a file or page ("1,234.5", "−6.1").
func parseFTE(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(numberText(strings.TrimSpace(s)), 64)
	if err != nil {
		t.Fatalf("%q is not a figure", s)
	}
	return v
}
