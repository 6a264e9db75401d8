package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
)

func addUser(t *testing.T, db *store.DB, email string, grants ...auth.Grant) auth.User {
	t.Helper()
	u, err := db.CreateUser(context.Background(), auth.User{Email: email, Name: "Test " + email, Active: true, Grants: grants}, testActor)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func activeAdmins(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowForTest(context.Background(), `SELECT count(DISTINCT u.id) FROM users u
		JOIN user_grants g ON g.user_id = u.id WHERE u.active AND g.role = 'admin'`, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Two admins, each in their own transaction, take away the other's admin role at the
// same time: checked one by one, each sees the other still an admin and both would
// succeed, leaving none. Serialised in the database, exactly one succeeds.
func TestLastAdminRuleUnderConcurrentDemotions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	a := addUser(t, db, "a@test.nhs.uk", auth.Grant{Role: auth.Admin})
	b := addUser(t, db, "b@test.nhs.uk", auth.Grant{Role: auth.Admin})
	demoteA, deactivateB := a, b
	demoteA.Grants = []auth.Grant{{Role: auth.ICBLead, Org: "QOC"}}
	deactivateB.Active = false

	var started sync.WaitGroup
	started.Add(2)
	aChanged := make(chan struct{})
	errs := make([]error, 2)
	var done sync.WaitGroup
	done.Add(2)
	go func() { // A's transaction changes first, and holds on before committing.
		defer done.Done()
		errs[0] = db.InTx(ctx, func(tx *store.DB) error {
			if _, err := tx.UserByID(ctx, a.ID); err != nil {
				return err
			}
			started.Done()
			started.Wait()
			_, err := tx.UpdateUser(ctx, demoteA, testActor)
			close(aChanged)
			time.Sleep(300 * time.Millisecond)
			return err
		})
	}()
	go func() { // B's transaction, already open, changes while A's is uncommitted.
		defer done.Done()
		errs[1] = db.InTx(ctx, func(tx *store.DB) error {
			if _, err := tx.UserByID(ctx, b.ID); err != nil {
				return err
			}
			started.Done()
			started.Wait()
			<-aChanged
			_, err := tx.UpdateUser(ctx, deactivateB, testActor)
			return err
		})
	}()
	done.Wait()
	succeeded := 0
	for i, err := range errs {
		switch {
		case err == nil:
			succeeded++
		case !errors.Is(err, store.ErrLastAdmin):
			t.Errorf("transaction %d: %v, want ErrLastAdmin or success", i, err)
		}
	}
	if succeeded != 1 {
		t.Errorf("%d of the two demotions succeeded (%v), want exactly one", succeeded, errs)
	}
	if n := activeAdmins(t, db); n != 1 {
		t.Errorf("%d active admins left, want 1", n)
	}
}

func TestLastAdminCannotBeDemoted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	a := addUser(t, db, "a@test.nhs.uk", auth.Grant{Role: auth.Admin})
	for name, change := range map[string]func(*auth.User){
		"grant removed": func(u *auth.User) { u.Grants = []auth.Grant{{Role: auth.ICBLead, Org: "QOC"}} },
		"deactivated":   func(u *auth.User) { u.Active = false },
	} {
		u := a
		change(&u)
		if _, err := db.UpdateUser(ctx, u, testActor); !errors.Is(err, store.ErrLastAdmin) {
			t.Errorf("%s: %v, want ErrLastAdmin", name, err)
		}
	}
	if got, _ := db.UserByID(ctx, a.ID); !got.IsAdmin() || !got.Active || got.Version != a.Version {
		t.Errorf("the refused change was written: %+v", got)
	}
	// With a second admin, the first may step down.
	addUser(t, db, "b@test.nhs.uk", auth.Grant{Role: auth.Admin})
	a.Active = false
	if _, err := db.UpdateUser(ctx, a, testActor); err != nil {
		t.Errorf("demoting one of two admins: %v", err)
	}
}

// No one both manages and directs a PCN, whether the grants come together, one is
// added later, or two transactions add one each.
func TestGrantsManagerAndDirectorExclusive(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	both := []auth.Grant{{Role: auth.PCNManager, Org: "U60057"}, {Role: auth.ClinicalDirector, Org: "U60057"}}
	_, err := db.CreateUser(ctx, auth.User{Email: "both@test.nhs.uk", Name: "Both", Active: true, Grants: both}, testActor)
	var e auth.ErrSelfSignOff
	if !errors.As(err, &e) || e.PCN != "U60057" {
		t.Errorf("create with both grants: %v, want ErrSelfSignOff for U60057", err)
	}
	if _, err := db.UserByEmail(ctx, "both@test.nhs.uk"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the refused user was created: %v", err)
	}

	m := addUser(t, db, "m@test.nhs.uk", both[0], auth.Grant{Role: auth.ClinicalDirector, Org: "U47425"})
	m.Grants = append(m.Grants, both[1])
	if _, err := db.UpdateUser(ctx, m, testActor); !errors.As(err, &e) {
		t.Errorf("adding the director grant to the manager: %v, want ErrSelfSignOff", err)
	}
	if got, _ := db.UserByID(ctx, m.ID); len(got.Grants) != 2 || got.Version != m.Version {
		t.Errorf("the refused grants were written: %+v", got)
	}

	// Straight to the table, as a concurrent writer would: the index holds.
	err = db.InTx(ctx, func(tx *store.DB) error {
		var one int
		return tx.QueryRowForTest(ctx, `WITH i AS (INSERT INTO user_grants (user_id, role, org_code)
			SELECT id, 'clinical_director', 'U60057' FROM users WHERE email = 'm@test.nhs.uk' RETURNING 1) SELECT count(*) FROM i`, &one)
	})
	if err == nil {
		t.Error("the database accepted a director grant beside a manager grant for one PCN")
	}
}

func TestUserDemoFlagAndSetPassword(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.New(t)
	if ok, err := db.DemoAccountsExist(ctx); ok || err != nil {
		t.Fatalf("no users, yet demo accounts: %v %v", ok, err)
	}
	real := addUser(t, db, "real@example.nhs.uk", auth.Grant{Role: auth.Admin})
	if ok, _ := db.DemoAccountsExist(ctx); ok {
		t.Error("an account not flagged demo counted as one (by its email)")
	}
	d, err := db.CreateUser(ctx, auth.User{Email: "demo@example.nhs.uk", Name: "Demo", PasswordHash: "h", Active: true, Demo: true,
		Grants: []auth.Grant{{Role: auth.PCNManager, Org: "U60057"}}}, testActor)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.UserByID(ctx, d.ID); !got.Demo {
		t.Error("the demo flag was not stored")
	}
	if ok, _ := db.DemoAccountsExist(ctx); !ok {
		t.Error("an active demo account was not found")
	}
	if err := db.SetPassword(ctx, d.ID, "new-hash", testActor); err != nil {
		t.Fatal(err)
	}
	got, _ := db.UserByID(ctx, d.ID)
	if got.Demo || got.PasswordHash != "new-hash" || got.Version != d.Version+1 {
		t.Errorf("after a new password: demo %v, hash %q, version %d", got.Demo, got.PasswordHash, got.Version)
	}
	if ok, _ := db.DemoAccountsExist(ctx); ok {
		t.Error("a demo account with its own password still counts as one")
	}
	if err := db.SetPassword(ctx, real.ID+100, "x", testActor); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown user: %v", err)
	}
}
