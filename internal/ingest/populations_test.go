package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/store"
)

// A weighted population moves every PCN's fair share, so an implausible one (against
// the absolute cap, the PCN's registered list of 105,122, or the scheme's dates as of
// 7 December 2026 in London) is refused with its line, and nothing is written.
func TestImplausiblePopulationsAreRefusedWithTheirLine(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	before := populationsTable(t, db)
	const ok = "U79722,30000,2025-01-01\n"
	cases := []struct {
		name, row, column, reason string
	}{
		{"ten million", "U60057,9999999,2025-01-01", "weighted_population", "more than 1,000,000 patients"},
		{"past 2.5× the list", "U60057,262806,2025-01-01", "weighted_population", "not plausible for PCN U60057, whose registered list is 105,122 patients"},
		{"under half the list", "U60057,52560,2025-01-01", "weighted_population", "outside 0.5× to 2.5× of it (52,561 to 262,805)"},
		{"a century ahead", "U60057,100000,2100-01-01", "effective_date", "more than 15 months after today (2026-12-07)"},
		{"a day past the window", "U60057,100000,2028-03-08", "effective_date", "the latest allowed is 2028-03-07"},
		{"before the scheme", "U60057,100000,2019-06-30", "effective_date", "before the ARRS began (2019-07-01)"},
	}
	for _, c := range cases {
		_, err := Populations(ctx, db, "p.csv", strings.NewReader(popHeader+ok+c.row+"\n"), store.Actor{Name: "lead"}, nil, testNow)
		var re *importer.RowError
		if !errors.As(err, &re) || re.Line != 3 || re.Column != c.column || !strings.Contains(re.Reason, c.reason) {
			t.Errorf("%s: want line 3, column %s, %q; got %v", c.name, c.column, c.reason, err)
		}
	}
	if populationsTable(t, db) != before || count(t, db, "audit_log") != 0 {
		t.Error("a refused populations file wrote something")
	}
	// The edges pass: 2.5× and 0.5× the list, the scheme's first day, 15 months ahead.
	edges := "U60057,262805,2019-07-01\nU60057,52561,2028-03-07\n"
	if _, err := Populations(ctx, db, "p.csv", strings.NewReader(popHeader+edges), store.Actor{Name: "lead"}, nil, testNow); err != nil {
		t.Errorf("the edges of the bounds: %v", err)
	}
}

// A lead's file naming a PCN outside their ICBs is a ScopeError (a security event for
// the server) naming its line, and nothing is written.
func TestPopulationsOutsideTheLeadsICBsAreRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	qoc := func(pcn string) bool { return pcn == "U60057" || pcn == "U79722" }
	before := populationsTable(t, db)
	file := popHeader + "U60057,100000,2025-01-01\nU00000,60000,2025-01-01\n" // U00000 is QMM's
	_, err := Populations(ctx, db, "p.csv", strings.NewReader(file), store.Actor{Name: "lead"}, qoc, testNow)
	var se *ScopeError
	if !errors.As(err, &se) || se.Line != 3 || se.Column != "pcn_code" || !strings.Contains(se.Reason, "PCN U00000 is not one of the networks you may change") {
		t.Errorf("want a ScopeError on line 3, pcn_code; got %v", err)
	}
	if populationsTable(t, db) != before || count(t, db, "audit_log") != 0 {
		t.Error("a refused populations file wrote something")
	}
}

// Each PCN an import changes gets an audit entry naming it and its ICB, with the
// values written and those they replaced.
func TestPopulationsAuditNamesThePCNAndTheValues(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	lead := store.Actor{Name: "lead@test.nhs.uk"}
	if _, err := Populations(ctx, db, "a.csv", strings.NewReader(popHeader+"U60057,100000,2025-01-01\n"), lead, nil, testNow); err != nil {
		t.Fatal(err)
	}
	file := popHeader + "U60057,110000.5,2025-01-01\nU79722,30000,2025-04-01\nU60057,111000,2026-04-01\n"
	if _, err := Populations(ctx, db, "b.csv", strings.NewReader(file), lead, nil, testNow); err != nil {
		t.Fatal(err)
	}
	entries, err := db.AuditLog(ctx, store.AuditFilter{Actor: lead.Name})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ pcn, icb, before, after string }{ // newest first
		{"U79722", "QOC", "", `"populations": [{"effective_date": "2025-04-01", "weighted_population": 30000}]`},
		{"U60057", "QOC", `{"populations": [{"effective_date": "2025-01-01", "weighted_population": 100000}]}`,
			`"populations": [{"effective_date": "2025-01-01", "weighted_population": 110000.5}, {"effective_date": "2026-04-01", "weighted_population": 111000}]`},
		{"U60057", "QOC", "", `"populations": [{"effective_date": "2025-01-01", "weighted_population": 100000}]`},
	}
	if len(entries) != len(want) {
		t.Fatalf("%d audit entries, want %d: %+v", len(entries), len(want), entries)
	}
	for i, w := range want {
		e := entries[i]
		if e.Action != "populations.import" || e.PCN != w.pcn || e.ICB != w.icb || e.BeforeJSON != w.before || !strings.Contains(e.AfterJSON, w.after) {
			t.Errorf("entry %d: %s %s/%s before %s after %s; want %s/%s before %s after ⊇ %s", i, e.Action, e.PCN, e.ICB, e.BeforeJSON, e.AfterJSON, w.pcn, w.icb, w.before, w.after)
		}
	}
}
