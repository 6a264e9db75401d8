package funding

import (
	"context"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestCheckStaff(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	var id int64 // the digital lead in post
	if err := db.QueryRowForTest(ctx, `INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date)
		VALUES ('U60057', 'digital_transformation_lead', 'Digital lead', 'manual', 0.6, '2025-01-01') RETURNING id`, &id); err != nil {
		t.Fatal(err)
	}
	rec := func(role, band string, fte float64, cost workforce.Pence, start time.Time) workforce.StaffRecord {
		return workforce.StaffRecord{Staff: workforce.Staff{PCNCode: "U60057", RoleCode: role, Band: band, FTE: fte,
			AnnualCostPence: cost, Start: start, Stream: workforce.StreamARRS}}
	}
	day := workforce.Date(2025, 6, 1)
	cases := []struct {
		name      string
		rec       workforce.StaffRecord
		overCap   bool
		cap       workforce.Pence
		overCount bool
		fte       float64
	}{
		// The pharmacist's cap from 1 April 2025 is £66,972.
		{"above the cap", rec("clinical_pharmacist", "", 1, 7_000_000, day), true, 6_697_200, false, 0},
		{"at the cap", rec("clinical_pharmacist", "", 1, 6_697_200, day), false, 6_697_200, false, 0},
		// A nurse on band 6 is claimed against the experienced cap, £53,319.
		{"experienced nurse", rec("general_practice_nurse", "6", 1, 5_000_000, day), false, 5_331_900, false, 0},
		{"new nurse", rec("general_practice_nurse", "5", 1, 5_000_000, day), true, 4_335_200, false, 0},
		// The digital lead in post (0.6) and this one (0.6) pass the 1 per PCN.
		{"over the numbers", rec("digital_transformation_lead", "", 0.6, 0, day), false, 0, true, 1.2},
		{"no start date", rec("clinical_pharmacist", "", 1, 7_000_000, time.Time{}), false, 0, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckStaff(ctx, db, c.rec, 105122)
			if err != nil {
				t.Fatal(err)
			}
			if got.OverCap != c.overCap || (c.cap != 0 && got.Cap != c.cap) || got.OverNumbers != c.overCount || got.FTE != c.fte && c.overCount {
				t.Errorf("%+v", got)
			}
		})
	}
	// Not claimed from the ARRS: nothing to check.
	for _, s := range []workforce.Stream{workforce.StreamOther, workforce.StreamPracticeGP} {
		r := rec("clinical_pharmacist", "", 1, 7_000_000, day)
		r.Stream = s
		if got, err := CheckStaff(ctx, db, r, 105122); err != nil || got.OverCap {
			t.Errorf("a record paid by %s: %+v %v", s, got, err)
		}
	}
	// A second digital lead the PCN pays for itself is not claimed, and the one in
	// post is not counted against a new one once it is paid from other money.
	self := rec("digital_transformation_lead", "", 0.6, 0, day)
	self.Stream = workforce.StreamOther
	if got, err := CheckStaff(ctx, db, self, 105122); err != nil || got.OverNumbers {
		t.Errorf("a digital lead on other money: %+v %v", got, err)
	}
	if err := db.QueryRowForTest(ctx, `UPDATE staff SET funding_stream = 'other' WHERE role_code = 'digital_transformation_lead' RETURNING id`, &id); err != nil {
		t.Fatal(err)
	}
	if got, err := CheckStaff(ctx, db, rec("digital_transformation_lead", "", 0.6, 0, day), 105122); err != nil || got.OverNumbers {
		t.Errorf("the one in post is paid from other money: %+v %v", got, err)
	}
}

func TestAsOf(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	today := workforce.Date(2026, 11, 23)
	asOf, census, err := AsOf(ctx, db, today)
	if err != nil || census || !asOf.Equal(today) {
		t.Errorf("before any import: %s %v %v", asOf, census, err)
	}
}
