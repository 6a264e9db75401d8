package store

import (
	"context"
	"errors"

	"github.com/arrs-planner/arrs/internal/auth"
)

// Accounts is the users' store as signing in asks it (auth.Accounts, declared there
// because auth cannot import the store): an absence is found == false, any other
// error the store's, so that a failed read is never taken for an unknown account.
type Accounts struct{ db *DB }

var _ auth.Accounts = Accounts{}

// Accounts is the store as signing in asks it.
func (db *DB) Accounts() Accounts { return Accounts{db} }

// UserByEmail is the account with a normalised email address.
func (a Accounts) UserByEmail(ctx context.Context, email string) (auth.User, bool, error) {
	return found(a.db.UserByEmail(ctx, email))
}

// UserByOIDCSubject is the account linked to a single sign-on subject.
func (a Accounts) UserByOIDCSubject(ctx context.Context, sub string) (auth.User, bool, error) {
	return found(a.db.UserByOIDCSubject(ctx, sub))
}

// LinkOIDCSubject records the subject as the user's own act; a user linked to another
// subject already is not linked (ErrConflict from LinkOIDCSubject).
func (a Accounts) LinkOIDCSubject(ctx context.Context, u auth.User, sub string) (bool, error) {
	err := a.db.LinkOIDCSubject(ctx, u.ID, sub, Actor{UserID: u.ID, Name: u.Email})
	if errors.Is(err, ErrConflict) {
		return false, nil
	}
	return err == nil, err
}

// found turns ErrNotFound into found == false.
func found(u auth.User, err error) (auth.User, bool, error) {
	if errors.Is(err, ErrNotFound) {
		return u, false, nil
	}
	return u, err == nil, err
}
