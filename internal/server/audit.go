package server

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/arrs-planner/arrs/internal/store"
	"github.com/arrs-planner/arrs/internal/workforce"
	"github.com/arrs-planner/arrs/web/audit"
	"github.com/arrs-planner/arrs/web/layout"
)

// audit shows the trail: everything to admins, to ICB leads only what concerns their
// ICBs and their PCNs (the query itself is scoped, not the rendering). Each change is
// shown as "field: old → new" lines, the stored JSON folded beneath them.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	f, err := auditFilter(r)
	if err != nil {
		return err
	}
	scope := "all ICBs"
	if !u.IsAdmin() {
		f.ICBs = append([]string{}, u.ICBs()...)
		scope = "ICBs " + strings.Join(f.ICBs, ", ")
	}
	entries, err := s.db.AuditLog(r.Context(), f)
	if err != nil {
		return err
	}
	roles, err := cached(r.Context(), s, "roles", s.db.Roles)
	if err != nil {
		return err
	}
	names := workforce.RoleNames(roles)
	p := audit.Page{Layout: s.page(r, "Audit trail", layout.NavNone), PCN: f.PCN, Actor: f.Actor, Scope: scope}
	for _, e := range entries {
		p.Entries = append(p.Entries, audit.Entry{ID: e.ID, At: e.At, Actor: e.Actor, Action: e.Action, Entity: e.Entity + " " + e.EntityID,
			PCN: e.PCN, Before: e.BeforeJSON, After: e.AfterJSON, Changes: audit.Changes(e.BeforeJSON, e.AfterJSON, names)})
	}
	return render(w, r, audit.View(p))
}

// auditFilter reads ?pcn= and ?user=, refusing (400, naming the limit) a value longer
// than any PCN code or email address can be.
func auditFilter(r *http.Request) (store.AuditFilter, error) {
	q := r.URL.Query()
	f := store.AuditFilter{PCN: strings.ToUpper(strings.TrimSpace(q.Get("pcn"))), Actor: strings.ToLower(strings.TrimSpace(q.Get("user"))), Limit: 200}
	if n := utf8.RuneCountInString(f.PCN); n > workforce.MaxCodeLength {
		return f, errBadRequest("A PCN code has at most %d characters; this one has %d.", workforce.MaxCodeLength, n)
	}
	if n := len(f.Actor); n > workforce.MaxEmailLength {
		return f, errBadRequest("A user is named by an email address of at most %d characters; this one has %d.", workforce.MaxEmailLength, n)
	}
	return f, nil
}
