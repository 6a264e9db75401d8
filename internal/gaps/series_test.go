package gaps

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/ingest"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// The published months before the first imported census, then every imported census:
// a published month on or after the data start gives way to the imports.
func TestJoinTrend(t *testing.T) {
	t.Parallel()
	oct, nov, dec := workforce.Date(2025, 10, 31), workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	published := []SeriesPoint{{Month: oct, FTE: 10}, {Month: nov, FTE: 11}}
	imported := []store.CensusFTE{{Census: nov, FTE: 12}, {Census: dec, FTE: 13}}
	got := joinTrend(published, imported)
	want := []SeriesPoint{{Month: oct, FTE: 10}, {Month: nov, FTE: 12, Imported: true}, {Month: dec, FTE: 13, Imported: true}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if !got[i].Month.Equal(want[i].Month) || got[i].FTE != want[i].FTE || got[i].Imported != want[i].Imported {
			t.Errorf("point %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := joinTrend(published, nil); len(got) != 2 || got[1].Imported {
		t.Errorf("no census imported: the published series alone, got %+v", got)
	}
}

// Importing a later census adds its month to England's trend, from the staff records;
// the months before the data start stay NHS England's published figures.
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
	oct, nov, dec := workforce.Date(2025, 10, 31), workforce.Date(2025, 11, 30), workforce.Date(2025, 12, 31)
	before := trendByMonth(t, db)
	if _, ok := before[dec]; ok {
		t.Fatal("December 2025 before it is imported")
	}
	// December's national file holds two ARRS records: 1 + 0.5 = 1.5 FTE in post on
	// 31 December; every record of November absent from it ends that day.
	pharmacist := func(pcn, id string, fte float64) workforce.Staff {
		return workforce.Staff{PCNCode: pcn, RoleCode: "clinical_pharmacist", StaffGroup: "Direct Patient Care", StaffRole: "Pharmacists",
			Source: workforce.SourceNWRSStaff, UniqueIdentifier: id, SourceRows: 1, FTE: fte}
	}
	recs := []workforce.Staff{pharmacist("U60057", "dec-1", 1), pharmacist("U79722", "dec-2", 0.5)}
	if _, err := db.ImportNWRS(ctx, store.NWRSImport{FileName: "dec.csv", SHA256: "dec", Census: dec, Rows: 2, Records: recs, By: store.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
	after := trendByMonth(t, db)
	if p := after[dec]; !p.Imported || math.Abs(p.FTE-1.5) > 1e-9 {
		t.Errorf("December 2025: %+v, want 1.5 FTE from the imported census", p)
	}
	// November stays the sample's census, the figure England's page shows on its day,
	// not the published national total.
	areas, err := db.WorkforceAreas(ctx, nov)
	if err != nil {
		t.Fatal(err)
	}
	if p := after[nov]; !p.Imported || math.Abs(p.FTE-areas.England.ARRS) > 1e-9 || p.FTE > 1000 {
		t.Errorf("November 2025: %+v, want the sample's %.2f FTE, imported", p, areas.England.ARRS)
	}
	published, err := NationalSeries(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var publishedOct float64
	for _, p := range published {
		if p.Month.Equal(oct) {
			publishedOct = p.FTE
		}
	}
	if p := after[oct]; p.Imported || publishedOct < 20000 || p.FTE != publishedOct {
		t.Errorf("October 2025, before the data start: %+v, want the published %.1f", p, publishedOct)
	}
	if len(after) != len(before)+1 {
		t.Errorf("%d months after the import, %d before: want one more", len(after), len(before))
	}
}

func trendByMonth(t *testing.T, db *store.DB) map[time.Time]SeriesPoint {
	t.Helper()
	trend, err := EnglandTrend(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	out := map[time.Time]SeriesPoint{}
	for i, p := range trend {
		if i > 0 && !trend[i-1].Month.Before(p.Month) {
			t.Errorf("months out of order at %s", p.Month.Format(time.DateOnly))
		}
		out[p.Month] = p
	}
	return out
}
