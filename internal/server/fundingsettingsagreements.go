package server

import (
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/fundingsettings"
)

// A PCN's written share agreements (/pcns/{code}/funding/agreements): seen by its
// users, its ICB's leads and admins; recorded, changed and removed by its managers and
// admins.

// agreementRules are what the PCN of the URL's agreements are checked against, and
// the role names.
func (s *Server) agreementRules(r *http.Request) (workforce.PCN, fundingsettings.AgreementRules, map[string]string, error) {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return p, fundingsettings.AgreementRules{}, nil, err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return p, fundingsettings.AgreementRules{}, nil, err
	}
	national, err := cached(r.Context(), s, "role_shares", s.db.RoleShares)
	if err != nil {
		return p, fundingsettings.AgreementRules{}, nil, err
	}
	c := fundingsettings.AgreementRules{PCNCode: p.Code, Today: s.today(), Roles: fundingsettings.ShareRoles(roles, national), National: national}
	c.Others, err = s.db.ShareAgreementsOf(r.Context(), []string{p.Code})
	return p, c, workforce.RoleNames(roles), err
}

func (s *Server) agreements(w http.ResponseWriter, r *http.Request) error {
	p, c, names, err := s.agreementRules(r)
	if err != nil {
		return err
	}
	page := fundingsettings.AgreementsPage{Layout: s.settingsLayout(r, p, "Reimbursement share agreements"), PCNCode: p.Code, PCNName: p.Name,
		Today: c.Today, Success: s.sessions.PopString(r.Context(), keyFlash), CanChange: currentUser(r).CanChangePCN(p.Code)}
	page.InForce = fundingsettings.SharesInForce(c.Roles, planning.NewShares(c.National, nil), planning.NewShares(c.National, c.Others), c.Today)
	page.Rows = fundingsettings.AgreementRows(p.Code, c.Others, names, page.CanChange)
	return render(w, r, fundingsettings.Agreements(page))
}

// agreementPage frames an agreement's form under the PCN's agreements.
func (s *Server) agreementPage(r *http.Request, p workforce.PCN, f fundingsettings.AgreementForm) fundingsettings.AgreementForm {
	title := "Record a share agreement"
	if f.ID != 0 {
		title = "Change the share agreement for " + f.RoleName
	}
	f.Frame = f.Framed(s.settingsLayout(r, p, title), p.Name, fundingsettings.AgreementsHref(p.Code), "share agreements")
	return f
}

func (s *Server) agreementNew(w http.ResponseWriter, r *http.Request) error {
	p, c, _, err := s.agreementRules(r)
	if err != nil {
		return err
	}
	return render(w, r, fundingsettings.AgreementPage(s.agreementPage(r, p, c.NewForm())))
}

func (s *Server) agreementCreate(w http.ResponseWriter, r *http.Request) error {
	p, c, _, err := s.agreementRules(r)
	if err != nil {
		return err
	}
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f := c.NewForm()
	a := c.Read(form, &f, workforce.ShareAgreement{})
	if len(f.Errors) == 0 {
		_, err = s.db.CreateShareAgreement(r.Context(), a, actorOf(r))
		if err = s.agreementOverlap(r, err, &f, a); err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.AgreementPage(s.agreementPage(r, p, f)))
	}
	return s.backTo(w, r, fundingsettings.AgreementsHref(p.Code), "Recorded the agreement for "+f.RoleName+" from "+a.From.Format("2 January 2006"))
}

// agreementOverlap turns a save refused for its overlap (another agreement saved
// meanwhile covers some of its days) into the form's message; other errors pass.
func (s *Server) agreementOverlap(r *http.Request, err error, f *fundingsettings.AgreementForm, a workforce.ShareAgreement) error {
	if !errors.Is(err, store.ErrOverlap) {
		return err
	}
	others, err := s.db.ShareAgreementsOf(r.Context(), []string{a.PCNCode})
	if err != nil {
		return err
	}
	var other workforce.ShareAgreement
	for _, o := range others {
		if o.ID != a.ID && o.RoleCode == a.RoleCode && fundingsettings.Overlap(o, a) {
			other = o
		}
	}
	f.Errors["from"] = fundingsettings.OverlapMessage(f.RoleName, other)
	return nil
}

// agreementOfURL is the agreement of the URL, of the PCN of the URL (another PCN's is
// not found).
func (s *Server) agreementOfURL(r *http.Request) (workforce.PCN, fundingsettings.AgreementRules, workforce.ShareAgreement, error) {
	p, c, _, err := s.agreementRules(r)
	if err != nil {
		return p, c, workforce.ShareAgreement{}, err
	}
	id, err := urlID(r)
	if err != nil {
		return p, c, workforce.ShareAgreement{}, err
	}
	a, err := s.db.ShareAgreement(r.Context(), p.Code, id)
	return p, c, a, err
}

func (s *Server) agreementEdit(w http.ResponseWriter, r *http.Request) error {
	p, c, a, err := s.agreementOfURL(r)
	if err != nil {
		return err
	}
	return render(w, r, fundingsettings.AgreementPage(s.agreementPage(r, p, c.FormOf(a))))
}

func (s *Server) agreementUpdate(w http.ResponseWriter, r *http.Request) error {
	p, c, before, err := s.agreementOfURL(r)
	if err != nil {
		return err
	}
	form, version, err := versionedForm(r)
	if err != nil {
		return err
	}
	f := c.FormOf(before)
	f.Version = version
	a := c.Read(form, &f, before)
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.AgreementPage(s.agreementPage(r, p, f)))
	}
	_, err = s.db.UpdateShareAgreement(r.Context(), a, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.agreementConflict(w, r, p, c, f)
	}
	if err = s.agreementOverlap(r, err, &f, a); err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.AgreementPage(s.agreementPage(r, p, f)))
	}
	return s.backTo(w, r, fundingsettings.AgreementsHref(p.Code), "Saved the agreement for "+f.RoleName+" from "+a.From.Format("2 January 2006"))
}

// agreementConflict answers a stale save or removal with 409: the form as typed, the
// agreement as saved now beside it (none if removed), and its version.
func (s *Server) agreementConflict(w http.ResponseWriter, r *http.Request, p workforce.PCN, c fundingsettings.AgreementRules, f fundingsettings.AgreementForm) error {
	now, err := s.db.ShareAgreement(r.Context(), p.Code, f.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		f.Frame = f.Stale(nil, f.Version)
	case err != nil:
		return err
	default:
		f.Frame = f.Stale(c.Fields(now), now.Version)
	}
	return renderStatus(w, r, http.StatusConflict, fundingsettings.AgreementPage(s.agreementPage(r, p, f)))
}

func (s *Server) agreementDelete(w http.ResponseWriter, r *http.Request) error {
	p, c, a, err := s.agreementOfURL(r)
	if err != nil {
		return err
	}
	_, version, err := versionedForm(r)
	if err != nil {
		return err
	}
	err = s.db.DeleteShareAgreement(r.Context(), p.Code, a.ID, version, actorOf(r))
	if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrNotFound) {
		f := c.FormOf(a)
		f.Errors = map[string]string{}
		return s.agreementConflict(w, r, p, c, f)
	}
	if err != nil {
		return err
	}
	return s.backTo(w, r, fundingsettings.AgreementsHref(p.Code), "Removed the agreement for "+c.FormOf(a).RoleName+" from "+a.From.Format("2 January 2006"))
}
