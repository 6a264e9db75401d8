package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// allowedOnICB applies rule a, ok, to the ICB of the URL: errNotFound for an unknown
// ICB, the error itself when the tree cannot be read.
func (s *Server) allowedOnICB(r *http.Request, a access, ok func(t *workforce.Tree, icb string) bool) error {
	tree, err := s.tree(r)
	if err != nil {
		return err
	}
	icb, found := tree.ICB(strings.ToUpper(chi.URLParam(r, "code")))
	if !found {
		return errNotFound
	}
	return permit(a, ok(tree, icb.Code))
}

// canSeeICB reports whether the user may see an ICB's detail (seesICB); the error
// is the tree's when it cannot be read.
func (s *Server) canSeeICB(r *http.Request, u *auth.User, icb string) (bool, error) {
	if u.LeadsICB(icb) {
		return true, nil
	}
	tree, err := s.tree(r)
	if err != nil {
		return false, err
	}
	return seesICB(u, tree, icb), nil
}

// seesICB reports whether the user may see an ICB's detail: admins, its leads, and
// the managers and clinical directors of its PCNs.
func seesICB(u *auth.User, tree *workforce.Tree, icb string) bool {
	if u.LeadsICB(icb) {
		return true
	}
	return slices.ContainsFunc(u.PCNs(), func(code string) bool { return tree.ICBOf(code) == icb })
}
