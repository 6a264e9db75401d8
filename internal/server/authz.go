package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/arrs-planner/arrs/internal/auth"
	"github.com/arrs-planner/arrs/internal/workforce"
)

// access is the rule of a route group: who may call its routes. Every route is
// registered with one (see routes.go); the matrix test walks them all.
type access int

const (
	// public routes need no sign-in: sign-in itself, the role guide, health, assets.
	public access = iota
	// signedIn routes show the national picture to every signed-in user.
	signedIn
	// pcnMember routes show one PCN's detail (URL parameter {code}) to its own users,
	// the leads of its ICB and admins.
	pcnMember
	// importers routes load national files: ICB leads and admins.
	importers
	// planner routes change plans of PCNs the user manages or leads (the handler
	// checks each PCN): PCN managers, ICB leads and admins.
	planner
	// auditor routes read the audit trail: ICB leads (their ICBs) and admins.
	auditor
	// adminOnly routes manage users and reference data.
	adminOnly
	// pcnManager routes change one PCN's records (URL parameter {code}): its managers
	// and admins. Its clinical directors and ICB leads see them (pcnMember), not change.
	pcnManager
	// pcnDirector routes sign off one PCN's plan: its clinical directors.
	pcnDirector
	// icbReviewer routes accept or return one PCN's plan: the leads of its ICB, admins.
	icbReviewer
	// icbMember routes show one ICB's detail (URL parameter {code}, an ICB): to the
	// users of its PCNs, its leads and admins.
	icbMember
	// icbLead routes change one ICB's records (URL parameter {code}, an ICB): its
	// leads and admins.
	icbLead
)

func (a access) String() string {
	return [...]string{"public", "signedIn", "pcnMember", "importers", "planner", "auditor", "adminOnly", "pcnManager", "pcnDirector", "icbReviewer", "icbMember", "icbLead"}[a]
}

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

// allowed decides a signed-in user's request: nil, forbiddenBy(a), errNotFound for
// an unknown PCN or ICB of the URL, or the error that kept it from deciding.
func (s *Server) allowed(r *http.Request, u *auth.User, a access) error {
	switch a {
	case signedIn:
		return nil
	case pcnMember:
		return s.allowedOnPCN(r, a, func(p workforce.PCN) bool { return u.CanSeePCN(p.Code, p.ICBCode) })
	case importers:
		return permit(a, u.CanImport())
	case planner:
		return permit(a, canUploadPlans(u))
	case auditor:
		return permit(a, u.IsAdmin() || u.Has(auth.ICBLead))
	case adminOnly:
		return permit(a, u.IsAdmin())
	case pcnManager:
		return s.allowedOnPCN(r, a, func(p workforce.PCN) bool { return canChangeStaff(u, p.Code) })
	case pcnDirector:
		return s.allowedOnPCN(r, a, func(p workforce.PCN) bool { return canSignOff(u, p.Code) })
	case icbReviewer:
		return s.allowedOnPCN(r, a, func(p workforce.PCN) bool { return canReview(u, p) })
	case icbMember:
		return s.allowedOnICB(r, a, func(t *workforce.Tree, icb string) bool { return seesICB(u, t, icb) })
	case icbLead:
		return s.allowedOnICB(r, a, func(_ *workforce.Tree, icb string) bool { return u.LeadsICB(icb) })
	}
	return forbiddenBy(a)
}

// permit is nil when ok, else the refusal by rule a.
func permit(a access, ok bool) error {
	if !ok {
		return forbiddenBy(a)
	}
	return nil
}

// allowedOnPCN applies rule a, ok, to the PCN of the URL.
func (s *Server) allowedOnPCN(r *http.Request, a access, ok func(workforce.PCN) bool) error {
	p, err := s.pcnOfURL(r)
	if err != nil {
		return err
	}
	return permit(a, ok(p))
}

// canChangeStaff reports whether the user may change a PCN's staff records: its
// managers and admins.
func canChangeStaff(u *auth.User, pcn string) bool {
	return u.IsAdmin() || u.CanActOnPCN(auth.PCNManager, pcn)
}

// tree is the organisation tree, read through the cache.
func (s *Server) tree(r *http.Request) (*workforce.Tree, error) {
	return cached(r.Context(), s, "tree", s.db.Tree)
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
