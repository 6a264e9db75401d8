package server

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// gapNeedServer is a server with the test clock on a database of its own holding the
// sample workforce (QOC's and QSL's PCNs, November 2025) and the practice files of
// November 2025 (lists, age bands, deprivation), which need is worked out from and the
// tests' reference data leaves out.
func gapNeedServer(t *testing.T) *Server {
	t.Helper()
	ctx, by := context.Background(), store.Actor{Name: "test"}
	db := dbtest.New(t)
	for _, name := range append([]string{refdata.SampleWorkforceFile}, refdata.PracticeFiles...) {
		f, err := refdata.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == refdata.SampleWorkforceFile {
			_, err = ingest.NWRS(ctx, db, "sample.csv", f, by, nil, time.Now())
		} else {
			_, err = ingest.Practices(ctx, db, path.Base(name), f, by)
		}
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	s := New(db, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return fixedNow }
	return s
}

// ?denominator=need puts the need-adjusted population in place of the registered list
// wherever no weighted population is in force (every PCN of the demo): the pages show
// the report computed so, say which stand-in the fair shares use, link to how need is
// worked out, and keep the choice in their links and downloads. The list is the default,
// and the two are cached apart.
func TestGapPagesOnNeed(t *testing.T) {
	t.Parallel()
	s := gapNeedServer(t)
	onNeed := gapCompute(t, s, gaps.Options{Denominator: need.Need})
	onList := gapCompute(t, s, gaps.Options{})
	qocNeed, _ := gaps.Find(onNeed.ICBs, "QOC")
	qocList, _ := gaps.Find(onList.ICBs, "QOC")
	if planningFTE(qocNeed.TargetFTE) == planningFTE(qocList.TargetFTE) {
		t.Fatalf("QOC's fair share is %s on both denominators: the test cannot tell them apart", planningFTE(qocNeed.TargetFTE))
	}

	status, doc := gapPageDoc(t, s, "/gaps?level=icb&denominator=need")
	if status != http.StatusOK {
		t.Fatalf("/gaps?denominator=need: status %d", status)
	}
	if got := gapCells(doc, "gap-QOC"); len(got) < 3 || got[2] != planningFTE(qocNeed.TargetFTE) {
		t.Errorf("QOC's fair share on need %v, want %s", got, planningFTE(qocNeed.TargetFTE))
	}
	for id, want := range map[string]string{
		"list-size":   "their need-adjusted population stands in for it",
		"lead":        "below their fair share by need-adjusted population",
		"denominator": "fair shares use: registered list size · need-adjusted population",
	} {
		if got := testID(doc, id); !strings.Contains(got, want) {
			t.Errorf("[data-testid=%s] = %q, want it to contain %q", id, got, want)
		}
	}
	if doc.Find(`strong[data-testid="denominator-need"]`).Length() != 1 || doc.Find(`a[data-testid="denominator-list"]`).AttrOr("href", "") != "/gaps?level=icb" {
		t.Error("the choice does not show need chosen with a link back to list sizes")
	}
	if href := doc.Find(`[data-testid="need-weights-link"]`).AttrOr("href", ""); href != "/need/weights" {
		t.Errorf("link to how need is worked out %q", href)
	}
	for _, sel := range []string{`[data-testid="download-csv"]`, `[data-testid="levels"] a`, `#gap-table thead a`, `[data-testid="gap-QOC"] a`} {
		if href := doc.Find(sel).First().AttrOr("href", ""); !strings.Contains(href, "denominator=need") {
			t.Errorf("%s: %q does not keep the denominator", sel, href)
		}
	}
	if doc.Find(`form[data-testid="what-if-form"] input[name="denominator"][value="need"]`).Length() != 1 {
		t.Error("the what-if form does not keep the denominator")
	}

	// The default is the list; the same page on list sizes says so.
	_, doc = gapPageDoc(t, s, "/gaps?level=icb")
	if got := gapCells(doc, "gap-QOC"); len(got) < 3 || got[2] != planningFTE(qocList.TargetFTE) {
		t.Errorf("QOC's fair share on list sizes %v, want %s", got, planningFTE(qocList.TargetFTE))
	}
	if got := testID(doc, "list-size"); !strings.Contains(got, "registered list size stands in") || doc.Find(`[data-testid="need-weights-link"]`).Length() != 0 {
		t.Errorf("list-size on list sizes %q", got)
	}

	_, doc = gapPageDoc(t, s, "/gaps/icbs/QOC?denominator=need")
	if got := testID(doc, "fair-share"); !strings.Contains(got, planningFTE(qocNeed.TargetFTE)) {
		t.Errorf("QOC's page: fair share %q, want %s", got, planningFTE(qocNeed.TargetFTE))
	}
	if got := testID(doc, "share-basis"); !strings.Contains(got, "its need-adjusted population") {
		t.Errorf("QOC's page: share basis %q", got)
	}
	if got := testID(doc, "list-size"); !strings.Contains(got, "PCNs of NHS Shropshire, Telford and Wrekin") || !strings.Contains(got, "need-adjusted population stands in") {
		t.Errorf("QOC's page: list-size %q", got)
	}

	rec := gapFetch(s, "/gaps.csv?level=icb&denominator=need")
	recs, err := csv.NewReader(rec.Body).ReadAll()
	if rec.Code != http.StatusOK || err != nil {
		t.Fatalf("download on need: %d %v", rec.Code, err)
	}
	for _, r := range recs[1:] {
		if r[1] == "QOC" && r[4] != workforce.FormatFTE(qocNeed.TargetFTE, 2) {
			t.Errorf("download: QOC target_fte %s, want %s", r[4], workforce.FormatFTE(qocNeed.TargetFTE, 2))
		}
	}
}

// A denominator that is neither list nor need is a 400 naming the two, on the pages as
// on the downloads.
func TestGapDenominatorRefused(t *testing.T) {
	t.Parallel()
	s := gapServer(t)
	for _, path := range []string{"/gaps?denominator=lists", "/gaps/icbs/QOC?denominator=weighted", "/gaps.csv?denominator=x", "/gaps/icbs/QOC.xlsx?denominator=NEED"} {
		rec := gapFetch(s, path)
		if body := rec.Body.String(); rec.Code != http.StatusBadRequest || !strings.Contains(body, "must be list") || !strings.Contains(body, "or need") {
			t.Errorf("%s: %d, want 400 naming list and need", path, rec.Code)
		}
	}
}
