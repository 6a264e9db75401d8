package server

import (
	"net/http"

	"github.com/arrs-planner/arrs/web/admin"
	"github.com/arrs-planner/arrs/web/layout"
)

func (s *Server) targets(w http.ResponseWriter, r *http.Request) error {
	p, err := s.targetsPage(r, admin.TargetForm{})
	if err != nil {
		return err
	}
	p.Success = s.sessions.PopString(r.Context(), keyFlash)
	return render(w, r, admin.Targets(p))
}

func (s *Server) targetsPage(r *http.Request, f admin.TargetForm) (admin.TargetsPage, error) {
	all, err := s.db.Targets(r.Context())
	if err != nil {
		return admin.TargetsPage{}, err
	}
	p := admin.TargetsPage{Layout: s.page(r, "Targets", layout.NavNone), Form: f, Targets: admin.TargetRows(all)}
	p.Layout.HasErrors = len(f.Errors) > 0
	return p, nil
}

func (s *Server) targetSave(w http.ResponseWriter, r *http.Request) error {
	form, err := readForm(r)
	if err != nil {
		return err
	}
	f, t := admin.ReadTargetForm(form)
	if len(f.Errors) > 0 {
		p, err := s.targetsPage(r, f)
		if err != nil {
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, admin.Targets(p))
	}
	saved, created, err := s.db.SaveTarget(r.Context(), t, actorOf(r))
	if err != nil {
		return err
	}
	verb := "Changed"
	if created {
		verb = "Added"
	}
	s.sessions.Put(r.Context(), keyFlash, verb+" the target "+saved.Name)
	http.Redirect(w, r, "/admin/targets", http.StatusSeeOther)
	return nil
}
