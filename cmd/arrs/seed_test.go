package main

import (
	"context"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
)

// `make run` seeds every time: the second run must change nothing.
func TestSeedDemoTwiceChangesNothing(t *testing.T) {
	db, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	out, _, err := runArrs("seed", "demo", "--password", "a-demo-password")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"26826.3 ARRS", "manager@example.nhs.uk", "created", "a draft of 4 lines"} {
		if !strings.Contains(out, want) {
			t.Errorf("first seed: %q missing from\n%s", want, out)
		}
	}
	counts := func() string {
		var s string
		if err := db.QueryRowForTest(context.Background(), `SELECT (SELECT count(*) FROM staff)::text || '/' ||
			(SELECT count(*) FROM users)::text || '/' || (SELECT count(*) FROM plans)::text || '/' ||
			(SELECT count(*) FROM nwrs_imports)::text || '/' || (SELECT count(*) FROM audit_log)::text || '/' ||
			(SELECT md5(string_agg(concat_ws('|', id, fte, start_date, end_date, version), ',' ORDER BY id)) FROM staff)`, &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	var demo, all int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FILTER (WHERE demo), count(*) FROM users`, &demo, &all); err != nil || demo != 4 || all != 4 {
		t.Errorf("demo accounts: %d of %d flagged demo (%v), want all 4", demo, all, err)
	}
	if ok, err := db.DemoAccountsExist(context.Background()); !ok || err != nil {
		t.Errorf("the seeded demo accounts were not found by the production warning: %v", err)
	}
	before := counts()
	out, _, err = runArrs("seed", "demo")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"already loaded", "exists", "already has a plan"} {
		if !strings.Contains(out, want) {
			t.Errorf("second seed: %q missing from\n%s", want, out)
		}
	}
	if after := counts(); after != before {
		t.Errorf("the second seed changed the database: %s → %s", before, after)
	}
}
