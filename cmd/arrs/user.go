package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
)

func (a *app) user(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("%w: user needs add", errUsage)
	}
	fs := newFlags("user add")
	email := fs.String("email", "", "email address")
	name := fs.String("name", "", "full name")
	role := fs.String("role", "", "pcn_manager, clinical_director, icb_lead or admin")
	org := fs.String("org", "", "PCN or ICB code(s), comma-separated")
	password := fs.String("password", os.Getenv("ARRS_PASSWORD"), "password (default: $ARRS_PASSWORD, else a random one, printed)")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	u, pw, err := newUser(*email, *name, *role, *org, *password)
	if err != nil {
		return err
	}
	db, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	created, err := addUser(ctx, db, u, cliActor())
	var selfSignOff auth.ErrSelfSignOff
	switch {
	case errors.Is(err, store.ErrConflict):
		return fmt.Errorf("there is already a user with the email %s", u.Email)
	case errors.As(err, &selfSignOff):
		return fmt.Errorf("--role/--org: %w", selfSignOff)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "added %s (%s), id %d\n", created.Name, created.Email, created.ID)
	if *password == "" {
		fmt.Fprintf(a.stdout, "password: %s\n", pw)
	}
	return nil
}

// newUser checks the command line's fields and hashes the password (a random one
// when none is given). The password follows the policy, as in the app.
func newUser(email, name, role, orgs, password string) (auth.User, string, error) {
	e, err := auth.NormaliseEmail(email)
	if err == nil && utf8.RuneCountInString(e) > workforce.MaxEmailLength {
		err = fmt.Errorf("email address must be %d characters or fewer", workforce.MaxEmailLength)
	}
	if err != nil {
		return auth.User{}, "", fmt.Errorf("--email: %w", err)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return auth.User{}, "", errors.New("--name is required")
	}
	if utf8.RuneCountInString(name) > workforce.MaxNameLength {
		return auth.User{}, "", fmt.Errorf("--name: name must be %d characters or fewer", workforce.MaxNameLength)
	}
	grants, err := auth.ParseGrants(role, orgs)
	if err == nil {
		err = auth.CheckGrants(grants)
	}
	if err != nil {
		return auth.User{}, "", fmt.Errorf("--role/--org: %w", err)
	}
	owner := auth.PasswordOwner{Email: e, Name: name}
	if password == "" {
		password = randomPassword(owner)
	}
	if err := auth.CheckPassword(password, owner); err != nil {
		return auth.User{}, "", fmt.Errorf("--password: %w", err)
	}
	hash, err := auth.HashPassword(password, auth.DefaultParams)
	if err != nil {
		return auth.User{}, "", err
	}
	return auth.User{Email: e, Name: name, PasswordHash: hash, Active: true, Grants: grants}, password, nil
}

// randomPassword is 20 random URL-safe characters (120 bits) that pass the policy.
func randomPassword(owner auth.PasswordOwner) string {
	for {
		b := make([]byte, 15)
		_, _ = rand.Read(b)
		if p := base64.RawURLEncoding.EncodeToString(b); auth.CheckPassword(p, owner) == nil {
			return p
		}
	}
}

// addUser creates a user after checking its organisations exist and its grants go
// together as in the app (auth.CheckGrantsIn), with its audit entry.
func addUser(ctx context.Context, db *store.DB, u auth.User, by store.Actor) (auth.User, error) {
	for _, g := range u.Grants {
		ok, err := db.OrgExists(ctx, g)
		if err != nil {
			return u, err
		}
		if !ok {
			return u, fmt.Errorf("--org: there is no organisation with the code %s", g.Org)
		}
	}
	tree, err := db.Tree(ctx)
	if err != nil {
		return u, fmt.Errorf("check the grants of %s: %w", u.Email, err)
	}
	if err := auth.CheckGrantsIn(u.Grants, tree.ICBOf); err != nil {
		return u, fmt.Errorf("--role/--org: %w", err)
	}
	return db.CreateUser(ctx, u, by)
}
