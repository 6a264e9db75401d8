package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
)

func (s *Server) users(w http.ResponseWriter, r *http.Request) error {
	p, err := s.usersPage(r)
	if err != nil {
		return err
	}
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, admin.Users(p))
}

// usersPage is a page of the list of users (?q= searches names and emails, ?page=
// pages it), with the grants on dissolved ICBs to move.
func (s *Server) usersPage(r *http.Request) (admin.UsersPage, error) {
	p := admin.UsersPage{Layout: s.page(r, "Users", layout.NavNone)}
	search, err := admin.ReadSearch(r.URL.Query(), store.MaxUserSearch)
	if err != nil {
		return p, errBadRequest("%s", err)
	}
	total, err := s.db.CountUsers(r.Context(), search)
	if err != nil {
		return p, err
	}
	offset, limit, err := p.SetList(r.URL.Query(), search, total)
	if err != nil {
		return p, errBadRequest("%s", err)
	}
	list, err := s.db.UsersMatching(r.Context(), search, offset, limit)
	if err != nil {
		return p, err
	}
	dissolved, err := s.db.UsersWithDissolvedGrants(r.Context())
	p.Dissolved = dissolvedGrantRows(dissolved)
	for _, u := range list {
		p.Users = append(p.Users, admin.UserRow{ID: u.ID, Name: u.Name, Email: u.Email, Grants: auth.GrantsText(u.Grants, ", "), Active: u.Active, Demo: u.Demo})
	}
	return p, err
}

func (s *Server) userNew(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, admin.Form(s.userForm(r, "Add a user", admin.UserForm{Active: true})))
}

func (s *Server) userEdit(w http.ResponseWriter, r *http.Request) error {
	u, err := s.userByParam(r)
	if err != nil {
		return err
	}
	f := admin.UserForm{ID: u.ID, Version: u.Version, Email: u.Email, Name: u.Name, Grants: auth.GrantsText(u.Grants, "\n"), Active: u.Active}
	return render(w, r, admin.Form(s.userForm(r, "Change "+u.Name, f)))
}

func (s *Server) userForm(r *http.Request, title string, f admin.UserForm) admin.UserForm {
	return f.Framed(s.page(r, title, layout.NavNone), auth.MinPasswordLength)
}

func (s *Server) userByParam(r *http.Request) (auth.User, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return auth.User{}, errNotFound
	}
	return s.db.UserByID(r.Context(), id)
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := admin.UserForm{Email: form.Get("email")}
	u, password, err := s.userInput(r, form, &f)
	if err != nil {
		return err
	}
	email, err := auth.NormaliseEmail(f.Email)
	if err != nil && f.Errors["email"] == "" {
		f.Errors["email"] = "Enter an email address in the correct format, like name@example.nhs.uk"
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, "Add a user", f)))
	}
	u.Email = email
	if u.PasswordHash, err = auth.HashPassword(password, auth.DefaultParams); err != nil {
		return err
	}
	created, err := s.db.CreateUser(r.Context(), u, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		f.Errors["email"] = "There is already a user with this email address"
	}
	if errors.Is(err, store.ErrConflict) || userRefusal(err, f.Errors) {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, "Add a user", f)))
	}
	if err != nil {
		return err
	}
	s.logGrantsChanged(r, auth.User{}, created)
	s.sessions.Put(r.Context(), keyFlash, "Added "+u.Name+" ("+u.Email+")")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error {
	before, err := s.userByParam(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := admin.UserForm{ID: before.ID, Email: before.Email}
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	u, password, err := s.userInput(r, form, &f)
	if err != nil {
		return err
	}
	title := "Change " + before.Name
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, title, f)))
	}
	if password != "" {
		if u.PasswordHash, err = auth.HashPassword(password, auth.DefaultParams); err != nil {
			return err
		}
	}
	after, err := s.saveUser(r, u)
	switch {
	case userRefusal(err, f.Errors):
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, title, f)))
	case errors.Is(err, store.ErrConflict):
		f.Conflict = admin.StaleMessage
		f.Version = before.Version
		return renderStatus(w, r, http.StatusConflict, admin.Form(s.userForm(r, title, f)))
	case err != nil:
		return err
	}
	s.logGrantsChanged(r, before, after)
	if password != "" {
		s.security(r, slog.LevelInfo, "password_changed", "user", before.Email, "by", actorOf(r).Name)
	}
	if password != "" || !u.Active {
		if err := s.destroySessionsExcept(r.Context(), u.ID, ""); err != nil {
			return err
		}
	}
	s.sessions.Put(r.Context(), keyFlash, "Saved "+u.Name)
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

// saveUser writes an admin's change to a user (the store audits it).
func (s *Server) saveUser(r *http.Request, u auth.User) (auth.User, error) {
	return s.db.UpdateUser(r.Context(), u, actorOf(r))
}

// logGrantsChanged records in the security log a user created, or a change to a
// user's grants or access; before is the zero user for a new one.
func (s *Server) logGrantsChanged(r *http.Request, before, after auth.User) {
	was, now := auth.GrantsText(before.Grants, ", "), auth.GrantsText(after.Grants, ", ")
	if before.ID != 0 && was == now && before.Active == after.Active {
		return
	}
	s.security(r, slog.LevelInfo, "grants_changed", "user", after.Email, "by", actorOf(r).Name,
		"created", before.ID == 0, "grants_before", was, "grants_after", now,
		"active_before", before.Active, "active_after", after.Active)
}

// destroySessionsExcept signs a user out everywhere (after deactivation or a new
// password) but in the session with the token keep (none when empty): every other
// session whose data names them is deleted.
func (s *Server) destroySessionsExcept(ctx context.Context, userID int64, keep string) error {
	return s.sessions.Iterate(ctx, func(c context.Context) error {
		if s.sessions.GetInt64(c, keyUserID) == userID && (keep == "" || s.sessions.Token(c) != keep) {
			return s.sessions.Destroy(c)
		}
		return nil
	})
}
