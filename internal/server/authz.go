package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// access is the rule of a route group (auth.Rule), by the names the route table
// (routes.go) reads best with: each rule's own name, as Rule.String writes it in the
// security log and the matrix test's failures.
type access = auth.Rule

const (
	public      = auth.Public
	signedIn    = auth.SignedIn
	pcnMember   = auth.PCNMembers
	importers   = auth.Importers
	planner     = auth.Planners
	auditor     = auth.Auditors
	adminOnly   = auth.AdminsOnly
	pcnManager  = auth.PCNManagers
	pcnDirector = auth.PCNDirectors
	icbReviewer = auth.ICBReviewers
	icbMember   = auth.ICBMembers
	icbLead     = auth.ICBLeads
)

// require answers 303 to the sign-in page for a signed-out visitor of a non-public
// route; a signed-in user's request it lets through, or answers by the error that
// refused it (fail): 404 for an unknown organisation, 403 outside the rule (a
// security record naming the rule), 500 or 503 when the rule could not be decided.
func (s *Server) require(a access) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if a == public {
				next.ServeHTTP(w, r)
				return
			}
			// Pages behind sign-in hold data that must not stay in shared caches.
			w.Header().Set("Cache-Control", "no-store")
			u := currentUser(r)
			if u == nil {
				s.toSignIn(w, r)
				return
			}
			if err := s.allowed(r, u, a); err != nil {
				s.fail(w, r, err)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// allowed decides a signed-in user's request by the rule (auth.User.Allows) on the
// organisation its URL names, in today's structure: nil, forbiddenBy(a), errNotFound
// for an unknown PCN or ICB, or the error that kept it from deciding. A lead's grant
// on a dissolved ICB opens the PCNs it held on its last day (auth.User.Dissolved, read
// with the user once per request), as the database's ICB lists do.
func (s *Server) allowed(r *http.Request, u *auth.User, a access) error {
	var at auth.Place
	switch {
	case a.OnPCN():
		p, err := s.pcnOfURL(r)
		if err != nil {
			return err
		}
		at = auth.Place{PCN: p.Code, ICB: p.ICBCode}
	case a.OnICB():
		tree, err := s.tree(r)
		if err != nil {
			return err
		}
		// A dissolved ICB is judged too: its leads keep its pages (its history, its
		// last day's PCNs), where the handler serves them.
		icb, found := tree.AnyICB(strings.ToUpper(chi.URLParam(r, "code")))
		if !found {
			return errNotFound
		}
		at = auth.Place{ICB: icb.Code, ICBOf: tree.ICBOf}
	}
	if !u.Allows(a, at) {
		return forbiddenBy(a)
	}
	return nil
}

// canSeeICB reports whether the user may see an ICB's detail (auth.User.SeesICB);
// the error is the tree's when it cannot be read.
func (s *Server) canSeeICB(r *http.Request, u *auth.User, icb string) (bool, error) {
	if u.LeadsICB(icb) {
		return true, nil
	}
	tree, err := s.tree(r)
	if err != nil {
		return false, err
	}
	return u.SeesICB(icb, tree.ICBOf), nil
}

// tree is today's organisation tree (the server's clock, in England), read through the
// cache under the same key as treeOn, so every page means the same "today".
func (s *Server) tree(r *http.Request) (*workforce.Tree, error) {
	return s.treeOn(r.Context(), s.today())
}

// pcnOfURL is the PCN of the URL's {code}: errNotFound when there is none, the
// error itself when the tree cannot be read (a failed read is not an absence).
func (s *Server) pcnOfURL(r *http.Request) (workforce.PCN, error) {
	tree, err := s.tree(r)
	if err != nil {
		return workforce.PCN{}, err
	}
	p, ok := tree.PCN(strings.ToUpper(chi.URLParam(r, "code")))
	if !ok {
		return p, errNotFound
	}
	return p, nil
}

// toSignIn sends a signed-out visitor to the sign-in page, coming back afterwards to
// the page they asked for. A form posted after the session lapsed cannot be replayed:
// they come back to the page the form was on, and are told it was not saved. The
// notice travels in the address, never in a stored session.
func (s *Server) toSignIn(w http.ResponseWriter, r *http.Request) {
	q := url.Values{"next": {r.URL.RequestURI()}}
	if ended, _ := r.Context().Value(endedKey{}).(bool); ended {
		q.Set("notice", "timeout")
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		q.Set("next", "/")
		if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
			q.Set("next", safeNext(ref.RequestURI()))
		}
		q.Set("notice", "unsaved")
	}
	http.Redirect(w, r, "/login?"+q.Encode(), http.StatusSeeOther)
}
