package server

import (
	"net/http"
	"strings"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/web/audit"
	"github.com/arrs-planner/arrs/web/layout"
)

// audit shows the trail: everything to admins, to ICB leads only what concerns their
// ICBs and their PCNs (the query itself is scoped, not the rendering).
func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	q := r.URL.Query()
	f := store.AuditFilter{PCN: strings.ToUpper(strings.TrimSpace(q.Get("pcn"))), Actor: strings.ToLower(strings.TrimSpace(q.Get("user"))), Limit: 500}
	scope := "all ICBs"
	if !u.IsAdmin() {
		f.ICBs = append([]string{}, u.ICBs()...)
		scope = "ICBs " + strings.Join(f.ICBs, ", ")
	}
	entries, err := s.db.AuditLog(r.Context(), f)
	if err != nil {
		return err
	}
	p := audit.Page{Layout: s.page(r, "Audit trail", layout.NavNone), PCN: f.PCN, Actor: f.Actor, Scope: scope}
	for _, e := range entries {
		p.Entries = append(p.Entries, audit.Entry{ID: e.ID, At: e.At, Actor: e.Actor, Action: e.Action, Entity: e.Entity + " " + e.EntityID, PCN: e.PCN, Before: e.BeforeJSON, After: e.AfterJSON})
	}
	return render(w, r, audit.View(p))
}
