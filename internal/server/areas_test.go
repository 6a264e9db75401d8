package server

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The workforce pages say how many of their PCNs made no return in the census their
// figures come from, and tag those PCNs' rows as the gap tables do (PLANNING.md, "No
// return"): 24 of England's 1,297 in November 2025, 4 in NHS Cheshire and Merseyside
// (QMF), none in QOC; the regions' counts add up to England's.
func TestAreaPagesSayWhoMadeNoReturn(t *testing.T) {
	t.Parallel()
	s := demo(t)
	cases := []struct {
		path, text string
		tags       int
	}{
		{"/", "24 of 1,297 PCNs made no return in the census of 30 November 2025; each counts 0 FTE", 0},
		{"/icbs/QMF", "4 of ", 4},
		{"/icbs/QOC", "None: all 9 PCNs made a return in the census of 30 November 2025", 0},
	}
	for _, c := range cases {
		_, doc := gapPageDoc(t, s, c.path)
		if got := testID(doc, "no-return"); !strings.Contains(got, c.text) {
			t.Errorf("%s: %q, want it to contain %q", c.path, got, c.text)
		}
		if got := doc.Find(`#children strong[data-testid="no-return"]`).Length(); got != c.tags {
			t.Errorf("%s: %d rows tagged No return, want %d", c.path, got, c.tags)
		}
	}
	_, doc := gapPageDoc(t, s, "/")
	sum := 0
	for _, code := range doc.Find(`#children tbody tr`).Map(func(_ int, r *goquery.Selection) string {
		return strings.TrimPrefix(r.AttrOr("data-testid", ""), "child-")
	}) {
		_, region := gapPageDoc(t, s, "/regions/"+code)
		text := strings.TrimSpace(region.Find(`[data-testid="no-return"] dd`).Text())
		if strings.HasPrefix(text, "None") {
			continue
		}
		n, err := strconv.Atoi(strings.Fields(text)[0])
		if err != nil {
			t.Fatalf("region %s: %q", code, text)
		}
		sum += n
	}
	if sum != 24 {
		t.Errorf("the regions' PCNs with no return add up to %d, want 24", sum)
	}
	// A day after the latest census is described by no census imported: nothing is said.
	if _, doc := gapPageDoc(t, s, "/?at=2026-01-15"); doc.Find(`[data-testid="no-return"]`).Length() != 0 {
		t.Errorf("no census describes 15 January 2026, yet the page says %q", testID(doc, "no-return"))
	}
}

// Importing a later census adds its month to England's trend on the home page, from
// the staff records and labelled so; a month before the data start stays NHS
// England's published figure, labelled as that.
func TestEnglandTrendGainsAnImportedCensus(t *testing.T) {
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
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	_, doc := gapPageDoc(t, s, "/")
	if doc.Find(`[data-testid="trend-2025-12-31"]`).Length() != 0 {
		t.Fatal("December 2025 on the chart before it is imported")
	}
	nov := strings.TrimSpace(doc.Find(`[data-testid="arrs-fte"] dd`).Text())
	// December: 1 + 0.5 = 1.5 ARRS FTE in post on 31 December 2025.
	pharmacist := func(pcn, id string, fte float64) workforce.Staff {
		return workforce.Staff{PCNCode: pcn, RoleCode: "clinical_pharmacist", StaffGroup: "Direct Patient Care", StaffRole: "Pharmacists",
			Source: workforce.SourceNWRSStaff, UniqueIdentifier: id, SourceRows: 1, FTE: fte}
	}
	recs := []workforce.Staff{pharmacist("U60057", "dec-1", 1), pharmacist("U79722", "dec-2", 0.5)}
	if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "dec.csv", SHA256: "dec", Census: workforce.Date(2025, 12, 31), Rows: 2, Records: recs, By: store.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
	_, doc = gapPageDoc(t, s, "/")
	for id, want := range map[string]string{
		"trend-2025-12-31": "Dec 2025|1.5|Census imported here (staff records)",
		// November's figure is the sample's own census, as the page showed on its day.
		"trend-2025-11-30": "Nov 2025|" + nov + "|Census imported here (staff records)",
		"trend-2025-10-31": "Oct 2025|26,567.3|NHS England's published series",
	} {
		if got := strings.Join(gapCells(doc, id), "|"); got != want {
			t.Errorf("row %s = %q, want %q", id, got, want)
		}
	}
	if got := strings.TrimSpace(doc.Find(`[data-testid="arrs-fte"] dd`).Text()); got != "1.5" {
		t.Errorf("ARRS FTE in post on the latest census: %q, want 1.5", got)
	}
	if got := testID(doc, "trend-sources"); !strings.Contains(got, "Mar 2020 to Oct 2025: NHS England's published national series") ||
		!strings.Contains(got, "Nov 2025 to Dec 2025: the 2 censuses imported here") {
		t.Errorf("trend sources %q", got)
	}
}

// A day before the data start (30 November 2025) is one the staff records do not
// describe (PLANNING.md, "Known and unknown"): England's ARRS FTE is NHS England's
// published figure for March 2024 (24,340.5, as the gap page's trajectory shows),
// labelled; an ICB's, a PCN's figures say "no data" and the census needed, never 0.0.
func TestAreaPagesBeforeTheDataStartSayNoData(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	noData := "No data: the staff records start at the census of 30 November 2025; this needs the census of March 2024"
	_, doc := gapPageDoc(t, s, "/?at=2024-03-31")
	if got := testID(doc, "arrs-fte"); !strings.Contains(got, "24,340.5 (NHS England's published series)") || strings.Contains(got, "0.0 ") {
		t.Errorf("England's ARRS FTE on 31 March 2024: %q", got)
	}
	if got := testID(doc, "target-share"); !strings.Contains(got, "93.6%") {
		t.Errorf("England's share of the target: %q, want 93.6%% (24,340.5 of 26,000)", got)
	}
	if got := testID(doc, "non-arrs-fte"); !strings.Contains(got, noData) {
		t.Errorf("England's other staff: %q, want no data", got)
	}
	for _, path := range []string{"/icbs/QOC?at=2024-03-31", "/regions/Y60?at=2024-03-31", "/pcns/U60057?at=2024-03-31", "/pcns/U60057/staff?at=2024-03-31"} {
		_, doc := gapPageDoc(t, s, path)
		if got := testID(doc, "arrs-fte"); !strings.Contains(got, noData) {
			t.Errorf("%s: ARRS FTE %q, want %q", path, got, noData)
		}
		if got := testID(doc, "per-10k"); strings.Contains(got, "0.00") {
			t.Errorf("%s: per 10,000 %q, want no data", path, got)
		}
	}
	_, doc = gapPageDoc(t, s, "/icbs/QOC?at=2024-03-31")
	rows := doc.Find(`#children tbody tr`)
	if rows.Length() != 9 {
		t.Fatalf("%d PCN rows, want 9", rows.Length())
	}
	rows.Each(func(_ int, r *goquery.Selection) {
		if text := r.Text(); !strings.Contains(text, "No data") || strings.Contains(text, "0.0") {
			t.Errorf("row %s: %q, want no data and no 0.0", r.AttrOr("data-testid", ""), text)
		}
	})
}
