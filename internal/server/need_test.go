package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/report"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// needServer is a server at fixedNow on the reference data and, with workforce, the
// sample census (22 PCNs of QOC and QSL, November 2025; every other PCN made no return
// and counts 0).
func needServer(t *testing.T, workforce bool) (*Server, *store.DB) {
	t.Helper()
	db := dbtest.New(t)
	if workforce {
		f, err := refdata.Open(refdata.SampleWorkforceFile)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := ingest.NWRS(context.Background(), db, "sample.csv", f, store.Actor{Name: "test"}, nil, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return fixedNow }
	return s, db
}

// needReportOf is the report the page and the files should show: every level on the
// latest census.
func needReportOf(t *testing.T, db *store.DB) *needreport.Report {
	t.Helper()
	rep, err := needreport.Compute(context.Background(), db, needreport.Options{Level: workforce.LevelPCN})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestNeedPage(t *testing.T) {
	t.Parallel()
	s, db := needServer(t, true)
	rep := needReportOf(t, db)
	code, doc := gapPageDoc(t, s, "/need")
	if code != http.StatusOK {
		t.Fatalf("/need: %d", code)
	}
	if h := strings.TrimSpace(doc.Find("h1").Text()); h != "Staffing against need: England" {
		t.Errorf("h1 %q", h)
	}
	if !strings.Contains(doc.Find("title").First().Text(), "Staffing against need: England") {
		t.Errorf("title %q", doc.Find("title").First().Text())
	}
	wide := doc.Find("svg.app-chart--wide")
	if wide.Find("title").First().Text() == "" || wide.Find("desc").Text() == "" {
		t.Error("the plot has no title or description")
	}
	// Every PCN with an expected FTE is a dot; none is highlighted.
	placed, outliers := 0, rep.Outliers()
	for _, r := range rep.PCNs {
		if r.HasRatio {
			placed++
		}
	}
	dots, _ := wide.Find(`[data-testid="funnel-dots"]`).Attr("d")
	if n := strings.Count(dots, "h0"); n != placed || placed == 0 {
		t.Errorf("%d dots, want %d", n, placed)
	}
	if n := wide.Find(`[data-testid="funnel-highlight"]`).Length(); n != 0 {
		t.Errorf("%d highlighted with no ?icb=", n)
	}
	// The table's first page: 50 of every PCN; the outliers as needreport lists them.
	if n := doc.Find(`#need-funnel-table tbody tr`).Length(); n != min(50, len(rep.PCNs)) {
		t.Errorf("%d rows in the table", n)
	}
	rows := doc.Find(`#need-outliers tbody tr`)
	if len(outliers) == 0 || rows.Length() != min(50, len(outliers)) {
		t.Fatalf("%d outlier rows, %d outliers", rows.Length(), len(outliers))
	}
	first := outliers[0]
	if id, _ := rows.First().Attr("data-testid"); id != "need-outliers-"+first.Code {
		t.Errorf("first outlier %q, want %s", id, first.Code)
	}
	if got := gapCells(doc, "need-outliers-"+first.Code); got[4] != strconv.FormatFloat(first.Ratio, 'f', 2, 64) {
		t.Errorf("first outlier's row %v, ratio %v", got, first.Ratio)
	}
	if href, _ := rows.First().Find("a").Attr("href"); href != "/pcns/"+first.Code {
		t.Errorf("first outlier links to %q", href)
	}
	// A PCN that made no return (counted 0) says so wherever it is listed (on the
	// sample, the ratios of 0 that open England's table), one that made one does not.
	noReturn := 0
	for id, list := range map[string][]needreport.Row{"need-outliers-": outliers, "need-funnel-table-": rep.PCNs} {
		for _, o := range list {
			cells := gapCells(doc, id+o.Code)
			if len(cells) == 0 {
				continue // not on the first page
			}
			if strings.HasPrefix(cells[7], "No return (counted as 0): ") != o.NoReturn {
				t.Errorf("%s%s (no return %v) lies %q", id, o.Code, o.NoReturn, cells[7])
			}
			if o.NoReturn {
				noReturn++
			}
		}
	}
	if noReturn == 0 {
		t.Error("no PCN that made no return is listed")
	}
	if doc.Find(`[data-testid="need-source"]`).Length() != 1 || !strings.Contains(doc.Find(`[data-testid="need-method"]`).Text(), "treat FTE as a count") {
		t.Error("no source note or method")
	}
}

// ?icb= highlights the ICB's PCNs, and the table lists them; a day before the data
// start has no figures; a bad parameter is refused.
func TestNeedPageChoices(t *testing.T) {
	t.Parallel()
	s, db := needServer(t, true)
	rep := needReportOf(t, db)
	want := 0
	for _, r := range rep.PCNs {
		if r.ICB == "QOC" {
			want++
		}
	}
	code, doc := gapPageDoc(t, s, "/need?icb=qoc")
	if code != http.StatusOK {
		t.Fatalf("%d", code)
	}
	if n := doc.Find(`svg.app-chart--wide [data-testid="funnel-highlight"]`).Length(); n != want || want == 0 {
		t.Errorf("%d highlighted, want QOC's %d", n, want)
	}
	if n := doc.Find(`#need-funnel-table tbody tr`).Length(); n != want {
		t.Errorf("%d rows, want %d", n, want)
	}
	// October 2025 is before the sample census of November: in post is not known.
	code, doc = gapPageDoc(t, s, "/need?at=2025-10-31")
	if txt := doc.Find(`[data-testid="need-unknown"]`).Text(); code != http.StatusOK || !strings.Contains(txt, "starts on 30 November 2025") {
		t.Errorf("%d: %q", code, txt)
	}
	if code, doc = gapPageDoc(t, s, "/need?footprints=current"); code != http.StatusOK || doc.Find(`strong[data-testid="footprints-current"]`).Length() != 1 {
		t.Errorf("today's footprints: %d", code)
	}
	for _, path := range []string{"/need?icb=ZZZ", "/need?page=0", "/need?page=999", "/need?page=x", "/need?outliers_page=999",
		"/need?as_of=31/11/2025", "/need?at=1999-01-01", "/need?footprints=now",
		"/need.csv?level=practice", "/need.xlsx?level=x", "/need.csv?as_of=nope", "/need.csv?footprints=now"} {
		if rec := gapFetch(s, path); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", path, rec.Code)
		}
	}
}

// The files are the report's rows at each level, as `arrs report need` writes them.
func TestNeedDownloads(t *testing.T) {
	t.Parallel()
	s, db := needServer(t, true)
	rep := needReportOf(t, db)
	for _, c := range []struct {
		query string
		level workforce.Level
	}{{"", workforce.LevelPCN}, {"?level=icb", workforce.LevelICB}, {"?level=region", workforce.LevelRegion}, {"?level=england", workforce.LevelEngland}} {
		rec := gapFetch(s, "/need.csv"+c.query)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != csvType {
			t.Fatalf("%s: %d %s", c.query, rec.Code, rec.Header().Get("Content-Type"))
		}
		var want bytes.Buffer
		if err := report.WriteNeedFile(&want, report.CSV, rep.Rows(c.level)); err != nil {
			t.Fatal(err)
		}
		if got := rec.Body.String(); got != want.String() {
			t.Errorf("%s: the file differs from the report's rows", c.query)
		}
		if n := strings.Count(rec.Body.String(), "\n"); n != len(rep.Rows(c.level))+1 {
			t.Errorf("%s: %d lines for %d rows", c.query, n, len(rep.Rows(c.level)))
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "arrs-need-"+string(c.level)+"-2025-11-30.csv") {
			t.Errorf("%s: %s", c.query, cd)
		}
	}
	if rec := gapFetch(s, "/need.xlsx?level=icb"); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != xlsxType {
		t.Errorf("xlsx: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// Before any census the page says there is no data and the files refuse.
func TestNeedNoCensus(t *testing.T) {
	t.Parallel()
	s, _ := needServer(t, false)
	code, doc := gapPageDoc(t, s, "/need")
	if code != http.StatusOK || !strings.Contains(doc.Find(`[data-testid="need-no-census"]`).Text(), "no data") {
		t.Errorf("%d: %q", code, doc.Find("main").Text())
	}
	if doc.Find("svg.app-chart").Length() != 0 {
		t.Error("a plot with no census")
	}
	if rec := gapFetch(s, "/need.csv"); rec.Code != http.StatusBadRequest {
		t.Errorf("/need.csv with no census: %d", rec.Code)
	}
}

// /need with no parameters is the comparison's report of the latest census, computed
// once for both (needReportOn), with the same rows as a report computed afresh.
func TestNeedSharesTheComparisonsReport(t *testing.T) {
	t.Parallel()
	s, db := needServer(t, true)
	ctx := context.Background()
	d, err := s.needOn(ctx, s.today(), time.Time{}, time.Time{}, gaps.AsItWas)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.needReportOn(ctx, workforce.Date(2025, 11, 30), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.rep != rep {
		t.Error("/need computed a second report of the latest census")
	}
	fresh := needReportOf(t, db)
	if !reflect.DeepEqual(rep.PCNs, fresh.PCNs) || !reflect.DeepEqual(rep.ICBs, fresh.ICBs) || rep.EnglandFTE != fresh.EnglandFTE || !rep.Day.Equal(fresh.Day) {
		t.Error("the shared report's rows differ from a report computed afresh")
	}
}
