package server

import (
	"errors"
	"net/http"

	"github.com/arrs-planner/arrs/internal/planning"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/fundingsettings"
)

// How a PCN's costs and reimbursements divide between its member practices
// (/pcns/{code}/funding/practice-shares): seen by its users, its ICB's leads and
// admins; its managers and admins record agreed percentages (one per member practice
// today, adding up to exactly 100) or go back to the split by list.

// sharesScope is the PCN of the URL, its member practices today with their lists, and
// its agreed percentages (nil when it splits by list) with their version.
type sharesScope struct {
	pcn     workforce.PCN
	members []planning.PracticeInput
	set     *fundingsettings.SetInfo
	version int
}

func (s *Server) sharesScope(r *http.Request) (sharesScope, error) {
	var sc sharesScope
	var err error
	if sc.pcn, err = s.pcnOfURL(r); err != nil {
		return sc, err
	}
	ms, err := s.db.PracticesOfPCN(r.Context(), sc.pcn.Code, s.today())
	if err != nil {
		return sc, err
	}
	for _, m := range ms {
		sc.members = append(sc.members, planning.PracticeInput{Code: m.Code, Name: m.Name, List: m.Patients, ListKnown: m.PatientsKnown, ListDay: m.Extract})
	}
	set, err := s.db.PracticeShareSet(r.Context(), sc.pcn.Code)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return sc, nil
	case err != nil:
		return sc, err
	}
	sc.set, sc.version = &fundingsettings.SetInfo{AgreedOn: set.AgreedOn, RecordedBy: set.RecordedBy, RecordedAt: set.RecordedAt, Shares: set.Shares}, set.Version
	return sc, nil
}

func (sc sharesScope) agreed() []workforce.PracticeShare {
	if sc.set == nil {
		return nil
	}
	return sc.set.Shares
}

func (sc sharesScope) names() map[string]string {
	out := map[string]string{}
	for _, m := range sc.members {
		out[m.Code] = m.Name
	}
	return out
}

func (s *Server) practiceShares(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.sharesScope(r)
	if err != nil {
		return err
	}
	p := fundingsettings.SharesPage{Layout: s.settingsLayout(r, sc.pcn, "How the practices share costs"), PCNCode: sc.pcn.Code, PCNName: sc.pcn.Name,
		Today: s.today(), Success: s.sessions.PopString(r.Context(), keyFlash), CanChange: currentUser(r).CanChangePCN(sc.pcn.Code), Set: sc.set,
		Members: sc.members, Split: planning.SplitYear(0, 0, sc.members, sc.agreed())}
	return render(w, r, fundingsettings.PracticeShares(p))
}

// sharesPage frames the form under the PCN's practice shares.
func (s *Server) sharesPage(r *http.Request, sc sharesScope, f fundingsettings.SharesForm) fundingsettings.SharesForm {
	f.Frame = f.Framed(s.settingsLayout(r, sc.pcn, "Agreed percentages of the practices"), sc.pcn.Name,
		fundingsettings.PracticeSharesHref(sc.pcn.Code), "how the practices share costs")
	return f
}

func (s *Server) practiceSharesEdit(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.sharesScope(r)
	if err != nil {
		return err
	}
	f := fundingsettings.NewSharesForm(sc.pcn.Code, sc.members, sc.set, sc.version)
	return render(w, r, fundingsettings.SharesFormPage(s.sharesPage(r, sc, f)))
}

func (s *Server) practiceSharesSave(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.sharesScope(r)
	if err != nil {
		return err
	}
	form, version, err := versionedForm(r)
	if err != nil {
		return err
	}
	f := fundingsettings.NewSharesForm(sc.pcn.Code, sc.members, sc.set, version)
	if form.Get("action") == "by-list" {
		return s.practiceSharesByList(w, r, sc, f)
	}
	shares, agreed := f.ReadShares(form, s.today())
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.SharesFormPage(s.sharesPage(r, sc, f)))
	}
	_, err = s.db.SavePracticeShares(r.Context(), store.PracticeShareSet{PCNCode: sc.pcn.Code, AgreedOn: agreed, Version: version, Shares: shares}, actorOf(r))
	switch {
	case errors.Is(err, store.ErrSharesTotal):
		f.NotWhole()
		return renderStatus(w, r, http.StatusUnprocessableEntity, fundingsettings.SharesFormPage(s.sharesPage(r, sc, f)))
	case errors.Is(err, store.ErrConflict):
		return s.practiceSharesConflict(w, r, f)
	case err != nil:
		return err
	}
	return s.backTo(w, r, fundingsettings.PracticeSharesHref(sc.pcn.Code), "Saved the practices' agreed percentages")
}

// practiceSharesByList removes the agreed percentages: the PCN splits by list again.
func (s *Server) practiceSharesByList(w http.ResponseWriter, r *http.Request, sc sharesScope, f fundingsettings.SharesForm) error {
	err := s.db.DeletePracticeShares(r.Context(), sc.pcn.Code, f.Version, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.practiceSharesConflict(w, r, f)
	}
	if err != nil {
		return err
	}
	return s.backTo(w, r, fundingsettings.PracticeSharesHref(sc.pcn.Code), "The practices now share costs by list size")
}

// practiceSharesConflict answers a stale save or removal with 409: the form as typed
// beside the percentages saved now (none: split by list), and their version.
func (s *Server) practiceSharesConflict(w http.ResponseWriter, r *http.Request, f fundingsettings.SharesForm) error {
	sc, err := s.sharesScope(r)
	if err != nil {
		return err
	}
	if f.Errors == nil {
		f.Errors = map[string]string{}
	}
	f.Frame, f.HasSet = f.Stale(fundingsettings.SharesFields(sc.set, sc.names()), sc.version), sc.set != nil
	return renderStatus(w, r, http.StatusConflict, fundingsettings.SharesFormPage(s.sharesPage(r, sc, f)))
}
