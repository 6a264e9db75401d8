package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/admin"
)

// userInput is the submitted form, checked: on any wrong field the form is shown
// again with the person's input and a message next to each (f.Errors). f.Email is the
// user's email (typed, for a new user), which the password must not be built from;
// f.Version is the version a change was read at (formVersion); f.ID the user changed
// (0 for a new one), whose grants held are kept even on an ICB dissolved since. The
// error is the database's, when the grants could not be checked.
func (s *Server) userInput(r *http.Request, form url.Values, f *admin.UserForm) (auth.User, string, error) {
	read := f.Read(form, auth.MaxPasswordLength)
	u := auth.User{ID: f.ID, Name: f.Name, Active: f.Active, Version: f.Version}
	if !read {
		return u, "", nil
	}
	password := form.Get("password")
	if password != "" || f.ID == 0 {
		if err := auth.CheckPassword(password, auth.PasswordOwner{Email: f.Email, Name: f.Name}); err != nil {
			f.Errors["password"] = err.Error()
		}
	}
	held, err := s.heldGrants(r.Context(), f.ID)
	if err != nil {
		return u, password, err
	}
	grants, msg, err := s.parseGrantLines(r.Context(), f.Grants, held)
	if msg != "" {
		f.Errors["grants"] = msg
	}
	u.Grants = grants
	return u, password, err
}

// heldGrants are the grants the user of id holds now; none for a new user (id 0).
func (s *Server) heldGrants(ctx context.Context, id int64) ([]auth.Grant, error) {
	if id == 0 {
		return nil, nil
	}
	u, err := s.db.UserByID(ctx, id)
	return u.Grants, err
}

// parseGrantLines reads "role ORG" lines (auth.ParseGrantLines) and checks each
// organisation exists and no grant is new on an ICB dissolved by today (held: the
// user's grants now, kept as they are): the grants, or the message for the grants
// field, or the error that kept them from being checked.
func (s *Server) parseGrantLines(ctx context.Context, text string, held []auth.Grant) ([]auth.Grant, string, error) {
	lines, parseErr := auth.ParseGrantLines(text)
	var out []auth.Grant
	for _, line := range lines {
		for _, g := range line.Grants {
			ok, err := s.db.OrgExists(ctx, g)
			if err != nil {
				return nil, "", err
			}
			if !ok {
				return nil, fmt.Sprintf("Line %d of the grants: there is no organisation with the code %s", line.Number, g.Org), nil
			}
		}
		out = append(out, line.Grants...)
	}
	if parseErr != nil {
		return nil, parseErr.Error(), nil
	}
	if len(out) == 0 {
		return nil, "Give the user at least one grant", nil
	}
	tree, err := s.treeOn(ctx, s.today())
	if err != nil {
		return nil, "", err
	}
	today := s.today()
	if n, g, ok := auth.NewGrantOnDissolved(lines, held, func(code string) bool { return dissolvedBy(tree, code, today) }); ok {
		c, _ := tree.AnyICB(g.Org)
		return nil, admin.DissolvedGrantMessage(n, c, tree.Successors(c.Code)), nil
	}
	var selfSignOff auth.ErrSelfSignOff
	var selfAccept auth.ErrSelfAccept
	switch err := auth.CheckGrantsIn(out, tree.ICBOf); {
	case errors.As(err, &selfSignOff):
		return nil, admin.SelfSignOffMessage(selfSignOff.PCN), nil
	case errors.As(err, &selfAccept):
		return nil, admin.SelfAcceptMessage(selfAccept.PCN, selfAccept.ICB), nil
	case err != nil:
		return nil, err.Error(), nil
	}
	return out, "", nil
}

// dissolvedBy reports whether the ICB of code was dissolved by day d.
func dissolvedBy(tree *workforce.Tree, code string, d time.Time) bool {
	c, ok := tree.AnyICB(code)
	return ok && goneBy(c, d)
}

// goneBy reports whether ICB c was dissolved on or before day d.
func goneBy(c workforce.ICB, d time.Time) bool { return !c.Closed.IsZero() && !d.Before(c.Closed) }

// userRefusal puts on the grants field the message of a change the store refused by
// the rules on grants (no self sign-off, an admin kept), and reports whether it did.
func userRefusal(err error, errs map[string]string) bool {
	var selfSignOff auth.ErrSelfSignOff
	switch {
	case errors.As(err, &selfSignOff):
		errs["grants"] = admin.SelfSignOffMessage(selfSignOff.PCN)
	case errors.Is(err, store.ErrLastAdmin):
		errs["grants"] = admin.LastAdminMessage
	default:
		return false
	}
	return true
}
