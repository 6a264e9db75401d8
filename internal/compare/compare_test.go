package compare

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/gaps"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

var (
	by    = store.Actor{Name: "test"}
	today = workforce.Date(2026, 11, 23)
)

// sample is the sample workforce (QOC and QSL, census 30 November 2025) with a site
// of U79722's, and QOC's PCNs, in no order.
func sample(t *testing.T) (*store.DB, []workforce.PCN) {
	t.Helper()
	ctx := context.Background()
	db := dbtest.New(t)
	f, err := refdata.Open(refdata.SampleWorkforceFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(ctx, db, "sample.csv", f, by, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSite(ctx, workforce.Site{PCNCode: "U79722", Name: "Main surgery", SessionsPerWeek: 20}, by); err != nil {
		t.Fatal(err)
	}
	tree, err := db.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pcns []workforce.PCN
	for _, p := range tree.PCNs {
		if p.ICBCode == "QOC" {
			pcns = append([]workforce.PCN{p}, pcns...)
		}
	}
	return db, pcns
}

func TestCompute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, pcns := sample(t)
	res, err := Compute(ctx, db, gaps.From(db), "QOC", pcns, today, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := gaps.Compute(ctx, db, gaps.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Census || res.NoTarget || !res.AsOf.Equal(report.AsOf) || res.England == nil || res.Year != 2026 {
		t.Fatalf("result %+v", res)
	}
	if len(res.Rows) != len(pcns) || !slices.IsSortedFunc(res.Rows, func(a, b Row) int { return strings.Compare(a.PCN.Code, b.PCN.Code) }) {
		t.Fatalf("%d rows of %d PCNs, or not by code", len(res.Rows), len(pcns))
	}
	if res.ListSizePCNs() != len(pcns) {
		t.Errorf("%d PCNs on their lists, want every one: no weighted population is entered", res.ListSizePCNs())
	}
	for _, row := range res.Rows {
		if me := res.England.ByPCN[row.PCN.Code]; row.Position.InPost != me.InPost || len(row.Mix) > MixRoles {
			t.Errorf("%s: position %+v, England's %+v, mix %+v", row.PCN.Code, row.Position, me, row.Mix)
		}
		if row.PCN.Code == "U79722" && (row.Rooms.Now.Available != 20 || row.Coverage.Needing == 0 || len(row.Mix) != MixRoles) {
			t.Errorf("U79722: rooms %+v, coverage %+v, mix %+v", row.Rooms.Now, row.Coverage, row.Mix)
		}
	}
}

// Without a target the positions are unknown, the registered list stands in and the
// census is still said; before any import, neither.
func TestComputeWithoutAReport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, pcns := sample(t)
	noTarget := func(context.Context, gaps.Options) (*gaps.Result, error) {
		return nil, fmt.Errorf("target %q: %w", "default", store.ErrNotFound)
	}
	res, err := Compute(ctx, db, noTarget, "QOC", pcns, today, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.NoTarget || !res.Census || res.England != nil || res.ListSizePCNs() != len(pcns) {
		t.Errorf("without a target: %+v", res)
	}
	if row := res.Rows[0]; row.Position.Population != float64(row.PCN.RegisteredPatients) || row.Position.HasPer10k {
		t.Errorf("a row without a report: %+v", row.Position)
	}
	empty := dbtest.New(t)
	if res, err = Compute(ctx, empty, gaps.From(empty), "QOC", pcns, today, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if res.Census || res.NoTarget || res.England != nil {
		t.Errorf("before any import: %+v", res)
	}
}
