package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
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
	p := admin.NewCapsPage(s.page(r, "Role caps", layout.NavNone), roles, byRole, f)
	p.Bands, err = s.db.BandCaps(r.Context())
	return p, err
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
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	f, c, role := admin.ReadNewCap(form, roles)
	if len(f.Errors) == 0 {
		_, err = s.db.AddRoleCap(r.Context(), c, actorOf(r))
		if errors.Is(err, store.ErrCapTaken) {
			f.DateTaken(c.Name(role.Name))
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return s.capsRefused(w, r, f)
	}
	return s.backToCaps(w, r, admin.CapSaved("Added", c, role.Name))
}

func (s *Server) capEdit(w http.ResponseWriter, r *http.Request) error {
	c, role, err := s.capByParam(r)
	if err != nil {
		return err
	}
	return render(w, r, admin.CapEdit(s.capEditForm(r, admin.CapFormOf(c.ID, c.Version, c.Cap), c, role)))
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
	version, err := formVersion(form)
	if err != nil {
		return err
	}
	f, c := admin.ReadCapChange(form, before.ID, version, role)
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.CapEdit(s.capEditForm(r, f, before, role)))
	}
	saved, err := s.db.UpdateRoleCap(r.Context(), store.RoleCap{ID: before.ID, Cap: c, Version: f.Version}, actorOf(r))
	switch {
	case errors.Is(err, store.ErrCapTaken):
		f.DateTaken(before.Name(role.Name))
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.CapEdit(s.capEditForm(r, f, before, role)))
	case errors.Is(err, store.ErrConflict):
		return s.capConflict(w, r, f, before, role)
	case err != nil:
		return err
	}
	return s.backToCaps(w, r, admin.CapSaved("Saved", saved.Cap, role.Name))
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
		return s.capConflict(w, r, admin.CapFormOf(before.ID, 0, before.Cap), before, role)
	}
	if err != nil {
		return err
	}
	return s.backToCaps(w, r, "Removed the cap for "+before.Name(role.Name)+" from "+before.EffectiveFrom.Format("2 January 2006"))
}

// backToCaps sends the admin back to the caps page with what was done.
func (s *Server) backToCaps(w http.ResponseWriter, r *http.Request, flash string) error {
	s.sessions.Put(r.Context(), keyFlash, flash)
	http.Redirect(w, r, "/admin/caps", http.StatusSeeOther)
	return nil
}

// capConflict shows the form again with 409: someone saved the cap since the form
// was opened. The form keeps what was typed and takes the current version, so saving
// again is a deliberate choice to overwrite.
func (s *Server) capConflict(w http.ResponseWriter, r *http.Request, f admin.CapForm, current store.RoleCap, role workforce.Role) error {
	return renderStatus(w, r, http.StatusConflict, admin.CapEdit(s.capEditForm(r, f.Stale(current.Cap), current, role)))
}

// capEditForm completes a change form: its page, the fixed role and variant, and
// the cap's current version.
func (s *Server) capEditForm(r *http.Request, f admin.CapForm, c store.RoleCap, role workforce.Role) admin.CapForm {
	return f.Framed(s.page(r, admin.CapTitle(c.Cap, role.Name), layout.NavNone), c.Cap, c.Version, role.Name)
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
