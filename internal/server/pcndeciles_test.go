package server

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/ui"
)

// The sample census of November 2025 (Shropshire and Somerset), then a December census
// made from it: every row again, except West Mendip's (U17153), which makes no return.
const (
	decilesPCN     = "U00760" // 5 pharmacists in both censuses
	decilesNoReply = "U17153"
)

// The PCN page charts its staffing per 10,000 need against England's deciles once a
// second census is loaded; until then one sentence says so. The table beside each
// chart has the same numbers: the PCN's FTE per 10,000 need, and the 10th, 50th and
// 90th percentiles of England's PCNs that made a return. A census the PCN made no
// return for is no data, never 0.
func TestPCNDeciles(t *testing.T) {
	t.Parallel()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	db := dbtest.New(t)
	sample, err := refdata.ReadFile(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.NWRS(ctx, db, "nov.csv", strings.NewReader(string(sample)), by, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	_, doc := reorgPage(t, s, footprintsAdmin, "/pcns/"+decilesPCN)
	want := "Deciles over time appear once more than one census is loaded (1 loaded: November 2025)."
	if got := strings.TrimSpace(doc.Find(`[data-testid="deciles-pending"]`).Text()); got != want {
		t.Fatalf("one census: %q, want %q", got, want)
	}
	if doc.Find(`[data-testid="deciles"] svg`).Length() != 0 {
		t.Error("a chart with one census")
	}

	if _, err := ingest.NWRS(ctx, db, "dec.csv", strings.NewReader(decemberSample(t, string(sample))), by, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	status, doc := reorgPage(t, s, footprintsAdmin, "/pcns/"+decilesPCN+"?role=clinical_pharmacist")
	if status != http.StatusOK {
		t.Fatalf("two censuses: %d", status)
	}
	section := doc.Find(`[data-testid="deciles"]`)
	if section.Find(`[data-testid="deciles-pending"]`).Length() != 0 || section.Find(`[data-testid="need-source"]`).Length() != 1 {
		t.Error("two censuses: want the charts with the need source, not the sentence")
	}
	chart := section.Find(`[data-testid="deciles-clinical_pharmacist"]`)
	if section.Find(`svg.app-chart--wide`).Length() != 1 || chart.Find("svg title").Length() != 1 || chart.Find("svg desc").Length() != 1 {
		t.Fatalf("?role= charts the one role, with a title and a description: %d charts", section.Find("svg.app-chart--wide").Length())
	}
	series, err := needreport.Deciles(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	dec := series.Of(decilesPCN).Lines[0]
	if dec.Role.Code != "clinical_pharmacist" {
		t.Fatalf("first role %s, want pharmacists (the catalogue's order)", dec.Role.Code)
	}
	e := dec.England[1]
	wantRow := "31 Dec 2025|" + ui.FTE(dec.FTE[1]) + "|" + ui.Decimal(dec.Rate[1], 2) + "|" + ui.Decimal(e[0], 2) + "|" +
		ui.Decimal(e[4], 2) + "|" + ui.Decimal(e[8], 2) + "|" + ui.Count(dec.Counted[1])
	if got := strings.Join(gapCells(doc, "deciles-clinical_pharmacist-2025-12-31"), "|"); got != wantRow {
		t.Errorf("December row %q, want %q", got, wantRow)
	}
	if dec.FTE[1] < 4.99 || dec.FTE[1] > 5.01 || dec.Counted[1] != series.Counted[1] || series.Counted[0] != series.Counted[1]+1 {
		t.Errorf("pharmacists %v FTE, want 5; counted %v, want one fewer in December", dec.FTE[1], series.Counted)
	}
	if doc.Find(`tr[data-testid="deciles-clinical_pharmacist-all-2025-11-30"] td`).Length() != 9 {
		t.Error("the details table has England's nine deciles")
	}

	// The whole series is one download away: every role at every census.
	if href, _ := section.Find(`[data-testid="deciles-csv"]`).Attr("href"); href != "/pcns/"+decilesPCN+"/deciles.csv" {
		t.Errorf("download link %q", href)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/pcns/"+decilesPCN+"/deciles.csv", nil)
	s.Routes().ServeHTTP(rec, req.WithContext(context.WithValue(req.Context(), userKey{}, footprintsAdmin)))
	rows, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil || rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("download: %d %s %v", rec.Code, rec.Header().Get("Content-Type"), err)
	}
	if len(rows) != 1+2*len(series.Of(decilesPCN).Lines) || strings.Join(rows[2][:4], ",") != "clinical_pharmacist,Clinical pharmacist,2025-12-31,"+workforce.FormatFTE(dec.FTE[1], 2) {
		t.Errorf("download: %d rows, second %q", len(rows), rows[min(2, len(rows)-1)])
	}

	_, doc = reorgPage(t, s, footprintsAdmin, "/pcns/"+decilesNoReply+"?role=clinical_pharmacist")
	cells := gapCells(doc, "deciles-clinical_pharmacist-2025-12-31")
	if len(cells) < 3 || cells[1] != ui.NoData || cells[2] != ui.NoData {
		t.Errorf("no return in December: %q, want no data", cells)
	}
	// Unless a role is asked for, the PCN's largest roles are charted.
	_, doc = reorgPage(t, s, footprintsAdmin, "/pcns/"+decilesPCN)
	if n := doc.Find(`[data-testid="deciles"] svg.app-chart--wide`).Length(); n != 3 {
		t.Errorf("%d charts, want the PCN's 3 largest roles", n)
	}
	for _, bad := range []string{"nurse", strings.Repeat("x", 500)} {
		if status, _ := reorgPage(t, s, footprintsAdmin, "/pcns/"+decilesPCN+"?role="+bad); status != http.StatusBadRequest {
			t.Errorf("?role=%.20s: %d, want 400", bad, status)
		}
	}
}

// decemberSample is the sample census as of December 2025, without West Mendip's rows.
func decemberSample(t *testing.T, nov string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(nov)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := [][]string{rows[0]}
	for _, r := range rows[1:] {
		if r[col["PCN_CODE"]] != decilesNoReply {
			r[col["CENSUS_MONTH"]] = "12"
			out = append(out, r)
		}
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(out); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
