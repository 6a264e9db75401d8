package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
)

// allowedOnICB decides a request on the ICB of the URL: 404 for an unknown ICB, else
// 200 or 403 by ok.
func (s *Server) allowedOnICB(r *http.Request, ok func(icb string) bool) int {
	tree, err := cached(r.Context(), s, "tree", s.db.Tree)
	if err != nil {
		return http.StatusInternalServerError
	}
	icb, found := tree.ICB(strings.ToUpper(chi.URLParam(r, "code")))
	switch {
	case !found:
		return http.StatusNotFound
	case !ok(icb.Code):
		return http.StatusForbidden
	}
	return http.StatusOK
}

// canSeeICB reports whether the user may see an ICB's detail: admins, its leads, and
// the managers and clinical directors of its PCNs.
func (s *Server) canSeeICB(r *http.Request, u *auth.User, icb string) bool {
	if u.LeadsICB(icb) {
		return true
	}
	return slices.ContainsFunc(u.PCNs(), func(code string) bool {
		p, ok := s.pcnICB(r, code)
		return ok && p.ICBCode == icb
	})
}
