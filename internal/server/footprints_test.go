package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/config"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// footprintsAdmin sees every ICB's comparison.
var footprintsAdmin = &auth.User{ID: -3, Name: "Footprints admin", Active: true, Grants: []auth.Grant{{Role: auth.Admin}}}

var (
	reorgOnce sync.Once
	reorgDB   *store.DB
	reorgErr  error
)

// reorgServer is a server on December 2026's clock over the November 2025 census and
// the April 2026 change (applied here unless the reference already holds it).
func reorgServer(t *testing.T) *Server {
	t.Helper()
	reorgOnce.Do(func() {
		db := dbtest.New(&onceTB{T: t})
		if reorgErr = applyApril2026(db); reorgErr != nil {
			return
		}
		f, err := refdata.Open(refdata.DemoWorkforceFile)
		if err != nil {
			reorgErr = err
			return
		}
		defer f.Close()
		_, reorgErr = ingest.NWRS(context.Background(), db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "test"}, nil, time.Now())
		reorgDB = db
	})
	if reorgErr != nil {
		t.Fatal(reorgErr)
	}
	s := New(reorgDB, config.Config{Dev: true}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	return s
}

// applyApril2026 loads data/organisations_2026-04 unless its ICBs are known already.
func applyApril2026(db *store.DB) error {
	ctx := context.Background()
	icbs, err := db.ICBs(ctx)
	if err != nil || slices.ContainsFunc(icbs, func(c workforce.ICB) bool { return c.Code == "S0E4D" }) {
		return err
	}
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		return err
	}
	ch, sha, err := importer.ReadOrgChange(dir)
	if err != nil {
		return err
	}
	_, err = db.ApplyOrgChange(ctx, store.OrgChangeImport{FileName: "organisations_2026-04", SHA256: sha, Change: ch, By: store.Actor{Name: "test"}})
	if errors.Is(err, store.ErrAlreadyImported) {
		return nil
	}
	return err
}

// reorgPage fetches a page as u.
func reorgPage(t *testing.T, s *Server, u *auth.User, path string) (int, *goquery.Document) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req = req.WithContext(context.WithValue(req.Context(), userKey{}, u))
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, req)
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Code, doc
}

func linkTargets(doc *goquery.Document, sel string) []string {
	out := doc.Find(sel).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("href", "") })
	slices.Sort(out)
	return out
}

// A dissolved ICB's page shows it up to its last day and links to its successors; a
// new ICB's says what it was made from and, before it was formed, that it did not
// exist (no figures, never 0); on today's footprints the new ICB has November's
// figures of its PCNs (PLANNING.md, "Organisations over time").
func TestICBPagesAcrossTheChange(t *testing.T) {
	t.Parallel()
	s := reorgServer(t)
	code, doc := reorgPage(t, s, gapReader, "/icbs/QNQ")
	if code != http.StatusOK {
		t.Fatalf("/icbs/QNQ: %d", code)
	}
	if got := testID(doc, "icb-dissolved"); !strings.HasPrefix(got, "Dissolved on 1 April 2026; its networks moved to") {
		t.Errorf("QNQ: %q", got)
	}
	if got := linkTargets(doc, `[data-testid="icb-successor"]`); !slices.Equal(got, []string{"/icbs/QRL", "/icbs/S0E4D", "/icbs/S9B9J"}) {
		t.Errorf("QNQ's successors %v", got)
	}
	if doc.Find(`[data-testid="headline"]`).Length() != 1 || doc.Find(`#children tbody tr`).Length() != 16 {
		t.Errorf("QNQ on 30 November 2025: want its figures and its 16 PCNs")
	}
	if got := testID(doc, "footprints-structure"); got != "Showing ICBs as they were on 30 November 2025." {
		t.Errorf("QNQ: %q", got)
	}

	_, doc = reorgPage(t, s, gapReader, "/icbs/QNQ?at=2026-06-30")
	if got := testID(doc, "icb-absent"); !strings.Contains(got, "no longer existed on 30 June 2026: its last day was 31 March 2026") {
		t.Errorf("QNQ after its last day: %q", got)
	}
	if doc.Find(`[data-testid="headline"]`).Length() != 0 {
		t.Error("QNQ after its last day shows figures")
	}

	_, doc = reorgPage(t, s, gapReader, "/icbs/S0E4D")
	if got := testID(doc, "icb-absent"); !strings.Contains(got, "did not exist yet on 30 November 2025") {
		t.Errorf("S0E4D before it was formed: %q", got)
	}
	if got := testID(doc, "icb-made-from"); !strings.HasPrefix(got, "Formed on 1 April 2026 from") {
		t.Errorf("S0E4D: %q", got)
	}
	if got := linkTargets(doc, `[data-testid="icb-predecessor"]`); !slices.Equal(got, []string{"/icbs/QNQ", "/icbs/QU9"}) {
		t.Errorf("S0E4D's predecessors %v", got)
	}
	if doc.Find(`[data-testid="headline"]`).Length() != 0 || doc.Find(`[data-testid="arrs-fte"]`).Length() != 0 {
		t.Error("S0E4D shows figures for a day before it existed")
	}

	_, doc = reorgPage(t, s, gapReader, "/icbs/S0E4D?footprints=current")
	if got := testID(doc, "footprints-structure"); got != "Showing ICBs on today's footprints (36 ICBs from 1 April 2026)." {
		t.Errorf("S0E4D on today's footprints: %q", got)
	}
	if doc.Find(`[data-testid="headline"]`).Length() != 1 || doc.Find(`[data-testid="icb-absent"]`).Length() != 0 {
		t.Error("S0E4D on today's footprints: want its figures")
	}
	if href := doc.Find(`[data-testid="footprints-as-it-was"]`).AttrOr("href", ""); href != "/icbs/S0E4D" {
		t.Errorf("as it was: %q", href)
	}

	for _, path := range []string{"/icbs/QNQ?footprints=today", "/gaps.csv?footprints=today", "/icbs/QRL/compare?footprints=x"} {
		if code, _ := reorgPage(t, s, footprintsAdmin, path); code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", path, code)
		}
	}
	if code, _ := reorgPage(t, s, gapReader, "/icbs/NOPE"); code != http.StatusNotFound {
		t.Errorf("/icbs/NOPE: %d", code)
	}
}

// The gap pages sum the PCNs into the ICBs of the day the gap is measured on, or into
// today's; the choice travels with every link and download, and a dissolved ICB's gap
// page says what became of it instead of failing.
func TestGapPagesOnBothFootprints(t *testing.T) {
	t.Parallel()
	s := reorgServer(t)
	rows := func(path string) []string {
		code, doc := reorgPage(t, s, gapReader, path)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", path, code)
		}
		return doc.Find(`tr[data-testid^="gap-"]`).Map(func(_ int, r *goquery.Selection) string {
			return strings.TrimPrefix(r.AttrOr("data-testid", ""), "gap-")
		})
	}
	nov := rows("/gaps?level=icb")
	now := rows("/gaps?level=icb&footprints=current")
	if len(nov) != 42 || !slices.Contains(nov, "QNQ") || len(now) != 36 || slices.Contains(now, "QNQ") || !slices.Contains(now, "S0E4D") {
		t.Errorf("ICB rows: as it was %d (QNQ %t), on today's footprints %d (S0E4D %t)", len(nov), slices.Contains(nov, "QNQ"), len(now), slices.Contains(now, "S0E4D"))
	}
	_, doc := reorgPage(t, s, gapReader, "/gaps?level=icb&footprints=current")
	for _, id := range []string{"download-csv", "download-xlsx"} {
		if href := doc.Find(`[data-testid="`+id+`"]`).AttrOr("href", ""); !strings.Contains(href, "footprints=current") {
			t.Errorf("%s %q drops the footprints", id, href)
		}
	}
	if v, ok := doc.Find(`form[data-testid="what-if-form"] input[name="footprints"]`).Attr("value"); !ok || v != "current" {
		t.Error("the what-if form drops the footprints")
	}
	if doc.Find(`[data-testid="what-if-notice"]`).Length() != 0 {
		t.Error("today's footprints are not a what-if")
	}
	code, doc := reorgPage(t, s, gapReader, "/gaps?footprints=today")
	if code != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".nhsuk-error-summary").Text(), "as-it-was or current") {
		t.Errorf("a bad footprints: %d", code)
	}
	// The default target's deadline has passed: the gap is measured on the as-of date,
	// 30 November 2025, when QNQ still existed; measured on 30 June 2026 it had none.
	code, doc = reorgPage(t, s, gapReader, "/gaps/icbs/QNQ")
	if code != http.StatusOK || doc.Find(`[data-testid="icb-dissolved"]`).Length() != 1 || len(rows("/gaps/icbs/QNQ")) != 16 {
		t.Errorf("/gaps/icbs/QNQ: %d, notice %q", code, testID(doc, "icb-history"))
	}
	_, doc = reorgPage(t, s, gapReader, "/gaps/icbs/QNQ?deadline=2026-06-30")
	if !strings.Contains(testID(doc, "icb-absent"), "no longer existed on 30 June 2026") || doc.Find(`#headline`).Length() != 0 {
		t.Errorf("/gaps/icbs/QNQ measured on 30 June 2026: %q", testID(doc, "icb-history"))
	}
	if pcns := rows("/gaps/icbs/S0E4D?footprints=current"); len(pcns) != 61 {
		t.Errorf("S0E4D on today's footprints has %d PCN rows, want its 61", len(pcns))
	}
}

// The comparison takes the ICB's PCNs of its as-of date, or of today; a new ICB on a
// day before it was formed has nothing to compare, and says so.
func TestCompareOnBothFootprints(t *testing.T) {
	t.Parallel()
	s := reorgServer(t)
	code, doc := reorgPage(t, s, footprintsAdmin, "/icbs/S0E4D/compare")
	if code != http.StatusOK || !strings.Contains(testID(doc, "cmp-absent"), "did not exist yet on 30 November 2025") {
		t.Errorf("S0E4D as it was: %d %q", code, testID(doc, "cmp-absent"))
	}
	_, doc = reorgPage(t, s, footprintsAdmin, "/icbs/S0E4D/compare?footprints=current")
	if doc.Find(`[data-testid="cmp-absent"]`).Length() != 0 || testID(doc, "cmp-pcns") == "PCNs 0" {
		t.Errorf("S0E4D on today's footprints: %q", testID(doc, "cmp-pcns"))
	}
	if href := doc.Find(`[data-testid="download-csv"]`).AttrOr("href", ""); href != "/icbs/S0E4D/compare.csv?footprints=current" {
		t.Errorf("download %q", href)
	}
	_, doc = reorgPage(t, s, footprintsAdmin, "/icbs/QRL/compare")
	_, after := reorgPage(t, s, footprintsAdmin, "/icbs/QRL/compare?footprints=current")
	if a, b := testID(doc, "cmp-pcns"), testID(after, "cmp-pcns"); a == b {
		t.Errorf("QRL has %s as it was and on today's footprints (it took 4 of Frimley's)", a)
	}
}
