package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

func (s *Server) users(w http.ResponseWriter, r *http.Request) error {
	all, err := s.db.Users(r.Context())
	if err != nil {
		return err
	}
	p := admin.UsersPage{Layout: s.page(r, "Users", layout.NavNone), Success: s.sessions.PopString(r.Context(), keyFlash)}
	for _, u := range all {
		p.Users = append(p.Users, admin.UserRow{ID: u.ID, Name: u.Name, Email: u.Email, Grants: grantsText(u.Grants, ", "), Active: u.Active})
	}
	return render(w, r, admin.Users(p))
}

func (s *Server) userNew(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, admin.Form(s.userForm(r, "Add a user", admin.UserForm{Active: true})))
}

func (s *Server) userEdit(w http.ResponseWriter, r *http.Request) error {
	u, err := s.userByParam(r)
	if err != nil {
		return err
	}
	f := admin.UserForm{ID: u.ID, Version: u.Version, Email: u.Email, Name: u.Name, Grants: grantsText(u.Grants, "\n"), Active: u.Active}
	return render(w, r, admin.Form(s.userForm(r, "Change "+u.Name, f)))
}

func (s *Server) userForm(r *http.Request, title string, f admin.UserForm) admin.UserForm {
	f.Layout = s.page(r, title, layout.NavNone)
	f.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Users", Href: "/admin/users"}}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	return f
}

func (s *Server) userByParam(r *http.Request) (auth.User, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return auth.User{}, errNotFound
	}
	return s.db.UserByID(r.Context(), id)
}

// userInput is the submitted form, checked: on any error the form is shown again with
// the person's input and a message next to each wrong field.
func (s *Server) userInput(r *http.Request, f *admin.UserForm) (auth.User, string) {
	f.Errors = map[string]string{}
	f.Name = strings.TrimSpace(r.PostForm.Get("name"))
	f.Grants = r.PostForm.Get("grants")
	f.Active = r.PostForm.Get("active") == "yes"
	f.Version, _ = strconv.Atoi(r.PostForm.Get("version"))
	u := auth.User{ID: f.ID, Name: f.Name, Active: f.Active, Version: f.Version}
	if f.Name == "" {
		f.Errors["name"] = "Enter the person's full name"
	}
	password := r.PostForm.Get("password")
	switch {
	case password == "" && f.ID == 0:
		f.Errors["password"] = "Enter a password"
	case password != "" && len([]rune(password)) < auth.MinPasswordLength:
		f.Errors["password"] = fmt.Sprintf("The password must be at least %d characters", auth.MinPasswordLength)
	}
	grants, msg := s.parseGrantLines(r.Context(), f.Grants)
	if msg != "" {
		f.Errors["grants"] = msg
	}
	u.Grants = grants
	return u, password
}

// parseGrantLines reads "role ORG" lines and checks each organisation exists.
func (s *Server) parseGrantLines(ctx context.Context, text string) ([]auth.Grant, string) {
	var out []auth.Grant
	for i, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		gs, err := auth.ParseGrants(fields[0], strings.Join(fields[1:], ","))
		if err != nil {
			return nil, fmt.Sprintf("Line %d of the grants: %v", i+1, err)
		}
		for _, g := range gs {
			ok, err := s.db.OrgExists(ctx, g)
			if err != nil {
				return nil, "The grants could not be checked; try again"
			}
			if !ok {
				return nil, fmt.Sprintf("Line %d of the grants: there is no organisation with the code %s", i+1, g.Org)
			}
		}
		out = append(out, gs...)
	}
	if len(out) == 0 {
		return nil, "Give the user at least one grant"
	}
	return out, ""
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return errBadRequest("The form could not be read.")
	}
	f := admin.UserForm{}
	u, password := s.userInput(r, &f)
	f.Email = r.PostForm.Get("email")
	email, err := auth.NormaliseEmail(f.Email)
	if err != nil {
		f.Errors["email"] = "Enter an email address in the correct format, like name@example.nhs.uk"
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, "Add a user", f)))
	}
	u.Email = email
	if u.PasswordHash, err = auth.HashPassword(password, auth.DefaultParams); err != nil {
		return err
	}
	err = s.db.InTx(r.Context(), func(tx *store.DB) error {
		created, err := tx.CreateUser(r.Context(), u)
		if err != nil {
			return err
		}
		e := actorOf(r).Entry("user.create", "user", strconv.FormatInt(created.ID, 10))
		e.After = auditUser(created)
		return tx.Audit(r.Context(), e)
	})
	if errors.Is(err, store.ErrConflict) {
		f.Errors["email"] = "There is already a user with this email address"
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, "Add a user", f)))
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "Added "+u.Name+" ("+u.Email+")")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error {
	before, err := s.userByParam(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errBadRequest("The form could not be read.")
	}
	f := admin.UserForm{ID: before.ID, Email: before.Email}
	u, password := s.userInput(r, &f)
	title := "Change " + before.Name
	if err := s.keepAnAdmin(r, before, u, &f); err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Form(s.userForm(r, title, f)))
	}
	if password != "" {
		if u.PasswordHash, err = auth.HashPassword(password, auth.DefaultParams); err != nil {
			return err
		}
	}
	err = s.db.InTx(r.Context(), func(tx *store.DB) error {
		after, err := tx.UpdateUser(r.Context(), u)
		if err != nil {
			return err
		}
		after.Email = before.Email
		e := actorOf(r).Entry("user.update", "user", strconv.FormatInt(u.ID, 10))
		e.Before, e.After = auditUser(before), auditUser(after)
		return tx.Audit(r.Context(), e)
	})
	if errors.Is(err, store.ErrConflict) {
		f.Conflict = "Someone else changed this user while you were editing. Your changes are below and were not saved: compare them with the user's current details, then save again."
		f.Version = before.Version
		return renderStatus(w, r, http.StatusConflict, admin.Form(s.userForm(r, title, f)))
	}
	if err != nil {
		return err
	}
	if password != "" || !u.Active {
		if err := s.destroyUserSessions(r.Context(), u.ID); err != nil {
			return err
		}
	}
	s.sessions.Put(r.Context(), keyFlash, "Saved "+u.Name)
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

// keepAnAdmin refuses a change that would leave no active admin: nobody could then
// manage users.
func (s *Server) keepAnAdmin(r *http.Request, before, after auth.User, f *admin.UserForm) error {
	if !before.IsAdmin() || !before.Active || (after.IsAdmin() && after.Active) {
		return nil
	}
	n, err := s.db.OtherActiveAdmins(r.Context(), before.ID)
	if err == nil && n == 0 {
		f.Errors["grants"] = "This is the only active admin: give another user the admin grant first"
	}
	return err
}

// destroyUserSessions signs a user out everywhere (after deactivation or a new
// password): every session whose data names them is deleted.
func (s *Server) destroyUserSessions(ctx context.Context, userID int64) error {
	return s.sessions.Iterate(ctx, func(c context.Context) error {
		if s.sessions.GetInt64(c, keyUserID) == userID {
			return s.sessions.Destroy(c)
		}
		return nil
	})
}

// auditUser is what the audit trail records of a user: never the password hash.
func auditUser(u auth.User) map[string]any {
	return map[string]any{"email": u.Email, "name": u.Name, "active": u.Active, "grants": grantsText(u.Grants, ", ")}
}

func grantsText(gs []auth.Grant, sep string) string {
	parts := make([]string, 0, len(gs))
	for _, g := range gs {
		parts = append(parts, strings.TrimSpace(string(g.Role)+" "+g.Org))
	}
	return strings.Join(parts, sep)
}
