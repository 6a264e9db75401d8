package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

// TestAppRoleCannotRewriteTheAuditTrail: the store's connections work as arrs_app,
// which may append to the audit trail (and to the staff and plan histories) but not
// change, empty or unprotect it, even with the append-only trigger gone.
func TestAppRoleCannotRewriteTheAuditTrail(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, url := dbtest.NewWithURL(t)
	var who string
	if err := db.QueryRowForTest(ctx, `SELECT current_user`, &who); err != nil || who != store.AppRole {
		t.Fatalf("current_user = %q (%v), want %s", who, err, store.AppRole)
	}
	if err := db.Audit(ctx, store.Actor{Name: "x"}.Entry("a", "b", "c")); err != nil {
		t.Fatalf("the app role must append to the audit trail: %v", err)
	}
	owner, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close(ctx)
	if _, err := owner.Exec(ctx, `DROP TRIGGER audit_log_no_update ON audit_log`); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		`ALTER TABLE audit_log DISABLE TRIGGER ALL`,
		`UPDATE audit_log SET actor = 'someone else'`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
		`DROP TABLE audit_log`,
		`ALTER TABLE staff DISABLE TRIGGER ALL`,
		`UPDATE staff_history SET changed_by = 'someone else'`,
		`DELETE FROM staff_history`,
		`UPDATE plan_events SET comment = 'rewritten'`,
		`DELETE FROM plan_events`,
	} {
		t.Run(sql, func(t *testing.T) {
			var ignored int
			err := db.QueryRowForTest(ctx, sql, &ignored)
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "42501" {
				t.Errorf("want insufficient_privilege (42501), got %v", err)
			}
		})
	}
	var n int
	if err := owner.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE actor = 'x'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the entry changed: %d %v", n, err)
	}
}

// TestAppRoleOwnsNothing: every table and sequence belongs to the migrating user.
func TestAppRoleOwnsNothing(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	var n int
	err := db.QueryRowForTest(context.Background(), `SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'arrs_app'`, &n)
	if err != nil || n != 0 {
		t.Errorf("arrs_app owns %d relations (%v)", n, err)
	}
}
