package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// testActor is who the tests' direct writes are by: every write is audited, and an
// audit entry must name someone.
var testActor = store.Actor{Name: "test"}

// A missing row is ErrNotFound, and the error says which read failed and for what key.
func TestNotFoundNamesTheOperationAndKey(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"plan", second(db.Plan(ctx, 987654)), "store: plan 987654: not found"},
		{"site", second(db.Site(ctx, "U60057", 987654)), "store: site 987654 of U60057: not found"},
		{"draft", third(db.PCNDraft(ctx, "U60057")), "store: draft of U60057: not found"},
		{"role", second(db.Role(ctx, "no_such_role")), "store: role no_such_role: not found"},
		{"password", db.SetPassword(ctx, 987654, "h", testActor), "store: set password of user 987654: not found"},
	}
	for _, c := range cases {
		if !errors.Is(c.err, store.ErrNotFound) || c.err.Error() != c.want {
			t.Errorf("%s: %v, want ErrNotFound reading %q", c.name, c.err, c.want)
		}
	}
}

// A failed query (here, its request cancelled) is never ErrNotFound: the pages would
// answer 404 for what is a fault or an outage.
func TestAFailedQueryIsNotNotFound(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cases := map[string]error{
		"plan":   second(db.Plan(ctx, 1)),
		"site":   second(db.Site(ctx, "U60057", 1)),
		"user":   second(db.UserByEmail(ctx, "nobody@test.nhs.uk")),
		"draft":  third(db.PCNDraft(ctx, "U60057")),
		"target": second(db.TargetByName(ctx, "nothing")),
		"census": second(db.LatestCensus(ctx)),
	}
	for name, err := range cases {
		if err == nil || errors.Is(err, store.ErrNotFound) || !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "store: ") {
			t.Errorf("%s with a cancelled request: %v, want the cancellation, named, and not ErrNotFound", name, err)
		}
	}
}

// Sentinels and typed errors stay reachable through the operation's wrapping, and a
// write inside a write reads as one chain under one prefix.
func TestWrappedErrorsKeepTheirCause(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), dbtest.New(t)
	first := addUser(t, db, "twice@test.nhs.uk")
	if _, err := db.CreateUser(ctx, auth.User{Email: first.Email, Name: "Again"}, testActor); !errors.Is(err, store.ErrConflict) ||
		!strings.HasPrefix(err.Error(), "store: create user twice@test.nhs.uk: conflict") {
		t.Errorf("a taken email: %v", err)
	}
	first.Version = 99
	if _, err := db.UpdateUser(ctx, first, testActor); !errors.Is(err, store.ErrConflict) || strings.Count(err.Error(), "store: ") != 1 {
		t.Errorf("a stale update: %v", err)
	}
	if _, err := db.MovePlan(ctx, store.PlanMove{PCN: "U60057", PlanID: 987654, Action: workforce.ActionSubmit, By: testActor}); !errors.Is(err, store.ErrNotFound) ||
		err.Error() != "store: submit plan 987654 of U60057: not found" {
		t.Errorf("moving a missing plan: %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

func third[T, U any](_ T, _ U, err error) error { return err }
