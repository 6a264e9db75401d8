package needreport_test

import (
	"context"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/needreport"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestDayOf(t *testing.T) {
	t.Parallel()
	oct, nov, jan := workforce.Date(2025, 10, 31), workforce.Date(2025, 11, 30), workforce.Date(2026, 1, 31)
	var zero time.Time
	for _, c := range []struct{ at, asOf, latest, want time.Time }{
		{zero, zero, nov, nov},   // the latest census
		{zero, jan, nov, jan},    // the as-of date given
		{oct, zero, nov, oct},    // an earlier day
		{jan, zero, nov, nov},    // a later day is the as-of date's
		{jan, oct, nov, oct},     // min(at, as-of)
		{oct, zero, zero, oct},   // no census: the day
		{zero, zero, zero, zero}, // nothing known
	} {
		if got := needreport.DayOf(c.at, c.asOf, c.latest); !got.Equal(c.want) {
			t.Errorf("DayOf(%v, %v, %v) = %v, want %v", c.at, c.asOf, c.latest, got, c.want)
		}
	}
}

// An as-of date given on a database with no census at all implies none: nothing
// observed is known, and every row's observed, expected, ratio and limits are "no
// data" (the comparison before any import asks so, for today).
func TestComputeAsOfWithNoCensus(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	day := workforce.Date(2026, 1, 31)
	rep, err := needreport.Compute(context.Background(), db, needreport.Options{At: day, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Known || !rep.Day.Equal(day) || !rep.AsOf.Equal(day) || !rep.DataStart.IsZero() || rep.EnglandFTE != 0 {
		t.Errorf("known %v, day %v, as of %v, data start %v, England FTE %v", rep.Known, rep.Day, rep.AsOf, rep.DataStart, rep.EnglandFTE)
	}
	for _, level := range []workforce.Level{workforce.LevelEngland, workforce.LevelRegion, workforce.LevelICB, workforce.LevelPCN} {
		rows := rep.Rows(level)
		if len(rows) == 0 {
			t.Fatalf("no %s rows", level)
		}
		for _, r := range rows {
			if r.Known || r.HasRatio || r.Expected != 0 || r.Limits.Upper998 != 0 || r.Outside998 || r.NoReturn || !(r.Registered > 0) {
				t.Fatalf("%s %s with no census: %+v", level, r.Code, r)
			}
		}
	}
}
