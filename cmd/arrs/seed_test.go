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
	for _, want := range []string{"26826.3 ARRS", "manager@example.nhs.uk", "created", "a draft of 4 lines",
		"demo integration: records for", "demo pulse: a closed round of U60057 with 23 demo answers"} {
		if !strings.Contains(out, want) {
			t.Errorf("first seed: %q missing from\n%s", want, out)
		}
	}
	counts := func() string {
		var s string
		if err := db.QueryRowForTest(context.Background(), `SELECT (SELECT count(*) FROM staff)::text || '/' ||
			(SELECT count(*) FROM users)::text || '/' || (SELECT count(*) FROM plans)::text || '/' ||
			(SELECT count(*) FROM nwrs_imports)::text || '/' || (SELECT count(*) FROM audit_log)::text || '/' ||
			(SELECT count(*) FROM integration_records)::text || '/' || (SELECT count(*) FROM pulse_rounds)::text || '/' ||
			(SELECT md5(string_agg(concat_ws('|', staff_id, practice_codes, version), ',' ORDER BY staff_id)) FROM integration_records) || '/' ||
			(SELECT md5(string_agg(concat_ws('|', id, role_group, autonomy, comment), ',' ORDER BY id)) FROM pulse_answers) || '/' ||
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
	// The demo round is closed and sealed: no link left, its answers by group two
	// shown groups and two under 5 (merged on the page).
	var groups string
	if err := db.QueryRowForTest(context.Background(), `SELECT string_agg(g, ' ' ORDER BY g) FROM (
			SELECT a.role_group || ':' || count(*) AS g FROM pulse_answers a JOIN pulse_rounds r ON r.id = a.round_id
			WHERE r.pcn_code = 'U60057' AND r.sealed AND r.closed_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pulse_links)
			GROUP BY a.role_group) x`, &groups); err != nil || groups != "first_contact:9 other:3 personalised_care:7 pharmacy:4" {
		t.Errorf("the demo round's answers: %q (%v)", groups, err)
	}
	var records, overdue, three, noService int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*),
			count(*) FILTER (WHERE next_appraisal_due < now()::date),
			count(*) FILTER (WHERE cardinality(practice_codes) = 3), count(*) FILTER (WHERE service_code IS NULL)
			FROM integration_records WHERE pcn_code = 'U60057'`, &records, &overdue, &three, &noService); err != nil ||
		records < 15 || overdue != 1 || three != 1 || noService < 2 {
		t.Errorf("demo integration records: %d, %d with an overdue due date, %d at three practices, %d without a service (%v)",
			records, overdue, three, noService, err)
	}
	before := counts()
	out, _, err = runArrs("seed", "demo")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"already loaded", "exists", "already has a plan", "already has integration records", "already has a round"} {
		if !strings.Contains(out, want) {
			t.Errorf("second seed: %q missing from\n%s", want, out)
		}
	}
	if after := counts(); after != before {
		t.Errorf("the second seed changed the database: %s → %s", before, after)
	}
}
