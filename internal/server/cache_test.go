package server

import (
	"context"
	"testing"

	"github.com/arrs-planner/arrs/internal/datacache"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// A save in one PCN recomputes the figures of that PCN and of England, on every
// instance, and no other: not another PCN's, not national ones.
func TestASaveRecomputesOnlyWhatDependsOnIt(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	one, _ := newTestServer(t, db)
	two, _ := newTestServer(t, db) // a second instance on the same database
	deps := map[string]datacache.Dep{"mine": depPCN("U60057"), "theirs": depPCN("U47425"),
		"national": {}, "england": depEngland, "icb": {ICBs: []string{"QOC"}}}
	calls := map[*Server]map[string]int{one: {}, two: {}}
	read := func() {
		t.Helper()
		for _, s := range []*Server{one, two} {
			for key, d := range deps {
				ctx := datacache.WithMemo(context.Background()) // a request of its own
				if _, err := cachedFor(ctx, s, key, d, func(context.Context) (int, error) { calls[s][key]++; return 0, nil }); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	read()
	read()
	if _, err := db.CreateStaff(context.Background(), workforce.StaffRecord{
		Staff: workforce.Staff{PCNCode: "U60057", RoleCode: "paramedic", StaffRole: "Paramedic", FTE: 1, Start: workforce.Date(2025, 4, 1),
			Band: "7", AnnualCostPence: 55_000_00, Stream: workforce.StreamARRS},
		EmploymentModel: workforce.HostPractice, Employer: "Riverside Surgery",
	}, store.Actor{Name: "alice@test.nhs.uk"}); err != nil {
		t.Fatal(err)
	}
	read()
	want := map[string]int{"mine": 2, "england": 2, "theirs": 1, "national": 1, "icb": 1}
	for _, s := range []*Server{one, two} {
		for key, n := range want {
			if calls[s][key] != n {
				t.Errorf("%q computed %d times, want %d", key, calls[s][key], n)
			}
		}
	}
}
