package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/dbtest"
)

// `arrs user add` sets passwords by the app's policy; refused, nothing is written.
func TestUserAddPasswordPolicy(t *testing.T) {
	db, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	t.Setenv("ARRS_PASSWORD", "")
	add := func(email, password string) (string, error) {
		out, _, err := runArrs("user", "add", "--email", email, "--name", "Jane Smithson", "--role", "admin", "--password", password)
		return out, err
	}
	for _, c := range []struct{ password, want string }{
		{"short pass", "12 characters or more"},
		{"password1234", "harder to guess"},
		{"smithson violet harbour", "must not contain the person's name"},
		{"jane.smithson lantern", "must not contain the person's name"},
	} {
		if _, err := add("jane.smithson@nhs.net", c.password); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--password %q: %v, want %q", c.password, err, c.want)
		}
	}
	if _, err := db.UserByEmail(context.Background(), "jane.smithson@nhs.net"); err == nil {
		t.Fatal("a refused password created the user")
	}
	if _, err := add("jane.smithson@nhs.net", "violet harbour lantern"); err != nil {
		t.Fatalf("a strong password: %v", err)
	}

	// No password given: a random one that passes the policy is printed.
	out, _, err := runArrs("user", "add", "--email", "random@nhs.net", "--name", "Random Person", "--role", "admin")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no password printed:\n%s", out)
	}
	if err := auth.CheckPassword(m[1], auth.PasswordOwner{Email: "random@nhs.net", Name: "Random Person"}); err != nil {
		t.Errorf("the printed password fails the policy: %v", err)
	}
	u, err := db.UserByEmail(context.Background(), "random@nhs.net")
	if err != nil || u.Demo {
		t.Errorf("random@nhs.net: %+v %v (a user added by the command is never a demo account)", u, err)
	}
	if ok, _ := auth.VerifyPassword(m[1], u.PasswordHash); !ok {
		t.Error("the printed password does not open the account")
	}
}

func TestUserAddNameTooLong(t *testing.T) {
	_, url := dbtest.NewWithURL(t)
	t.Setenv("DATABASE_URL", url)
	_, _, err := runArrs("user", "add", "--email", "a@nhs.net", "--name", strings.Repeat("x", 201), "--role", "admin", "--password", "violet harbour lantern")
	if err == nil || !strings.Contains(err.Error(), "200 characters or fewer") {
		t.Errorf("a 201-character name: %v", err)
	}
}

// addUser (behind `arrs user add` and `arrs seed demo`) refuses a clinical director's
// grant with a lead's grant for the PCN's ICB, as the app's user form does: that person
// would accept the plan they signed off. `arrs user add` gives one role per account,
// so this guards any caller that combines grants. Nothing is written.
func TestAddUserRefusesDirectorAndLeadOfItsICB(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	ctx := context.Background()
	u := auth.User{Email: "both@nhs.net", Name: "Both Roles", Active: true,
		Grants: []auth.Grant{{Role: auth.ICBLead, Org: "QOC"}, {Role: auth.ClinicalDirector, Org: "U60057"}}}
	_, err := addUser(ctx, db, u, cliActor())
	if err == nil || !strings.Contains(err.Error(), "clinical director of U60057 and a lead of its ICB QOC") {
		t.Fatalf("director of U60057 and lead of QOC: %v", err)
	}
	if _, err := db.UserByEmail(ctx, u.Email); err == nil {
		t.Fatal("the refused grants created the user")
	}
	u.Grants[0].Org = "QSL" // another ICB's lead
	if _, err := addUser(ctx, db, u, cliActor()); err != nil {
		t.Fatalf("director of U60057 and lead of QSL: %v", err)
	}
}
