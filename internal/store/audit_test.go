package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

func auditCount(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM audit_log`, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAuditIsWrittenInTheChangesTransaction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "tester@test.nhs.uk"}
	boom := errors.New("the change failed after its audit entry")
	err := db.InTx(ctx, func(tx *store.DB) error {
		if err := tx.Audit(ctx, by.Entry("test.change", "thing", "1")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || auditCount(t, db) != 0 {
		t.Errorf("a failed change must leave no audit entry: err %v, %d entries", err, auditCount(t, db))
	}
	e := by.Entry("test.change", "thing", "1")
	e.PCN, e.Before, e.After = "U60057", map[string]int{"fte": 1}, map[string]int{"fte": 2}
	if err := db.InTx(ctx, func(tx *store.DB) error { return tx.Audit(ctx, e) }); err != nil {
		t.Fatal(err)
	}
	got, err := db.AuditLog(ctx, store.AuditFilter{PCN: "U60057"})
	if err != nil || len(got) != 1 || got[0].BeforeJSON != `{"fte": 1}` || got[0].AfterJSON != `{"fte": 2}` || got[0].Actor != by.Name {
		t.Errorf("%+v %v", got, err)
	}
}

func TestAuditIsAppendOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	if err := db.Audit(ctx, store.Actor{Name: "x"}.Entry("a", "b", "c")); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{`UPDATE audit_log SET actor = 'someone else'`, `DELETE FROM audit_log`} {
		var ignored int
		if err := db.QueryRowForTest(ctx, sql+` RETURNING 1`, &ignored); err == nil {
			t.Errorf("%s succeeded", sql)
		}
	}
	if auditCount(t, db) != 1 {
		t.Error("the entry changed")
	}
}

func TestAuditScopedToICBs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	by := store.Actor{Name: "x"}
	for _, pcn := range []string{"U60057", "U47425"} { // QOC, QSL
		e := by.Entry("test", "plan", pcn)
		e.PCN = pcn
		if err := db.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	lead, _ := db.AuditLog(ctx, store.AuditFilter{ICBs: []string{"QOC"}})
	if len(lead) != 1 || lead[0].PCN != "U60057" {
		t.Errorf("QOC's lead sees %+v", lead)
	}
	none, _ := db.AuditLog(ctx, store.AuditFilter{ICBs: []string{}})
	all, _ := db.AuditLog(ctx, store.AuditFilter{})
	if len(none) != 0 || len(all) != 2 {
		t.Errorf("no ICBs: %d entries; admin: %d", len(none), len(all))
	}
}
