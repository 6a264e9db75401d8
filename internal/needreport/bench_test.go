package needreport_test

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/need"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/planning"
)

// BenchmarkNeedEngland is the issue's bar, "need for every practice and PCN in England
// computed in under 100 ms in process": needreport.On on the demo data's census day —
// the PCNs of the day with their lists, the weights, every practice's inputs (6,200
// practices, their 5-year bands from practice_bands) and need.Compute.
func BenchmarkNeedEngland(b *testing.B) {
	ctx, db := context.Background(), seeded(b)
	for b.Loop() {
		res, err := needreport.On(ctx, db, census)
		if err != nil || len(res.PCNs) < 1000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkNeedPieces times each read and step of the need report on the census day
// alone (BenchmarkOnEngland's "report"), to say which is the next bottleneck.
func BenchmarkNeedPieces(b *testing.B) {
	ctx, db := context.Background(), seeded(b)
	w, err := db.NeedWeights(ctx)
	if err != nil {
		b.Fatal(err)
	}
	pcns, err := db.PCNsOn(ctx, census)
	if err != nil {
		b.Fatal(err)
	}
	practices, err := db.NeedPractices(ctx, census, w)
	if err != nil {
		b.Fatal(err)
	}
	in := make([]need.PCNInput, len(pcns))
	for i, p := range pcns {
		in[i] = need.PCNInput{Code: p.Code, Registered: p.RegisteredPatients}
	}
	staff, err := db.ARRSStaffBetween(ctx, census, census)
	if err != nil {
		b.Fatal(err)
	}
	pieces := []struct {
		name string
		run  func() error
	}{
		{"PCNsOn", func() error { _, err := db.PCNsOn(ctx, census); return err }},
		{"TreeOn", func() error { _, err := db.TreeOn(ctx, census); return err }},
		{"NeedWeights", func() error { _, err := db.NeedWeights(ctx); return err }},
		{"NeedPractices", func() error { _, err := db.NeedPractices(ctx, census, w); return err }},
		{"need.Compute", func() error { need.Compute(w, practices, in); return nil }},
		{"ARRSStaffBetween", func() error { _, err := db.ARRSStaffBetween(ctx, census, census); return err }},
		{"InPostByPCN", func() error { planning.InPostByPCN(staff, census); return nil }},
		{"NoReturn", func() error { _, err := db.NoReturn(ctx, planning.CensusNeeded(census)); return err }},
	}
	for _, p := range pieces {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				if err := p.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
