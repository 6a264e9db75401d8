package server

import (
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/fundingsettings"
)

// Roles a PCN's ICB approved for it (/pcns/{code}/funding/approved-roles): seen by its
// users, its ICB's leads and admins; approved and changed by the leads of its ICB and
// admins (the route's rule, on the PCN of the URL: a lead of another ICB is refused
// before anything is read). An approval grants money, not access: it is audited like
// a plan's acceptance, and not a security event as a user's grants are.

func (s *Server) approvedRoles(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	icb, _ := tree.AnyICB(p.ICBCode)
	page := fundingsettings.ApprovedRolesPage{Layout: s.settingsLayout(r, p, "Approved additional roles"), PCNCode: p.Code, PCNName: p.Name,
		ICBName: icb.Name, Success: s.sessions.PopString(r.Context(), keyFlash), CanApprove: currentUser(r).CanReviewPCN(p.Code, p.ICBCode)}
	if page.Roles, err = s.db.ApprovedRolesOf(r.Context(), []string{p.Code}); err != nil {
		return err
	}
	return render(w, r, fundingsettings.ApprovedRoles(page))
}

// approvedRolePage frames an approval's form under the PCN's approved roles.
func (s *Server) approvedRolePage(r *http.Request, p workforce.PCN, f fundingsettings.ApprovedRoleForm, title string) fundingsettings.ApprovedRoleForm {
	f.PCNCode, f.PCNName = p.Code, p.Name
	f.Frame = f.Framed(s.settingsLayout(r, p, title), p.Name, fundingsettings.ApprovedRolesHref(p.Code), "approved roles")
	return f
}

const approveTitle = "Approve an additional role"

func (s *Server) approvedRoleNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, fundingsettings.ApprovedRolePage(s.approvedRolePage(r, p, fundingsettings.ApprovedRoleForm{}, approveTitle)))
}

func (s *Server) approvedRoleCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	a, f, err := s.approvedRoleInput(r, p, fundingsettings.ApprovedRoleForm{PCNCode: p.Code}, workforce.ApprovedRole{})
	if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.ApprovedRolePage(s.approvedRolePage(r, p, f, approveTitle)))
	}
	if _, err := s.db.CreateApprovedRole(r.Context(), a, actorOf(r)); err != nil {
		return err
	}
	return s.backTo(w, r, fundingsettings.ApprovedRolesHref(p.Code), "Approved "+a.Name+" for "+p.Name+" from "+a.From.Format("2 January 2006"))
}

// approvedRoleInput reads a submitted approval form, at its version (0 for a new
// one), into an approval of the PCN built on base (f holds the id).
func (s *Server) approvedRoleInput(r *http.Request, p workforce.PCN, f fundingsettings.ApprovedRoleForm, base workforce.ApprovedRole) (workforce.ApprovedRole, fundingsettings.ApprovedRoleForm, error) {
	form, version, err := versionedForm(r)
	if err != nil {
		return base, f, err
	}
	f.Version = version
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return base, f, err
	}
	f.PCNCode = p.Code
	a := fundingsettings.ReadApprovedRole(form, &f, base, roles)
	if len(f.Errors) == 0 {
		others, err := s.db.ApprovedRolesOf(r.Context(), []string{p.Code})
		if err != nil {
			return base, f, err
		}
		fundingsettings.CheckOverlap(a, others, &f)
	}
	return a, f, nil
}

// approvedRoleOfURL is the approval of the URL, of the PCN of the URL (another PCN's
// is not found).
func (s *Server) approvedRoleOfURL(r *http.Request) (workforce.PCN, workforce.ApprovedRole, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return p, workforce.ApprovedRole{}, err
	}
	id, err := urlID(r)
	if err != nil {
		return p, workforce.ApprovedRole{}, err
	}
	a, err := s.db.ApprovedRole(r.Context(), p.Code, id)
	return p, a, err
}

func (s *Server) approvedRoleEdit(w http.ResponseWriter, r *http.Request) error {
	p, a, err := s.approvedRoleOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, fundingsettings.ApprovedRolePage(s.approvedRolePage(r, p, fundingsettings.ApprovedRoleFormOf(a), "Change the approval of "+a.Name)))
}

func (s *Server) approvedRoleUpdate(w http.ResponseWriter, r *http.Request) error {
	p, before, err := s.approvedRoleOfURL(r)
	if err != nil {
		return err
	}
	a, f, err := s.approvedRoleInput(r, p, fundingsettings.ApprovedRoleForm{Frame: fundingsettings.Frame{ID: before.ID}}, before)
	if err != nil {
		return err
	}
	title := "Change the approval of " + before.Name
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.ApprovedRolePage(s.approvedRolePage(r, p, f, title)))
	}
	_, err = s.db.UpdateApprovedRole(r.Context(), a, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		now, err := s.db.ApprovedRole(r.Context(), p.Code, before.ID)
		if err != nil {
			return err
		}
		f.Frame = f.Stale(fundingsettings.ApprovedRoleFields(now), now.Version)
		return renderStatus(w, r, http.StatusConflict, fundingsettings.ApprovedRolePage(s.approvedRolePage(r, p, f, title)))
	}
	if err != nil {
		return err
	}
	return s.backTo(w, r, fundingsettings.ApprovedRolesHref(p.Code), "Saved the approval of "+a.Name)
}
