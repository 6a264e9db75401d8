package store_test

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func TestStaffLeaving(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	add := func(pcn, end string) int64 {
		var id int64
		if err := db.QueryRowForTest(ctx, `INSERT INTO staff (pcn_code, role_code, staff_role, source, fte, start_date, end_date)
			VALUES ('`+pcn+`', 'paramedic', 'Paramedic', 'manual', 1, '2025-01-01', '`+end+`') RETURNING id`, &id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	add("U60057", "2026-11-23")          // left today: gone
	late := add("U60057", "2027-02-23")  // the last day of the span counts
	early := add("U60057", "2026-11-24") // tomorrow
	add("U60057", "2027-02-24")          // after the span
	add("U79722", "2026-12-01")          // another PCN
	got, err := db.StaffLeaving(ctx, "U60057", workforce.Date(2026, 11, 23), workforce.Date(2027, 2, 23))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != early || got[1].ID != late {
		t.Errorf("leaving: %+v", got)
	}
}

func TestPlanVersions(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	line := func(pcn string) []workforce.PlanLine {
		return []workforce.PlanLine{{PCNCode: pcn, RoleCode: "paramedic", QuarterStart: workforce.Date(2027, 1, 1), StartersFTE: 1}}
	}
	if _, err := db.ReplaceDrafts(ctx, "test.csv", append(line("U60057"), line("U79722")...), testActor); err != nil {
		t.Fatal(err)
	}
	v1, err := db.EditablePlan(ctx, "U60057")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: v1.ID, Version: v1.Version, Action: workforce.ActionSubmit, By: store.Actor{Name: "test"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReplaceDrafts(ctx, "test.csv", line("U60057"), testActor); err != nil { // version 2, a draft
		t.Fatal(err)
	}
	all, err := db.PlanVersionsOfICB(ctx, "QOC")
	if err != nil {
		t.Fatal(err)
	}
	// U60057: version 2 (draft, newest first), version 1 (submitted: the current plan);
	// U79722: version 1 (its draft: not current, a draft never counts).
	if len(all) != 3 || all[0].PCNCode != "U60057" || all[0].Number != 2 || all[0].Current ||
		all[1].Number != 1 || !all[1].Current || all[1].Status != workforce.PlanSubmitted || all[2].PCNCode != "U79722" || all[2].Current {
		t.Errorf("versions: %+v", all)
	}
	one, err := db.PlanVersionsOfPCN(ctx, "U79722")
	if err != nil || len(one) != 1 || one[0].Number != 1 {
		t.Errorf("one PCN's versions: %+v %v", one, err)
	}
	if other, _ := db.PlanVersionsOfICB(ctx, "QSL"); len(other) != 0 {
		t.Errorf("another ICB's: %+v", other)
	}
}

func TestStaffOfICB(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	for _, pcn := range []string{"U60057", "U79722", "U47425"} {
		capStaff(t, db, pcn)
	}
	got, err := db.StaffOfICB(ctx, "QOC")
	if err != nil || len(got) != 2 || got[0].PCNCode != "U60057" || got[1].PCNCode != "U79722" {
		t.Errorf("QOC's staff: %+v %v", got, err)
	}
}
