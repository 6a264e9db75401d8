package ingest

import (
	"bytes"
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// BenchmarkImportNWRSMonthly imports the real November 2025 file on top of an October
// made from it (priorCensus): a month's import, where about 97% of the records are
// unchanged and the rest start, restart or end. It compares with
// BenchmarkImportFloorCopy as BenchmarkImportNWRS does.
func BenchmarkImportNWRSMonthly(b *testing.B) {
	data := demoBytes(b)
	oct := priorCensus(b, data)
	ctx := context.Background()
	by := store.Actor{Name: "test"}
	for b.Loop() {
		b.StopTimer()
		db := dbtest.New(b)
		if _, err := NWRS(ctx, db, "oct.csv", bytes.NewReader(oct), by, nil, testNow); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		log, err := NWRS(ctx, db, refdata.DemoWorkforceFile, bytes.NewReader(data), by, nil, testNow)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(log.Started), "started/op")
		b.ReportMetric(float64(log.Ended), "ended/op")
	}
}
