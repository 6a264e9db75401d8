package server

import (
	"errors"
	"net/http"

	needweb "github.com/arrs-planner/arrs/web/need"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/refdata"
	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/layout"
	"github.com/arrs-planner/arrs/web/needweights"
)

// The need weights (/need/weights), which every "source" link beside a figure on need
// points to, and the admins' form of them (/admin/need-weights): one save changes any
// weight, factor or source text, audited in one transaction; a stale form is refused
// with 409, a wrong field re-renders the form with 422, nothing written either way.

func (s *Server) needWeights(w http.ResponseWriter, r *http.Request) error {
	weights, err := s.db.NeedWeights(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		return s.needWeightsMissing(w, r)
	} else if err != nil {
		return err
	}
	rep, err := s.needReportNow(r.Context()) // the figures' as-of day, as /need
	if err != nil {
		return err
	}
	uncited, err := cached(r.Context(), s, "needweights|uncited", s.db.NeedFiguresUncited)
	if err != nil {
		return err
	}
	u := currentUser(r)
	p := needweights.NewPage(s.page(r, needweights.Title, layout.NavNone), weights, rep.Day, rep.Need, icbCompareHref(u), u.IsAdmin())
	p.Census, p.AgeUncited, p.DepUncited = !rep.AsOf.IsZero(), needChange(uncited, refdata.NeedSourceAgeSex), needChange(uncited, refdata.NeedSourceDeprivation)
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, needweights.View(p))
}

// needWeightsMissing says that no need weights are loaded and how to load them.
func (s *Server) needWeightsMissing(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, needweights.NoWeights(s.page(r, needweights.Title, layout.NavNone)))
}

// needChange is a set's change from NeedFiguresUncited, nil when it has none.
func needChange(m map[string]store.NeedChange, kind string) *needweights.Change {
	if c, ok := m[kind]; ok {
		return &needweights.Change{By: c.By, At: c.At}
	}
	return nil
}

// icbCompareHref is the comparison of the ICB the user leads when it is their home, ""
// otherwise (the page then says each ICB's page links to its own).
func icbCompareHref(u *auth.User) string {
	if w, ok := u.HomePlace(); ok && w.ICB {
		return w.Href() + "/compare"
	}
	return ""
}

func (s *Server) needWeightsEdit(w http.ResponseWriter, r *http.Request) error {
	current, err := s.db.NeedWeights(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		return s.needWeightsMissing(w, r)
	} else if err != nil {
		return err
	}
	return render(w, r, needweights.Edit(s.needWeightsForm(r, needweights.FormOf(current))))
}

func (s *Server) needWeightsSave(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	ageVersion, err := parseVersion(form.Get("age-version"))
	if err != nil {
		return err
	}
	depVersion, err := parseVersion(form.Get("dep-version"))
	if err != nil {
		return err
	}
	current, err := s.db.NeedWeights(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		return s.needWeightsMissing(w, r)
	} else if err != nil {
		return err
	}
	f, weights := needweights.ReadForm(form, current, ageVersion, depVersion)
	if len(f.Errors) > 0 {
		return renderStatus(w, r, http.StatusUnprocessableEntity, needweights.Edit(s.needWeightsForm(r, f)))
	}
	n, err := s.db.UpdateNeedWeights(r.Context(), weights, actorOf(r))
	if errors.Is(err, store.ErrConflict) {
		return s.needWeightsConflict(w, r, f)
	}
	if err != nil {
		return err
	}
	s.sessions.Put(r.Context(), keyFlash, needweights.Saved(n))
	http.Redirect(w, r, needweb.WeightsHref, http.StatusSeeOther)
	return nil
}

// needWeightsConflict shows the form again with 409: someone saved the weights since
// it was opened. It keeps what was typed and takes the versions stored now.
func (s *Server) needWeightsConflict(w http.ResponseWriter, r *http.Request, f needweights.Form) error {
	now, err := s.db.NeedWeights(r.Context())
	if err != nil {
		return err
	}
	return renderStatus(w, r, http.StatusConflict, needweights.Edit(s.needWeightsForm(r, f.Stale(now))))
}

func (s *Server) needWeightsForm(r *http.Request, f needweights.Form) needweights.Form {
	return f.Framed(s.page(r, needweights.EditTitle, layout.NavNone))
}
