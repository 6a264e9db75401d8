package needreport_test

import (
	"context"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// census is the demo workforce's census, the as-of date of the seeded data.
var census = workforce.Date(2025, 11, 30)

var (
	seedOnce sync.Once
	seedDB   *store.DB
	seedErr  = errors.New("the shared database was not seeded")
	cleanups []func()
)

// seeded is a database as `arrs seed demo` leaves it, shared by the package's tests
// (read only): the reference data with the practices of November 2025 and the
// organisations change of April 2026, and the real workforce of 30 November 2025. It
// is analysed, as autovacuum would after the loads, and dropped when every test is done.
func seeded(tb testing.TB) *store.DB {
	tb.Helper()
	seedOnce.Do(func() {
		db, dbURL := dbtest.NewWithURL(sharedTB{tb})
		seedDB, seedErr = db, seed(db, dbURL)
	})
	if seedErr != nil {
		tb.Fatal(seedErr)
	}
	return seedDB
}

func seed(db *store.DB, dbURL string) error {
	ctx, by := context.Background(), store.Actor{Name: "test"}
	if _, err := ingest.Reference(ctx, db, by); err != nil {
		return err
	}
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "pcnwf_individual_nov2025.csv.gz", f, by, nil, time.Now()); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `ANALYZE`)
	return err
}

// sharedTB defers the shared database's cleanup (dropping it) to TestMain, after every
// test, rather than the end of the first test that asked for it.
type sharedTB struct{ testing.TB }

func (sharedTB) Cleanup(f func()) { cleanups = append(cleanups, f) }

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range cleanups {
		f()
	}
	os.Exit(code)
}

func TestOnEnglandNeedIsTheList(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), seeded(t)
	res, err := needreport.On(ctx, db, census)
	if err != nil {
		t.Fatal(err)
	}
	pcns, err := db.PCNsOn(ctx, census)
	if err != nil {
		t.Fatal(err)
	}
	var list, sumNeed, sumReg float64
	for _, p := range pcns {
		list += float64(p.RegisteredPatients)
		n, ok := res.PCNs[p.Code]
		if !ok {
			t.Fatalf("%s has no need", p.Code)
		}
		sumNeed += n.Need
		sumReg += n.Registered
	}
	if len(res.PCNs) != len(pcns) || len(pcns) != 1297 {
		t.Errorf("%d PCNs of need, %d of the day, want 1,297", len(res.PCNs), len(pcns))
	}
	for what, v := range map[string]float64{"Σ need": sumNeed, "Σ registered": sumReg, "TotalNeed": res.TotalNeed, "TotalList": res.TotalList} {
		if math.Abs(v-list) > 1e-6*list {
			t.Errorf("%s = %.3f, want England's list in PCNs %.0f", what, v, list)
		}
	}
	if list != 63_706_897 || len(res.Practices) != 6200 || res.NoAgeData != 0 || !(res.Scale > 0) {
		t.Errorf("list %.0f, %d practices, %d PCNs without age data, k %v", list, len(res.Practices), res.NoAgeData, res.Scale)
	}
}

func TestComputeEngland(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), seeded(t)
	rep, err := needreport.Compute(ctx, db, needreport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Day.Equal(census) || !rep.AsOf.Equal(census) || !rep.Known || !rep.DataStart.Equal(census) {
		t.Fatalf("day %v, as of %v, known %v, data start %v", rep.Day, rep.AsOf, rep.Known, rep.DataStart)
	}
	g, err := gaps.Compute(ctx, db, gaps.Options{At: census, Today: census})
	if err != nil {
		t.Fatal(err)
	}
	e := rep.England
	if g.England.InPostUnknown || g.England.NationalSeries || !near(e.Observed, g.England.InPostFTE) || !near(rep.EnglandFTE, e.Observed) {
		t.Errorf("England observed %.4f (FTE %.4f), the gap report's in post %.4f", e.Observed, rep.EnglandFTE, g.England.InPostFTE)
	}
	if !e.HasRatio || !near(e.Ratio, 1) || !near(e.Expected, e.Observed) || !near(e.Need, e.Registered) || e.Outside998 ||
		e.Code != workforce.EnglandCode || e.Name != "England" || e.Denominator != need.Need {
		t.Errorf("England %+v", e)
	}
	for _, level := range []workforce.Level{workforce.LevelRegion, workforce.LevelICB, workforce.LevelPCN} {
		rows := rep.Rows(level)
		if len(rows) == 0 || !slices.IsSortedFunc(rows, func(a, b needreport.Row) int { return strings.Compare(a.Code, b.Code) }) {
			t.Errorf("%s: %d rows, or not by code", level, len(rows))
		}
		for _, r := range rows {
			if r.Name == "" || r.Level != level || !r.Known {
				t.Errorf("%s row %+v", level, r)
			}
		}
	}
	if len(rep.ICBs) != 42 || len(rep.Regions) != 7 || len(rep.PCNs) != 1297 {
		t.Errorf("%d regions, %d ICBs, %d PCNs", len(rep.Regions), len(rep.ICBs), len(rep.PCNs))
	}
	checkPCN(t, rep, g)
	checkICB(t, rep, "QOC")
	checkOutliers(t, rep)
}

// checkPCN checks the demo PCN's row: its list, need, observed (the gap report's in
// post), its share of England's FTE, the ratio and its limits.
func checkPCN(t *testing.T, rep *needreport.Report, g *gaps.Result) {
	t.Helper()
	r, ok := rep.PCN("U60057")
	if !ok {
		t.Fatal("no row for U60057")
	}
	n := rep.Need.PCNs["U60057"]
	i := slices.IndexFunc(g.PCNs, func(p planning.Gap) bool { return p.Code == "U60057" })
	if i < 0 {
		t.Fatal("no gap row for U60057")
	}
	gp := g.PCNs[i]
	wantExp := rep.EnglandFTE * n.Need / rep.Need.TotalNeed
	if r.Name != "SHREWSBURY PCN" || r.ICB != "QOC" || r.Region == "" || r.Registered != n.Registered || r.Need != n.Need ||
		r.Denominator != need.Need || !near(r.Observed, gp.InPostFTE) || !near(r.Expected, wantExp) || !r.HasRatio ||
		!near(r.Ratio, r.Observed/r.Expected) || r.Limits != need.FunnelLimits(r.Expected) ||
		r.Outside998 != (r.Ratio < r.Limits.Lower998 || r.Ratio > r.Limits.Upper998) || r.NoReturn {
		t.Errorf("U60057 %+v\nneed %+v, in post %.4f, expected %.4f", r, n, gp.InPostFTE, wantExp)
	}
	if !(r.Registered > 0) || !(r.Observed > 0) || r.Need == r.Registered {
		t.Errorf("U60057: registered %.0f, need %.1f, observed %.2f", r.Registered, r.Need, r.Observed)
	}
	if _, ok := rep.PCN("NOSUCH"); ok {
		t.Error("a row for a PCN that does not exist")
	}
}

// checkICB checks that an ICB's row is the sum of its PCNs', its ratio and limits
// from the sums.
func checkICB(t *testing.T, rep *needreport.Report, code string) {
	t.Helper()
	var sum needreport.Row
	pcns := 0
	for _, p := range rep.PCNs {
		if p.ICB == code {
			pcns++
			sum.Registered += p.Registered
			sum.Need += p.Need
			sum.Observed += p.Observed
			sum.Expected += p.Expected
			sum.NoReturns += p.NoReturns
			sum.StandIns += p.StandIns
		}
	}
	i := slices.IndexFunc(rep.ICBs, func(r needreport.Row) bool { return r.Code == code })
	if i < 0 || pcns == 0 {
		t.Fatalf("no row for %s, or no PCN", code)
	}
	r := rep.ICBs[i]
	if r.Registered != sum.Registered || r.Need != sum.Need || r.Observed != sum.Observed || r.Expected != sum.Expected ||
		r.NoReturns != sum.NoReturns || r.StandIns != sum.StandIns || r.Ratio != r.Observed/r.Expected ||
		r.Limits != need.FunnelLimits(r.Expected) || r.ICB != code || r.Region == "" || r.Level != workforce.LevelICB {
		t.Errorf("%s %+v, its %d PCNs sum %+v", code, r, pcns, sum)
	}
}

// checkOutliers: the PCNs outside 99.8%, lowest ratio first.
func checkOutliers(t *testing.T, rep *needreport.Report) {
	t.Helper()
	out := rep.Outliers()
	want := 0
	for _, p := range rep.PCNs {
		if p.Outside998 {
			want++
		}
	}
	if len(out) != want || want == 0 {
		t.Errorf("%d outliers of %d PCNs flagged", len(out), want)
	}
	for i, r := range out {
		if !r.Outside998 || i > 0 && (out[i-1].Ratio > r.Ratio || out[i-1].Ratio == r.Ratio && out[i-1].Code > r.Code) {
			t.Errorf("outlier %d %s ratio %v out of order or not flagged", i, r.Code, r.Ratio)
		}
	}
}

// TestComputeBeforeTheDataStart: a day before the first census has need but no
// observed FTE: every row "no data".
func TestComputeBeforeTheDataStart(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), seeded(t)
	day := workforce.Date(2024, 3, 31)
	rep, err := needreport.Compute(ctx, db, needreport.Options{At: day})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Known || !rep.Day.Equal(day) || rep.EnglandFTE != 0 || !near(rep.Need.TotalNeed, rep.Need.TotalList) {
		t.Errorf("known %v, day %v, England FTE %v, need %v of %v", rep.Known, rep.Day, rep.EnglandFTE, rep.Need.TotalNeed, rep.Need.TotalList)
	}
	for _, level := range []workforce.Level{workforce.LevelEngland, workforce.LevelRegion, workforce.LevelICB, workforce.LevelPCN} {
		for _, r := range rep.Rows(level) {
			if r.Known || r.HasRatio || r.Observed != 0 || r.Expected != 0 || r.Outside998 || r.Outside95 || !(r.Need > 0) {
				t.Fatalf("%s %s before the data start: %+v", level, r.Code, r)
			}
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// BenchmarkOnEngland is the need report for England on the demo data: the tree of the
// day, the weights, every practice's inputs, every ARRS record in post, need for every
// practice and PCN and the rows at every level. "need" is On alone (gather and
// need.Compute).
func BenchmarkOnEngland(b *testing.B) {
	ctx, db := context.Background(), seeded(b)
	b.Run("report", func(b *testing.B) {
		for b.Loop() {
			if _, err := needreport.Compute(ctx, db, needreport.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("need", func(b *testing.B) {
		for b.Loop() {
			if _, err := needreport.On(ctx, db, census); err != nil {
				b.Fatal(err)
			}
		}
	})
}
