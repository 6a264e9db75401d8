package compare

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// november is the day of the sample census and of the structure before April 2026.
var november = workforce.Date(2025, 11, 30)

// december imports the sample as a December 2025 census in which the PCN moving sits
// in QSL (the sub-ICB, ICB and region columns of a QSL row): the census moves it to
// QSL from 31 December 2025.
func december(t *testing.T, db *store.DB, moving string) {
	t.Helper()
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	qsl := slices.IndexFunc(rows, func(r []string) bool { return r[7] == "QSL" })
	for _, r := range rows[1:] {
		r[2] = "12" // CENSUS_MONTH
		if r[3] == moving {
			copy(r[5:11], rows[qsl][5:11]) // SUB_ICB_CODE … COMM_REGION_NAME
		}
	}
	var b bytes.Buffer
	if err := csv.NewWriter(&b).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	log, err := ingest.NWRS(context.Background(), db, "december.csv", &b, by, nil, time.Now())
	if err != nil || len(log.Moved) == 0 {
		t.Fatalf("December census: %+v %v", log.Moved, err)
	}
}

// records adds a supervisor to a PCN (a site too when it has none).
func records(t *testing.T, db *store.DB, pcn string, site bool) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.CreateSupervisor(ctx, workforce.Supervisor{PCNCode: pcn, Name: "A Supervisor", Profession: "GP", FTE: 1, HoursPerMonth: 8, Active: true}, by); err != nil {
		t.Fatal(err)
	}
	if !site {
		return
	}
	if _, err := db.CreateSite(ctx, workforce.Site{PCNCode: pcn, Name: "Main surgery", SessionsPerWeek: 20}, by); err != nil {
		t.Fatal(err)
	}
}

// compareOn compares an ICB's PCNs in the structure of day with the staff data of
// november, and returns its rows by PCN.
func compareOn(t *testing.T, db *store.DB, icb string, day time.Time) map[string]Row {
	t.Helper()
	ctx := context.Background()
	tree, err := db.TreeOn(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compute(ctx, db, gaps.From(db), icb, tree.PCNsOf(icb), today, november)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Row{}
	for _, r := range res.Rows {
		out[r.PCN.Code] = r
	}
	return out
}

// hasRecords says whether a row shows the PCN's site and supervisor.
func hasRecords(r Row) bool { return r.Rooms.Recorded() && r.SupervisionRecorded }

// A PCN that changed ICB after the as-of date is compared "as it was" in its ICB of
// that day, with its own sites and supervisors: the records are read for the PCNs of
// the structure compared, never for the ICB's PCNs of today.
func TestComputeAsItWasKeepsAMovedPCNsRecords(t *testing.T) {
	t.Parallel()
	db, _ := sample(t) // U79722 (QOC) has a site
	records(t, db, "U79722", false)
	december(t, db, "U79722")

	before := compareOn(t, db, "QOC", november)
	if r, ok := before["U79722"]; !ok || !hasRecords(r) {
		t.Errorf("QOC as it was on 30 November 2025: U79722 listed %v, its site %v and supervisor %v, want both",
			ok, r.Rooms.Recorded(), r.SupervisionRecorded)
	}
	if _, ok := compareOn(t, db, "QOC", today)["U79722"]; ok {
		t.Error("QOC today lists U79722, which moved to QSL on 31 December 2025")
	}
	if _, ok := compareOn(t, db, "QSL", november)["U79722"]; ok {
		t.Error("QSL as it was on 30 November 2025 lists U79722, which joined it later")
	}
	if r, ok := compareOn(t, db, "QSL", today)["U79722"]; !ok || !hasRecords(r) {
		t.Errorf("QSL today: U79722 listed %v, with its records %v", ok, hasRecords(r))
	}
}

// april2026 loads the reorganisation of 1 April 2026 (Frimley, QNQ, split between
// QRL, S0E4D and S9B9J), unless the reference data holds it already.
func april2026(t *testing.T, db *store.DB) {
	t.Helper()
	dirs := []string{"../refdata/data/organisations_2026-04", "/work/shared/data/organisations_2026-04"}
	i := slices.IndexFunc(dirs, func(d string) bool { _, err := os.Stat(d); return err == nil })
	if i < 0 {
		t.Skip("no organisations_2026-04 folder here")
	}
	ch, sum, err := importer.ReadOrgChange(os.DirFS(dirs[i]))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyOrgChange(context.Background(), store.OrgChangeImport{FileName: "organisations_2026-04", SHA256: sum, Change: ch, By: by})
	if err != nil && !errors.Is(err, store.ErrAlreadyImported) {
		t.Fatal(err)
	}
}

// Across 1 April 2026: Frimley compared as it was on 30 November 2025 lists its 16
// PCNs, each with its own records; Thames Valley, formed later, has no PCN on that day
// and, on today's structure, holds the Frimley PCN it took, records and all.
func TestComputeAcrossTheApril2026Change(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	april2026(t, db)
	ctx := context.Background()
	now, err := db.TreeOn(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	qnq := compareOn(t, db, "QNQ", november)
	var moved string
	for _, p := range now.PCNsOf("S0E4D") {
		if _, ok := qnq[p.Code]; ok {
			moved = p.Code
			break
		}
	}
	if len(qnq) != 16 || moved == "" {
		t.Fatalf("QNQ as it was: %d PCNs, one now in S0E4D %q", len(qnq), moved)
	}
	records(t, db, moved, true)
	if r := compareOn(t, db, "QNQ", november)[moved]; !hasRecords(r) {
		t.Errorf("QNQ as it was: %s without its site (%v) or supervisor (%v)", moved, r.Rooms.Recorded(), r.SupervisionRecorded)
	}
	if rows := compareOn(t, db, "S0E4D", november); len(rows) != 0 {
		t.Errorf("S0E4D on 30 November 2025, before it existed: %d PCNs", len(rows))
	}
	if r, ok := compareOn(t, db, "S0E4D", today)[moved]; !ok || !hasRecords(r) {
		t.Errorf("S0E4D today: %s listed %v, with its records %v", moved, ok, hasRecords(r))
	}
}
