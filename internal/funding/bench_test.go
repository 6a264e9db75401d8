package funding

import (
	"context"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// Compute for the ICB comparison's case, the largest ICB (QHM, 67 PCNs), and for the
// whole of England (1,297), this year and next, on the real Nov 2025 workforce: one
// query per table whatever the number of PCNs.

func benchData(b *testing.B) (*store.DB, *workforce.Tree) { return benchDataT(b) }

func benchDataT(b testing.TB) (*store.DB, *workforce.Tree) {
	b.Helper()
	db := dbtest.New(b)
	f, err := refdata.Open(refdata.DemoWorkforceFile)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := ingest.NWRS(context.Background(), db, "pcnwf_individual_nov2025.csv.gz", f, store.Actor{Name: "bench"}, nil, time.Now()); err != nil {
		b.Fatal(err)
	}
	tree, err := db.Tree(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return db, tree
}

func benchCompute(b *testing.B, db *store.DB, pcns []workforce.PCN) {
	req := Request{PCNs: pcns, Years: []workforce.FinancialYear{2026, 2027}, AsOf: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(context.Background(), db, req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	db, tree := benchData(b)
	var icb []workforce.PCN
	for _, p := range tree.PCNs {
		if p.ICBCode == "QHM" {
			icb = append(icb, p)
		}
	}
	b.Run("icb-QHM", func(b *testing.B) { benchCompute(b, db, icb) })
	b.Run("england", func(b *testing.B) { benchCompute(b, db, tree.PCNs) })
	b.Run("one-pcn", func(b *testing.B) { benchCompute(b, db, icb[:1]) })
}

// BenchmarkComputeOnly is Compute's arithmetic without the queries, for England.
func BenchmarkComputeOnly(b *testing.B) {
	db, tree := benchData(b)
	req := Request{PCNs: tree.PCNs, Years: []workforce.FinancialYear{2026, 2027}, AsOf: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)}
	in, err := gather(context.Background(), db, req)
	if err != nil {
		b.Fatal(err)
	}
	var years []Year
	for _, f := range req.Years {
		years = append(years, in.year(f))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range req.PCNs {
			in.pcnYears(p, years, req, time.Time{})
		}
	}
}
