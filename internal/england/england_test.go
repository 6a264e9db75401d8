package england

import (
	"context"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var test = store.Actor{Name: "test"}

// pcnInputs is how many inputs a report and its checks read per PCN: the staff of the
// gap report's days, of the need report's day, the plan lines, the returns of the
// census, the FTE by role of the day and the staff on each census.
const pcnInputs = 6

// plans are the plans of two PCNs, submitted: their current plans.
const plans = "pcn_code,role_code,quarter,starters_fte,leavers_fte,annual_cost_gbp\n" +
	"U79722,clinical_pharmacist,2026/27 Q1,2,0,55000\n" +
	"U79722,paramedic,2026/27 Q3,1,0.5,48000\n" +
	"U60057,clinical_pharmacist,2026/27 Q1,1,0,\n"

// The England layer's gap report is gaps.Compute's from the store, to the last bit,
// on three censuses and two plans, before and after a staff edit and a plan save in
// one PCN; after each, that PCN alone is read again.
func TestLayerIsComputeFromTheStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := threeCensuses(t)
	if _, err := ingest.Plans(ctx, db, "plan.csv", strings.NewReader(plans), test, nil); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"U79722", "U60057"} {
		submit(t, db, code)
	}
	l := New(db)
	opts := gaps.Options{Today: workforce.Date(2026, 2, 1)}
	before := same(t, db, l, opts)
	e0, p0 := l.Counts()
	t.Logf("first report: %d reads of England, %d of PCNs", e0, p0)

	editStaff(t, db, "U79722")
	if after := same(t, db, l, opts); after.Report.England.InPostFTE == before.Report.England.InPostFTE {
		t.Error("the staff edit did not move England's FTE in post: the test checks nothing")
	}
	if e, p := l.Counts(); e != e0 || p != p0+pcnInputs {
		t.Errorf("after a staff edit: %d reads of England (want %d), %d of PCNs (want %d: each input of one PCN)", e, e0, p, p0+pcnInputs)
	}

	savePlan(t, db, "U60057")
	same(t, db, l, opts)
	if e, p := l.Counts(); e != e0 || p != p0+2*pcnInputs {
		t.Errorf("after a plan save: %d reads of England (want %d), %d of PCNs (want %d)", e, e0, p, p0+2*pcnInputs)
	}
	// A what-if with other days reads its own staff, England's once.
	at := workforce.Date(2026, 9, 30)
	same(t, db, l, gaps.Options{Today: opts.Today, At: at})
	e, p := l.Counts()
	t.Logf("at the end: %d reads of England, %d of PCNs", e, p)
}

// same checks the layer's report against gaps.Compute's, and returns it.
func same(t *testing.T, db *store.DB, l *Layer, opts gaps.Options) *gaps.Result {
	t.Helper()
	ctx := context.Background()
	want, err := gaps.Compute(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := gaps.ComputeWith(ctx, db, l.At(versions(t, db)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Report, want.Report) || !reflect.DeepEqual(got.Inputs, want.Inputs) {
		t.Fatalf("the layer's report differs from the store's:\n got England %+v\nwant England %+v", got.Report.England, want.Report.England)
	}
	sameNeed(t, db, l, want.AsOf)
	sameAreas(t, db, l, want.AsOf)
	sameCensuses(t, db, l)
	return got
}

// sameCensuses checks the layer's staff on each census, and the decile chart on them,
// against the store's.
func sameCensuses(t *testing.T, db *store.DB, l *Layer) {
	t.Helper()
	ctx := context.Background()
	want, err := db.CensusRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.At(versions(t, db)).CensusRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 3 || !reflect.DeepEqual(got, want) {
		t.Fatalf("the layer's staff on %d censuses differs from the store's on %d", len(got), len(want))
	}
	wantSeries, err := needreport.Deciles(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	gotSeries, err := needreport.DecilesWith(ctx, db, got, func(ctx context.Context, cs []time.Time) ([]*need.Result, error) {
		return needreport.CensusNeeds(ctx, db, cs)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Printed: a decile of no PCN is NaN, which DeepEqual never finds equal.
	if fmt.Sprintf("%+v", gotSeries.Of("U79722")) != fmt.Sprintf("%+v", wantSeries.Of("U79722")) {
		t.Fatal("the layer's decile chart differs from the store's")
	}
}

// sameNeed checks the layer's need report of day against needreport.Compute's.
func sameNeed(t *testing.T, db *store.DB, l *Layer, day time.Time) {
	t.Helper()
	ctx := context.Background()
	opts := needreport.Options{Level: workforce.LevelPCN, At: day, AsOf: day}
	want, err := needreport.Compute(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := needreport.ComputeWith(ctx, db, l.At(versions(t, db)), opts)
	if err != nil {
		t.Fatal(err)
	}
	// The rows as printed: a ratio may be NaN, which DeepEqual never finds equal.
	rows := func(r *needreport.Report) string {
		return fmt.Sprintf("%v %+v %+v %+v %+v", r.EnglandFTE, r.England, r.Regions, r.ICBs, r.PCNs)
	}
	if rows(got) != rows(want) {
		t.Fatal("the layer's need report differs from the store's")
	}
}

// sameAreas checks the layer's roll-up of day against the store's: the same areas,
// the same FTE to within rounding (the store sums its rows in no fixed order).
func sameAreas(t *testing.T, db *store.DB, l *Layer, day time.Time) {
	t.Helper()
	ctx := context.Background()
	want, err := gaps.AsItWas.Areas(ctx, db, day, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := gaps.AsItWas.AreasWith(ctx, db, l.At(versions(t, db)), day, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.PCNs) != len(want.PCNs) || len(got.ICBs) != len(want.ICBs) {
		t.Fatalf("the layer's areas: %d PCNs and %d ICBs, want %d and %d", len(got.PCNs), len(got.ICBs), len(want.PCNs), len(want.ICBs))
	}
	for i, w := range append([]workforce.AreaFTE{want.England}, want.PCNs...) {
		g := got.England
		if i > 0 {
			g = got.PCNs[i-1]
		}
		if g.Code != w.Code || math.Abs(g.ARRS-w.ARRS) > 1e-9 || math.Abs(g.NonARRS-w.NonARRS) > 1e-9 || len(g.ByRole) != len(w.ByRole) {
			t.Fatalf("the layer's %s: %+v, want %+v", w.Code, g, w)
		}
	}
}

func versions(t *testing.T, db *store.DB) *datacache.Versions {
	t.Helper()
	ctx := context.Background()
	sums, err := db.VersionSums(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pcn, icb, err := db.OrgVersions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &datacache.Versions{National: sums.National, PCNSum: sums.PCNSum, ICBSum: sums.ICBSum, PCN: pcn, ICB: icb}
}

// threeCensuses imports the sample workforce as September and October 2025, each with
// a few rows fewer, then as itself (November 2025).
func threeCensuses(t *testing.T) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	for i, month := range []string{"9", "10", "11"} {
		var kept []string
		for j, line := range lines {
			if j > 0 && j%(7+i) == 0 && month != "11" {
				continue // someone who started later
			}
			kept = append(kept, strings.Replace(line, ",2025,11,", ",2025,"+month+",", 1))
		}
		name := "census" + month + ".csv"
		if _, err := ingest.NWRS(ctx, db, name, strings.NewReader(strings.Join(kept, "\n")+"\n"), test, nil, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func submit(t *testing.T, db *store.DB, code string) {
	t.Helper()
	ctx := context.Background()
	p, err := db.EditablePlan(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: code, PlanID: p.ID, Version: p.Version, Action: workforce.ActionSubmit, By: test}); err != nil {
		t.Fatal(err)
	}
}

// editStaff adds 0.25 FTE to the first ARRS record of the PCN in post today.
func editStaff(t *testing.T, db *store.DB, code string) {
	t.Helper()
	ctx := context.Background()
	in, err := db.StaffInPost(ctx, code, workforce.Date(2025, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range in {
		if s.RoleCode == "" {
			continue
		}
		rec, err := db.StaffRecord(ctx, code, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		rec.FTE += 0.25
		if _, err := db.UpdateStaff(ctx, rec, test); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s has no ARRS record in post", code)
}

// savePlan starts a new version of the PCN's plan with one more line and submits it.
func savePlan(t *testing.T, db *store.DB, code string) {
	t.Helper()
	ctx := context.Background()
	vs, err := db.PlanVersionsOfPCN(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	cur, ok := vs.InWorkflow()
	if !ok {
		t.Fatalf("%s has no plan", code)
	}
	lines, err := db.CurrentPlanLinesOfPCN(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, workforce.PlanLine{PCNCode: code, RoleCode: "paramedic", QuarterStart: lines[0].QuarterStart, StartersFTE: 1.5})
	if _, err := db.SaveDraft(ctx, store.DraftSave{PCN: code, PlanID: cur.ID, Version: cur.Version, Lines: lines,
		Action: workforce.ActionSave, By: test}); err != nil {
		t.Fatal(err)
	}
	submit(t, db, code)
}
