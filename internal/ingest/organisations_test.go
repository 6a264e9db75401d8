package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/importer"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
)

// A change that would put a PCN in an ICB its sub-ICB location is not in is refused,
// naming the PCN, and writes nothing: the ICBs it would open stay unknown and the
// change stays unloaded, so the right folder loads afterwards.
func TestOrgChangeBreakingTheHierarchy(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	ch, sha, err := importer.ReadOrgChange(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range ch.PCNs {
		if p.PCNCode == "U00070" { // West Merton, in 36L of South West London (QWE)
			ch.PCNs[i].ICBCode = "QKK"
		}
	}
	version, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ApplyOrgChange(ctx, store.OrgChangeImport{FileName: "broken", SHA256: sha, Change: ch, By: seeder})
	if !errors.Is(err, store.ErrBrokenHierarchy) || !strings.Contains(err.Error(), "PCN U00070: from 2026-04-01 its sub-ICB location 36L is in ICB QWE, not QKK") {
		t.Fatalf("got %v", err)
	}
	if after, err := db.DataVersion(ctx); err != nil || after != version {
		t.Errorf("the refused change wrote: data version %d, then %d (%v)", version, after, err)
	}
	if _, err := Organisations(ctx, db, "organisations_2026-04", dir, seeder); err != nil {
		t.Errorf("the right change after the refused one: %v", err)
	}
}

// Practices first held after a change (the November 2025 mapping loaded after April
// 2026's change): each follows its sub-ICB location into its new ICB, and one whose
// location the change closed (Frimley's D4U1Y) has no place from that day, rather
// than a guess.
func TestPracticesLoadedAfterAChange(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	applyApril2026(t, db)
	f, err := refdata.Open(refdata.PracticeFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Practices(ctx, db, "gp-reg-pat-prac-map.csv", f, seeder); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"D81047": "2019-07-01..2026-04-01 06K QM7; 2026-04-01.. 06K S1Y5D", // 06K moved ICB
		"H81013": "2019-07-01..2026-04-01 D4U1Y QNQ",                       // D4U1Y closed
	} {
		if got := spansOf(t, db, code); got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
	if p := orgProblems(t, db); len(p) > 0 {
		t.Errorf("org_problems(): %v", p)
	}
}

// spansOf is a practice's spans: "from..to sub-ICB ICB", by date.
func spansOf(t *testing.T, db *store.DB, practice string) string {
	t.Helper()
	var s string
	err := db.Pool().QueryRow(context.Background(), `
		SELECT string_agg(concat(valid_from, '..', valid_to, ' ', sub_icb_code, ' ', icb_code), '; ' ORDER BY valid_from)
		FROM practice_spans WHERE practice_code = $1`, practice).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// applyApril2026 loads the embedded change of 1 April 2026 (refdata.OrgChangeDirs).
func applyApril2026(t *testing.T, db *store.DB) {
	t.Helper()
	dir, err := refdata.Dir(refdata.OrgChangeDirs[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Organisations(context.Background(), db, "organisations_2026-04", dir, seeder); err != nil {
		t.Fatal(err)
	}
}
