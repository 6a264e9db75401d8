package server

import (
	"context"
	"errors"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
)

// accounts is the store as signing in asks it (auth.Accounts): an absence is
// found == false, any other error the store's.
type accounts struct{ db *store.DB }

func (a accounts) UserByEmail(ctx context.Context, email string) (auth.User, bool, error) {
	return found(a.db.UserByEmail(ctx, email))
}

func (a accounts) UserByOIDCSubject(ctx context.Context, sub string) (auth.User, bool, error) {
	return found(a.db.UserByOIDCSubject(ctx, sub))
}

// LinkOIDCSubject records the subject as the user's own act; a user linked to another
// subject already is a conflict in the store.
func (a accounts) LinkOIDCSubject(ctx context.Context, u auth.User, sub string) (bool, error) {
	err := a.db.LinkOIDCSubject(ctx, u.ID, sub, store.Actor{UserID: u.ID, Name: u.Email})
	if errors.Is(err, store.ErrConflict) {
		return false, nil
	}
	return err == nil, err
}

func found(u auth.User, err error) (auth.User, bool, error) {
	if errors.Is(err, store.ErrNotFound) {
		return u, false, nil
	}
	return u, err == nil, err
}
