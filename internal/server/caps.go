package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/ui"
)

// Role caps, kept by admins (/admin/caps): add a cap from a date for a role and
// variant, change its date, amount or provisional flag, or remove it. Each change is
// audited in its own transaction (store.AddRoleCap and friends); a stale form is
// refused with 409, a wrong field re-renders the form with 422.

func (s *Server) caps(w http.ResponseWriter, r *http.Request) error {
	p, err := s.capsPage(r, admin.CapForm{Errors: map[string]string{}})
	if err != nil {
		return err
	}
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, admin.Caps(p))
}

// capsPage lists every role of the catalogue with its caps, and the add form.
func (s *Server) capsPage(r *http.Request, f admin.CapForm) (admin.CapsPage, error) {
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return admin.CapsPage{}, err
	}
	all, err := s.db.RoleCaps(r.Context())
	if err != nil {
		return admin.CapsPage{}, err
	}
	byRole := map[string][]admin.CapRow{}
	for _, c := range all {
		byRole[c.RoleCode] = append(byRole[c.RoleCode], admin.CapRow{ID: c.ID, Variant: c.Variant, From: c.EffectiveFrom, Pence: c.Pence, Provisional: c.Provisional})
	}
	p := admin.CapsPage{Layout: s.page(r, "Role caps", layout.NavNone), Form: f}
	p.Layout.HasErrors = len(f.Errors) > 0
	for _, role := range roles {
		p.Roles = append(p.Roles, admin.CapRole{Code: role.Code, Name: role.Name, Caps: byRole[role.Code]})
		p.Form.Roles = append(p.Form.Roles, ui.SelectItem{Value: role.Code, Text: role.Name})
	}
	return p, nil
}

// capFields are the cap forms' text inputs with their limits.
var capFields = []textField{
	textInput("variant", "Variant", workforce.MaxVariantLength),
	textInput("from", "Date in force from", workforce.MaxCodeLength),
	textInput("amount", "Cap per WTE a year", workforce.MaxCodeLength),
}

// capsRefused shows the caps page again with the new cap's form and its messages.
func (s *Server) capsRefused(w http.ResponseWriter, r *http.Request, f admin.CapForm) error {
	p, err := s.capsPage(r, f)
	if err != nil {
		return err
	}
	return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Caps(p))
}

func (s *Server) capCreate(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := capForm(form)
	f.Role, f.Variant = strings.TrimSpace(form.Get("role")), strings.TrimSpace(form.Get("variant"))
	if tooLong(form, f.Errors, capFields...) {
		return s.capsRefused(w, r, f)
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	role, known := workforce.RoleOf(roles, f.Role)
	if !known {
		f.Errors["role"] = "Select the role"
	}
	c := parseCap(&f, role)
	if len(f.Errors) == 0 {
		_, err = s.db.AddRoleCap(r.Context(), c, actorOf(r))
		if errors.Is(err, store.ErrCapTaken) {
			f.Errors["from"] = "There is already a cap for " + c.Name(role.Name) + " from this date: change that cap instead"
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return s.capsRefused(w, r, f)
	}
	s.sessions.Put(r.Context(), keyFlash, "Added the cap for "+c.Name(role.Name)+" of "+c.Pence.Short()+" from "+c.EffectiveFrom.Format("2 January 2006"))
	http.Redirect(w, r, "/admin/caps", http.StatusSeeOther)
	return nil
}

func (s *Server) capEdit(w http.ResponseWriter, r *http.Request) error {
	c, role, err := s.capByParam(r)
	if err != nil {
		return err
	}
	f := admin.CapForm{ID: c.ID, Version: c.Version, From: c.EffectiveFrom.Format(workforce.DateLayout),
		Amount: c.Pence.Input(), Provisional: c.Provisional, Errors: map[string]string{}}
	return render(w, r, admin.CapEdit(s.capEditForm(r, f, c, role)))
}

func (s *Server) capUpdate(w http.ResponseWriter, r *http.Request) error {
	before, role, err := s.capByParam(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := capForm(form)
	f.ID = before.ID
	if f.Version, err = formVersion(form); err != nil {
		return err
	}
	var c workforce.Cap
	if !tooLong(form, f.Errors, capFields...) {
		c = parseCap(&f, role)
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.CapEdit(s.capEditForm(r, f, before, role)))
	}
	saved, err := s.db.UpdateRoleCap(r.Context(), store.RoleCap{ID: before.ID, Cap: c, Version: f.Version}, actorOf(r))
	switch {
	case errors.Is(err, store.ErrCapTaken):
		f.Errors["from"] = "There is already a cap for " + before.Name(role.Name) + " from this date: change that cap instead"
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.CapEdit(s.capEditForm(r, f, before, role)))
	case errors.Is(err, store.ErrConflict):
		return s.capConflict(w, r, f, before, role)
	case err != nil:
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "Saved the cap for "+saved.Name(role.Name)+" of "+saved.Pence.Short()+" from "+saved.EffectiveFrom.Format("2 January 2006"))
	http.Redirect(w, r, "/admin/caps", http.StatusSeeOther)
	return nil
}

func (s *Server) capDelete(w http.ResponseWriter, r *http.Request) error {
	before, role, err := s.capByParam(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	version, err := formVersion(form)
	if err != nil {
		return err
	}
	_, err = s.db.DeleteRoleCap(r.Context(), before.ID, version, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		f := admin.CapForm{ID: before.ID, From: before.EffectiveFrom.Format(workforce.DateLayout), Amount: before.Pence.Input(),
			Provisional: before.Provisional, Errors: map[string]string{}}
		return s.capConflict(w, r, f, before, role)
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, "Removed the cap for "+before.Name(role.Name)+" from "+before.EffectiveFrom.Format("2 January 2006"))
	http.Redirect(w, r, "/admin/caps", http.StatusSeeOther)
	return nil
}

// capConflict shows the form again with 409: someone saved the cap since the form
// was opened. The form keeps what was typed and takes the current version, so saving
// again is a deliberate choice to overwrite.
func (s *Server) capConflict(w http.ResponseWriter, r *http.Request, f admin.CapForm, current store.RoleCap, role workforce.Role) error {
	f.Conflict = "Someone else changed this cap while you were editing: it is now " + current.Pence.Short() + " from " +
		current.EffectiveFrom.Format("2 January 2006") + ". Nothing was saved. Check the values below, then save or remove it again."
	return renderStatus(w, r, http.StatusConflict, admin.CapEdit(s.capEditForm(r, f, current, role)))
}

// capEditForm completes a change form: its page, the fixed role and variant, and
// the cap's current version.
func (s *Server) capEditForm(r *http.Request, f admin.CapForm, c store.RoleCap, role workforce.Role) admin.CapForm {
	f.Layout = s.page(r, "Change the cap for "+c.Name(role.Name)+" from "+c.EffectiveFrom.Format("2 January 2006"), layout.NavNone)
	f.Layout.Breadcrumbs = []ui.BreadcrumbItem{{Text: "Role caps", Href: "/admin/caps"}}
	f.Layout.HasErrors = len(f.Errors) > 0 || f.Conflict != ""
	f.Role, f.RoleName, f.Variant = c.RoleCode, role.Name, c.Variant
	if f.Conflict != "" || f.Version == 0 {
		f.Version = c.Version
	}
	return f
}

// capByParam loads the cap of the address and its role.
func (s *Server) capByParam(r *http.Request) (store.RoleCap, workforce.Role, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		return store.RoleCap{}, workforce.Role{}, errNotFound
	}
	c, err := s.db.RoleCap(r.Context(), id)
	if err != nil {
		return c, workforce.Role{}, err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return c, workforce.Role{}, err
	}
	role, _ := workforce.RoleOf(roles, c.RoleCode)
	return c, role, nil
}

// capForm reads the fields every cap form has, as typed; a change reads its version
// too (formVersion).
func capForm(v url.Values) admin.CapForm {
	return admin.CapForm{From: strings.TrimSpace(v.Get("from")), Amount: strings.TrimSpace(v.Get("amount")),
		Provisional: v.Get("provisional") == "yes", Errors: map[string]string{}}
}

// parseCap reads the date and amount of a cap of role (the zero Role when unknown)
// and checks it (workforce.Cap.Validate), noting each problem against its field: one
// that cannot be read keeps its own message.
func parseCap(f *admin.CapForm, role workforce.Role) workforce.Cap {
	c := workforce.Cap{RoleCode: f.Role, Variant: f.Variant, Provisional: f.Provisional}
	var err error
	if c.EffectiveFrom, err = workforce.ParseDate(f.From); err != nil {
		f.Errors["from"] = "Enter the date the cap is in force from in the form YYYY-MM-DD, such as 2026-04-01"
	}
	pence, ok := workforce.ParsePounds(strings.NewReplacer("£", "", ",", "", " ", "").Replace(f.Amount))
	switch {
	case f.Amount == "":
		f.Errors["amount"] = "Enter the cap per WTE a year, in pounds"
	case !ok:
		f.Errors["amount"] = "Enter the cap in pounds, such as 66972 or 66972.50"
	}
	c.Pence = pence
	addFieldProblems(f.Errors, c.Validate(role))
	return c
}
