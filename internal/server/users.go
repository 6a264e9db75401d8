package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
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
		p.Users = append(p.Users, admin.UserRow{ID: u.ID, Name: u.Name, Email: u.Email, Grants: auth.GrantsText(u.Grants, ", "), Active: u.Active, Demo: u.Demo})
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
	f := admin.UserForm{ID: u.ID, Version: u.Version, Email: u.Email, Name: u.Name, Grants: auth.GrantsText(u.Grants, "\n"), Active: u.Active}
	return render(w, r, admin.Form(s.userForm(r, "Change "+u.Name, f)))
}

func (s *Server) userForm(r *http.Request, title string, f admin.UserForm) admin.UserForm {
	f.Layout = s.page(r, title, layout.NavNone)
	f.MinPassword = auth.MinPasswordLength
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

// userFields are the user form's text inputs with their limits.
var userFields = []textField{
	textInput("email", "Email address", workforce.MaxEmailLength),
	textInput("name", "Full name", workforce.MaxNameLength),
	textInput("password", "Password", auth.MaxPasswordLength),
	textInput("grants", "Grants", workforce.MaxListLength),
}

// userInput is the submitted form, checked: on any wrong field the form is shown
// again with the person's input and a message next to each (f.Errors). f.Email is the
// user's email (typed, for a new user), which the password must not be built from;
// f.Version is the version a change was read at (formVersion). The error is the
// database's, when the grants could not be checked.
func (s *Server) userInput(r *http.Request, form url.Values, f *admin.UserForm) (auth.User, string, error) {
	f.Errors = map[string]string{}
	f.Name = strings.TrimSpace(form.Get("name"))
	f.Grants = form.Get("grants")
	f.Active = form.Get("active") == "yes"
	u := auth.User{ID: f.ID, Name: f.Name, Active: f.Active, Version: f.Version}
	if tooLong(form, f.Errors, userFields...) {
		return u, "", nil
	}
	if f.Name == "" {
		f.Errors["name"] = "Enter the person's full name"
	}
	password := form.Get("password")
	if password != "" || f.ID == 0 {
		if err := auth.CheckPassword(password, auth.PasswordOwner{Email: f.Email, Name: f.Name}); err != nil {
			f.Errors["password"] = err.Error()
		}
	}
	grants, msg, err := s.parseGrantLines(r.Context(), f.Grants)
	if msg != "" {
		f.Errors["grants"] = msg
	}
	u.Grants = grants
	return u, password, err
}

// parseGrantLines reads "role ORG" lines (auth.ParseGrantLines) and checks each
// organisation exists: the grants, or the message for the grants field, or the error
// that kept them from being checked.
func (s *Server) parseGrantLines(ctx context.Context, text string) ([]auth.Grant, string, error) {
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
	tree, err := cached(ctx, s, "tree", s.db.Tree)
	if err != nil {
		return nil, "", err
	}
	var selfSignOff auth.ErrSelfSignOff
	var selfAccept auth.ErrSelfAccept
	switch err := auth.CheckGrantsIn(out, tree.ICBOf); {
	case errors.As(err, &selfSignOff):
		return nil, selfSignOffMessage(selfSignOff), nil
	case errors.As(err, &selfAccept):
		return nil, selfAcceptMessage(selfAccept), nil
	case err != nil:
		return nil, err.Error(), nil
	}
	return out, "", nil
}

// selfAcceptMessage says why a director grant for a PCN and a lead grant for its ICB
// are refused together.
func selfAcceptMessage(e auth.ErrSelfAccept) string {
	return "A user cannot be both a clinical director of " + e.PCN + " and an ICB lead of " + e.ICB +
		", its ICB: the ICB lead accepts the plan the clinical director signs off. Give one of the two grants to someone else"
}

// selfSignOffMessage says why a manager and director grant for one PCN is refused.
func selfSignOffMessage(e auth.ErrSelfSignOff) string {
	return "A user cannot be both the PCN manager and a clinical director of " + e.PCN +
		": the clinical director signs off the plan the manager writes. Give one of the two grants to someone else"
}

// lastAdminMessage says why a change that leaves no active admin is refused.
const lastAdminMessage = "This is the only active admin: give another user the admin grant first"

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

// userRefusal puts on the grants field the message of a change the store refused by
// the rules on grants (no self sign-off, an admin kept), and reports whether it did.
func userRefusal(err error, errs map[string]string) bool {
	var selfSignOff auth.ErrSelfSignOff
	switch {
	case errors.As(err, &selfSignOff):
		errs["grants"] = selfSignOffMessage(selfSignOff)
	case errors.Is(err, store.ErrLastAdmin):
		errs["grants"] = lastAdminMessage
	default:
		return false
	}
	return true
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
		f.Conflict = "Someone else changed this user while you were editing. Your changes are below and were not saved: compare them with the user's current details, then save again."
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
