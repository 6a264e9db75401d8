package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/compare"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"

	needweb "github.com/arrs-planner/arrs/web/need"
)

// newCompareNeedEnv is the comparison's scenario (addDashScenario, to be added) with
// two of the demo ICB's (QOC) networks given one member practice each on the extract
// of 1 November 2025, whatever the reference data holds: U60057 an old one (ZZ0001:
// 30,000 men aged 75 to 79, 30,000 women aged 80 to 84, 15,000 men aged 25 to 29; IMD
// 40) and U79722 a young one (ZZ0002: 20,000 men aged 25 to 29, 20,000 women aged 20
// to 24; IMD 10), lists near the scenario's weighted populations (100,000 and 50,000)
// as an import of them requires. Every other PCN has no member practice on the day:
// its need is its own registered list and its denominator list (docs/need.md). So
// U60057's need is above its list of 75,000 and U79722's below its 40,000.
func newCompareNeedEnv(t *testing.T) *capEnv {
	t.Helper()
	db, dbURL := dbtest.NewWithURL(t)
	ownerExec(t, dbURL, `
		DELETE FROM practice_patients WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code IN ('U60057', 'U79722'));
		DELETE FROM practice_deprivation WHERE practice_code IN (SELECT practice_code FROM practice_spans WHERE pcn_code IN ('U60057', 'U79722'));
		DELETE FROM practice_spans WHERE pcn_code IN ('U60057', 'U79722');
		INSERT INTO practices (code, name, postcode) VALUES ('ZZ0001', 'ABBEY SURGERY', 'SY1 1AA'), ('ZZ0002', 'BROOK SURGERY', 'SY2 2BB');
		INSERT INTO practice_spans (practice_code, pcn_code, sub_icb_code, icb_code, valid_from)
		SELECT x.code, x.pcn, s.sub_icb_code, s.icb_code, date '2019-07-01'
		FROM (VALUES ('ZZ0001', 'U60057'), ('ZZ0002', 'U79722')) AS x(code, pcn)
		CROSS JOIN LATERAL (SELECT sub_icb_code, icb_code FROM sub_icb_spans
		                    WHERE icb_code = 'QOC' AND valid_to IS NULL ORDER BY 1 LIMIT 1) s;
		INSERT INTO practice_patients (practice_code, extract, sex, age_band, patients) VALUES
			('ZZ0001', '2025-11-01', 'ALL', 'ALL', 75000), ('ZZ0001', '2025-11-01', 'MALE', '75_79', 30000),
			('ZZ0001', '2025-11-01', 'FEMALE', '80_84', 30000), ('ZZ0001', '2025-11-01', 'MALE', '25_29', 15000),
			('ZZ0002', '2025-11-01', 'ALL', 'ALL', 40000), ('ZZ0002', '2025-11-01', 'MALE', '25_29', 20000),
			('ZZ0002', '2025-11-01', 'FEMALE', '20_24', 20000);
		INSERT INTO practice_deprivation (practice_code, year, score, source) VALUES
			('ZZ0001', 2019, 40, 'test'), ('ZZ0002', 2019, 10, 'test')`)
	addPersonas(t, db)
	s, ts := newTestServer(t, db)
	s.now = func() time.Time { return capNow }
	return &capEnv{t: t, db: db, s: s, ts: ts, clients: map[string]*http.Client{}}
}

// The demo ICB's comparison on need: every network's need-adjusted population,
// expected FTE, ratio and flag are its line of the need report (the one /need and
// `arrs report need` write), and its FTE per 10,000 is FTE × 10,000 ÷ need, or ÷ its
// list where it has no age data (marked); ?denominator=list divides every rate by the
// registered list and says so; anything else is a 400. The funnel follows the table,
// with England's PCNs beyond the 99.8% limits counted and /need linked.
func TestCompareOnNeed(t *testing.T) {
	t.Parallel()
	e := newCompareNeedEnv(t)
	addDashScenario(t, e)
	rep, err := needreport.Compute(context.Background(), e.db, needreport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old, young := rep.Need.PCNs["U60057"], rep.Need.PCNs["U79722"]
	if !(old.Need > old.Registered && young.Need < young.Registered && old.Registered == 75000) {
		t.Fatalf("the fixture: U60057 %+v, U79722 %+v", old, young)
	}
	status, doc := e.get("lead", "/icbs/QOC/compare")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	rows, noReturn := 0, 0
	for _, r := range rep.PCNs {
		if r.ICB != "QOC" {
			continue
		}
		rows++
		id := "cmp-" + r.Code
		ratio := ui.NoData
		if r.Known && r.HasRatio {
			ratio = ui.Decimal(r.Ratio, 2)
		}
		want := map[string]string{id + "-need": ui.Count(int(r.Need + 0.5)), id + "-expected": ui.FTE(r.Expected), id + "-ratio": ratio,
			id + "-ratio-flag": map[need.Flag]string{need.FlagBelow: "Below the 99.8% limits", need.FlagAbove: "Above the 99.8% limits",
				need.FlagWithin: "Within the 99.8% limits"}[compare.FlagOf(r)]}
		for tid, w := range want {
			if got := testID(doc, tid); got != w {
				t.Errorf("%s = %q, want %q (the need report's)", tid, got, w)
			}
		}
		if r.NoReturn {
			noReturn++
		}
		if got := testID(doc, id+"-ratio-no-return"); (got == "No return (counted as 0)") != (r.NoReturn && r.HasRatio) {
			t.Errorf("%s (no return %v): %q", r.Code, r.NoReturn, got)
		}
		if onList := capHas(doc, id+"-per10k-list"); onList != (r.Denominator == "list") {
			t.Errorf("%s: marked on its list %v, its denominator %s", r.Code, onList, r.Denominator)
		}
	}
	if rows != 9 || noReturn == 0 || noReturn == rows {
		t.Errorf("%d QOC PCNs in the need report, want 9, %d of them with no return (want some)", rows, noReturn)
	}
	per10k := func(fte, of float64) string { return ui.Decimal(fte*10000/of, 2) }
	if got, want := testID(doc, "cmp-U60057-per10k"), per10k(3.0, old.Need); got != want || want == per10k(3.0, old.Registered) {
		t.Errorf("U60057 per 10,000 on need %q, want %q (3.0 × 10,000 ÷ %.2f)", got, want, old.Need)
	}
	if !strings.Contains(testID(doc, "need-source"), "need-adjusted population") || doc.Find(`strong[data-testid="cmp-denominator-need"]`).Length() != 1 ||
		!strings.Contains(doc.Find("#cmp-deciles-per10k caption").Text(), "need-adjusted patients") {
		t.Error("the page does not say its rates are on need")
	}
	outliers := testID(doc, "cmp-outliers")
	if !capHas(doc, "cmp-funnel-plot") || !strings.Contains(outliers, "limits: "+ui.Count(len(rep.Outliers()))+" —") ||
		doc.Find(`[data-testid="cmp-outliers"] a[href="/need?icb=QOC"]`).Length() != 1 {
		t.Errorf("the funnel: plot %v, outliers %q", capHas(doc, "cmp-funnel-plot"), outliers)
	}
	if h := doc.Find(`#cmp-funnel-heading`).Text(); !strings.Contains(h, "NHS Shropshire, Telford and Wrekin Integrated Care Board's PCNs") {
		t.Errorf("the funnel's heading %q", h)
	}

	_, list := e.get("lead", "/icbs/QOC/compare?denominator=list&sort=ratio")
	if got, want := testID(list, "cmp-U60057-per10k"), per10k(3.0, 75000); got != want || capHas(list, "cmp-U13205-per10k-list") {
		t.Errorf("U60057 per 10,000 on its list %q, want %q", got, want)
	}
	if !strings.Contains(testID(list, "need-source"), "registered list size") || list.Find(`strong[data-testid="cmp-denominator-list"]`).Length() != 1 ||
		!strings.Contains(list.Find("#cmp-deciles-per10k caption").Text(), "registered patients") {
		t.Error("the page does not say its rates are on the registered list")
	}
	if intro := testID(list, "cmp-intro"); !strings.Contains(intro, "per 10,000 registered patients") || strings.Contains(intro, "need-adjusted population and its fair share") {
		t.Errorf("the opening on the list says %q", intro)
	}
	_, current := e.get("lead", "/icbs/QOC/compare?footprints=current")
	if href := current.Find(`[data-testid="cmp-need-link"]`).AttrOr("href", ""); href != "/need?footprints=current&icb=QOC" {
		t.Errorf("England's funnel on today's footprints: %q", href)
	}
	if href := list.Find(`[data-testid="cmp-denominator-need"]`).AttrOr("href", ""); href != "/icbs/QOC/compare?sort=ratio" {
		t.Errorf("the link back to need %q", href)
	}
	for _, sel := range []string{`[data-testid="download-csv"]`, `#compare th a`} {
		if href := list.Find(sel).First().AttrOr("href", ""); !strings.Contains(href, "denominator=list") {
			t.Errorf("%s keeps no denominator: %q", sel, href)
		}
	}
	for _, q := range []string{"?denominator=weighted", "?denominator=LIST", "?page=0", "?page=x"} {
		if status, _ := e.get("lead", "/icbs/QOC/compare"+q); status != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, status)
		}
		if res, err := e.as("lead").Get(e.ts.URL + "/icbs/QOC/compare.csv" + q); q[1] == 'd' && (err != nil || res.StatusCode != http.StatusBadRequest) {
			t.Errorf("the CSV %s: %v", q, res.StatusCode)
		}
	}
}

// Sorted by ratio, the table follows the need report's ratios; the networks with none
// sort below every value.
func TestCompareSortByRatio(t *testing.T) {
	t.Parallel()
	e := newCompareNeedEnv(t)
	addDashScenario(t, e)
	_, doc := e.get("lead", "/icbs/QOC/compare?sort=ratio&dir=desc")
	last := math.Inf(1)
	doc.Find("#compare tbody tr").Each(func(_ int, r *goquery.Selection) {
		code := strings.TrimPrefix(r.AttrOr("data-testid", ""), "cmp-")
		v := math.Inf(-1)
		if text := testID(doc, "cmp-"+code+"-ratio"); text != ui.NoData {
			var err error
			if v, err = strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64); err != nil {
				t.Errorf("%s's ratio %q", code, text)
			}
		}
		if v > last {
			t.Errorf("%s's ratio %v after %v", code, v, last)
		}
		last = v
	})
}

// The comparison's file on need: the denominator of each rate, and the need report's
// registered patients, need, expected FTE, ratio, 99.8% limits and flag, as the need
// report writes them; on the list with ?denominator=list.
func TestCompareDownloadOnNeed(t *testing.T) {
	t.Parallel()
	e := newCompareNeedEnv(t)
	addDashScenario(t, e)
	rep, err := needreport.Compute(context.Background(), e.db, needreport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	line, _ := rep.PCN("U60057")
	for q, want := range map[string]map[string]string{
		"":                  {"denominator": "need", "arrs_fte_per_10k": workforce.FormatFTE(3.0*10000/line.Need, 2)},
		"?denominator=list": {"denominator": "list", "arrs_fte_per_10k": workforce.FormatFTE(3.0*10000/75000, 2)},
	} {
		_, body := capDownload(t, e, "/icbs/QOC/compare.csv"+q)
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if h := strings.Join(recs[0], ","); !strings.Contains(h, ",per_10k_england_decile,denominator,registered_patients,need_population,expected_fte,ratio,lower_998,upper_998,flag_998,fair_share_fte,") {
			t.Errorf("header %s", h)
		}
		want["registered_patients"], want["need_population"] = "75000", workforce.FormatFTE(line.Need, 2)
		want["expected_fte"], want["ratio"] = workforce.FormatFTE(line.Expected, 2), workforce.FormatFTE(line.Ratio, 4)
		want["lower_998"], want["upper_998"] = workforce.FormatFTE(line.Limits.Lower998, 4), workforce.FormatFTE(line.Limits.Upper998, 4)
		want["flag_998"] = string(compare.FlagOf(line))
		for _, rec := range recs[1:] {
			if rec[0] != "U60057" {
				continue
			}
			for i, col := range recs[0] {
				if w, ok := want[col]; ok && rec[i] != w {
					t.Errorf("%s U60057 %s = %q, want %q", q, col, rec[i], w)
				}
			}
		}
	}
}

// The funnel table's page links keep the comparison's sort, as its other links keep the
// as-of date, footprints and denominator; each order is drawn once and kept.
func TestCompareFunnelPagesKeepSort(t *testing.T) {
	t.Parallel()
	f := &needweb.Funnel{ID: "cmp-funnel-plot", TableCaption: "The ICB's PCNs"}
	for i := range 120 {
		f.Points = append(f.Points, needweb.FunnelPoint{Code: fmt.Sprintf("U%05d", i), Name: fmt.Sprint(i), Expected: 10, Observed: 10,
			HasRatio: true, Ratio: 1, Limits: need.FunnelLimits(10), Highlight: true})
	}
	c := &compareData{funnel: f}
	r := httptest.NewRequest(http.MethodGet, "/icbs/QOC/compare?sort=ratio&dir=desc&denominator=list&page=2", nil)
	chart, err := c.chart(r, 2)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := chart.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	next := doc.Find(`[data-testid="cmp-funnel-plot-table-pages"] a[rel="next"]`).AttrOr("href", "")
	if next != "/icbs/QOC/compare?denominator=list&dir=desc&page=3&sort=ratio#cmp-funnel-plot-table" {
		t.Errorf("next page %q", next)
	}
	r = httptest.NewRequest(http.MethodGet, "/icbs/QOC/compare?page=2", nil)
	if _, err := c.chart(r, 2); err != nil || len(c.charts.html) != 2 {
		t.Errorf("%d drawings kept for two orders: %v", len(c.charts.html), err)
	}
}
